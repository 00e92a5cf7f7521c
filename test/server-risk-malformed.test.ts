// Malformed requests to the risk and job routes, on SQLite and PostgreSQL: wrong types, missing and unknown fields,
// huge bodies, unknown ids (404), injection strings and paths; each is refused with the field at fault, and nothing
// is stored (no job, no spec). And the OpenAPI document lists every route with its schemas.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVERS } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';
import { ROUTES } from '../src/server/schemas.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SPEC = 'commodity: crude_oil\nyear: 2024\nelements:\n  - element: route:cpc\n    probability: 0.1\n';

for (const driver of DRIVERS) {
  describe(`malformed risk and job requests (${driver.name})`, () => {
    let s: TestServer;
    before(async () => { s = await testServer(driver, { bodyLimit: 64 * 1024 }); });
    after(async () => { await s.close(); });

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      s.app.inject({ method: 'POST', url, headers: { ...s.auth, ...headers }, payload: payload as string });
    const refused = (r: { statusCode: number; json: () => any; body: string }, status: number, field: string | undefined, what: string) => {
      assert.equal(r.statusCode, status, `${what}: ${r.body}`);
      assert.equal(r.json().error.field, field, what);
      assert.ok(!('stack' in r.json().error), what);
    };

    test('N-1: wrong types, missing and unknown fields, unknown commodity, year and importer, injection strings', async () => {
      refused(await post('/risk/n1', {}), 400, 'body.commodity', 'missing commodity');
      refused(await post('/risk/n1', { commodity: 7 }), 400, 'body.commodity', 'a number for commodity');
      refused(await post('/risk/n1', { commodity: 'crude_oil', year: '2024' }), 400, 'body.year', 'year as text');
      refused(await post('/risk/n1', { commodity: 'crude_oil', year: 2024.5 }), 400, 'body.year', 'a fractional year');
      refused(await post('/risk/n1', { commodity: 'crude_oil', workers: 4 }), 400, 'body.workers', 'an unknown field');
      refused(await post('/risk/n1', { commodity: "crude_oil'; DROP TABLE jobs; --" }), 400, 'body.commodity', 'SQL in commodity');
      refused(await post('/risk/n1', { commodity: 'uranium' }), 400, 'body.commodity', 'a commodity without flows');
      refused(await post('/risk/n1', { commodity: 'crude_oil', year: 2019 }), 400, 'body.year', 'a year without flows');
      refused(await post('/risk/n1', { commodity: 'crude_oil', importer: 'USA' }), 400, 'body.importer', 'not an importer');
      refused(await post('/risk/n1', { commodity: 'crude_oil', dataset: '../../etc/passwd' }), 400, 'body.dataset', 'a path for the dataset');
      refused(await post('/risk/n1', { commodity: 'crude_oil', dataset: 'nope' }), 404, 'body.dataset', 'an unknown dataset');
      refused(await post('/risk/n1', '[1, 2', { 'content-type': 'application/json' }), 400, 'body', 'not JSON');
      assert.equal((await s.app.inject({ url: '/jobs' })).json().jobs.length, 0, 'no job was created');
    });

    test('Monte Carlo: spec and yaml both or neither, unknown spec 404, bad spec lines, draws and seed out of range, a huge body', async () => {
      refused(await post('/risk/montecarlo', {}), 400, 'body.spec', 'neither spec nor yaml');
      refused(await post('/risk/montecarlo', { spec: 'rsk_0000000000000000', yaml: SPEC }), 400, 'body.spec', 'both');
      refused(await post('/risk/montecarlo', { spec: 'rsk_0000000000000000' }), 404, 'body.spec', 'an unknown spec');
      refused(await post('/risk/montecarlo', { spec: '../rsk_00000000000000' }), 400, 'body.spec', 'a path for the spec');
      refused(await post('/risk/montecarlo', { yaml: SPEC, draws: 0 }), 400, 'body.draws', 'no draws');
      refused(await post('/risk/montecarlo', { yaml: SPEC, draws: 10_000_001 }), 400, 'body.draws', 'too many draws');
      refused(await post('/risk/montecarlo', { yaml: SPEC, draws: '100' }), 400, 'body.draws', 'draws as text');
      refused(await post('/risk/montecarlo', { yaml: SPEC, seed: -1 }), 400, 'body.seed', 'a negative seed');
      refused(await post('/risk/montecarlo', { yaml: SPEC, seed: 2 ** 32 }), 400, 'body.seed', 'a seed of 2^32');
      const unknownElement = await post('/risk/montecarlo', { yaml: SPEC.replace('route:cpc', 'route:nowhere') });
      refused(unknownElement, 422, 'body.yaml', 'an element the network lacks');
      assert.equal(unknownElement.json().error.message, 'risk-spec.yaml:4: unknown element "route:nowhere" for crude_oil 2024');
      const noFlows = await post('/risk/montecarlo', { yaml: SPEC.replace('2024', '2031') });
      refused(noFlows, 422, 'body.yaml', 'a year without flows');
      refused(await post('/risk/montecarlo', { yaml: 'commodity: [' }), 422, 'body.yaml', 'broken YAML');
      refused(await post('/risk/montecarlo', { yaml: 'x'.repeat(70 * 1024) }), 413, 'body', 'a body over the limit');
      refused(await post('/risk-specs', 'name: x\n'.repeat(10_000), { 'content-type': 'application/yaml' }), 413, 'body', 'a YAML body over the limit');
      refused(await post('/risk-specs', 'commodity: crude_oil', { 'content-type': 'text/plain' }), 415, 'header.content-type', 'plain text');
      refused(await post('/risk-specs', { yaml: SPEC, owner: 'me' }), 400, 'body.owner', 'an unknown field');
      refused(await post('/risk-specs', { yaml: 5 }), 400, 'body.yaml', 'a number for yaml');
      assert.equal((await s.app.inject({ url: '/risk-specs' })).json().riskSpecs.length, 0, 'no spec was stored');
      // Quotes and SQL in a name are kept as text, never run.
      const name = "x'); DROP TABLE risk_specs; --";
      const stored = await post('/risk-specs', { name, yaml: SPEC });
      assert.equal(stored.statusCode, 201);
      assert.equal((await s.app.inject({ url: `/risk-specs/${stored.json().id}` })).json().name, name);
      assert.equal((await s.app.inject({ method: 'DELETE', url: `/risk-specs/${stored.json().id}`, headers: s.auth })).statusCode, 204);
      assert.equal((await s.app.inject({ url: '/jobs' })).json().jobs.length, 0, 'no job was created');
    });

    test('ids: unknown ids are 404, malformed ones 400 naming params.id; list filters are checked', async () => {
      refused(await s.app.inject({ url: '/risk-specs/rsk_0123456789abcdef' }), 404, 'params.id', 'an unknown spec');
      refused(await s.app.inject({ method: 'PUT', url: '/risk-specs/rsk_0123456789abcdef', headers: s.auth, payload: { yaml: SPEC } }), 404, 'params.id', 'updating an unknown spec');
      refused(await s.app.inject({ method: 'DELETE', url: '/risk-specs/rsk_0123456789abcdef', headers: s.auth }), 404, 'params.id', 'deleting an unknown spec');
      for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'rsk_%27%3B%20DROP', 'scn_0123456789abcdef']) {
        refused(await s.app.inject({ url: `/risk-specs/${bad}` }), 400, 'params.id', bad);
      }
      refused(await s.app.inject({ url: '/jobs/job_%27%20OR%201%3D1' }), 400, 'params.id', 'SQL in a job id');
      refused(await s.app.inject({ url: '/jobs?status=lost' }), 400, 'query.status', 'an unknown status');
      refused(await s.app.inject({ url: '/jobs?limit=0' }), 400, 'query.limit', 'limit 0');
      refused(await s.app.inject({ url: '/jobs?limit=-5' }), 400, 'query.limit', 'a negative limit');
    });

    test('OpenAPI lists every route of the table with its parameters and bodies', async () => {
      const doc = (await s.app.inject({ url: '/openapi.json' })).json();
      for (const route of ROUTES) {
        const op = doc.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
        assert.ok(op, `${route.method} ${route.url}`);
        if (route.body) assert.ok(op.requestBody.content['application/json'].schema.properties, route.id);
      }
      for (const path of ['/risk/n1', '/risk/montecarlo', '/jobs/{id}', '/jobs/{id}/cancel', '/risk-specs/{id}', '/events/candidates/{id}/accept']) assert.ok(doc.paths[path], path);
      assert.ok(doc.paths['/risk/montecarlo'].post.requestBody.content['application/json'].schema.properties.draws.maximum === 10_000_000);
      // docs/server.md's table names every route too.
      const page = readFileSync(join(import.meta.dirname, '..', 'docs', 'server.md'), 'utf8');
      for (const route of ROUTES) assert.ok(page.includes(`${route.method} ${route.url}`), `docs/server.md lacks ${route.method} ${route.url}`);
    });
  });
}
