import type { Model } from '../model/model.ts';

/** Lookups the metrics need many times per call, built once per model. */
export interface Lookups {
  aggregates: Set<string>;
  /** Countries, aggregates and blocs. */
  actors: Set<string>;
  name: (id: string) => string;
  /** WGI mean of a country: the latest year not after `year`, else its first row (as Model.wgi). */
  wgi: (country: string, year: number) => { value: number; year: number } | undefined;
}

const cache = new WeakMap<Model, Lookups>();

/**
 * Country, aggregate, bloc and WGI lookups of a model, built on first use and kept for the model's
 * life (a Model is treated as immutable once built). Gives the same answers as the Model's own
 * methods (isAggregate, hasActor, actorName, wgi), in constant time.
 */
export function lookups(model: Model): Lookups {
  const hit = cache.get(model);
  if (hit) return hit;
  const names = new Map<string, string>();
  for (const b of model.tables.bloc) names.set(b.id, b.name);
  for (const c of [...model.tables.country].reverse()) names.set(c.id, c.name);
  const wgiRows = new Map<string, { value: number; year: number }[]>();
  for (const g of model.tables.governance) {
    if (g.indicator !== 'wgi_mean') continue;
    const list = wgiRows.get(g.country) ?? [];
    list.push({ value: g.value, year: g.year });
    wgiRows.set(g.country, list);
  }
  const wgiCache = new Map<string, { value: number; year: number } | undefined>();
  const result: Lookups = {
    aggregates: new Set(model.tables.country.filter((c) => c.kind === 'aggregate').map((c) => c.id)),
    actors: new Set([...model.tables.country.map((c) => c.id), ...model.tables.bloc.map((b) => b.id), ...model.tables.blocMember.map((m) => m.bloc)]),
    name: (id) => names.get(id) ?? id,
    wgi: (country, year) => {
      const key = `${country}|${year}`;
      if (wgiCache.has(key)) return wgiCache.get(key);
      const rows = wgiRows.get(country);
      let best: { value: number; year: number } | undefined;
      for (const r of rows ?? []) if (r.year <= year && (!best || r.year > best.year)) best = r;
      const value = best ?? rows?.[0];
      wgiCache.set(key, value);
      return value;
    },
  };
  cache.set(model, result);
  return result;
}
