// The PostgreSQL driver: a pg pool. A transaction holds one client from BEGIN to COMMIT; writers serialise on a
// transaction-scoped advisory lock, so two processes saving at once run one after the other, as on SQLite.
// `?schema=NAME` in the URL puts the tables in that schema (tests use one schema each).
import pg, { type Pool, type PoolClient } from 'pg';
import { CorridorError } from '../../errors.ts';
import { numberedPlaceholders, type Driver, type Queryable, type Row, type SqlValue } from './driver.ts';

/** Key of the advisory lock every write transaction takes (any fixed number; "corr" in ASCII). */
const WRITE_LOCK = 0x636f7272;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function storeError(error: unknown, url: string): CorridorError {
  if (error instanceof CorridorError) return error;
  return new CorridorError('CORRIDOR_ERR_STORE', `PostgreSQL store ${redactUrl(url)}: ${(error as Error).message}`);
}

export function openPostgres(url: string): Driver {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `?schema= in the database URL expects a lower-case SQL name (letters, digits, _), found "${schema}"`);
  }
  parsed.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 4,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client's lost connection: the next query reports it
  const on = (client: Pool | PoolClient): Queryable => ({
    all: async (sql, params = []) => {
      try {
        return (await client.query(numberedPlaceholders(sql), params as SqlValue[])).rows as Row[];
      } catch (error) { throw storeError(error, url); }
    },
    run: async (sql, params = []) => {
      try {
        return { changes: (await client.query(numberedPlaceholders(sql), params as SqlValue[])).rowCount ?? 0 };
      } catch (error) { throw storeError(error, url); }
    },
  });
  let ready: Promise<void> | undefined;
  const ensureSchema = () => (ready ??= schema ? pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).then(() => undefined).catch((e: unknown) => { ready = undefined; throw storeError(e, url); }) : Promise.resolve());
  const direct = on(pool);
  return {
    kind: 'postgres',
    location: redactUrl(url),
    all: async (sql, params) => { await ensureSchema(); return direct.all(sql, params); },
    run: async (sql, params) => { await ensureSchema(); return direct.run(sql, params); },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      await ensureSchema();
      let client: PoolClient;
      try { client = await pool.connect(); } catch (error) { throw storeError(error, url); }
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw storeError(error, url);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
