// `corridor serve` as a process: it binds to 127.0.0.1 unless told otherwise, stores the packaged dataset as
// "default" and answers over HTTP with no CORS headers, sets its body limit and timeouts, and stops on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { scratchDir } from './helpers.ts';
import { Store } from '../src/store/db/store.ts';
import { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_REQUEST_TIMEOUT_MS } from '../src/server/app.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'corridor.mjs');

test('corridor serve binds to 127.0.0.1, serves the default dataset without CORS headers, and stops on SIGTERM', { timeout: 60_000 }, async () => {
  const database = `sqlite:${join(scratchDir('serve'), 'corridor.sqlite')}`;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', database], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => { const m = /serving (http:\/\/\S+)/.exec(c.toString()); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  try {
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${address}/datasets`, { headers: { origin: 'https://example.org' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    const body = await r.json() as { datasets: { versions: { name: string }[] }[] };
    // The packaged dataset, and the same content as the workbench page's working copy.
    assert.deepEqual(body.datasets.flatMap((d) => d.versions.map((v) => v.name)), ['default', 'workbench']);
    const metrics = await fetch(`${address}/metrics?importer=EU27&commodity=crude_oil&year=2024`);
    assert.equal(metrics.status, 200);
    assert.equal(((await metrics.json()) as { importer: string }).importer, 'EU27');
    const preflight = await fetch(`${address}/scenarios`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
});

test('buildServer sets a body limit and a request timeout', async () => {
  const store = await Store.open({ url: `sqlite:${join(scratchDir('serve'), 'corridor.sqlite')}` });
  const app = await buildServer({ store });
  try {
    assert.equal(app.initialConfig.bodyLimit, DEFAULT_BODY_LIMIT);
    assert.equal(app.server.requestTimeout, DEFAULT_REQUEST_TIMEOUT_MS, 'a request must arrive whole within the timeout');
    assert.ok(DEFAULT_BODY_LIMIT <= 5 * 1024 * 1024 && DEFAULT_REQUEST_TIMEOUT_MS > 0);
  } finally {
    await app.close();
    await store.close();
  }
});
