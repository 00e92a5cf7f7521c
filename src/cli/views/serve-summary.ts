// The three-line baseline summary `corridor serve` prints under its address (what `npm start` shows): the EU's
// crude oil and uranium suppliers and Kazakhstan's exports through Russia, from the baseline report's figures.
import type { BaselineReport } from '../../metrics/index.ts';
import { formatInteger, formatPercent, formatVolume } from '../format.ts';

export function formatServeSummary(r: BaselineReport): string[] {
  const lines: string[] = [];
  for (const entry of r.importers.filter((e) => e.importer === r.importers[0]?.importer).slice(0, 2)) {
    if (!('metrics' in entry)) { lines.push(`${entry.importer}, ${entry.commodity}: not available (${entry.unavailable})`); continue; }
    const m = entry.metrics;
    lines.push(`${m.importer} ${m.commodity.replaceAll('_', ' ')} ${m.year}: ${formatVolume(m.total)} ${m.unit} from ${m.suppliers.length} suppliers; top ${m.topSupplier ?? '–'} ${formatPercent(m.topShare)}; HHI ${formatInteger(m.hhi)}`);
  }
  const x = r.exporter;
  if (!('metrics' in x)) lines.push(`${x.exporter} exports, ${x.commodity}: not available (${x.unavailable})`);
  else lines.push(`${x.exporter} ${x.commodity.replaceAll('_', ' ')} exports ${x.metrics.year}: ${formatVolume(x.metrics.total)} ${x.metrics.unit}; ${formatPercent(x.transitShare)} cross ${x.transitCountry}`);
  return lines;
}
