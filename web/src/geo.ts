// The map's geometry: countries from world-atlas (Natural Earth, 1:110m, packaged: no tile server) keyed by the
// dataset's ISO alpha-3 ids, and each route as the line through the nodes of its legs.
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import isoCodes from 'virtual:iso-codes';
import type { Model } from '../../src/model/model.ts';

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
