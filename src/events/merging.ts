// Repeats of one event (a headline restated in the lead, one event told twice) become one event; statements
// that only report another event of the same sentence are dropped.
import { uniq } from './lists.ts';
import { EVENT_SCALE } from './method.ts';
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
  // Two clauses of one sentence tell two events unless they name the same parties ("shut the oilfield, which halted
  // shipments to Italy" is two disruptions).
  if (!same && !(nested && k.sentenceIndex !== d.sentenceIndex && (k.headline || d.headline || k.date === d.date))) return false;
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

/**
 * The kept events, filed so that a new telling is compared only with those that may tell the same event: the same
 * type and negation, a party in common (the acting state for a one-sided type; any party for a symmetric one, or for
 * a one-sided one without a source), and the same written date or no written date. Comparing with every kept event
 * instead takes time growing with the square of their number.
 */
class KeptEvents {
  readonly list: Draft[] = [];
  private readonly order = new Map<Draft, number>();
  /** Where each kept event is filed: under a key, and under a key and its date. */
  private readonly filed = new Map<Draft, Set<string>>();
  private readonly files = new Map<string, { all: Draft[]; undated: Draft[]; byDate: Map<string, Draft[]> }>();

  /** The first kept event (in the order kept) that tells the same event as d. */
  twinOf(d: Draft): Draft | undefined {
    const seen = new Set<Draft>();
    for (const key of this.keys(d)) {
      const file = this.files.get(key);
      if (!file) continue;
      const lists = d.dateBasis === 'text' ? [file.byDate.get(d.date!) ?? [], file.undated] : [file.all];
      for (const list of lists) for (const k of list) seen.add(k);
    }
    const candidates = [...seen].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return candidates.find((k) => sameEvent(k, d));
  }

  /** The kept events filed under one of d's keys (the same type and negation, a party in common), in the order kept. */
  sharingKeys(d: Draft): Draft[] {
    const seen = new Set<Draft>();
    for (const key of this.keys(d)) for (const k of this.files.get(key)?.all ?? []) seen.add(k);
    return [...seen].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  add(d: Draft): void {
    this.order.set(d, this.list.length);
    this.list.push(d);
    this.file(d);
  }

  /** Files a kept event, and files it again after a merge changed its parties or date (an old filing only costs a comparison). */
  file(d: Draft): void {
    const slots = this.filed.get(d) ?? new Set<string>();
    this.filed.set(d, slots);
    for (const key of this.keys(d)) {
      let file = this.files.get(key);
      if (!file) this.files.set(key, (file = { all: [], undated: [], byDate: new Map() }));
      if (!slots.has(key)) { slots.add(key); file.all.push(d); }
      // Each telling merged into an event would otherwise file it once more: a slot takes an event once.
      const slot = d.dateBasis === 'text' ? `${key}|${d.date}` : `${key}|-`;
      if (slots.has(slot)) continue;
      slots.add(slot);
      if (d.dateBasis !== 'text') file.undated.push(d);
      else {
        const sameDay = file.byDate.get(d.date!);
        if (sameDay) sameDay.push(d); else file.byDate.set(d.date!, [d]);
      }
    }
  }

  // An event without parties is never merged: it has no keys.
  private keys(d: Draft): string[] {
    const head = `${d.type}|${d.negated}|`;
    if (!EVENT_SCALE[d.type].symmetric && d.source) return [`${head}s:${d.source}`];
    return uniq(partiesOf(d)).map((p) => `${head}p:${p}`);
  }
}

/** Whether one date lies within the other at the coarser precision ("2025-03" holds "2025-03-12"). */
function compatibleDates(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Whether a recollection ("Earlier this year, Malaysia had suspended …", "the deal, signed in March, …") recalls an event
 * already told: the same type and negation, the same source (or parties, for a symmetric type) with the targets of one
 * within the other's, and dates that agree at the precision the recollection gives.
 */
function recalls(first: Draft, d: Draft): boolean {
  if (first.type !== d.type || first.negated !== d.negated) return false;
  const pf = partiesOf(first);
  const pd = partiesOf(d);
  if (pd.length === 0) return false;
  const parties = EVENT_SCALE[d.type].symmetric ? within(pf, pd) : first.source === d.source && within(first.targets, d.targets);
  return parties && (d.dateBasis !== 'text' || compatibleDates(first.date, d.date));
}

/** A recollection folded into its first telling: the first telling keeps its sentence and date; parties and links are added. */
function absorbRecollection(first: Draft, d: Draft): void {
  const source = first.source ?? d.source;
  first.source = source;
  first.targets = uniq([...first.targets, ...(EVENT_SCALE[first.type].symmetric ? participants(d) : d.targets)]).filter((t) => t !== source);
  for (const c of d.commodities) if (!first.commodities.some((x) => x.name === c.name)) first.commodities.push(c);
  for (const r of d.routes) if (!first.routes.some((x) => x.name === r.name)) first.routes.push(r);
  for (const p of d.places) if (!first.places.some((x) => x.name === p.name)) first.places.push(p);
  first.confidence = Math.min(0.95, Math.round((Math.max(first.confidence, d.confidence) + 0.05) * 100) / 100);
  PARTIES.delete(first);
}

/**
 * Merges repeats (a headline restated in the lead, one event told twice) and drops statements that report another event.
 * A recollection merges with the first telling of its event, whose date it keeps; with none, it is an event of its own,
 * dated as recalled.
 */
export function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept = new KeptEvents();
  for (const d of drafts) {
    if (d.recalled) {
      const first = kept.sharingKeys(d).find((k) => !k.recalled && recalls(k, d));
      if (first) { absorbRecollection(first, d); kept.file(first); continue; }
    }
    const twin = kept.twinOf(d);
    if (twin) { mergeInto(twin, d); kept.file(twin); continue; }
    kept.add({ ...d });
  }
  // A statement by a state that the same sentence shows acting reports that act: the act is the event.
  const acting = new Set(kept.list.filter((o) => o.type !== 'STATEMENT').map((o) => `${o.sentenceIndex}|${o.source}`));
  return kept.list.filter((d) => d.type !== 'STATEMENT' || d.negated || d.speechAct || !acting.has(`${d.sentenceIndex}|${d.source}`));
}
