// The world market's answer to a scenario and what it means for each exporter: the price change (with its range from
// the elasticities), the supply the rest of the world adds, the displaced exports it absorbs, and per exporter the
// revenue change split into volume, discount and transport. Pure: no I/O. See docs/methods/flow-model.md.
import { arcCost, clearingPriceChange, marketResponse, WORLD } from '../solve/network.ts';
import type { FlowNetwork, MarketCurve } from '../solve/network-types.ts';
import type { FlowSolution } from '../solve/index.ts';
import type { ExporterResult, MarketResult } from './results.ts';
import { MONEY_SCALE, perPriceUnit, roundTo } from './result-helpers.ts';

const isMarket = (net: FlowNetwork) => net.world.enabled && net.world.mode === 'market';

/**
 * The price change per base unit on a curve: the price at which the market absorbs the scenario's net shortage, less
 * the price at the baseline's (0 when the baseline is balanced, as it is when the pool covers the unrecorded imports).
 */
export function priceChangeOn(curve: MarketCurve, before: FlowSolution, after: FlowSolution): number {
  const price = after.network.world.price;
  return clearingPriceChange(curve, price, after.market.net) - clearingPriceChange(curve, price, before.market.net);
}

/** The central price change per base unit (0 without a two-sided market). */
export function centralPriceChange(before: FlowSolution, after: FlowSolution): number {
  return isMarket(after.network) ? priceChangeOn(after.network.world.curve, before, after) : 0;
}

export function marketResult(before: FlowSolution, after: FlowSolution): MarketResult {
  const net = after.network;
  if (!isMarket(net)) return { priceChange: null, priceChangeLow: null, priceChangeHigh: null, priceUnit: net.priceUnit, spareUsed: null, absorbed: null };
  const central = priceChangeOn(net.world.curve, before, after);
  const ends = [priceChangeOn(net.world.steep, before, after), priceChangeOn(net.world.flat, before, after), central];
  const price = net.world.price;
  const level = clearingPriceChange(net.world.curve, price, after.market.net);
  // Within a flat supply step the price stays at the step's: what demand does not give up there, the step supplies.
  const supplyAt = (n: number, c: number) => n - marketResponse(net.world.curve, price, c).demand;
  const spare = supplyAt(after.market.net, level) - supplyAt(before.market.net, clearingPriceChange(net.world.curve, price, before.market.net));
  const sold = (sol: FlowSolution) => sol.sales.reduce((s, x) => s + x, 0);
  return {
    priceChange: perPriceUnit(net, central),
    priceChangeLow: perPriceUnit(net, Math.min(...ends)),
    priceChangeHigh: perPriceUnit(net, Math.max(...ends)),
    priceUnit: net.priceUnit,
    spareUsed: roundTo(spare),
    absorbed: roundTo(sold(after) - sold(before)),
  };
}

/** What an exporter pays to move its exports, per solution (USD). */
function transportCost(sol: FlowSolution, exporter: string): number {
  let cost = 0;
  sol.network.arcs.forEach((arc, k) => { if (arc.exporter === exporter) cost += arcCost(sol.network, arc) * sol.arcFlow[k]; });
  return cost;
}

/** Every exporter of the scenario: its volume change and its revenue change, split into volume and price, discount and transport. */
export function exporterResults(before: FlowSolution, after: FlowSolution): ExporterResult[] {
  const a = after.network;
  const b = before.network;
  const change = centralPriceChange(before, after);
  const price = a.price;
  return a.exporters.map((exp, e) => {
    const e0 = b.exporters.findIndex((x) => x.id === exp.id);
    const v0 = e0 >= 0 ? before.exported[e0] : 0;
    const v1 = after.exported[e];
    const discount = a.world.discounts[exp.id] ?? 0;
    const discountLoss = (discount * (after.sales[e] - (e0 >= 0 ? before.sales[e0] : 0))) / MONEY_SCALE;
    const transport = (transportCost(after, exp.id) - transportCost(before, exp.id)) / MONEY_SCALE;
    const revenue = price === undefined ? null : ((v1 - v0) * price + v1 * change) / MONEY_SCALE - discountLoss - transport;
    return {
      exporter: exp.id,
      volumeChange: roundTo(v1 - v0),
      revenueChange: revenue === null ? null : roundTo(revenue, 6),
      discountLoss: roundTo(discountLoss, 6),
      transportCostChange: roundTo(transport, 6),
    };
  });
}

/** Volume an importer receives on arcs, indexed like `network.importers` (sales to the world market are not an importer's). */
export function inflowByImporter(sol: FlowSolution): Float64Array {
  const arr = new Float64Array(sol.network.importers.length);
  const idx = new Map(sol.network.importers.map((imp, i) => [imp.id, i]));
  sol.network.arcs.forEach((arc, k) => {
    if (arc.importer === WORLD) return;
    const i = idx.get(arc.importer);
    if (i !== undefined) arr[i] += sol.arcFlow[k];
  });
  return arr;
}
