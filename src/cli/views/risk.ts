// Text and tables of risk results (`corridor risk n1`, `corridor risk montecarlo`).
import type { MonteCarloResult, N1Result } from '../../risk/index.ts';
import { formatNumber, formatSigned, formatTable, formatVolume, volumeDigits, type DataTable } from '../format.ts';

export const N1_TABLES = ['elements', 'importers'];
export const MONTECARLO_TABLES = ['importers', 'drivers'];

/** The text form of an N-1 result. */
export function formatN1(r: N1Result, limit = 25): string[] {
  const importers = Object.keys(r.baselineUnserved);
  const digits = volumeDigits(r.elements.map((e) => e.unserved).concat([1]));
  const vol = (v: number) => formatVolume(v, digits);
  const market = r.elements.some((e) => e.priceChange !== null);
  const lines = [
    `N-1: ${r.commodity} ${r.year}, each element lost on its own, re-optimised; volumes in ${r.unit}, costs in ${r.valueUnit}   [method ${r.method.name} ${r.method.version}, dataset ${r.dataset}]`,
    `${r.elements.length} element(s)${r.importer ? `, unserved demand of ${r.importer}` : ''}; ranked by unserved demand, then by cost change${r.elements.length > limit ? ` (first ${limit}; --json or --csv lists all)` : ''}.`,
    '',
  ];
  lines.push(...formatTable(
    [{ header: 'Element' }, { header: 'Unserved', align: 'right' }, ...importers.map((i) => ({ header: i, align: 'right' as const })), { header: 'Cost change', align: 'right' }, { header: 'World market', align: 'right' }, ...(market ? [{ header: `Price change (${r.priceUnit})`, align: 'right' as const }] : []), { header: 'Rerouting (largest changes)' }],
    r.elements.slice(0, limit).map((e) => [e.element, vol(e.unserved), ...importers.map((i) => vol(e.unservedByImporter[i] ?? 0)), formatSigned(e.costChange, 1), vol(e.worldMarket),
      ...(market ? [e.priceChange === null ? '–' : formatSigned(e.priceChange, 2)] : []),
      e.rerouting.slice(0, 3).map((s) => `${s.route} ${s.change > 0 ? '+' : ''}${vol(s.change)}`).join(', ') || '–']),
  ));
  return lines;
}

export function n1Tables(r: N1Result): DataTable[] {
  const importers = Object.keys(r.baselineUnserved);
  return [
    { name: 'elements', columns: ['element', 'kind', 'unserved', ...importers.map((i) => `unserved_${i}`), 'cost_change', 'world_market', 'price_change', 'rerouting'],
      rows: r.elements.map((e) => [e.element, e.kind, e.unserved, ...importers.map((i) => e.unservedByImporter[i] ?? 0), e.costChange, e.worldMarket, e.priceChange,
        e.rerouting.map((s) => `${s.route}:${s.change}`).join(' ')]) },
    { name: 'importers', columns: ['element', 'importer', 'unserved'],
      rows: r.elements.flatMap((e) => importers.map((i) => [e.element, i, e.unservedByImporter[i] ?? 0])) },
  ];
}

/** The text form of a Monte Carlo result. */
export function formatMonteCarlo(r: MonteCarloResult): string[] {
  const digits = volumeDigits(r.importers.map((i) => i.demand));
  const vol = (v: number) => formatVolume(v, digits);
  const lines = [
    `Monte Carlo "${r.spec}": ${r.commodity} ${r.year}, unserved demand in ${r.unit}   [method ${r.method.name} ${r.method.version}, dataset ${r.dataset}]`,
    `${r.draws} draw(s), seed ${r.seed}${r.stopped ? ` — STOPPED after ${r.draws} of ${r.drawsRequested} draws: the figures are for the draws done` : ''}`,
    '',
  ];
  lines.push(...formatTable(
    [{ header: 'Importer' }, { header: 'Demand', align: 'right' }, { header: 'Expected', align: 'right' }, { header: '± SE', align: 'right' }, { header: 'P50', align: 'right' },
      { header: 'P95', align: 'right' }, { header: 'P99', align: 'right' }, { header: 'P(any)', align: 'right' }, { header: 'World market', align: 'right' }],
    [...r.importers, r.total].map((i) => [i.importer, vol(i.demand), formatNumber(i.expectedUnserved, 3), formatNumber(i.standardError, 3), vol(i.p50), vol(i.p95), vol(i.p99), `${(100 * i.probabilityUnserved).toFixed(1)}%`, formatNumber(i.expectedWorldMarket, 3)]),
  ));
  lines.push('', `Expected change in cost: ${formatSigned(r.expectedCostChange, 1)} USD million a year (rerouting, world market, stocks, unserved demand); World market = expected purchases, ${r.unit}`);
  lines.push('', `Most often failed in the worst 5% of draws, by unserved demand then by cost (${r.worstDraws} draw(s)):`);
  if (r.worstDrivers.length === 0) lines.push('  (no draw leaves demand unserved or costs more)');
  else lines.push(...formatTable([{ header: 'Element or event' }, { header: 'Draws', align: 'right' }, { header: 'Share', align: 'right' }],
    r.worstDrivers.map((d) => [d.element, String(d.count), `${(100 * d.share).toFixed(1)}%`])));
  const c = r.convergence;
  lines.push('', `Convergence: mean of the first half ${formatNumber(c.firstHalfMean, 3)}, second half ${formatNumber(c.secondHalfMean, 3)} (${formatNumber(c.differenceInStandardErrors, 2)} standard errors apart); ` +
    `standard error ${c.relativeStandardError === null ? '– (no unserved demand)' : `${(100 * c.relativeStandardError).toFixed(1)}% of the mean`}: ${c.converged ? 'converged' : 'NOT converged (more draws needed)'}`);
  const s = r.shortcuts;
  lines.push(`Draws answered: ${s.none} with no failure, ${s.baselineKept} with the baseline kept (no capacity below its flow), ${s.memoised} from a draw solved before, ${s.solved} solved`);
  return lines;
}

export function monteCarloTables(r: MonteCarloResult): DataTable[] {
  return [
    { name: 'importers', columns: ['importer', 'demand', 'expected_unserved', 'standard_error', 'p50', 'p95', 'p99', 'probability_unserved', 'expected_world_market'],
      rows: [...r.importers, r.total].map((i) => [i.importer, i.demand, i.expectedUnserved, i.standardError, i.p50, i.p95, i.p99, i.probabilityUnserved, i.expectedWorldMarket]) },
    { name: 'drivers', columns: ['element', 'count', 'share'], rows: r.worstDrivers.map((d) => [d.element, d.count, d.share]) },
  ];
}
