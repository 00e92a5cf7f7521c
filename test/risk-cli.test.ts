// `corridor risk montecarlo`: bad specs reported as file:line with exit code 2, bad options, and the JSON contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runCli } from './helpers.ts';

const TINY = join(FIXTURES, 'tiny');
function specFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'corridor-risk-')), 'spec.yaml');
  writeFileSync(file, text);
  return file;
}

test('a bad spec: every problem as file:line, exit 2', async () => {
  const file = specFile([
    'commodity: crude_oil', //  1
    'year: 2024', //            2
    'draws: -5', //             3
    'elements:', //             4
    '  - element: route:cpc', //5
    '    probability: 1.5', //  6
    '  - element: route:nowhere', // 7
    '    probability: 0.1', //  8
    '  - element: route:aktau_btc', // 9
    '    probability: 0.1', // 10
    '    loss: {gamma: [1, 2]}', // 11
    'events:', //              12
    '  - name: Russia', //     13
    '    probability: 0.1', // 14
    '    elements: [transit:RUS]', // 15
    '    loss: 0.5', //        16
    '',
  ].join('\n'));
  const { code, stderr } = await runCli('risk', 'montecarlo', file, '--dataset', TINY);
  assert.equal(code, 2, stderr);
  assert.match(stderr, new RegExp(`${file}:3: "draws" must be a whole number of at least 1, found -5`));
  assert.match(stderr, new RegExp(`${file}:6: "probability" must be a number from 0 to 1, found 1.5`));
  assert.match(stderr, new RegExp(`${file}:11: unknown distribution "gamma"`));
  // Found against the dataset, in the same report: unknown element, partial loss of a transit state.
  assert.match(stderr, new RegExp(`${file}:7: unknown element "route:nowhere"`));
  assert.match(stderr, new RegExp(`${file}:15: a transit state is lost in full`));
  const json = await runCli('risk', 'montecarlo', file, '--dataset', TINY, '--json');
  assert.equal(JSON.parse(json.stdout).error.code, 'CORRIDOR_ERR_SCENARIO_INVALID');
});

test('non-integer draws in a spec, and bad --draws/--workers on the command line: exit 2', async () => {
  const file = specFile('commodity: crude_oil\nyear: 2024\ndraws: 2.5\nelements:\n  - element: route:cpc\n    probability: 0.1\n');
  const spec = await runCli('risk', 'montecarlo', file, '--dataset', TINY);
  assert.equal(spec.code, 2);
  assert.match(spec.stderr, /spec\.yaml:3: "draws" must be a whole number/);
  const good = specFile('commodity: crude_oil\nyear: 2024\nelements:\n  - element: route:cpc\n    probability: 0.1\n');
  for (const args of [['--draws', '-3'], ['--draws', '1.5'], ['--draws', '0'], ['--workers', '0'], ['--seed', 'x']]) {
    const r = await runCli('risk', 'montecarlo', good, '--dataset', TINY, ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  }
  const missing = await runCli('risk', 'montecarlo', '/nonexistent/spec.yaml');
  assert.equal(missing.code, 2);
});

test('corridor risk montecarlo --json: the contract', async () => {
  const file = specFile('commodity: crude_oil\nyear: 2024\nseed: 9\nelements:\n  - element: route:cpc\n    probability: 0.2\n    loss: {uniform: [0.5, 1]}\n  - element: exporter:KAZ\n    probability: 0.05\n');
  const { code, stdout, stderr } = await runCli('risk', 'montecarlo', file, '--dataset', TINY, '--draws', '400', '--workers', '1', '--json');
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.draws, 400);
  assert.equal(r.seed, 9);
  assert.deepEqual(r.method, { name: 'risk', version: '1.0.0' });
  assert.deepEqual(r.importers.map((i: { importer: string }) => i.importer), ['FRA', 'ITA']);
  for (const key of ['importer', 'expectedUnserved', 'p50', 'p95', 'p99', 'standardError']) assert.ok(key in r.importers[0], key);
  assert.ok(Array.isArray(r.worstDrivers));
  // tiny crude is fungible: the world market serves everything; the cpc failures show as world-market purchases.
  assert.equal(r.total.expectedUnserved, 0);
  assert.ok(r.total.expectedWorldMarket > 0);
  const text = await runCli('risk', 'montecarlo', file, '--dataset', TINY, '--draws', '400', '--workers', '1');
  assert.match(text.stdout, /400 draw\(s\), seed 9/);
});

test('Ctrl-C stops a long run cleanly and reports the draws done', async () => {
  const { spawn } = await import('node:child_process');
  const file = specFile('commodity: crude_oil\nyear: 2024\nelements:\n  - element: route:cpc\n    probability: 0.5\n    loss: {uniform: [0, 1]}\n  - element: route:aktau_btc\n    probability: 0.5\n    loss: {uniform: [0, 1]}\n');
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'corridor.mjs'), 'risk', 'montecarlo', file, '--dataset', TINY, '--draws', '50000000', '--workers', '2', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  await busyFor(child.pid!, 1.5);
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('close', r));
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.stopped, true);
  assert.ok(r.draws > 0 && r.draws < 50000000, String(r.draws));
  assert.equal(r.drawsRequested, 50000000);
  assert.match(stderr, /stopped by Ctrl-C after \d+ of 50000000 draws/);
});

/** Waits until a process has used `seconds` of CPU time (so it is past start-up and drawing, however loaded the
 * machine is), read from /proc; where there is no /proc, waits that long. */
async function busyFor(pid: number, seconds: number): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const ticksPerSecond = 100;
  for (let waited = 0; waited < 60_000; waited += 100) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime + stime
    if (cpu >= seconds) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
