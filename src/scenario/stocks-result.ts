// What a scenario draws from stocks, per importer that holds any: the stock held, what can be released in the
// year, what is drawn before and after the changes, and the same in days of the importer's imports. Pure: no I/O.
import type { FlowSolution } from '../solve/index.ts';
import { DAYS_PER_YEAR } from '../solve/demand-supply.ts';
import { isBlocRest, roundTo, sumParts } from './result-helpers.ts';

export interface StockResult {
  importer: string;
  /** Stock held at the start of the year, in `unit`. */
  held: number;
  /** What can be released in the year (held × the release share), in `unit`. */
  releasable: number;
  drawnBaseline: number;
  /** Drawn in the scenario, in `unit`. */
  drawn: number;
  /** The stock held in days of the importer's imports in the scenario (demand / 365 a day). */
  daysOfCoverHeld: number | null;
  /** What the scenario draws, in days of the importer's imports. */
  daysOfCoverUsed: number | null;
}

/** One row per importer holding a stock (a split bloc as the sum of its parts, its rest not on its own). */
export function stockResults(before: FlowSolution, after: FlowSolution, importerIds: string[]): StockResult[] {
  const a = after.network;
  const rows: StockResult[] = [];
  for (const id of importerIds) {
    const imp = a.importers.find((x) => x.id === id);
    if (isBlocRest(imp)) continue;
    const sum = (fn: (i: number) => number) => sumParts(a, id, fn);
    const held = sum((i) => a.importers[i].stockHeld ?? a.importers[i].stock);
    if (!(held > 0)) continue;
    const demand = sum((i) => a.importers[i].demand);
    const drawn = sum((i) => after.stock[i]);
    const days = (v: number) => (demand > 0 ? roundTo((v * DAYS_PER_YEAR) / demand, 3) : null);
    rows.push({
      importer: id,
      held: roundTo(held),
      releasable: roundTo(sum((i) => a.importers[i].stock)),
      drawnBaseline: roundTo(sumParts(before.network, id, (i) => before.stock[i])),
      drawn: roundTo(drawn),
      daysOfCoverHeld: days(held),
      daysOfCoverUsed: days(drawn),
    });
  }
  return rows;
}
