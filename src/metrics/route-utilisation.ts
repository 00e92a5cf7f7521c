import type { Model } from '../model/model.ts';
import { blocSafeFlows } from './bloc-safe-flows.ts';
import { flowIndex } from './flow-index.ts';
import type { RouteUtilisation } from './types.ts';

export interface RouteUtilisationQuery {
  /** Only routes of this commodity. */
  commodity?: string;
  /** Only this year. */
  year?: number;
}

/**
 * Flow on each route per year against its capacity: utilisation = volume / capacity, both in the
 * commodity's base unit. The flow on a route is the sum of its flows, a member's rows left out where
 * its bloc's rows already hold them (blocSafeFlows). A route with no flow gets one row for the year of
 * its capacity, with volume 0. The capacity is the one routes.csv gives (for `capacityYear`).
 */
export function routeUtilisation(model: Model, query: RouteUtilisationQuery = {}): RouteUtilisation[] {
  const result: RouteUtilisation[] = [];
  const routes = model.tables.route.filter((r) => query.commodity === undefined || r.commodity === query.commodity);
  // The model's flow index (converted once per model) rather than Model.flows(), which copies every row.
  const { byCommodity } = flowIndex(model);
  const ofCommodity = query.commodity === undefined ? [...byCommodity.values()].flat() : byCommodity.get(query.commodity) ?? [];
  const { counted } = blocSafeFlows(model, ofCommodity.filter((f) => f.route !== '' && (query.year === undefined || f.year === query.year)));
  // Volume per route and year in one pass over the flows (row order kept, so sums are as before).
  const byRoute = new Map<string, Map<number, number>>();
  for (const f of counted) {
    let byYear = byRoute.get(f.route);
    if (!byYear) byRoute.set(f.route, (byYear = new Map()));
    byYear.set(f.year, (byYear.get(f.year) ?? 0) + f.baseVolume);
  }
  for (const route of routes) {
    const byYear = new Map(byRoute.get(route.id));
    if (byYear.size === 0 && (query.year === undefined || query.year === route.year)) byYear.set(route.year, 0);
    const capacity = model.routeCapacity(route) ?? null;
    for (const [year, volume] of [...byYear].sort((a, b) => a[0] - b[0])) {
      result.push({
        route: route.id,
        name: route.name,
        commodity: route.commodity,
        year,
        volume,
        unit: model.commodity(route.commodity)?.unit ?? route.unit,
        capacity,
        capacityYear: route.year,
        utilisation: capacity === null ? null : capacity > 0 ? volume / capacity : null,
        status: route.status,
      });
    }
  }
  return result;
}
