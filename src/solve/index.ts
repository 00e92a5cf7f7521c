// The flow model: build the LP of a network, solve it with HiGHS, and read back flows, unserved
// demand, what binds and the shadow prices of capacities. See docs/methods/flow-model.md.
import type { Highs } from 'highs';
import { arcCost, WORLD, type FlowNetwork } from './network.ts';
import { buildLp, COLUMN, ROW, type LinearProgram } from './lp.ts';
import { solveLp } from './highs.ts';

export { FLOW_METHOD, buildNetwork, cloneNetwork, DIRECT_PREFIX, REST_SUFFIX, WORLD, clearingPriceChange, marketResponse } from './network.ts';
export type { FlowNetwork, NetworkArc, NetworkRoute, NetworkImporter, NetworkExporter, NetworkAsset } from './network.ts';
export { buildLp } from './lp.ts';
export type { LinearProgram } from './lp.ts';
export { loadSolver, solveLp } from './highs.ts';

export interface CostBreakdown {
  /** Route costs (and time value) of all flows. */
  transport: number;
  /** Stickiness penalty for flows below their baseline. */
  stickiness: number;
  world: number;
  /** Two-sided market: cost of the supply added and value of the demand given up by others, less the savings as the price falls. */
  market: number;
  /** Two-sided market: discounts on volumes sold to other buyers. */
  discount: number;
  stock: number;
  unserved: number;
  shortfall: number;
}

export interface FlowSolution {
  network: FlowNetwork;
  lp: LinearProgram;
  status: string;
  objective: number;
  seconds: number;
  iterations: number;
  /** Flow per arc (base unit). */
  arcFlow: Float64Array;
  /** Per importer (same order as network.importers): world-market purchases at the premium (two-sided market: the change from its unrecorded imports, negative when it buys less). */
  world: Float64Array;
  /** Per importer: world-market purchases from its baseline pool (unrecorded imports), at no premium (two-sided market: its unrecorded imports). */
  worldPool: Float64Array;
  /** Per chokepoint (same order as network.chokepoints): flow through it. */
  chokepointFlow: Float64Array;
  stock: Float64Array;
  unserved: Float64Array;
  /** Marginal cost of one more unit of demand (dual of the demand row). */
  demandPrice: Float64Array;
  /** Per exporter: flow exported and the value of one more unit of export capacity. */
  exported: Float64Array;
  supplyShadow: Float64Array;
  /** Per route: flow, value of one more unit of capacity, whether the capacity binds. */
  routeFlow: Float64Array;
  routeShadow: Float64Array;
  routeBinding: Uint8Array;
  /** Per asset. */
  assetFlow: Float64Array;
  assetShadow: Float64Array;
  assetBinding: Uint8Array;
  /** Per commitment: volume not delivered. */
  shortfall: Float64Array;
  worldShadow: number;
  /**
   * Two-sided market (zeros otherwise). Per exporter: volume sold to other buyers through the world market. The net
   * shortage the market absorbs (purchases beyond the baseline pool less sales into it; negative: a surplus), as
   * supply added (negative: cut) and demand that buyers outside the network give up (negative: take more), and the
   * market row's dual (the LP's marginal price, per base unit, in price bands).
   */
  sales: Float64Array;
  market: { net: number; supply: number; demand: number; dual: number };
  costs: CostBreakdown;
}

const TOLERANCE = 1e-7;

function binds(flow: number, capacity: number): boolean {
  return Number.isFinite(capacity) && flow >= capacity - TOLERANCE * Math.max(1, Math.abs(capacity));
}

/** Solves the flow LP of a network (the solver must be loaded: `await loadSolver()`). */
export function solveFlows(highs: Highs, network: FlowNetwork): FlowSolution {
  const lp = buildLp(network);
  const result = solveLp(highs, lp, `flow LP of ${network.commodity} ${network.year}`);
  const { importers, exporters, routes, assets, arcs, commitments } = network;
  const arcFlow = new Float64Array(arcs.length);
  const world = new Float64Array(importers.length);
  const worldPool = new Float64Array(importers.length);
  const stock = new Float64Array(importers.length);
  const unserved = new Float64Array(importers.length);
  const shortfall = new Float64Array(commitments.length);
  const costs: CostBreakdown = { transport: 0, stickiness: 0, world: 0, market: 0, discount: 0, stock: 0, unserved: 0, shortfall: 0 };
  const market = { net: 0, supply: 0, demand: 0, dual: 0 };
  for (let j = 0; j < lp.numCols; j++) {
    const v = Math.max(0, result.colValue[j]);
    const ref = lp.colRef[j];
    switch (lp.colKind[j]) {
      case COLUMN.keep: case COLUMN.extra: arcFlow[ref] += v; break;
      case COLUMN.world: world[ref] += v; break;
      case COLUMN.worldPool: worldPool[ref] += v; break;
      case COLUMN.stock: stock[ref] += v; break;
      case COLUMN.unserved: unserved[ref] += v; break;
      case COLUMN.shortfall: shortfall[ref] += v; break;
      case COLUMN.supplyUp: market.supply += v; break;
      case COLUMN.supplyDown: market.supply -= v; break;
      case COLUMN.demandCut: market.demand += v; break;
      case COLUMN.demandMore: market.demand -= v; break;
    }
    if (lp.colKind[j] >= COLUMN.supplyUp) costs.market += v * lp.colCost[j] * lp.scale;
  }
  for (let a = 0; a < arcs.length; a++) {
    costs.transport += arcCost(network, arcs[a]) * arcFlow[a];
    costs.stickiness += network.costs.stickiness * arcs[a].stickiness * Math.max(0, arcs[a].baseline - arcFlow[a]);
  }
  for (let i = 0; i < importers.length; i++) {
    costs.world += network.world.premium * world[i];
    costs.stock += network.costs.stockDraw * stock[i];
    costs.unserved += network.costs.unserved * unserved[i];
  }
  for (let c = 0; c < commitments.length; c++) costs.shortfall += network.costs.shortfall * shortfall[c];

  const exported = new Float64Array(exporters.length);
  const sales = new Float64Array(exporters.length);
  const exporterIndex = new Map(exporters.map((e, i) => [e.id, i]));
  const routeFlow = new Float64Array(routes.length);
  for (let a = 0; a < arcs.length; a++) {
    const e = exporterIndex.get(arcs[a].exporter);
    if (e !== undefined) exported[e] += arcFlow[a];
    if (e !== undefined && arcs[a].importer === WORLD) sales[e] += arcFlow[a];
    routeFlow[arcs[a].route] += arcFlow[a];
  }
  if (network.world.mode === 'market' && network.world.enabled) {
    // One column holds all of an importer's purchases: its baseline ones (its unrecorded imports) count as the pool,
    // the change as world-market purchases (negative when it buys less), so sums over importers are net changes.
    importers.forEach((imp, i) => { worldPool[i] = imp.unrecorded; world[i] -= imp.unrecorded; });
    exporters.forEach((exp, e) => { costs.discount += (network.world.discounts[exp.id] ?? 0) * sales[e]; });
    market.net = world.reduce((x, y) => x + y, 0) + worldPool.reduce((x, y) => x + y, 0) - network.world.pool - sales.reduce((x, y) => x + y, 0);
  }
  const chokepointIndex = new Map(network.chokepoints.map((c, i) => [c.id, i]));
  const chokepointFlow = new Float64Array(network.chokepoints.length);
  arcs.forEach((arc, a) => { for (const id of arc.chokepoints) { const c = chokepointIndex.get(id); if (c !== undefined) chokepointFlow[c] += arcFlow[a]; } });
  const assetIndex = new Map(assets.map((s, i) => [s.id, i]));
  const assetFlow = new Float64Array(assets.length);
  routes.forEach((r, i) => { for (const id of r.assets) { const s = assetIndex.get(id); if (s !== undefined) assetFlow[s] += routeFlow[i]; } });

  // Duals: HiGHS gives d(objective)/d(row bound); one more unit of a ≤ capacity is worth −dual.
  const demandPrice = new Float64Array(importers.length);
  const supplyShadow = new Float64Array(exporters.length);
  const routeShadow = new Float64Array(routes.length);
  const assetShadow = new Float64Array(assets.length);
  let worldShadow = 0;
  for (let r = 0; r < lp.numRows; r++) {
    const dual = result.rowDual[r] * lp.scale;
    const ref = lp.rowRef[r];
    const value = dual === 0 ? 0 : -dual; // avoid -0
    switch (lp.rowKind[r]) {
      case ROW.demand: demandPrice[ref] = dual === 0 ? 0 : dual; break;
      case ROW.supply: supplyShadow[ref] = value; break;
      case ROW.route: routeShadow[ref] = value; break;
      case ROW.asset: assetShadow[ref] = value; break;
      case ROW.world: worldShadow = value; break;
      case ROW.market: market.dual = dual; break;
    }
  }
  const routeBinding = new Uint8Array(routes.length);
  routes.forEach((r, i) => { routeBinding[i] = r.open && binds(routeFlow[i], r.capacity) ? 1 : 0; });
  const assetBinding = new Uint8Array(assets.length);
  assets.forEach((s, i) => { assetBinding[i] = binds(assetFlow[i], s.capacity) ? 1 : 0; });

  return {
    network, lp, status: result.status, objective: result.objective, seconds: result.seconds, iterations: result.iterations,
    arcFlow, world, worldPool, chokepointFlow, stock, unserved, demandPrice, exported, supplyShadow, routeFlow, routeShadow, routeBinding,
    assetFlow, assetShadow, assetBinding, shortfall, worldShadow, sales, market, costs,
  };
}
