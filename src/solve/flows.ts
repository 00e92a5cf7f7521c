// The observed flows of the year, gathered per exporter, importer and route (a split bloc's own flows
// keep only what its members do not import), and the baseline imports and exports they add up to.
// Volumes are the Model's base-unit values. Pure: no I/O.
import { addVolume, total, type BlocSplit, type BuildContext, type Flow, type RouteVolumes, type Volumes } from './build-context.ts';
import { addBlocRest, routeMemberFlowsLikeBloc, takeMembersOutOfAggregate } from './blocs.ts';

/** Flows are gathered per exporter, importer and route; a split bloc's own flows keep only what its members do not import. */
export function flowVolumes(context: BuildContext, flows: Flow[], splitOf: Map<string, BlocSplit>): Volumes {
  const volume: Volumes = new Map();
  const blocFlows = new Map<string, Map<string, RouteVolumes>>(); // bloc -> exporter -> routes
  for (const f of flows) {
    if (splitOf.has(f.importer)) {
      const byExporter = blocFlows.get(f.importer) ?? new Map<string, RouteVolumes>();
      blocFlows.set(f.importer, byExporter);
      const byRoute = byExporter.get(f.exporter) ?? new Map<string, number>();
      byExporter.set(f.exporter, byRoute);
      byRoute.set(f.route, (byRoute.get(f.route) ?? 0) + f.baseVolume);
    } else {
      addVolume(volume, f.exporter, f.importer, f.route, f.baseVolume);
    }
  }
  for (const [bloc, byExporter] of blocFlows) {
    const split = splitOf.get(bloc)!;
    takeMembersOutOfAggregate(context, volume, bloc, split.members, byExporter);
    for (const [exporter, blocRoutes] of byExporter) {
      routeMemberFlowsLikeBloc(context, volume, bloc, split.members, exporter, blocRoutes);
      addBlocRest(context, volume, bloc, split, exporter, blocRoutes);
    }
  }
  for (const [bloc, { rest, members }] of splitOf) {
    context.assumptions.push(`${bloc} and its member(s) ${members.join(', ')} both appear: ${bloc} is split into ${members.join(', ')} and ${rest} (${bloc} without them); results for ${bloc} are sums.`);
  }
  return volume;
}

/** Baseline imports and exports are what the LP is kept close to when nothing changes. */
export function baselines(volume: Volumes) {
  const importerBaseline = new Map<string, number>();
  const exporterBaseline = new Map<string, number>();
  for (const [exporter, byImporter] of volume) {
    for (const [importer, routes] of byImporter) {
      const v = total(routes);
      importerBaseline.set(importer, (importerBaseline.get(importer) ?? 0) + v);
      exporterBaseline.set(exporter, (exporterBaseline.get(exporter) ?? 0) + v);
    }
  }
  return { importerBaseline, exporterBaseline };
}
