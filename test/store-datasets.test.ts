// The store on SQLite and PostgreSQL: datasets by content hash with a version history per name, invalid datasets
// refused (nothing stored), scenarios, cached runs, tokens (only a hash kept), backups, and the `corridor db` and
// `corridor token` commands.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store, sha256 } from '../src/store/db/store.ts';
import { databaseUrl } from '../src/store/db/open.ts';
import { homedir } from 'node:os';
import { CorridorError } from '../src/errors.ts';
import { LATEST_VERSION } from '../src/store/db/migrations.ts';
import { DRIVERS, tinyFiles, TINY_SCENARIO } from './store-drivers.ts';
import { FIXTURES, runCli, scratchCopy, scratchDir, editFile } from './helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof CorridorError && e.code === code;

for (const driver of DRIVERS) {
  describe(`store (${driver.name})`, () => {
    test('datasets: stored by content hash; a name keeps its versions; the same content again adds no version', async () => {
      const store = await Store.open({ url: await driver.newUrl() });
      try {
        const first = await store.importDataset('tiny', tinyFiles());
        assert.equal(first.created, true);
        assert.equal(first.version, 1);
        assert.match(first.dataset.id, /^[0-9a-f]{16}$/);
        assert.equal(first.dataset.rowCount, 37);
        const again = await store.importDataset('tiny', tinyFiles());
        assert.deepEqual([again.created, again.version, again.dataset.id], [false, 1, first.dataset.id]);
        const second = await store.importDataset('tiny', tinyFiles(1));
        assert.deepEqual([second.created, second.version], [true, 2]);
        assert.notEqual(second.dataset.id, first.dataset.id);
        // The same content under another name is one dataset with two names.
        const other = await store.importDataset('copy', tinyFiles());
        assert.equal(other.dataset.id, first.dataset.id);
        assert.deepEqual(other.dataset.versions.map((v) => `${v.name}@${v.version}`).sort(), ['copy@1', 'tiny@1']);
        assert.equal((await store.dataset('tiny'))?.id, second.dataset.id, 'a name is its latest version');
        assert.equal((await store.dataset('tiny@1'))?.id, first.dataset.id);
        assert.equal((await store.dataset(first.dataset.id))?.id, first.dataset.id);
        assert.equal(await store.dataset('nope'), undefined);
        assert.equal(await store.dataset('tiny@9'), undefined);
        assert.equal((await store.datasets()).length, 2);
        const files = await store.datasetFiles('tiny@1');
        assert.deepEqual([...files!.files.entries()].sort(), [...tinyFiles().entries()].sort(), 'files come back byte for byte');
      } finally {
        await store.close();
      }
    });

    test('an invalid dataset is refused with its located problems and nothing is stored', async () => {
      const store = await Store.open({ url: await driver.newUrl() });
      try {
        const bad = tinyFiles();
        bad.set('flows.csv', bad.get('flows.csv')!.replace('2024,crude_oil,KAZ,ITA,cpc,14,', '2024,crude_oil,KAZ,ITA,cpc,fourteen,'));
        await assert.rejects(store.importDataset('tiny', bad), (e: unknown) => isCode('CORRIDOR_ERR_DATASET_INVALID')(e) && (e as CorridorError).details.some((d) => /^flows\.csv:3:volume:/.test(d)));
        const traversal = tinyFiles();
        traversal.set('../../etc/passwd', 'x');
        await assert.rejects(store.importDataset('tiny', traversal), isCode('CORRIDOR_ERR_ARGUMENT'));
        await assert.rejects(store.importDataset('../../etc/passwd', tinyFiles()), isCode('CORRIDOR_ERR_ARGUMENT'));
        await assert.rejects(store.importDataset("x'; DROP TABLE datasets; --", tinyFiles()), isCode('CORRIDOR_ERR_ARGUMENT'));
        assert.deepEqual(await store.datasets(), []);
        assert.equal(Number((await store.db.all('SELECT COUNT(*) AS n FROM dataset_files'))[0].n), 0);
      } finally {
        await store.close();
      }
    });

    test('scenarios: create, read, update, delete; text with quotes and SQL is kept as it is', async () => {
      const store = await Store.open({ url: await driver.newUrl() });
      try {
        const name = "it's '; DROP TABLE scenarios; --";
        const s = await store.createScenario(name, TINY_SCENARIO);
        assert.match(s.id, /^scn_[0-9a-f]{16}$/);
        assert.deepEqual(await store.scenario(s.id), s);
        const updated = await store.updateScenario(s.id, 'renamed', `${TINY_SCENARIO}\n# edited\n`);
        assert.equal(updated?.name, 'renamed');
        assert.equal(await store.updateScenario('scn_0000000000000000', 'x', 'y'), undefined);
        assert.equal((await store.scenarios()).length, 1);
        assert.equal(await store.deleteScenario(s.id), true);
        assert.equal(await store.deleteScenario(s.id), false);
        assert.equal(await store.scenario(s.id), undefined);
        assert.equal((await store.createScenario(name, 'x')).name, name);
      } finally {
        await store.close();
      }
    });

    test('runs: a result is kept under its key; saving the key again keeps the first', async () => {
      const store = await Store.open({ url: await driver.newUrl() });
      try {
        const { dataset } = await store.importDataset('tiny', tinyFiles());
        await store.saveRun({ key: 'k1', datasetId: dataset.id, scenarioHash: 'h', codeVersion: '0.1.0', result: { a: 1, text: "x'y" } });
        await store.saveRun({ key: 'k1', datasetId: dataset.id, scenarioHash: 'h', codeVersion: '0.1.0', result: { a: 2 } });
        assert.deepEqual((await store.run('k1'))?.result, { a: 1, text: "x'y" });
        assert.equal(await store.run('k2'), undefined);
        assert.equal(await store.runCount(), 1);
      } finally {
        await store.close();
      }
    });

    test('tokens: only the sha256 is stored; revoked tokens are marked', async () => {
      const store = await Store.open({ url: await driver.newUrl() });
      try {
        const { token, info } = await store.createToken('laptop');
        assert.match(token, /^crd_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
        const rows = await store.db.all('SELECT * FROM api_tokens');
        assert.equal(rows.length, 1);
        assert.equal(rows[0].token_hash, sha256(token));
        // The secret is everything after crd_<id>_ (it may itself hold '_', a base64url character).
        const secret = /^crd_[0-9a-f]{12}_(.+)$/.exec(token)![1];
        assert.ok(!JSON.stringify(rows).includes(secret), 'the secret is not stored');
        assert.equal(await store.liveTokenHash(info.id), sha256(token));
        assert.equal(await store.revokeToken(info.id), true);
        assert.equal(await store.revokeToken(info.id), false);
        assert.equal(await store.liveTokenHash(info.id), undefined);
        await assert.rejects(store.createToken(''), isCode('CORRIDOR_ERR_ARGUMENT'));
      } finally {
        await store.close();
      }
    });

    test('corridor db import|datasets|status|migrate|backup and corridor token create|list|revoke', async () => {
      const url = await driver.newUrl();
      const status0 = await runCli('db', 'status', '--database', url, '--json');
      assert.equal(status0.code, 0, status0.stderr);
      assert.equal(JSON.parse(status0.stdout).pending, LATEST_VERSION);
      const migrated = await runCli('db', 'migrate', '--database', url);
      assert.match(migrated.stdout, new RegExp(`applied migration\\(s\\) ${Array.from({ length: LATEST_VERSION }, (_, i) => i + 1).join(', ')};`));
      const dir = join(FIXTURES, 'tiny');
      const imported = await runCli('db', 'import', dir, '--database', url, '--json');
      assert.equal(imported.code, 0, imported.stderr);
      const result = JSON.parse(imported.stdout);
      assert.deepEqual([result.name, result.version, result.created], ['tiny', 1, true]);
      // An invalid copy is refused with its problems and not stored.
      const bad = scratchCopy('tiny');
      editFile(bad, 'flows.csv', (t) => t.replace(',14,', ',lots,'));
      const refused = await runCli('db', 'import', bad, '--name', 'tiny', '--database', url);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /flows\.csv:3:volume/);
      const listed = await runCli('db', 'datasets', '--database', url, '--json');
      assert.deepEqual(JSON.parse(listed.stdout).datasets.map((d: { versions: { name: string; version: number }[] }) => d.versions.map((v) => `${v.name}@${v.version}`)), [['tiny@1']]);
      const created = await runCli('token', 'create', 'ci', '--database', url, '--json');
      const token = JSON.parse(created.stdout);
      assert.match(token.token, /^crd_/);
      assert.match((await runCli('token', 'list', '--database', url)).stdout, new RegExp(token.id));
      assert.equal((await runCli('token', 'revoke', token.id, '--database', url)).code, 0);
      const unknown = await runCli('token', 'revoke', token.id, '--database', url);
      assert.equal(unknown.code, 2);
      const backup = join(scratchDir('backup'), driver.name === 'sqlite' ? 'store.sqlite' : 'store.json');
      const backedUp = await runCli('db', 'backup', backup, '--database', url, '--json');
      assert.equal(backedUp.code, 0, backedUp.stderr);
      assert.ok(existsSync(backup));
      if (driver.name === 'sqlite') {
        const copy = new Database(backup, { readonly: true });
        assert.equal((copy.prepare('SELECT COUNT(*) AS n FROM dataset_versions').get() as { n: number }).n, 1);
        copy.close();
      } else {
        const exported = JSON.parse(readFileSync(backup, 'utf8'));
        assert.equal(exported.format, 'corridor-store-export');
        assert.equal(exported.tables.dataset_versions.length, 1);
        assert.equal(exported.tables.dataset_files.length, tinyFiles().size);
      }
      assert.equal((await runCli('db', 'backup', backup, '--database', url)).code, 2, 'a backup never overwrites');
    });
  });
}

test('a database URL that is neither sqlite: nor postgres: is refused with the forms it takes', async () => {
  const r = await runCli('db', 'status', '--database', 'mysql://x');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /sqlite:\/path\/file\.sqlite or postgres:\/\//);
});

test('an unreachable PostgreSQL is a one-line store error naming the URL without its password', async () => {
  const r = await runCli('db', 'datasets', '--database', 'postgres://corridor:secret@127.0.0.1:1/nowhere');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /PostgreSQL store postgres:\/\/corridor:\*\*\*@127\.0\.0\.1:1\/nowhere/);
  assert.ok(!r.stderr.includes('secret'));
});

test('where the store is: CORRIDOR_DATABASE_URL, else corridor.sqlite in $CORRIDOR_HOME, $XDG_DATA_HOME/corridor or ~/.local/share/corridor', () => {
  assert.equal(databaseUrl({ CORRIDOR_DATABASE_URL: 'postgres://u:p@h/db' }), 'postgres://u:p@h/db');
  assert.equal(databaseUrl({ CORRIDOR_HOME: '/srv/corridor' }), 'sqlite:/srv/corridor/corridor.sqlite');
  assert.equal(databaseUrl({ XDG_DATA_HOME: '/data' }), 'sqlite:/data/corridor/corridor.sqlite');
  assert.equal(databaseUrl({}), `sqlite:${join(homedir(), '.local', 'share', 'corridor', 'corridor.sqlite')}`);
});
