// The HTTP API on SQLite and PostgreSQL (app.inject, no socket): datasets, metrics, scenarios CRUD and runs served
// from the store, compare, ingest, the documentation routes; tokens missing, wrong and revoked; and the same
// questions asked through the CLI and the API give the same numbers.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DRIVERS, tinyFiles, TINY_SCENARIO } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';
import { FIXTURES, runCli } from './helpers.ts';
import { ROUTES } from '../src/server/schemas.ts';

/** A result without its timings (how long the solver took differs between two runs). */
const withoutTimings = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (/seconds$/i.test(key) ? undefined : v)));

const filesObject = (variant = 0) => Object.fromEntries(tinyFiles(variant));

for (const driver of DRIVERS) {
  describe(`HTTP API (${driver.name})`, () => {
    let s: TestServer;
    before(async () => { s = await testServer(driver); });
    after(async () => { await s.close(); });

    test('GET /datasets and /datasets/:id; POST /datasets imports a new version, the same content again is 200', async () => {
      const list = await s.app.inject({ method: 'GET', url: '/datasets' });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().datasets.length, 1);
      const id = list.json().datasets[0].id;
      assert.equal((await s.app.inject({ method: 'GET', url: `/datasets/${id}` })).json().id, id);
      assert.equal((await s.app.inject({ method: 'GET', url: '/datasets/tiny@1' })).json().id, id);
      const created = await s.app.inject({ method: 'POST', url: '/datasets', headers: s.auth, payload: { name: 'tiny', files: filesObject(7) } });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().version, 2);
      const same = await s.app.inject({ method: 'POST', url: '/datasets', headers: s.auth, payload: { name: 'tiny', files: filesObject(7) } });
      assert.equal(same.statusCode, 200);
      assert.equal(same.json().created, false);
    });

    test('POST /datasets refuses an invalid data package with its located problems (422) and stores nothing', async () => {
      const files = filesObject();
      files['flows.csv'] = files['flows.csv'].replace(',14,', ',-14,');
      const r = await s.app.inject({ method: 'POST', url: '/datasets', headers: s.auth, payload: { name: 'broken', files } });
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().error.code, 'CORRIDOR_ERR_DATASET_INVALID');
      assert.ok(r.json().error.details.some((d: string) => d.startsWith('flows.csv:3:volume')), r.body);
      assert.equal((await s.app.inject({ method: 'GET', url: '/datasets/broken' })).statusCode, 404);
    });

    test('scenarios: create (JSON and YAML), read, list, update, delete; run is served from the store the second time', async () => {
      const created = await s.app.inject({ method: 'POST', url: '/scenarios', headers: s.auth, payload: { yaml: TINY_SCENARIO } });
      assert.equal(created.statusCode, 201, created.body);
      const { id, name } = created.json();
      assert.equal(name, 'CPC shut (tiny)');
      const yaml = await s.app.inject({ method: 'POST', url: '/scenarios', headers: { ...s.auth, 'content-type': 'application/yaml' }, payload: TINY_SCENARIO });
      assert.equal(yaml.statusCode, 201, yaml.body);
      assert.equal((await s.app.inject({ method: 'GET', url: `/scenarios/${id}` })).json().yaml, TINY_SCENARIO);
      assert.ok((await s.app.inject({ method: 'GET', url: '/scenarios' })).json().scenarios.length >= 2);
      const first = await s.app.inject({ method: 'POST', url: `/scenarios/${id}/run`, headers: s.auth, payload: {} });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().cached, false);
      const second = await s.app.inject({ method: 'POST', url: `/scenarios/${id}/run`, headers: s.auth });
      assert.equal(second.json().cached, true);
      assert.deepEqual(second.json().result, first.json().result);
      // The same text under another scenario id is the same run.
      const other = yaml.json().id;
      assert.equal((await s.app.inject({ method: 'POST', url: `/scenarios/${other}/run`, headers: s.auth })).json().cached, true);
      // A changed text is a new run.
      const put = await s.app.inject({ method: 'PUT', url: `/scenarios/${id}`, headers: s.auth, payload: { name: 'renamed', yaml: `${TINY_SCENARIO}# edited\n` } });
      assert.equal(put.statusCode, 200);
      assert.equal(put.json().name, 'renamed');
      assert.equal((await s.app.inject({ method: 'POST', url: `/scenarios/${id}/run`, headers: s.auth })).json().cached, false);
      const compared = await s.app.inject({ method: 'POST', url: '/compare', headers: s.auth, payload: { scenarios: [id, other] } });
      assert.equal(compared.statusCode, 200, compared.body);
      assert.equal((await s.app.inject({ method: 'DELETE', url: `/scenarios/${id}`, headers: s.auth })).statusCode, 204);
      assert.equal((await s.app.inject({ method: 'GET', url: `/scenarios/${id}` })).statusCode, 404);
    });

    test('POST /ingest returns candidate events', async () => {
      const r = await s.app.inject({ method: 'POST', url: '/ingest', headers: s.auth, payload: { text: 'Kazakhstan and France signed an agreement on oil supplies on Monday.', published: '2024-03-05' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(Array.isArray(r.json().events));
    });

    test('/openapi.json lists every route of the table; /docs is plain HTML with every route', async () => {
      const doc = (await s.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.equal(doc.openapi, '3.0.3');
      for (const route of ROUTES) assert.ok(doc.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()], `${route.method} ${route.url}`);
      const html = await s.app.inject({ method: 'GET', url: '/docs' });
      assert.match(html.headers['content-type'] as string, /text\/html/);
      for (const route of ROUTES) assert.ok(html.body.includes(`${route.method} ${route.url}`));
      assert.ok(!/<script|https?:\/\/(?!127)/.test(html.body), 'no script and nothing loaded from elsewhere');
    });

    test('writes need a token: missing, wrong, malformed and revoked tokens are 401; reads are open', async () => {
      const write = (headers: Record<string, string>) => s.app.inject({ method: 'POST', url: '/scenarios', headers, payload: { yaml: TINY_SCENARIO } });
      const missing = await write({});
      assert.equal(missing.statusCode, 401);
      assert.deepEqual(Object.keys(missing.json().error).sort(), ['code', 'field', 'message']);
      assert.equal(missing.json().error.code, 'CORRIDOR_ERR_UNAUTHORIZED');
      const wrongSecret = s.token.slice(0, -4) + (s.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      assert.equal((await write({ authorization: `Bearer ${wrongSecret}` })).statusCode, 401);
      assert.equal((await write({ authorization: 'Bearer nonsense' })).statusCode, 401);
      assert.equal((await write({ authorization: s.token })).statusCode, 401, 'without "Bearer"');
      const { token, info } = await s.store.createToken('short-lived');
      assert.equal((await write({ authorization: `Bearer ${token}` })).statusCode, 201);
      await s.store.revokeToken(info.id);
      const revoked = await write({ authorization: `Bearer ${token}` });
      assert.equal(revoked.statusCode, 401);
      assert.equal((await s.app.inject({ method: 'DELETE', url: '/scenarios/scn_0000000000000000' })).statusCode, 401, 'the token is checked before the id');
      assert.equal((await s.app.inject({ method: 'GET', url: '/datasets' })).statusCode, 200);
    });
  });

  test(`--protect-reads: reads need a token too (${driver.name})`, async () => {
    const s = await testServer(driver, { protectReads: true });
    try {
      assert.equal((await s.app.inject({ method: 'GET', url: '/datasets' })).statusCode, 401);
      assert.equal((await s.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode, 401);
      assert.equal((await s.app.inject({ method: 'GET', url: '/datasets', headers: s.auth })).statusCode, 200);
    } finally {
      await s.close();
    }
  });

  test(`the CLI and the API give the same numbers: metrics and a scenario run (${driver.name})`, async () => {
    const s = await testServer(driver);
    try {
      const tiny = join(FIXTURES, 'tiny');
      const cli = await runCli('metrics', '--dataset', tiny, '--importer', 'FRA', '--commodity', 'crude_oil', '--year', '2024', '--json');
      assert.equal(cli.code, 0, cli.stderr);
      const api = await s.app.inject({ method: 'GET', url: '/metrics?importer=FRA&commodity=crude_oil&year=2024&dataset=tiny' });
      assert.equal(api.statusCode, 200, api.body);
      assert.deepEqual(api.json(), JSON.parse(cli.stdout));
      const exporterCli = JSON.parse((await runCli('metrics', '--dataset', tiny, '--exporter', 'KAZ', '--commodity', 'crude_oil', '--json')).stdout);
      assert.deepEqual((await s.app.inject({ method: 'GET', url: '/metrics?exporter=KAZ&commodity=crude_oil' })).json(), exporterCli);
      const file = join(FIXTURES, 'scenarios', 'tiny-cpc-shut.yaml');
      const run = await runCli('scenario', 'run', file, '--json');
      assert.equal(run.code, 0, run.stderr);
      const created = await s.app.inject({ method: 'POST', url: '/scenarios', headers: s.auth, payload: { yaml: readFileSync(file, 'utf8') } });
      const ran = await s.app.inject({ method: 'POST', url: `/scenarios/${created.json().id}/run`, headers: s.auth, payload: { dataset: 'tiny' } });
      assert.equal(ran.statusCode, 200, ran.body);
      const fromCli = JSON.parse(run.stdout);
      const fromApi = ran.json().result;
      // The file name differs (a path on the command line, the scenario id in the store); every figure is the same.
      assert.deepEqual(withoutTimings({ ...fromApi, scenario: { ...fromApi.scenario, file: '' } }), withoutTimings({ ...fromCli, scenario: { ...fromCli.scenario, file: '' } }));
    } finally {
      await s.close();
    }
  });
}
