// Plausible maxima of figures whose unit is given in another column (volumes, capacities, costs, prices). One
// maximum per kind of unit, in a reference unit of that kind; a figure in any unit of the same kind is converted
// to it before comparing (1e9 mb/d is compared as barrels a year). Each bound is generous: it is several times
// the whole world's figure for everything of its kind, so no real row comes near it, but it is finite, so that a
// typing slip (1e308, a figure in the wrong unit by a factor of a million) is an error instead of ∞ or NaN in
// every metric after it.
import type { CommodityRow } from '../model/types.ts';
import { convert, isKnownUnit, parseMoneyUnit } from '../model/units.ts';

export interface UnitLimit {
  /** A known quantity unit (t, bbl …), USD per one ("USD/t"), or "*" for any unit not otherwise listed. */
  unit: string;
  /** Largest magnitude allowed, in `unit` (per year for quantities). */
  max: number;
  /** What the bound is, in a few words, for messages. */
  short: string;
  /** Why this bound: what world figure it is measured against. */
  why: string;
}

/** Annual quantities: production, demand, stocks, flows, capacities. */
export const QUANTITY_LIMITS: readonly UnitLimit[] = [
  { unit: 't', max: 1e11, short: 'more than the world extracts of all raw materials in a year', why: '100 Gt: about the world’s extraction of all raw materials together in a year (~100 Gt, UNEP International Resource Panel); no one commodity can exceed it. Covers Mt, kt, tU, ktU.' },
  { unit: 'bbl', max: 1e11, short: '2.7 times world oil supply', why: 'about 270 mb/d: 2.7 times world oil supply (~102 mb/d in 2023, IEA). Covers b/d, kb/d, mb/d.' },
  { unit: 'toe', max: 5e10, short: '3 times the world’s total energy supply', why: '50,000 Mtoe: over 3 times the world’s total energy supply (~15,000 Mtoe, IEA). Covers ktoe, Mtoe.' },
  { unit: 'bcm', max: 1e4, short: '2.4 times world gas production', why: '10,000 bcm: about 2.4 times world gas production (~4,100 bcm in 2023, IEA). Covers m3, mcm.' },
  { unit: 'TWh', max: 5e5, short: '3 times world primary energy', why: '500,000 TWh: nearly 3 times world primary energy (~175,000 TWh, 630 EJ). Covers MWh, GWh, MMBtu.' },
  { unit: 'TEU', max: 2e9, short: '2.3 times the world’s container port throughput', why: 'about 2.3 times the world’s container port throughput (~860 million TEU in 2022, UNCTAD), which counts each box at both ends. Covers kTEU.' },
  { unit: 'trains', max: 1e8, short: '10 times the trains of the busiest railway', why: 'over 10 times the trains that Indian Railways, the busiest network, runs in a year (~22,000 a day).' },
];

/** Money per quantity: route costs and prices (USD; "USD million/Mt" and the like are converted). */
export const MONEY_LIMITS: readonly UnitLimit[] = [
  { unit: 'USD/t', max: 1e10, short: '10 times the dearest traded metal', why: 'USD 10,000 a gram: about 10 times rhodium at its 2021 record (~USD 29,800/oz, ~USD 960 million/t), the dearest traded metal.' },
  { unit: 'USD/bbl', max: 1e4, short: '70 times the record oil price', why: 'about 70 times the record oil price (USD 147/bbl, July 2008).' },
  { unit: 'USD/toe', max: 1e5, short: '12 times the 2022 European power price peak', why: 'about 12 times a toe of electricity at the 2022 European peak (~EUR 700/MWh × 11.63 MWh/toe).' },
  { unit: 'USD/m3', max: 100, short: '28 times the European gas price record', why: 'about 28 times the European gas price record (TTF ~EUR 340/MWh in August 2022, ~USD 3.6/m3).' },
  { unit: 'USD/MWh', max: 1e5, short: '9 times the highest power market price cap', why: 'about 9 times the highest price cap of any power market (Australia’s NEM, AUD 17,500/MWh in 2024).' },
  { unit: 'USD/TEU', max: 1e5, short: '10 times the record container spot rate', why: 'over 10 times the record container spot rate (under USD 10,000/TEU Asia–Europe in 2021, Drewry WCI).' },
  { unit: 'USD/trains', max: 1e9, short: 'more than a train’s cargo is worth', why: 'more than the cargo of a whole train is worth (~100 TEU of electronics at a few USD million each).' },
];

/** Parameters and agreement volumes in units that are neither quantities nor money (days, shares, indices, none). */
export const OTHER_LIMIT: UnitLimit = {
  unit: '*', max: 1e9, short: 'a bound for units that are neither quantities nor money', why: 'any other unit (days of stocks, shares, indices, or none given): far beyond any figure of that kind, but finite.',
};

/** A commodity with no conversion factors: converting with it succeeds only within one kind of unit. */
const NO_FACTORS = { id: 'any' } as CommodityRow;

/** How many of `to` make one `from`, when both are quantity units of the same kind; undefined otherwise. */
function ratio(from: string, to: string): number | undefined {
  try {
    return convert(1, from, to, NO_FACTORS);
  } catch {
    return undefined;
  }
}

/**
 * The limit that applies to a value given in `unit`, expressed in `unit` itself: the largest magnitude allowed
 * and the limit it comes from. Undefined when no listed limit is of the unit's kind (an unknown unit, which is
 * reported as such elsewhere).
 */
export function limitFor(limits: readonly UnitLimit[], unit: string): { max: number; limit: UnitLimit } | undefined {
  const text = unit.trim();
  const money = parseMoneyUnit(text);
  for (const limit of limits) {
    if (limit.unit === '*') continue;
    const limitMoney = parseMoneyUnit(limit.unit);
    if (money && limitMoney) {
      // value × money / per USD per one `money.quantity`; one limit quantity holds r of them.
      const r = ratio(limitMoney.quantity, money.quantity);
      if (r !== undefined) return { max: (limit.max * money.per) / (money.money * r), limit };
    } else if (!money && !limitMoney && isKnownUnit(text)) {
      const r = ratio(limit.unit, text);
      if (r !== undefined) return { max: limit.max * r, limit };
    }
  }
  const other = limits.find((l) => l.unit === '*');
  if (other && !money && !isKnownUnit(text)) return { max: other.max, limit: other };
  return undefined;
}

/** A bound as written in messages and docs: 100000, 273.973; 1e11 from a million up. */
export function formatBound(n: number): string {
  if (Math.abs(n) >= 1e6) return Number(n.toPrecision(6)).toExponential().replace('e+', 'e');
  return String(Number(n.toPrecision(6)));
}

/**
 * Checks a value against the limit for its unit; returns what was expected ("a number ≤ 100000 for Mt/yr (…)")
 * when it is past the limit, undefined when it is within it or no limit applies.
 */
export function checkPerUnit(limits: readonly UnitLimit[], value: number, unit: string): string | undefined {
  const found = limitFor(limits, unit);
  if (!found || Math.abs(value) <= found.max * (1 + 1e-12)) return undefined;
  const { max, limit } = found;
  const bound = value < 0 ? `≥ -${formatBound(max)}` : `≤ ${formatBound(max)}`;
  const reference = limit.unit === '*' ? '' : `${formatBound(limit.max)} ${limit.unit}, `;
  const unitText = unit.trim() ? `for ${unit.trim()}` : 'with no unit';
  return `a number ${bound} ${unitText} (${reference}${limit.short}; see docs/dataset.md)`;
}
