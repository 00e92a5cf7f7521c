// The draw solver: the network's LP is built once and passed to one persistent HiGHS model; a draw changes only
// the bounds of the rows and columns its failures touch (a route's or asset's capacity row, an exporter's supply
// row, the columns of arcs across a lost transit state), solves from the baseline basis, and puts the bounds back.
// Two shortcuts, each exact: a draw whose changed bounds all stay at or above the baseline solution's activity
// keeps the baseline solution (it is still feasible, and the feasible set only shrank, so it is still optimal);
// and identical sets of bound changes are solved once. Pure: no I/O. See docs/methods/risk.md.
import type { Highs } from 'highs';
import { CorridorError } from '../errors.ts';
import { cloneNetwork } from '../solve/network.ts';
import type { FlowNetwork } from '../solve/network-types.ts';
import { buildLp, COLUMN, ROW, type LinearProgram } from '../solve/lp.ts';
import { solveFlows } from '../solve/index.ts';
import { parseElementId } from './elements.ts';
import type { RiskFailure } from './spec.ts';
import type { Draw } from './sample.ts';

/** A capacity large enough never to bind, given to unlimited routes and assets so that their rows exist. */
const UNLIMITED = 1e30;
const TOLERANCE = 1e-9;

/** What a draw's solve gives: unserved demand per network importer and the objective (USD). */
export interface DrawOutcome {
  unserved: Float64Array;
  /** World-market purchases per network importer. */
  world: Float64Array;
  objective: number;
}

/** How each draw was answered. */
export interface ShortcutCounts {
  /** Nothing failed. */
  none: number;
  /** Failures removed no capacity below the baseline solution: the baseline kept. */
  baselineKept: number;
  /** The same bound changes were solved before. */
  memoised: number;
  /** Solved. */
  solved: number;
}

interface Effect { routes: number[]; assets: number[]; exporters: number[]; arcs: number[] }

export class DrawSolver {
  readonly network: FlowNetwork;
  readonly lp: LinearProgram;
  readonly baseline: DrawOutcome;
  readonly counts: ShortcutCounts = { none: 0, baselineKept: 0, memoised: 0, solved: 0 };
  /** Take the shortcuts (false: solve every draw, for checking). */
  shortcuts = true;
  private readonly highs: Highs;
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly basis: ReturnType<ReturnType<Highs['createModel']>['getBasis']>;
  private readonly effects: Effect[];
  private readonly routeRow: Int32Array;
  private readonly assetRow: Int32Array;
  private readonly supplyRow: Int32Array;
  private readonly arcCols: number[][];
  private readonly routeBasis: Float64Array;
  private readonly assetBasis: Float64Array;
  private readonly rowActivity: Float64Array;
  private readonly colValue: Float64Array;
  private readonly memo = new Map<string, DrawOutcome>();

  constructor(highs: Highs, network: FlowNetwork, failures: readonly RiskFailure[]) {
    this.highs = highs;
    this.network = network;
    const net = cloneNetwork(network);
    for (const r of net.routes) if (r.open && !r.direct && !Number.isFinite(r.capacity)) r.capacity = UNLIMITED;
    for (const s of net.assets) if (!Number.isFinite(s.capacity)) s.capacity = UNLIMITED;
    const lp = buildLp(net);
    for (let i = 0; i < lp.numRows; i++) if (lp.rowUpper[i] >= UNLIMITED) lp.rowUpper[i] = Infinity;
    this.lp = lp;
    this.routeRow = new Int32Array(network.routes.length).fill(-1);
    this.assetRow = new Int32Array(network.assets.length).fill(-1);
    this.supplyRow = new Int32Array(network.exporters.length).fill(-1);
    for (let i = 0; i < lp.numRows; i++) {
      if (lp.rowKind[i] === ROW.route) this.routeRow[lp.rowRef[i]] = i;
      else if (lp.rowKind[i] === ROW.asset) this.assetRow[lp.rowRef[i]] = i;
      else if (lp.rowKind[i] === ROW.supply) this.supplyRow[lp.rowRef[i]] = i;
    }
    this.arcCols = network.arcs.map(() => []);
    for (let j = 0; j < lp.numCols; j++) if (lp.colKind[j] === COLUMN.keep || lp.colKind[j] === COLUMN.extra) this.arcCols[lp.colRef[j]].push(j);
    // Capacity a fraction is taken from: the capacity, or for an unlimited route or asset its baseline load (as cut_capacity does).
    const routeLoad = new Float64Array(network.routes.length);
    for (const a of network.arcs) routeLoad[a.route] += a.baseline;
    this.routeBasis = Float64Array.from(network.routes, (r, i) => (Number.isFinite(r.capacity) ? r.capacity : routeLoad[i]));
    this.assetBasis = Float64Array.from(network.assets, (s) => (Number.isFinite(s.capacity) ? s.capacity
      : network.routes.reduce((sum, r, i) => (r.assets.includes(s.id) ? sum + routeLoad[i] : sum), 0)));
    this.effects = failures.map((f) => this.effectOf(f));

    this.model = highs.createModel();
    this.model.options.set('output_flag', false);
    this.model.options.set('presolve', 'off');
    this.model.passModel({
      numCols: lp.numCols, numRows: lp.numRows, colCost: lp.colCost, colLower: lp.colLower, colUpper: lp.colUpper,
      rowLower: lp.rowLower, rowUpper: lp.rowUpper, offset: lp.offset,
      matrix: { format: 'csc', numRows: lp.numRows, numCols: lp.numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
    });
    this.run('baseline');
    this.basis = this.model.getBasis();
    const solution = this.model.getSolution();
    this.colValue = Float64Array.from(solution.colValue);
    this.rowActivity = Float64Array.from(solution.rowValue);
    this.baseline = this.outcome(this.colValue);
  }

  dispose(): void {
    this.model.dispose();
  }

  private effectOf(f: RiskFailure): Effect {
    const effect: Effect = { routes: [], assets: [], exporters: [], arcs: [] };
    const net = this.network;
    for (const id of f.elements) {
      const e = parseElementId(id);
      if (!e) continue;
      if (e.kind === 'route') effect.routes.push(net.routes.findIndex((r) => r.id === e.name));
      else if (e.kind === 'asset') effect.assets.push(net.assets.findIndex((s) => s.id === e.name));
      else if (e.kind === 'exporter') effect.exporters.push(net.exporters.findIndex((x) => x.id === e.name));
      else if (e.kind === 'node') net.routes.forEach((r, i) => { if (r.open && r.nodes.includes(e.name)) effect.routes.push(i); });
      else if (e.kind === 'chokepoint') net.arcs.forEach((a, i) => { if (a.chokepoints.includes(e.name)) effect.arcs.push(i); });
      else net.arcs.forEach((a, i) => { if (a.transit.includes(e.name)) effect.arcs.push(i); });
    }
    for (const key of ['routes', 'assets', 'exporters'] as const) {
      if (effect[key].includes(-1)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${f.name}: an element is not in the network of ${net.commodity} ${net.year}`);
    }
    return effect;
  }

  /** The bound changes of a draw: rows and columns with their new upper bounds, sorted by index. */
  changesOf(draw: Draw): { rows: Map<number, number>; cols: Set<number> } {
    const routeFactor = new Map<number, number>();
    const assetFactor = new Map<number, number>();
    const supplyFactor = new Map<number, number>();
    const cols = new Set<number>();
    draw.failed.forEach((k, n) => {
      const keep = 1 - draw.fractions[n];
      const effect = this.effects[k];
      for (const r of effect.routes) routeFactor.set(r, (routeFactor.get(r) ?? 1) * keep);
      for (const s of effect.assets) assetFactor.set(s, (assetFactor.get(s) ?? 1) * keep);
      for (const e of effect.exporters) supplyFactor.set(e, (supplyFactor.get(e) ?? 1) * keep);
      for (const a of effect.arcs) for (const j of this.arcCols[a]) cols.add(j);
    });
    const rows = new Map<number, number>();
    for (const [r, f] of routeFactor) if (this.routeRow[r] >= 0) rows.set(this.routeRow[r], f <= 0 ? 0 : this.routeBasis[r] * f);
    for (const [s, f] of assetFactor) if (this.assetRow[s] >= 0) rows.set(this.assetRow[s], f <= 0 ? 0 : this.assetBasis[s] * f);
    for (const [e, f] of supplyFactor) if (this.supplyRow[e] >= 0) rows.set(this.supplyRow[e], f <= 0 ? 0 : Math.max(0, this.network.exporters[e].supply) * f);
    return { rows, cols };
  }

  /** Unserved demand per importer and objective of a draw. */
  solve(draw: Draw): DrawOutcome {
    if (draw.failed.length === 0 && this.shortcuts) { this.counts.none++; return this.baseline; }
    const { rows, cols } = this.changesOf(draw);
    if (this.shortcuts) {
      let harmless = true;
      for (const [i, upper] of rows) if (this.rowActivity[i] > upper + TOLERANCE * Math.max(1, upper)) { harmless = false; break; }
      if (harmless) for (const j of cols) if (this.colValue[j] > TOLERANCE) { harmless = false; break; }
      if (harmless) { this.counts.baselineKept++; return this.baseline; }
    }
    const rowIdx = [...rows.keys()].sort((a, b) => a - b);
    const colIdx = [...cols].sort((a, b) => a - b);
    const key = `${rowIdx.map((i) => `${i}=${rows.get(i)}`).join(',')}|${colIdx.join(',')}`;
    if (this.shortcuts) {
      const known = this.memo.get(key);
      if (known) { this.counts.memoised++; return known; }
    }
    this.counts.solved++;
    const m = this.model;
    if (rowIdx.length) m.changeRowsBounds({ kind: 'set', indices: Int32Array.from(rowIdx) }, Float64Array.from(rowIdx, (i) => this.lp.rowLower[i]), Float64Array.from(rowIdx, (i) => rows.get(i)!));
    if (colIdx.length) m.changeColsBounds({ kind: 'set', indices: Int32Array.from(colIdx) }, new Float64Array(colIdx.length), new Float64Array(colIdx.length));
    // Every solve starts afresh from the baseline basis (no factorisation or pricing weights kept from the previous
    // solve), so that its answer, even among tied optima, does not depend on what was solved before.
    m.clearSolver();
    m.setBasis(this.basis);
    this.run(`draw ${draw.index}`);
    const result = this.outcome(m.getSolution().colValue);
    if (rowIdx.length) m.changeRowsBounds({ kind: 'set', indices: Int32Array.from(rowIdx) }, Float64Array.from(rowIdx, (i) => this.lp.rowLower[i]), Float64Array.from(rowIdx, (i) => this.lp.rowUpper[i]));
    if (colIdx.length) m.changeColsBounds({ kind: 'set', indices: Int32Array.from(colIdx) }, Float64Array.from(colIdx, (j) => this.lp.colLower[j]), Float64Array.from(colIdx, (j) => this.lp.colUpper[j]));
    if (this.shortcuts) this.memo.set(key, result);
    return result;
  }

  private run(label: string): void {
    const status = this.model.run().modelStatus;
    if (status !== this.highs.constants.modelStatus.optimal) {
      throw new CorridorError('CORRIDOR_ERR_SOLVER', `risk LP (${label}) of ${this.network.commodity} ${this.network.year}: HiGHS ended with status ${status}, not optimal`);
    }
  }

  private outcome(colValue: ArrayLike<number>): DrawOutcome {
    const unserved = new Float64Array(this.network.importers.length);
    const world = new Float64Array(this.network.importers.length);
    let objective = this.lp.offset;
    for (let j = 0; j < this.lp.numCols; j++) {
      objective += this.lp.colCost[j] * colValue[j];
      if (this.lp.colKind[j] === COLUMN.unserved) unserved[this.lp.colRef[j]] += Math.max(0, colValue[j]);
      else if (this.lp.colKind[j] === COLUMN.world) world[this.lp.colRef[j]] += Math.max(0, colValue[j]);
    }
    // In a two-sided market one column holds all of an importer's purchases: count those beyond its baseline ones.
    if (this.network.world.mode === 'market') this.network.importers.forEach((imp, i) => { world[i] = Math.max(0, world[i] - imp.unrecorded); });
    return { unserved, world, objective: objective * this.lp.scale };
  }
}

/**
 * The same draw solved the long way, for checking the shortcuts: the failures applied to a copy of the network
 * (capacities, supply, arcs), the LP built again and solved from scratch.
 */
export function solveDrawFull(highs: Highs, network: FlowNetwork, failures: readonly RiskFailure[], draw: Draw): DrawOutcome {
  const net = cloneNetwork(network);
  const routeLoad = new Float64Array(net.routes.length);
  for (const a of net.arcs) routeLoad[a.route] += a.baseline;
  const routeFactor = new Float64Array(net.routes.length).fill(1);
  const assetFactor = new Float64Array(net.assets.length).fill(1);
  draw.failed.forEach((k, n) => {
    const keep = 1 - draw.fractions[n];
    for (const id of failures[k].elements) {
      const e = parseElementId(id)!;
      if (e.kind === 'route') routeFactor[net.routes.findIndex((r) => r.id === e.name)] *= keep;
      else if (e.kind === 'node') net.routes.forEach((r, i) => { if (r.open && r.nodes.includes(e.name)) routeFactor[i] *= keep; });
      else if (e.kind === 'asset') assetFactor[net.assets.findIndex((s) => s.id === e.name)] *= keep;
      else if (e.kind === 'exporter') { const x = net.exporters.find((y) => y.id === e.name)!; x.supply = Math.max(0, x.supply) * keep; }
      else if (e.kind === 'chokepoint') for (const a of net.arcs) { if (a.chokepoints.includes(e.name)) a.open = false; }
      else for (const a of net.arcs) if (a.transit.includes(e.name)) a.open = false;
    }
  });
  net.routes.forEach((r, i) => { if (routeFactor[i] < 1) r.capacity = (Number.isFinite(r.capacity) ? r.capacity : routeLoad[i]) * routeFactor[i]; });
  net.assets.forEach((s, i) => {
    if (assetFactor[i] < 1) {
      const load = net.routes.reduce((sum, r, k) => (r.assets.includes(s.id) ? sum + routeLoad[k] : sum), 0);
      s.capacity = (Number.isFinite(s.capacity) ? s.capacity : load) * assetFactor[i];
    }
  });
  const sol = solveFlows(highs, net);
  return { unserved: Float64Array.from(sol.unserved), world: Float64Array.from(sol.world), objective: sol.objective };
}
