// Repeats of one event (a headline restated in the lead, one event told twice) become one event; statements
// that only report another event of the same sentence are dropped.
import { uniq } from './lists.ts';
import { EVENT_SCALE, type EventType } from './method.ts';
import type { Draft } from './result.ts';

/** The same members, in any order. */
function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Source and targets of an event, sorted, for comparing parties. */
function participants(d: { source: string | null; targets: string[] }): string[] {
  return [d.source ?? '', ...d.targets].filter(Boolean).sort();
}

/** Whether every member of one list is in the other (either way). */
function within(a: string[], b: string[]): boolean {
  return a.every((x) => b.includes(x)) || b.every((x) => a.includes(x));
}

/** How much a draft tells, to choose which of two repeats to show: a body sentence over the headline, a written date, more parties, more links, more words. */
function informativeness(d: Draft): number[] {
  return [d.headline ? 0 : 1, d.dateBasis === 'text' ? 1 : 0, participants(d).length, d.commodities.length + d.routes.length + d.places.length, d.sentence.text.length];
}

function moreInformative(a: Draft, b: Draft): boolean {
  const x = informativeness(a);
  const y = informativeness(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

/** Whether two drafts tell the same event: the same type, the same parties (or one set within the other), the same day. */
function sameEvent(k: Draft, d: Draft): boolean {
  if (k.type !== d.type || k.negated !== d.negated) return false;
  const sym = EVENT_SCALE[d.type].symmetric;
  const pk = partiesOf(k);
  const pd = partiesOf(d);
  if (pk.length === 0 || pd.length === 0) return false;
  const same = sym ? sameSet(pk, pd) : k.source === d.source && sameSet(k.targets, d.targets);
  // One side's parties within the other's: the same event told again (the headline, or a later sentence on the same day).
  const nested = sym ? within(pk, pd) : k.source === d.source && within(k.targets, d.targets);
  if (!same && !(nested && (k.headline || d.headline || k.date === d.date))) return false;
  if (k.date === d.date) return true;
  return k.dateBasis !== 'text' || d.dateBasis !== 'text';
}

/** The parties of a draft, kept until the draft changes (merging compares each draft with every one kept). */
const PARTIES = new WeakMap<Draft, string[]>();
function partiesOf(d: Draft): string[] {
  let p = PARTIES.get(d);
  if (!p) { p = participants(d); PARTIES.set(d, p); }
  return p;
}

/** One event from two tellings: the more informative sentence and its words, a written date, every party and link, the higher confidence (plus 0.05). */
function mergeInto(twin: Draft, d: Draft): void {
  const [best, other] = moreInformative(twin, d) ? [{ ...twin }, d] : [{ ...d }, { ...twin }];
  const source = best.source ?? other.source;
  const merged: Draft = {
    ...best,
    source,
    targets: uniq([...best.targets, ...(EVENT_SCALE[best.type].symmetric ? participants(other) : other.targets)]).filter((t) => t !== source),
    date: best.dateBasis === 'text' || other.dateBasis !== 'text' ? best.date : other.date,
    dateBasis: best.dateBasis === 'text' || other.dateBasis !== 'text' ? best.dateBasis : other.dateBasis,
    commodities: [...best.commodities, ...other.commodities.filter((c) => !best.commodities.some((x) => x.name === c.name))],
    routes: [...best.routes, ...other.routes.filter((r) => !best.routes.some((x) => x.name === r.name))],
    places: [...best.places, ...other.places.filter((p) => !best.places.some((x) => x.name === p.name))],
    attribution: best.attribution ?? other.attribution,
    confidence: Math.min(0.95, Math.round((Math.max(twin.confidence, d.confidence) + 0.05) * 100) / 100),
  };
  Object.assign(twin, merged);
  PARTIES.delete(twin);
}

/** Merges repeats (a headline restated in the lead, one event told twice) and drops statements that report another event. */
export function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  const byType = new Map<EventType, Draft[]>();
  for (const d of drafts) {
    const same = byType.get(d.type) ?? [];
    const twin = same.find((k) => sameEvent(k, d));
    if (twin) { mergeInto(twin, d); continue; }
    const copy = { ...d };
    kept.push(copy);
    same.push(copy);
    byType.set(d.type, same);
  }
  return kept.filter((d) => d.type !== 'STATEMENT' || d.negated || !kept.some((o) => o !== d && o.type !== 'STATEMENT' && o.source === d.source && o.sentenceIndex === d.sentenceIndex));
}
