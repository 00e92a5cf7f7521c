// Backups. SQLite: the online backup API of SQLite (better-sqlite3's backup()), a consistent copy of the
// database file taken while others may write. PostgreSQL: a JSON export of every table of the store, read in one
// transaction holding the store's write lock (no write runs meanwhile, so it is consistent). It is not a pg_dump,
// and Corridor does not load it back: each table's rows are plain JSON objects.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CorridorError } from '../../errors.ts';
import type { Driver } from './driver.ts';
import { sqliteHandle } from './sqlite.ts';
import { LATEST_VERSION } from './migrations.ts';

/** The store's tables, parents before children (the order a restore inserts them). */
export const STORE_TABLES = ['schema_migrations', 'datasets', 'dataset_files', 'dataset_versions', 'scenarios', 'runs', 'api_tokens', 'risk_specs', 'jobs', 'event_articles', 'event_candidates'] as const;

export interface BackupResult {
  file: string;
  format: 'sqlite' | 'json';
  bytes: number;
}

export async function backupStore(db: Driver, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} exists already: give a new file name (a backup never overwrites)`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    if (db.kind === 'sqlite') {
      await sqliteHandle(db).backup(partial);
    } else {
      const tables: Record<string, unknown[]> = {};
      await db.transaction(async (tx) => {
        for (const table of STORE_TABLES) tables[table] = await tx.all(`SELECT * FROM ${table}`);
      });
      writeFileSync(partial, `${JSON.stringify({ format: 'corridor-store-export', schemaVersion: LATEST_VERSION, exportedAt: new Date().toISOString(), tables })}\n`);
    }
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof CorridorError) throw error;
    throw new CorridorError('CORRIDOR_ERR_WRITE', `backup to ${file} failed: ${(error as Error).message}`);
  }
  return { file: target, format: db.kind === 'sqlite' ? 'sqlite' : 'json', bytes: statSync(target).size };
}
