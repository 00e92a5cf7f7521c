// A bloc (EU27) and some of its members (DEU, FRA) can both import in a dataset. The network then splits
// the bloc into those members and the rest of the bloc (EU27-rest), so that the members' imports are not
// counted twice; results for the bloc are sums over its parts. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { addVolume, round, total, type BlocSplit, type BuildContext, type Flow, type RouteVolumes, type Volumes } from './build-context.ts';
import { REST_SUFFIX, type FlowNetwork, type NetworkImporter } from './network-types.ts';

/** A bloc and its members can both appear as importers; splitting avoids counting the members' imports twice. */
export function splitBlocs(model: Model, flows: Flow[]): Map<string, BlocSplit> {
  const importerIds = new Set(flows.map((f) => f.importer));
  const splitOf = new Map<string, BlocSplit>();
  for (const id of importerIds) {
    if (!model.isBloc(id)) continue;
    const members = model.blocMembers(id).filter((m) => importerIds.has(m));
    if (members.length > 0) splitOf.set(id, { rest: `${id}${REST_SUFFIX}`, members });
  }
  return splitOf;
}

/**
 * A member's supplier that the bloc's figures do not name is inside the bloc's aggregate (OTHER):
 * take the member's volume out of the aggregate's remainder, not out of nothing.
 */
export function takeMembersOutOfAggregate(context: BuildContext, volume: Volumes, bloc: string, members: string[], byExporter: Map<string, RouteVolumes>): void {
  const aggregates = [...byExporter.keys()].filter((e) => context.model.isAggregate(e));
  if (aggregates.length === 0) return;
  for (const m of members) {
    for (const [exporter, byImporter] of volume) {
      const v = total(byImporter.get(m));
      if (v <= 0 || byExporter.has(exporter)) continue;
      const aggregate = aggregates[0];
      const routes = byExporter.get(aggregate)!;
      const sum = total(routes);
      const take = Math.min(v, sum);
      for (const [r, x] of routes) routes.set(r, sum > 0 ? x - (take * x) / sum : x);
      context.assumptions.push(`${exporter} → ${m} (${round(v)} ${context.base}) is not named in ${bloc}'s figures: it is taken out of ${aggregate} → ${bloc}.`);
    }
  }
}

/**
 * A member's flow without a route takes the routes of the bloc's flow from the same exporter
 * (the member's share travels like the bloc's), when the bloc's flow has routes.
 */
export function routeMemberFlowsLikeBloc(context: BuildContext, volume: Volumes, bloc: string, members: string[], exporter: string, blocRoutes: RouteVolumes): void {
  const routedTotal = [...blocRoutes].filter(([r]) => r !== '').reduce((s, [, v]) => s + v, 0);
  if (routedTotal <= 0) return;
  for (const m of members) {
    const byRoute = volume.get(exporter)?.get(m);
    const unrouted = byRoute?.get('') ?? 0;
    if (!byRoute || unrouted <= 0) continue;
    byRoute.delete('');
    for (const [r, v] of blocRoutes) if (r !== '') byRoute.set(r, (byRoute.get(r) ?? 0) + (unrouted * v) / routedTotal);
    context.assumptions.push(`${exporter} → ${m}: ${round(unrouted)} ${context.base} without a route is given the routes of ${exporter} → ${bloc} (${[...blocRoutes.keys()].filter(Boolean).join(', ')}) in proportion.`);
  }
}

/** The rest of a bloc imports what the bloc does minus what its members import, on the routes the members leave. */
export function addBlocRest(context: BuildContext, volume: Volumes, bloc: string, split: BlocSplit, exporter: string, blocRoutes: RouteVolumes): void {
  const { rest, members } = split;
  const memberRoutes = new Map<string, number>();
  for (const m of members) for (const [r, v] of volume.get(exporter)?.get(m) ?? []) memberRoutes.set(r, (memberRoutes.get(r) ?? 0) + v);
  const restTotal = total(blocRoutes) - total(memberRoutes);
  if (restTotal < -1e-9 * Math.max(1, total(blocRoutes))) {
    context.assumptions.push(
      `${exporter}'s flows to ${members.join('+')} (${round(total(memberRoutes))} ${context.base}) exceed its flow to ${bloc} (${round(total(blocRoutes))} ${context.base}); ` +
        `the rest of ${bloc} gets nothing from ${exporter}.`,
    );
  }
  if (restTotal <= 1e-12) return;
  // Spread the rest over the bloc's routes after taking out what the members receive on each route.
  const raw = new Map<string, number>();
  for (const [r, v] of blocRoutes) raw.set(r, Math.max(0, v - (memberRoutes.get(r) ?? 0)));
  const rawTotal = total(raw);
  for (const [r, v] of raw) addVolume(volume, exporter, rest, r, rawTotal > 0 ? (v * restTotal) / rawTotal : 0);
}

/** Rest id → the bloc it is part of, to look up the bloc's own figures. */
export function restBlocs(splitOf: Map<string, BlocSplit>): Map<string, string> {
  const restOf = new Map<string, string>();
  for (const [bloc, { rest }] of splitOf) restOf.set(rest, bloc);
  return restOf;
}

/** A scenario may name a bloc that does not import on its own (e.g. an embargo by the EU): it stands for its importing members. */
export function unsplitBlocMembers(model: Model, splitOf: Map<string, BlocSplit>, importers: NetworkImporter[]): Record<string, string[]> {
  return Object.fromEntries(model.tables.bloc
    .filter((b) => !splitOf.has(b.id) && !importers.some((i) => i.id === b.id))
    .map((b) => [b.id, model.blocMembers(b.id).filter((m) => importers.some((i) => i.id === m))] as [string, string[]])
    .filter(([, members]) => members.length > 0));
}

/**
 * Importer parts an actor id stands for: a split bloc's parts; the id itself when it is an importer; for a
 * bloc that does not import on its own, its members that do.
 */
export function importerParts(network: FlowNetwork, id: string): string[] {
  const bloc = network.blocs.find((b) => b.id === id);
  if (bloc) return bloc.parts;
  if (network.importers.some((i) => i.id === id)) return [id];
  return network.blocMembers[id] ?? [];
}
