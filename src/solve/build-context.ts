// What the steps that build a flow network share: the dataset and query they read, the notes they leave
// for the result, and the volumes gathered per exporter, importer and route. Pure: no I/O.
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import type { NetworkSetting } from './network-types.ts';

/** Figures in notes and default settings are rounded to 4 decimals: enough to read, short enough for a sentence. */
export function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** What every step of buildNetwork reads, and the notes it leaves for the result. */
export interface BuildContext {
  model: Model;
  commodity: CommodityRow;
  query: { commodity: string; year: number };
  /** Base unit of the commodity. */
  base: string;
  assumptions: string[];
  settings: NetworkSetting[];
}

/** A bloc that appears beside some of its members: the members that import on their own, and the id of the rest. */
export interface BlocSplit {
  rest: string;
  members: string[];
}

/** Volume by route ('' = route not given). */
export type RouteVolumes = Map<string, number>;

/** Volume by exporter → importer → route. */
export type Volumes = Map<string, Map<string, RouteVolumes>>;

/** A flow row with its volume in the commodity's base unit. */
export type Flow = ReturnType<Model['flows']>[number];

/** Empty flows are left out, so that they create no arc. */
export function addVolume(volume: Volumes, exporter: string, importer: string, route: string, v: number): void {
  if (!(v > 0)) return;
  const byImporter = volume.get(exporter) ?? new Map<string, RouteVolumes>();
  volume.set(exporter, byImporter);
  const byRoute = byImporter.get(importer) ?? new Map<string, number>();
  byImporter.set(importer, byRoute);
  byRoute.set(route, (byRoute.get(route) ?? 0) + v);
}

/** Sum of the volumes of a map (0 for none). */
export function total(m: Map<string, number> | undefined): number {
  return [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);
}
