// The Monte Carlo through the job queue on PostgreSQL: three `corridor worker` processes, one SIGKILLed while it
// holds a batch; the merged result equals the local run with the same seed, every draw counted once; an exact
// distribution worked out by hand; bad arguments. Uses its own pg-boss schema, dropped at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { networkFromSpec } from '../src/solve/spec.ts';
import { loadSolver } from '../src/solve/index.ts';
import { parseRiskSpec, runMonteCarlo } from '../src/risk/index.ts';
import { runMonteCarloQueued } from '../src/queue/index.ts';
import { bytesToFloats, decodeJson, encodeJson, floatsToBytes } from '../src/queue/codec.ts';
import { runCli } from './helpers.ts';
import { TEST_DATABASE_URL } from './store-drivers.ts';

const ROOT = join(import.meta.dirname, '..');
const SCHEMA = `q_${process.pid}_${randomBytes(3).toString('hex')}`;
const QUEUE = (() => { const u = new URL(TEST_DATABASE_URL); u.searchParams.set('schema', SCHEMA); return u.toString(); })();

interface Worker { child: ChildProcess; log: string[]; exit: Promise<{ code: number | null; signal: string | null }>; onLine?: (line: string) => void }
const workers: Worker[] = [];

function startWorker(): Worker {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), 'worker', '--queue', QUEUE], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  let rest = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop()!;
    log.push(...lines);
    for (const line of lines) worker.onLine?.(line);
  });
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const worker: Worker = { child, log, exit };
  return worker;
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

before(async () => {
  for (let k = 0; k < 3; k++) workers.push(startWorker());
  await until('three workers', () => workers.every((w) => w.log.some((l) => l.includes('waiting for batches'))));
});

after(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  const client = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try { await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`); } finally { await client.end(); }
});

const strip = (json: string) => { const r = JSON.parse(json) as Record<string, unknown>; delete r.shortcuts; return r; };

test('a worker killed while it holds a batch: the batch is retried, and the result equals the local run', async () => {
  const args = ['risk', 'montecarlo', join(ROOT, 'examples', 'risk-gas-2024.yaml'), '--draws', '6000', '--seed', '11', '--json'];
  const local = await runCli(...args, '--workers', '1');
  assert.equal(local.code, 0, local.stderr);
  // Kill the first worker that takes a batch, as soon as it says so: it then still has to load the run, build its
  // solver, solve 300 draws and write them, so it dies holding the batch.
  let victim: Worker | undefined;
  for (const w of workers) {
    w.onLine = (line) => {
      if (victim || !/: first batch taken/.test(line)) return;
      victim = w;
      w.child.kill('SIGKILL');
    };
  }
  const queued = await runCli(...args, '--queue', QUEUE, '--batch-size', '300', '--batch-timeout', '3');
  for (const w of workers) w.onLine = undefined;
  assert.equal(queued.code, 0, queued.stderr);
  assert.equal(queued.stderr, ''); // silent with --json
  assert.ok(victim, 'no worker took a batch');
  assert.equal((await victim.exit).signal, 'SIGKILL');
  assert.deepEqual(strip(queued.stdout), strip(local.stdout));
  const result = JSON.parse(queued.stdout) as { draws: number; drawsRequested: number; stopped: boolean; shortcuts: Record<string, number> };
  assert.equal(result.draws, 6000);
  assert.equal(result.stopped, false);
  // Every draw counted once: the shortcut counts add up to the draws (a batch counted twice would add 300 more).
  assert.equal(Object.values(result.shortcuts).reduce((a, b) => a + b, 0), 6000);
  // The killed worker held a batch: pg-boss expired and retried it; 20 batch jobs, each completed once.
  const client = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS jobs, count(*) FILTER (WHERE retry_count > 0)::int AS retried, count(*) FILTER (WHERE state = 'completed')::int AS completed FROM ${SCHEMA}.job WHERE name = 'corridor-risk-batch'`);
    assert.deepEqual(rows[0], { jobs: 20, retried: 1, completed: 20 });
    // The run's rows are gone once merged.
    const left = await client.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.risk_batch`);
    assert.equal(left.rows[0].n, 0);
  } finally { await client.end(); }
});

test('an exact distribution through the queue: the hand-worked figures, and the local run bit for bit', async () => {
  // A → I on rA (8), B → I on rB (7); rA fails with p 0.1, rB with p 0.3, independently: unserved 0 with p 0.63,
  // 7 with p 0.27, 8 with p 0.07, 15 with p 0.03. Expected 1.89 + 0.56 + 0.45 = 2.9; CDF 0 → 0.63, 7 → 0.90,
  // 8 → 0.97, 15 → 1, so P50 = 0, P95 = 8, P99 = 15.
  const network = networkFromSpec({
    exporters: [{ id: 'A', supply: 8 }, { id: 'B', supply: 7 }], importers: [{ id: 'I', demand: 15 }],
    routes: [{ id: 'rA' }, { id: 'rB' }],
    arcs: [{ exporter: 'A', importer: 'I', route: 'rA', baseline: 8 }, { exporter: 'B', importer: 'I', route: 'rB', baseline: 7 }],
    costs: { stickiness: 100, unserved: 1000 },
  });
  const text = 'commodity: synthetic\nyear: 0\nelements:\n  - element: route:rA\n    probability: 0.1\n  - element: route:rB\n    probability: 0.3\n';
  const spec = parseRiskSpec(text, 'two-routes.yaml');
  const { result, stats } = await runMonteCarloQueued(network, spec, { url: QUEUE, specText: text, draws: 10000, seed: 42, batch: 250, pollMs: 50 });
  const i = result.importers[0];
  assert.ok(Math.abs(i.expectedUnserved - 2.9) <= 3 * i.standardError, `${i.expectedUnserved} ± ${i.standardError} should cover 2.9`);
  assert.equal(i.p50, 0);
  assert.equal(i.p95, 8);
  assert.equal(i.p99, 15);
  assert.equal(result.draws, 10000);
  assert.equal(stats.batches, 40);
  assert.equal(stats.retried, 0);
  const local = await runMonteCarlo(await loadSolver(), network, spec, { draws: 10000, seed: 42 });
  assert.deepEqual({ ...result, shortcuts: null }, { ...local, shortcuts: null });
});

test('Ctrl-C on the coordinator cancels the outstanding batches; the draws done are a prefix of the full run', async () => {
  const spec = join(ROOT, 'examples', 'risk-gas-2024.yaml');
  const seen = workers.map((w) => w.log.length);
  const coordinator = spawn(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), 'risk', 'montecarlo', spec, '--draws', '400000', '--seed', '5', '--queue', QUEUE, '--batch-size', '200', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  coordinator.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  coordinator.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exit = new Promise<number | null>((resolve) => coordinator.on('exit', (code) => resolve(code)));
  await until('a batch of the run', () => workers.some((w, k) => w.log.slice(seen[k]).some((l) => l.includes(': batch '))));
  coordinator.kill('SIGINT');
  assert.equal(await exit, 0, stderr);
  assert.match(stderr, /stopped by Ctrl-C after \d+ of 400000 draws/);
  const result = JSON.parse(stdout) as { draws: number; stopped: boolean };
  assert.equal(result.stopped, true);
  assert.ok(result.draws < 400000 && result.draws % 200 === 0, String(result.draws));
  const client = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    const { rows } = await client.query(`SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting, count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled
      FROM ${SCHEMA}.job WHERE name = 'corridor-risk-batch' AND (data->>'seed')::int = 5`);
    assert.equal(rows[0].waiting, 0);
    assert.ok(Number(rows[0].cancelled) > 1000, JSON.stringify(rows[0])); // 2000 batches, a few done
  } finally { await client.end(); }
  if (result.draws > 0) {
    const prefix = await runCli('risk', 'montecarlo', spec, '--draws', String(result.draws), '--seed', '5', '--workers', '1', '--json');
    assert.deepEqual({ ...strip(stdout), drawsRequested: null, stopped: null }, { ...strip(prefix.stdout), drawsRequested: null, stopped: null });
  }
});

test('the codec keeps every figure exact: sparse and dense floats, -0, and ±Infinity in JSON', () => {
  const sparse = new Float64Array([0, 1.5, 0, -0, 3e-300, 0, 0, 0, 0, 0, 0, 0]);
  const dense = new Float64Array([1, 0.1 + 0.2, Math.PI]);
  // Sparse: 1 tag byte + count + non-zeros (4 + 4 bytes) + 3 × (4-byte index + 8-byte value) = 45 bytes, not 97.
  assert.equal(floatsToBytes(sparse).length, 45);
  assert.equal(floatsToBytes(dense).length, 25); // 1 + 3 × 8: dense is shorter here
  for (const a of [sparse, dense, new Float64Array(0), new Float64Array(7)]) {
    const back = bytesToFloats(floatsToBytes(a));
    assert.equal(back.length, a.length);
    a.forEach((x, i) => assert.ok(Object.is(back[i], x), `${i}: ${back[i]} vs ${x}`));
  }
  const value = { capacity: Infinity, low: -Infinity, cost: 0.1 + 0.2, list: [1, Infinity] };
  assert.deepEqual(decodeJson(encodeJson(value)), value);
});

test('bad queue arguments: one line, the right exit code, no password', async () => {
  const spec = join(ROOT, 'examples', 'risk-gas-2024.yaml');
  const cases: { args: string[]; code: number; says: RegExp }[] = [
    { args: ['risk', 'montecarlo', spec, '--queue', QUEUE, '--workers', '2'], code: 2, says: /--queue and --workers do not go together/ },
    { args: ['risk', 'montecarlo', spec, '--queue', 'not a url'], code: 2, says: /--queue expects a PostgreSQL URL/ },
    { args: ['risk', 'montecarlo', spec, '--queue', 'mysql://u:hunter2@host/db'], code: 2, says: /expects a postgres:\/\/ URL, found mysql:/ },
    { args: ['risk', 'montecarlo', spec, '--queue', 'postgres://u:hunter2@127.0.0.1:5432/db?schema=Bad-Name'], code: 2, says: /\?schema= .* found "Bad-Name"/ },
    { args: ['risk', 'montecarlo', spec, '--batch-size', '10'], code: 2, says: /--batch-size goes with --queue/ },
    { args: ['risk', 'montecarlo', spec, '--queue', QUEUE, '--batch-size', '0'], code: 2, says: /--batch-size must be at least 1/ },
    { args: ['risk', 'montecarlo', spec, '--queue', 'postgres://corridor:hunter2@127.0.0.1:1/corridor_test', '--draws', '10'], code: 1, says: /job queue postgres:\/\/corridor:\*\*\*@127\.0\.0\.1:1\/corridor_test: .*ECONNREFUSED/ },
    { args: ['risk', 'montecarlo', spec, '--queue', 'postgres://corridor:hunter2@127.0.0.1:5432/corridor_test', '--draws', '10'], code: 1, says: /job queue postgres:\/\/corridor:\*\*\*@.*password authentication failed/ },
    { args: ['worker'], code: 2, says: /give --queue postgres:/ },
    { args: ['worker', '--queue', 'postgres://corridor:hunter2@127.0.0.1:1/x'], code: 1, says: /job queue postgres:\/\/corridor:\*\*\*@127\.0\.0\.1:1\/x: / },
  ];
  for (const c of cases) {
    const r = await runCli(...c.args);
    const where = c.args.join(' ');
    assert.equal(r.code, c.code, `${where}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('corridor worker: waiting'));
    assert.equal(lines.length, 1, `${where}: ${r.stderr}`);
    assert.match(lines[0], c.says, where);
    assert.doesNotMatch(r.stderr + r.stdout, /hunter2|\n\s+at /, where);
  }
});

test('SIGTERM stops a worker with exit 0', async () => {
  const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  assert.equal(running.length, 2, workers.map((w) => `exit ${w.child.exitCode} ${w.child.signalCode}: ${w.log.slice(-3).join(' | ')}`).join('\n'));
  for (const w of running) w.child.kill('SIGTERM');
  for (const w of running) assert.deepEqual(await w.exit, { code: 0, signal: null });
  for (const w of running) assert.match(w.log.at(-1) ?? '', /stopped after \d+ batch/);
});
