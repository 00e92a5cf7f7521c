import type { BaseFlow, Model } from '../model/model.ts';
import { lookups } from './lookups.ts';
import type { TransitShare } from './types.ts';

export interface TransitResult {
  /** Countries crossed, largest share first. */
  exposure: TransitShare[];
  /** Volume on flows whose route is unknown (empty route, or a route with no legs): not in `exposure`. */
  routeUnknownVolume: number;
}

/**
 * For every country the flows cross on their routes (legs.country), the volume and share of `total`
 * that crosses it. A flow counts once per country however many of its legs cross it. The flow's own
 * exporter and importer are not transit states, nor are the members of an importing or exporting bloc,
 * nor aggregates (OTHER …). Flows with no known route are left out and summed in `routeUnknownVolume`.
 */
export function transitExposure(model: Model, flows: readonly BaseFlow[], total: number): TransitResult {
  const byCountry = new Map<string, { volume: number; routes: Set<string> }>();
  let routeUnknownVolume = 0;
  const look = lookups(model);
  const aggregates = look.aggregates;
  for (const flow of flows) {
    const crossed = flow.route === '' ? [] : model.routeCountries(flow.route);
    if (crossed.length === 0) {
      routeUnknownVolume += flow.baseVolume;
      continue;
    }
    const excluded = new Set([flow.exporter, flow.importer, ...model.blocMembers(flow.importer), ...model.blocMembers(flow.exporter)]);
    for (const country of crossed) {
      if (excluded.has(country) || aggregates.has(country)) continue;
      const entry = byCountry.get(country) ?? { volume: 0, routes: new Set<string>() };
      entry.volume += flow.baseVolume;
      entry.routes.add(flow.route);
      byCountry.set(country, entry);
    }
  }
  const exposure = [...byCountry].map(([country, { volume, routes }]) => ({
    country,
    name: look.name(country),
    volume,
    share: total > 0 ? volume / total : 0,
    routes: [...routes].sort(),
  }));
  exposure.sort((a, b) => b.volume - a.volume || a.country.localeCompare(b.country));
  return { exposure, routeUnknownVolume };
}
