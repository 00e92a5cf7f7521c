// Text and tables of the dependence metrics: an importer's suppliers, an exporter's destinations and routes.
import type { ExporterMetrics, ImporterMetrics, TransitShare } from '../../metrics/index.ts';
import { formatInteger, formatPercent, formatTable, formatVolume, noteLines, volumeDigits, type DataTable } from '../format.ts';

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
    `CRMA benchmark (≤65%)    ${!m.crmaBenchmark.applies ? `not applicable: the Act does not cover ${m.commodity}` : m.crmaBenchmarkMet ? 'met' : 'NOT met'}${m.crmaBenchmark.country ? ` (largest third country ${m.crmaBenchmark.country} ${formatPercent(m.crmaBenchmark.share)})` : ''}`,
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

/** Tables an importer view can print as CSV: suppliers (default) and transit. */
export const IMPORTER_TABLES = ['suppliers', 'transit'];
/** Tables an exporter view can print as CSV: destinations (default), routes and transit. */
export const EXPORTER_TABLES = ['destinations', 'routes', 'transit'];

function transitTable(role: 'importer' | 'exporter', subject: string, year: number, unit: string, exposure: TransitShare[]): DataTable {
  return {
    name: 'transit',
    columns: [role, 'year', 'country', 'name', 'volume', 'unit', 'share', 'routes'],
    rows: exposure.map((t) => [subject, year, t.country, t.name, t.volume, unit, t.share, t.routes.join(' ')]),
  };
}

export function importerTables(m: ImporterMetrics): DataTable[] {
  return [
    {
      name: 'suppliers',
      columns: ['importer', 'commodity', 'year', 'exporter', 'name', 'volume', 'unit', 'share', 'aggregate', 'wgi_scaled'],
      rows: m.suppliers.map((s) => [m.importer, m.commodity, m.year, s.exporter, s.name, s.volume, m.unit, s.share, s.aggregate, s.wgiScaled]),
    },
    transitTable('importer', m.importer, m.year, m.unit, m.transitExposure),
  ];
}

export function exporterTables(m: ExporterMetrics): DataTable[] {
  return [
    {
      name: 'destinations',
      columns: ['exporter', 'commodity', 'year', 'importer', 'name', 'volume', 'unit', 'share'],
      rows: m.destinations.map((d) => [m.exporter, m.commodity, m.year, d.importer, d.name, d.volume, m.unit, d.share]),
    },
    {
      name: 'routes',
      columns: ['exporter', 'commodity', 'year', 'route', 'name', 'volume', 'unit', 'share', 'crosses'],
      rows: m.routes.map((r) => [m.exporter, m.commodity, m.year, r.route, r.name, r.volume, m.unit, r.share, r.crosses.join(' ')]),
    },
    transitTable('exporter', m.exporter, m.year, m.unit, m.transitExposure),
  ];
}
