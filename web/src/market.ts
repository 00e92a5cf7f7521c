// The world-market price change and the exporters' revenue changes of a scenario result, where the result has them
// (`market` and `exporters[]`: results of flow model versions without them have neither, and the page then shows
// nothing of them). Read defensively: a field of another shape is left out, not shown wrong.
import type { Comparison } from '../../src/scenario/compare.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';

export interface MarketChange { priceChange: number; priceChangeLow: number | null; priceChangeHigh: number | null; priceUnit: string }
export interface ExporterChange { exporter: string; volumeChange: number; revenueChange: number; discountLoss: number | null; transportCostChange: number | null }

/** A comparison row the page adds to compareScenarios' rows (one value per column, null where it does not apply). */
export interface Row { section: string; id: string; unit: string; values: (number | null)[] }

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const orNull = (x: unknown): number | null => (isNumber(x) ? x : null);

/** The result's world-market price change, or undefined when the result has none. */
export function marketOf(result: ScenarioResult): MarketChange | undefined {
  const m = (result as { market?: unknown }).market as Record<string, unknown> | null | undefined;
  if (!m || typeof m !== 'object' || !isNumber(m.priceChange) || typeof m.priceUnit !== 'string') return undefined;
  return { priceChange: m.priceChange, priceChangeLow: orNull(m.priceChangeLow), priceChangeHigh: orNull(m.priceChangeHigh), priceUnit: m.priceUnit };
}

/** The result's exporters with their volume and revenue changes, or undefined when the result has none. */
export function exportersOf(result: ScenarioResult): ExporterChange[] | undefined {
  const list = (result as { exporters?: unknown }).exporters;
  if (!Array.isArray(list)) return undefined;
  return list.filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && typeof (e as Record<string, unknown>).exporter === 'string'
    && isNumber((e as Record<string, unknown>).revenueChange))
    .map((e) => ({ exporter: e.exporter as string, volumeChange: orNull(e.volumeChange) ?? 0, revenueChange: e.revenueChange as number, discountLoss: orNull(e.discountLoss), transportCostChange: orNull(e.transportCostChange) }));
}

/** Rows keyed by section and id, one value per column of the comparison; `set` fills one cell. */
export function rowCollector(c: Comparison) {
  const rows = new Map<string, Row>();
  const set = (section: string, id: string, unit: string, column: number, value: number | null) => {
    const key = `${section}|${id}`;
    const row = rows.get(key) ?? { section, id, unit, values: c.columns.map(() => null) };
    row.values[column] = value;
    rows.set(key, row);
  };
  return { rows, set };
}

/** The column of each scenario of a comparison (compareScenarios puts each commodity and year's baseline first). */
export function scenarioColumns(c: Comparison): number[] {
  return c.columns.flatMap((col, i) => (col.kind === 'scenario' ? [i] : []));
}

/**
 * Rows for the comparison: the world-market price change (with its range where given) and each exporter's revenue
 * and volume change, for the scenarios whose results have them; empty when none has.
 */
export function marketRows(c: Comparison): Row[] {
  const { rows, set } = rowCollector(c);
  const columns = scenarioColumns(c);
  c.scenarios.forEach((r, k) => {
    const column = columns[k];
    const market = marketOf(r);
    if (market) {
      set('price change', 'world market', market.priceUnit, column, market.priceChange);
      if (market.priceChangeLow !== null) set('price change', 'world market (low)', market.priceUnit, column, market.priceChangeLow);
      if (market.priceChangeHigh !== null) set('price change', 'world market (high)', market.priceUnit, column, market.priceChangeHigh);
    }
    for (const e of exportersOf(r) ?? []) {
      set('exporter revenue', e.exporter, r.valueUnit, column, e.revenueChange);
      set('exporter volume', e.exporter, r.unit, column, e.volumeChange);
    }
  });
  return [...rows.values()];
}
