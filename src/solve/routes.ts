// Routes and shared assets of a commodity, with capacities in base units and costs in USD per base unit
// (converted by the Model), and the arcs exporter → importer by route that the LP may use. Pure: no I/O.
import type { Model } from '../model/model.ts';
import type { RouteRow } from '../model/types.ts';
import { round, type BuildContext, type Flow, type Volumes } from './build-context.ts';
import {
  DIRECT_PREFIX, type FlowNetwork, type NetworkArc, type NetworkAsset, type NetworkChokepoint, type NetworkExporter, type NetworkImporter, type NetworkLane, type NetworkRoute,
} from './network-types.ts';

/** Every route of the commodity, with the countries, nodes and shared assets of its legs; a route that carries flows is open. */
export function buildRoutes(context: BuildContext, flows: Flow[]): { routes: NetworkRoute[]; routeIndex: Map<string, number> } {
  const { model, query } = context;
  const nodeById = new Map(model.tables.node.map((n) => [n.id, n]));
  const routes: NetworkRoute[] = [];
  const routeIndex = new Map<string, number>();
  const usedRoutes = new Set(flows.map((f) => f.route).filter(Boolean));
  const chokepointIds = new Set(model.tables.chokepoint.map((c) => c.id));
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
      chokepoints: nodes.filter((n) => chokepointIds.has(n)),
      start: from?.country ?? countries[0] ?? '',
      end: to?.country ?? countries[countries.length - 1] ?? '',
      endsAtPort: to?.kind === 'port' || to?.kind === 'terminal',
      open,
      status: r.status,
      direct: false,
      added: false,
    });
  }
  const free = model.tables.route.filter((r) => r.commodity === query.commodity && r.cost === undefined).map((r) => r.id);
  if (free.length > 0) context.assumptions.push(`routes without a transport cost in the dataset count as free: ${free.join(', ')}.`);
  return { routes, routeIndex };
}

/** Route costs are compared in USD per base unit; a cost in a unit that cannot be converted counts as free, with a note. */
function routeCost(context: BuildContext, route: RouteRow): number {
  const cost = context.model.routeCost(route);
  if (!(cost instanceof Error)) return cost;
  context.assumptions.push(`route ${route.id}: cost ${route.cost} ${route.cost_unit ?? ''}: ${cost.message}; the route is taken as free.`);
  return 0;
}

/** The sea as the network sees it: every chokepoint (capacity for this commodity where published) and the commodity's sea lanes. */
export function buildSea(context: BuildContext): { chokepoints: NetworkChokepoint[]; lanes: NetworkLane[] } {
  const { model, query } = context;
  const chokepoints = model.tables.chokepoint.map((c) => ({
    id: c.id, name: c.name, country: c.country, capacity: model.chokepointCapacity(c, query.commodity) ?? Infinity, open: true,
  }));
  const rows = model.tables.seaLane.filter((l) => l.commodity === query.commodity);
  const index = new Map(rows.map((l, i) => [l.id, i]));
  const lanes = rows.map((l) => {
    let cost = model.laneCost(l);
    if (cost instanceof Error) {
      context.assumptions.push(`sea lane ${l.id}: cost ${l.cost} ${l.cost_unit}: ${cost.message}; the lane is taken as free.`);
      cost = 0;
    }
    return { id: l.id, chokepoints: [...l.chokepoints], cost, transitDays: l.transit_days, alternative: l.alternative ? index.get(l.alternative) ?? -1 : -1 };
  });
  const free = rows.filter((l) => l.cost === undefined).map((l) => l.id);
  if (free.length > 0) context.assumptions.push(`sea lanes without a sourced freight cost count as free: ${free.join(', ')}.`);
  return { chokepoints, lanes };
}

/**
 * The lanes an arc of a port-ending route may use to reach an importer: the lane for the importer (else for any
 * importer) and its alternative. Empty when the route does not end at a port or its port has no lane: the arc
 * then has no lane and no chokepoints beyond its route's.
 */
export function laneChoices(model: Model, network: Pick<FlowNetwork, 'lanes' | 'commodity'>, route: NetworkRoute, importer: NetworkImporter | undefined, importerId: string): number[] {
  const end = route.nodes[route.nodes.length - 1];
  if (!route.endsAtPort || !end) return [];
  const rows = model.seaLanes(end, network.commodity, importerId, importer?.countries ?? [importerId]);
  const indices = rows.map((r) => network.lanes.findIndex((l) => l.id === r.id)).filter((i) => i >= 0);
  const alternatives = new Set(indices.map((i) => network.lanes[i].alternative));
  const primary = indices.find((i) => !alternatives.has(i)) ?? indices[0];
  if (primary === undefined) return [];
  const alternative = network.lanes[primary].alternative;
  return alternative >= 0 ? [primary, alternative] : [primary];
}

/** An arc's chokepoints and transit states: its route's, and those of its lane (the chokepoints' coastal states). */
export function arcPassage(network: Pick<FlowNetwork, 'lanes' | 'chokepoints'>, route: NetworkRoute, lane: number, exporter: string, importerCountries: string[]) {
  const chokepoints = [...new Set([...(route.chokepoints ?? []), ...(lane >= 0 ? network.lanes[lane].chokepoints : [])])];
  const transit = transitStates(route, exporter, importerCountries);
  if (lane >= 0) {
    for (const id of network.lanes[lane].chokepoints) {
      const country = network.chokepoints.find((c) => c.id === id)?.country;
      if (country && country !== exporter && !importerCountries.includes(country) && !transit.includes(country)) transit.push(country);
    }
  }
  return { chokepoints, transit };
}

/** Shared assets limit the sum of the flows of every route that uses them. */
export function buildAssets(model: Model, commodity: string): NetworkAsset[] {
  return model.tables.asset
    .filter((a) => a.commodity === commodity)
    .map((a) => ({ id: a.id, name: a.name, capacity: model.baseQuantity(a) }));
}

/** The LP may use every observed flow, plus every route an exporter could use to reach an importer. */
export function buildArcs(
  context: BuildContext, volume: Volumes, routes: NetworkRoute[], routeIndex: Map<string, number>, importers: NetworkImporter[], exporters: NetworkExporter[],
  sea: Pick<FlowNetwork, 'lanes' | 'chokepoints'>,
): NetworkArc[] {
  const routedExporters = new Set(routes.map((r) => r.start));
  const { arcs, addArc } = arcList(context.model, { ...sea, commodity: context.query.commodity }, routes, importers);
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

/**
 * One arc per exporter, importer, route and sea lane: adding the same one again adds to its baseline. A port-ending
 * route's flow goes on the importer's lane; the lane's alternative (round the Cape) gets an arc of its own, unused
 * until a chokepoint closes.
 */
function arcList(model: Model, network: Pick<FlowNetwork, 'lanes' | 'chokepoints' | 'commodity'>, routes: NetworkRoute[], importers: NetworkImporter[]) {
  const importerById = new Map(importers.map((i) => [i.id, i]));
  const arcs: NetworkArc[] = [];
  const arcKey = new Map<string, number>();
  const addOne = (exporter: string, importer: string, route: number, lane: number, baseline: number) => {
    const key = `${exporter}\u0000${importer}\u0000${route}\u0000${lane}`;
    const existing = arcKey.get(key);
    if (existing !== undefined) {
      arcs[existing].baseline += baseline;
      return;
    }
    arcKey.set(key, arcs.length);
    const { chokepoints, transit } = arcPassage(network, routes[route], lane, exporter, importerById.get(importer)?.countries ?? [importer]);
    arcs.push({ exporter, importer, route, baseline, capacity: Infinity, open: true, transit, stickiness: 1, lane, chokepoints });
  };
  const addArc = (exporter: string, importer: string, route: number, baseline: number) => {
    const [primary = -1, alternative] = laneChoices(model, network, routes[route], importerById.get(importer), importer);
    addOne(exporter, importer, route, primary, baseline);
    if (alternative !== undefined) addOne(exporter, importer, route, alternative, 0);
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

/** Effective cost of an arc per base unit: route cost plus its sea lane's freight, plus the value of time in transit. */
export function arcCost(network: FlowNetwork, arc: NetworkArc): number {
  const route = network.routes[arc.route];
  const lane = arc.lane >= 0 ? network.lanes[arc.lane] : undefined;
  return route.cost + (lane?.cost ?? 0) + network.costs.timeValue * ((route.transitDays ?? 0) + (lane?.transitDays ?? 0));
}
