// The queue's database: a PostgreSQL URL (its `?schema=NAME` picks the schema, default `corridor_queue`), one pg
// pool shared by pg-boss and the run tables, and the errors a user meets (never with the password).
import pg, { type Pool } from 'pg';
import PgBoss from 'pg-boss';
import { CorridorError } from '../errors.ts';

/** The pg-boss queue every batch of every run goes through. */
export const BATCH_QUEUE = 'corridor-risk-batch';
export const DEFAULT_SCHEMA = 'corridor_queue';
/** Key of the advisory lock taken while the schema and tables are created ("cq" in ASCII). */
const SETUP_LOCK = 0x6371;

export interface QueueTarget {
  /** The URL pg connects with (no `schema` parameter). */
  connectionString: string;
  schema: string;
  /** The URL without its password, for messages. */
  shown: string;
}

/** Reads a queue URL; a malformed one is an argument error. */
export function parseQueueUrl(url: string): QueueTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', '--queue expects a PostgreSQL URL such as postgres://user:password@host:5432/database, found a value that is not a URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--queue expects a postgres:// URL, found ${parsed.protocol}//…`);
  }
  if (parsed.password) parsed.password = '***';
  const shown = parsed.toString();
  const connection = new URL(url);
  const schema = connection.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `?schema= in the --queue URL expects a lower-case SQL name (letters, digits, _), found "${schema}"`);
  }
  connection.searchParams.delete('schema');
  return { connectionString: connection.toString(), schema, shown };
}

/** A database failure as the user sees it: the URL without its password and pg's message. */
export function queueError(error: unknown, target: QueueTarget): CorridorError {
  if (error instanceof CorridorError) return error;
  const raw = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || String(error) : String(error);
  // pg puts no password in its messages, but a URL given back in one must not carry it either.
  const message = raw.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
  return new CorridorError('CORRIDOR_ERR_QUEUE', `job queue ${target.shown}: ${message}`);
}

export type Row = Record<string, unknown>;

export interface QueueConnection {
  target: QueueTarget;
  pool: Pool;
  boss: PgBoss;
  /** Runs a query, turning a failure into CORRIDOR_ERR_QUEUE. */
  query: (sql: string, params?: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
}

/**
 * Connects, creates the schema, pg-boss's tables, the batch queue and the run tables when missing.
 * `maintenanceSeconds`: how often this process lets pg-boss expire jobs whose worker stopped answering (the
 * coordinator does; a worker does not need to).
 */
export async function openQueue(url: string, options: { maintenanceSeconds?: number } = {}): Promise<QueueConnection> {
  const target = parseQueueUrl(url);
  const pool = new pg.Pool({ connectionString: target.connectionString, max: 3, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle client's lost connection: the next query reports it
  const query = async (sql: string, params: unknown[] = []): Promise<Row[]> => {
    try {
      return (await pool.query(sql, params)).rows;
    } catch (error) {
      throw queueError(error, target);
    }
  };
  let boss: PgBoss | undefined;
  try {
    // Workers often start together: one at a time creates the schema and the run tables (CREATE … IF NOT EXISTS
    // races otherwise), under a transaction-scoped advisory lock.
    await query(`BEGIN; SELECT pg_advisory_xact_lock(${SETUP_LOCK}); CREATE SCHEMA IF NOT EXISTS ${target.schema}; ${tablesSql(target.schema)}; COMMIT`);
    boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: target.schema,
      supervise: options.maintenanceSeconds !== undefined,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
      schedule: false,
      migrate: true,
    });
    boss.on('error', () => undefined); // maintenance failures: the coordinator's own queries report a lost database
    try {
      await boss.start();
    } catch (error) {
      throw queueError(error, target);
    }
    if (!(await boss.getQueue(BATCH_QUEUE))) {
      try {
        await boss.createQueue(BATCH_QUEUE);
      } catch (error) {
        if (!(await boss.getQueue(BATCH_QUEUE))) throw queueError(error, target); // else another process created it first
      }
    }
  } catch (error) {
    await boss?.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw queueError(error, target);
  }
  const opened = boss;
  return {
    target, pool, boss: opened, query,
    close: async () => {
      await opened.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

/** A run (what every batch needs, stored once) and its batches' partial results, written once each. */
function tablesSql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${schema}.risk_run (
    id text PRIMARY KEY,
    created_on timestamptz NOT NULL DEFAULT now(),
    dataset text NOT NULL,
    seed bigint NOT NULL,
    draws integer NOT NULL,
    batch_size integer NOT NULL,
    spec_text text NOT NULL,
    spec text NOT NULL,
    network text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ${schema}.risk_batch (
    run text NOT NULL REFERENCES ${schema}.risk_run (id) ON DELETE CASCADE,
    batch integer NOT NULL,
    start_draw integer NOT NULL,
    draw_count integer NOT NULL,
    unserved bytea NOT NULL,
    world bytea NOT NULL,
    cost_change bytea NOT NULL,
    failed jsonb NOT NULL,
    counts jsonb NOT NULL,
    worker text NOT NULL,
    seconds double precision NOT NULL,
    PRIMARY KEY (run, batch)
  )`;
}
