// N-1: every element of the network lost on its own, re-optimised, ranked by the unserved demand it causes and
// by the change in cost. Each loss is a one-change scenario applied by the scenario machinery (close_route,
// cut_capacity of an asset to zero, lose_transit, ban_exports, close_node), so a loss here is exactly the result
// of that scenario. Pure: no I/O. See docs/methods/risk.md.
import type { Highs } from 'highs';
import type { Model } from '../model/model.ts';
import { buildNetwork } from '../solve/network.ts';
import type { FlowNetwork } from '../solve/network-types.ts';
import { solveFlows, type FlowSolution } from '../solve/index.ts';
import { applyChanges } from '../scenario/apply.ts';
import { centralPriceChange } from '../scenario/market-results.ts';
import { perPriceUnit } from '../scenario/result-helpers.ts';
import type { Scenario, ScenarioChange } from '../scenario/scenario-types.ts';
import { networkElements, type RiskElement } from './elements.ts';
import { RISK_METHOD } from './method.ts';

export interface RouteShift {
  route: string;
  flowBefore: number;
  flowAfter: number;
  change: number;
}

export interface N1Element {
  element: string;
  kind: RiskElement['kind'];
  /** Total unserved demand after the loss (base unit), over the importers reported. */
  unserved: number;
  /** Unserved demand per importer (a split bloc reported as the sum of its parts). */
  unservedByImporter: Record<string, number>;
  /** Change in the objective (USD million): rerouting, stickiness, world market, stocks and unserved demand. */
  costChange: number;
  /** Volume bought on the world market after the loss (base unit). */
  worldMarket: number;
  /** Change of the world price after the loss, in the result's `priceUnit` (null without a two-sided market). */
  priceChange: number | null;
  /** The routes whose flow changes most (at most five). */
  rerouting: RouteShift[];
}

export interface N1Result {
  method: { name: string; version: string };
  dataset: string;
  commodity: string;
  year: number;
  unit: string;
  valueUnit: string;
  /** Unit of `priceChange` (money per quantity, e.g. USD/t). */
  priceUnit: string;
  /** The importer the ranking is restricted to (undefined: all). */
  importer?: string;
  /** Baseline unserved demand (normally 0) per importer. */
  baselineUnserved: Record<string, number>;
  /** Ranked: most unserved first, then largest cost change. */
  elements: N1Element[];
}

/** The one scenario change that takes an element out. */
export function lossChange(element: RiskElement): ScenarioChange {
  const values = ((): ScenarioChange['values'] => {
    switch (element.kind) {
      case 'route': return { type: 'close_route', route: element.name };
      case 'asset': return { type: 'cut_capacity', asset: element.name, fraction: 1 };
      case 'transit': return { type: 'lose_transit', country: element.name };
      case 'exporter': return { type: 'ban_exports', exporter: element.name };
      case 'node': return { type: 'close_node', node: element.name };
      case 'chokepoint': return { type: 'close_chokepoint', chokepoint: element.name };
    }
  })();
  return { type: String(values.type), values, line: 0, lines: {} };
}

/** A scenario, built in code, that takes the given elements out. */
export function lossScenario(network: FlowNetwork, elements: RiskElement[]): Scenario {
  return {
    file: '', name: `loss of ${elements.map((e) => e.id).join(', ')}`, description: '', commodity: network.commodity, year: network.year,
    changes: elements.map(lossChange), lines: {},
  };
}

/** Importer ids as reported: a bloc split into parts is reported once, as the sum of its parts. */
export function reportedImporters(network: FlowNetwork): { id: string; parts: number[] }[] {
  const partOf = new Map<string, string>();
  for (const b of network.blocs) for (const p of b.parts) partOf.set(p, b.id);
  const out = new Map<string, number[]>();
  network.importers.forEach((imp, i) => {
    const id = partOf.get(imp.id) ?? imp.id;
    out.set(id, [...(out.get(id) ?? []), i]);
  });
  return [...out].map(([id, parts]) => ({ id, parts }));
}

const sumOf = (values: Float64Array, parts: number[]) => parts.reduce((s, i) => s + Math.max(0, values[i]), 0);

/** Chokepoints of the dataset (nodes of kind `chokepoint`), lost on their own in N-1. */
export function chokepoints(model: Model): string[] {
  return model.tables.node.filter((n) => n.kind === 'chokepoint').map((n) => n.id);
}

export interface N1Options {
  commodity: string;
  year: number;
  importer?: string;
  /** Called after each element's loss is solved (for progress on long runs). */
  onElement?: (done: number, total: number) => void;
}

/** Runs N-1 on a dataset (the solver loaded). */
export function runN1(highs: Highs, model: Model, options: N1Options): N1Result {
  const network = buildNetwork(model, { commodity: options.commodity, year: options.year });
  return n1OnNetwork(highs, model, network, options.importer, model.info.hash, options.onElement);
}

/** N-1 on a built network (the scenario machinery needs the Model for units and ids). */
export function n1OnNetwork(highs: Highs, model: Model, network: FlowNetwork, importer: string | undefined, dataset: string,
  onElement?: (done: number, total: number) => void): N1Result {
  const base = solveFlows(highs, network);
  const importers = reportedImporters(network).filter((r) => importer === undefined || r.id === importer);
  const elements = networkElements(network, chokepoints(model), (id) => model.isAggregate(id));
  const results = elements.map((element, i) => {
    const changed = applyChanges(model, network, lossScenario(network, [element]), ['shock']).network;
    const loss = describeLoss(element, base, solveFlows(highs, changed), importers);
    onElement?.(i + 1, elements.length);
    return loss;
  });
  results.sort((a, b) => b.unserved - a.unserved || b.costChange - a.costChange || a.element.localeCompare(b.element));
  return {
    method: { ...RISK_METHOD }, dataset, commodity: network.commodity, year: network.year, unit: network.unit, valueUnit: 'USD million', priceUnit: network.priceUnit,
    ...(importer !== undefined ? { importer } : {}),
    baselineUnserved: Object.fromEntries(importers.map((r) => [r.id, sumOf(base.unserved, r.parts)])),
    elements: results,
  };
}

/** What one loss did, compared with the baseline solution. */
export function describeLoss(element: RiskElement, base: FlowSolution, after: FlowSolution, importers: { id: string; parts: number[] }[]): N1Element {
  const unservedByImporter = Object.fromEntries(importers.map((r) => [r.id, clean(sumOf(after.unserved, r.parts))]));
  const routes = base.network.routes;
  const rerouting = routes.map((r, i) => ({ route: r.id, flowBefore: base.routeFlow[i], flowAfter: after.routeFlow[i], change: after.routeFlow[i] - base.routeFlow[i] }))
    .filter((s) => Math.abs(s.change) > 1e-9)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.route.localeCompare(b.route))
    .slice(0, 5)
    .map((s) => ({ route: s.route, flowBefore: clean(s.flowBefore), flowAfter: clean(s.flowAfter), change: clean(s.change) }));
  return {
    element: element.id, kind: element.kind,
    unserved: clean(Object.values(unservedByImporter).reduce((s, v) => s + v, 0)),
    unservedByImporter,
    costChange: clean((after.objective - base.objective) / 1e6),
    worldMarket: clean(after.world.reduce((s, v) => s + v, 0)),
    priceChange: after.network.world.mode === 'market' ? clean(perPriceUnit(after.network, centralPriceChange(base, after))) : null,
    rerouting,
  };
}

/** Solver noise below 1e-9 is reported as 0. */
function clean(v: number): number {
  return Math.abs(v) < 1e-9 ? 0 : v;
}
