import { CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { crmAssessment } from './crm-assessment.ts';
import { exporterMetrics } from './exporter-metrics.ts';
import { flowIndex } from './flow-index.ts';
import { importerMetrics } from './importer-metrics.ts';
import { lookups } from './lookups.ts';
import { DEPENDENCE_METHOD } from './methods.ts';
import { routeUtilisation } from './route-utilisation.ts';
import type { CrmAssessment, ExporterMetrics, ImporterMetrics, Method, RouteUtilisation } from './types.ts';

export interface BaselineReportOptions {
  /** Importers whose suppliers are listed. */
  importers?: string[];
  /** Commodities of the importer section. */
  commodities?: string[];
  /** Exporter whose routes are listed, with the commodity. */
  exporter?: string;
  exporterCommodity?: string;
  /** The transit state whose share of the exporter's exports is singled out. */
  transitCountry?: string;
}

/** A section that could not be computed on this dataset, and why. */
export interface Unavailable {
  unavailable: string;
}

export interface BaselineReport {
  method: Method;
  dataset: string;
  datasetName: string;
  sources: number;
  rows: number;
  /** Importer × commodity, each at its latest year with data. */
  importers: ({ importer: string; commodity: string } & ({ metrics: ImporterMetrics } | Unavailable))[];
  exporter: { exporter: string; commodity: string; transitCountry: string } & ({ metrics: ExporterMetrics; yearNote: string; transitShare: number } | Unavailable);
  routes: RouteUtilisation[];
  crm: CrmAssessment | Unavailable;
}

export const BASELINE_DEFAULTS: Required<BaselineReportOptions> = {
  importers: ['EU27', 'FRA'],
  commodities: ['crude_oil', 'uranium'],
  exporter: 'KAZ',
  exporterCommodity: 'crude_oil',
  transitCountry: 'RUS',
};

/** Runs `compute`, turning a user-level error (no data, unknown id) into an Unavailable section. */
function attempt<T>(compute: () => T): T | Unavailable {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CorridorError) return { unavailable: error.message };
    throw error;
  }
}

/**
 * The baseline report of a dataset: the importers' suppliers and shares (latest year with data),
 * the exporter's routes and how much crosses the transit country (latest year in which most of its
 * exports have a known route, said in `yearNote`), every route's utilisation per
 * year, and the EU criticality verdicts. Sections the dataset cannot fill say why instead of failing.
 */
export function baselineReport(model: Model, options: BaselineReportOptions = {}): BaselineReport {
  const o = { ...BASELINE_DEFAULTS, ...options };
  const importers = o.importers.flatMap((importer) => o.commodities.map((commodity) => {
    const r = attempt(() => ({ metrics: importerMetrics(model, { importer, commodity }) }));
    return { importer, commodity, ...r };
  }));
  const exported = attempt(() => {
    // The latest year in which most exports have a known route and the exports are fully accounted for
    // (a remainder row to an aggregate such as OTHER closes the account); else the latest year in which
    // most exports have a known route; else the latest year. A year whose rows carry no route says
    // nothing about routes, and a year with only some buyers' rows understates the exports.
    const latest = exporterMetrics(model, { exporter: o.exporter, commodity: o.exporterCommodity });
    const own = flowIndex(model).actor('exporter', o.exporter, o.exporterCommodity);
    const { aggregates } = lookups(model);
    const accountedYears = new Set(own?.flows.filter((f) => aggregates.has(f.importer)).map((f) => f.year));
    const accounted = (year: number) => accountedYears.has(year);
    // Latest year first; a year's metrics are computed only while they can still change the choice.
    let routed: ExporterMetrics | undefined;
    let chosen: ExporterMetrics | undefined;
    for (const year of [...(own?.years ?? [])].reverse()) {
      if (routed && !accounted(year)) continue;
      const candidate = year === latest.year ? latest : exporterMetrics(model, { exporter: o.exporter, commodity: o.exporterCommodity, year });
      if (candidate.routeUnknownShare >= 0.5) continue;
      routed ??= candidate;
      if (accounted(year)) {
        chosen = candidate;
        break;
      }
    }
    const metrics = chosen ?? routed ?? latest;
    const reasons = [
      metrics.routeUnknownShare < 0.5 ? 'most exports have a known route' : '',
      accounted(metrics.year) ? 'the exports are fully accounted for (remainder rows to OTHER)' : '',
    ].filter(Boolean).join(' and ');
    const yearNote = metrics.year === latest.year
      ? `${metrics.year}: the latest year with data`
      : `${metrics.year}: the latest year in which ${reasons} (${latest.year}: ${[
        latest.routeUnknownShare >= 0.5 ? `${(latest.routeUnknownShare * 100).toFixed(0)}% of the ${o.exporterCommodity} exports have no route` : '',
        accounted(latest.year) ? '' : 'only some buyers are recorded',
      ].filter(Boolean).join('; ')})`;
    return { metrics, yearNote, transitShare: metrics.transitExposure.find((t) => t.country === o.transitCountry)?.share ?? 0 };
  });
  return {
    method: DEPENDENCE_METHOD,
    dataset: model.info.hash,
    datasetName: model.info.name,
    sources: model.tables.source.length,
    rows: Object.values(model.tables).reduce((n, t) => n + t.length, 0),
    importers,
    exporter: { exporter: o.exporter, commodity: o.exporterCommodity, transitCountry: o.transitCountry, ...exported },
    routes: routeUtilisation(model),
    crm: model.tables.crmMaterial.length > 0 ? attempt(() => crmAssessment(model)) : { unavailable: 'the dataset has no EU criticality inputs (crm_materials.csv)' },
  };
}
