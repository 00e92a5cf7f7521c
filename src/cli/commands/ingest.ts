// `corridor ingest FILE|-`: English news text in, candidate events out (and, with --save, kept for review).
import type { Command } from 'commander';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { buildLinks, decodeInput, ingestText, linkSourceOf, MAX_INPUT_BYTES, tooLarge, EVENTS_METHOD } from '../../events/index.ts';
import { candidateStorePath } from '../../store/candidates.ts';
import { refusePackagedDataset } from '../../store/lock.ts';
import { withReviewStore } from '../../store/review.ts';
import { coerceCell } from '../../schema/coerce.ts';
import type { Attribute } from '../../schema/types.ts';
import { CorridorError } from '../../errors.ts';
import { datasetDir, printOutput, withDataset, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { formatIngestResult, ingestTables } from '../views/events.ts';
import { formatImpactReport } from '../views/impact.ts';
import { impactOf, withImpactOptions, type ImpactCliOptions } from '../impact-options.ts';
import { fromCandidate, type ImpactReport } from '../../impact/index.ts';
import { readCorpus } from '../corpus-input.ts';
import { ingestCorpus } from '../ingest-corpus.ts';

const PUBLISHED: Attribute = { name: 'published', type: 'date', required: true, description: 'publication date' };

/** Checks a --published value: a real calendar day written YYYY-MM-DD (the dataset's own date rule). */
export function parsePublished(value: string | undefined): string | null {
  if (value === undefined) return null;
  const day = coerceCell(PUBLISHED, value);
  if (!day.ok) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--published expects a date written YYYY-MM-DD (e.g. 2024-03-05), found "${value}"`);
  return day.value as string;
}

/** Waits a few milliseconds (a non-blocking pipe with no data yet). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Reads an open file, pipe or standard input to its end in chunks, refusing more than the size limit. */
function readToEnd(fd: number, name: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { pause(5); continue; }
      if (code === 'EOF') break;
      throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `could not read ${name}: ${(e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(total, name);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an article file: a regular file or a pipe (`<(command)`), never a device or a folder, and never more than
 * the size limit, counted while reading (a pipe or a device reports no size). A named pipe with no writer reads as
 * empty rather than waiting forever.
 */
function readFileInput(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file} (${code})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is a folder; give a text file (or - for standard input)`);
    if (!stat.isFile() && !stat.isFIFO()) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is not a text file (a device or a socket); give a text file (or - for standard input)`);
    if (stat.size > MAX_INPUT_BYTES) throw tooLarge(stat.size, file);
    return readToEnd(fd, file);
  } finally {
    closeSync(fd);
  }
}

export function register(program: Command, context: RunContext): void {
  withImpactOptions(withOutput(withDataset(program.command('ingest')), ['events', 'actors', 'mentions']))
    .description('read English news (an article, a folder, an RSS/Atom feed or JSON lines) and list candidate events (actors, type, date, tone, commodities, routes)')
    .argument('<file>', 'text file with the article, - for standard input, a folder of articles (.txt, .md, .html), an RSS or Atom feed, or a JSON-lines file of articles ({title, text, date, url, source})')
    .option('--published <date>', 'publication date YYYY-MM-DD: relative dates ("last week", "on Tuesday") are resolved against it')
    .option('--source <publisher>', 'publisher of the article (e.g. Reuters); kept with saved candidates')
    .option('--save', 'keep the candidates for review in DATASET/.corridor/events.sqlite (see `corridor events`)', false)
    .option('--impact', 'run the events that change the model (a route halted, an embargo, a new route, a supply agreement …) as scenarios: "if this holds: …"', false)
    .action(async (file: string, options: OutputOptions & ImpactCliOptions & { dataset?: string; published?: string; source?: string; save: boolean; impact: boolean }) => {
      const published = parsePublished(options.published);
      if (!options.impact && (options.assume.length || options.rules)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${options.assume.length ? '--assume' : '--rules'} goes with --impact`);
      if (options.save) refusePackagedDataset(datasetDir(options), 'ingest --save');
      const corpus = readCorpus(file);
      if (corpus) {
        const model = openDataset(options);
        await ingestCorpus(context, file, corpus, options, published, model, buildLinks(linkSourceOf(model.tables)));
        return;
      }
      const name = file === '-' ? 'standard input' : file;
      const text = decodeInput(file === '-' ? readToEnd(0, 'standard input') : readFileInput(file), name);
      const model = openDataset(options);
      const links = buildLinks(linkSourceOf(model.tables));
      const result = ingestText(text, { published, source: options.source ?? null, links });
      // The impact runs before anything is saved: a bad --assume or --rules leaves the store as it was.
      const impact: ImpactReport | undefined = options.impact ? await impactOf(model, result.events.map(fromCandidate), { ...options, metrics: false }) : undefined;
      let saved: { store: string; added: number; existing: number } | undefined;
      if (options.save) {
        const dir = datasetDir(options);
        saved = withReviewStore(dir, 'ingest --save', (store) => {
          const { added, existing } = store.save({
            hash: result.article.hash, title: result.article.title, source: result.article.source, published: result.article.published,
            method: `${EVENTS_METHOD.name}@${EVENTS_METHOD.version}`, savedAt: new Date().toISOString(),
          }, result.events);
          return { store: candidateStorePath(dir), added, existing };
        }, { create: true });
      }
      const { method, ...rest } = result;
      printOutput(context, options, {
        json: () => ({ method, dataset: model.info.hash, ...rest, ...(saved ? { saved } : {}), ...(impact ?? {}) }),
        text: () => [...formatIngestResult(result), ...(impact ? formatImpactReport(impact) : [])],
        tables: () => ingestTables(result),
      });
      if (options.json || options.csv) return;
      if (saved) context.io.out(`saved ${saved.added} new candidate(s) to ${saved.store}${saved.existing ? ` (${saved.existing} already there)` : ''}; review them with \`corridor events list\``);
      for (const w of result.warnings) context.io.err(`warning: ${w}`, 'warning');
    });
}
