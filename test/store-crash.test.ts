// Nothing lost, on SQLite and PostgreSQL: a writer killed with SIGKILL at random points (20 times per database)
// leaves every write it reported committed in place and no half-written one (every dataset has all its files,
// versions are numbered 1..n without gaps, scenarios come in whole batches); two writers at once both get every
// write in, with versions numbered without gaps or duplicates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Store } from '../src/store/db/store.ts';
import { DRIVERS, tinyFiles } from './store-drivers.ts';
import { seededRandom } from '../src/model/random.ts';

const WRITER = join(import.meta.dirname, 'store-writer.ts');
const BATCH = 200;
const KILLS = 20;

function startWriter(url: string, mode: string, tag: number, count: number): { child: ChildProcess; lines: string[]; ready: Promise<void>; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, mode, String(tag), String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => { onReady = resolve; });
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) { if (line === 'ready') onReady(); else lines.push(line); }
  });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(stderr);
    onReady();
    resolve(code);
  }));
  return { child, lines, ready, done };
}

/** The store is whole: every dataset has its files, versions run 1..n, scenarios come in whole batches. */
async function assertWhole(store: Store): Promise<{ versions: number; scenarios: number }> {
  const expectedFiles = tinyFiles().size;
  for (const row of await store.db.all('SELECT d.id, d.file_count, COUNT(f.path) AS n FROM datasets d LEFT JOIN dataset_files f ON f.dataset_id = d.id GROUP BY d.id, d.file_count')) {
    assert.equal(Number(row.n), Number(row.file_count), `dataset ${String(row.id)} has all its files`);
    assert.equal(Number(row.n), expectedFiles);
  }
  const versions = (await store.db.all("SELECT version FROM dataset_versions WHERE name = 'crash-test' ORDER BY version")).map((r) => Number(r.version));
  assert.deepEqual(versions, versions.map((_, i) => i + 1), 'versions 1..n without gaps or duplicates');
  const orphans = await store.db.all('SELECT v.dataset_id FROM dataset_versions v LEFT JOIN datasets d ON d.id = v.dataset_id WHERE d.id IS NULL');
  assert.deepEqual(orphans, []);
  const batches = await store.db.all('SELECT name, COUNT(*) AS n FROM scenarios GROUP BY name');
  for (const b of batches) assert.equal(Number(b.n) % BATCH, 0, `${String(b.name)} is whole`);
  if (store.db.kind === 'sqlite') assert.deepEqual(await store.db.all('PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  return { versions: versions.length, scenarios: batches.reduce((n, b) => n + Number(b.n), 0) };
}

for (const driver of DRIVERS) {
  describe(`nothing lost (${driver.name})`, () => {
    test(`a writer killed with SIGKILL at ${KILLS} random points leaves the previous state whole`, { timeout: 300_000 }, async (t) => {
      const url = await driver.newUrl();
      await (await Store.open({ url })).close(); // migrated before the first writer starts
      const random = seededRandom(driver.name === 'sqlite' ? 11 : 12);
      let committedVersions = 0;
      let committedBatches = 0;
      let killedInBatch = 0;
      for (let round = 0; round < KILLS; round++) {
        const writer = startWriter(url, 'both', round + 1, 0);
        await writer.ready;
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(random() * 400)));
        writer.child.kill('SIGKILL');
        await writer.done;
        const reported = writer.lines;
        const store = await Store.open({ url });
        try {
          const { versions, scenarios } = await assertWhole(store);
          committedVersions += reported.filter((l) => l.startsWith('dataset ')).length;
          committedBatches += reported.filter((l) => l.startsWith('batch ')).length;
          // Every write reported committed is there; at most the one in flight when killed is also there.
          assert.ok(versions >= committedVersions && versions <= committedVersions + 1, `round ${round}: ${versions} versions, ${committedVersions} reported`);
          assert.ok(scenarios >= committedBatches * BATCH && scenarios <= (committedBatches + 1) * BATCH, `round ${round}: ${scenarios} scenarios, ${committedBatches} batches reported`);
          // Killed after the writer began a batch and before the batch was in the store: killed while saving it.
          const lastBegin = reported.filter((l) => l.startsWith('begin ')).at(-1);
          if (lastBegin && !reported.includes(`batch ${lastBegin.slice(6)}`) && scenarios === committedBatches * BATCH) killedInBatch++;
          committedVersions = versions;
          committedBatches = scenarios / BATCH;
        } finally {
          await store.close();
        }
      }
      assert.ok(committedVersions + committedBatches > 0, 'the writers got some writes in before they were killed');
      t.diagnostic(`${killedInBatch} of ${KILLS} kills landed while a batch was being saved (none of it was kept); ${committedVersions} imports and ${committedBatches} batches committed`);
    });

    test('two writers at once: every write of both is in, versions numbered without gaps or duplicates', { timeout: 120_000 }, async () => {
      const url = await driver.newUrl();
      await (await Store.open({ url })).close();
      const writers = [startWriter(url, 'both', 1, 12), startWriter(url, 'both', 2, 12)];
      const codes = await Promise.all(writers.map((w) => w.done));
      assert.deepEqual(codes, [0, 0]);
      const store = await Store.open({ url });
      try {
        const { versions, scenarios } = await assertWhole(store);
        assert.equal(versions, 12, 'six imports from each writer, each a new version');
        assert.equal(scenarios, 12 * BATCH);
        const reported = writers.flatMap((w) => w.lines.filter((l) => l.startsWith('dataset ')).map((l) => Number(l.split(' ')[2])));
        assert.deepEqual(reported.sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1), 'each writer was told its own version number');
      } finally {
        await store.close();
      }
    });
  });
}
