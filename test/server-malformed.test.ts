// Malformed requests, on SQLite and PostgreSQL: wrong types, missing and unknown fields, huge bodies, bad JSON,
// unknown ids, SQL injection strings in every text field and path traversal in names. Each gets a 4xx with
// {error: {code, message, field?}} naming the field and why, never a stack trace; the store is intact afterwards.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVERS, tinyFiles, TINY_SCENARIO } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';

const INJECTION = "'; DROP TABLE datasets; --";
const TRAVERSAL = '../../etc/passwd';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string | ((s: TestServer & { scenario: string; noRoute: string }) => string);
  payload?: unknown;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  field?: string;
  message?: RegExp;
}

const files = () => Object.fromEntries(tinyFiles());

const CASES: Case[] = [
  { name: 'dataset name of the wrong type', method: 'POST', url: '/datasets', payload: { name: 123, files: files() }, status: 400, field: 'body.name', message: /expects string/ },
  { name: 'dataset without files', method: 'POST', url: '/datasets', payload: { name: 'x' }, status: 400, field: 'body.files', message: /is required/ },
  { name: 'dataset files as an array', method: 'POST', url: '/datasets', payload: { name: 'x', files: ['a'] }, status: 400, field: 'body.files', message: /expects object/ },
  { name: 'a file content that is a number', method: 'POST', url: '/datasets', payload: { name: 'x', files: { ...files(), 'flows.csv': 5 } }, status: 400, field: 'body.files.flows.csv', message: /expects string/ },
  { name: 'path traversal in the dataset name', method: 'POST', url: '/datasets', payload: { name: TRAVERSAL, files: files() }, status: 400, field: 'body.name' },
  { name: 'path traversal in a file name', method: 'POST', url: '/datasets', payload: { name: 'x', files: { ...files(), [TRAVERSAL]: 'x' } }, status: 400, code: 'CORRIDOR_ERR_ARGUMENT', field: `files.${TRAVERSAL}` },
  { name: 'SQL injection in the dataset name', method: 'POST', url: '/datasets', payload: { name: INJECTION, files: files() }, status: 400, field: 'body.name' },
  { name: 'an unknown field', method: 'POST', url: '/datasets', payload: { name: 'x', files: files(), admin: true }, status: 400, field: 'body.admin', message: /not a field/ },
  { name: 'a body that is not JSON', method: 'POST', url: '/datasets', payload: '{"name": "x", files', headers: { 'content-type': 'application/json' }, status: 400, field: 'body', message: /not valid JSON/ },
  { name: 'an empty JSON body', method: 'POST', url: '/datasets', payload: '', headers: { 'content-type': 'application/json' }, status: 400, field: 'body' },
  { name: 'a body over the size limit', method: 'POST', url: '/datasets', payload: { name: 'x', files: { 'flows.csv': 'x'.repeat(6 * 1024 * 1024) } }, status: 413, code: 'CORRIDOR_ERR_TOO_LARGE' },
  { name: 'a content type the route does not take', method: 'POST', url: '/datasets', payload: 'name=x', headers: { 'content-type': 'text/plain' }, status: 415, field: 'header.content-type' },
  { name: 'a dataset without datapackage.json', method: 'POST', url: '/datasets', payload: { name: 'x', files: { 'flows.csv': 'a\n' } }, status: 422, code: 'CORRIDOR_ERR_DATASET_INVALID' },
  { name: 'an unknown dataset', method: 'GET', url: '/datasets/0123456789abcdef', status: 404, code: 'CORRIDOR_ERR_UNKNOWN_ID', field: 'params.id' },
  { name: 'an unknown dataset name', method: 'GET', url: '/datasets/nothing-here@3', status: 404, code: 'CORRIDOR_ERR_UNKNOWN_ID' },
  { name: 'path traversal as a dataset id', method: 'GET', url: `/datasets/${encodeURIComponent(TRAVERSAL)}`, status: 400, field: 'params.id' },
  { name: 'SQL injection as a dataset id', method: 'GET', url: `/datasets/${encodeURIComponent(INJECTION)}`, status: 400, field: 'params.id' },
  { name: 'metrics without a commodity', method: 'GET', url: '/metrics?importer=FRA', status: 400, field: 'query.commodity', message: /is required/ },
  { name: 'metrics with a year that is not a number', method: 'GET', url: '/metrics?importer=FRA&commodity=crude_oil&year=20x4', status: 400, field: 'query.year' },
  { name: 'metrics with SQL injection in importer', method: 'GET', url: `/metrics?importer=${encodeURIComponent(INJECTION)}&commodity=crude_oil`, status: 400, field: 'query.importer' },
  { name: 'metrics with SQL injection in commodity', method: 'GET', url: `/metrics?importer=FRA&commodity=${encodeURIComponent(INJECTION)}`, status: 400, field: 'query.commodity' },
  { name: 'metrics with SQL injection in dataset', method: 'GET', url: `/metrics?importer=FRA&commodity=crude_oil&dataset=${encodeURIComponent(INJECTION)}`, status: 400, field: 'query.dataset' },
  { name: 'metrics with path traversal in dataset', method: 'GET', url: `/metrics?importer=FRA&commodity=crude_oil&dataset=${encodeURIComponent(TRAVERSAL)}`, status: 400, field: 'query.dataset' },
  { name: 'metrics of an unknown importer', method: 'GET', url: '/metrics?importer=XYZ&commodity=crude_oil', status: 404, code: 'CORRIDOR_ERR_UNKNOWN_ID' },
  { name: 'metrics of an unknown stored dataset', method: 'GET', url: '/metrics?importer=FRA&commodity=crude_oil&dataset=nowhere', status: 404, field: 'query.dataset' },
  { name: 'metrics with importer and exporter', method: 'GET', url: '/metrics?importer=FRA&exporter=KAZ&commodity=crude_oil', status: 400, field: 'query.exporter' },
  { name: 'metrics with an unknown parameter', method: 'GET', url: '/metrics?importer=FRA&commodity=crude_oil&limit=5', status: 400, field: 'query.limit' },
  { name: 'metrics with a repeated parameter', method: 'GET', url: '/metrics?importer=FRA&importer=ITA&commodity=crude_oil', status: 400, field: 'query.importer' },
  { name: 'a scenario without yaml', method: 'POST', url: '/scenarios', payload: { name: 'x' }, status: 400, field: 'body.yaml', message: /is required/ },
  { name: 'a scenario whose yaml is a number', method: 'POST', url: '/scenarios', payload: { yaml: 42 }, status: 400, field: 'body.yaml' },
  { name: 'a scenario body that is an array', method: 'POST', url: '/scenarios', payload: [TINY_SCENARIO], status: 400, field: 'body' },
  { name: 'a scenario that is not valid YAML', method: 'POST', url: '/scenarios', payload: { yaml: 'name: [unclosed\n  - x: :' }, status: 422, code: 'CORRIDOR_ERR_SCENARIO_INVALID', field: 'body.yaml' },
  { name: 'a scenario with a change of an unknown type', method: 'POST', url: '/scenarios', payload: { yaml: TINY_SCENARIO.replace('close_route', 'blow_up') }, status: 422, code: 'CORRIDOR_ERR_SCENARIO_INVALID' },
  { name: 'a scenario name over its limit', method: 'POST', url: '/scenarios', payload: { name: 'n'.repeat(201), yaml: TINY_SCENARIO }, status: 400, field: 'body.name', message: /longer than 200/ },
  { name: 'an unknown scenario', method: 'GET', url: '/scenarios/scn_0000000000000000', status: 404, field: 'params.id' },
  { name: 'path traversal as a scenario id', method: 'GET', url: `/scenarios/${encodeURIComponent(TRAVERSAL)}`, status: 400, field: 'params.id' },
  { name: 'SQL injection as a scenario id', method: 'DELETE', url: `/scenarios/${encodeURIComponent(INJECTION)}`, status: 400, field: 'params.id' },
  { name: 'updating an unknown scenario', method: 'PUT', url: '/scenarios/scn_0000000000000000', payload: { yaml: TINY_SCENARIO }, status: 404 },
  { name: 'deleting an unknown scenario', method: 'DELETE', url: '/scenarios/scn_0000000000000000', status: 404 },
  { name: 'running an unknown scenario', method: 'POST', url: '/scenarios/scn_0000000000000000/run', status: 404 },
  { name: 'running on an unknown dataset', method: 'POST', url: (s) => `/scenarios/${s.scenario}/run`, payload: { dataset: 'nowhere' }, status: 404, field: 'body.dataset' },
  { name: 'running with SQL injection as the dataset', method: 'POST', url: (s) => `/scenarios/${s.scenario}/run`, payload: { dataset: INJECTION }, status: 400, field: 'body.dataset' },
  { name: 'running on another stored dataset, by name', method: 'POST', url: (s) => `/scenarios/${s.scenario}/run`, payload: { dataset: 'other' }, status: 200 },
  { name: 'running a scenario that names a route the dataset lacks', method: 'POST', url: (s) => `/scenarios/${s.noRoute}/run`, status: 422, code: 'CORRIDOR_ERR_SCENARIO_INVALID' },
  { name: 'compare with no scenarios', method: 'POST', url: '/compare', payload: { scenarios: [] }, status: 400, field: 'body.scenarios' },
  { name: 'compare with scenarios not a list', method: 'POST', url: '/compare', payload: { scenarios: 'scn_0000000000000000' }, status: 400, field: 'body.scenarios' },
  { name: 'compare with an unknown scenario', method: 'POST', url: '/compare', payload: { scenarios: ['scn_0000000000000000'] }, status: 404, field: 'body.scenarios.0' },
  { name: 'compare with SQL injection as a scenario id', method: 'POST', url: '/compare', payload: { scenarios: [INJECTION] }, status: 400, field: 'body.scenarios.0' },
  { name: 'ingest without text', method: 'POST', url: '/ingest', payload: { published: '2024-01-01' }, status: 400, field: 'body.text' },
  { name: 'ingest with a date that does not exist', method: 'POST', url: '/ingest', payload: { text: 'x', published: '2024-02-30' }, status: 400, field: 'body.published' },
  { name: 'ingest with SQL injection in the date', method: 'POST', url: '/ingest', payload: { text: 'x', published: INJECTION }, status: 400, field: 'body.published' },
  { name: 'ingest with text of the wrong type', method: 'POST', url: '/ingest', payload: { text: { html: 'x' } }, status: 400, field: 'body.text' },
  { name: 'an unknown route', method: 'GET', url: '/admin', status: 404, code: 'CORRIDOR_ERR_UNKNOWN_ID' },
  { name: 'a method a route does not have', method: 'PATCH', url: '/datasets', payload: {}, status: 404 },
];

// Text fields that are stored or echoed: injection strings go in and come back as they were.
const ACCEPTED: Case[] = [
  { name: 'SQL injection in a scenario name is kept as text', method: 'POST', url: '/scenarios', payload: { name: INJECTION, yaml: TINY_SCENARIO }, status: 201 },
  { name: 'SQL injection in a scenario text is kept as text', method: 'POST', url: '/scenarios', payload: { yaml: `${TINY_SCENARIO}# ${INJECTION}\n` }, status: 201 },
  { name: 'SQL injection in ingest text and source', method: 'POST', url: '/ingest', payload: { text: INJECTION, source: INJECTION }, status: 200 },
  { name: 'SQL injection in a CSV note is stored as data', method: 'POST', url: '/datasets', payload: { name: 'noted', files: { ...files(), 'flows.csv': files()['flows.csv'].replace('hand,,\n', `hand,,"${INJECTION.replace(/"/g, '""')}"\n`) } }, status: 201 },
];

for (const driver of DRIVERS) {
  describe(`malformed requests (${driver.name})`, () => {
    let s: TestServer & { scenario: string; noRoute: string };
    before(async () => {
      const base = await testServer(driver);
      const other = tinyFiles(3);
      await base.store.importDataset('other', other);
      const created = await base.app.inject({ method: 'POST', url: '/scenarios', headers: base.auth, payload: { yaml: TINY_SCENARIO } });
      const noRoute = await base.store.createScenario('no such route', TINY_SCENARIO.replace('route: cpc', 'route: nowhere'));
      s = { ...base, scenario: created.json().id, noRoute: noRoute.id };
    });
    after(async () => { await s.close(); });

    for (const c of [...CASES, ...ACCEPTED]) {
      test(`${c.name}: ${c.status}`, async () => {
        const url = typeof c.url === 'string' ? c.url : c.url(s);
        const r = await s.app.inject({ method: c.method, url, headers: { ...s.auth, ...c.headers }, payload: c.payload as string });
        assert.equal(r.statusCode, c.status, r.body.slice(0, 500));
        assert.ok(!/\bat .*\.(ts|js):\d+|"stack"/.test(r.body), 'no stack trace');
        if (c.status < 400) return;
        assert.match(r.headers['content-type'] as string, /^application\/json/);
        const { error } = r.json();
        assert.equal(typeof error.code, 'string');
        assert.equal(typeof error.message, 'string');
        assert.ok(error.message.length > 0 && error.message.length < 2000);
        if (c.code) assert.equal(error.code, c.code, error.message);
        if (c.field) assert.equal(error.field, c.field, error.message);
        if (c.message) assert.match(error.message, c.message);
      });
    }

    test('the store is intact after every malformed request', async () => {
      const names = (await s.store.datasets()).flatMap((d) => d.versions.map((v) => v.name)).sort();
      assert.deepEqual(names, ['noted', 'other', 'tiny']);
      const noted = await s.store.datasetFiles('noted');
      assert.ok(noted!.files.get('flows.csv')!.includes('DROP TABLE datasets'), 'the note is kept as data');
      assert.ok((await s.store.scenarios()).some((x) => x.name === INJECTION));
    });
  });
}
