// Routes and shared assets of a commodity, with capacities in base units and costs in USD per base unit
// (converted by the Model), and the arcs exporter → importer by route that the LP may use. Pure: no I/O.
import type { Model } from '../model/model.ts';
import type { RouteRow } from '../model/types.ts';
import { round, type BuildContext, type Flow, type Volumes } from './build-context.ts';
import { DIRECT_PREFIX, type FlowNetwork, type NetworkArc, type NetworkAsset, type NetworkExporter, type NetworkImporter, type NetworkRoute } from './network-types.ts';

/** Every route of the commodity, with the countries, nodes and shared assets of its legs; a route that carries flows is open. */
export function buildRoutes(context: BuildContext, flows: Flow[]): { routes: NetworkRoute[]; routeIndex: Map<string, number> } {
  const { model, query } = context;
  const nodeById = new Map(model.tables.node.map((n) => [n.id, n]));
  const routes: NetworkRoute[] = [];
  const routeIndex = new Map<string, number>();
  const usedRoutes = new Set(flows.map((f) => f.route).filter(Boolean));
  for (const r of model.tables.route) {
    if (r.commodity !== query.commodity) continue;
    const legs = model.legs(r.id);
    const from = nodeById.get(r.from);
    const to = nodeById.get(r.to);
    const countries = legs.length ? model.routeCountries(r.id) : [...new Set([from?.country ?? '', to?.country ?? ''].filter(Boolean))];
    const nodes = [...new Set([r.from, ...legs.flatMap((l) => [l.from, l.to]), r.to])];
    const assets = [...new Set(legs.map((l) => l.asset).filter(Boolean))];
    const open = r.status === 'operating' || usedRoutes.has(r.id);
    if (r.status !== 'operating' && usedRoutes.has(r.id)) context.assumptions.push(`route ${r.id} has status "${r.status}" but carries flows in ${query.year}: it is open in the baseline.`);
    routeIndex.set(r.id, routes.length);
    routes.push({
      id: r.id,
      name: r.name,
      mode: r.mode,
      capacity: model.routeCapacity(r) ?? Infinity,
      cost: routeCost(context, r),
      transitDays: r.transit_days,
      countries,
      nodes,
      assets,
      start: from?.country ?? countries[0] ?? '',
      end: to?.country ?? countries[countries.length - 1] ?? '',
      endsAtPort: to?.kind === 'port' || to?.kind === 'terminal',
      open,
      status: r.status,
      direct: false,
      added: false,
    });
  }
  return { routes, routeIndex };
}

/** Route costs are compared in USD per base unit; a cost in a unit that cannot be converted counts as free, with a note. */
function routeCost(context: BuildContext, route: RouteRow): number {
  const cost = context.model.routeCost(route);
  if (!(cost instanceof Error)) return cost;
  context.assumptions.push(`route ${route.id}: cost ${route.cost} ${route.cost_unit ?? ''}: ${cost.message}; the route is taken as free.`);
  return 0;
}

/** Shared assets limit the sum of the flows of every route that uses them. */
export function buildAssets(model: Model, commodity: string): NetworkAsset[] {
  return model.tables.asset
    .filter((a) => a.commodity === commodity)
    .map((a) => ({ id: a.id, name: a.name, capacity: model.baseQuantity(a) }));
}

/** The LP may use every observed flow, plus every route an exporter could use to reach an importer. */
export function buildArcs(context: BuildContext, volume: Volumes, routes: NetworkRoute[], routeIndex: Map<string, number>, importers: NetworkImporter[], exporters: NetworkExporter[]): NetworkArc[] {
  const routedExporters = new Set(routes.map((r) => r.start));
  const { arcs, addArc } = arcList(routes, importers);
  for (const [exporter, byImporter] of volume) {
    for (const [importer, byRoute] of byImporter) {
      for (const [routeId, v] of byRoute) {
        let index = routeId ? routeIndex.get(routeId) : undefined;
        if (index === undefined) {
          if (routeId) context.assumptions.push(`flow ${exporter} → ${importer} names route ${routeId}, which is not a ${context.query.commodity} route; it is treated as direct.`);
          index = directRoute(routes, routeIndex, exporter, importer);
        }
        addArc(exporter, importer, index, v);
      }
    }
  }
  capDirectRoutes(context, routes, arcs, routedExporters);
  for (const exp of exporters) {
    routes.forEach((route, index) => {
      if (route.direct || route.start !== exp.id) return;
      for (const imp of importers) if (route.endsAtPort || imp.countries.includes(route.end)) addArc(exp.id, imp.id, index, 0);
    });
  }
  return arcs;
}

/** One arc per exporter, importer and route: adding the same one again adds to its baseline. */
function arcList(routes: NetworkRoute[], importers: NetworkImporter[]) {
  const importerById = new Map(importers.map((i) => [i.id, i]));
  const arcs: NetworkArc[] = [];
  const arcKey = new Map<string, number>();
  const addArc = (exporter: string, importer: string, route: number, baseline: number) => {
    const key = `${exporter}\u0000${importer}\u0000${route}`;
    const existing = arcKey.get(key);
    if (existing !== undefined) {
      arcs[existing].baseline += baseline;
      return;
    }
    arcKey.set(key, arcs.length);
    arcs.push({
      exporter, importer, route, baseline, capacity: Infinity, open: true,
      transit: transitStates(routes[route], exporter, importerById.get(importer)?.countries ?? [importer]), stickiness: 1,
    });
  };
  return { arcs, addArc };
}

/**
 * Direct routes are unlimited, except for exporters whose exports have declared routes: then they are capped
 * at the baseline, so that unspecified flows cannot bypass a closed route.
 */
function capDirectRoutes(context: BuildContext, routes: NetworkRoute[], arcs: NetworkArc[], routedExporters: Set<string>): void {
  for (const route of routes) {
    if (!route.direct || !routedExporters.has(route.start)) continue;
    const cap = arcs.filter((a) => routes[a.route] === route).reduce((s, a) => s + a.baseline, 0);
    route.capacity = cap;
    context.assumptions.push(`${route.id}: flows of ${route.start} without a route are capped at their baseline (${round(cap)} ${context.base}) because ${route.start} has declared routes.`);
  }
}

/** The implicit direct route of an exporter–importer pair (created on first use). */
export function directRoute(routes: NetworkRoute[], routeIndex: Map<string, number>, exporter: string, importer: string): number {
  const id = `${DIRECT_PREFIX}${exporter}>${importer}`;
  const existing = routeIndex.get(id);
  if (existing !== undefined) return existing;
  routeIndex.set(id, routes.length);
  routes.push({
    id, name: `${exporter} to ${importer}, route not given`, mode: 'unspecified', capacity: Infinity, cost: 0,
    countries: [exporter, importer], nodes: [], assets: [], start: exporter, end: importer, endsAtPort: false,
    open: true, status: 'operating', direct: true, added: false,
  });
  return routes.length - 1;
}

/** Countries of a route that are neither the exporter nor one of the importer's countries. */
export function transitStates(route: NetworkRoute, exporter: string, importerCountries: string[]): string[] {
  if (route.direct) return [];
  return route.countries.filter((c) => c !== exporter && !importerCountries.includes(c));
}

/** Effective cost of an arc per base unit: route cost plus the value of time in transit. */
export function arcCost(network: FlowNetwork, arc: NetworkArc): number {
  const route = network.routes[arc.route];
  return route.cost + network.costs.timeValue * (route.transitDays ?? 0);
}
