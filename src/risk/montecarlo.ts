// Monte Carlo over a risk spec: draws of failures, each solved by DrawSolver, summarised per importer (expected
// unserved demand, P50, P95, P99, standard error), with the elements most often failed in the worst 5% of draws
// and a convergence check. Draw i depends only on (seed, i), so the result is the same whatever the order,
// batching or number of workers. Pure: no I/O. See docs/methods/risk.md.
import type { Highs } from 'highs';
import type { FlowNetwork } from '../solve/network-types.ts';
import { DrawSolver, type ShortcutCounts } from './engine.ts';
import { reportedImporters } from './n1.ts';
import { RISK_METHOD } from './method.ts';
import { sampleDraw } from './sample.ts';
import type { RiskSpec } from './spec.ts';

/** Per-draw results of a batch of draws: unserved per reported importer (draw-major) and the failures. */
export interface DrawBatch {
  start: number;
  count: number;
  /** count × importers, unserved demand of each reported importer in each draw. */
  unserved: Float64Array;
  /** count × importers, world-market purchases. */
  world: Float64Array;
  /** Objective of each draw less the baseline objective (USD million). */
  costChange: Float64Array;
  /** Failure indices of each draw. */
  failed: number[][];
  counts: ShortcutCounts;
}

/** Solves draws start … start+count−1 (stops early when `stop()` says so; `count` then says how many were done). */
export function runBatch(solver: DrawSolver, spec: RiskSpec, seed: number, start: number, count: number, stop: () => boolean = () => false): DrawBatch {
  const importers = reportedImporters(solver.network);
  const unserved = new Float64Array(count * importers.length);
  const world = new Float64Array(count * importers.length);
  const costChange = new Float64Array(count);
  const failed: number[][] = [];
  const before = { ...solver.counts };
  let done = 0;
  for (; done < count; done++) {
    if (done % 64 === 0 && done > 0 && stop()) break;
    const draw = sampleDraw(spec.failures, seed, start + done);
    const outcome = solver.solve(draw);
    importers.forEach((imp, k) => {
      let s = 0;
      for (const p of imp.parts) s += outcome.unserved[p];
      unserved[done * importers.length + k] = s < 1e-9 ? 0 : s;
      let w = 0;
      for (const p of imp.parts) w += outcome.world[p];
      world[done * importers.length + k] = w < 1e-9 ? 0 : w;
    });
    costChange[done] = (outcome.objective - solver.baseline.objective) / 1e6;
    failed.push(draw.failed);
  }
  const counts = { none: solver.counts.none - before.none, baselineKept: solver.counts.baselineKept - before.baselineKept, memoised: solver.counts.memoised - before.memoised, solved: solver.counts.solved - before.solved };
  return { start, count: done, unserved: unserved.slice(0, done * importers.length), world: world.slice(0, done * importers.length), costChange: costChange.slice(0, done), failed, counts };
}

export interface ImporterRisk {
  importer: string;
  demand: number;
  expectedUnserved: number;
  p50: number;
  p95: number;
  p99: number;
  standardError: number;
  /** Share of draws with any unserved demand. */
  probabilityUnserved: number;
  /** Mean world-market purchases (base unit): what a fungible commodity buys instead of going without. */
  expectedWorldMarket: number;
}

export interface MonteCarloResult {
  method: { name: string; version: string };
  dataset: string;
  spec: string;
  commodity: string;
  year: number;
  unit: string;
  seed: number;
  /** Draws asked for and draws done (fewer when the run was stopped). */
  drawsRequested: number;
  draws: number;
  stopped: boolean;
  importers: ImporterRisk[];
  total: ImporterRisk;
  /** Elements and events most often failed in the worst 5% of draws (by total unserved demand). */
  worstDrivers: { element: string; count: number; share: number }[];
  worstDraws: number;
  /** Mean change in the objective from the baseline (USD million): rerouting, world market, stocks, unserved demand. */
  expectedCostChange: number;
  convergence: { firstHalfMean: number; secondHalfMean: number; differenceInStandardErrors: number; relativeStandardError: number | null; converged: boolean };
  shortcuts: ShortcutCounts;
}

/** Lower quantile of sorted values: the smallest x with at least a share q of the draws ≤ x. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const k = Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1);
  return sorted[Math.min(k, sorted.length - 1)];
}

function summary(importer: string, demand: number, values: Float64Array, world?: Float64Array): ImporterRisk {
  const n = values.length;
  let sum = 0;
  let hit = 0;
  for (const v of values) { sum += v; if (v > 0) hit++; }
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = Float64Array.from(values).sort();
  return {
    importer, demand, expectedUnserved: mean, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99),
    standardError: n ? sd / Math.sqrt(n) : 0, probabilityUnserved: n ? hit / n : 0,
    expectedWorldMarket: world && n ? world.reduce((a, b) => a + b, 0) / n : 0,
  };
}

/** Merges batches (in any order) into the result: the same as one run over all draws. */
export function summarise(network: FlowNetwork, spec: RiskSpec, dataset: string, seed: number, drawsRequested: number, batches: DrawBatch[], stopped: boolean): MonteCarloResult {
  const importers = reportedImporters(network);
  const ordered = [...batches].sort((a, b) => a.start - b.start);
  // Only a contiguous run of draws from 0 counts, so that a stopped run is still a prefix of the full one.
  const kept: DrawBatch[] = [];
  let next = 0;
  for (const b of ordered) { if (b.start !== next) break; kept.push(b); next += b.count; }
  const n = next;
  const m = importers.length;
  const per = importers.map(() => new Float64Array(n));
  const perWorld = importers.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  const totalWorld = new Float64Array(n);
  let costSum = 0;
  const cost = new Float64Array(n);
  const failed: number[][] = [];
  let at = 0;
  for (const b of kept) {
    for (let d = 0; d < b.count; d++, at++) {
      for (let k = 0; k < m; k++) {
        per[k][at] = b.unserved[d * m + k]; total[at] += b.unserved[d * m + k];
        perWorld[k][at] = b.world[d * m + k]; totalWorld[at] += b.world[d * m + k];
      }
      costSum += b.costChange[d];
      cost[at] = b.costChange[d];
      failed.push(b.failed[d]);
    }
  }
  const demand = (parts: number[]) => parts.reduce((s, p) => s + network.importers[p].demand, 0);
  const results = importers.map((imp, k) => summary(imp.id, demand(imp.parts), per[k], perWorld[k]));
  const all = summary('total', network.importers.reduce((s, i) => s + i.demand, 0), total, totalWorld);
  // Worst 5%: draws by total unserved, then by cost change (what tells draws apart when the world market serves
  // everything), largest first, ties by draw index; only draws that leave demand unserved or cost more count.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => total[b] - total[a] || cost[b] - cost[a] || a - b);
  const worst = order.slice(0, Math.ceil(0.05 * n)).filter((i) => total[i] > 0 || cost[i] > 1e-9);
  const tally = new Map<number, number>();
  for (const i of worst) for (const k of failed[i]) tally.set(k, (tally.get(k) ?? 0) + 1);
  const worstDrivers = [...tally].map(([k, count]) => ({ element: spec.failures[k].name, count, share: count / worst.length }))
    .sort((a, b) => b.count - a.count || a.element.localeCompare(b.element)).slice(0, 10);
  const half = Math.floor(n / 2);
  const first = summary('', 0, total.subarray(0, half));
  const second = summary('', 0, total.subarray(half));
  const seDiff = Math.sqrt(first.standardError ** 2 + second.standardError ** 2);
  const diff = Math.abs(first.expectedUnserved - second.expectedUnserved);
  const z = seDiff > 0 ? diff / seDiff : diff > 0 ? Infinity : 0;
  const rse = all.expectedUnserved > 0 ? all.standardError / all.expectedUnserved : null;
  const shortcuts = kept.reduce((s, b) => ({ none: s.none + b.counts.none, baselineKept: s.baselineKept + b.counts.baselineKept, memoised: s.memoised + b.counts.memoised, solved: s.solved + b.counts.solved }), { none: 0, baselineKept: 0, memoised: 0, solved: 0 });
  return {
    method: { ...RISK_METHOD }, dataset, spec: spec.name, commodity: network.commodity, year: network.year, unit: network.unit, seed,
    drawsRequested, draws: n, stopped, importers: results, total: all, worstDrivers, worstDraws: worst.length,
    expectedCostChange: n ? costSum / n : 0,
    convergence: { firstHalfMean: first.expectedUnserved, secondHalfMean: second.expectedUnserved, differenceInStandardErrors: Number.isFinite(z) ? z : 1e9, relativeStandardError: rse, converged: z <= 3 && (rse === null || rse <= 0.05) },
    shortcuts,
  };
}

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  dataset?: string;
  /** Draws per batch (progress is reported and `stop` checked between batches). */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called between batches; a true answer stops the run (the draws done so far are reported). */
  stop?: () => boolean;
  /** Awaited between batches, so that signals and timers get a turn. */
  pause?: () => Promise<void>;
}

/** Runs the Monte Carlo in this thread. */
export async function runMonteCarlo(highs: Highs, network: FlowNetwork, spec: RiskSpec, options: MonteCarloOptions): Promise<MonteCarloResult> {
  const solver = new DrawSolver(highs, network, spec.failures);
  try {
    const size = options.batch ?? 2000;
    const batches: DrawBatch[] = [];
    let done = 0;
    let stopped = false;
    while (done < options.draws) {
      if (options.stop?.()) { stopped = true; break; }
      const batch = runBatch(solver, spec, options.seed, done, Math.min(size, options.draws - done), options.stop);
      batches.push(batch);
      done += batch.count;
      options.onProgress?.(done, options.draws);
      if (batch.count < Math.min(size, options.draws - (done - batch.count))) { stopped = true; break; }
      await options.pause?.();
    }
    return summarise(network, spec, options.dataset ?? '', options.seed, options.draws, batches, stopped);
  } finally {
    solver.dispose();
  }
}
