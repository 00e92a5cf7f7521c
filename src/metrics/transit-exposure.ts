import type { BaseFlow, Model } from '../model/model.ts';
import { lookups, type Lookups } from './lookups.ts';
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
 * With `importer` (the importer view), that importer and, for a bloc, its members are never transit
 * states either: a bloc's supply summed from its members' rows crosses other members inside the bloc.
 * A route that ends at a port or terminal goes on by sea: the coastal states of the chokepoints its sea lane to the
 * importer passes (sea_lanes.csv, chokepoints.csv) count as countries it crosses.
 */
export function transitExposure(model: Model, flows: readonly BaseFlow[], total: number, importer?: string): TransitResult {
  const look = lookups(model);
  const byCountry = new Map<string, { volume: number; routes: string[] }>();
  let routeUnknownVolume = 0;
  for (const flow of flows) {
    const crossed = flow.route === '' ? NOWHERE : withSeaLane(model, look.routeCountries(flow.route), flow);
    if (crossed.length === 0) {
      routeUnknownVolume += flow.baseVolume;
      continue;
    }
    for (const country of crossed) {
      if (!isTransit(look, flow, country) || (importer !== undefined && isInside(look, importer, country))) continue;
      const entry = byCountry.get(country);
      if (!entry) byCountry.set(country, { volume: flow.baseVolume, routes: [flow.route] });
      else {
        entry.volume += flow.baseVolume;
        if (!entry.routes.includes(flow.route)) entry.routes.push(flow.route);
      }
    }
  }
  const exposure: TransitShare[] = [];
  for (const [country, { volume, routes }] of byCountry) {
    exposure.push({ country, name: look.name(country), volume, share: total > 0 ? volume / total : 0, routes: routes.sort() });
  }
  exposure.sort((a, b) => b.volume - a.volume || a.country.localeCompare(b.country));
  return { exposure, routeUnknownVolume };
}

const NOWHERE: readonly string[] = [];

/** The route's countries, then the coastal states of the chokepoints on the sea lane from its last node to the importer. */
function withSeaLane(model: Model, countries: readonly string[], flow: BaseFlow): readonly string[] {
  if (countries.length === 0 || model.tables.seaLane.length === 0) return countries;
  const route = model.route(flow.route);
  if (!route) return countries;
  const lanes = model.seaLanes(route.to, flow.commodity, flow.importer, model.isBloc(flow.importer) ? model.blocMembers(flow.importer) : [flow.importer]);
  const alternatives = new Set(lanes.map((l) => l.alternative));
  const lane = lanes.find((l) => !alternatives.has(l.id)) ?? lanes[0];
  if (!lane) return countries;
  const states = lane.chokepoints.map((id) => model.tables.chokepoint.find((c) => c.id === id)?.country ?? '').filter(Boolean);
  return [...new Set([...countries, ...states])];
}

/**
 * Whether a flow's crossing of `country` makes it a transit state: not the flow's own exporter or
 * importer, not a member of an importing or exporting bloc (for EU27, a leg in Poland is inside the
 * importer), not an aggregate.
 */
function isTransit(look: Lookups, flow: BaseFlow, country: string): boolean {
  return country !== flow.exporter && country !== flow.importer && !look.aggregates.has(country)
    && !look.isMember(flow.importer, country) && !look.isMember(flow.exporter, country);
}

/** Whether `country` is the importer itself or one of its members (for a bloc). */
function isInside(look: Lookups, importer: string, country: string): boolean {
  return country === importer || look.isMember(importer, country);
}
