// The workbench's part of the server (src/server/web.ts), through app.inject(): the dataset's tables for the page,
// the built page and its assets, and the refusals (unknown dataset, malformed query, paths outside assets/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { scratchDir } from './helpers.ts';
import { Store } from '../src/store/db/store.ts';
import { buildServer } from '../src/server/app.ts';
import { prepareWorkbenchDataset, registerWeb, WORKBENCH_DATASET } from '../src/server/web.ts';
import { Library } from '../src/server/service.ts';
import { readDatasetFolder } from '../src/store/db/dataset-files.ts';
import { DEFAULT_DATASET_DIR } from '../src/paths.ts';
import { startServe } from './web-helpers.ts';

let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await Store.open({ url: `sqlite:${join(scratchDir('web-server'), 'corridor.sqlite')}` });
  await store.importDataset('default', readDatasetFolder(DEFAULT_DATASET_DIR));
  app = await buildServer({ store, defaultDataset: 'default' });
});
after(async () => { await app.close(); await store.close(); });

const csvRows = (file: string) => readFileSync(join(DEFAULT_DATASET_DIR, file), 'utf8').trim().split('\n').length - 1;

test('GET /web/dataset gives the stored dataset\'s tables, row for row', async () => {
  const r = await app.inject({ method: 'GET', url: '/web/dataset' });
  assert.equal(r.statusCode, 200);
  const body = r.json() as { info: { name: string; hash: string; dir: string }; tables: Record<string, unknown[]> };
  assert.equal(body.info.name, 'corridor-default');
  assert.equal(body.info.dir, '', 'no server path is sent to the page');
  assert.equal(body.tables.flow.length, csvRows('flows.csv'));
  assert.equal(body.tables.route.length, csvRows('routes.csv'));
  const cpc = body.tables.route.find((x) => (x as { id: string }).id === 'cpc') as { capacity: number; unit: string; source: string[] };
  assert.deepEqual([cpc.capacity, cpc.unit], [81.5, 'Mt/yr']);
  assert.deepEqual(cpc.source, ['kmg_ar2024', 'tass_cpc_2026', 'reuters_cpc_2022']);
});

test('GET /web/dataset refuses an unknown dataset (404) and a malformed or unknown query field (400)', async () => {
  const unknown = await app.inject({ method: 'GET', url: '/web/dataset?dataset=nope' });
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.json().error.message, /no stored dataset "nope"/);
  const traversal = await app.inject({ method: 'GET', url: '/web/dataset?dataset=../../etc' });
  assert.equal(traversal.statusCode, 400);
  assert.equal(traversal.json().error.field, 'query.dataset');
  const extra = await app.inject({ method: 'GET', url: '/web/dataset?year=2024' });
  assert.equal(extra.statusCode, 400);
});

test('the built page is served at / and its assets under /assets/, nothing outside them', async () => {
  const dir = scratchDir('web-dist');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(dir, 'assets', 'main-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  const own = Fastify();
  registerWeb(own, new Library(store, 'default'), { store, webDir: dir });
  try {
    const page = await own.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const js = await own.inject({ method: 'GET', url: '/assets/main-1.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    for (const url of ['/assets/../secret.txt', '/assets/%2e%2e%2fsecret.txt', '/assets/missing.js', '/assets/.hidden']) {
      assert.equal((await own.inject({ method: 'GET', url })).statusCode, 404, url);
    }
  } finally {
    await own.close();
  }
  // Without a built page, / goes to the API's documentation.
  const bare = Fastify();
  registerWeb(bare, new Library(store, 'default'), { store, webDir: join(dir, 'none') });
  const r = await bare.inject({ method: 'GET', url: '/' });
  assert.equal(r.statusCode, 302);
  assert.equal(r.headers.location, '/docs');
  await bare.close();
});

test('corridor serve --no-web-token prints the workbench link without a token, and the page is served at /', { timeout: 30_000 }, async () => {
  const served = await startServe(['--no-web-token']);
  try {
    assert.equal(served.link, `${served.address}/`);
    const page = await fetch(`${served.address}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Corridor workbench<\/title>/);
    // Writes still need a token: none was made for this session.
    const save = await fetch(`${served.address}/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ yaml: 'name: x' }) });
    assert.equal(save.status, 401);
  } finally {
    assert.equal(await served.stop(), 0);
  }
});

test('corridor serve --dataset naming no stored dataset stops before binding, with the reason and exit status 2', () => {
  const dir = scratchDir('web-serve-bad');
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'corridor.mjs'), 'serve', '--port', '0', '--database', `sqlite:${join(dir, 'c.sqlite')}`, '--dataset', 'nope'], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no stored dataset "nope"/);
  assert.equal(run.stdout, '', 'nothing served, no address printed');
});

test('corridor serve on a port in use says so and how to pick another (exit status 2, not an internal error)', async () => {
  const { createServer } = await import('node:net');
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const port = (holder.address() as { port: number }).port;
  try {
    const dir = scratchDir('web-serve-port');
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'corridor.mjs'), 'serve', '--port', String(port), '--database', `sqlite:${join(dir, 'c.sqlite')}`, '--no-web-token'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`cannot serve on 127\\.0\\.0\\.1:${port}: it is in use by another program; pick another with --port`));
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});

test('the workbench\'s working copy: made from the packaged dataset once, writable; the packaged dataset and fixed versions are not', async () => {
  const packaged = readDatasetFolder(DEFAULT_DATASET_DIR);
  const packagedId = (await store.datasetFiles('default'))!.id;
  const first = await prepareWorkbenchDataset(store, packaged, packagedId);
  assert.deepEqual([first.name, first.version, first.created, first.stale], [WORKBENCH_DATASET, 1, true, false]);
  const again = await prepareWorkbenchDataset(store, packaged, packagedId);
  assert.deepEqual([again.version, again.created, again.id, again.stale], [1, false, first.id, false]);
  // A later Corridor whose packaged dataset differs: the copy is kept as it is, and said to be from an earlier one.
  const later = await prepareWorkbenchDataset(store, packaged, '0123456789abcdef');
  assert.deepEqual([later.version, later.created, later.stale], [1, false, true]);
  // The same content as the packaged dataset, so the same hash (a dataset's id is its content's hash).
  assert.equal(first.id, (await store.datasetFiles('default'))!.id);
  const own = await buildServer({ store, defaultDataset: 'default', webDataset: WORKBENCH_DATASET });
  try {
    const page = (await own.inject({ method: 'GET', url: '/web/dataset' })).json() as { working: { name: string; version: number; writable: boolean; why: string } };
    assert.deepEqual(page.working, { name: 'workbench', version: 1, writable: true, why: '' });
    const fixed = (await own.inject({ method: 'GET', url: `/web/dataset?dataset=${first.id}` })).json() as { working: { writable: boolean; why: string } };
    assert.equal(fixed.working.writable, false);
    assert.match(fixed.working.why, /named by its hash or version, which never changes/);
  } finally {
    await own.close();
  }
  // The server without a working copy shows the packaged dataset, read-only, and says where the working copy comes from.
  const packagedPage = (await app.inject({ method: 'GET', url: '/web/dataset' })).json() as { working: { name: string; writable: boolean; why: string } };
  assert.deepEqual([packagedPage.working.name, packagedPage.working.writable], ['default', false]);
  assert.match(packagedPage.working.why, /packaged dataset \(stored as "default"\) is read-only: `corridor serve` without --dataset gives the page its working copy "workbench"/);
});

test('corridor serve on a store it cannot create stops with the reason and what to do (exit status 1, nothing printed on stdout)', () => {
  const dir = scratchDir('web-serve-store');
  writeFileSync(join(dir, 'a-file'), '');
  // CORRIDOR_HOME under a file: the store's folder cannot be made.
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'corridor.mjs'), 'serve', '--port', '0'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, CORRIDOR_DATABASE_URL: '', CORRIDOR_HOME: join(dir, 'a-file', 'corridor') } });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`cannot use the store sqlite:${join(dir, 'a-file', 'corridor', 'corridor.sqlite').replaceAll('/', '\\/')} \\(ENOTDIR: not a directory.*\\): corridor serve keeps the workbench's dataset, saved scenarios and accepted events there; set CORRIDOR_HOME to a writable folder or give --database`));
  assert.equal(run.stdout, '');
});
