// The world market of a fungible commodity, cleared both ways: a supply response (the short-run supply elasticity,
// bounded by OPEC+ and non-OPEC spare capacity) and a demand response of the buyers outside the network (the
// short-run demand elasticity), both around the year's price. Exporters that lose a buyer sell to other buyers
// through the market at their discount; importers that lose a supplier buy there. Without a price, world demand
// or elasticities in the dataset, the world market stays a residual supply at a premium (an assumption, listed).
// A scenario may set any of these figures (set_parameter): resolveMarket works the market out again with them.
// Also the substitute of a commodity that is not fungible (LNG for pipeline gas), reached through the free
// regasification capacity of each terminal group. Pure: no I/O. See docs/methods/flow-model.md.
import type { Model } from '../model/model.ts';
import { valueOrThrow } from '../model/base-values.ts';
import { round, type BuildContext } from './build-context.ts';
import { readPrice } from './costs.ts';
import { arcPassage, directRoute, laneChoices } from './routes.ts';
import { MARKET_PARAMETERS, type FlowNetwork, type GivenParameter, type MarketCurve, type MarketParameter, type NetworkArc, type NetworkAsset } from './network-types.ts';

/** Importer id of the world market on the arcs of exporters that sell to other buyers through it. */
export const WORLD = 'world';

/** Price bands (shares of the baseline price) in which the LP represents the linear supply and demand responses. */
export const PRICE_BANDS = [0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2] as const;

/** A market figure as used: the scenario's where it sets one (set_parameter), else the dataset's. */
interface MarketFigure {
  value: number;
  unit: string;
  origin: 'dataset' | 'scenario';
  /** In base units (USD per base unit, a volume per year), or the value itself for an elasticity. */
  base: number;
  /** Year of the figure (the query's for a scenario's). */
  year: number;
}

/** Reads each market figure from the scenario's given figures first, then from the dataset (latest year not after the query's). */
function marketFigures(context: BuildContext, network: FlowNetwork) {
  const { model, query } = context;
  const q = { commodity: query.commodity, year: query.year };
  const set = (g: GivenParameter | undefined): MarketFigure | undefined =>
    g && { value: g.value, unit: g.unit, origin: 'scenario', base: valueOrThrow(g.base), year: query.year };
  return {
    /** A volume per year; a dataset figure whose unit does not convert counts as missing. */
    volume(name: MarketParameter): MarketFigure | undefined {
      const p = model.parameterInBase(name, q);
      return set(network.given[name]) ?? (p && !(p.volume instanceof Error) ? { value: p.value, unit: p.unit, origin: 'dataset', base: p.volume, year: p.year } : undefined);
    },
    /** An elasticity, as given. */
    plain(name: MarketParameter): MarketFigure | undefined {
      const p = model.parameter(name, q);
      return set(network.given[name]) ?? (p && { value: p.value, unit: p.unit, origin: 'dataset', base: p.value, year: p.year });
    },
    /** An exporter's discount in USD per base unit, or why the dataset's does not convert. */
    discount(country: string): MarketFigure | Error | undefined {
      const d = model.parameterInBase('export_discount', { ...q, country });
      const given = set(network.givenDiscounts?.[country]);
      if (given || !d) return given;
      return d.money instanceof Error ? d.money : { value: d.value, unit: d.unit, origin: 'dataset', base: d.money, year: d.year };
    },
  };
}

/** The market figures of the dataset (and of a scenario, see resolveMarket), or why there are none (then the world market is a residual supply at a premium). */
export function readMarket(context: BuildContext, network: FlowNetwork): void {
  const { query } = context;
  const figure = marketFigures(context, network);
  const worldDemand = figure.volume('world_demand');
  const es = figure.plain('supply_elasticity');
  const ed = figure.plain('demand_elasticity');
  const missing = [network.price === undefined && 'price', !worldDemand && 'world_demand', !es && 'supply_elasticity', !ed && 'demand_elasticity'].filter(Boolean);
  if (missing.length > 0) {
    const where = MARKET_PARAMETERS.some((n) => network.given[n]) ? 'the dataset or the scenario' : 'the dataset';
    context.assumptions.push(`world market of ${query.commodity}: no ${missing.join(', ')} in ${where}, so it is a residual supply at a premium (an assumption) rather than a market with a price.`);
    return;
  }
  const price = network.price!;
  const spare = (['opec_spare_capacity', 'nonopec_spare_capacity'] as const).map((n) => figure.volume(n));
  const cap = spare.every((s) => s === undefined) ? Infinity : spare.reduce((s, x) => s + (x?.base ?? 0), 0);
  const networkDemand = network.importers.reduce((s, i) => s + i.demand, 0);
  const others = Math.max(0, worldDemand!.base - networkDemand);
  const curve = (eS: number, eD: number): MarketCurve => ({ supplySlope: (Math.abs(eS) * worldDemand!.base) / price, supplyCap: cap, supplySteps: [], demandSlope: (Math.abs(eD) * others) / price });
  const ends = (['supply_elasticity_low', 'supply_elasticity_high', 'demand_elasticity_low', 'demand_elasticity_high'] as const).map((n) => figure.plain(n));
  const [lowS, highS, lowD, highD] = ends.map((x, k) => x?.base ?? (k < 2 ? es! : ed!).base);
  network.world.mode = 'market';
  network.world.price = price;
  network.world.curve = curve(es!.base, ed!.base);
  // Least elastic: the largest price change; most elastic: the smallest.
  network.world.steep = curve(Math.min(Math.abs(lowS), Math.abs(highS)), Math.min(Math.abs(lowD), Math.abs(highD)));
  network.world.flat = curve(Math.max(Math.abs(lowS), Math.abs(highS)), Math.max(Math.abs(lowD), Math.abs(highD)));
  const note = (x: MarketFigure) => (x.year === query.year ? '' : `figure of ${x.year}`);
  const s = context.settings;
  s.push({ name: 'world_demand', value: worldDemand!.value, unit: worldDemand!.unit, origin: worldDemand!.origin, note: [note(worldDemand!), `buyers outside the network: ${round(others)} ${context.base}`].filter(Boolean).join('; ') });
  const range = (low: number, high: number, given: (MarketFigure | undefined)[]) => `range ${low} to ${high} (${given.some((x) => x?.origin === 'scenario') ? 'ends set by the scenario' : 'assumption from the literature'})`;
  s.push({ name: 'supply_elasticity', value: es!.value, unit: 'elasticity', origin: es!.origin, note: range(lowS, highS, ends.slice(0, 2)) });
  s.push({ name: 'demand_elasticity', value: ed!.value, unit: 'elasticity', origin: ed!.origin, note: range(lowD, highD, ends.slice(2)) });
  // The ends are listed on their own only when a scenario sets them (the dataset's are in the note above).
  (['supply_elasticity_low', 'supply_elasticity_high', 'demand_elasticity_low', 'demand_elasticity_high'] as const).forEach((name, k) => {
    if (ends[k]?.origin === 'scenario') s.push({ name, value: ends[k]!.value, unit: 'elasticity', origin: 'scenario', note: '' });
  });
  spare.forEach((x, k) => { if (x) s.push({ name: k === 0 ? 'opec_spare_capacity' : 'nonopec_spare_capacity', value: x.value, unit: x.unit, origin: x.origin, note: note(x) }); });
  if (!Number.isFinite(cap)) context.assumptions.push(`world market of ${query.commodity}: no spare-capacity figure, so the supply response is not bounded (an assumption).`);
  for (const e of network.exporters) {
    const d = figure.discount(e.id);
    if (!d) continue;
    if (d instanceof Error) context.assumptions.push(`parameter export_discount of ${e.id}: ${d.message}; no discount is used.`);
    else {
      network.world.discounts[e.id] = d.base;
      s.push({ name: 'export_discount', value: d.value, unit: d.unit, origin: d.origin, note: [e.id, note(d)].filter(Boolean).join('; ') });
    }
  }
  const undiscounted = network.exporters.filter((e) => network.world.discounts[e.id] === undefined).map((e) => e.id);
  if (undiscounted.length) context.assumptions.push(`exporters without an export_discount sell displaced volumes to other buyers at the world price, less transport (an assumption): ${undiscounted.join(', ')}.`);
}

/**
 * Works the world market out again with the figures a scenario sets (set_parameter) over the dataset's: the price, the
 * curves and the discounts, with settings and notes in place of those the dataset alone gave. A market the scenario
 * completes (a dataset without world demand or elasticities) gets its world arcs. The costs are resolved after: their
 * defaults depend on the price.
 */
export function resolveMarket(model: Model, network: FlowNetwork): void {
  const commodity = model.commodity(network.commodity)!;
  const query = { commodity: network.commodity, year: network.year };
  const context = (): BuildContext => ({ model, commodity, query, base: network.unit, assumptions: [], settings: [] });
  // What the dataset alone made of the price and the market: those settings and notes are replaced.
  const dataset = context();
  const { price: datasetPrice } = readPrice(dataset);
  if (commodity.fungible) readMarket(dataset, { ...network, price: datasetPrice, given: {}, givenDiscounts: {}, world: { ...network.world, discounts: {} } });
  const fresh = context();
  const givenPrice = network.given.price;
  if (givenPrice) {
    network.price = valueOrThrow(givenPrice.base);
    fresh.settings.push({ name: 'price', value: givenPrice.value, unit: givenPrice.unit, origin: 'scenario', note: '' });
  } else readPrice(fresh);
  const wasMarket = network.world.mode === 'market';
  network.world = { ...network.world, discounts: {} };
  if (commodity.fungible) readMarket(fresh, network);
  if (!wasMarket && network.world.mode === 'market') addWorldArcs(fresh, network);
  const names = new Set([...dataset.settings, ...fresh.settings].map((x) => x.name));
  network.settings = replaceAt(network.settings, (x) => names.has(x.name), fresh.settings);
  network.assumptions = replaceAt(network.assumptions, (x) => dataset.assumptions.includes(x), fresh.assumptions);
}

/** The items that `old` picks replaced by `by`, at the place of the first one (at the end when none is picked). */
function replaceAt<T>(items: T[], old: (x: T) => boolean, by: T[]): T[] {
  const at = items.findIndex(old);
  const kept = items.filter((x) => !old(x));
  const k = at < 0 ? kept.length : items.slice(0, at).filter((x) => !old(x)).length;
  return [...kept.slice(0, k), ...by, ...kept.slice(k)];
}

/**
 * Every exporter may sell to other buyers through the world market: on each of its routes that ends at a port (on the
 * lane to any importer), and on its own direct route (capped at its baseline flows without a route when it has
 * declared routes, like its other direct flows).
 */
export function addWorldArcs(context: BuildContext, network: FlowNetwork): void {
  const { routes, arcs } = network;
  const routeIndex = new Map(routes.map((r, i) => [r.id, i]));
  const add = (exporter: string, route: number, lane: number) => {
    const { chokepoints, transit } = arcPassage(network, routes[route], lane, exporter, [WORLD]);
    arcs.push({ exporter, importer: WORLD, route, baseline: 0, capacity: Infinity, open: true, transit, stickiness: 1, lane, chokepoints } satisfies NetworkArc);
  };
  for (const exp of network.exporters) {
    routes.forEach((route, r) => {
      if (route.direct || route.start !== exp.id || !route.endsAtPort) return;
      const lanes = laneChoices(context.model, network, route, undefined, WORLD);
      if (lanes.length === 0) add(exp.id, r, -1);
      for (const lane of lanes) add(exp.id, r, lane);
    });
    const routed = routes.some((r) => !r.direct && r.start === exp.id);
    const direct = arcs.filter((a) => a.exporter === exp.id && routes[a.route].direct).reduce((s, a) => s + a.baseline, 0);
    if (routed && direct <= 0) continue;
    const r = directRoute(routes, routeIndex, exp.id, WORLD);
    routes[r].name = `${exp.id} to other buyers, route not given`;
    if (routed) routes[r].capacity = direct;
    add(exp.id, r, -1);
  }
}

/**
 * A commodity that is not fungible may have a fungible substitute of the same group, unit and energy content (LNG for
 * pipeline gas). Importers that import the substitute in the year may replace lost supply with it, up to the free
 * capacity of the substitute's terminals (assets.csv, kind `terminal`): each terminal group is a shared asset whose
 * capacity is what its baseline imports leave free (baseline imports shared in proportion to capacity).
 */
export function addSubstitute(context: BuildContext, network: FlowNetwork): void {
  const { model, query, commodity } = context;
  if (commodity.fungible) return;
  const substitute = model.tables.commodity.find((c) => c.fungible && c.id !== commodity.id && c.group === commodity.group && c.unit === commodity.unit &&
    c.twh_per_bcm !== undefined && c.twh_per_bcm === commodity.twh_per_bcm);
  if (!substitute) return;
  const terminals = model.tables.asset.filter((a) => a.commodity === substitute.id && a.kind === 'terminal');
  const imported = new Map<string, number>();
  for (const f of model.flows({ commodity: substitute.id, year: query.year })) imported.set(f.importer, (imported.get(f.importer) ?? 0) + f.baseVolume);
  // A bloc's figures include its members' (the dataset's convention): a member beside its bloc is not counted again.
  const counted = [...imported.keys()].filter((k) => ![...imported.keys()].some((b) => b !== k && model.blocMembers(b).includes(k)));
  const served = network.importers.filter((i) => imported.has(i.id) || (i.bloc !== '' && imported.has(i.bloc)));
  if (terminals.length === 0 || served.length === 0) return;
  const capacity = terminals.map((t) => model.baseQuantity(t));
  const total = capacity.reduce((s, c) => s + c, 0);
  const used = counted.reduce((s, k) => s + imported.get(k)!, 0);
  // It costs what it costs more than the pipeline gas it replaces, where the dataset prices both.
  const substitutePrice = model.parameterInBase('price', { commodity: substitute.id, year: query.year })?.money;
  const cost = typeof substitutePrice === 'number' && network.price !== undefined ? Math.max(0, substitutePrice - network.price) : 0;
  const share = total > 0 ? Math.min(1, used / total) : 1;
  const exporter = `${WORLD}:${substitute.id}`;
  network.exporters.push({ id: exporter, baseline: 0, supply: Math.max(0, total - used) });
  terminals.forEach((t, k) => {
    const asset: NetworkAsset = { id: t.id, name: `${t.name} (free capacity)`, capacity: capacity[k] * (1 - share) };
    network.assets.push(asset);
    const r = network.routes.length;
    network.routes.push({
      id: `${substitute.id}:${t.id}`, name: `${substitute.name} through ${t.name}`, mode: 'regasification', capacity: Infinity, cost,
      countries: [], nodes: [], assets: [t.id], start: exporter, end: served[0].id, endsAtPort: false, open: true, status: 'operating', direct: false, added: false,
    });
    for (const imp of served) network.arcs.push({ exporter, importer: imp.id, route: r, baseline: 0, capacity: Infinity, open: true, transit: [], stickiness: 1, lane: -1, chokepoints: [] });
  });
  context.assumptions.push(
    `${substitute.id} can replace ${commodity.id} for ${served.map((i) => i.id).join(', ')} up to the free capacity of its ${terminals.length} terminal group(s): ` +
    `${round(total)} ${context.base} of regasification capacity less ${round(used)} ${context.base} of baseline ${substitute.id} imports (${round(100 * share)}% used, shared in proportion to capacity) = ${round(total - used)} ${context.base}.`,
    cost > 0 || (typeof substitutePrice === 'number' && network.price !== undefined)
      ? `${substitute.id} bought to replace ${commodity.id} costs the difference between their prices in the dataset (${round(cost / network.priceUnitFactor)} ${network.priceUnit}); its volume is limited by regasification capacity.`
      : `${substitute.id} bought to replace ${commodity.id} costs the same as the ${commodity.id} it replaces (the dataset does not price both): its volume is limited by regasification capacity, not by price.`,
  );
}

/** Volume the market supplies (extra output, negative when cut) and buyers outside the network give up (negative: buy more) at a price change. */
export function marketResponse(curve: MarketCurve, price: number, change: number): { supply: number; demand: number } {
  if (change <= 0) return { supply: curve.supplySlope * change, demand: curve.demandSlope * change };
  let supply = Math.min(curve.supplyCap, curve.supplySlope * change);
  for (const step of curve.supplySteps) if (step.price - price <= change) supply += step.volume;
  return { supply, demand: curve.demandSlope * Math.min(change, PRICE_BANDS[PRICE_BANDS.length - 1] * price) };
}

/**
 * The price change at which the market absorbs a net shortage (negative: a surplus) of `net`: the smallest change at
 * which supply response plus demand response reach it, on the piecewise-linear curve; bounded by −price and by the
 * last price band (beyond which the network's importers go unserved).
 */
export function clearingPriceChange(curve: MarketCurve, price: number, net: number): number {
  const reach = (c: number) => { const r = marketResponse(curve, price, c); return r.supply + r.demand; };
  let lo = -price;
  let hi = PRICE_BANDS[PRICE_BANDS.length - 1] * price;
  if (Math.abs(net) <= 1e-9 * Math.max(1, price)) return 0;
  if (reach(hi) < net) return hi;
  if (reach(lo) > net) return lo;
  for (let k = 0; k < 100 && hi - lo > 1e-12 * price; k++) {
    const mid = (lo + hi) / 2;
    if (reach(mid) >= net) hi = mid; else lo = mid;
  }
  return hi;
}
