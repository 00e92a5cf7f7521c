// The map's geometry: countries from world-atlas (Natural Earth, 1:110m, packaged: no tile server) keyed by the
// dataset's ISO alpha-3 ids, and each route as the line through the nodes of its legs.
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import isoCodes from 'virtual:iso-codes';
import type { Model } from '../../src/model/model.ts';
import type { SeaLaneRow } from '../../src/model/types.ts';

export type CountryFeature = Feature<Geometry, { name: string; iso3: string }>;

let countries: CountryFeature[] | undefined;

/** The world's countries, each with its ISO alpha-3 id (world-atlas names them by ISO numeric code). */
export function worldCountries(): CountryFeature[] {
  if (countries) return countries;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  countries = collection.features.map((f) => ({ ...f, properties: { name: f.properties.name, iso3: (isoCodes as Record<string, string>)[String(f.id)] ?? '' } }));
  return countries;
}

/** A route's line through its legs' nodes, in order; undefined when a node has no coordinates. */
export function routeLine(model: Model, routeId: string): Feature<LineString, { route: string }> | undefined {
  const legs = model.legs(routeId);
  if (legs.length === 0) return undefined;
  const ids = [legs[0].from, ...legs.map((l) => l.to)];
  const coordinates: [number, number][] = [];
  for (const id of ids) {
    const node = model.tables.node.find((n) => n.id === id);
    if (!node) return undefined;
    coordinates.push([node.lon, node.lat]);
  }
  return { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { route: routeId } };
}

/**
 * Where the map draws places that have no row in nodes.csv: chokepoints of chokepoints.csv without a node of the
 * same id, and the way round Africa of a lane that avoids Suez. Drawing positions only (approximate, to 0.5°), not
 * figures of the dataset: nothing is computed from them.
 */
const DRAWING_POSITIONS: Record<string, [number, number]> = {
  turkish_straits: [29.0, 41.1], // the Bosporus at Istanbul
  hormuz: [56.4, 26.5],
  danish_straits: [12.7, 55.9], // the Øresund
  cape_of_good_hope: [18.5, -34.5],
  off_dakar: [-18.5, 14.5],
};

/** A chokepoint's position: its node's (same id) where nodes.csv has one, else its drawing position. */
export function chokepointPosition(model: Model, id: string): [number, number] | undefined {
  const node = model.tables.node.find((n) => n.id === id);
  return node ? [node.lon, node.lat] : DRAWING_POSITIONS[id];
}

/**
 * A sea lane's line: its port, then its chokepoints in order, then the importer's port when the importer is one
 * country with a port in nodes.csv. A lane given as another's alternative that leaves out Suez goes round Africa
 * (Gibraltar, off Dakar, the Cape) before its next chokepoint. Schematic: straight lines between these points.
 */
export function seaLaneLine(model: Model, lane: SeaLaneRow): Feature<LineString, { lane: string }> | undefined {
  const from = model.tables.node.find((n) => n.id === lane.from);
  if (!from) return undefined;
  const points: [number, number][] = [[from.lon, from.lat]];
  const main = model.tables.seaLane.find((l) => l.alternative === lane.id);
  const roundAfrica = main !== undefined && main.chokepoints.includes('suez') && !lane.chokepoints.includes('suez');
  const firstAfterSuez = roundAfrica ? lane.chokepoints.find((c) => main!.chokepoints.indexOf(c) > main!.chokepoints.indexOf('suez')) : undefined;
  for (const id of lane.chokepoints) {
    if (id === firstAfterSuez) {
      for (const way of ['gibraltar', 'off_dakar', 'cape_of_good_hope']) {
        const p = chokepointPosition(model, way);
        if (p) points.push(p);
      }
    }
    const p = chokepointPosition(model, id);
    if (p) points.push(p);
  }
  const port = lane.to && !model.isBloc(lane.to) ? model.tables.node.find((n) => n.country === lane.to && n.kind === 'port') : undefined;
  if (port) points.push([port.lon, port.lat]);
  if (points.length < 2) return undefined;
  return { type: 'Feature', geometry: { type: 'LineString', coordinates: points }, properties: { lane: lane.id } };
}
