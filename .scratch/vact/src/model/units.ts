// Units and their conversions, declared in one place. Annual quantities: a volume "in Mt" in a
// flow table means Mt in that year, so "Mt" and "Mt/yr" are the same unit here.
import type { CommodityRow } from './types.ts';

/** Physical dimension of a unit; units of one dimension convert by a fixed factor. */
type Dimension = 'mass' | 'barrels' | 'toe' | 'gas_volume' | 'energy' | 'teu' | 'count';

interface UnitDefinition {
  dimension: Dimension;
  /** Multiply by this to get the dimension's reference unit (t, bbl, toe, bcm, TWh, TEU) per year. */
  factor: number;
}

const DAYS_PER_YEAR = 365;

const UNITS: Record<string, UnitDefinition> = {
  't': { dimension: 'mass', factor: 1 },
  'kt': { dimension: 'mass', factor: 1e3 },
  'Mt': { dimension: 'mass', factor: 1e6 },
  'tU': { dimension: 'mass', factor: 1 },
  'ktU': { dimension: 'mass', factor: 1e3 },
  'bbl': { dimension: 'barrels', factor: 1 },
  'b/d': { dimension: 'barrels', factor: DAYS_PER_YEAR },
  'kb/d': { dimension: 'barrels', factor: 1e3 * DAYS_PER_YEAR },
  'mb/d': { dimension: 'barrels', factor: 1e6 * DAYS_PER_YEAR },
  'toe': { dimension: 'toe', factor: 1 },
  'ktoe': { dimension: 'toe', factor: 1e3 },
  'Mtoe': { dimension: 'toe', factor: 1e6 },
  'm3': { dimension: 'gas_volume', factor: 1e-9 },
  'mcm': { dimension: 'gas_volume', factor: 1e-3 },
  'bcm': { dimension: 'gas_volume', factor: 1 },
  'MWh': { dimension: 'energy', factor: 1e-6 },
  'GWh': { dimension: 'energy', factor: 1e-3 },
  'TWh': { dimension: 'energy', factor: 1 },
  // 1 MMBtu = 293.0711 kWh (the gas-trade energy unit, e.g. LNG prices in USD/MMBtu).
  'MMBtu': { dimension: 'energy', factor: 2.930711e-7 },
  'TEU': { dimension: 'teu', factor: 1 },
  'kTEU': { dimension: 'teu', factor: 1e3 },
  'trains': { dimension: 'count', factor: 1 },
};

/** Strips a trailing "/yr" (annual quantities are the same as per-year rates here). */
function normalise(unit: string): string {
  return unit.trim().replace(/\/(yr|year|a)$/, '');
}

export function isKnownUnit(unit: string): boolean {
  return normalise(unit) in UNITS;
}

export function knownUnits(): string[] {
  return Object.keys(UNITS);
}

export class UnitError extends Error {}

/** How many reference units of `to`'s dimension one reference unit of `from`'s dimension is, for this commodity. */
function crossFactor(from: Dimension, to: Dimension, commodity: CommodityRow): number | undefined {
  if (from === to) return 1;
  const bpt = commodity.barrels_per_tonne;
  const toePerT = commodity.toe_per_tonne;
  const twhPerBcm = commodity.twh_per_bcm;
  const pair = `${from}>${to}`;
  switch (pair) {
    case 'barrels>mass': return bpt ? 1 / bpt : undefined;
    case 'mass>barrels': return bpt;
    case 'toe>mass': return toePerT ? 1 / toePerT : undefined;
    case 'mass>toe': return toePerT;
    case 'barrels>toe': return bpt && toePerT ? toePerT / bpt : undefined;
    case 'toe>barrels': return bpt && toePerT ? bpt / toePerT : undefined;
    case 'gas_volume>energy': return twhPerBcm;
    case 'energy>gas_volume': return twhPerBcm ? 1 / twhPerBcm : undefined;
    default: return undefined;
  }
}

/** Converts a value from one unit to another, using the commodity's declared factors where the dimensions differ. */
export function convert(value: number, from: string, to: string, commodity: CommodityRow): number {
  const a = UNITS[normalise(from)];
  const b = UNITS[normalise(to)];
  if (!a) throw new UnitError(`unknown unit "${from}" (known: ${knownUnits().join(', ')})`);
  if (!b) throw new UnitError(`unknown unit "${to}" (known: ${knownUnits().join(', ')})`);
  const cross = crossFactor(a.dimension, b.dimension, commodity);
  if (cross === undefined) {
    throw new UnitError(`cannot convert ${from} to ${to} for ${commodity.id}: no factor declared on the commodity`);
  }
  return (value * a.factor * cross) / b.factor;
}

/** Converts a value to the commodity's base unit. */
export function toBaseUnit(value: number, unit: string, commodity: CommodityRow): number {
  return convert(value, unit, commodity.unit, commodity);
}

/** Whether a value in `unit` can be converted to the commodity's base unit. */
export function canConvert(unit: string, commodity: CommodityRow): boolean {
  try {
    toBaseUnit(1, unit, commodity);
    return true;
  } catch {
    return false;
  }
}

// --- Money per quantity -------------------------------------------------------------------------
// Prices, route costs and penalties are money per quantity: "USD/t", "USD/bbl", "USD/TEU", "USD/tU",
// "USD/MWh", "USD/1000 m3", "USD million/Mt", and for the value of time "USD/TEU/day". The quantity is
// any known unit (above); a number before it multiplies it ("USD/1000 m3"); "thousand", "million" or
// "billion" after the currency scales the money. Only USD is known.

/** A money-per-quantity unit, read from text such as "USD/t" or "USD million/Mt". */
export interface MoneyUnit {
  /** USD in one unit of money as written: 1 for USD, 1e6 for USD million. */
  money: number;
  /** The quantity unit after "/" (a known unit), e.g. "t", "bbl", "m3". */
  quantity: string;
  /** How many `quantity` units the price is for: 1000 in "USD/1000 m3". */
  per: number;
  /** A rate per day (in transit): "USD/TEU/day". */
  perDay: boolean;
}

const MONEY_SCALES: Record<string, number> = { '': 1, thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };

const MONEY_PATTERN = /^\s*(?:USD|US\$|\$)\s*(thousand|million|billion|mn|bn|k)?\s*(?:\/|\s+per\s+)\s*(?:(\d+(?:\.\d+)?)\s*)?([^/\s][^/]*?)\s*(?:\/\s*(day|d))?\s*$/i;

/** Reads a money-per-quantity unit; undefined when the text is not one (or its quantity is not a known unit). */
export function parseMoneyUnit(unit: string): MoneyUnit | undefined {
  const m = MONEY_PATTERN.exec(unit);
  if (!m) return undefined;
  const quantity = m[3].trim();
  if (!isKnownUnit(quantity)) return undefined;
  const per = m[2] === undefined ? 1 : Number(m[2]);
  if (!(per > 0)) return undefined;
  return { money: MONEY_SCALES[(m[1] ?? '').toLowerCase()], quantity, per, perDay: m[4] !== undefined };
}

/** Whether a unit reads as money per quantity (e.g. "USD/t"). */
export function isMoneyUnit(unit: string): boolean {
  return parseMoneyUnit(unit) !== undefined;
}

function moneyUnitOrThrow(unit: string, commodity: CommodityRow, perDay: boolean): MoneyUnit {
  const parsed = parseMoneyUnit(unit);
  const example = `${naturalPriceUnit(commodity)}${perDay ? '/day' : ''}`;
  if (!parsed) {
    throw new UnitError(`expected money per quantity like "${example}" (USD per one of ${knownUnits().join(', ')}), found "${unit}"`);
  }
  if (parsed.perDay !== perDay) {
    throw new UnitError(perDay ? `expected a cost per day like "${example}", found "${unit}"` : `expected money per quantity like "${example}" (not per day), found "${unit}"`);
  }
  return parsed;
}

/**
 * USD per one base unit of the commodity (e.g. USD per Mt for crude) for a value in a money-per-quantity
 * unit: 5 USD/bbl at 7.3 bbl/t is 5 × 7.3e6 = 36.5e6 USD per Mt. `perDay` is for rates per day in
 * transit ("USD/TEU/day"): the result is then USD per base unit per day. Throws UnitError when the unit
 * is not money per quantity or its quantity does not convert for the commodity.
 */
export function moneyPerBaseUnit(value: number, unit: string, commodity: CommodityRow, perDay = false): number {
  const parsed = moneyUnitOrThrow(unit, commodity, perDay);
  // One base unit holds this many units of the price's quantity.
  const quantities = convert(1, commodity.unit, parsed.quantity, commodity);
  return (value * parsed.money * quantities) / parsed.per;
}

/** Converts money per quantity between units for a commodity: 5 USD/bbl → 36.5 USD/t → 36.5 USD million/Mt. */
export function convertMoney(value: number, from: string, to: string, commodity: CommodityRow): number {
  const perDay = parseMoneyUnit(from)?.perDay ?? false;
  return moneyPerBaseUnit(value, from, commodity, perDay) / moneyPerBaseUnit(1, to, commodity, perDay);
}

/**
 * The unit in which a commodity's prices, costs and shadow prices are shown: `given` (the dataset's price
 * unit) when it converts for the commodity, else USD per the base unit's natural quantity — USD/t for
 * Mt, kt or t; USD/tU for uranium; USD/bbl; USD/toe; USD/TEU; USD/MWh for gas (bcm with a TWh factor,
 * or TWh); USD/1000 m3 for gas without an energy factor.
 */
export function naturalPriceUnit(commodity: CommodityRow, given?: string): string {
  if (given !== undefined) {
    try {
      moneyPerBaseUnit(1, given, commodity);
      return given.trim();
    } catch { /* fall back to the default below */ }
  }
  const base = normalise(commodity.unit);
  const dimension = UNITS[base]?.dimension;
  switch (dimension) {
    case 'mass': return base.endsWith('U') ? 'USD/tU' : 'USD/t';
    case 'barrels': return 'USD/bbl';
    case 'toe': return 'USD/toe';
    case 'gas_volume': return commodity.twh_per_bcm ? 'USD/MWh' : 'USD/1000 m3';
    case 'energy': return 'USD/MWh';
    case 'teu': return 'USD/TEU';
    default: return `USD/${base}`;
  }
}
