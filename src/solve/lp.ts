// Turns a flow network into a linear program held in typed arrays (sparse columns, CSC), the form
// HiGHS takes without any text. Pure: no I/O. The formulation is in docs/methods/flow-model.md.
//
// Columns
//   keep_a   flow on arc a up to its baseline b_a      0 ≤ keep_a ≤ min(b_a, cap_a)   cost (c_a − λ_a)
//   extra_a  flow on arc a above its baseline          0 ≤ extra_a ≤ cap_a − keep ub   cost c_a
//   world_i  residual world-market supply to i         0 ≤ world_i ≤ access_i·D_i      cost premium
//   pool_i   world-market supply from its baseline pool 0 ≤ pool_i ≤ access_i·D_i      cost 0
//   stock_i  stock drawn by importer i                 0 ≤ stock_i ≤ S_i               cost stockDraw
//   unserved_i                                          0 ≤ unserved_i                  cost unserved
//   short_k  committed volume of agreement k not delivered                             cost shortfall
// In a two-sided world market (network.world.mode 'market'), world_i costs 0 and there is no pool column; instead
//   sell_a   an arc to the importer "world": exporter e sells to other buyers      cost c_a + discount_e
//   up_k, cut_k    supply added and demand given up by others in price band k      cost P0·(1 + m_k)
//   down_k, more_k supply cut and demand added by others as the price falls        cost −P0·(1 − m_k)
// (m_k the middle of band k, as a share of the price P0; volumes from the curve's slopes, supply up to its spare cap).
// The flow on arc a is keep_a + extra_a. The stickiness penalty λ_a·max(0, b_a − x_a) equals
// λ_a·b_a − λ_a·keep_a because the LP always fills keep_a before extra_a (keep_a is cheaper);
// the constant Σ λ_a·b_a is the objective offset. So moving away from the baseline is linear without
// deviation rows. At the baseline (x = b) the objective is Σ c_a·b_a.
//
// Rows
//   demand_i   Σ_in x + world_i + stock_i + unserved_i = D_i
//   supply_e   Σ_out x ≤ supply_e
//   route_r    Σ_{a on r} x ≤ cap_r                 (finite capacities only)
//   asset_s    Σ_{a on a route using s} x ≤ cap_s   (each route counted once)
//   world      Σ_i world_i ≤ spare                  (when limited)
//   pool       Σ_i pool_i ≤ Σ_i unrecorded_i        (the world market's baseline volume, when positive)
//   commit_k   Σ_{a of the pair} x + short_k ≥ target_k
//   choke_c    Σ_{a through chokepoint c} x ≤ cap_c     (where a capacity is published)
//   market     Σ_i world_i − Σ sell − Σ up + Σ down − Σ cut + Σ more = Σ_i unrecorded_i   (two-sided market: its dual is the price)
// Arcs through a closed chokepoint have no columns.
// Costs are divided by R (the largest of route costs and premium) so the matrix of costs is well scaled;
// objective and duals are scaled back.
import { arcCost, WORLD, type FlowNetwork, type MarketCurve } from './network.ts';
import { PRICE_BANDS } from './market.ts';

/** Kinds of columns (values of `colKind`). */
export const COLUMN = { keep: 0, extra: 1, world: 2, stock: 3, unserved: 4, shortfall: 5, worldPool: 6, supplyUp: 7, demandCut: 8, supplyDown: 9, demandMore: 10 } as const;
/** Kinds of rows (values of `rowKind`). */
export const ROW = { demand: 0, supply: 1, route: 2, asset: 3, world: 4, commitment: 5, chokepoint: 6, worldPool: 7, market: 8 } as const;

export interface LinearProgram {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC matrix: column j has entries starts[j] … starts[j+1]−1. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Constant added to the (scaled) objective. */
  offset: number;
  /** Scale: reported cost = scaled objective × scale. */
  scale: number;
  /** What each column is: its kind (a COLUMN value) and the arc, importer or commitment it belongs to. */
  colKind: Uint8Array;
  colRef: Int32Array;
  /** What each row is: its kind (a ROW value) and the importer, exporter, route, asset or commitment. */
  rowKind: Uint8Array;
  rowRef: Int32Array;
}

/** Builds the LP of a flow network. */
export function buildLp(network: FlowNetwork): LinearProgram {
  const { importers, exporters, routes, assets, arcs, commitments, world, costs, chokepoints } = network;
  const chokepointIndex = new Map(chokepoints.map((c, i) => [c.id, i]));
  const closedChokepoint = (id: string) => chokepoints[chokepointIndex.get(id) ?? -1]?.open === false;
  const importerRow = new Map<string, number>();
  const exporterRow = new Map<string, number>();
  const assetIndex = new Map<string, number>();
  assets.forEach((a, i) => assetIndex.set(a.id, i));

  // Which arcs have columns.
  const arcOpen = new Uint8Array(arcs.length);
  const routeUsed = new Uint8Array(routes.length);
  const assetUsed = new Uint8Array(assets.length);
  for (let a = 0; a < arcs.length; a++) {
    const arc = arcs[a];
    const route = routes[arc.route];
    // A route cut to capacity 0 keeps its columns: its capacity row then says what one more unit is worth.
    if (!arc.open || !route.open || arc.capacity <= 0 || arc.chokepoints.some(closedChokepoint)) continue;
    arcOpen[a] = 1;
    routeUsed[arc.route] = 1;
  }
  // Asset capacity reaches arcs through their routes.
  const routeAssets: Int32Array[] = routes.map((r) => Int32Array.from(r.assets.map((id) => assetIndex.get(id) ?? -1).filter((i) => i >= 0).sort((x, y) => x - y)));
  for (let r = 0; r < routes.length; r++) if (routeUsed[r]) for (const s of routeAssets[r]) assetUsed[s] = 1;

  // Rows, in blocks: demand, supply, route, asset, world, commitment.
  const rowKind: number[] = [];
  const rowRef: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (kind: number, ref: number, lower: number, upper: number) => {
    rowKind.push(kind); rowRef.push(ref); rowLower.push(lower); rowUpper.push(upper);
    return rowKind.length - 1;
  };
  importers.forEach((imp, i) => importerRow.set(imp.id, addRow(ROW.demand, i, imp.demand, imp.demand)));
  exporters.forEach((exp, e) => exporterRow.set(exp.id, addRow(ROW.supply, e, -Infinity, Math.max(0, exp.supply))));
  const routeRow = new Int32Array(routes.length).fill(-1);
  routes.forEach((route, r) => {
    if (routeUsed[r] && Number.isFinite(route.capacity)) routeRow[r] = addRow(ROW.route, r, -Infinity, Math.max(0, route.capacity));
  });
  const assetRow = new Int32Array(assets.length).fill(-1);
  assets.forEach((asset, s) => {
    if (assetUsed[s] && Number.isFinite(asset.capacity)) assetRow[s] = addRow(ROW.asset, s, -Infinity, Math.max(0, asset.capacity));
  });
  const worldOn = world.enabled;
  const market = worldOn && world.mode === 'market';
  const worldRow = worldOn && !market && Number.isFinite(world.spare) ? addRow(ROW.world, 0, -Infinity, Math.max(0, world.spare)) : -1;
  const poolRow = worldOn && !market && world.pool > 0 ? addRow(ROW.worldPool, 0, -Infinity, world.pool) : -1;
  const marketRow = market ? addRow(ROW.market, 0, world.pool, world.pool) : -1;
  const commitRow = commitments.map((c, k) => addRow(ROW.commitment, k, c.target, Infinity));
  const chokepointUsed = new Uint8Array(chokepoints.length);
  for (let a = 0; a < arcs.length; a++) {
    if (!arcOpen[a]) continue;
    for (const id of arcs[a].chokepoints) {
      const i = chokepointIndex.get(id);
      if (i !== undefined) chokepointUsed[i] = 1;
    }
  }
  const chokepointRow = new Int32Array(chokepoints.length).fill(-1);
  chokepoints.forEach((c, i) => {
    if (chokepointUsed[i] && Number.isFinite(c.capacity)) chokepointRow[i] = addRow(ROW.chokepoint, i, -Infinity, Math.max(0, c.capacity));
  });

  // Scale of costs.
  let reference = world.enabled ? Math.max(world.premium, market ? world.price : 0) : 0;
  for (let a = 0; a < arcs.length; a++) if (arcOpen[a]) reference = Math.max(reference, arcCost(network, arcs[a]));
  const scale = reference > 0 ? reference : 1;

  // Columns: count first, then fill typed arrays.
  let numCols = 0;
  let nnz = 0;
  const arcRows: Int32Array[] = new Array(arcs.length);
  for (let a = 0; a < arcs.length; a++) {
    if (!arcOpen[a]) continue;
    const arc = arcs[a];
    const toWorld = arc.importer === WORLD;
    if (toWorld && marketRow < 0) { arcOpen[a] = 0; continue; }
    const rows: number[] = [toWorld ? marketRow : importerRow.get(arc.importer)!];
    const er = exporterRow.get(arc.exporter);
    if (er !== undefined) rows.push(er);
    if (routeRow[arc.route] >= 0) rows.push(routeRow[arc.route]);
    for (const s of routeAssets[arc.route]) if (assetRow[s] >= 0) rows.push(assetRow[s]);
    commitments.forEach((c, k) => { if (c.exporter === arc.exporter && c.importers.includes(arc.importer)) rows.push(commitRow[k]); });
    for (const id of arc.chokepoints) {
      const row = chokepointRow[chokepointIndex.get(id) ?? -1];
      if (row !== undefined && row >= 0) rows.push(row);
    }
    rows.sort((x, y) => x - y);
    arcRows[a] = Int32Array.from(rows);
    const columns = arc.baseline > 0 ? 2 : 1;
    numCols += columns;
    nnz += columns * rows.length;
  }
  for (const imp of importers) {
    numCols += 1; nnz += 1; // unserved
    if (imp.stock > 0) { numCols += 1; nnz += 1; }
    if (worldOn && imp.worldAccess > 0) { numCols += 1; nnz += worldRow >= 0 ? 2 : 1; }
    if (poolRow >= 0 && imp.worldAccess > 0) { numCols += 1; nnz += 2; }
    if (marketRow >= 0 && imp.worldAccess > 0) nnz += 1;
  }
  numCols += commitments.length; nnz += commitments.length;
  const steps = market ? marketSteps(world.curve, world.price) : [];
  numCols += steps.length; nnz += steps.length;

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const colKind = new Uint8Array(numCols);
  const colRef = new Int32Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let col = 0;
  let k = 0;
  // One coefficient, −1, is not +1: an arc's in the market row (a sale into the market). `minus` names that row.
  const push = (kind: number, ref: number, cost: number, upper: number, rows: ArrayLike<number>, minus = -1) => {
    colKind[col] = kind; colRef[col] = ref; colCost[col] = cost / scale; colLower[col] = 0; colUpper[col] = upper;
    starts[col] = k;
    for (let i = 0; i < rows.length; i++) { indices[k] = rows[i]; values[k] = rows[i] === minus ? -1 : 1; k++; }
    col++;
  };
  let offset = 0;
  for (let a = 0; a < arcs.length; a++) {
    const arc = arcs[a];
    const lambda = costs.stickiness * arc.stickiness;
    offset += (lambda * arc.baseline) / scale;
    if (!arcOpen[a]) continue;
    const toWorld = arc.importer === WORLD;
    const cost = arcCost(network, arc) + (toWorld ? world.discounts[arc.exporter] ?? 0 : 0);
    const keepUpper = Math.min(arc.baseline, arc.capacity);
    const minus = toWorld ? marketRow : -1;
    if (arc.baseline > 0) push(COLUMN.keep, a, cost - lambda, keepUpper, arcRows[a], minus);
    push(COLUMN.extra, a, cost, Math.max(0, arc.capacity - (arc.baseline > 0 ? keepUpper : 0)), arcRows[a], minus);
  }
  importers.forEach((imp, i) => {
    const row = importerRow.get(imp.id)!;
    if (worldOn && imp.worldAccess > 0) {
      const rows = market ? [row, marketRow] : worldRow >= 0 ? [row, worldRow] : [row];
      push(COLUMN.world, i, world.premium, imp.worldAccess * imp.demand, rows.sort((x, y) => x - y));
    }
    if (poolRow >= 0 && imp.worldAccess > 0) push(COLUMN.worldPool, i, 0, imp.worldAccess * imp.demand, [row, poolRow]);
    if (imp.stock > 0) push(COLUMN.stock, i, costs.stockDraw, imp.stock, [row]);
    push(COLUMN.unserved, i, costs.unserved, Infinity, [row]);
  });
  commitments.forEach((c, j) => push(COLUMN.shortfall, j, costs.shortfall, Infinity, [commitRow[j]]));
  steps.forEach((step, j) => push(step.kind, j, step.cost, step.volume, [marketRow], step.sign < 0 ? marketRow : -1));
  starts[col] = k;

  return {
    numCols, numRows: rowKind.length, colCost, colLower, colUpper,
    rowLower: Float64Array.from(rowLower), rowUpper: Float64Array.from(rowUpper),
    starts, indices, values, offset, scale, colKind, colRef,
    rowKind: Uint8Array.from(rowKind), rowRef: Int32Array.from(rowRef),
  };
}

/** A column of the market row: a volume in one price band at its cost, entering the row with `sign`. */
interface MarketStep { kind: number; volume: number; cost: number; sign: 1 | -1 }

/**
 * The supply and demand responses as steps: in each price band the slope times the band's width, at the band's
 * middle price (a piecewise-linear cost, so the LP's marginal price rises band by band). Supply added stops at the
 * spare capacity; flat steps are offered at their own price. Bands run to +200% and down to a price of 0.
 */
export function marketSteps(curve: MarketCurve, price: number): MarketStep[] {
  const steps: MarketStep[] = [];
  let spare = curve.supplyCap;
  let from = 0;
  for (const to of PRICE_BANDS) {
    const width = (to - from) * price;
    const middle = (from + to) / 2;
    const up = Math.min(spare, curve.supplySlope * width);
    spare -= up;
    if (up > 0) steps.push({ kind: COLUMN.supplyUp, volume: up, cost: price * (1 + middle), sign: -1 });
    if (curve.demandSlope > 0) steps.push({ kind: COLUMN.demandCut, volume: curve.demandSlope * width, cost: price * (1 + middle), sign: -1 });
    if (to <= 1) {
      if (curve.supplySlope > 0) steps.push({ kind: COLUMN.supplyDown, volume: curve.supplySlope * width, cost: -price * (1 - middle), sign: 1 });
      if (curve.demandSlope > 0) steps.push({ kind: COLUMN.demandMore, volume: curve.demandSlope * width, cost: -price * (1 - middle), sign: 1 });
    }
    from = to;
  }
  for (const step of curve.supplySteps) if (step.volume > 0) steps.push({ kind: COLUMN.supplyUp, volume: step.volume, cost: step.price, sign: -1 });
  return steps;
}
