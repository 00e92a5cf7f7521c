// Migrations, on SQLite and PostgreSQL: an empty database is brought to the latest version; a database at an
// older version (only the first migration applied, with data in it) is migrated with its data kept; migrating
// twice changes nothing; a store that is behind or from a newer version is refused with a message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LATEST_VERSION, MIGRATIONS, migrate, migrationStatus } from '../src/store/db/migrations.ts';
import { openDriver } from '../src/store/db/open.ts';
import { Store } from '../src/store/db/store.ts';
import { CorridorError } from '../src/errors.ts';
import { DRIVERS, tinyFiles } from './store-drivers.ts';

for (const driver of DRIVERS) {
  describe(`migrations (${driver.name})`, () => {
    test('an empty database gets every migration, in order, once', async () => {
      const db = openDriver(await driver.newUrl());
      try {
        assert.deepEqual((await migrationStatus(db)).map((m) => m.appliedAt), MIGRATIONS.map(() => null));
        assert.deepEqual(await migrate(db), MIGRATIONS.map((m) => m.version));
        assert.deepEqual(await migrate(db), [], 'a second migrate applies nothing');
        const status = await migrationStatus(db);
        assert.ok(status.every((m) => m.appliedAt !== null));
        assert.equal(status.length, LATEST_VERSION);
        const ledger = await db.all('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(ledger.map((r) => Number(r.version)), MIGRATIONS.map((m) => m.version));
      } finally {
        await db.close();
      }
    });

    test('an older database (first migration only, with a dataset in it) is migrated and keeps its data', async () => {
      const url = await driver.newUrl();
      const db = openDriver(url);
      try {
        assert.deepEqual(await migrate(db, 1), [1]);
        assert.deepEqual((await migrationStatus(db)).map((m) => m.appliedAt !== null), [true, ...MIGRATIONS.slice(1).map(() => false)]);
        // The version-1 schema already holds datasets.
        const old = new Store(db);
        const imported = await old.importDataset('tiny', tinyFiles());
        await assert.rejects(db.all('SELECT * FROM api_tokens'), 'no api_tokens table before migration 2');
        // Opening without migrating is refused, with the command to run.
        await assert.rejects(Store.open({ url, migrate: false }), (e: unknown) => e instanceof CorridorError && e.code === 'CORRIDOR_ERR_STORE' && /corridor db migrate/.test(e.message));
        assert.deepEqual(await migrate(db), MIGRATIONS.slice(1).map((m) => m.version));
        const store = await Store.open({ url, migrate: false });
        try {
          const again = await store.dataset('tiny');
          assert.equal(again?.id, imported.dataset.id);
          assert.equal((await store.datasetFiles('tiny'))?.files.size, tinyFiles().size);
          const { info } = await store.createToken('after-migration');
          assert.equal((await store.tokens())[0].id, info.id);
        } finally {
          await store.close();
        }
      } finally {
        await db.close();
      }
    });

    test('a database migrated by a newer version (an unknown migration) is refused', async () => {
      const db = openDriver(await driver.newUrl());
      try {
        await migrate(db);
        await db.transaction((tx) => tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [LATEST_VERSION + 1, 'from the future', '2099-01-01']));
        await assert.rejects(migrate(db), (e: unknown) => e instanceof CorridorError && e.code === 'CORRIDOR_ERR_STORE' && /newer version/.test(e.message));
      } finally {
        await db.close();
      }
    });
  });
}
