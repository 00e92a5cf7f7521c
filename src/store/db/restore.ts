// Restoring a backup (backup.ts) into a store, on either database: a SQLite backup file or a PostgreSQL JSON export,
// into SQLite or PostgreSQL alike. The backup is read and checked first: its schema must not be newer than this
// Corridor's, and every dataset in it is validated again and must still have the hash it is stored under. Then, in
// one transaction, the store's rows are replaced by the backup's (a failure leaves the store as it was).
import { readFileSync, openSync, readSync, closeSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CorridorError } from '../../errors.ts';
import type { Driver, Row, SqlValue } from './driver.ts';
import { LATEST_VERSION, migrate } from './migrations.ts';
import { STORE_TABLES } from './backup.ts';
import { validateDatasetFiles } from './dataset-files.ts';

export interface RestoreResult {
  file: string;
  format: 'sqlite' | 'json';
  schemaVersion: number;
  /** Rows restored per table. */
  rows: Record<string, number>;
}

type Tables = Record<string, Row[]>;

/** The tables restored (schema_migrations is the target's own: it is migrated to this Corridor's version first). */
const DATA_TABLES = STORE_TABLES.filter((t) => t !== 'schema_migrations');

const SQLITE_MAGIC = 'SQLite format 3\0';

function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Reads a backup file: its schema version and the rows of every table it has. */
export function readBackup(file: string): { format: 'sqlite' | 'json'; schemaVersion: number; tables: Tables } {
  if (!existsSync(file)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `backup file not found: ${file}`);
  if (isSqliteFile(file)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
      if (!present.has('schema_migrations')) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is a SQLite file but not a Corridor store backup (no schema_migrations table)`);
      const version = Number((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0);
      const tables: Tables = {};
      for (const t of DATA_TABLES) tables[t] = present.has(t) ? db.prepare(`SELECT * FROM ${t}`).all() as Row[] : [];
      return { format: 'sqlite', schemaVersion: version, tables };
    } finally {
      db.close();
    }
  }
  let parsed: { format?: unknown; schemaVersion?: unknown; tables?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is neither a SQLite store backup nor a JSON store export: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed?.format !== 'corridor-store-export' || !Number.isInteger(parsed.schemaVersion) || typeof parsed.tables !== 'object' || parsed.tables === null) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is not a Corridor store export (expected format "corridor-store-export", schemaVersion and tables)`);
  }
  const given = parsed.tables as Record<string, unknown>;
  const tables: Tables = {};
  for (const t of DATA_TABLES) {
    const rows = given[t] ?? [];
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file}: tables.${t} must be a list of rows (objects)`);
    }
    tables[t] = rows as Row[];
  }
  return { format: 'json', schemaVersion: parsed.schemaVersion as number, tables };
}

/** Validates every dataset of a backup again, and checks it still has the hash it is stored under. */
function checkDatasets(file: string, tables: Tables): void {
  const files = new Map<string, Map<string, string>>();
  for (const r of tables.dataset_files) {
    const id = String(r.dataset_id);
    if (!files.has(id)) files.set(id, new Map());
    files.get(id)!.set(String(r.path), String(r.content));
  }
  for (const d of tables.datasets) {
    const id = String(d.id);
    const stored = files.get(id);
    if (!stored) throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `${file}: dataset ${id} has no files; nothing was restored`);
    let hash: string;
    try {
      hash = validateDatasetFiles(stored).model.info.hash;
    } catch (error) {
      if (!(error instanceof CorridorError)) throw error;
      throw new CorridorError(error.code, `${file}: dataset ${id} is not valid: ${error.message}`, error.details);
    }
    if (hash !== id) throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `${file}: dataset ${id}'s files have the hash ${hash}: they were changed; nothing was restored`);
  }
}

/** Whether the store holds anything (a restore replaces it all, so the caller asks first). */
export async function storeIsEmpty(db: Driver): Promise<boolean> {
  for (const t of DATA_TABLES) if ((await db.all(`SELECT 1 AS x FROM ${t} LIMIT 1`)).length) return false;
  return true;
}

/** Replaces the store's contents with a backup's, in one transaction (the store is migrated first). */
export async function restoreStore(db: Driver, file: string): Promise<RestoreResult> {
  const backup = readBackup(file);
  if (backup.schemaVersion > LATEST_VERSION) {
    throw new CorridorError('CORRIDOR_ERR_STORE', `${file} is from a newer schema (version ${backup.schemaVersion}; this Corridor knows up to ${LATEST_VERSION}): restore it with that version of Corridor`);
  }
  checkDatasets(file, backup.tables);
  await migrate(db);
  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const t of [...DATA_TABLES].reverse()) await tx.run(`DELETE FROM ${t}`);
    for (const t of DATA_TABLES) {
      const columns = (await columnsOf(db, t));
      for (const row of backup.tables[t]) {
        const names = Object.keys(row).filter((c) => columns.has(c));
        const values = names.map((c) => {
          const v = row[c] as unknown;
          if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file}: tables.${t}: column ${c} holds ${typeof v}, expected text, a number or null; nothing was restored`);
          return v as SqlValue;
        });
        await tx.run(`INSERT INTO ${t} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, values);
      }
      rows[t] = backup.tables[t].length;
    }
  });
  return { file, format: backup.format, schemaVersion: backup.schemaVersion, rows };
}

/** The columns of a table (SQL names never come from the backup: only these are used). */
async function columnsOf(db: Driver, table: string): Promise<Set<string>> {
  const rows = db.kind === 'sqlite'
    ? await db.all(`SELECT name FROM pragma_table_info('${table}')`)
    : await db.all('SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()', [table]);
  return new Set(rows.map((r) => String(r.name)));
}
