// Plausibility checks: figures that are each valid but do not fit together. A flow over its route's capacity, a
// country exporting more than it produces, an importer importing more than its demand. These are warnings, not
// errors (a re-export or a stock draw can explain some of them); the strict option of readDataset turns them into
// errors. Every figure is compared in its commodity's base unit.
import type { CommodityRow, FlowRow, Tables } from '../model/types.ts';
import { toBaseUnit } from '../model/units.ts';
import type { ProblemList } from './problems.ts';
import type { RowLines } from './validate.ts';

/**
 * How far one figure may exceed another before it is flagged: 10%. Figures from different sources (a flow from
 * customs statistics, a capacity from the operator, production from a ministry) differ by a few percent through
 * rounding, reporting years, barrels-per-tonne factors and revisions; 10% is past that noise, while a figure in the
 * wrong unit is off by far more (kb/d read as Mt/yr is 20 times too much).
 */
export const PLAUSIBILITY_TOLERANCE = 0.1;

/** Where a plausibility finding goes: the problem list, as a warning or (strict) as an error. */
export type Report = (file: string, row: number, column: string, message: string) => void;

interface Located { base: number; line: number }

function format(n: number): string {
  return String(Number(n.toPrecision(4)));
}

function over(value: number, limit: number): boolean {
  return value > limit * (1 + PLAUSIBILITY_TOLERANCE);
}

function howMuch(value: number, limit: number): string {
  const ratio = value / limit;
  return ratio >= 2 ? `${format(ratio)} times` : `${Math.round((ratio - 1) * 100)}% over`;
}

/** Converts to the commodity's base unit; undefined when it cannot (an unknown unit, reported elsewhere). */
function base(volume: number, unit: string, commodity: CommodityRow | undefined): number | undefined {
  if (!commodity) return undefined;
  try {
    const v = toBaseUnit(volume, unit, commodity);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Flows with their base volumes and lines (rows that do not convert are left out). */
function baseFlows(tables: Tables, lines: RowLines, commodities: Map<string, CommodityRow>): (FlowRow & Located)[] {
  const result: (FlowRow & Located)[] = [];
  tables.flow.forEach((f, i) => {
    const v = base(f.volume, f.unit, commodities.get(f.commodity));
    if (v !== undefined) result.push({ ...f, base: v, line: lines.flow[i] });
  });
  return result;
}

function groupSum<T>(items: T[], key: (item: T) => string | undefined, value: (item: T) => number): Map<string, { sum: number; items: T[] }> {
  const groups = new Map<string, { sum: number; items: T[] }>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const g = groups.get(k) ?? { sum: 0, items: [] };
    g.sum += value(item);
    g.items.push(item);
    groups.set(k, g);
  }
  return groups;
}

/** The flow row to point at for a sum of flows: the largest. */
function largest(flows: (FlowRow & Located)[]): FlowRow & Located {
  return flows.reduce((a, b) => (b.base > a.base ? b : a));
}

/**
 * When a figure is off by about the factor between two units allowed for the commodity (Mt/yr and kb/d of crude
 * are 20 apart), a hint that one figure may be in the wrong unit; '' otherwise.
 */
function unitHint(ratio: number, commodity: CommodityRow): string {
  let best: { a: string; b: string; off: number } | undefined;
  for (const a of commodity.allowed_units) {
    for (const b of commodity.allowed_units) {
      const ua = base(1, a, commodity);
      const ub = base(1, b, commodity);
      if (ua === undefined || ub === undefined || ua / ub < 1.5) continue;
      const off = Math.abs(Math.log(ratio / (ua / ub)));
      if (off < Math.log(1.15) && (!best || off < best.off)) best = { a, b, off };
    }
  }
  return best ? ` (about the factor between ${best.a} and ${best.b}: is a figure in the wrong unit?)` : '';
}

/** "a flow of 500 Mt/yr … is" or "3 flows … add up to 500 Mt/yr, …". */
function sumText(items: FlowRow[], sum: number, unit: string, where: string): string {
  return items.length === 1 ? `a flow of ${format(sum)} ${unit} ${where} is` : `${items.length} flows ${where} add up to ${format(sum)} ${unit},`;
}

function check(n: number): string {
  return n === 1 ? 'check the figure and its unit' : 'check the figures and their units';
}

/** Flows on a route in a year over the route's capacity; flows over a shared asset's capacity. */
function checkCapacities(tables: Tables, lines: RowLines, flows: (FlowRow & Located)[], commodities: Map<string, CommodityRow>, report: Report): void {
  const byRouteYear = groupSum(flows, (f) => (f.route ? `${f.route}|${f.year}` : undefined), (f) => f.base);
  tables.route.forEach((route, i) => {
    if (route.capacity === undefined) return;
    const commodity = commodities.get(route.commodity);
    const capacity = base(route.capacity, route.unit, commodity);
    if (capacity === undefined || !commodity) return;
    for (const [key, { sum, items }] of byRouteYear) {
      const [id, year] = key.split('|');
      if (id !== route.id || items[0].commodity !== route.commodity || !over(sum, capacity)) continue;
      const at = largest(items);
      report('flows.csv', at.line, 'volume',
        `${sumText(items, sum, commodity.unit, `on route "${route.id}" in ${year}`)} ${howMuch(sum, capacity)} its capacity of ` +
        `${format(capacity)} ${commodity.unit} (routes.csv:${lines.route[i]})${unitHint(sum / capacity, commodity)}; ${check(items.length + 1)}`);
    }
  });
  const routesOfAsset = new Map<string, Set<string>>();
  for (const leg of tables.leg) if (leg.asset) routesOfAsset.set(leg.asset, (routesOfAsset.get(leg.asset) ?? new Set()).add(leg.route));
  tables.asset.forEach((asset, i) => {
    const commodity = commodities.get(asset.commodity);
    const capacity = base(asset.capacity, asset.unit, commodity);
    const routes = routesOfAsset.get(asset.id);
    if (capacity === undefined || !commodity || !routes) return;
    const byYear = groupSum(flows.filter((f) => routes.has(f.route) && f.commodity === asset.commodity), (f) => String(f.year), (f) => f.base);
    for (const [year, { sum, items }] of byYear) {
      if (!over(sum, capacity)) continue;
      const at = largest(items);
      report('flows.csv', at.line, 'volume',
        `${sumText(items, sum, commodity.unit, `through the shared asset "${asset.id}" in ${year}`)} ${howMuch(sum, capacity)} its capacity of ` +
        `${format(capacity)} ${commodity.unit} (assets.csv:${lines.asset[i]})${unitHint(sum / capacity, commodity)}; ${check(items.length + 1)}`);
    }
  });
}

/**
 * Exports of a country (or bloc) of a commodity in a year over its production that year. Flows to a bloc member
 * are left out when the same exporter also has flows to the bloc (the bloc's figure includes the member's), and
 * production is the country total (rows without an operator; the largest stage when both are given).
 */
function checkExports(tables: Tables, lines: RowLines, flows: (FlowRow & Located)[], commodities: Map<string, CommodityRow>, report: Report): void {
  const members = new Map<string, Set<string>>();
  for (const m of tables.blocMember) members.set(m.bloc, (members.get(m.bloc) ?? new Set()).add(m.country));
  const importersOf = groupSum(flows, (f) => `${f.exporter}|${f.commodity}|${f.year}`, () => 0);
  const exports = groupSum(flows, (f) => {
    if (f.exporter === f.importer) return undefined;
    const k = `${f.exporter}|${f.commodity}|${f.year}`;
    const importers = new Set(importersOf.get(k)!.items.map((g) => g.importer));
    for (const [bloc, list] of members) if (bloc !== f.importer && list.has(f.importer) && importers.has(bloc)) return undefined;
    return k;
  }, (f) => f.base);
  const production = new Map<string, { base: number; line: number; stage: string }>();
  tables.production.forEach((p, i) => {
    if (p.operator !== '') return;
    const v = base(p.volume, p.unit, commodities.get(p.commodity));
    const k = `${p.country}|${p.commodity}|${p.year}`;
    if (v !== undefined && v >= (production.get(k)?.base ?? -1)) production.set(k, { base: v, line: lines.production[i], stage: p.stage });
  });
  for (const [k, { sum, items }] of exports) {
    const made = production.get(k);
    if (!made || !over(sum, made.base)) continue;
    const [country, commodity, year] = k.split('|');
    const c = commodities.get(commodity)!;
    report('production.csv', made.line, 'volume',
      `exports of ${commodity} from ${country} in ${year} (${items.length === 1 ? '1 flow' : `${items.length} flows`} in flows.csv) add up to ${format(sum)} ${c.unit}, ` +
      `${howMuch(sum, made.base)} its ${made.stage} of ${format(made.base)} ${c.unit}${unitHint(sum / made.base, c)}; ${check(2)} (re-exports aside)`);
  }
}

/** Imports of an importer of a commodity in a year over its demand (total imports when given, else consumption). */
function checkImports(tables: Tables, lines: RowLines, flows: (FlowRow & Located)[], commodities: Map<string, CommodityRow>, report: Report): void {
  const imports = groupSum(flows, (f) => (f.exporter === f.importer ? undefined : `${f.importer}|${f.commodity}|${f.year}`), (f) => f.base);
  const demand = new Map<string, { base: number; line: number; kind: string }>();
  tables.demand.forEach((d, i) => {
    const v = base(d.volume, d.unit, commodities.get(d.commodity));
    const k = `${d.country}|${d.commodity}|${d.year}`;
    if (v !== undefined && (d.kind === 'imports' || !demand.has(k))) demand.set(k, { base: v, line: lines.demand[i], kind: d.kind });
  });
  for (const [k, { sum, items }] of imports) {
    const wanted = demand.get(k);
    if (!wanted || !over(sum, wanted.base)) continue;
    const [country, commodity, year] = k.split('|');
    const c = commodities.get(commodity)!;
    const what = wanted.kind === 'imports' ? 'total imports' : 'consumption';
    report('demand.csv', wanted.line, 'volume',
      `imports of ${commodity} into ${country} in ${year} (${items.length === 1 ? '1 flow' : `${items.length} flows`} in flows.csv) add up to ${format(sum)} ${c.unit}, ` +
      `${howMuch(sum, wanted.base)} its ${what} of ${format(wanted.base)} ${c.unit}${unitHint(sum / wanted.base, c)}; ${check(2)}`);
  }
}

/** Runs every plausibility check on typed tables. */
export function checkPlausibility(tables: Tables, lines: RowLines, report: Report): void {
  const commodities = new Map(tables.commodity.map((c) => [c.id, c]));
  const flows = baseFlows(tables, lines, commodities);
  checkCapacities(tables, lines, flows, commodities, report);
  checkExports(tables, lines, flows, commodities, report);
  checkImports(tables, lines, flows, commodities, report);
}

/** The report function that adds findings to a problem list, as warnings or (strict) errors. */
export function reportTo(problems: ProblemList, strict: boolean): Report {
  return (file, row, column, message) => problems.plausibility(file, row, column, message, strict);
}
