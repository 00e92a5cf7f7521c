import type { BaseFlow, Model } from '../model/model.ts';

/** A model's flows in base units, grouped for fast lookup by the metrics. */
export interface FlowIndex {
  /** Flows of each commodity. */
  byCommodity: Map<string, BaseFlow[]>;
  /** Flows of each (role, actor, commodity): key `${role}|${actor}|${commodity}`, role `importer` or `exporter`. */
  byActor: Map<string, BaseFlow[]>;
}

const push = (map: Map<string, BaseFlow[]>, key: string, f: BaseFlow) => {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
};

const cache = new WeakMap<Model, { rows: unknown[]; length: number; index: FlowIndex }>();

/**
 * Groups a model's flows by commodity once, converting volumes to base units, and keeps the result
 * for later calls on the same model (rebuilt if the flow table is replaced or changes length).
 * A Model is treated as immutable once built: scenarios build a new one.
 */
export function flowIndex(model: Model): FlowIndex {
  const rows = model.tables.flow;
  const hit = cache.get(model);
  if (hit && hit.rows === rows && hit.length === rows.length) return hit.index;
  const byCommodity = new Map<string, BaseFlow[]>();
  const byActor = new Map<string, BaseFlow[]>();
  for (const row of rows) {
    const f: BaseFlow = { ...row, baseVolume: model.toBase(row.volume, row.unit, row.commodity) }; // as Model.flows()
    push(byCommodity, f.commodity, f);
    push(byActor, `importer|${f.importer}|${f.commodity}`, f);
    push(byActor, `exporter|${f.exporter}|${f.commodity}`, f);
  }
  const index = { byCommodity, byActor };
  cache.set(model, { rows, length: rows.length, index });
  return index;
}
