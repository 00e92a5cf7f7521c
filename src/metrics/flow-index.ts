import type { BaseFlow, Model } from '../model/model.ts';
import type { FlowRow } from '../model/types.ts';

/** The flows of one (role, actor, commodity), grouped by year. */
export interface ActorFlows {
  /** All years, in row order. */
  flows: BaseFlow[];
  /** Years with flows, ascending. */
  years: number[];
  /** The flows of each year, in row order. */
  byYear: Map<number, BaseFlow[]>;
}

/** A model's flows in base units, grouped for fast lookup by the metrics. */
export interface FlowIndex {
  /** Flows of each commodity, in row order. */
  byCommodity: Map<string, BaseFlow[]>;
  /** The flows of one (role, actor, commodity) by year; undefined when it has none. */
  actor: (role: Role, actor: string, commodity: string) => ActorFlows | undefined;
}

type Role = 'importer' | 'exporter';

/**
 * A flow row with its base volume. Built field by field rather than with `{ ...row }`: on large
 * datasets a spread of every row costs several times more (and the compiler checks that every field
 * of FlowRow is here).
 */
function baseFlow(row: FlowRow, baseVolume: number): BaseFlow {
  return {
    year: row.year, commodity: row.commodity, exporter: row.exporter, importer: row.importer, route: row.route,
    volume: row.volume, unit: row.unit, source: row.source, estimated: row.estimated, note: row.note, baseVolume,
  };
}

/** Groups flows by year, keeping row order within each year. */
export function groupByYear(flows: BaseFlow[]): ActorFlows {
  const entry: ActorFlows = { flows: [], years: [], byYear: new Map() };
  for (const f of flows) addFlow(entry, f);
  entry.years.sort((a, b) => a - b);
  return entry;
}

/** Adds a flow to an actor's lists (`years` in order of first appearance: sort it when done). */
function addFlow(entry: ActorFlows, f: BaseFlow): void {
  entry.flows.push(f);
  const list = entry.byYear.get(f.year);
  if (list) list.push(f);
  else {
    entry.byYear.set(f.year, [f]);
    entry.years.push(f.year);
  }
}

/** Adds a flow under commodity → actor in one role's nested maps (nested maps: no string key per row). */
function addToRole(role: Map<string, Map<string, ActorFlows>>, commodity: string, actor: string, f: BaseFlow): void {
  let ofCommodity = role.get(commodity);
  if (!ofCommodity) role.set(commodity, (ofCommodity = new Map()));
  let entry = ofCommodity.get(actor);
  if (!entry) ofCommodity.set(actor, (entry = { flows: [], years: [], byYear: new Map() }));
  addFlow(entry, f);
}

const cache = new WeakMap<Model, { rows: unknown[]; length: number; index: FlowIndex }>();

/**
 * Groups a model's flows by commodity and by (importer or exporter, commodity, year) in one pass, with
 * volumes in base units (converted once, when the Model was built), and keeps the result for later
 * calls on the same model (rebuilt if the flow table is replaced or changes length). A Model is not
 * mutated after construction: scenarios pass re-optimised flows instead. Callers must not mutate the
 * lists or the flows they get: every later call shares them.
 */
export function flowIndex(model: Model): FlowIndex {
  const rows = model.tables.flow;
  const hit = cache.get(model);
  if (hit && hit.rows === rows && hit.length === rows.length) return hit.index;
  const byCommodity = new Map<string, BaseFlow[]>();
  const roles = { importer: new Map<string, Map<string, ActorFlows>>(), exporter: new Map<string, Map<string, ActorFlows>>() };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // A row that could not be converted throws its error here (as Model.flows()).
    const f = baseFlow(row, model.flowVolume(i));
    const list = byCommodity.get(f.commodity);
    if (list) list.push(f);
    else byCommodity.set(f.commodity, [f]);
    addToRole(roles.importer, f.commodity, f.importer, f);
    addToRole(roles.exporter, f.commodity, f.exporter, f);
  }
  for (const role of Object.values(roles)) for (const ofCommodity of role.values()) for (const entry of ofCommodity.values()) entry.years.sort((a, b) => a - b);
  const index: FlowIndex = { byCommodity, actor: (role, actor, commodity) => roles[role].get(commodity)?.get(actor) };
  cache.set(model, { rows, length: rows.length, index });
  return index;
}
