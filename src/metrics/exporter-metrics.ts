import type { BaseFlow, Model } from '../model/model.ts';
import { blocSafeFlows } from './bloc-safe-flows.ts';
import { lookups } from './lookups.ts';
import { DEPENDENCE_METHOD } from './methods.ts';
import { selectFlows } from './select-flows.ts';
import { transitExposure } from './transit-exposure.ts';
import type { DestinationShare, ExporterMetrics, RouteShare } from './types.ts';

export interface ExporterQuery {
  exporter: string;
  commodity: string;
  /** The latest year with data when omitted. */
  year?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The exporter view of dependence (docs/methods/dependence.md): destinations and routes with volumes
 * and shares, and how much of the exports crosses each other country. Flows with no route are
 * reported as "route unknown" and left out of transit exposure. A member's rows are not counted
 * when its bloc has rows of its own from the same exporter (see blocSafeFlows).
 */
export function exporterMetrics(model: Model, query: ExporterQuery, flows?: BaseFlow[]): ExporterMetrics {
  const { exporter, commodity } = query;
  const selected = selectFlows(model, { role: 'exporter', actor: exporter, commodity, year: query.year }, flows);
  const { year } = selected;
  const unit = model.commodity(commodity)!.unit;
  const notes = [...selected.notes];
  const look = lookups(model);
  const { counted, withinBloc } = blocSafeFlows(model, selected.flows);
  const total = counted.reduce((sum, f) => sum + f.baseVolume, 0);
  const share = (v: number) => (total > 0 ? v / total : 0);

  const byImporter = new Map<string, number>();
  const byRoute = new Map<string, number>();
  for (const f of counted) {
    byImporter.set(f.importer, (byImporter.get(f.importer) ?? 0) + f.baseVolume);
    byRoute.set(f.route, (byRoute.get(f.route) ?? 0) + f.baseVolume);
  }
  const destinations: DestinationShare[] = [...byImporter].map(([importer, volume]) => ({
    importer, name: look.name(importer), volume, share: share(volume),
  }));
  destinations.sort((a, b) => b.volume - a.volume || a.importer.localeCompare(b.importer));
  const routes: RouteShare[] = [...byRoute].map(([route, volume]) => ({
    route,
    name: route === '' ? 'route unknown' : model.route(route)?.name ?? route,
    volume,
    share: share(volume),
    crosses: route === '' ? [] : look.routeCountries(route).filter((c) => c !== exporter && !look.aggregates.has(c)),
  }));
  routes.sort((a, b) => Number(a.route === '') - Number(b.route === '') || b.volume - a.volume || a.route.localeCompare(b.route));

  const transit = transitExposure(model, counted, total);
  const routeUnknownShare = share(transit.routeUnknownVolume);
  if (routeUnknownShare > 0) notes.push(`${pct(routeUnknownShare)} of exports has no known route: reported as "route unknown" and left out of transit exposure`);
  const within = withinBloc.map(({ flow, bloc }) => ({ importer: flow.importer, bloc, volume: flow.baseVolume }));
  if (within.length > 0) {
    const names = [...new Set(within.map((w) => `${w.importer} (in ${w.bloc})`))].join(', ');
    notes.push(`rows to ${names} are already inside the bloc's own rows: not counted again`);
  }
  return {
    method: DEPENDENCE_METHOD,
    dataset: model.info.hash,
    exporter,
    exporterName: look.name(exporter),
    commodity,
    year,
    unit,
    total,
    destinations,
    routes,
    transitExposure: transit.exposure,
    routeUnknownShare,
    withinBloc: within,
    notes,
  };
}
