// Load on the HTTP API over loopback: `corridor serve` (the compiled command, a process of its own, on a new SQLite
// store or --database URL) under autocannon with 50 connections for 30 s per route (bounded by time). Measures
// GET /metrics (and with If-None-Match) and a cached POST /scenarios/:id/run against the floor in the same run: a
// bare node:http server, in a process of its own, sending the same metrics bytes (no framework, no store: what the
// machine, the socket and autocannon allow). Then a concurrent-save check: 50 connections creating scenarios at
// once, and every 201 must be in the store afterwards.
//   node --import tsx bench/server/run.ts [--duration 30] [--connections 50] [--database URL] [--no-record]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { recordSection, type BenchRow } from '../results.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
const duration = Number(arg('--duration', '30'));
const connections = Number(arg('--connections', '50'));
const PORT = 18_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
/** Turns per target in the interleaved runs. */
const SLICES = 6;
const home = mkdtempSync(join(tmpdir(), 'corridor-bench-server-'));
const database = arg('--database', `sqlite:${join(home, 'corridor.sqlite')}`);

function corridor(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`corridor ${args.join(' ')} exited ${code}`))));
  });
}

const token = JSON.parse(await corridor(['token', 'create', 'bench', '--database', database, '--json'])).token as string;
const server = spawn(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), 'serve', '--port', String(PORT), '--database', database], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('serving')) resolve(); });
  server.on('exit', (code) => reject(new Error(`corridor serve exited ${code}`)));
});

const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = async (path: string, body: unknown) => {
  const r = await fetch(`${BASE}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() as Record<string, unknown> };
};

/** The floor: a bare node:http server in a process of its own, answering every request with `body`. */
async function startFloor(body: Buffer): Promise<{ base: string; pid: number }> {
  const port = PORT + 1;
  const code = `const b = Buffer.from(process.env.FLOOR_BODY, 'base64');
require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': b.length, etag: '"floor"' }); r.end(b); })
  .listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, FLOOR_BODY: body.toString('base64') }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('ready')) resolve(); });
    child.on('exit', (code) => reject(new Error(`the floor server exited ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid! };
}

interface Load { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number; clientCpu: number; serverCpu: number }

/** CPU seconds a process has used (utime + stime from /proc, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** One load run; also the share of a core autocannon (this process) and the server used, to tell which one was the limit. */
async function load(title: string, path: string, options: Partial<autocannon.Options> = {}, target = { base: BASE, pid: server.pid! }): Promise<Load> {
  const cpu = process.cpuUsage();
  const serverCpu = cpuSeconds(target.pid);
  const t = performance.now();
  const result = await autocannon({ url: `${target.base}${path}`, connections, duration, ...options });
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const load = {
    rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, total: result.requests.total,
    clientCpu: (used.user + used.system) / 1e6 / wall, serverCpu: (cpuSeconds(target.pid) - serverCpu) / wall,
  };
  process.stderr.write(`${title}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}; CPU: autocannon ${(100 * load.clientCpu).toFixed(0)}%, server ${(100 * load.serverCpu).toFixed(0)}% of a core\n`);
  return load;
}

interface Target { title: string; path: string; options?: Partial<autocannon.Options>; base: string; pid: number }

/**
 * Loads several targets in turns of `duration / slices` seconds each (A, B, C, A, B, C …), so that whatever else
 * the machine does weighs on each alike; each target's slices are merged (latency histograms included: its p99 is
 * over all its requests).
 */
async function interleaved(targets: Target[], slices: number): Promise<Load[]> {
  const raw: unknown[][] = targets.map(() => []);
  const acc = targets.map(() => ({ wall: 0, completed: 0, client: 0, server: 0 }));
  for (let i = 0; i < slices; i++) {
    for (const [k, t] of targets.entries()) {
      const cpu = process.cpuUsage();
      const serverCpu = cpuSeconds(t.pid);
      const start = performance.now();
      const r = await autocannon({ url: `${t.base}${t.path}`, connections, duration: duration / slices, skipAggregateResult: true, ...t.options }) as unknown as { totalCompletedRequests: number };
      acc[k].wall += (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      acc[k].client += (used.user + used.system) / 1e6;
      acc[k].server += cpuSeconds(t.pid) - serverCpu;
      acc[k].completed += r.totalCompletedRequests;
      raw[k].push(r);
    }
  }
  return targets.map((t, k) => {
    const merged = autocannon.aggregateResult(raw[k], { url: `${t.base}${t.path}`, connections });
    const a = acc[k];
    const load = { rps: a.completed / a.wall, p50: merged.latency.p50, p99: merged.latency.p99, errors: merged.errors + merged.timeouts, non2xx: merged.non2xx, total: a.completed, clientCpu: a.client / a.wall, serverCpu: a.server / a.wall };
    process.stderr.write(`${t.title}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}; CPU: autocannon ${(100 * load.clientCpu).toFixed(0)}%, server ${(100 * load.serverCpu).toFixed(0)}% of a core\n`);
    return load;
  });
}

try {
  const yaml = readFileSync(join(ROOT, 'examples', 'cpc-shut.yaml'), 'utf8');
  const scenario = await post('/scenarios', { yaml });
  const id = scenario.json.id as string;
  const t = performance.now();
  const first = await post(`/scenarios/${id}/run`, {});
  const firstMs = performance.now() - t;
  if (first.status !== 200 || first.json.cached !== false) throw new Error(`first run: ${first.status}`);

  const METRICS = '/metrics?importer=EU27&commodity=crude_oil&year=2024';
  const floorServer = await startFloor(Buffer.from(await (await fetch(`${BASE}${METRICS}`)).arrayBuffer()));
  // A client that has the answer already: If-None-Match with its ETag, answered 304 without a body.
  const etag = (await fetch(`${BASE}${METRICS}`)).headers.get('etag') ?? '';
  const corridorServer = { base: BASE, pid: server.pid! };
  const [floor, metrics, revalidated] = await interleaved([
    { title: 'floor: node:http, the same bytes', path: METRICS, ...floorServer },
    { title: 'GET /metrics', path: METRICS, ...corridorServer },
    { title: 'GET /metrics, If-None-Match', path: METRICS, options: { headers: { 'if-none-match': etag } }, ...corridorServer },
  ], SLICES);
  process.kill(floorServer.pid);

  const run = await load('POST /scenarios/:id/run (cached)', `/scenarios/${id}/run`, { method: 'POST', headers: auth, body: '{}' });

  const before = ((await (await fetch(`${BASE}/scenarios`)).json()) as { scenarios: unknown[] }).scenarios.length;
  const saves = await autocannon({ url: `${BASE}/scenarios`, connections, duration: Math.min(duration, 10), method: 'POST', headers: auth, body: JSON.stringify({ name: 'concurrent save', yaml }) });
  const after = ((await (await fetch(`${BASE}/scenarios`)).json()) as { scenarios: unknown[] }).scenarios.length;
  const created = saves['2xx'];
  // Requests still in flight when autocannon stops (at most one per connection) are stored but not counted as 2xx.
  const inFlight = after - before - created;
  const savesOk = inFlight >= 0 && inFlight <= connections && saves.non2xx === 0 && saves.errors === 0;
  process.stderr.write(`concurrent saves: ${created} created (${saves.requests.average.toFixed(0)}/s), ${after - before} stored, non-2xx ${saves.non2xx}, errors ${saves.errors}\n`);

  const driver = database.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL';
  const cell = (l: Load) => `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.errors} errors, ${l.non2xx} non-2xx`;
  const rows: BenchRow[] = [
    { benchmark: `\`GET /metrics?importer=EU27&commodity=crude_oil&year=2024\`, ${connections} connections, ${duration} s`, corridor: cell(metrics), peer: `${cell(floor)} (node:http sending the same bytes)`, ratio: `${(metrics.rps / floor.rps).toFixed(2)}× the floor's req/s; p99 ${metrics.p99} vs ${floor.p99} ms` },
    { benchmark: `the same with \`If-None-Match\` (304, no body), ${connections} connections, ${duration} s`, corridor: cell(revalidated).replace(/(\d+) non-2xx/, '$1 answered 304'), peer: `${cell(floor)} (node:http floor)`, ratio: `${(revalidated.rps / floor.rps).toFixed(2)}× the floor's req/s; p99 ${revalidated.p99} vs ${floor.p99} ms` },
    { benchmark: `\`POST /scenarios/:id/run\` (examples/cpc-shut.yaml, served from the store), ${connections} connections, ${duration} s`, corridor: cell(run), peer: `${cell(floor)} (node:http floor)`, ratio: `${(run.rps / floor.rps).toFixed(2)}× the floor's req/s` },
    { benchmark: 'the same run the first time (solved, then stored), one request', corridor: `${firstMs.toFixed(0)} ms`, peer: `${run.p50} ms (p50 when served from the store)`, ratio: `${(firstMs / Math.max(run.p50, 1)).toFixed(0)}×` },
    { benchmark: `concurrent saves: \`POST /scenarios\`, ${connections} connections, ${Math.min(duration, 10)} s`, corridor: `${created} created (${saves.requests.average.toFixed(0)}/s), ${after - before} in the store, ${saves.non2xx} non-2xx, ${saves.errors} errors`, peer: `every 201 stored (${inFlight} more stored: requests in flight when the load stopped, at most one per connection)`, ratio: savesOk ? 'ok' : 'MISMATCH' },
  ];
  for (const r of rows) console.log(`${r.benchmark}: ${r.corridor}; ${r.peer}; ${r.ratio}`);
  if (!process.argv.includes('--no-record')) {
    recordSection('server', {
      title: `HTTP API under load over loopback, ${driver} store`,
      command: 'node --import tsx bench/server/run.ts',
      rows,
      notes: [
        'The server is `corridor serve` in a process of its own; autocannon runs in another on the same machine, so both share its cores.',
        `The floor, \`GET /metrics\` and the If-None-Match run take turns of ${duration / SLICES} s (${SLICES} each, ${duration} s in all), so that other work on the machine weighs on them alike; each one's latency percentiles are over all its requests.`,
        `Each connection sends a request as soon as the last is answered, so the server is saturated and latency includes the queue (mean ≈ connections ÷ req/s). CPU, as a share of one core: \`GET /metrics\` run, autocannon ${(100 * metrics.clientCpu).toFixed(0)}%, server ${(100 * metrics.serverCpu).toFixed(0)}%; floor run, autocannon ${(100 * floor.clientCpu).toFixed(0)}%, node:http ${(100 * floor.serverCpu).toFixed(0)}% (a server is one thread: 100% is its limit; the 2 cores are shared with other work).`,
      ],
    });
  }
  if (!savesOk) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
