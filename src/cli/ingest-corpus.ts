// `corridor ingest FOLDER|FEED|FILE.jsonl`: every article read in turn (a progress bar on a terminal), the same event
// told by several outlets merged into one with every telling kept, then — only when everything was read — saved
// for review and, with --impact, run as scenarios.
import { EVENTS_METHOD } from '../events/method.ts';
import { ingestText } from '../events/extract.ts';
import type { IngestResult } from '../events/result.ts';
import type { LinkTable } from '../events/links.ts';
import { articleText, type CorpusArticle } from '../events/feeds.ts';
import { mergeCorpus, type CorpusEvent } from '../events/corpus.ts';
import { candidateStorePath } from '../store/candidates.ts';
import { withReviewStore } from '../store/review.ts';
import { fromCandidate, type ImpactReport } from '../impact/index.ts';
import type { Model } from '../model/model.ts';
import { clip, formatTone, type DataTable } from './format.ts';
import { datasetDir, printOutput, type OutputOptions, type RunContext } from './common.ts';
import type { Corpus } from './corpus-input.ts';
import { impactOf, type ImpactCliOptions } from './impact-options.ts';
import { formatImpactReport } from './views/impact.ts';

export interface CorpusOptions extends OutputOptions, ImpactCliOptions {
  dataset?: string;
  source?: string;
  save: boolean;
  impact: boolean;
}

/** A progress bar on stderr, on a terminal only (never with --json or --csv). */
function progressBar(total: number, on: boolean): { tick: (done: number) => void; clear: () => void } {
  if (!on) return { tick: () => undefined, clear: () => undefined };
  let last = 0;
  return {
    tick: (done) => {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const full = Math.round((done / total) * width);
      process.stderr.write(`\r  [${'#'.repeat(full)}${' '.repeat(width - full)}] ${done}/${total} articles`);
    },
    clear: () => { process.stderr.write('\r\x1b[2K'); },
  };
}

interface ReadArticle {
  article: CorpusArticle;
  result: IngestResult;
}

export async function ingestCorpus(context: RunContext, path: string, corpus: Corpus, options: CorpusOptions, published: string | null, model: Model, links: LinkTable): Promise<void> {
  const bar = progressBar(corpus.articles.length, process.stderr.isTTY === true && !options.json && !options.csv);
  const read: ReadArticle[] = [];
  corpus.articles.forEach((article, i) => {
    const result = ingestText(articleText(article), { published: article.date ?? published, source: article.source ?? options.source ?? null, links });
    read.push({ article, result });
    bar.tick(i + 1);
  });
  bar.clear();
  const events = mergeCorpus(read.map((r) => ({ result: r.result, url: r.article.url })));
  const impact: ImpactReport | undefined = options.impact ? await impactOf(model, events.map(fromCandidate), { ...options, metrics: false }) : undefined;
  const saved = options.save ? saveCorpus(datasetDir(options), read, events) : undefined;
  const warnings = read.flatMap((r) => r.result.warnings.map((w) => `${r.article.origin}: ${w}`));
  const articles = read.map((r) => ({
    origin: r.article.origin, hash: r.result.article.hash, title: r.result.article.title, source: r.result.article.source,
    published: r.result.article.published, url: r.article.url, events: r.result.events.length,
  }));
  printOutput(context, options, {
    json: () => ({ method: { ...EVENTS_METHOD }, dataset: model.info.hash, input: { kind: corpus.kind, path }, articles, events, warnings, ...(saved ? { saved } : {}), ...(impact ?? {}) }),
    text: () => [...formatCorpus(corpus, path, articles.length, events), ...(impact ? formatImpactReport(impact) : [])],
    tables: () => corpusTables(events),
  });
  if (options.json || options.csv) return;
  if (saved) context.io.out(`saved ${saved.added} new candidate(s) from ${read.length} article(s) to ${saved.store}${saved.existing ? ` (${saved.existing} already there)` : ''}; review them with \`corridor events list\``);
  for (const w of warnings) context.io.err(`warning: ${w}`, 'warning');
}

/** Each article is kept, with the events it tells first; a merged event is one candidate carrying every telling. */
function saveCorpus(dir: string, read: readonly ReadArticle[], events: readonly CorpusEvent[]): { store: string; added: number; existing: number } {
  return withReviewStore(dir, 'ingest --save', (store) => {
    let added = 0;
    let existing = 0;
    const savedAt = new Date().toISOString();
    for (const { result } of read) {
      const own = events.filter((e) => e.sources[0].article === result.article.hash);
      const n = store.save({
        hash: result.article.hash, title: result.article.title, source: result.article.source, published: result.article.published,
        method: `${EVENTS_METHOD.name}@${EVENTS_METHOD.version}`, savedAt,
      }, own);
      added += n.added;
      existing += n.existing;
    }
    return { store: candidateStorePath(dir), added, existing };
  }, { create: true });
}

function formatCorpus(corpus: Corpus, path: string, articles: number, events: readonly CorpusEvent[]): string[] {
  const several = events.filter((e) => e.sources.length > 1).length;
  const lines = [`${path} (${corpus.kind}): ${articles} article(s), ${events.length} event(s), ${several} told by several articles [${EVENTS_METHOD.name} ${EVENTS_METHOD.version}]`];
  for (const e of events) {
    lines.push(`  ${e.id}  ${(e.date ?? 'no date').padEnd(10)}  ${e.type.padEnd(10)} ${e.source ?? '?'} -> ${e.targets.join(',') || '-'}  tone ${formatTone(e.tone)}  confidence ${e.confidence.toFixed(2)}  ${e.sources.length} source(s)`);
    lines.push(`      "${clip(e.sentence.text, 110)}"`);
    if (e.sources.length > 1) lines.push(`      told by: ${e.sources.map((s) => s.source ?? (s.title || s.article.slice(0, 8))).join('; ')}`);
  }
  return lines;
}

function corpusTables(events: readonly CorpusEvent[]): DataTable[] {
  return [{
    name: 'events',
    columns: ['id', 'date', 'type', 'source', 'targets', 'tone', 'confidence', 'commodities', 'routes', 'sentence', 'sources', 'publishers', 'urls'],
    rows: events.map((e) => [e.id, e.date, e.type, e.source, e.targets.join(' '), e.tone, e.confidence,
      e.commodities.map((c) => c.id ?? c.name).join(' '), e.routes.map((x) => x.id ?? x.name).join(' '), e.sentence.text,
      e.sources.length, e.sources.map((s) => s.source ?? '').join(' | '), e.sources.map((s) => s.url ?? '').join(' ')]),
  }];
}
