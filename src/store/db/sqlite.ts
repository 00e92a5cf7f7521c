// The SQLite driver: one better-sqlite3 connection in WAL mode. Transactions start with BEGIN IMMEDIATE (the write
// lock is taken at once, so two processes never both read then write), and wait up to the busy timeout for another
// process's transaction; within this process, transactions queue one after another.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CorridorError } from '../../errors.ts';
import type { Driver, Queryable, Row, SqlValue } from './driver.ts';

const BUSY_TIMEOUT_MS = 30_000;

export function openSqlite(file: string): Driver {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new CorridorError('CORRIDOR_ERR_STORE', `cannot open the store database ${file}: ${(error as Error).message}`);
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) { statement = db.prepare(sql); statements.set(sql, statement); }
    return statement;
  };
  const queryable: Queryable = {
    all: async (sql, params = []) => {
      const statement = prepare(sql);
      return statement.reader ? (statement.all(...(params as SqlValue[])) as Row[]) : (statement.run(...(params as SqlValue[])), []);
    },
    run: async (sql, params = []) => ({ changes: prepare(sql).run(...(params as SqlValue[])).changes }),
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'sqlite',
    location: file,
    ...queryable,
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(queryable);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => { await queue; db.close(); },
    /** The better-sqlite3 handle, for the online backup. */
    ...({ handle: db } as object),
  };
}

/** The better-sqlite3 connection behind a SQLite driver. */
export function sqliteHandle(driver: Driver): Database.Database {
  return (driver as unknown as { handle: Database.Database }).handle;
}
