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
  'mcm': { dimension: 'gas_volume', factor: 1e-3 },
  'bcm': { dimension: 'gas_volume', factor: 1 },
  'GWh': { dimension: 'energy', factor: 1e-3 },
  'TWh': { dimension: 'energy', factor: 1 },
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
