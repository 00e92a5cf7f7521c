// `corridor db backup` then `corridor db restore` into a new store gives the same contents, table by table, on
// SQLite and PostgreSQL and across them (a SQLite backup into PostgreSQL, a PostgreSQL export into SQLite); a backup
// from a newer schema, a changed dataset, a broken file and a non-empty store are refused and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { DRIVERS, tinyFiles, TINY_SCENARIO, type TestDriver } from './store-drivers.ts';
import { runCli, scratchDir } from './helpers.ts';
import { Store } from '../src/store/db/store.ts';
import { STORE_TABLES } from '../src/store/db/backup.ts';
import { LATEST_VERSION } from '../src/store/db/migrations.ts';

/** Every row of every table but the migration ledger, as text, sorted: what a restore must give back. */
async function contents(url: string): Promise<Record<string, string[]>> {
  const store = await Store.open({ url });
  try {
    const out: Record<string, string[]> = {};
    for (const t of STORE_TABLES.filter((n) => n !== 'schema_migrations')) {
      const rows = await store.db.all(`SELECT * FROM ${t}`);
      out[t] = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] === null ? null : String(r[k])]))).sort();
    }
    return out;
  } finally {
    await store.close();
  }
}

/** A store with something in every table: two dataset versions, a scenario, a risk spec, a run, a job, a token, a candidate. */
async function filledStore(driver: TestDriver): Promise<string> {
  const url = await driver.newUrl();
  const store = await Store.open({ url });
  const { dataset } = await store.importDataset('tiny', tinyFiles());
  await store.importDataset('tiny', tinyFiles(1));
  await store.createScenario('cpc', TINY_SCENARIO);
  await store.createDocument('riskSpec', 'cpc', 'commodity: crude_oil\nyear: 2024\nelements:\n  - element: route:cpc\n    probability: 0.1\n');
  await store.saveRun({ key: 'k1', datasetId: dataset.id, scenarioHash: 'h', codeVersion: '0.1.0', result: { objective: 115 } });
  await store.jobs.create({ id: 'job_0000000000000001', kind: 'n1', status: 'done', input: { commodity: 'crude_oil' }, runKey: 'k1', datasetId: dataset.id, done: 9, total: 9 });
  await store.createToken('restore');
  await store.candidates.save('tiny', { hash: 'a'.repeat(64), title: 'T', source: 'Reuters', published: '2023-11-02', method: 'corridor-events@1', savedAt: '2026-01-01' },
    [{ id: 'aaaaaaaa-1', type: 'AGREE' } as never]);
  await store.close();
  return url;
}

const backupName = (driver: TestDriver) => join(scratchDir('restore'), driver.name === 'sqlite' ? 'store.sqlite' : 'store.json');

for (const from of DRIVERS) {
  for (const to of DRIVERS) {
    test(`backup on ${from.name}, restore into ${to.name}: the same contents`, async () => {
      const url = await filledStore(from);
      const file = backupName(from);
      assert.equal((await runCli('db', 'backup', file, '--database', url)).code, 0);
      const target = await to.newUrl();
      const restored = await runCli('db', 'restore', file, '--database', target, '--json');
      assert.equal(restored.code, 0, restored.stderr);
      const r = JSON.parse(restored.stdout);
      assert.deepEqual([r.rows.datasets, r.rows.dataset_versions, r.rows.scenarios, r.rows.risk_specs, r.rows.runs, r.rows.jobs, r.rows.api_tokens, r.rows.event_candidates], [2, 2, 1, 1, 1, 1, 1, 1]);
      assert.deepEqual(await contents(target), await contents(url));
      // The restored store answers as the original: the dataset by name, the run by key.
      const store = await Store.open({ url: target });
      assert.equal((await store.dataset('tiny@1'))!.rowCount, (await Store.open({ url }).then(async (s) => { const d = await s.dataset('tiny@1'); await s.close(); return d!; })).rowCount);
      assert.deepEqual((await store.run('k1'))!.result, { objective: 115 });
      await store.close();
      // Restoring into a store that is not empty needs --replace.
      const again = await runCli('db', 'restore', file, '--database', target);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /not empty.*--replace/);
      assert.equal((await runCli('db', 'restore', file, '--database', target, '--replace')).code, 0);
      assert.deepEqual(await contents(target), await contents(url));
    });
  }

  test(`restore refuses a newer schema, a changed dataset and a broken file, and changes nothing (${from.name})`, async () => {
    const url = await filledStore(DRIVERS[1]);
    const file = backupName(DRIVERS[1]);
    assert.equal((await runCli('db', 'backup', file, '--database', url)).code, 0);
    const target = await filledStore(from);
    const before = await contents(target);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    const newer = join(scratchDir('restore'), 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...exported, schemaVersion: LATEST_VERSION + 1 }));
    const r1 = await runCli('db', 'restore', newer, '--database', target, '--replace');
    assert.notEqual(r1.code, 0);
    assert.match(r1.stderr, new RegExp(`newer schema \\(version ${LATEST_VERSION + 1}`));
    const changed = join(scratchDir('restore'), 'changed.json');
    const tampered = structuredClone(exported);
    const flows = tampered.tables.dataset_files.find((f: { path: string }) => f.path === 'flows.csv');
    flows.content = flows.content.replace('2024,crude_oil,KAZ,ITA,cpc,14,', '2024,crude_oil,KAZ,ITA,cpc,15,');
    writeFileSync(changed, JSON.stringify(tampered));
    const r2 = await runCli('db', 'restore', changed, '--database', target, '--replace');
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /were changed; nothing was restored/);
    const invalid = join(scratchDir('restore'), 'invalid.json');
    const broken = structuredClone(exported);
    broken.tables.dataset_files.find((f: { path: string }) => f.path === 'flows.csv').content += '2024,crude_oil,KAZ,ITA,cpc,-3,Mt/yr,hand,,\n';
    writeFileSync(invalid, JSON.stringify(broken));
    const r3 = await runCli('db', 'restore', invalid, '--database', target, '--replace');
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /is not valid/);
    const garbage = join(scratchDir('restore'), 'garbage.json');
    writeFileSync(garbage, '{"format": "something else"}');
    assert.equal((await runCli('db', 'restore', garbage, '--database', target, '--replace')).code, 2);
    assert.equal((await runCli('db', 'restore', join(scratchDir('restore'), 'missing.json'), '--database', target, '--replace')).code, 2);
    // A row of the wrong shape fails inside the transaction: rolled back.
    const shape = join(scratchDir('restore'), 'shape.json');
    const odd = structuredClone(exported);
    odd.tables.runs[0].result = { not: 'text' };
    writeFileSync(shape, JSON.stringify(odd));
    assert.equal((await runCli('db', 'restore', shape, '--database', target, '--replace')).code, 2);
    assert.deepEqual(await contents(target), before);
  });
}
