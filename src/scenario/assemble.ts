// Puts the baseline and scenario solutions side by side in the units and rounding of the results: per
// importer (a split bloc as the sum of its parts), route, asset, actor and flow. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { arcCost, FLOW_METHOD } from '../solve/network.ts';
import type { FlowNetwork } from '../solve/network-types.ts';
import type { FlowSolution } from '../solve/index.ts';
import type { AppliedChange } from './apply.ts';
import type { Scenario } from './scenario-types.ts';
import type { ActorResult, AssetResult, FlowResult, ImporterResult, RouteResult, RunOptions, ScenarioResult } from './results.ts';
import { isBlocRest, MONEY_SCALE, partsOf, perPriceUnit, roundTo, sumParts } from './result-helpers.ts';
import { whatBinds } from './what-binds.ts';
import { stockResults } from './stocks-result.ts';
import { metricsChanges, observedFlows } from './metrics-change.ts';
import { centralPriceChange, exporterResults, inflowByImporter, marketResult } from './market-results.ts';

/** Puts the baseline and scenario solutions side by side, in the units and rounding of the results. */
export function assemble(model: Model, scenario: Scenario, before: FlowSolution, after: FlowSolution, changes: AppliedChange[], options: RunOptions): ScenarioResult {
  const a = after.network;
  const importerIds = [...a.blocs.map((bl) => bl.id), ...a.importers.map((imp) => imp.id)];
  const worldSum = (sol: FlowSolution) => sol.world.reduce((s, x) => s + x, 0);
  const result: ScenarioResult = {
    method: { ...FLOW_METHOD },
    dataset: model.info.hash,
    scenario: { name: scenario.name, description: scenario.description, file: scenario.file, commodity: scenario.commodity, year: scenario.year },
    unit: a.unit,
    valueUnit: 'USD million',
    priceUnit: a.priceUnit,
    changes,
    importers: importerResults(model, before, after, importerIds, centralPriceChange(before, after)),
    routes: routeResults(before, after),
    assets: assetResults(before, after),
    whatBinds: whatBinds(after),
    actors: actorResults(before, after, importerIds),
    flows: flowResults(before, after),
    stocks: stockResults(before, after, importerIds),
    worldMarket: {
      enabled: a.world.enabled, premium: perPriceUnit(a, a.world.premium), spare: Number.isFinite(a.world.spare) ? a.world.spare : null,
      baseline: roundTo(worldSum(before)), scenario: roundTo(worldSum(after)), shadowPrice: perPriceUnit(a, after.worldShadow),
    },
    market: marketResult(before, after),
    exporters: exporterResults(before, after),
    metrics: options.metrics === false ? [] : metricsChanges(model, before, after),
    observed: scenario.observedYear !== undefined ? observedFlows(model, scenario.commodity, scenario.observedYear, before, after) : null,
    solver: {
      status: after.status, objective: roundTo(after.objective / MONEY_SCALE, 9), seconds: roundTo(after.seconds, 6),
      baselineObjective: roundTo(before.objective / MONEY_SCALE, 9), baselineSeconds: roundTo(before.seconds, 6),
      costs: Object.fromEntries(Object.entries(after.costs).map(([k, v]) => [k, roundTo(v / MONEY_SCALE, 9)])) as unknown as FlowSolution['costs'],
    },
    settings: a.settings,
    assumptions: [...new Set(a.assumptions)],
    stages: [],
  };
  return result;
}

/** Flows received by each LP importer, indexed like `network.importers`. */
const inflow = inflowByImporter;

/**
 * What an importer pays to be supplied (transport, time and the world-market premium), to report the change in cost.
 * The premium is charged on its world-market purchases beyond its baseline ones (net of the pool), so the split of
 * the premium between importers does not depend on which of them the LP happens to give the pool.
 */
function supplyCost(sol: FlowSolution, i: number, priceChange = 0): number {
  const net = sol.network;
  let cost = net.world.premium * (sol.world[i] + sol.worldPool[i] - net.importers[i].unrecorded);
  const id = net.importers[i].id;
  net.arcs.forEach((arc, k) => {
    if (arc.importer === id) cost += (arcCost(net, arc) + priceChange) * sol.arcFlow[k];
  });
  // In a two-sided market every unit of a fungible commodity is priced off the world price, bought on it or not.
  return cost + priceChange * (sol.world[i] + sol.worldPool[i]);
}

/**
 * What one more unit of demand costs the importer. In a two-sided market, an importer that reaches the world market
 * pays the world price after the change (its demand row's dual moves band by band and is not unique at the
 * baseline, where the market sits at a kink); otherwise the dual of its demand row.
 */
function marginalCost(sol: FlowSolution, i: number, priceChange: number): number {
  const net = sol.network;
  const imp = net.importers[i];
  const served = sol.unserved[i] <= 1e-9 * Math.max(1, imp.demand);
  if (net.world.enabled && net.world.mode === 'market' && imp.worldAccess > 0 && served) return perPriceUnit(net, net.world.price + priceChange);
  return perPriceUnit(net, sol.demandPrice[i]);
}

/** Flow-weighted transit days, to show how much longer the journey gets; null when no flow has a figure. */
function transitDays(sol: FlowSolution, ids: string[]): number | null {
  let flow = 0;
  let weighted = 0;
  sol.network.arcs.forEach((arc, k) => {
    const d = sol.network.routes[arc.route].transitDays;
    if (!ids.includes(arc.importer) || d === undefined || sol.arcFlow[k] <= 0) return;
    flow += sol.arcFlow[k];
    weighted += sol.arcFlow[k] * d;
  });
  return flow > 0 ? roundTo(weighted / flow, 6) : null;
}

/** Every LP importer, plus each split bloc as the sum of its parts, so a bloc reads as one importer. */
function importerResults(model: Model, before: FlowSolution, after: FlowSolution, importerIds: string[], priceChange: number): ImporterResult[] {
  const b = before.network;
  const a = after.network;
  return importerIds.map((id) => {
    const bloc = a.blocs.find((bl) => bl.id === id);
    const imp = a.importers.find((x) => x.id === id);
    const ids = partsOf(a, id);
    const f = (net: FlowNetwork, fn: (i: number) => number) => sumParts(net, id, fn);
    const demandBaseline = f(b, (i) => b.importers[i].demand);
    const demand = f(a, (i) => a.importers[i].demand);
    const unservedBaseline = f(b, (i) => before.unserved[i]);
    const unserved = f(a, (i) => after.unserved[i]);
    return {
      importer: id,
      name: bloc ? model.actorName(id) : imp!.name,
      bloc: imp?.bloc ? imp.bloc : null,
      parts: bloc ? [...bloc.parts] : null,
      demandBaseline: roundTo(demandBaseline),
      demand: roundTo(demand),
      servedBaseline: roundTo(demandBaseline - unservedBaseline),
      servedScenario: roundTo(demand - unserved),
      unservedBaseline: roundTo(unservedBaseline),
      unserved: roundTo(unserved),
      // Purchases beyond the importer's own baseline purchases (its unrecorded imports): whether the pool or the premium
      // pays for a unit is a tie between importers, the net change each makes on the world market is not.
      worldMarketBaseline: roundTo(f(b, (i) => before.world[i] + before.worldPool[i] - b.importers[i].unrecorded)),
      worldMarket: roundTo(f(a, (i) => after.world[i] + after.worldPool[i] - a.importers[i].unrecorded)),
      stock: roundTo(f(a, (i) => a.importers[i].stock)),
      stockDraw: roundTo(f(a, (i) => after.stock[i])),
      costChange: roundTo((f(a, (i) => supplyCost(after, i, priceChange)) - f(b, (i) => supplyCost(before, i))) / MONEY_SCALE, 9),
      marginalCost: bloc ? null : marginalCost(after, a.importers.findIndex((x) => x.id === id), priceChange),
      transitDaysBaseline: transitDays(before, ids),
      transitDaysScenario: transitDays(after, ids),
    };
  });
}

/**
 * Baseline routes keep their index in the changed network; added ones follow. A direct route is
 * listed only when it carries something, so that the table is not flooded with unused pairs.
 */
function routeResults(before: FlowSolution, after: FlowSolution): RouteResult[] {
  const b = before.network;
  const a = after.network;
  return a.routes.map((route, r) => {
    const inBaseline = r < b.routes.length;
    const flowBaseline = inBaseline ? before.routeFlow[r] : 0;
    return {
      keep: !route.direct || flowBaseline > 0 || after.routeFlow[r] > 0,
      result: {
        route: route.id,
        name: route.name,
        mode: route.mode,
        flowBaseline: roundTo(flowBaseline),
        flowScenario: roundTo(after.routeFlow[r]),
        capacity: route.open ? (Number.isFinite(route.capacity) ? roundTo(route.capacity) : null) : 0,
        capacityBaseline: inBaseline ? (b.routes[r].open ? (Number.isFinite(b.routes[r].capacity) ? roundTo(b.routes[r].capacity) : null) : 0) : null,
        binding: after.routeBinding[r] === 1,
        shadowPrice: route.open ? perPriceUnit(a, after.routeShadow[r]) : null,
        status: route.added ? 'added' : route.open ? 'open' : 'closed',
        transitDays: route.transitDays ?? null,
        direct: route.direct,
      } satisfies RouteResult,
    };
  }).filter((x) => x.keep).map((x) => x.result);
}

/** Shared assets bind across routes, so they get their own table. */
function assetResults(before: FlowSolution, after: FlowSolution): AssetResult[] {
  const b = before.network;
  const a = after.network;
  return a.assets.map((asset, s) => ({
    asset: asset.id, name: asset.name,
    flowBaseline: roundTo(before.assetFlow[s]), flowScenario: roundTo(after.assetFlow[s]),
    capacity: roundTo(asset.capacity), capacityBaseline: roundTo(b.assets[s].capacity),
    binding: after.assetBinding[s] === 1, shadowPrice: perPriceUnit(a, after.assetShadow[s]),
  }));
}

/** Who gains and who loses: exporters (exported), importers (received: flows + world market), transit states (carried). */
function actorResults(before: FlowSolution, after: FlowSolution, importerIds: string[]): ActorResult[] {
  const b = before.network;
  const a = after.network;
  const price = a.price;
  const inB = inflow(before);
  const inA = inflow(after);
  const actors: ActorResult[] = [];
  const actor = (country: string, role: ActorResult['role'], v0: number, v1: number, perUnit: number | undefined) => {
    actors.push({ country, role, volumeBaseline: roundTo(v0), volumeScenario: roundTo(v1), volumeChange: roundTo(v1 - v0), valueChange: money(v1 - v0, perUnit) });
  };
  a.exporters.forEach((exp, e) => {
    const e0 = b.exporters.findIndex((x) => x.id === exp.id);
    actor(exp.id, 'exporter', e0 >= 0 ? before.exported[e0] : 0, after.exported[e], price);
  });
  for (const id of importerIds) {
    if (isBlocRest(a.importers.find((x) => x.id === id))) continue; // counted in its bloc
    const v0 = sumParts(b, id, (i) => inB[i] + before.world[i] + before.worldPool[i]);
    const v1 = sumParts(a, id, (i) => inA[i] + after.world[i] + after.worldPool[i]);
    actor(id, 'importer', v0, v1, price);
  }
  const cB = carried(before);
  const cA = carried(after);
  for (const c of [...new Set([...cB.keys(), ...cA.keys()])].sort()) actor(c, 'transit', cB.get(c) ?? 0, cA.get(c) ?? 0, a.transitFees[c]);
  return actors;
}

/** A volume change in USD million, or null when there is no price to value it with. */
function money(volume: number, perUnit: number | undefined): number | null {
  return perUnit === undefined ? null : roundTo((volume * perUnit) / MONEY_SCALE, 6);
}

/** Volume each transit state carries, by country. */
function carried(sol: FlowSolution): Map<string, number> {
  const m = new Map<string, number>();
  sol.network.arcs.forEach((arc, k) => { for (const c of arc.transit) m.set(c, (m.get(c) ?? 0) + sol.arcFlow[k]); });
  return m;
}

/** Flows by exporter, importer and route; arcs that carry nothing before or after are left out. */
function flowResults(before: FlowSolution, after: FlowSolution): FlowResult[] {
  const b = before.network;
  const a = after.network;
  const flows: FlowResult[] = [];
  a.arcs.forEach((arc, k) => {
    const f0 = k < b.arcs.length ? before.arcFlow[k] : 0;
    const f1 = after.arcFlow[k];
    if (f0 <= 1e-12 && f1 <= 1e-12) return;
    flows.push({ exporter: arc.exporter, importer: arc.importer, route: a.routes[arc.route].id, flowBaseline: roundTo(f0), flowScenario: roundTo(f1) });
  });
  return flows;
}
