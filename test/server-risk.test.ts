// Risk through the API on SQLite and PostgreSQL: risk specs CRUD, N-1 and Monte Carlo as jobs (202, progress,
// results against figures worked out by hand, served from the store the second time), cancelling keeps the draws
// done, the concurrency and queue limits, and a job left running by a stopped server is marked failed on start-up.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { DRIVERS } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';
import { buildServer } from '../src/server/app.ts';
import { Store } from '../src/store/db/store.ts';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { FIXTURES, runCli, scratchDir } from './helpers.ts';

// tiny 2024 (test/risk-n1.test.ts works the figures out): losing route:cpc costs 1640 USD million more, nothing
// unserved (crude is fungible); exporter:KAZ 1775, exporter:USA 450, route:aktau_btc 50.
const CPC_ALWAYS = 'name: cpc always lost\ncommodity: crude_oil\nyear: 2024\ndraws: 40\nseed: 3\nelements:\n  - element: route:cpc\n    probability: 1\n    loss: all\n';
const CPC_HALF = 'name: cpc half the time\ncommodity: crude_oil\nyear: 2024\nelements:\n  - element: route:cpc\n    probability: 0.5\n';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(s: TestServer, id: string, until: (job: Record<string, any>) => boolean, seconds = 60): Promise<Record<string, any>> {
  for (let i = 0; i < seconds * 20; i++) {
    const job = (await s.app.inject({ url: `/jobs/${id}` })).json();
    if (until(job)) return job;
    await sleep(50);
  }
  throw new Error(`job ${id} did not get there in ${seconds} s`);
}
const ended = (job: Record<string, any>) => !['queued', 'running'].includes(job.status);

for (const driver of DRIVERS) {
  describe(`risk through the API (${driver.name})`, () => {
    let s: TestServer;
    before(async () => { s = await testServer(driver, { jobs: { concurrency: 1, queue: 1 } }); });
    after(async () => { await s.close(); });

    test('risk specs: create (JSON and YAML), read, list, update, delete; a bad spec is 422 naming its lines', async () => {
      const created = await s.app.inject({ method: 'POST', url: '/risk-specs', headers: s.auth, payload: { yaml: CPC_ALWAYS } });
      assert.equal(created.statusCode, 201, created.body);
      const { id, name } = created.json();
      assert.match(id, /^rsk_[0-9a-f]{16}$/);
      assert.equal(name, 'cpc always lost');
      const yaml = await s.app.inject({ method: 'POST', url: '/risk-specs', headers: { ...s.auth, 'content-type': 'application/yaml' }, payload: CPC_HALF });
      assert.equal(yaml.statusCode, 201, yaml.body);
      assert.equal((await s.app.inject({ url: `/risk-specs/${id}` })).json().yaml, CPC_ALWAYS);
      assert.ok((await s.app.inject({ url: '/risk-specs' })).json().riskSpecs.some((r: { id: string }) => r.id === id));
      const renamed = await s.app.inject({ method: 'PUT', url: `/risk-specs/${yaml.json().id}`, headers: s.auth, payload: { name: 'renamed', yaml: CPC_HALF } });
      assert.equal(renamed.json().name, 'renamed');
      const bad = await s.app.inject({ method: 'POST', url: '/risk-specs', headers: s.auth, payload: { yaml: 'commodity: crude_oil\nyear: 2024\nelements:\n  - element: pipe:cpc\n    probability: 2\n' } });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'CORRIDOR_ERR_SCENARIO_INVALID');
      assert.equal(bad.json().error.field, 'body.yaml');
      assert.deepEqual(bad.json().error.details, [
        'risk-spec.yaml:4: element "pipe:cpc" must be kind:name with kind route, asset, transit, exporter or node',
        'risk-spec.yaml:5: "probability" must be a number from 0 to 1, found 2',
      ]);
      const before = (await s.app.inject({ url: '/risk-specs' })).json().riskSpecs.length;
      assert.equal((await s.app.inject({ method: 'PUT', url: `/risk-specs/${id}`, headers: s.auth, payload: { yaml: 'year: x' } })).statusCode, 422);
      assert.equal((await s.app.inject({ url: `/risk-specs/${id}` })).json().yaml, CPC_ALWAYS, 'a refused update changes nothing');
      assert.equal((await s.app.inject({ method: 'DELETE', url: `/risk-specs/${yaml.json().id}`, headers: s.auth })).statusCode, 204);
      assert.equal((await s.app.inject({ url: `/risk-specs/${yaml.json().id}` })).statusCode, 404);
      assert.equal((await s.app.inject({ url: '/risk-specs' })).json().riskSpecs.length, before - 1);
    });

    test('N-1 is a job: 202 with Location, done with the hand-worked cost changes; the same request again is served from the store', async () => {
      const runs = await s.store.runCount();
      const r = await s.app.inject({ method: 'POST', url: '/risk/n1', headers: s.auth, payload: { commodity: 'crude_oil', year: 2024 } });
      assert.equal(r.statusCode, 202, r.body);
      assert.equal(r.headers.location, `/jobs/${r.json().id}`);
      assert.equal(r.json().progress.total, 9, 'nine elements can fail in tiny (test/risk-n1.test.ts lists them)');
      const job = await waitFor(s, r.json().id, ended);
      assert.equal(job.status, 'done', JSON.stringify(job.error));
      const cost = Object.fromEntries(job.result.elements.map((e: { element: string; costChange: number }) => [e.element, e.costChange]));
      assert.ok(Math.abs(cost['route:cpc'] - 1640) < 1e-6, String(cost['route:cpc']));
      assert.ok(Math.abs(cost['exporter:KAZ'] - 1775) < 1e-6);
      assert.ok(Math.abs(cost['exporter:USA'] - 450) < 1e-6);
      assert.ok(Math.abs(cost['route:aktau_btc'] - 50) < 1e-6);
      assert.equal(await s.store.runCount(), runs + 1);
      const again = await s.app.inject({ method: 'POST', url: '/risk/n1', headers: s.auth, payload: { commodity: 'crude_oil' } });
      assert.equal(again.statusCode, 200, 'the latest year is 2024: the same inputs');
      assert.equal(again.json().cached, true);
      assert.equal(again.json().status, 'done');
      assert.equal(again.json().id, job.id, 'the job that computed it: asking again adds no job');
      assert.deepEqual(again.json().result, job.result);
      assert.equal(await s.store.runCount(), runs + 1);
    });

    test('Monte Carlo over a stored spec: every draw loses cpc, so the expected cost change is the N-1 figure, 1640', async () => {
      const spec = (await s.app.inject({ method: 'POST', url: '/risk-specs', headers: s.auth, payload: { yaml: CPC_ALWAYS } })).json();
      const r = await s.app.inject({ method: 'POST', url: '/risk/montecarlo', headers: s.auth, payload: { spec: spec.id } });
      assert.equal(r.statusCode, 202, r.body);
      assert.deepEqual([r.json().input.draws, r.json().input.seed], [40, 3], 'the spec\'s draws and seed');
      const job = await waitFor(s, r.json().id, ended);
      assert.equal(job.status, 'done', JSON.stringify(job.error));
      assert.equal(job.result.draws, 40);
      assert.equal(job.result.stopped, false);
      assert.ok(Math.abs(job.result.expectedCostChange - 1640) < 1e-6, String(job.result.expectedCostChange));
      assert.equal(job.result.total.expectedUnserved, 0);
      assert.deepEqual(job.progress, { done: 40, total: 40, unit: 'draws', secondsLeft: 0 });
      // The same spec inline, with the same draws and seed: the same inputs, served from the store.
      const inline = await s.app.inject({ method: 'POST', url: '/risk/montecarlo', headers: s.auth, payload: { yaml: CPC_ALWAYS, draws: 40, seed: 3 } });
      assert.equal(inline.statusCode, 200);
      assert.equal(inline.json().cached, true);
      assert.deepEqual(inline.json().result, job.result);
    });

    test('cancelling a running Monte Carlo job keeps the draws done; the server answers meanwhile; limits on running and waiting jobs', async () => {
      const r = await s.app.inject({ method: 'POST', url: '/risk/montecarlo', headers: s.auth, payload: { yaml: CPC_HALF, draws: 10_000_000, seed: 11 } });
      assert.equal(r.statusCode, 202, r.body);
      const id = r.json().id;
      const running = await waitFor(s, id, (j) => j.progress.done > 0);
      assert.equal(running.status, 'running');
      assert.ok(running.progress.secondsLeft > 0);
      // Concurrency 1: a second job waits; queue 1: a third is refused.
      const second = await s.app.inject({ method: 'POST', url: '/risk/n1', headers: s.auth, payload: { commodity: 'crude_oil', importer: 'FRA' } });
      assert.equal(second.statusCode, 202);
      assert.equal(second.json().status, 'queued');
      const third = await s.app.inject({ method: 'POST', url: '/risk/n1', headers: s.auth, payload: { commodity: 'crude_oil', importer: 'ITA' } });
      assert.equal(third.statusCode, 503);
      assert.equal(third.json().error.code, 'CORRIDOR_ERR_BUSY');
      // The solver runs in worker threads: a read is answered at once.
      const t = performance.now();
      assert.equal((await s.app.inject({ url: '/datasets' })).statusCode, 200);
      assert.ok(performance.now() - t < 1000, 'a read while a job runs');
      const cancelled = await s.app.inject({ method: 'DELETE', url: `/jobs/${id}`, headers: s.auth });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      const c = cancelled.json();
      assert.equal(c.status, 'cancelled');
      assert.equal(c.result.stopped, true);
      assert.ok(c.result.draws > 0 && c.result.draws < 10_000_000, String(c.result.draws));
      assert.equal(c.result.draws % 250, 0, 'whole batches from draw 0');
      // Half the draws lose cpc (1640 each): the mean is 1640 × the share of draws that lost it, between 0 and 1640.
      assert.ok(c.result.expectedCostChange > 0 && c.result.expectedCostChange < 1640);
      assert.deepEqual((await s.app.inject({ url: `/jobs/${id}` })).json().result, c.result);
      // The queued job runs once the first has ended; cancelling it by POST …/cancel too.
      await waitFor(s, second.json().id, ended);
      const again = await s.app.inject({ method: 'POST', url: `/jobs/${second.json().id}/cancel`, headers: s.auth });
      assert.equal(again.json().status, 'done', 'a job that has ended is left as it is');
      // A cancelled run is not served from the store: the same request starts a new job.
      const fresh = await s.app.inject({ method: 'POST', url: '/risk/montecarlo', headers: s.auth, payload: { yaml: CPC_HALF, draws: 10_000_000, seed: 11 } });
      assert.equal(fresh.statusCode, 202);
      assert.equal((await s.app.inject({ method: 'POST', url: `/jobs/${fresh.json().id}/cancel`, headers: s.auth })).json().status, 'cancelled');
      const list = (await s.app.inject({ url: '/jobs?status=cancelled' })).json().jobs.map((j: { id: string }) => j.id);
      assert.ok(list.includes(id) && list.includes(fresh.json().id));
    });

    test('the API and the CLI give the same N-1 and Monte Carlo results for the same inputs', async () => {
      const dir = join(FIXTURES, 'tiny');
      const specFile = join(scratchDir('risk-api'), 'half.yaml');
      writeFileSync(specFile, CPC_HALF);
      const cliMc = await runCli('risk', 'montecarlo', specFile, '--dataset', dir, '--draws', '500', '--seed', '5', '--workers', '1', '--json');
      assert.equal(cliMc.code, 0, cliMc.stderr);
      const apiMc = await s.app.inject({ method: 'POST', url: '/risk/montecarlo', headers: s.auth, payload: { yaml: CPC_HALF, draws: 500, seed: 5 } });
      const mc = await waitFor(s, apiMc.json().id, ended);
      assert.deepEqual(mc.result, JSON.parse(cliMc.stdout));
      const cliN1 = await runCli('risk', 'n1', '--dataset', dir, '--commodity', 'crude_oil', '--importer', 'FRA', '--json');
      assert.equal(cliN1.code, 0, cliN1.stderr);
      const apiN1 = await s.app.inject({ method: 'POST', url: '/risk/n1', headers: s.auth, payload: { commodity: 'crude_oil', importer: 'FRA' } });
      const n1 = await waitFor(s, apiN1.json().id, ended);
      assert.deepEqual(n1.result, JSON.parse(cliN1.stdout));
    });

    test('jobs need a token to start or cancel; unknown jobs are 404', async () => {
      assert.equal((await s.app.inject({ method: 'POST', url: '/risk/n1', payload: { commodity: 'crude_oil' } })).statusCode, 401);
      const job = (await s.app.inject({ url: '/jobs' })).json().jobs[0];
      assert.equal((await s.app.inject({ method: 'DELETE', url: `/jobs/${job.id}` })).statusCode, 401);
      assert.equal((await s.app.inject({ url: '/jobs/job_0000000000000000' })).statusCode, 404);
      assert.equal((await s.app.inject({ method: 'DELETE', url: '/jobs/job_0000000000000000', headers: s.auth })).statusCode, 404);
    });
  });

  test(`a job left running by a server that stopped is marked failed when a server starts (${driver.name})`, async () => {
    const url = await driver.newUrl();
    const store = await Store.open({ url });
    const { dataset } = await store.importDataset('tiny', (await import('./store-drivers.ts')).tinyFiles());
    // A pid no process has (above the kernel's limit of 2^22), on this host; and a live one (this process) left alone.
    for (const [id, owner] of [['job_00000000000000aa', `${hostname()}:99999999`], ['job_00000000000000bb', `${hostname()}:${process.pid}`], ['job_00000000000000cc', 'elsewhere:1']]) {
      await store.db.transaction((tx) => tx.run("INSERT INTO jobs (id, kind, status, input, run_key, dataset_id, done, total, owner, created_at, started_at) VALUES (?, 'n1', 'running', '{}', 'k', ?, 0, 9, ?, '2026-01-01', '2026-01-01')", [id, dataset.id, owner]));
    }
    const app = await buildServer({ store, defaultDataset: 'tiny' });
    const status = async (id: string) => (await app.inject({ url: `/jobs/${id}` })).json();
    const lost = await status('job_00000000000000aa');
    assert.equal(lost.status, 'failed');
    assert.match(lost.error.message, /server running this job stopped/);
    assert.equal((await status('job_00000000000000bb')).status, 'running', 'a live server\'s job');
    assert.equal((await status('job_00000000000000cc')).status, 'running', 'another host\'s job');
    // A server that stops marks its own jobs failed rather than leaving them running.
    const { token } = await store.createToken('t');
    const long = await app.inject({ method: 'POST', url: '/risk/montecarlo', headers: { authorization: `Bearer ${token}` }, payload: { yaml: CPC_HALF, draws: 10_000_000 } });
    assert.equal(long.statusCode, 202, long.body);
    await app.close();
    const stopped = (await store.jobs.get(long.json().id))!;
    assert.equal(stopped.status, 'failed');
    assert.match(stopped.error!.message, /server stopped before the job finished/);
    await store.close();
  });
}
