// Scores coded events against gold labels: precision, recall and F1 for actors, event type, date, tone sign
// and the source/targets pair, micro-averaged over passages (multiset matching within each passage).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { EVENT_SCALE, type EventType } from '../../src/events/method.ts';

export interface GoldEvent { type: EventType; source: string | null; targets: string[]; date: string; tone: '+' | '-' | '0' }
export interface Passage { id: string; published: string; text: string; gold: { actors: string[]; events: GoldEvent[]; mentions?: string[] } }
export interface Predicted { actors: string[]; events: { type: string; source: string | null; targets: string[]; date: string | null; tone: number }[] }

export function readPassages(path: string): Passage[] {
  const raw = parse(readFileSync(path, 'utf8')) as Passage[];
  return raw.map((p) => ({
    ...p,
    published: String(p.published),
    gold: {
      actors: p.gold.actors.map(String),
      ...(p.gold.mentions ? { mentions: p.gold.mentions.map(String) } : {}),
      events: (p.gold.events ?? []).map((e) => ({ ...e, date: String(e.date), targets: (e.targets ?? []).map(String), tone: String(e.tone) as GoldEvent['tone'] })),
    },
  }));
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Scores { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }

export const FIELDS = ['actors', 'type', 'date', 'tone', 'dyad', 'event'] as const;
export type Field = (typeof FIELDS)[number];

function multisetCounts(predicted: string[], gold: string[]): Counts {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) { tp++; left.set(p, n - 1); }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

export function sign(tone: number): '+' | '-' | '0' {
  return tone > 0 ? '+' : tone < 0 ? '-' : '0';
}

function dyad(e: { type: string; source: string | null; targets: string[] }): string {
  const symmetric = (EVENT_SCALE as Record<string, { symmetric: boolean }>)[e.type]?.symmetric;
  if (symmetric) return [e.source ?? '?', ...e.targets].sort().join('+');
  return `${e.source ?? '?'}>${[...e.targets].sort().join('+')}`;
}

/** Per-field counts for one passage. */
export function scorePassage(p: Passage, predicted: Predicted): Record<Field, Counts> {
  const g = p.gold.events;
  const e = predicted.events;
  return {
    actors: multisetCounts([...new Set(predicted.actors)], [...new Set(p.gold.actors)]),
    type: multisetCounts(e.map((x) => x.type), g.map((x) => x.type)),
    date: multisetCounts(e.map((x) => x.date ?? 'none'), g.map((x) => x.date)),
    tone: multisetCounts(e.map((x) => sign(x.tone)), g.map((x) => x.tone)),
    dyad: multisetCounts(e.map(dyad), g.map(dyad)),
    event: multisetCounts(e.map((x) => `${x.type}|${dyad(x)}|${x.date}|${sign(x.tone)}`), g.map((x) => `${x.type}|${dyad(x)}|${x.date}|${x.tone}`)),
  };
}

/** States only mentioned, for a set labelled with them (gold `mentions`): counts over the passages that have the label. */
export function mentionCounts(passages: Passage[], predicted: (p: Passage) => string[]): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const p of passages) {
    if (!p.gold.mentions) continue;
    const c = multisetCounts([...new Set(predicted(p))], [...new Set(p.gold.mentions)]);
    total.tp += c.tp; total.fp += c.fp; total.fn += c.fn;
  }
  return total;
}

export function toScores(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...c };
}

export function sumCounts(list: Record<Field, Counts>[]): Record<Field, Counts> {
  const total = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Counts>;
  for (const r of list) for (const f of FIELDS) { total[f].tp += r[f].tp; total[f].fp += r[f].fp; total[f].fn += r[f].fn; }
  return total;
}
