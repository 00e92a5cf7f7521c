// `corridor metrics`: the importer view (--importer) or the exporter view (--exporter) of dependence.
import type { Command } from 'commander';
import { CorridorError, available } from '../../errors.ts';
import type { Model } from '../../model/model.ts';
import { exporterMetrics, importerMetrics, type ExporterMetrics, type ImporterMetrics, type TransitShare } from '../../metrics/index.ts';
import { openDataset, parseIntegerOption, printJson, withDataset, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';

/** A column of a text table: header, alignment. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Formats rows as aligned columns, indented by two spaces. */
export function formatTable(columns: Column[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `  ${cells.map(cell).join('  ')}`.trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

export const formatPercent = (x: number | null, digits = 1): string => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);

/** Decimals that suit a set of volumes shown together (from the largest of them). */
export function volumeDigits(values: number[]): number {
  const max = Math.max(0, ...values.map(Math.abs));
  return max >= 1000 ? 0 : max >= 100 ? 1 : max >= 1 ? 2 : 3;
}

/** A volume with a sensible number of digits for its size (or the given digits, to align a column). */
export function formatVolume(x: number, digits = volumeDigits([x])): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const formatInteger = (x: number): string => Math.round(x).toLocaleString('en-GB');

/** A "Notes:" block after a blank line, or nothing when there are no notes. */
export const noteLines = (notes: string[]): string[] => (notes.length > 0 ? ['', 'Notes:', ...notes.map((n) => `  - ${n}`)] : []);

/** The exporter's routes: volume, share and the countries each crosses. */
export function routeLines(m: ExporterMetrics): string[] {
  return formatTable(
    [{ header: 'Route' }, { header: `Volume (${m.unit})`, align: 'right' }, { header: 'Share', align: 'right' }, { header: 'Crosses' }],
    m.routes.map((r) => [r.route === '' ? '(route unknown)' : `${r.route} ${r.name}`, formatVolume(r.volume, volumeDigits(m.routes.map((x) => x.volume))), formatPercent(r.share), r.crosses.join(', ')]),
  );
}

function transitLines(exposure: TransitShare[], unit: string): string[] {
  if (exposure.length === 0) return ['  (no flow crosses a third country on a known route)'];
  return formatTable(
    [{ header: 'Country' }, { header: `Volume (${unit})`, align: 'right' }, { header: 'Share', align: 'right' }, { header: 'Routes' }],
    exposure.map((t) => [`${t.country} ${t.name}`, formatVolume(t.volume, volumeDigits(exposure.map((e) => e.volume))), formatPercent(t.share), t.routes.join(', ')]),
  );
}

export function formatImporterMetrics(m: ImporterMetrics): string[] {
  return [
    `${m.importer} ${m.importerName}: ${m.commodity} imports, ${m.year}`,
    `Total ${formatVolume(m.total)} ${m.unit} from ${m.suppliers.length} supplier(s)   [method ${m.method.name} ${m.method.version}, dataset ${m.dataset}]`,
    '',
    ...formatTable(
      [{ header: 'Supplier' }, { header: `Volume (${m.unit})`, align: 'right' }, { header: 'Share', align: 'right' }, { header: 'WGI 0-10', align: 'right' }],
      m.suppliers.map((s) => [
        `${s.exporter} ${s.name}`,
        formatVolume(s.volume, volumeDigits(m.suppliers.map((x) => x.volume))),
        formatPercent(s.share),
        s.aggregate ? 'dispersed' : s.wgiScaled === null ? '–' : s.wgiScaled.toFixed(2),
      ]),
    ),
    '',
    `HHI                      ${formatInteger(m.hhi)} (0–10,000; aggregates count 0${m.dispersedShare > 0 ? `, ${formatPercent(m.dispersedShare)} dispersed; upper bound ${formatInteger(m.hhiUpper)}` : ''})`,
    `Top supplier             ${m.topSupplier ?? '–'} ${formatPercent(m.topShare)}`,
    `CRMA benchmark (≤65%)    ${m.crmaBenchmarkMet ? 'met' : 'NOT met'}${m.crmaBenchmark.country ? ` (largest third country ${m.crmaBenchmark.country} ${formatPercent(m.crmaBenchmark.share)})` : ''}`,
    `Governance-weighted HHI  ${m.governance.hhiWgi === null ? '– (no WGI in the dataset)' : `${m.governance.hhiWgi.toFixed(3)} (Σ share²·WGI, 0–10, 10 worst)`}`,
    '',
    `Transit exposure (share of ${m.importer}'s supply crossing each country):`,
    ...transitLines(m.transitExposure, m.unit),
    ...noteLines(m.notes),
  ];
}

export function formatExporterMetrics(m: ExporterMetrics): string[] {
  return [
    `${m.exporter} ${m.exporterName}: ${m.commodity} exports, ${m.year}`,
    `Total ${formatVolume(m.total)} ${m.unit}   [method ${m.method.name} ${m.method.version}, dataset ${m.dataset}]`,
    '',
    'Destinations:',
    ...formatTable(
      [{ header: 'Importer' }, { header: `Volume (${m.unit})`, align: 'right' }, { header: 'Share', align: 'right' }],
      m.destinations.map((d) => [`${d.importer} ${d.name}`, formatVolume(d.volume, volumeDigits(m.destinations.map((x) => x.volume))), formatPercent(d.share)]),
    ),
    '',
    'Routes:',
    ...routeLines(m),
    '',
    `Transit exposure (share of ${m.exporter}'s exports crossing each other country):`,
    ...transitLines(m.transitExposure, m.unit),
    ...noteLines(m.notes),
  ];
}

interface MetricsOptions {
  importer?: string;
  exporter?: string;
  commodity?: string;
  year?: string;
  json: boolean;
  dataset?: string;
}

export function registerMetrics(program: Command, context: RunContext): void {
  withDataset(withJson(program.command('metrics')))
    .description('dependence metrics: an importer\'s suppliers, HHI, CRMA benchmark, transit exposure; or an exporter\'s destinations and routes')
    .option('--importer <id>', 'importer (country or bloc), e.g. EU27, FRA')
    .option('--exporter <id>', 'exporter, e.g. KAZ')
    .option('--commodity <id>', 'commodity id, e.g. crude_oil')
    .option('--year <year>', 'year (default: the latest year with data)')
    .action((options: MetricsOptions) => {
      if (options.importer !== undefined && options.exporter !== undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give --importer <id> or --exporter <id>, not both (the importer view and the exporter view are separate results)');
      }
      const model = openDataset(options);
      const { commodity } = options;
      if (commodity === undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `give --commodity <id>; commodities with flows: ${available(commoditiesWithFlows(model))}`);
      }
      if (options.importer === undefined && options.exporter === undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `give --importer <id> or --exporter <id>; ${actorsOf(model, commodity)}`);
      }
      const year = yearOption(options.year, `${commodity} flows`, () => model.flowYears(commodity));
      const result = options.importer !== undefined
        ? importerMetrics(model, { importer: options.importer, commodity, year })
        : exporterMetrics(model, { exporter: options.exporter!, commodity, year });
      if (options.json) printJson(context.io, result);
      else context.io.out(('importer' in result ? formatImporterMetrics(result) : formatExporterMetrics(result)).join('\n'));
    });
}

const commoditiesWithFlows = (model: Model): string[] => [...new Set(model.tables.flow.map((f) => f.commodity))].sort();

/** Who imports and exports a commodity, for a message (or the commodities with flows, when it has none). */
function actorsOf(model: Model, commodity: string): string {
  const flows = model.tables.flow.filter((f) => f.commodity === commodity);
  if (flows.length === 0) return `commodities with flows: ${available(commoditiesWithFlows(model))}`;
  const ids = (role: 'importer' | 'exporter') => available([...new Set(flows.map((f) => f[role]))].sort());
  return `importers of ${commodity}: ${ids('importer')}; exporters of ${commodity}: ${ids('exporter')}`;
}

/** Parses --year; a bad value is an error that also lists the years with `what` (e.g. "crude_oil flows"). */
export function yearOption(value: string | undefined, what: string, years: () => Iterable<number>): number | undefined {
  try {
    return parseIntegerOption('--year', value);
  } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    throw new CorridorError(error.code, `${error.message}; years with ${what}: ${available(years())}`);
  }
}
