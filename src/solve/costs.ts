// Money in the network: the price that values volume changes, transit fees, and the world-market and
// penalty figures the LP weighs (given by the dataset or a scenario, else defaults relative to the route
// costs). Every figure arrives in USD per base unit, converted where it was read. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { valueOrThrow } from '../model/base-values.ts';
import { round, type BuildContext } from './build-context.ts';
import {
  COST_PARAMETER_READING, COST_PARAMETERS, type FlowNetwork, type FlowParameter, type GivenParameters, type NetworkCosts, type NetworkSetting,
} from './network-types.ts';

/** The price values volume changes; without a usable one, values are not reported. */
export function readPrice(context: BuildContext) {
  const { model, query } = context;
  const priceGiven = model.parameterInBase('price', { commodity: query.commodity, year: query.year });
  let price: number | undefined;
  if (priceGiven) {
    if (priceGiven.money instanceof Error) {
      context.assumptions.push(`parameter price: ${priceGiven.money.message}; values are not reported.`);
    } else {
      price = priceGiven.money;
      context.settings.push({ name: 'price', value: priceGiven.value, unit: priceGiven.unit, origin: 'dataset', note: priceGiven.year === query.year ? '' : `figure of ${priceGiven.year}` });
    }
  }
  return { price, priceGiven };
}

/** Transit fees value what a transit state gains or loses when the volume it carries changes. */
export function readTransitFees(context: BuildContext): Record<string, number> {
  const { model, query } = context;
  const transitFees: Record<string, number> = {};
  const countries = new Set(model.tables.parameter
    .filter((p) => p.name === 'transit_fee' && p.country && (!p.commodity || p.commodity === query.commodity) && p.year <= query.year)
    .map((p) => p.country));
  for (const country of countries) {
    const best = model.parameterInBase('transit_fee', { commodity: query.commodity, country, year: query.year });
    if (!best) continue;
    if (best.money instanceof Error) context.assumptions.push(`parameter transit_fee of ${country}: ${best.money.message}; no value is reported for it.`);
    else transitFees[country] = best.money;
  }
  return transitFees;
}

/** The cost and world-market figures parameters.csv gives for the commodity and year, each read as it is meant (COST_PARAMETER_READING). */
export function datasetGiven(model: Model, query: { commodity: string; year: number }): GivenParameters {
  const given: GivenParameters = {};
  for (const name of COST_PARAMETERS) {
    const p = model.parameterInBase(name, { commodity: query.commodity, year: query.year });
    if (p) given[name] = { value: p.value, unit: p.unit, origin: 'dataset', base: p[COST_PARAMETER_READING[name]] };
  }
  return given;
}

/**
 * Sets the world-market and penalty figures: values given by the dataset or a scenario (already in USD
 * per base unit), else the documented defaults, all relative to R = max(largest route cost, premium, and in a two-sided market the world price).
 * Settings are listed in the order they are worked out: time value, premium, spare capacity, penalties.
 */
export function resolveCosts(network: FlowNetwork): void {
  const settings = network.settings.filter((s) => !(COST_PARAMETERS as readonly string[]).includes(s.name));
  const take = takeGiven(network.given, settings);
  const timeValue = take('time_value') ?? 0;
  // The dearest way through the network: a route, or a route with the sea lane an arc puts it on.
  const largestLane = Math.max(0, ...network.lanes.map((l) => l.cost + timeValue * (l.transitDays ?? 0)));
  const largestCost = Math.max(0, ...network.routes.map((r) => r.cost + timeValue * (r.transitDays ?? 0) + (r.endsAtPort ? largestLane : 0)));
  const market = network.world.mode === 'market';
  // A two-sided market prices world supply itself: no premium, and its spare capacity is in the supply curve.
  const premium = market ? 0 : worldPremium(network, take, settings, largestCost);
  const spare = market ? Infinity : take('world_market_spare') ?? Infinity;
  if (!market && !network.given.world_market_spare && network.world.enabled) {
    settings.push({ name: 'world_market_spare', value: Infinity, unit: network.unit, origin: 'default', note: 'not limited (assumption: no spare-capacity figure in the dataset)' });
  }
  const reference = Math.max(largestCost, premium, market ? network.world.price : 0) || network.priceUnitFactor;
  const penalties = resolvePenalties(network, take, settings, reference, largestCost, timeValue);
  network.settings = settings;
  network.world = { ...network.world, premium, spare };
  network.costs = { ...penalties, timeValue };
}

type Take = (name: FlowParameter) => number | undefined;

/** A given figure in base units, listed among the settings as given; one whose unit did not convert stops here. */
function takeGiven(given: GivenParameters, settings: NetworkSetting[]): Take {
  return (name) => {
    const g = given[name];
    if (!g) return undefined;
    const v = valueOrThrow(g.base);
    settings.push({ name, value: g.value, unit: g.unit, origin: g.origin, note: '' });
    return v;
  };
}

/** Defaults are shown in the network's price unit (the dataset's price unit, else e.g. USD/t, USD/TEU, USD/MWh). */
function shown(network: FlowNetwork, valuePerBase: number): number {
  return round(valuePerBase / network.priceUnitFactor);
}

/** The world market is the last resort after rerouting: by default dearer than any route (and 10% of the price). */
function worldPremium(network: FlowNetwork, take: Take, settings: NetworkSetting[], largestCost: number): number {
  const given = take('world_market_premium');
  if (given !== undefined || !network.world.enabled) return given ?? 0;
  const perBase = network.priceUnit;
  const premium = network.price !== undefined ? Math.max(0.1 * network.price, 2 * largestCost) : Math.max(network.priceUnitFactor, 2 * largestCost);
  settings.push({
    name: 'world_market_premium', value: shown(network, premium), unit: perBase, origin: 'default',
    note: (network.price !== undefined ? 'the larger of 10% of the price and twice the largest route cost' : `no price in the dataset: twice the largest route cost, at least 1 ${perBase}`) +
      ' (assumption: the world market is the last resort after rerouting over any route)',
  });
  return premium;
}

/** Penalties are multiples of R (in a two-sided market, R is at least the world price), so that the LP prefers rerouting, then the world market, and leaves demand unserved last; stocks cost what refilling them costs. */
function resolvePenalties(network: FlowNetwork, take: Take, settings: NetworkSetting[], reference: number, largestCost: number, timeValue: number): Omit<NetworkCosts, 'timeValue'> {
  const pickValue = (name: FlowParameter, value: number, why: string): number => {
    const v = take(name);
    if (v !== undefined) return v;
    settings.push({ name, value: shown(network, value), unit: network.priceUnit, origin: 'default', note: why });
    return value;
  };
  const pick = (name: FlowParameter, factor: number, why: string): number => pickValue(name, factor * reference, why);
  const market = network.world.mode === 'market';
  const stickiness = market
    ? pickValue('baseline_stickiness', Math.max(2 * largestCost, network.priceUnitFactor),
      'twice the largest route cost (at least 1 in the price unit): only breaks ties, so that the baseline is the unique no-shock optimum where routes without a sourced cost would draw flows; the market price, discounts and route costs decide (assumption)')
    : pick('baseline_stickiness', 2, '2 × R, R = max(largest route cost, premium): above any route cost, so the baseline is the unique no-shock optimum');
  if (stickiness <= largestCost) {
    network.assumptions.push(`baseline_stickiness (${round(stickiness)}) does not exceed the largest route cost (${round(largestCost)}): the no-shock optimum may move away from the baseline.`);
  }
  const r = market ? 'R = the world price or the largest route cost, the larger' : 'R';
  const stockDraw = take('stock_draw_cost') ?? stockDrawCost(network, settings, timeValue);
  const shortfall = pick('agreement_shortfall_penalty', 10, `10 × ${r}: above stickiness plus any route cost, so committed volumes are delivered when they can be`);
  const unserved = pick('unserved_penalty', 1000, `1000 × ${r}: demand goes unserved only when nothing else can serve it`);
  return { stickiness, stockDraw, unserved, shortfall };
}

/**
 * What drawing one unit of stock costs, by default: the cost of refilling it, net of the purchase it replaces.
 * The LP's costs are counted against buying at the year's price (a route's cost is its transport, the world
 * market's its premium), so a unit drawn now saves one purchase at that price and is bought back later at the
 * same price: what remains is bringing the refill in, at the mean transport cost of the network's baseline flows
 * (route and lane costs, and time in transit). Interest on the stock's value while it is out, handling, and a
 * refill price above or below the year's are not counted: an assumption, listed with the setting.
 */
function stockDrawCost(network: FlowNetwork, settings: NetworkSetting[], timeValue: number): number {
  let volume = 0;
  let cost = 0;
  for (const arc of network.arcs) {
    if (!(arc.baseline > 0)) continue;
    const route = network.routes[arc.route];
    const lane = arc.lane >= 0 ? network.lanes[arc.lane] : undefined;
    volume += arc.baseline;
    cost += arc.baseline * (route.cost + (lane?.cost ?? 0) + timeValue * ((route.transitDays ?? 0) + (lane?.transitDays ?? 0)));
  }
  const transport = volume > 0 ? cost / volume : 0;
  // In a two-sided market the world's barrels are priced in the LP (a unit sold to other buyers earns the price), so
  // the refill is priced too: a stock is drawn only when buying now would cost more than buying back at the year's price.
  const market = network.world.mode === 'market';
  const value = transport + (market ? network.world.price : 0);
  settings.push({
    name: 'stock_draw_cost', value: shown(network, value), unit: network.priceUnit, origin: 'default',
    note: (market
      ? 'the cost of refilling a unit drawn: bought back at the year\'s price plus the mean transport cost of the baseline flows, so stocks are drawn only when the price rises above it '
      : 'the cost of refilling a unit drawn: bought back at the year\'s price along the baseline routes, so the mean transport cost of the baseline flows ') +
      '(assumption: interest on the stock while it is drawn, handling, and a refill price different from the year\'s are not counted)',
  });
  return value;
}
