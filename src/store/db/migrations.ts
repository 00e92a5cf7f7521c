// The store's schema, as numbered migrations that both databases run unchanged (portable SQL: TEXT, BIGINT,
// primary keys and foreign keys). `schema_migrations` records the ones applied; `migrate` applies the rest in
// order, each in its own transaction, so an interrupted migration leaves the database at the previous version.
// A migration is never edited once released: a change to the schema is a new migration.
import { CorridorError } from '../../errors.ts';
import type { Driver, Queryable } from './driver.ts';

export interface Migration {
  version: number;
  name: string;
  /** Statements separated by `;` at the end of a line. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets, scenarios and runs',
    sql: `
CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  package_name TEXT NOT NULL,
  file_count BIGINT NOT NULL,
  byte_count BIGINT NOT NULL,
  row_count BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE dataset_files (
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  path TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (dataset_id, path)
);
CREATE TABLE dataset_versions (
  name TEXT NOT NULL,
  version BIGINT NOT NULL,
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (name, version)
);
CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE runs (
  run_key TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  scenario_hash TEXT NOT NULL,
  code_version TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL
)`,
  },
  {
    version: 2,
    name: 'API tokens; runs by dataset',
    sql: `
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX runs_by_dataset ON runs (dataset_id);
CREATE INDEX dataset_versions_by_dataset ON dataset_versions (dataset_id)`,
  },
  {
    version: 3,
    name: 'risk specs, risk jobs, candidate events',
    sql: `
CREATE TABLE risk_specs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT NOT NULL,
  run_key TEXT NOT NULL,
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  done BIGINT NOT NULL,
  total BIGINT NOT NULL,
  result TEXT,
  error TEXT,
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX jobs_by_status ON jobs (status);
CREATE INDEX jobs_by_run_key ON jobs (run_key);
CREATE TABLE event_articles (
  hash TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  source TEXT,
  published TEXT,
  method TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
CREATE TABLE event_candidates (
  dataset_name TEXT NOT NULL,
  id TEXT NOT NULL,
  article_hash TEXT NOT NULL REFERENCES event_articles(hash),
  status TEXT NOT NULL,
  event TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  reviewed_at TEXT,
  dataset_event TEXT,
  dataset_version BIGINT,
  note TEXT NOT NULL,
  PRIMARY KEY (dataset_name, id)
);
CREATE INDEX event_candidates_by_status ON event_candidates (dataset_name, status)`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

const CREATE_LEDGER = 'CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

export interface MigrationStatus {
  version: number;
  name: string;
  appliedAt: string | null;
}

async function appliedVersions(q: Queryable): Promise<Map<number, string>> {
  const rows = await q.all('SELECT version, applied_at FROM schema_migrations ORDER BY version');
  return new Map(rows.map((r) => [Number(r.version), String(r.applied_at)]));
}

/** Every migration with when it was applied (null: not yet). */
export async function migrationStatus(db: Driver): Promise<MigrationStatus[]> {
  await db.transaction(async (tx) => { await tx.run(CREATE_LEDGER); });
  const applied = await appliedVersions(db);
  const unknown = [...applied.keys()].filter((v) => !MIGRATIONS.some((m) => m.version === v));
  if (unknown.length) {
    throw new CorridorError('CORRIDOR_ERR_STORE', `the store database ${db.location} has migration(s) ${unknown.join(', ')} that this version of Corridor does not know: it was migrated by a newer version`);
  }
  return MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: applied.get(m.version) ?? null }));
}

/** Applies the migrations not applied yet, up to `target` (default: all); returns the versions applied now. */
export async function migrate(db: Driver, target = LATEST_VERSION): Promise<number[]> {
  await migrationStatus(db); // creates the ledger and refuses a database from a newer version
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    const applied = await db.transaction(async (tx) => {
      // Checked again inside the write lock: another process may have applied it meanwhile.
      if ((await appliedVersions(tx)).has(migration.version)) return false;
      for (const statement of migration.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
      return true;
    });
    if (applied) done.push(migration.version);
  }
  return done;
}

/** Fails unless every migration is applied (commands other than `db migrate` never change the schema silently). */
export async function requireMigrated(db: Driver): Promise<void> {
  const pending = (await migrationStatus(db)).filter((m) => m.appliedAt === null);
  if (pending.length) {
    throw new CorridorError('CORRIDOR_ERR_STORE', `the store database ${db.location} is at schema version ${LATEST_VERSION - pending.length} of ${LATEST_VERSION}: run \`corridor db migrate\``);
  }
}
