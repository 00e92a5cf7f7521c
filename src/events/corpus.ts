// Reading a corpus: each article is read on its own (ingestText), then the same event told by several outlets is
// merged into one, keeping every telling as a source. Two tellings are one event when they have the same type and
// the same parties (in any order for a symmetric type: an agreement, a meeting) and their dates agree: the same
// day, or days at most one apart (a wire story and a next-day report of the same act), or both without a date.
// Repeats inside one article are merged by merging.ts before this. Pure.
import { EVENT_SCALE } from './method.ts';
import type { EventOut, IngestResult } from './result.ts';

/** One article's telling of an event. */
export interface Telling {
  /** The article's SHA-256 and the event's id in it. */
  article: string;
  event: string;
  title: string;
  /** Publisher. */
  source: string | null;
  url: string | null;
  published: string | null;
  sentence: string;
  confidence: number;
}

/** An event of a corpus: the first telling's fields, the highest confidence, and every telling. */
export interface CorpusEvent extends EventOut {
  sources: Telling[];
}

export interface CorpusInput {
  result: IngestResult;
  url: string | null;
}

const DAY = 86_400_000;

function partiesKey(e: EventOut): string {
  const symmetric = EVENT_SCALE[e.type]?.symmetric ?? false;
  return symmetric ? [e.source ?? '', ...e.targets].sort().join(';') : `${e.source ?? ''}>${[...e.targets].sort().join(';')}`;
}

/** Whether two dates (YYYY, YYYY-MM or YYYY-MM-DD) can be the same event's: equal, or whole days at most one apart. */
export function datesAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== 10 || b.length !== 10) return a === b;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) <= DAY;
}

function tellingOf(r: IngestResult, url: string | null, e: EventOut): Telling {
  return {
    article: r.article.hash, event: e.id, title: r.article.title, source: r.article.source, url,
    published: r.article.published, sentence: e.sentence.text, confidence: e.confidence,
  };
}

/** The events of a corpus, merged across articles, in the order of their first telling. */
export function mergeCorpus(inputs: readonly CorpusInput[]): CorpusEvent[] {
  const merged: CorpusEvent[] = [];
  const byKey = new Map<string, CorpusEvent[]>();
  for (const { result, url } of inputs) {
    for (const e of result.events) {
      const key = `${e.type}|${partiesKey(e)}`;
      const group = byKey.get(key) ?? [];
      const twin = group.find((m) => datesAgree(m.date, e.date) && !m.sources.some((s) => s.article === result.article.hash));
      const telling = tellingOf(result, url, e);
      if (twin) {
        twin.sources.push(telling);
        twin.confidence = Math.max(twin.confidence, e.confidence);
        for (const list of ['commodities', 'routes', 'places'] as const) {
          for (const link of e[list]) if (!twin[list].some((l) => l.name === link.name)) (twin[list] as typeof link[]).push(link);
        }
        continue;
      }
      const event: CorpusEvent = { ...e, commodities: [...e.commodities], routes: [...e.routes], places: [...e.places], sources: [telling] };
      group.push(event);
      byKey.set(key, group);
      merged.push(event);
    }
  }
  return merged;
}
