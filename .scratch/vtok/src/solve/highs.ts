// The HiGHS adapter: loads the WebAssembly solver once per process, passes a LinearProgram as typed
// arrays (CSC) to a persistent model (reused across solves), runs it, checks the status and returns
// primal values and row duals.
import loadHighs, { type Highs } from 'highs';
import { CorridorError } from '../errors.ts';
import type { LinearProgram } from './lp.ts';

let loading: Promise<Highs> | undefined;

/** The solver, loaded on first use and cached (loading the WebAssembly module takes ~50 ms). */
export function loadSolver(): Promise<Highs> {
  loading ??= loadHighs().catch((error: unknown) => {
    loading = undefined;
    throw new CorridorError('CORRIDOR_ERR_SOLVER', `could not load the HiGHS solver: ${error instanceof Error ? error.message : String(error)}`);
  });
  return loading;
}

export interface LpSolution {
  /** 'optimal' (anything else throws). */
  status: string;
  /** Objective in reported units (scaled back, offset included). */
  objective: number;
  colValue: Float64Array;
  rowDual: Float64Array;
  /** Wall-clock seconds spent in the solver (model creation, run, reading the solution). */
  seconds: number;
  iterations: number;
}

const STATUS_NAMES: Record<number, string> = {
  0: 'not set', 1: 'load error', 2: 'model error', 3: 'presolve error', 4: 'solve error', 5: 'postsolve error',
  6: 'empty', 7: 'optimal', 8: 'infeasible', 9: 'unbounded or infeasible', 10: 'unbounded', 11: 'objective bound',
  12: 'objective target', 13: 'time limit', 14: 'iteration limit', 15: 'unknown', 16: 'solution limit', 17: 'interrupted',
};

type PersistentModel = ReturnType<Highs['createModel']>;

/** One persistent model per loaded solver, reused for every solve (creating one costs more than a small solve). */
const persistent = new WeakMap<Highs, PersistentModel>();

/** Below this many columns, presolve costs more than it saves. */
const PRESOLVE_FROM_COLUMNS = 2000;

/** Solves an LP with HiGHS; throws CORRIDOR_ERR_SOLVER unless the status is optimal. */
export function solveLp(highs: Highs, lp: LinearProgram, label = 'flow LP'): LpSolution {
  const started = performance.now();
  if (lp.numCols === 0) {
    return { status: 'optimal', objective: lp.offset * lp.scale, colValue: new Float64Array(0), rowDual: new Float64Array(lp.numRows), seconds: 0, iterations: 0 };
  }
  let model = persistent.get(highs);
  try {
    if (!model || model.disposed) {
      model = highs.createModel();
      model.options.set('output_flag', false);
      persistent.set(highs, model);
    }
    model.options.set('presolve', lp.numCols >= PRESOLVE_FROM_COLUMNS ? 'choose' : 'off');
    model.passModel({
      numCols: lp.numCols,
      numRows: lp.numRows,
      colCost: lp.colCost,
      colLower: lp.colLower,
      colUpper: lp.colUpper,
      rowLower: lp.rowLower,
      rowUpper: lp.rowUpper,
      offset: lp.offset,
      matrix: { format: 'csc', numRows: lp.numRows, numCols: lp.numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
    });
    const run = model.run();
    const status = run.modelStatus;
    if (status !== highs.constants.modelStatus.optimal) {
      throw new CorridorError('CORRIDOR_ERR_SOLVER', `${label}: HiGHS ended with status "${STATUS_NAMES[status] ?? status}", not optimal (${lp.numCols} columns, ${lp.numRows} rows)`);
    }
    const solution = model.getSolution();
    const objective = model.getObjectiveValue() * lp.scale;
    const iterations = Number(model.info.get('simplex_iteration_count'));
    return { status: 'optimal', objective, colValue: solution.colValue, rowDual: solution.rowDual, seconds: (performance.now() - started) / 1000, iterations };
  } catch (error) {
    if (error instanceof CorridorError) throw error;
    // Start from a fresh model next time; a WebAssembly abort leaves the whole instance unusable: reload it.
    try { model?.dispose(); } catch { /* already unusable */ }
    persistent.delete(highs);
    if (error instanceof WebAssembly.RuntimeError) loading = undefined;
    throw new CorridorError('CORRIDOR_ERR_SOLVER', `${label}: HiGHS failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
