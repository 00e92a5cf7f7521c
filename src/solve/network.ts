// The flow network of one commodity and year, built from a dataset: exporters with supply, importers
// with demand, routes (with their countries, nodes and shared assets) and the arcs exporter → importer
// by route that the LP may use. Pure: no I/O. Scenarios edit a copy of it (src/scenario/apply.ts);
// src/solve/lp.ts turns it into typed arrays for the solver. See docs/methods/flow-model.md.
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import { convert, moneyPerBaseUnit, naturalPriceUnit } from '../model/units.ts';
import { CorridorError, available } from '../errors.ts';

/** Name and version of the method, reported with every result (docs/methods/flow-model.md). */
export const FLOW_METHOD = { name: 'flow-lp', version: '1.1.0' } as const;

/** Prefix of the implicit route that carries flows whose route the dataset does not give. */
export const DIRECT_PREFIX = 'direct:';
/** Suffix of the importer that stands for a bloc without the members that appear on their own. */
export const REST_SUFFIX = '-rest';

export interface NetworkRoute {
  id: string;
  name: string;
  mode: string;
  /** Capacity in the commodity's base unit per year; Infinity when the route itself does not limit flows. */
  capacity: number;
  /** Transport cost in USD per base unit (0 when the dataset gives none). */
  cost: number;
  transitDays?: number;
  /** Countries crossed, in order, including the start and end countries. */
  countries: string[];
  /** Nodes on the route (first and last node included). */
  nodes: string[];
  /** Shared assets used by any leg (each once). */
  assets: string[];
  /** Country of the first node: the exporter that can use the route. */
  start: string;
  /** Country of the last node. */
  end: string;
  /** The route ends at a sea port or marine terminal (node kind `port` or `terminal`), so it can reach any importer. */
  endsAtPort: boolean;
  /** Whether flows may use it (false when closed, planned and not opened, or closed by a scenario). */
  open: boolean;
  status: string;
  /** The implicit route of an exporter–importer pair whose flows have no route in the dataset. */
  direct: boolean;
  /** Added by a scenario. */
  added: boolean;
}

export interface NetworkAsset {
  id: string;
  name: string;
  /** Capacity in base unit per year, shared by every route whose legs use the asset. */
  capacity: number;
}

export interface NetworkArc {
  exporter: string;
  importer: string;
  /** Index into `routes`. */
  route: number;
  /** Observed flow in the baseline year (base unit). */
  baseline: number;
  /** Upper bound on this arc alone (Infinity when only the route, assets and supply limit it). */
  capacity: number;
  /** False when a shock (embargo, lost transit state) closes this arc. */
  open: boolean;
  /** Transit states: route countries that are neither the exporter nor (part of) the importer. */
  transit: string[];
  /** Multiplier of the stickiness weight for decreases below the baseline (1 by default). */
  stickiness: number;
}

export interface NetworkExporter {
  id: string;
  /** Baseline exports (base unit), the sum of the exporter's flows. */
  baseline: number;
  /** Export capacity available to the LP (base unit). */
  supply: number;
}

export interface NetworkImporter {
  id: string;
  name: string;
  /** Baseline imports: the sum of the importer's flows. */
  baseline: number;
  /** Demand to serve (base unit): demand.csv `imports` for the year, else the baseline imports. */
  demand: number;
  /** Stock that can be drawn in the year (base unit). */
  stock: number;
  /** Share of demand (0–1) that may come from the residual world market. */
  worldAccess: number;
  /** Bloc this importer is a part of when the bloc was split (else ''). */
  bloc: string;
  /** Countries the importer stands for (a bloc rest stands for the members not split out). */
  countries: string[];
}

/** A bloc that was split into members and the rest; results for the bloc are sums over `parts`. */
export interface NetworkBloc {
  id: string;
  parts: string[];
}

/** A committed volume between two parties (an agreement): the LP must deliver it or pay the shortfall penalty. */
export interface NetworkCommitment {
  label: string;
  exporter: string;
  /** Importer parts that count towards the target. */
  importers: string[];
  /** Total flow from the exporter to these importers that the agreement requires (base unit). */
  target: number;
}

export interface NetworkCosts {
  /** Cost per base unit of moving a flow below its baseline (stickiness weight λ). */
  stickiness: number;
  /** Cost per base unit drawn from stocks. */
  stockDraw: number;
  /** Cost per base unit of unserved demand. */
  unserved: number;
  /** Cost per base unit of an agreement's committed volume left undelivered. */
  shortfall: number;
  /** Cost per base unit per day in transit, added to route costs (0 by default). */
  timeValue: number;
}

export interface NetworkWorld {
  /** The commodity is fungible: a residual world market exists. */
  enabled: boolean;
  /** Premium per base unit paid for world-market supply. */
  premium: number;
  /** Spare capacity of the world market (base unit); Infinity when not limited. */
  spare: number;
}

/** Where each modelling figure came from: the dataset, a scenario or a default. */
export interface NetworkSetting {
  name: string;
  value: number;
  unit: string;
  origin: 'dataset' | 'scenario' | 'default';
  note: string;
}

export interface FlowNetwork {
  commodity: string;
  year: number;
  /** Base unit of the commodity (all volumes). */
  unit: string;
  fungible: boolean;
  exporters: NetworkExporter[];
  importers: NetworkImporter[];
  routes: NetworkRoute[];
  assets: NetworkAsset[];
  arcs: NetworkArc[];
  blocs: NetworkBloc[];
  /** Blocs that are not importers themselves but whose members are: bloc → those members (a bloc covers its members). */
  blocMembers: Record<string, string[]>;
  commitments: NetworkCommitment[];
  world: NetworkWorld;
  costs: NetworkCosts;
  /** Price per base unit (USD) where the dataset has one, for values. */
  price?: number;
  /**
   * The unit in which money per quantity (prices, costs, premiums, shadow prices) is reported: the
   * dataset's price unit, else USD per the base unit's natural quantity (src/model/units.ts naturalPriceUnit).
   */
  priceUnit: string;
  /** USD per base unit in one `priceUnit` (e.g. 1e6 for USD/t with volumes in Mt): reported = per base unit ÷ this. */
  priceUnitFactor: number;
  /** Transit fee per base unit by transit state, where the dataset has one. */
  transitFees: Record<string, number>;
  /** Modelling figures used, with their origin (reported in results). */
  settings: NetworkSetting[];
  /** Assumptions and data caveats, in plain sentences (reported in results). */
  assumptions: string[];
  /** Cost and world-market figures given by the dataset or a scenario (the rest are defaults). */
  given: GivenParameters;
}

export type GivenParameters = Partial<Record<FlowParameter, { value: number; unit: string; origin: 'dataset' | 'scenario' }>>;

/** Settings a dataset (parameters.csv) or a scenario (`set_parameter`) may give. */
export const FLOW_PARAMETERS = {
  price: 'Price of the commodity (USD per unit given), used to value volume changes.',
  world_market_premium: 'Premium (USD per unit given) paid for residual world-market supply of a fungible commodity.',
  world_market_spare: 'Spare capacity of the residual world market (a volume per year).',
  world_market_access: 'Share (0–1) of an importer\'s demand that the world market can reach (0 for a refinery on one pipeline).',
  baseline_stickiness: 'Cost (USD per unit given) of moving a flow below its baseline: how sticky trade partners are.',
  stock_draw_cost: 'Cost (USD per unit given) of drawing stocks.',
  unserved_penalty: 'Cost (USD per unit given) of demand left unserved.',
  agreement_shortfall_penalty: 'Cost (USD per unit given) of an agreement\'s committed volume left undelivered.',
  time_value: 'Cost of time in transit (USD per unit given per day), added to route costs.',
  export_capacity: 'Export capacity of an exporter (a volume per year); the default is its baseline exports.',
  transit_fee: 'Fee a transit state earns (USD per unit given), used to value changes in volume carried.',
} as const;

export type FlowParameter = keyof typeof FLOW_PARAMETERS;

/** The parameters that set costs and the world market for the whole network. */
export const COST_PARAMETERS = [
  'world_market_premium', 'world_market_spare', 'baseline_stickiness', 'stock_draw_cost', 'unserved_penalty',
  'agreement_shortfall_penalty', 'time_value',
] as const satisfies readonly FlowParameter[];

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** What every step of buildNetwork reads, and the notes it leaves for the result. */
interface BuildContext {
  model: Model;
  commodity: CommodityRow;
  query: { commodity: string; year: number };
  /** Base unit of the commodity. */
  base: string;
  assumptions: string[];
  settings: NetworkSetting[];
}

/** A bloc that appears beside some of its members: the members that import on their own, and the id of the rest. */
interface BlocSplit {
  rest: string;
  members: string[];
}

/** Volume by route ('' = route not given). */
type RouteVolumes = Map<string, number>;
/** Volume by exporter → importer → route. */
type Volumes = Map<string, Map<string, RouteVolumes>>;
/** A flow row with its volume in the commodity's base unit. */
type Flow = ReturnType<Model['flows']>[number];

/** Builds the baseline flow network of a commodity and year. */
export function buildNetwork(model: Model, query: { commodity: string; year: number }): FlowNetwork {
  const { commodity, flows } = commodityFlows(model, query);
  const context: BuildContext = { model, commodity, query, base: commodity.unit, assumptions: [], settings: [] };
  const splitOf = splitBlocs(model, flows);
  const volume = flowVolumes(context, flows, splitOf);
  const { importerBaseline, exporterBaseline } = baselines(volume);
  const importers = buildImporters(context, splitOf, importerBaseline);
  addStocks(context, importers, splitOf);
  const exporters = buildExporters(context, exporterBaseline);
  const { routes, routeIndex } = buildRoutes(context, flows);
  const assets = buildAssets(model, query.commodity);
  const arcs = buildArcs(context, volume, routes, routeIndex, importers, exporters);
  const { price, priceGiven } = readPrice(context);
  const transitFees = readTransitFees(context);
  const network: FlowNetwork = {
    commodity: query.commodity, year: query.year, unit: context.base, fungible: commodity.fungible,
    exporters, importers, routes, assets, arcs,
    blocs: [...splitOf].map(([id, s]) => ({ id, parts: [...s.members, s.rest] })),
    blocMembers: unsplitBlocMembers(model, splitOf, importers),
    commitments: [],
    world: { enabled: commodity.fungible, premium: 0, spare: Infinity },
    costs: { stickiness: 0, stockDraw: 0, unserved: 0, shortfall: 0, timeValue: 0 },
    price, priceUnit: '', priceUnitFactor: 1, transitFees, settings: context.settings, assumptions: context.assumptions, given: {},
  };
  network.priceUnit = naturalPriceUnit(commodity, price !== undefined ? priceGiven?.unit : undefined);
  network.priceUnitFactor = moneyPerBaseUnit(1, network.priceUnit, commodity);
  for (const name of COST_PARAMETERS) {
    const p = model.parameter(name, { commodity: query.commodity, year: query.year });
    if (p) network.given[name] = { value: p.value, unit: p.unit, origin: 'dataset' };
  }
  resolveCosts(network, commodity);
  return network;
}

/** A network needs a known commodity with flows in the year: say which ones exist otherwise. */
function commodityFlows(model: Model, query: { commodity: string; year: number }) {
  const commodity = model.commodity(query.commodity);
  if (!commodity) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown commodity "${query.commodity}" (available: ${available(model.tables.commodity.map((c) => c.id))})`);
  }
  const flows = model.flows({ commodity: query.commodity, year: query.year });
  if (flows.length === 0) {
    throw new CorridorError('CORRIDOR_ERR_NO_DATA', `no flows of ${query.commodity} in ${query.year} (years with flows: ${available(model.flowYears(query.commodity))})`);
  }
  return { commodity, flows };
}

/** A bloc and its members can both appear as importers; splitting avoids counting the members' imports twice. */
function splitBlocs(model: Model, flows: Flow[]): Map<string, BlocSplit> {
  const importerIds = new Set(flows.map((f) => f.importer));
  const splitOf = new Map<string, BlocSplit>();
  for (const id of importerIds) {
    if (!model.isBloc(id)) continue;
    const members = model.blocMembers(id).filter((m) => importerIds.has(m));
    if (members.length > 0) splitOf.set(id, { rest: `${id}${REST_SUFFIX}`, members });
  }
  return splitOf;
}

/** Empty flows are left out, so that they create no arc. */
function addVolume(volume: Volumes, exporter: string, importer: string, route: string, v: number): void {
  if (!(v > 0)) return;
  const byImporter = volume.get(exporter) ?? new Map<string, RouteVolumes>();
  volume.set(exporter, byImporter);
  const byRoute = byImporter.get(importer) ?? new Map<string, number>();
  byImporter.set(importer, byRoute);
  byRoute.set(route, (byRoute.get(route) ?? 0) + v);
}

/** Sum of the volumes of a map (0 for none). */
function total(m: Map<string, number> | undefined): number {
  return [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);
}

/** Flows are gathered per exporter, importer and route; a split bloc's own flows keep only what its members do not import. */
function flowVolumes(context: BuildContext, flows: Flow[], splitOf: Map<string, BlocSplit>): Volumes {
  const volume: Volumes = new Map();
  const blocFlows = new Map<string, Map<string, RouteVolumes>>(); // bloc -> exporter -> routes
  for (const f of flows) {
    if (splitOf.has(f.importer)) {
      const byExporter = blocFlows.get(f.importer) ?? new Map<string, RouteVolumes>();
      blocFlows.set(f.importer, byExporter);
      const byRoute = byExporter.get(f.exporter) ?? new Map<string, number>();
      byExporter.set(f.exporter, byRoute);
      byRoute.set(f.route, (byRoute.get(f.route) ?? 0) + f.baseVolume);
    } else {
      addVolume(volume, f.exporter, f.importer, f.route, f.baseVolume);
    }
  }
  for (const [bloc, byExporter] of blocFlows) {
    const split = splitOf.get(bloc)!;
    takeMembersOutOfAggregate(context, volume, bloc, split.members, byExporter);
    for (const [exporter, blocRoutes] of byExporter) {
      routeMemberFlowsLikeBloc(context, volume, bloc, split.members, exporter, blocRoutes);
      addBlocRest(context, volume, bloc, split, exporter, blocRoutes);
    }
  }
  for (const [bloc, { rest, members }] of splitOf) {
    context.assumptions.push(`${bloc} and its member(s) ${members.join(', ')} both appear: ${bloc} is split into ${members.join(', ')} and ${rest} (${bloc} without them); results for ${bloc} are sums.`);
  }
  return volume;
}

/**
 * A member's supplier that the bloc's figures do not name is inside the bloc's aggregate (OTHER):
 * take the member's volume out of the aggregate's remainder, not out of nothing.
 */
function takeMembersOutOfAggregate(context: BuildContext, volume: Volumes, bloc: string, members: string[], byExporter: Map<string, RouteVolumes>): void {
  const aggregates = [...byExporter.keys()].filter((e) => context.model.isAggregate(e));
  if (aggregates.length === 0) return;
  for (const m of members) {
    for (const [exporter, byImporter] of volume) {
      const v = total(byImporter.get(m));
      if (v <= 0 || byExporter.has(exporter)) continue;
      const aggregate = aggregates[0];
      const routes = byExporter.get(aggregate)!;
      const sum = total(routes);
      const take = Math.min(v, sum);
      for (const [r, x] of routes) routes.set(r, sum > 0 ? x - (take * x) / sum : x);
      context.assumptions.push(`${exporter} → ${m} (${round(v)} ${context.base}) is not named in ${bloc}'s figures: it is taken out of ${aggregate} → ${bloc}.`);
    }
  }
}

/**
 * A member's flow without a route takes the routes of the bloc's flow from the same exporter
 * (the member's share travels like the bloc's), when the bloc's flow has routes.
 */
function routeMemberFlowsLikeBloc(context: BuildContext, volume: Volumes, bloc: string, members: string[], exporter: string, blocRoutes: RouteVolumes): void {
  const routedTotal = [...blocRoutes].filter(([r]) => r !== '').reduce((s, [, v]) => s + v, 0);
  if (routedTotal <= 0) return;
  for (const m of members) {
    const byRoute = volume.get(exporter)?.get(m);
    const unrouted = byRoute?.get('') ?? 0;
    if (!byRoute || unrouted <= 0) continue;
    byRoute.delete('');
    for (const [r, v] of blocRoutes) if (r !== '') byRoute.set(r, (byRoute.get(r) ?? 0) + (unrouted * v) / routedTotal);
    context.assumptions.push(`${exporter} → ${m}: ${round(unrouted)} ${context.base} without a route is given the routes of ${exporter} → ${bloc} (${[...blocRoutes.keys()].filter(Boolean).join(', ')}) in proportion.`);
  }
}

/** The rest of a bloc imports what the bloc does minus what its members import, on the routes the members leave. */
function addBlocRest(context: BuildContext, volume: Volumes, bloc: string, split: BlocSplit, exporter: string, blocRoutes: RouteVolumes): void {
  const { rest, members } = split;
  const memberRoutes = new Map<string, number>();
  for (const m of members) for (const [r, v] of volume.get(exporter)?.get(m) ?? []) memberRoutes.set(r, (memberRoutes.get(r) ?? 0) + v);
  const restTotal = total(blocRoutes) - total(memberRoutes);
  if (restTotal < -1e-9 * Math.max(1, total(blocRoutes))) {
    context.assumptions.push(
      `${exporter}'s flows to ${members.join('+')} (${round(total(memberRoutes))} ${context.base}) exceed its flow to ${bloc} (${round(total(blocRoutes))} ${context.base}); ` +
        `the rest of ${bloc} gets nothing from ${exporter}.`,
    );
  }
  if (restTotal <= 1e-12) return;
  // Spread the rest over the bloc's routes after taking out what the members receive on each route.
  const raw = new Map<string, number>();
  for (const [r, v] of blocRoutes) raw.set(r, Math.max(0, v - (memberRoutes.get(r) ?? 0)));
  const rawTotal = total(raw);
  for (const [r, v] of raw) addVolume(volume, exporter, rest, r, rawTotal > 0 ? (v * restTotal) / rawTotal : 0);
}

/** Baseline imports and exports are what the LP is kept close to when nothing changes. */
function baselines(volume: Volumes) {
  const importerBaseline = new Map<string, number>();
  const exporterBaseline = new Map<string, number>();
  for (const [exporter, byImporter] of volume) {
    for (const [importer, routes] of byImporter) {
      const v = total(routes);
      importerBaseline.set(importer, (importerBaseline.get(importer) ?? 0) + v);
      exporterBaseline.set(exporter, (exporterBaseline.get(exporter) ?? 0) + v);
    }
  }
  return { importerBaseline, exporterBaseline };
}

/** Rest id → the bloc it is part of, to look up the bloc's own figures. */
function restBlocs(splitOf: Map<string, BlocSplit>): Map<string, string> {
  const restOf = new Map<string, string>();
  for (const [bloc, { rest }] of splitOf) restOf.set(rest, bloc);
  return restOf;
}

/** demand.csv imports in base units, where the dataset gives them. */
function demandOf(context: BuildContext, country: string): number | undefined {
  const { model, query } = context;
  const row = model.tables.demand.find((d) => d.commodity === query.commodity && d.year === query.year && d.kind === 'imports' && d.country === country);
  return row ? model.toBase(row.volume, row.unit, query.commodity) : undefined;
}

/** Importers are those with flows, plus those with demand but no flows (the world market or stocks may serve them). */
function buildImporters(context: BuildContext, splitOf: Map<string, BlocSplit>, importerBaseline: Map<string, number>): NetworkImporter[] {
  const { model, query } = context;
  const restOf = restBlocs(splitOf);
  for (const d of model.tables.demand) {
    if (d.commodity === query.commodity && d.year === query.year && d.kind === 'imports' && !importerBaseline.has(d.country) && !splitOf.has(d.country)) {
      importerBaseline.set(d.country, 0);
    }
  }
  for (const [bloc, { rest }] of splitOf) if (!importerBaseline.has(rest) && demandOf(context, bloc) !== undefined) importerBaseline.set(rest, 0);

  const importers: NetworkImporter[] = [];
  for (const [id, baseline] of [...importerBaseline].sort(([a], [b]) => a.localeCompare(b))) {
    const bloc = restOf.get(id);
    const demand = importerDemand(context, id, bloc, splitOf, importerBaseline);
    if (demand !== undefined && Math.abs(demand - baseline) > 1e-9 * Math.max(1, baseline)) {
      context.assumptions.push(`${id}: demand ${round(demand)} ${context.base} (demand.csv) differs from its baseline imports ${round(baseline)} ${context.base}; the difference is served or left unserved by the LP in the baseline too.`);
    }
    const access = worldAccessOf(context, restOf.get(id) ?? id);
    if (access.origin === 'dataset') context.settings.push({ name: 'world_market_access', value: access.value, unit: 'share', origin: 'dataset', note: id });
    importers.push({
      id,
      name: bloc ? `${model.actorName(bloc)} without ${splitOf.get(bloc)!.members.join(', ')}` : model.actorName(id),
      baseline,
      demand: demand ?? baseline,
      stock: 0,
      worldAccess: access.value,
      bloc: bloc ?? [...splitOf].find(([, s]) => s.members.includes(id))?.[0] ?? '',
      countries: importerCountries(model, id, bloc, splitOf),
    });
  }
  return importers;
}

/** A bloc's rest demands the bloc's demand less its members' (their demand, else their imports). */
function importerDemand(context: BuildContext, id: string, bloc: string | undefined, splitOf: Map<string, BlocSplit>, importerBaseline: Map<string, number>): number | undefined {
  if (!bloc) return demandOf(context, id);
  const whole = demandOf(context, bloc);
  if (whole === undefined) return undefined;
  const members = splitOf.get(bloc)!.members;
  return Math.max(0, whole - members.reduce((s, m) => s + (demandOf(context, m) ?? importerBaseline.get(m) ?? 0), 0));
}

/** Transit states are counted against these: a route country that is one of them is not a transit state. */
function importerCountries(model: Model, id: string, bloc: string | undefined, splitOf: Map<string, BlocSplit>): string[] {
  if (bloc) return model.blocMembers(bloc).filter((m) => !splitOf.get(bloc)!.members.includes(m));
  if (model.isBloc(id)) return model.blocMembers(id).length ? model.blocMembers(id) : [id];
  return [id];
}

/** An importer on a single pipeline may reach only part of the world market; full access unless the dataset says so. */
function worldAccessOf(context: BuildContext, country: string): { value: number; origin: 'dataset' | 'default' } {
  const p = context.model.parameter('world_market_access', { commodity: context.query.commodity, country, year: context.query.year });
  return p ? { value: Math.min(1, Math.max(0, p.value)), origin: 'dataset' } : { value: 1, origin: 'default' };
}

/** Stocks are the last resort before unserved demand: the latest figure not after the year, split like demand. */
function addStocks(context: BuildContext, importers: NetworkImporter[], splitOf: Map<string, BlocSplit>): void {
  const restOf = restBlocs(splitOf);
  const stockOf = (country: string) => latestStock(context, country);
  for (const imp of importers) if (!restOf.has(imp.id)) imp.stock = stockOf(imp.id) ?? 0;
  for (const imp of importers) {
    const bloc = restOf.get(imp.id);
    if (!bloc) continue;
    const whole = stockOf(bloc);
    if (whole === undefined) continue;
    const members = splitOf.get(bloc)!.members;
    const memberStocks = members.map((m) => stockOf(m));
    if (memberStocks.every((s) => s !== undefined)) {
      imp.stock = Math.max(0, whole - memberStocks.reduce((a, b) => a + (b ?? 0), 0));
    } else {
      // Members without their own figure get a share of the bloc's stock in proportion to demand.
      const parts = [imp, ...importers.filter((i) => members.includes(i.id))];
      const sum = parts.reduce((s, p) => s + p.demand, 0);
      for (const p of parts) {
        if (p.id !== imp.id && stockOf(p.id) !== undefined) continue;
        p.stock = sum > 0 ? (whole * p.demand) / sum : 0;
      }
      context.assumptions.push(`stocks of ${bloc} split between its parts in proportion to demand.`);
    }
  }
}

/** An older stock figure is better than none, but the result says which year it is from. */
function latestStock(context: BuildContext, country: string): number | undefined {
  const { model, query } = context;
  const rows = model.tables.stock
    .filter((s) => s.commodity === query.commodity && s.country === country && s.year <= query.year)
    .sort((a, b) => b.year - a.year);
  const row = rows[0];
  if (!row) return undefined;
  if (row.year !== query.year) context.assumptions.push(`stocks of ${country}: figure of ${row.year} used for ${query.year}.`);
  return model.toBase(row.volume, row.unit, query.commodity);
}

/** Without an export_capacity figure an exporter can supply no more than it did in the baseline. */
function buildExporters(context: BuildContext, exporterBaseline: Map<string, number>): NetworkExporter[] {
  const { model, query, base } = context;
  const exporters: NetworkExporter[] = [];
  for (const [id, baseline] of [...exporterBaseline].sort(([a], [b]) => a.localeCompare(b))) {
    const p = model.parameter('export_capacity', { commodity: query.commodity, country: id, year: query.year });
    let supply = baseline;
    if (p) {
      try {
        supply = convert(p.value, p.unit, base, context.commodity);
        context.settings.push({ name: 'export_capacity', value: round(supply), unit: base, origin: 'dataset', note: id });
      } catch (e) {
        supply = baseline;
        context.assumptions.push(`parameter export_capacity of ${id}: ${(e as Error).message}; its baseline exports are used.`);
      }
    }
    exporters.push({ id, baseline, supply });
  }
  return exporters;
}

/** Every route of the commodity, with the countries, nodes and shared assets of its legs; a route that carries flows is open. */
function buildRoutes(context: BuildContext, flows: Flow[]): { routes: NetworkRoute[]; routeIndex: Map<string, number> } {
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
      capacity: r.capacity === undefined ? Infinity : model.toBase(r.capacity, r.unit, query.commodity),
      cost: routeCost(context, r.id, r.cost, r.cost_unit),
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
function routeCost(context: BuildContext, id: string, cost: number | undefined, unit: string | undefined): number {
  if (cost === undefined) return 0;
  try {
    return moneyPerBaseUnit(cost, unit ?? '', context.commodity);
  } catch (e) {
    context.assumptions.push(`route ${id}: cost ${cost} ${unit ?? ''}: ${(e as Error).message}; the route is taken as free.`);
    return 0;
  }
}

/** Shared assets limit the sum of the flows of every route that uses them. */
function buildAssets(model: Model, commodity: string): NetworkAsset[] {
  return model.tables.asset
    .filter((a) => a.commodity === commodity)
    .map((a) => ({ id: a.id, name: a.name, capacity: model.toBase(a.capacity, a.unit, commodity) }));
}

/** The LP may use every observed flow, plus every route an exporter could use to reach an importer. */
function buildArcs(context: BuildContext, volume: Volumes, routes: NetworkRoute[], routeIndex: Map<string, number>, importers: NetworkImporter[], exporters: NetworkExporter[]): NetworkArc[] {
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

/** The price values volume changes; without a usable one, values are not reported. */
function readPrice(context: BuildContext) {
  const { model, query } = context;
  const priceGiven = model.parameter('price', { commodity: query.commodity, year: query.year });
  let price: number | undefined;
  if (priceGiven) {
    try {
      price = moneyPerBaseUnit(priceGiven.value, priceGiven.unit, context.commodity);
      context.settings.push({ name: 'price', value: priceGiven.value, unit: priceGiven.unit, origin: 'dataset', note: priceGiven.year === query.year ? '' : `figure of ${priceGiven.year}` });
    } catch (e) {
      context.assumptions.push(`parameter price: ${(e as Error).message}; values are not reported.`);
    }
  }
  return { price, priceGiven };
}

/** Transit fees value what a transit state gains or loses when the volume it carries changes. */
function readTransitFees(context: BuildContext): Record<string, number> {
  const { model, query } = context;
  const transitFees: Record<string, number> = {};
  const countries = new Set(model.tables.parameter
    .filter((p) => p.name === 'transit_fee' && p.country && (!p.commodity || p.commodity === query.commodity) && p.year <= query.year)
    .map((p) => p.country));
  for (const country of countries) {
    const best = model.parameter('transit_fee', { commodity: query.commodity, country, year: query.year });
    if (best) {
      try {
        transitFees[country] = moneyPerBaseUnit(best.value, best.unit, context.commodity);
      } catch (e) {
        context.assumptions.push(`parameter transit_fee of ${country}: ${(e as Error).message}; no value is reported for it.`);
      }
    }
  }
  return transitFees;
}

/** A scenario may name a bloc that does not import on its own (e.g. an embargo by the EU): it stands for its importing members. */
function unsplitBlocMembers(model: Model, splitOf: Map<string, BlocSplit>, importers: NetworkImporter[]): Record<string, string[]> {
  return Object.fromEntries(model.tables.bloc
    .filter((b) => !splitOf.has(b.id) && !importers.some((i) => i.id === b.id))
    .map((b) => [b.id, model.blocMembers(b.id).filter((m) => importers.some((i) => i.id === m))] as [string, string[]])
    .filter(([, members]) => members.length > 0));
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

/**
 * Sets the world-market and penalty figures: values given by the dataset or a scenario (converted to
 * USD per base unit), else the documented defaults, all relative to R = max(largest route cost, premium).
 */
export function resolveCosts(network: FlowNetwork, commodity: CommodityRow): void {
  const given = network.given;
  const settings = network.settings.filter((s) => !(COST_PARAMETERS as readonly string[]).includes(s.name));
  const money = (name: FlowParameter): number | undefined => {
    const g = given[name];
    if (!g) return undefined;
    const v = moneyPerBaseUnit(g.value, g.unit, commodity);
    settings.push({ name, value: g.value, unit: g.unit, origin: g.origin, note: '' });
    return v;
  };
  const perDay = (name: FlowParameter): number | undefined => {
    const g = given[name];
    if (!g) return undefined;
    const v = moneyPerBaseUnit(g.value, g.unit, commodity, true);
    settings.push({ name, value: g.value, unit: g.unit, origin: g.origin, note: '' });
    return v;
  };
  // Defaults are shown in the network's price unit (the dataset's price unit, else e.g. USD/t, USD/TEU, USD/MWh).
  const perBase = network.priceUnit;
  const shown = (valuePerBase: number) => round(valuePerBase / network.priceUnitFactor);
  const timeValue = perDay('time_value') ?? 0;
  const largestCost = Math.max(0, ...network.routes.map((r) => r.cost + timeValue * (r.transitDays ?? 0)));
  let premium = money('world_market_premium');
  if (premium === undefined && network.world.enabled) {
    premium = network.price !== undefined ? Math.max(0.1 * network.price, 2 * largestCost) : Math.max(network.priceUnitFactor, 2 * largestCost);
    settings.push({
      name: 'world_market_premium', value: shown(premium), unit: perBase, origin: 'default',
      note: (network.price !== undefined ? 'the larger of 10% of the price and twice the largest route cost' : `no price in the dataset: twice the largest route cost, at least 1 ${perBase}`) +
        ' (assumption: the world market is the last resort after rerouting over any route)',
    });
  }
  premium ??= 0;
  const spareGiven = given.world_market_spare;
  let spare = Infinity;
  if (spareGiven) {
    spare = convert(spareGiven.value, spareGiven.unit, commodity.unit, commodity);
    settings.push({ name: 'world_market_spare', value: spareGiven.value, unit: spareGiven.unit, origin: spareGiven.origin, note: '' });
  } else if (network.world.enabled) {
    settings.push({ name: 'world_market_spare', value: Infinity, unit: network.unit, origin: 'default', note: 'not limited (assumption: no spare-capacity figure in the dataset)' });
  }
  const reference = Math.max(largestCost, premium) || network.priceUnitFactor;
  const pick = (name: FlowParameter, factor: number, why: string): number => {
    const v = money(name);
    if (v !== undefined) return v;
    const value = factor * reference;
    settings.push({ name, value: shown(value), unit: perBase, origin: 'default', note: why });
    return value;
  };
  const stickiness = pick('baseline_stickiness', 2, '2 × R, R = max(largest route cost, premium): above any route cost, so the baseline is the unique no-shock optimum');
  if (stickiness <= largestCost) {
    network.assumptions.push(`baseline_stickiness (${round(stickiness)}) does not exceed the largest route cost (${round(largestCost)}): the no-shock optimum may move away from the baseline.`);
  }
  const stockDraw = pick('stock_draw_cost', 10, '10 × R: stocks are drawn after rerouting and the world market');
  const shortfall = pick('agreement_shortfall_penalty', 10, '10 × R: above stickiness plus any route cost, so committed volumes are delivered when they can be');
  const unserved = pick('unserved_penalty', 1000, '1000 × R: demand goes unserved only when nothing else can serve it');
  network.settings = settings;
  network.world = { enabled: network.world.enabled, premium, spare };
  network.costs = { stickiness, stockDraw, unserved, shortfall, timeValue };
}

/** A deep copy that scenario changes can edit. */
export function cloneNetwork(network: FlowNetwork): FlowNetwork {
  return {
    ...network,
    exporters: network.exporters.map((e) => ({ ...e })),
    importers: network.importers.map((i) => ({ ...i, countries: [...i.countries] })),
    routes: network.routes.map((r) => ({ ...r, countries: [...r.countries], nodes: [...r.nodes], assets: [...r.assets] })),
    assets: network.assets.map((a) => ({ ...a })),
    arcs: network.arcs.map((a) => ({ ...a, transit: [...a.transit] })),
    blocs: network.blocs.map((b) => ({ ...b, parts: [...b.parts] })),
    blocMembers: Object.fromEntries(Object.entries(network.blocMembers).map(([k, v]) => [k, [...v]])),
    commitments: network.commitments.map((c) => ({ ...c, importers: [...c.importers] })),
    world: { ...network.world },
    costs: { ...network.costs },
    transitFees: { ...network.transitFees },
    given: { ...network.given },
    settings: network.settings.map((s) => ({ ...s })),
    assumptions: [...network.assumptions],
  };
}

/**
 * Importer parts an actor id stands for: a split bloc's parts; the id itself when it is an importer; for a
 * bloc that does not import on its own, its members that do.
 */
export function importerParts(network: FlowNetwork, id: string): string[] {
  const bloc = network.blocs.find((b) => b.id === id);
  if (bloc) return bloc.parts;
  if (network.importers.some((i) => i.id === id)) return [id];
  return network.blocMembers[id] ?? [];
}

/** Effective cost of an arc per base unit: route cost plus the value of time in transit. */
export function arcCost(network: FlowNetwork, arc: NetworkArc): number {
  const route = network.routes[arc.route];
  return route.cost + network.costs.timeValue * (route.transitDays ?? 0);
}
