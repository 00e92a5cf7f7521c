// The flow network of one commodity and year, built from a dataset: exporters with supply, importers
// with demand, routes (with their countries, nodes and shared assets) and the arcs exporter → importer
// by route that the LP may use. Pure: no I/O. Scenarios edit a copy of it (src/scenario/apply.ts);
// src/solve/lp.ts turns it into typed arrays for the solver. See docs/methods/flow-model.md.
//
// Each step has its own module: blocs.ts (a bloc split into members and the rest), flows.ts (observed
// volumes and baselines), demand-supply.ts (importers and exporters), routes.ts (routes, assets, arcs),
// costs.ts (price, fees, world market and penalties). Every quantity comes from the Model already in
// base units; nothing here converts units.
import type { Model } from '../model/model.ts';
import { CorridorError, available } from '../errors.ts';
import type { BuildContext } from './build-context.ts';
import { splitBlocs, unsplitBlocMembers } from './blocs.ts';
import { baselines, flowVolumes } from './flows.ts';
import { addStocks, buildExporters, buildImporters } from './demand-supply.ts';
import { buildArcs, buildAssets, buildRoutes, buildSea } from './routes.ts';
import { datasetGiven, readPrice, readTransitFees, resolveCosts } from './costs.ts';
import type { FlowNetwork, MarketCurve } from './network-types.ts';
import { addSubstitute, addWorldArcs, readMarket } from './market.ts';

export * from './network-types.ts';
export { importerParts } from './blocs.ts';
export { arcCost, arcPassage, directRoute, laneChoices, transitStates } from './routes.ts';
export { resolveCosts } from './costs.ts';
export { WORLD, clearingPriceChange, marketResponse, resolveMarket } from './market.ts';

/** Builds the baseline flow network of a commodity and year. */
export function buildNetwork(model: Model, query: { commodity: string; year: number }): FlowNetwork {
  const { commodity, flows } = commodityFlows(model, query);
  const context: BuildContext = { model, commodity, query, base: commodity.unit, assumptions: [], settings: [] };
  const splitOf = splitBlocs(model, flows);
  const volume = flowVolumes(context, flows, splitOf);
  const { importerBaseline, exporterBaseline } = baselines(volume);
  const importers = buildImporters(context, splitOf, importerBaseline);
  addStocks(context, importers, splitOf);
  const exporters = buildExporters(context, exporterBaseline);
  const { routes, routeIndex } = buildRoutes(context, flows);
  const assets = buildAssets(model, query.commodity);
  const sea = buildSea(context);
  const arcs = buildArcs(context, volume, routes, routeIndex, importers, exporters, sea);
  const { price, priceGiven } = readPrice(context);
  const transitFees = readTransitFees(context);
  const network: FlowNetwork = {
    commodity: query.commodity, year: query.year, unit: context.base, fungible: commodity.fungible,
    exporters, importers, routes, assets, chokepoints: sea.chokepoints, lanes: sea.lanes, arcs,
    blocs: [...splitOf].map(([id, s]) => ({ id, parts: [...s.members, s.rest] })),
    blocMembers: unsplitBlocMembers(model, splitOf, importers),
    commitments: [],
    world: {
      enabled: commodity.fungible, mode: 'residual', premium: 0, spare: Infinity, pool: commodity.fungible ? importers.reduce((s, i) => s + i.unrecorded, 0) : 0,
      price: 0, curve: NO_CURVE, steep: NO_CURVE, flat: NO_CURVE, discounts: {},
    },
    costs: { stickiness: 0, stockDraw: 0, unserved: 0, shortfall: 0, timeValue: 0 },
    price, priceUnit: '', priceUnitFactor: 1, transitFees, settings: context.settings, assumptions: context.assumptions, given: {},
  };
  const shown = model.priceUnit(query.commodity, price !== undefined ? priceGiven?.unit : undefined);
  network.priceUnit = shown.unit;
  network.priceUnitFactor = shown.perBase;
  if (commodity.fungible) readMarket(context, network);
  if (network.world.mode === 'market') addWorldArcs(context, network);
  addSubstitute(context, network);
  network.given = datasetGiven(model, query);
  resolveCosts(network);
  return network;
}

/** A world market without a response (residual mode, or no world market). */
export const NO_CURVE: MarketCurve = { supplySlope: 0, supplyCap: 0, supplySteps: [], demandSlope: 0 };

/** A network needs a known commodity with flows in the year: say which ones exist otherwise. */
function commodityFlows(model: Model, query: { commodity: string; year: number }) {
  const commodity = model.commodity(query.commodity);
  if (!commodity) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown commodity "${query.commodity}" (available: ${available(model.tables.commodity.map((c) => c.id))})`);
  }
  const flows = model.flows({ commodity: query.commodity, year: query.year });
  if (flows.length === 0) {
    throw new CorridorError('CORRIDOR_ERR_NO_DATA', `no flows of ${query.commodity} in ${query.year} (years with flows: ${available(model.flowYears(query.commodity))})`);
  }
  return { commodity, flows };
}

/** A deep copy that scenario changes can edit. */
export function cloneNetwork(network: FlowNetwork): FlowNetwork {
  return {
    ...network,
    exporters: network.exporters.map((e) => ({ ...e })),
    importers: network.importers.map((i) => ({ ...i, countries: [...i.countries] })),
    routes: network.routes.map((r) => ({ ...r, countries: [...r.countries], nodes: [...r.nodes], assets: [...r.assets], chokepoints: r.chokepoints && [...r.chokepoints] })),
    assets: network.assets.map((a) => ({ ...a })),
    chokepoints: network.chokepoints.map((c) => ({ ...c })),
    lanes: network.lanes.map((l) => ({ ...l, chokepoints: [...l.chokepoints] })),
    arcs: network.arcs.map((a) => ({ ...a, transit: [...a.transit], chokepoints: [...a.chokepoints] })),
    blocs: network.blocs.map((b) => ({ ...b, parts: [...b.parts] })),
    blocMembers: Object.fromEntries(Object.entries(network.blocMembers).map(([k, v]) => [k, [...v]])),
    commitments: network.commitments.map((c) => ({ ...c, importers: [...c.importers] })),
    world: { ...network.world, discounts: { ...network.world.discounts } },
    costs: { ...network.costs },
    transitFees: { ...network.transitFees },
    given: { ...network.given },
    givenDiscounts: network.givenDiscounts && { ...network.givenDiscounts },
    settings: network.settings.map((s) => ({ ...s })),
    assumptions: [...network.assumptions],
  };
}
