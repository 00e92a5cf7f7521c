// The one file every benchmark figure quoted in the README and the docs comes from: bench/results.json. Each
// benchmark records its section (rows of Corridor vs its peer, measured in the same run); `npm run bench:docs`
// writes them into the marked blocks of the README and the tours, and a test fails when a block is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, 'results.json');

export interface BenchRow {
  /** What is measured, on what input. */
  benchmark: string;
  corridor: string;
  /** The named peer and its figure, from the same run (or the target, where a target is the yardstick). */
  peer: string;
  /** Corridor / peer, e.g. "1.6×" (below 1 is faster than the peer); '–' where there is no peer. */
  ratio: string;
}

export interface BenchSection {
  title: string;
  /** The command that measures it. */
  command: string;
  /** When and where it was measured. */
  measured: string;
  rows: BenchRow[];
  notes?: string[];
}

export type BenchResults = Record<string, BenchSection>;

export function readResults(file = RESULTS_FILE): BenchResults {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : {};
}

/** Replaces one benchmark's section of bench/results.json, keeping the others. */
export function recordSection(id: string, section: Omit<BenchSection, 'measured'>, file = RESULTS_FILE): void {
  const results = readResults(file);
  const measured = `${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} cores`;
  results[id] = { ...section, measured };
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** A section as a Markdown table with its command and date. */
export function renderSection(section: BenchSection): string {
  return [
    `| benchmark | Corridor | peer (same input, same run) | ratio |`,
    `|---|---|---|---|`,
    ...section.rows.map((r) => `| ${cell(r.benchmark)} | ${cell(r.corridor)} | ${cell(r.peer)} | ${cell(r.ratio)} |`),
    '',
    `Measured with \`${section.command}\` (${section.measured}).${section.notes?.length ? ` ${section.notes.join(' ')}` : ''}`,
  ].join('\n');
}

/** Every section, one after the other (the README's summary). */
export function renderAll(results: BenchResults): string {
  return Object.values(results).map((s) => `**${s.title}**\n\n${renderSection(s)}`).join('\n\n');
}

const BLOCK = /(<!-- bench:([a-z-]+) -->\n)([\s\S]*?)(<!-- \/bench:\2 -->)/g;

/** Rewrites the generated blocks of a page (`<!-- bench:ID -->` … `<!-- /bench:ID -->`; ID `all` is every section). */
export function updateBlocks(text: string, results: BenchResults, page: string): string {
  return text.replace(BLOCK, (_whole, open: string, id: string, _old: string, close: string) => {
    const body = id === 'all' ? renderAll(results) : results[id] ? renderSection(results[id]) : undefined;
    if (body === undefined) throw new Error(`${page}: block bench:${id} names no section of bench/results.json (sections: ${Object.keys(results).join(', ')})`);
    return `${open}${body}\n${close}`;
  });
}

/** Ids of the blocks a page holds. */
export const blockIds = (text: string): string[] => [...text.matchAll(BLOCK)].map((m) => m[2]);

/** Pages with generated benchmark blocks. */
export const BENCH_PAGES = ['README.md', 'docs/methods/risk.md', 'docs/tour/metrics.md', 'docs/tour/scenarios.md', 'docs/tour/events.md', 'docs/web.md'];
