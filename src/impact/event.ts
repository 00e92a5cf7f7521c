// The event an impact is read from: a candidate the news reader found, or an event row of the dataset. Both are
// brought to one shape, so that the rules see the same fields whichever they come from. Pure.
import type { EventOut } from '../events/result.ts';
import type { EventRow } from '../model/types.ts';

export interface ImpactEvent {
  id: string;
  type: string;
  source: string | null;
  targets: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  date: string | null;
  /** Dataset ids of the commodities, routes and nodes the event names. */
  commodities: string[];
  routes: string[];
  nodes: string[];
  /** States of the places it names ("Novorossiysk" -> RUS). */
  placeStates: string[];
  /** The word(s) that signalled the event ('' for a dataset event: its summary is searched instead). */
  trigger: string;
  /** Its sentence (a candidate) or summary (a dataset event). */
  text: string;
  negated: boolean;
}

const ids = (list: readonly { id: string | null }[]): string[] => [...new Set(list.map((x) => x.id).filter((id): id is string => !!id))];

/** A candidate event of the news reader. */
export function fromCandidate(e: EventOut): ImpactEvent {
  return {
    id: e.id, type: e.type, source: e.source, targets: [...e.targets], date: e.date,
    commodities: ids(e.commodities), routes: ids(e.routes), nodes: ids(e.places),
    placeStates: [...new Set(e.places.map((p) => p.state).filter((s): s is string => !!s))],
    trigger: e.trigger, text: e.sentence.text, negated: e.negated,
  };
}

/** An event row of the dataset (events.csv). */
export function fromDatasetEvent(e: EventRow): ImpactEvent {
  return {
    id: e.id, type: e.type, source: e.actor || null, targets: [...e.targets], date: e.date,
    commodities: [...e.commodities], routes: [...e.routes], nodes: [], placeStates: [],
    trigger: '', text: e.summary, negated: false,
  };
}
