import type { Model } from '../model/model.ts';
import { EU_BLOC } from './methods.ts';

type Wgi = { value: number; year: number };

/** Lookups the metrics need many times per call, built once per model. */
export interface Lookups {
  aggregates: Set<string>;
  /** Countries, aggregates and blocs. */
  actors: Set<string>;
  /** EU27 and its members: not third countries for the CRMA benchmark. */
  euMembers: Set<string>;
  name: (id: string) => string;
  /** WGI mean of a country: Model.wgi, kept per year and country. */
  wgi: (country: string, year: number) => Wgi | undefined;
  /** Blocs that a country belongs to (as Model.blocsOf); shared, do not mutate. */
  blocsOf: (country: string) => readonly string[];
  /** Whether `country` is a member of the bloc `bloc` (false when `bloc` is no bloc). */
  isMember: (bloc: string, country: string) => boolean;
  /** Countries a route crosses, in order of first appearance (as Model.routeCountries); shared, do not mutate. */
  routeCountries: (route: string) => readonly string[];
}

const cache = new WeakMap<Model, Lookups>();

/**
 * Country, aggregate, bloc, WGI and route lookups of a model, built on first use and kept for the
 * model's life (a Model is not mutated after construction). Gives the same answers as the Model's own
 * methods (isAggregate, hasActor, actorName, wgi, blocMembers, routeCountries), in constant time: the
 * metrics ask them for every supplier and every flow.
 */
export function lookups(model: Model): Lookups {
  const hit = cache.get(model);
  if (hit) return hit;
  const names = new Map<string, string>();
  for (const b of model.tables.bloc) names.set(b.id, b.name);
  for (const c of [...model.tables.country].reverse()) names.set(c.id, c.name);
  // Answers by year, then country: nested maps avoid building a string key per supplier.
  const wgiByYear = new Map<number, Map<string, Wgi | undefined>>();
  const memberSets = new Map<string, Set<string>>();
  for (const m of model.tables.blocMember) if (!memberSets.has(m.bloc)) memberSets.set(m.bloc, new Set(model.blocMembers(m.bloc)));
  const blocsOf = new Map<string, readonly string[]>();
  const crossed = new Map<string, readonly string[]>();
  const result: Lookups = {
    aggregates: new Set(model.tables.country.filter((c) => c.kind === 'aggregate').map((c) => c.id)),
    actors: new Set([...model.tables.country.map((c) => c.id), ...model.tables.bloc.map((b) => b.id), ...model.tables.blocMember.map((m) => m.bloc)]),
    euMembers: new Set([EU_BLOC, ...model.blocMembers(EU_BLOC)]),
    name: (id) => names.get(id) ?? id,
    wgi: (country, year) => {
      let ofYear = wgiByYear.get(year);
      if (!ofYear) wgiByYear.set(year, (ofYear = new Map()));
      if (ofYear.has(country)) return ofYear.get(country);
      const value = model.wgi(country, year);
      ofYear.set(country, value);
      return value;
    },
    blocsOf: (country) => {
      let blocs = blocsOf.get(country);
      if (!blocs) blocsOf.set(country, (blocs = model.blocsOf(country)));
      return blocs;
    },
    isMember: (bloc, country) => memberSets.get(bloc)?.has(country) ?? false,
    routeCountries: (route) => {
      let countries = crossed.get(route);
      if (!countries) crossed.set(route, (countries = model.routeCountries(route)));
      return countries;
    },
  };
  cache.set(model, result);
  return result;
}
