// Text and tables of the baseline report (`corridor report`).
import type { BaselineReport } from '../../metrics/index.ts';
import { formatInteger, formatPercent, formatTable, formatVolume, volumeDigits, type DataTable } from '../format.ts';
import { crmLines, crmTables } from './crm.ts';
import { exporterTables, routeLines } from './metrics.ts';

export function formatBaselineReport(r: BaselineReport): string[] {
  const lines = [
    `Corridor baseline report: dataset "${r.datasetName}" (hash ${r.dataset}; ${r.sources} sources, ${formatInteger(r.rows)} rows)`,
    `method ${r.method.name} ${r.method.version}; each section uses the latest year with data and says which`,
    '',
    '1. Suppliers of the importers',
  ];
  for (const entry of r.importers) {
    lines.push('');
    if (!('metrics' in entry)) {
      lines.push(`${entry.importer}, ${entry.commodity}: not available (${entry.unavailable})`);
      continue;
    }
    const m = entry.metrics;
    lines.push(
      `${m.importer} ${m.importerName}, ${m.commodity}, ${m.year}: ${formatVolume(m.total)} ${m.unit}; HHI ${formatInteger(m.hhi)}` +
        `; top ${m.topSupplier ?? '–'} ${formatPercent(m.topShare)}; CRMA ≤65%: ${!m.crmaBenchmark.applies ? 'not applicable' : m.crmaBenchmarkMet ? 'met' : 'NOT met'}` +
        (m.dispersedShare > 0 ? `; ${formatPercent(m.dispersedShare)} dispersed (aggregates)` : ''),
      ...formatTable(
        [{ header: 'Supplier' }, { header: `Volume (${m.unit})`, align: 'right' }, { header: 'Share', align: 'right' }],
        m.suppliers.map((s) => [`${s.exporter} ${s.name}`, formatVolume(s.volume, volumeDigits(m.suppliers.map((x) => x.volume))), formatPercent(s.share)]),
      ),
    );
  }

  lines.push('', '', `2. Export routes of ${r.exporter.exporter}, ${r.exporter.commodity}`, '');
  if (!('metrics' in r.exporter)) {
    lines.push(`not available (${r.exporter.unavailable})`);
  } else {
    const m = r.exporter.metrics;
    const crossing = m.transitExposure.find((t) => t.country === r.exporter.transitCountry);
    lines.push(
      `${m.exporter} ${m.exporterName}, ${r.exporter.yearNote}; exports ${formatVolume(m.total)} ${m.unit}`,
      ...routeLines(m),
      '',
      `Crosses ${r.exporter.transitCountry}: ${formatVolume(crossing?.volume ?? 0)} ${m.unit}, ${formatPercent(r.exporter.transitShare)} of exports` +
        (m.routeUnknownShare > 0 ? ` (${formatPercent(m.routeUnknownShare)} on unknown routes not counted)` : ''),
    );
  }

  lines.push('', '', '3. Route capacity and utilisation (flow on the route / capacity)', '');
  if (r.routes.length === 0) lines.push('  (no routes in the dataset)');
  else {
    lines.push(...formatTable(
      [
        { header: 'Route' }, { header: 'Commodity' }, { header: 'Year', align: 'right' }, { header: 'Flow', align: 'right' },
        { header: 'Capacity', align: 'right' }, { header: 'Unit' }, { header: 'Utilisation', align: 'right' }, { header: 'Note' },
      ],
      r.routes.map((u) => [
        u.route, u.commodity, String(u.year), formatVolume(u.volume), u.capacity === null ? 'unlimited' : formatVolume(u.capacity), u.unit,
        formatPercent(u.utilisation), [u.status !== 'operating' ? u.status : '', u.capacityYear !== u.year ? `capacity of ${u.capacityYear}` : ''].filter(Boolean).join('; '),
      ]),
    ));
  }

  lines.push('', '', '4. EU criticality (supply risk)', '');
  if ('unavailable' in r.crm) lines.push(`not available (${r.crm.unavailable})`);
  else lines.push(...crmLines(r.crm));

  const notes = r.importers.flatMap((e) => ('metrics' in e ? e.metrics.notes.map((n) => `${e.importer} ${e.commodity}: ${n}`) : []));
  if ('metrics' in r.exporter) notes.push(...r.exporter.metrics.notes.map((n) => `${r.exporter.exporter} ${r.exporter.commodity}: ${n}`));
  if (notes.length > 0) lines.push('', '', 'Notes', ...notes.map((n) => `  - ${n}`));
  return lines;
}

/** Tables of the report: suppliers of every importer (default), the exporter's routes, route utilisation, criticality. */
export const REPORT_TABLES = ['suppliers', 'routes', 'utilisation', 'crm'];

export function reportTables(r: BaselineReport): DataTable[] {
  const suppliers: DataTable = {
    name: 'suppliers',
    columns: ['importer', 'commodity', 'year', 'exporter', 'name', 'volume', 'unit', 'share'],
    rows: r.importers.flatMap((e) => ('metrics' in e ? e.metrics.suppliers.map((s) => [e.importer, e.commodity, e.metrics.year, s.exporter, s.name, s.volume, e.metrics.unit, s.share]) : [])),
  };
  const routes = 'metrics' in r.exporter ? exporterTables(r.exporter.metrics).find((t) => t.name === 'routes')! : { name: 'routes', columns: ['exporter'], rows: [] };
  const utilisation: DataTable = {
    name: 'utilisation',
    columns: ['route', 'name', 'commodity', 'year', 'volume', 'capacity', 'capacity_year', 'unit', 'utilisation', 'status'],
    rows: r.routes.map((u) => [u.route, u.name, u.commodity, u.year, u.volume, u.capacity, u.capacityYear, u.unit, u.utilisation, u.status]),
  };
  const crm = 'unavailable' in r.crm ? { name: 'crm', columns: ['material'], rows: [] } : { ...crmTables(r.crm)[0], name: 'crm' };
  return [suppliers, routes, utilisation, crm];
}
