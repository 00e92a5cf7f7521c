// Text and table of a backtest (`corridor backtest`).
import type { BacktestResult } from '../../scenario/index.ts';
import { formatTable, formatVolume, type DataTable } from '../format.ts';
import { assumptionLines } from './scenario.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const pp = (change: number) => `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}`;
const dvol = (change: number) => `${change > 0 ? '+' : ''}${formatVolume(change, 1)}`;

/** The text form of a backtest result. */
export function formatBacktest(r: BacktestResult): string[] {
  const lines = [
    `Backtest "${r.scenario.name}": ${r.scenario.commodity}, ${r.importer} suppliers, ${r.baseYear} flows + changes → model vs observed ${r.observedYear}   [method ${r.method.name} ${r.method.version}, ${r.flowMethod.name} ${r.flowMethod.version}, dataset ${r.dataset}]`,
    '',
    'Applied to the base year:',
    ...r.changes.map((c) => `  ${c.summary}`),
    '',
    `Supplier shares of ${r.importer}'s imports (changes in percentage points):`,
    ...formatTable(
      [{ header: 'Supplier' }, { header: `Observed ${r.baseYear}`, align: 'right' }, { header: 'Model', align: 'right' }, { header: `Observed ${r.observedYear}`, align: 'right' },
        { header: 'Error', align: 'right' }, { header: 'Model change', align: 'right' }, { header: 'Observed change', align: 'right' }, { header: 'Sign' },
        { header: `Δ volume, model (${r.unit})`, align: 'right' }, { header: 'Δ volume, observed', align: 'right' }],
      r.suppliers.map((s) => [s.supplier, pct(s.baseShare), pct(s.modelShare), pct(s.observedShare), pp(s.error), pp(s.modelChange), pp(s.observedChange), s.signMatches ? 'same' : 'differs',
        dvol(s.modelVolume - s.baseVolume), dvol(s.observedVolume - s.baseVolume)]),
    ),
    '',
    `Mean absolute share error: ${(r.meanAbsoluteError * 100).toFixed(2)} percentage points (nothing changes, the ${r.baseYear} shares: ${(r.persistenceError * 100).toFixed(2)})`,
    `Signs of change as observed: ${r.signsMatched} of ${r.signsTotal}`,
    `Imports (${r.unit}): observed ${r.baseYear} ${formatVolume(r.totals.base, 1)}, model ${formatVolume(r.totals.model, 1)}, observed ${r.observedYear} ${formatVolume(r.totals.observed, 1)}`,
  ];
  if (r.grouped.length) lines.push(`OTHER groups the suppliers not named in both years, aggregates and the world market: ${r.grouped.join(', ')}`);
  lines.push(...assumptionLines(r));
  return lines;
}

export function backtestTables(r: BacktestResult): DataTable[] {
  return [{
    name: 'suppliers',
    columns: ['supplier', 'base_share', 'model_share', 'observed_share', 'error', 'model_change', 'observed_change', 'sign_matches', 'base_volume', 'model_volume', 'observed_volume', 'unit'],
    rows: r.suppliers.map((s) => [s.supplier, s.baseShare, s.modelShare, s.observedShare, s.error, s.modelChange, s.observedChange, s.signMatches, s.baseVolume, s.modelVolume, s.observedVolume, r.unit]),
  }];
}
