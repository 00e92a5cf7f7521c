import type { BaseFlow, Model } from '../model/model.ts';
import { hhi } from './hhi.ts';
import { hhiWgi, type WeightedShare } from './hhi-wgi.ts';
import { lookups, type Lookups } from './lookups.ts';
import { CRMA_SINGLE_COUNTRY_LIMIT, DEPENDENCE_METHOD, THRESHOLD_TOLERANCE } from './methods.ts';
import { scaledWgi } from './scaled-wgi.ts';
import { selectFlows } from './select-flows.ts';
import { transitExposure } from './transit-exposure.ts';
import type { CrmaBenchmark, GovernanceConcentration, ImporterMetrics, SupplierShare } from './types.ts';

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
  const look = lookups(model);

  const { suppliers, total, wgiYears } = supplierShares(look, selected.flows, year, unit);
  const named = suppliers.filter((s) => !s.aggregate);
  const dispersed = dispersedShare(suppliers);
  if (dispersed.share > 0) {
    notes.push(`${pct(dispersed.share)} of supply comes from aggregates (${dispersed.ids.join(', ')}): treated as dispersed, contributing 0 to the HHI (hhiUpper counts each as one supplier)`);
  }
  const crmaBenchmark = crmaBenchmarkOf(look, named, crmaCovers(model, commodity));
  if (!crmaBenchmark.applies) notes.push(`the Critical Raw Materials Act does not cover ${commodity} (crma_list.csv): its 65% benchmark is not a verdict here`);
  const governance = governanceOf(named, notes);
  const otherWgiYears = [...wgiYears].filter((y) => y !== year).sort();
  if (otherWgiYears.length > 0) notes.push(`WGI figures of ${otherWgiYears.join(', ')} used for ${year} (the latest available)`);

  const transit = transitExposure(model, selected.flows, total, importer);
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
    dispersedShare: dispersed.share,
    crmaBenchmark,
    crmaBenchmarkMet: crmaBenchmark.met,
    governance,
    transitExposure: transit.exposure,
    routeUnknownShare,
    flowSource: flows ? 'given' : 'dataset',
    notes,
  };
}

/** Volume and share of each supplier (all routes together), largest first, with its scaled WGI. */
function supplierShares(look: Lookups, flows: readonly BaseFlow[], year: number, unit: string): { suppliers: SupplierShare[]; total: number; wgiYears: Set<number> } {
  const volumes = new Map<string, number>();
  let total = 0;
  for (const f of flows) {
    volumes.set(f.exporter, (volumes.get(f.exporter) ?? 0) + f.baseVolume);
    total += f.baseVolume;
  }
  const wgiYears = new Set<number>();
  const suppliers: SupplierShare[] = [];
  for (const [exporter, volume] of volumes) {
    const aggregate = look.aggregates.has(exporter);
    const wgi = aggregate ? undefined : look.wgi(exporter, year);
    if (wgi) wgiYears.add(wgi.year);
    suppliers.push({
      exporter,
      name: look.name(exporter),
      volume,
      unit,
      share: total > 0 ? volume / total : 0,
      aggregate,
      wgiScaled: wgi ? scaledWgi(wgi.value) : null,
      wgiYear: wgi ? wgi.year : null,
    });
  }
  suppliers.sort((a, b) => b.volume - a.volume || a.exporter.localeCompare(b.exporter));
  return { suppliers, total, wgiYears };
}

/** The share held by aggregates (OTHER …), summed largest first, and their ids. */
function dispersedShare(suppliers: readonly SupplierShare[]): { share: number; ids: string[] } {
  let share = 0;
  const ids: string[] = [];
  for (const s of suppliers) {
    if (!s.aggregate) continue;
    share += s.share;
    ids.push(s.exporter);
  }
  return { share, ids };
}

/** The CRMA benchmark: the largest named supplier that is neither EU27 nor one of its members. */
function crmaBenchmarkOf(look: Lookups, named: readonly SupplierShare[], applies: boolean): CrmaBenchmark {
  const topThird = named.find((s) => !look.euMembers.has(s.exporter));
  const share = topThird?.share ?? 0;
  return {
    threshold: CRMA_SINGLE_COUNTRY_LIMIT,
    country: topThird?.exporter ?? null,
    share,
    met: share <= CRMA_SINGLE_COUNTRY_LIMIT + THRESHOLD_TOLERANCE,
    applies,
  };
}

/** The Act covers the materials of its annexes (crma_list.csv); a dataset without the list is not judged on it. */
function crmaCovers(model: Model, commodity: string): boolean {
  const list = model.tables.crmaList;
  return list.length === 0 || list.some((row) => row.commodity === commodity);
}

/** Governance-weighted HHI over the named suppliers with a WGI; those without one are listed (and noted). */
function governanceOf(named: readonly SupplierShare[], notes: string[]): GovernanceConcentration {
  const weighted: WeightedShare[] = [];
  const missing: string[] = [];
  let coveredShare = 0;
  let missingShare = 0;
  for (const s of named) {
    if (s.wgiScaled === null) {
      missing.push(s.exporter);
      missingShare += s.share;
    } else {
      weighted.push({ share: s.share, wgi: s.wgiScaled });
      coveredShare += s.share;
    }
  }
  if (missing.length > 0) {
    notes.push(`no WGI in the dataset for ${missing.join(', ')} (${pct(missingShare)} of supply): left out of the governance-weighted HHI`);
  }
  return { hhiWgi: weighted.length > 0 ? hhiWgi(weighted) : null, missing, coveredShare };
}
