// Monte Carlo draws per second on the default dataset with the example specs, against a peer solving the same
// draws with scipy's HiGHS (linprog(method='highs'), one LP per draw, Debian's python3-scipy), which reads the LP
// and the per-draw bounds from a file this script writes. The peer solves a sample of the draws (every draw
// would take minutes); the expected values are compared over that same sample.
// The queue section runs the same spec and seed through the job queue on PostgreSQL with two local `corridor worker`
// processes against the in-process run (one thread, and one worker thread per core), and reports the overhead
// per batch. --queue-only runs that section alone.
//   node --import tsx bench/risk/run.ts [--draws 20000] [--peer-draws 1000] [--queue-draws 100000] [--queue-batch 5000] [--queue-only]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../src/data/read.ts';
import { DEFAULT_DATASET_DIR } from '../../src/paths.ts';
import { buildNetwork, loadSolver } from '../../src/solve/index.ts';
import { COLUMN } from '../../src/solve/lp.ts';
import { DrawSolver, checkRiskSpec, networkElements, parseRiskSpec, runMonteCarlo, sampleDraw } from '../../src/risk/index.ts';
import { runMonteCarloParallel } from '../../src/risk/parallel.ts';
import { runMonteCarloQueued } from '../../src/queue/index.ts';
import { recordSection } from '../results.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
const DRAWS = arg('--draws', 20000);
const PEER_DRAWS = arg('--peer-draws', 1000);
const SEED = 42;
const cores = availableParallelism();
const model = loadDataset(DEFAULT_DATASET_DIR);
const highs = await loadSolver();
const rows: { benchmark: string; corridor: string; peer: string; ratio: string }[] = [];
const notes: string[] = [];
const fmt = (x: number, d = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

const QUEUE_ONLY = process.argv.includes('--queue-only');
for (const file of QUEUE_ONLY ? [] : ['examples/risk-crude-2024.yaml', 'examples/risk-gas-2024.yaml']) {
  const spec = parseRiskSpec(readFileSync(join(ROOT, file), 'utf8'), file);
  const network = buildNetwork(model, { commodity: spec.commodity, year: spec.year });
  checkRiskSpec(spec, new Set(networkElements(network, [...new Set(network.routes.flatMap((r) => r.nodes))]).map((e) => e.id)));
  // Corridor: every core, then one thread; best of three.
  const time = async (run: () => Promise<unknown>) => { let best = Infinity; for (let k = 0; k < 3; k++) { const t = performance.now(); await run(); best = Math.min(best, performance.now() - t); } return best / 1000; };
  const parallel = await time(() => runMonteCarloParallel(network, spec, { draws: DRAWS, seed: SEED, workers: cores }));
  const single = await time(() => runMonteCarlo(highs, network, spec, { draws: DRAWS, seed: SEED }));
  const full = await runMonteCarlo(highs, network, spec, { draws: DRAWS, seed: SEED });
  const s = full.shortcuts;
  // The peer's sample: the first PEER_DRAWS draws, their bounds as the draw solver sets them.
  const solver = new DrawSolver(highs, network, spec.failures);
  const lp = solver.lp;
  const draws = Array.from({ length: PEER_DRAWS }, (_, i) => {
    const { rows: r, cols } = solver.changesOf(sampleDraw(spec.failures, SEED, i));
    return { rows: [...r].sort((a, b) => a[0] - b[0]), cols: [...cols].sort((a, b) => a - b) };
  });
  const sample = await runMonteCarlo(highs, network, spec, { draws: PEER_DRAWS, seed: SEED });
  solver.dispose();
  const big = (xs: Float64Array) => Array.from(xs, (x) => (x === Infinity ? 'inf' : x === -Infinity ? '-inf' : x));
  const input = join(mkdtempSync(join(tmpdir(), 'corridor-risk-bench-')), 'draws.json');
  writeFileSync(input, JSON.stringify({
    lp: { numCols: lp.numCols, numRows: lp.numRows, colCost: Array.from(lp.colCost), colLower: big(lp.colLower), colUpper: big(lp.colUpper), rowLower: big(lp.rowLower), rowUpper: big(lp.rowUpper),
      starts: Array.from(lp.starts), indices: Array.from(lp.indices), values: Array.from(lp.values), offset: lp.offset, scale: lp.scale },
    unservedCols: Array.from(lp.colKind).flatMap((k, j) => (k === COLUMN.unserved ? [j] : [])),
    draws,
  }));
  const py = spawnSync('/usr/bin/python3', [join(import.meta.dirname, 'peer.py'), input], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(`peer failed: ${py.stderr}`);
  const peer = JSON.parse(py.stdout) as { draws: number; seconds: number; meanUnserved: number; seUnserved: number; meanObjective: number; seObjective: number };
  const ours = { unserved: sample.total.expectedUnserved, cost: sample.expectedCostChange * 1e6 + solver.baseline.objective };
  const peerRate = peer.draws / peer.seconds;
  rows.push({ benchmark: `${file}: draws/s, ${cores} workers (${fmt(DRAWS)} draws)`, corridor: fmt(DRAWS / parallel), peer: fmt(peerRate), ratio: `${fmt(DRAWS / parallel / peerRate, 0)}×` });
  rows.push({ benchmark: `${file}: draws/s, 1 thread`, corridor: fmt(DRAWS / single), peer: fmt(peerRate), ratio: `${fmt(DRAWS / single / peerRate, 0)}×` });
  const zU = peer.seUnserved > 0 || sample.total.standardError > 0 ? Math.abs(ours.unserved - peer.meanUnserved) / Math.hypot(peer.seUnserved, sample.total.standardError) : 0;
  rows.push({ benchmark: `${file}: expected unserved (${spec.commodity === 'crude_oil' ? 'Mt' : 'bcm'}/yr), first ${fmt(PEER_DRAWS)} draws`, corridor: ours.unserved.toFixed(4), peer: peer.meanUnserved.toFixed(4), ratio: `${zU.toFixed(2)} SE apart` });
  rows.push({ benchmark: `${file}: mean objective (USD million), first ${fmt(PEER_DRAWS)} draws`, corridor: fmt(ours.cost / 1e6, 1), peer: fmt(peer.meanObjective / 1e6, 1), ratio: `${(Math.abs(ours.cost - peer.meanObjective) / Math.max(1, Math.abs(peer.meanObjective))).toExponential(1)} rel.` });
  notes.push(`${file}: of ${fmt(DRAWS)} draws, ${fmt(s.none)} had no failure, ${fmt(s.baselineKept)} kept the baseline, ${fmt(s.memoised)} were memoised, ${fmt(s.solved)} were solved; expected unserved ${full.total.expectedUnserved.toFixed(3)} ± ${full.total.standardError.toFixed(3)}.`);
  console.log(rows.slice(-4), notes.at(-1));
}
if (!QUEUE_ONLY) {
notes.push('The worker rows include starting the workers (each loads the TypeScript loader when run from source, the solver and the LP): at 20,000 draws that start-up is most of the time. On the machine measured, two CPU-bound threads of plain JavaScript take about 1.85 times the wall time of one, so threads gain little there; results are identical whatever the number of workers.');
notes.push('The peer solves each draw with scipy.optimize.linprog(method="highs") from the same LP and bounds; Corridor builds the LP once, changes only bounds, skips draws that change nothing carrying flow and solves each distinct set of bound changes once.');
recordSection('risk', { title: 'Monte Carlo draws per second (npm run bench:risk)', command: 'npm run bench:risk', rows, notes });
}
await queueSection();

/**
 * The queue: two `corridor worker` processes (the built CLI) on a schema of their own, against the in-process run
 * (one thread, and one worker thread per core) on the same spec and seed; best of three each. Overhead per batch:
 * the workers' time not spent solving (fetching, loading the run, writing the result, completing the job, waiting
 * for the next poll), 2 × wall time − solving time, divided by the batches.
 */
async function queueSection(): Promise<void> {
  const draws = arg('--queue-draws', 100000);
  const batch = arg('--queue-batch', 5000);
  const base = new URL(process.env.CORRIDOR_TEST_DATABASE_URL || 'postgres://corridor:corridor@127.0.0.1:5432/corridor_test');
  const schema = `bench_queue_${randomBytes(3).toString('hex')}`;
  base.searchParams.set('schema', schema);
  const url = base.toString();
  const queueRows: typeof rows = [];
  const queueNotes: string[] = [];
  const workers = [0, 1].map(() => spawn(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), 'worker', '--queue', url, '--quiet'], { stdio: 'ignore' }));
  try {
    for (const file of ['examples/risk-crude-2024.yaml', 'examples/risk-gas-2024.yaml']) {
      const specText = readFileSync(join(ROOT, file), 'utf8');
      const spec = parseRiskSpec(specText, file);
      const network = buildNetwork(model, { commodity: spec.commodity, year: spec.year });
      const run = { draws, seed: SEED, batch };
      const best = async <T>(go: () => Promise<T>) => { let seconds = Infinity; let last: T | undefined; for (let k = 0; k < 3; k++) { const t = performance.now(); last = await go(); seconds = Math.min(seconds, (performance.now() - t) / 1000); } return { seconds, last: last! }; };
      const single = await best(() => runMonteCarlo(highs, network, spec, run));
      const threads = await best(() => runMonteCarloParallel(network, spec, { ...run, workers: cores }));
      const queued = await best(() => runMonteCarloQueued(network, spec, { ...run, url, specText, pollMs: 50 }));
      const same = JSON.stringify({ ...queued.last.result, shortcuts: null }) === JSON.stringify({ ...single.last, shortcuts: null });
      if (!same) throw new Error(`${file}: the queued result differs from the in-process one`);
      const inProcess = Math.min(single.seconds, threads.seconds);
      const { stats } = queued.last;
      const overhead = (2 * queued.seconds - stats.workerSeconds) / stats.batches;
      queueRows.push({ benchmark: `${file}: draws/s through the queue, 2 worker processes (${fmt(draws)} draws, ${stats.batches} batches) vs in-process (best of 1 thread and ${cores} threads)`, corridor: fmt(draws / queued.seconds), peer: fmt(draws / inProcess), ratio: `${fmt(100 * inProcess / queued.seconds)}%` });
      queueRows.push({ benchmark: `${file}: queue overhead per batch of ${fmt(batch)} draws (worker time not solving)`, corridor: `${fmt(overhead * 1000, 1)} ms`, peer: `${fmt(1000 * stats.workerSeconds / stats.batches, 1)} ms solving`, ratio: `${fmt(100 * overhead / (overhead + stats.workerSeconds / stats.batches))}%` });
      queueNotes.push(`${file}: in-process ${fmt(draws / single.seconds)} draws/s on 1 thread, ${fmt(draws / threads.seconds)} on ${cores} threads; through the queue ${fmt(draws / queued.seconds)}; the results are identical. LPs solved: ${fmt(single.last.shortcuts.solved)} in one thread, ${fmt(queued.last.result.shortcuts.solved)} through the queue (each worker memoises only the draws it solves).`);
      console.log(queueRows.slice(-2), queueNotes.at(-1));
    }
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.on('exit', r)))));
    const pg = (await import('pg')).default;
    const client = new pg.Pool({ connectionString: process.env.CORRIDOR_TEST_DATABASE_URL || 'postgres://corridor:corridor@127.0.0.1:5432/corridor_test', max: 1 });
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  }
  queueNotes.push(`Measured on a shared ${cores}-core machine busy with other work (load average ${loadavg().map((x) => x.toFixed(1)).join(', ')} at the end), so the figures move from run to run; the processes compete for the same cores.`);
  queueNotes.push('The queue rows include storing the run, sending the batch jobs, each worker loading the run and building its solver, and the coordinator merging the partial results; the workers were started before timing. The ratio is the queue\'s throughput as a share of the in-process run\'s. The overhead per batch is 2 × wall time less the workers\' solving time, per batch: it counts the round trips, loading the run, and also the time a worker waits (for its first poll, for the last batch of the other, for a core on the busy machine), so it is an upper bound.');
  recordSection('risk-queue', { title: 'Monte Carlo through the job queue (npm run bench:risk -- --queue-only)', command: 'npm run bench:risk -- --queue-only', rows: queueRows, notes: queueNotes });
}
