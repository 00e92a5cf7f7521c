// Scenarios: apply a scenario's changes to the flow network of a dataset, re-optimise the flows and
// report what changed — per importer, route, asset and actor, with the dependence metrics before and
// after. `runScenario` is the library entry point; the CLI only prints its result. Pure: no I/O.
import type { Highs } from 'highs';
import type { BaseFlow, Model } from '../model/model.ts';
import { importerMetrics } from '../metrics/index.ts';
import { arcCost, buildNetwork, FLOW_METHOD, REST_SUFFIX, type FlowNetwork, type NetworkImporter } from '../solve/network.ts';
import { loadSolver } from '../solve/highs.ts';
import { solveFlows, type FlowSolution } from '../solve/index.ts';
import { applyChanges, type AppliedChange } from './apply.ts';
import { checkScenario, parseScenario, type Scenario } from './parse.ts';

export { parseScenario, readScenario, checkScenario, scenarioError } from './parse.ts';
export type { Scenario, ScenarioChange, ScenarioProblem } from './parse.ts';
export { applyChanges } from './apply.ts';
export type { AppliedChange } from './apply.ts';
export { CHANGE_TYPES, SCENARIO_FIELDS } from './schema.ts';
export { compareScenarios } from './compare.ts';
export type { Comparison } from './compare.ts';

export interface ImporterResult {
  importer: string;
  name: string;
  /** For a part of a split bloc: the bloc. */
  bloc: string | null;
  /** For a split bloc: the parts it sums. */
  parts: string[] | null;
  demandBaseline: number;
  demand: number;
  servedBaseline: number;
  servedScenario: number;
  unservedBaseline: number;
  unserved: number;
  worldMarketBaseline: number;
  worldMarket: number;
  stock: number;
  stockDraw: number;
  /** Change in transport cost and world-market premium paid, in `valueUnit`. */
  costChange: number;
  /** Cost of one more unit of demand in the scenario, in `priceUnit` (dual of the demand row; null for a bloc). */
  marginalCost: number | null;
  /** Flow-weighted transit days over flows on routes with a known transit time (null when none). */
  transitDaysBaseline: number | null;
  transitDaysScenario: number | null;
}

export interface RouteResult {
  route: string;
  name: string;
  mode: string;
  flowBaseline: number;
  flowScenario: number;
  /** Capacity in the scenario (null = unlimited). */
  capacity: number | null;
  capacityBaseline: number | null;
  binding: boolean;
  /** Value of one more base unit of capacity per year, in `priceUnit` per unit of flow it lets through (0 when not binding; null when closed). */
  shadowPrice: number | null;
  status: 'open' | 'closed' | 'added';
  transitDays: number | null;
  /** The implicit route of flows whose route the dataset does not give. */
  direct: boolean;
}

export interface AssetResult {
  asset: string;
  name: string;
  flowBaseline: number;
  flowScenario: number;
  capacity: number;
  capacityBaseline: number;
  binding: boolean;
  /** Value of one more base unit of capacity per year, in `priceUnit`. */
  shadowPrice: number;
}

/** A capacity that binds, with what one more unit of it is worth, in numbers and in words. */
export interface BindingResult {
  kind: 'route' | 'asset' | 'exporter' | 'worldMarket';
  /** Route, asset or exporter id ('world' for the world market's spare capacity). */
  id: string;
  /** Capacity in the scenario, in `unit` (export capacity for an exporter). */
  capacity: number;
  flow: number;
  /** Value of one more unit of capacity, in `priceUnit`. */
  shadowPrice: number;
  /** The same in USD a year for one more base unit of capacity per year (e.g. USD per Mt/yr). */
  valuePerYear: number;
  /**
   * What one more unit replaces at the margin: `unserved` (demand left unserved: priced at the unserved
   * penalty, a modelling figure), `shortfall` (an agreement's undelivered volume), `stocks`, `worldMarket`
   * (the premium), `rerouting` (dearer routes and moving flows away from their partners), or `none` (worth
   * nothing at the margin: another limit holds the same flow, or the dual is degenerate).
   */
  alternative: 'unserved' | 'shortfall' | 'stocks' | 'worldMarket' | 'rerouting' | 'none';
  /** One sentence for a reader. */
  text: string;
}

export interface ActorResult {
  country: string;
  role: 'exporter' | 'importer' | 'transit';
  volumeBaseline: number;
  volumeScenario: number;
  volumeChange: number;
  /** volumeChange × price (exporters, importers) or × transit fee (transit states), in `valueUnit`; null without a price or fee. */
  valueChange: number | null;
}

export interface FlowResult {
  exporter: string;
  importer: string;
  route: string;
  flowBaseline: number;
  flowScenario: number;
}

export interface MetricsSnapshot {
  total: number;
  hhi: number;
  topSupplier: string | null;
  topShare: number;
  hhiWgi: number | null;
  crmaBenchmarkMet: boolean;
  /** Largest transit exposure (country and share of supply), null when no flow crosses a transit state. */
  topTransit: { country: string; share: number } | null;
}

export interface ImporterMetricsChange {
  importer: string;
  baseline: MetricsSnapshot;
  scenario: MetricsSnapshot;
}

export interface ScenarioResult {
  method: { name: string; version: string };
  dataset: string;
  scenario: { name: string; description: string; file: string; commodity: string; year: number };
  /** Unit of every volume (the commodity's base unit). */
  unit: string;
  /** Unit of money totals: valueChange, costChange, solver objective and costs. */
  valueUnit: string;
  /**
   * Unit of money per quantity: shadow prices, the world-market premium, marginal costs. The dataset's price
   * unit for the commodity, else USD per the base unit's natural quantity (USD/t, USD/tU, USD/TEU, USD/MWh …).
   */
  priceUnit: string;
  changes: AppliedChange[];
  importers: ImporterResult[];
  routes: RouteResult[];
  assets: AssetResult[];
  /** Capacities that bind in the scenario, with what one more unit is worth (routes, assets, exporters, world market). */
  whatBinds: BindingResult[];
  actors: ActorResult[];
  flows: FlowResult[];
  /** premium and shadowPrice in `priceUnit`; volumes in `unit`. */
  worldMarket: { enabled: boolean; premium: number; spare: number | null; baseline: number; scenario: number; shadowPrice: number };
  metrics: ImporterMetricsChange[];
  observed: ObservedFlows | null;
  solver: { status: string; objective: number; seconds: number; baselineObjective: number; baselineSeconds: number; costs: FlowSolution['costs'] };
  settings: FlowNetwork['settings'];
  assumptions: string[];
}

export interface ObservedFlows {
  year: number;
  importers: { importer: string; volume: number }[];
  exporters: { exporter: string; volume: number }[];
  /** Observed flow per exporter–importer pair of the dataset, beside the model's flow before and after (a bloc sums its parts). */
  flows: { exporter: string; importer: string; volume: number; flowBaseline: number; flowScenario: number }[];
}

export interface RunOptions {
  /** Skip the dependence metrics (faster). */
  metrics?: boolean;
  /** A loaded solver (default: the cached one). */
  highs?: Highs;
}

/** Money totals in results are in USD million (`valueUnit`); costs and prices in the network are USD per base unit. */
const MONEY_SCALE = 1e6;

function roundTo(v: number, digits = 9): number {
  if (!Number.isFinite(v)) return v;
  const r = Math.round(v * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r; // no -0
}

/** Parses, checks and runs a scenario given as YAML text. */
export async function runScenarioText(model: Model, text: string, file = 'scenario.yaml', options: RunOptions = {}): Promise<ScenarioResult> {
  const scenario = parseScenario(text, file);
  return runScenario(model, scenario, options);
}

/** Runs a scenario on a dataset: the baseline and the changed network, both re-optimised. */
export async function runScenario(model: Model, scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const highs = options.highs ?? (await loadSolver());
  return runScenarioWith(highs, model, scenario, options);
}

/** Synchronous core of runScenario, for a loaded solver. */
export function runScenarioWith(highs: Highs, model: Model, scenario: Scenario, options: RunOptions = {}): ScenarioResult {
  checkScenario(model, scenario);
  const built = buildNetwork(model, { commodity: scenario.commodity, year: scenario.year });
  const settings = applyChanges(model, built, scenario, ['setting']);
  const changed = applyChanges(model, settings.network, scenario, ['shock', 'policy']);
  const before = solveFlows(highs, settings.network);
  const after = solveFlows(highs, changed.network);
  return assemble(model, scenario, before, after, [...settings.applied, ...changed.applied], options);
}

/** The LP importers a result row stands for: a split bloc's parts, else the importer itself. */
function partsOf(network: FlowNetwork, id: string): string[] {
  return network.blocs.find((b) => b.id === id)?.parts ?? [id];
}

/** The rest of a split bloc: counted in its bloc, not on its own. */
function isBlocRest(importer: NetworkImporter | undefined): boolean {
  return Boolean(importer?.bloc) && importer!.id.endsWith(REST_SUFFIX);
}

/** Sum of a per-importer value over the parts of `id`. */
function sumParts(network: FlowNetwork, id: string, values: (index: number) => number): number {
  const ids = partsOf(network, id);
  let total = 0;
  network.importers.forEach((imp, i) => { if (ids.includes(imp.id)) total += values(i); });
  return total;
}

/** Puts the baseline and scenario solutions side by side, in the units and rounding of the results. */
function assemble(model: Model, scenario: Scenario, before: FlowSolution, after: FlowSolution, changes: AppliedChange[], options: RunOptions): ScenarioResult {
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
    importers: importerResults(model, before, after, importerIds),
    routes: routeResults(before, after),
    assets: assetResults(before, after),
    whatBinds: whatBinds(after),
    actors: actorResults(before, after, importerIds),
    flows: flowResults(before, after),
    worldMarket: {
      enabled: a.world.enabled, premium: perPriceUnit(a, a.world.premium), spare: Number.isFinite(a.world.spare) ? a.world.spare : null,
      baseline: roundTo(worldSum(before)), scenario: roundTo(worldSum(after)), shadowPrice: perPriceUnit(a, after.worldShadow),
    },
    metrics: options.metrics === false ? [] : metricsChanges(model, before, after),
    observed: scenario.observedYear !== undefined ? observedFlows(model, scenario.commodity, scenario.observedYear, before, after) : null,
    solver: {
      status: after.status, objective: roundTo(after.objective / MONEY_SCALE, 9), seconds: roundTo(after.seconds, 6),
      baselineObjective: roundTo(before.objective / MONEY_SCALE, 9), baselineSeconds: roundTo(before.seconds, 6),
      costs: Object.fromEntries(Object.entries(after.costs).map(([k, v]) => [k, roundTo(v / MONEY_SCALE, 9)])) as unknown as FlowSolution['costs'],
    },
    settings: a.settings,
    assumptions: [...new Set(a.assumptions)],
  };
  return result;
}

/** Money per quantity is reported in the price unit (e.g. USD/t), not per base unit (USD per Mt). */
function perPriceUnit(network: FlowNetwork, perBase: number): number {
  return roundTo(perBase / network.priceUnitFactor, 9);
}

/** Flows received by each LP importer, indexed like `network.importers`. */
function inflow(sol: FlowSolution): Float64Array {
  const arr = new Float64Array(sol.network.importers.length);
  const idx = new Map(sol.network.importers.map((imp, i) => [imp.id, i]));
  sol.network.arcs.forEach((arc, k) => { arr[idx.get(arc.importer)!] += sol.arcFlow[k]; });
  return arr;
}

/** What an importer pays to be supplied (transport, time and the world-market premium), to report the change in cost. */
function supplyCost(sol: FlowSolution, i: number): number {
  const net = sol.network;
  let cost = net.world.premium * sol.world[i];
  const id = net.importers[i].id;
  net.arcs.forEach((arc, k) => {
    if (arc.importer === id) cost += arcCost(net, arc) * sol.arcFlow[k];
  });
  return cost;
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
function importerResults(model: Model, before: FlowSolution, after: FlowSolution, importerIds: string[]): ImporterResult[] {
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
      worldMarketBaseline: roundTo(f(b, (i) => before.world[i])),
      worldMarket: roundTo(f(a, (i) => after.world[i])),
      stock: roundTo(f(a, (i) => a.importers[i].stock)),
      stockDraw: roundTo(f(a, (i) => after.stock[i])),
      costChange: roundTo((f(a, (i) => supplyCost(after, i)) - f(b, (i) => supplyCost(before, i))) / MONEY_SCALE, 9),
      marginalCost: bloc ? null : perPriceUnit(a, after.demandPrice[a.importers.findIndex((x) => x.id === id)]),
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
    const v0 = sumParts(b, id, (i) => inB[i] + before.world[i]);
    const v1 = sumParts(a, id, (i) => inA[i] + after.world[i]);
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

/** "USD 60.2 million", "USD 52", "USD 1.2 billion": a yearly amount for a sentence. */
function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  // Three significant digits, no trailing zeros: 20, 60.2, 0.525.
  const sig = (v: number) => String(Number(v.toPrecision(3)));
  if (abs >= 1e9) return `USD ${sig(usd / 1e9)} billion`;
  if (abs >= 1e6) return `USD ${sig(usd / 1e6)} million`;
  if (abs >= 1e3) return `USD ${WHOLE.format(usd)}`;
  return `USD ${sig(usd)}`;
}

/** A price in the price unit for a sentence: "60.22 USD/t", "0.5245 USD/TEU". */
function formatPrice(value: number, unit: string): string {
  const v = value !== 0 && Math.abs(value) < 1 ? value.toPrecision(4) : value.toFixed(2);
  return `${v} ${unit}`;
}

const WHY: Record<BindingResult['alternative'], string> = {
  unserved: 'it would serve demand that now goes unserved; the value is the unserved-demand penalty, a modelling figure rather than a market price',
  shortfall: 'it would deliver volume an agreement commits to; the value is the agreement shortfall penalty, a modelling figure',
  stocks: 'it would save drawing stocks (at the stock draw cost)',
  worldMarket: 'the world-market premium it saves, less the cost of the route (and of moving flows away from their partners)',
  rerouting: 'what it saves in dearer routes and in moving flows away from their partners (stickiness)',
  none: 'worth nothing at the margin: another limit holds the same flow (or the dual is degenerate)',
};

/** The capacities that bind in a solution, with the value of one more unit in the price unit and in words. */
function whatBinds(sol: FlowSolution): BindingResult[] {
  const net = sol.network;
  const base = net.unit.replace(/\/yr$/, '');
  const reference = Math.max(net.world.premium, ...net.routes.map((r) => r.cost), net.priceUnitFactor);
  const tiny = 1e-9 * reference;
  const unservedNow = sol.unserved.some((u) => u > 1e-9);
  const stocksNow = sol.stock.some((x) => x > 1e-9);
  const shortNow = sol.shortfall.some((x) => x > 1e-9);
  const worldNow = sol.world.some((x) => x > 1e-9);
  const alternative = (shadow: number): BindingResult['alternative'] => {
    if (shadow <= tiny) return 'none';
    if (unservedNow && shadow >= 0.5 * net.costs.unserved) return 'unserved';
    if (shortNow && shadow >= 0.5 * net.costs.shortfall) return 'shortfall';
    if (stocksNow && shadow >= 0.5 * net.costs.stockDraw) return 'stocks';
    if (worldNow) return 'worldMarket';
    return 'rerouting';
  };
  const out: BindingResult[] = [];
  const add = (kind: BindingResult['kind'], id: string, label: string, capacity: number, flow: number, shadowPerBase: number) => {
    const shadow = Math.max(0, shadowPerBase);
    const why = alternative(shadow);
    const price = roundTo(shadow / net.priceUnitFactor, 9);
    const text = why === 'none'
      ? `${label} (${formatNumber(capacity)} ${net.unit}) binds, but one more ${base}/yr of it is ${WHY.none}.`
      : `${label} (${formatNumber(capacity)} ${net.unit}) binds: one more ${base}/yr is worth ${formatPrice(price, net.priceUnit)} (${formatUsd(shadow)} a year): ${WHY[why]}.`;
    out.push({ kind, id, capacity: roundTo(capacity), flow: roundTo(flow), shadowPrice: price, valuePerYear: roundTo(shadow, 6), alternative: why, text });
  };
  net.routes.forEach((r, i) => { if (sol.routeBinding[i]) add('route', r.id, `route ${r.id}`, r.capacity, sol.routeFlow[i], sol.routeShadow[i]); });
  net.assets.forEach((s, i) => { if (sol.assetBinding[i]) add('asset', s.id, `shared asset ${s.id}`, s.capacity, sol.assetFlow[i], sol.assetShadow[i]); });
  // Export capacities only where they are not the default (the baseline exports): given by the dataset
  // (export_capacity) or changed by the scenario (a cap, a ban, a deal, set_parameter).
  net.exporters.forEach((e, i) => {
    const given = Math.abs(e.supply - e.baseline) > 1e-9 * Math.max(1, e.baseline);
    if (given && sol.supplyShadow[i] > tiny) add('exporter', e.id, `the export capacity of ${e.id}`, e.supply, sol.exported[i], sol.supplyShadow[i]);
  });
  const worldTotal = sol.world.reduce((x, y) => x + y, 0);
  if (net.world.enabled && Number.isFinite(net.world.spare) && worldTotal >= net.world.spare - 1e-7 * Math.max(1, net.world.spare)) {
    add('worldMarket', 'world', "the world market's spare capacity", net.world.spare, worldTotal, sol.worldShadow);
  }
  // The most valuable first; those worth nothing at the margin last.
  return out.sort((x, y) => y.valuePerYear - x.valuePerYear);
}

// Number formats are made once: toLocaleString with options builds a new one on every call (slow).
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const THREE_DIGITS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

function formatNumber(v: number): string {
  return (Math.abs(v) >= 100 ? WHOLE : THREE_DIGITS).format(v);
}

/** Flows of a solution as dataset-like flows of one importer (a bloc gets the sum of its parts). */
function solutionFlows(model: Model, sol: FlowSolution, importer: string): BaseFlow[] {
  const net = sol.network;
  const ids = partsOf(net, importer);
  const out: BaseFlow[] = [];
  const make = (exporter: string, route: string, volume: number): BaseFlow => ({
    year: net.year, commodity: net.commodity, exporter, importer, route, volume, unit: net.unit, baseVolume: volume,
    source: [], estimated: false, note: '',
  });
  net.arcs.forEach((arc, k) => {
    if (!ids.includes(arc.importer) || sol.arcFlow[k] <= 1e-12) return;
    const route = net.routes[arc.route];
    out.push(make(arc.exporter, route.direct || route.added ? '' : route.id, sol.arcFlow[k]));
  });
  const worldSupplier = model.tables.country.find((c) => c.id === 'OTHER') ? 'OTHER' : 'WLD';
  net.importers.forEach((imp, i) => { if (ids.includes(imp.id) && sol.world[i] > 1e-12) out.push(make(worldSupplier, '', sol.world[i])); });
  return out;
}

function snapshot(model: Model, sol: FlowSolution, importer: string): MetricsSnapshot | null {
  const flows = solutionFlows(model, sol, importer);
  if (flows.length === 0) return null;
  try {
    const m = importerMetrics(model, { importer, commodity: sol.network.commodity, year: sol.network.year }, flows);
    const top = m.transitExposure.reduce<{ country: string; share: number } | null>((best, t) => (!best || t.share > best.share ? { country: t.country, share: t.share } : best), null);
    return {
      total: roundTo(m.total), hhi: roundTo(m.hhi, 6), topSupplier: m.topSupplier, topShare: roundTo(m.topShare, 9),
      hhiWgi: m.governance.hhiWgi === null ? null : roundTo(m.governance.hhiWgi, 6), crmaBenchmarkMet: m.crmaBenchmarkMet,
      topTransit: top ? { country: top.country, share: roundTo(top.share, 9) } : null,
    };
  } catch {
    return null;
  }
}

function metricsChanges(model: Model, before: FlowSolution, after: FlowSolution): ImporterMetricsChange[] {
  const net = after.network;
  const ids = [...net.blocs.map((bl) => bl.id), ...net.importers.filter((i) => !isBlocRest(i)).map((i) => i.id)];
  const out: ImporterMetricsChange[] = [];
  for (const id of ids) {
    if (model.isAggregate(id)) continue;
    const b = snapshot(model, before, id);
    const a = snapshot(model, after, id);
    const empty: MetricsSnapshot = { total: 0, hhi: 0, topSupplier: null, topShare: 0, hhiWgi: null, crmaBenchmarkMet: true, topTransit: null };
    if (b || a) out.push({ importer: id, baseline: b ?? empty, scenario: a ?? empty });
  }
  return out;
}

function observedFlows(model: Model, commodity: string, year: number, before: FlowSolution, after: FlowSolution): ObservedFlows {
  const flows = model.flows({ commodity, year });
  const pairFlow = (sol: FlowSolution, exporter: string, importer: string) => {
    const net = sol.network;
    const ids = partsOf(net, importer);
    let total = 0;
    net.arcs.forEach((arc, k) => { if (arc.exporter === exporter && ids.includes(arc.importer)) total += sol.arcFlow[k]; });
    return total;
  };
  const byImporter = new Map<string, number>();
  const byExporter = new Map<string, number>();
  const byPair = new Map<string, number>();
  for (const f of flows) {
    byImporter.set(f.importer, (byImporter.get(f.importer) ?? 0) + f.baseVolume);
    byExporter.set(f.exporter, (byExporter.get(f.exporter) ?? 0) + f.baseVolume);
    const key = `${f.exporter}>${f.importer}`;
    byPair.set(key, (byPair.get(key) ?? 0) + f.baseVolume);
  }
  return {
    year,
    importers: [...byImporter].sort().map(([importer, volume]) => ({ importer, volume: roundTo(volume) })),
    exporters: [...byExporter].sort().map(([exporter, volume]) => ({ exporter, volume: roundTo(volume) })),
    flows: [...byPair].sort().map(([k, volume]) => {
      const [exporter, importer] = k.split('>');
      return { exporter, importer, volume: roundTo(volume), flowBaseline: roundTo(pairFlow(before, exporter, importer)), flowScenario: roundTo(pairFlow(after, exporter, importer)) };
    }),
  };
}
