// The capacities that bind in a solution (routes, shared assets, export capacities, the world market's
// spare capacity), with what one more unit is worth and what it would replace, in numbers and words.
import type { FlowSolution } from '../solve/index.ts';
import type { BindingResult } from './results.ts';
import { roundTo } from './result-helpers.ts';

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

/** In a two-sided world market, one more unit through a capacity is worth the world price of what it lets out. */
const WHY_MARKET = 'the world price of what it lets through, which would otherwise be shut in or bought on a tighter world market, less the cost of the route and any discount';

/** The capacities that bind in a solution, with the value of one more unit in the price unit and in words. */
export function whatBinds(sol: FlowSolution): BindingResult[] {
  const net = sol.network;
  const base = net.unit.replace(/\/yr$/, '');
  const reference = Math.max(net.world.premium, net.world.mode === 'market' ? net.world.price : 0, ...net.routes.map((r) => r.cost), net.priceUnitFactor);
  const tiny = 1e-9 * reference;
  const unservedNow = sol.unserved.some((u) => u > 1e-9);
  const stocksNow = sol.stock.some((x) => x > 1e-9);
  const shortNow = sol.shortfall.some((x) => x > 1e-9);
  const worldNow = sol.world.some((x) => x > 1e-9);
  const alternative = (shadow: number): BindingResult['alternative'] => {
    if (shadow <= tiny) return 'none';
    if (unservedNow && shadow >= 0.5 * net.costs.unserved) return 'unserved';
    if (shortNow && shadow >= 0.5 * net.costs.shortfall) return 'shortfall';
    // Stocks cheaper than the world market are drawn first (a two-sided market's purchases raise the price): with both
    // in use, the world market is the margin.
    const worldDearer = net.world.mode === 'market' || net.world.premium > net.costs.stockDraw;
    if (stocksNow && shadow >= 0.5 * net.costs.stockDraw && !(worldNow && worldDearer)) return 'stocks';
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
      : `${label} (${formatNumber(capacity)} ${net.unit}) binds: one more ${base}/yr is worth ${formatPrice(price, net.priceUnit)} (${formatUsd(shadow)} a year): ${why === 'worldMarket' && net.world.mode === 'market' ? WHY_MARKET : WHY[why]}.`;
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
