import type { BaseFlow, Model } from '../model/model.ts';
import { hhi } from './hhi.ts';
import { hhiWgi } from './hhi-wgi.ts';
import { lookups } from './lookups.ts';
import { CRMA_SINGLE_COUNTRY_LIMIT, DEPENDENCE_METHOD, EU_BLOC } from './methods.ts';
import { scaledWgi } from './scaled-wgi.ts';
import { selectFlows } from './select-flows.ts';
import { transitExposure } from './transit-exposure.ts';
import type { ImporterMetrics, SupplierShare } from './types.ts';

export interface ImporterQuery {
  importer: string;
  commodity: string;
  /** The latest year with data when omitted. */
  year?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The importer view of dependence (docs/methods/dependence.md): suppliers with volumes and shares,
 * HHI (0–10,000), top supplier share, the CRMA 65% benchmark, governance-weighted HHI and transit
 * exposure. `flows`, when given (e.g. re-optimised by a scenario), replaces the dataset's flows;
 * it is filtered by importer, commodity and year in the same way.
 */
export function importerMetrics(model: Model, query: ImporterQuery, flows?: BaseFlow[]): ImporterMetrics {
  const { importer, commodity } = query;
  const selected = selectFlows(model, { role: 'importer', actor: importer, commodity, year: query.year }, flows);
  const { year } = selected;
  const unit = model.commodity(commodity)!.unit;
  const notes = [...selected.notes];

  const volumes = new Map<string, number>();
  let total = 0;
  for (const f of selected.flows) {
    volumes.set(f.exporter, (volumes.get(f.exporter) ?? 0) + f.baseVolume);
    total += f.baseVolume;
  }
  const look = lookups(model);
  const aggregates = look.aggregates;
  const wgiYears = new Set<number>();
  const suppliers: SupplierShare[] = [...volumes].map(([exporter, volume]) => {
    const aggregate = aggregates.has(exporter);
    const wgi = aggregate ? undefined : look.wgi(exporter, year);
    if (wgi) wgiYears.add(wgi.year);
    return {
      exporter,
      name: look.name(exporter),
      volume,
      unit,
      share: total > 0 ? volume / total : 0,
      aggregate,
      wgiScaled: wgi ? scaledWgi(wgi.value) : null,
      wgiYear: wgi ? wgi.year : null,
    };
  });
  suppliers.sort((a, b) => b.volume - a.volume || a.exporter.localeCompare(b.exporter));

  const named = suppliers.filter((s) => !s.aggregate);
  const dispersedShare = suppliers.filter((s) => s.aggregate).reduce((sum, s) => sum + s.share, 0);
  if (dispersedShare > 0) {
    const ids = suppliers.filter((s) => s.aggregate).map((s) => s.exporter).join(', ');
    notes.push(`${pct(dispersedShare)} of supply comes from aggregates (${ids}): treated as dispersed, contributing 0 to the HHI (hhiUpper counts each as one supplier)`);
  }

  const euMembers = new Set([EU_BLOC, ...model.blocMembers(EU_BLOC)]);
  const third = named.filter((s) => !euMembers.has(s.exporter));
  const topThird = third[0];
  const crmaBenchmark = {
    threshold: CRMA_SINGLE_COUNTRY_LIMIT,
    country: topThird?.exporter ?? null,
    share: topThird?.share ?? 0,
    met: (topThird?.share ?? 0) <= CRMA_SINGLE_COUNTRY_LIMIT + 1e-12,
  };

  const withWgi = named.filter((s) => s.wgiScaled !== null);
  const missing = named.filter((s) => s.wgiScaled === null).map((s) => s.exporter);
  const governance = {
    hhiWgi: withWgi.length > 0 ? hhiWgi(withWgi.map((s) => ({ share: s.share, wgi: s.wgiScaled! }))) : null,
    missing,
    coveredShare: withWgi.reduce((sum, s) => sum + s.share, 0),
  };
  if (missing.length > 0) {
    notes.push(`no WGI in the dataset for ${missing.join(', ')} (${pct(named.filter((s) => s.wgiScaled === null).reduce((a, s) => a + s.share, 0))} of supply): left out of the governance-weighted HHI`);
  }
  const otherWgiYears = [...wgiYears].filter((y) => y !== year).sort();
  if (otherWgiYears.length > 0) notes.push(`WGI figures of ${otherWgiYears.join(', ')} used for ${year} (the latest available)`);

  const transit = transitExposure(model, selected.flows, total);
  const routeUnknownShare = total > 0 ? transit.routeUnknownVolume / total : 0;
  if (routeUnknownShare > 0) notes.push(`${pct(routeUnknownShare)} of supply has no known route: left out of transit exposure (a lower bound)`);
  if (total === 0) notes.push('no supply: shares, HHI and top share are 0');

  return {
    method: DEPENDENCE_METHOD,
    dataset: model.info.hash,
    importer,
    importerName: look.name(importer),
    commodity,
    year,
    unit,
    total,
    suppliers,
    hhi: hhi(named.map((s) => s.share)),
    hhiUpper: hhi(suppliers.map((s) => s.share)),
    topSupplier: named[0]?.exporter ?? null,
    topShare: named[0]?.share ?? 0,
    dispersedShare,
    crmaBenchmark,
    crmaBenchmarkMet: crmaBenchmark.met,
    governance,
    transitExposure: transit.exposure,
    routeUnknownShare,
    flowSource: flows ? 'given' : 'dataset',
    notes,
  };
}
