// The LP of a stage network (docs/methods/value-chains.md, "Flows across stages"): material must pass every
// stage, each country's stage capacity is shared by the buyers that may use it, and what a buyer is short of
// at its demand stage is left unserved. Solved with HiGHS (./highs.ts). Pure: no I/O.
//
// Columns (b a buyer, s a stage, n a country node of s)
//   x[s,n,b]   output of stage s in node n for buyer b      0 ≤ x       (no column where b may not use n)
//   free[s,b]  output of a stage without capacity figures   0 ≤ free          (only for such a stage)
//   u[b]       b's demand not served                         0 ≤ u ≤ D_b       cost 1
// Rows
//   cap[s,n]     Σ_b x[s,n,b] ≤ cap_n                                (a node an agreement opens has one buyer)
//   pass[s,b]    Σ_n x[s−1,n,b] + free[s−1,b] − r_s·(Σ_n x[s,n,b] + free[s,b]) = 0     (s ≥ 2; r_s = input per unit)
//   demand[b]    Σ_n x[S,n,b] + free[S,b] + u[b] = D_b
// The objective is the final product not delivered, Σ_b u[b], in the demand stage's unit: no money is
// involved, so the objective of a hand-worked network is the shortfall worked out by hand.
// Later solves keep the shortfall at its optimum: one shares a shortage between buyers in proportion to their demand
// (as far as each one's access allows), one takes as much of the supply agreements open as the buyers need (a
// contract is delivered before spot purchases).
import type { Highs } from 'highs';
import { solveLp } from './highs.ts';
import type { LinearProgram } from './lp.ts';
import { isLimited, type StageNetwork } from './stage-network.ts';

/** Tolerance on the optimal shortfall when it is held in the later solves. */
const HOLD_TOLERANCE = 1e-9;

interface Column { cost: number; lower: number; upper: number; entries: [number, number][] }

/** What each column and row stands for, to read the solution back. */
interface StageLpIndex {
  /** x[s][n][b] → column (or -1 when the buyer may not use the node). */
  x: number[][][];
  free: number[][];
  unserved: number[];
  /** Capacity row of node n of stage s. */
  capRow: number[][];
}

interface BuiltLp { columns: Column[]; rowLower: number[]; rowUpper: number[]; index: StageLpIndex }

function mayUse(net: StageNetwork, s: number, n: number, buyer: string): boolean {
  const node = net.stages[s].nodes[n];
  if (node.onlyFor !== undefined && node.onlyFor !== buyer) return false;
  return !net.closures.some((c) => c.stage === net.stages[s].stage && c.country === node.country && c.importer === buyer);
}

function build(net: StageNetwork): BuiltLp {
  const columns: Column[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lower: number, upper: number) => { rowLower.push(lower); rowUpper.push(upper); return rowLower.length - 1; };
  const addColumn = (cost: number, upper: number) => { columns.push({ cost, lower: 0, upper, entries: [] }); return columns.length - 1; };
  const last = net.stages.length - 1;
  const index: StageLpIndex = { x: [], free: [], unserved: [], capRow: [] };
  net.stages.forEach((level, s) => {
    // Every node has its capacity row (even one a single buyer uses), so its dual says what the capacity is worth.
    index.capRow[s] = level.nodes.map((node) => addRow(-Infinity, node.capacity));
  });
  net.buyers.forEach((buyer, b) => {
    // pass[s,b] for s ≥ 1 (0-based), then demand[b].
    const passRow = net.stages.map((_, s) => (s === 0 ? -1 : addRow(0, 0)));
    const demandRow = addRow(buyer.demand, buyer.demand);
    net.stages.forEach((level, s) => {
      index.x[s] ??= level.nodes.map(() => []);
      index.free[s] ??= [];
      const place = (col: number) => {
        if (s > 0) columns[col].entries.push([passRow[s], -level.inputPerUnit]);
        if (s < last) columns[col].entries.push([passRow[s + 1], 1]);
        else columns[col].entries.push([demandRow, 1]);
      };
      level.nodes.forEach((node, n) => {
        if (!mayUse(net, s, n, buyer.importer)) { index.x[s][n][b] = -1; return; }
        const col = addColumn(0, Infinity);
        index.x[s][n][b] = col;
        columns[col].entries.push([index.capRow[s][n], 1]);
        place(col);
      });
      index.free[s][b] = -1;
      if (!isLimited(level)) { index.free[s][b] = addColumn(0, Infinity); place(index.free[s][b]); }
    });
    const u = addColumn(1, buyer.demand);
    columns[u].entries.push([demandRow, 1]);
    index.unserved[b] = u;
  });
  return { columns, rowLower, rowUpper, index };
}

/** The columns and rows as HiGHS takes them (CSC). */
function toLinearProgram(columns: Column[], rowLower: number[], rowUpper: number[]): LinearProgram {
  const starts = new Int32Array(columns.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  columns.forEach((c, j) => {
    for (const [row, value] of [...c.entries].sort((a, b) => a[0] - b[0])) { indices.push(row); values.push(value); }
    starts[j + 1] = indices.length;
  });
  return {
    numCols: columns.length,
    numRows: rowLower.length,
    colCost: Float64Array.from(columns.map((c) => c.cost)),
    colLower: Float64Array.from(columns.map((c) => c.lower)),
    colUpper: Float64Array.from(columns.map((c) => c.upper)),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    offset: 0,
    scale: 1,
    colKind: new Uint8Array(columns.length),
    colRef: new Int32Array(columns.length),
    rowKind: new Uint8Array(rowLower.length),
    rowRef: new Int32Array(rowLower.length),
  };
}

export interface StageSolution {
  network: StageNetwork;
  /** Final product not delivered, summed over buyers, in the demand stage's unit. */
  objective: number;
  /** Per buyer: served and unserved, in the demand stage's unit. */
  served: number[];
  unserved: number[];
  /** Output per stage and node, summed over buyers; and per buyer: output[s][n][b]. */
  nodeOutput: number[][];
  output: number[][][];
  /** Output of a stage without capacity figures, per stage (summed over buyers). */
  freeOutput: number[];
  /**
   * Final product one more unit of a node's capacity would deliver (the dual of its capacity row, in units of the
   * final product per unit of the stage); 0 when the capacity does not bind.
   */
  nodeShadow: number[][];
  seconds: number;
}

/**
 * Solves the stage network in three steps, each holding what the one before reached: (1) the least shortfall;
 * (2) where capacity is short, every buyer served the same share of its demand as far as its access allows
 * (the largest share all buyers can get at once); (3) as much of the supply agreements open as the buyers take.
 */
export function solveStageNetwork(highs: Highs, net: StageNetwork): StageSolution {
  const built = build(net);
  const first = solveLp(highs, toLinearProgram(built.columns, built.rowLower, built.rowUpper), `stage LP of ${net.commodity}`);
  const holdShortfall: Hold = { entries: built.index.unserved.map((u) => [u, 1]), lower: -Infinity, upper: first.objective + HOLD_TOLERANCE * Math.max(1, first.objective) };
  let colValue = first.colValue;
  let seconds = first.seconds;
  const holds = [holdShortfall];
  if (first.objective > HOLD_TOLERANCE && net.buyers.length > 1) {
    // The share t (column numCols): served_b ≥ t·D_b, i.e. −u_b − t·D_b ≥ −D_b; maximise t.
    const shareCol = built.columns.length;
    const shareRows: Hold[] = net.buyers.map((buyer, b) => ({ entries: [[built.index.unserved[b], -1], [shareCol, -buyer.demand]], lower: -buyer.demand, upper: Infinity }));
    const fair = solveHolding(highs, net, built, holds.concat(shareRows), [[shareCol, -1]], 1);
    const share = fair.colValue[shareCol];
    holds.push(...net.buyers.map((buyer, b): Hold => ({ entries: [[built.index.unserved[b], 1]], lower: -Infinity, upper: buyer.demand * (1 - share) + HOLD_TOLERANCE * Math.max(1, buyer.demand) })));
    colValue = fair.colValue;
    seconds += fair.seconds;
  }
  const agreementColumns = agreementColumnsOf(net, built.index);
  if (agreementColumns.length > 0) {
    const second = solveHolding(highs, net, built, holds, agreementColumns.map((c) => [c, -1]));
    colValue = second.colValue;
    seconds += second.seconds;
  }
  const { index } = built;
  const value = (col: number) => (col >= 0 ? colValue[col] : 0);
  const output = net.stages.map((level, s) => level.nodes.map((_, n) => net.buyers.map((_, b) => value(index.x[s][n][b]))));
  return {
    network: net,
    objective: first.objective,
    unserved: net.buyers.map((_, b) => value(index.unserved[b])),
    served: net.buyers.map((buyer, b) => buyer.demand - value(index.unserved[b])),
    output,
    nodeOutput: output.map((nodes) => nodes.map((perBuyer) => perBuyer.reduce((a, v) => a + v, 0))),
    freeOutput: net.stages.map((_, s) => net.buyers.reduce((a, __, b) => a + value(index.free[s]?.[b] ?? -1), 0)),
    // A capacity row's dual is the change in shortfall per unit of capacity (≤ 0): its negative is what one more unit delivers.
    nodeShadow: net.stages.map((_, s) => index.capRow[s].map((row) => Math.max(0, -first.rowDual[row]))),
    seconds,
  };
}

/** Served volume of each buyer at its least and at its most, among the solutions with the least shortfall. */
export function servedRange(highs: Highs, net: StageNetwork, objective: number): { min: number; max: number }[] {
  const built = build(net);
  const hold: Hold = { entries: built.index.unserved.map((u) => [u, 1]), lower: -Infinity, upper: objective + HOLD_TOLERANCE * Math.max(1, objective) };
  return net.buyers.map((buyer, b) => {
    const u = built.index.unserved[b];
    // Most unserved = least served, and the other way round.
    const most = solveHolding(highs, net, built, [hold], [[u, -1]]);
    const least = solveHolding(highs, net, built, [hold], [[u, 1]]);
    return { min: buyer.demand - most.colValue[u], max: buyer.demand - least.colValue[u] };
  });
}

/** A row that holds what an earlier step reached: lower ≤ Σ coefficient·column ≤ upper. */
interface Hold { entries: [number, number][]; lower: number; upper: number }

/**
 * Solves with extra rows (`holds`) and another objective (column, cost) in place of the shortfall's; `extraColumns`
 * columns are added after the network's, from 0 to 1 (the share of the fair step).
 */
function solveHolding(highs: Highs, net: StageNetwork, built: BuiltLp, holds: Hold[], costs: [number, number][], extraColumns = 0) {
  const columns = built.columns.map((c) => ({ ...c, cost: 0, entries: [...c.entries] }));
  for (let k = 0; k < extraColumns; k++) columns.push({ cost: 0, lower: 0, upper: 1, entries: [] });
  const rowLower = [...built.rowLower];
  const rowUpper = [...built.rowUpper];
  for (const hold of holds) {
    const row = rowLower.length;
    rowLower.push(hold.lower);
    rowUpper.push(hold.upper);
    for (const [col, coef] of hold.entries) columns[col].entries.push([row, coef]);
  }
  for (const [col, cost] of costs) columns[col].cost = cost;
  return solveLp(highs, toLinearProgram(columns, rowLower, rowUpper), `stage LP of ${net.commodity}`);
}

function agreementColumnsOf(net: StageNetwork, index: StageLpIndex): number[] {
  const cols: number[] = [];
  net.stages.forEach((level, s) => level.nodes.forEach((node, n) => {
    if (node.onlyFor === undefined) return;
    for (const col of index.x[s][n]) if (col >= 0) cols.push(col);
  }));
  return cols;
}
