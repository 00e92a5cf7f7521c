// The store: imported datasets (by content hash, with a version history per name), scenarios (YAML text) and
// scenario runs (results keyed by what they were computed from), and the API tokens. One class over either
// driver; every write is one transaction, so an interrupted write leaves the previous state whole.
import { createHash, randomBytes } from 'node:crypto';
import { CorridorError } from '../../errors.ts';
import type { Driver, Queryable, Row } from './driver.ts';
import { databaseUrl, openDriver } from './open.ts';
import { migrate, requireMigrated } from './migrations.ts';
import { checkDatasetName, validateDatasetFiles, type DatasetFiles } from './dataset-files.ts';
import { JobTable } from './jobs.ts';
import { EventCandidateTable } from './event-candidates.ts';

export interface DatasetSummary {
  /** Content hash (Model.info.hash). */
  id: string;
  packageName: string;
  fileCount: number;
  byteCount: number;
  rowCount: number;
  createdAt: string;
  /** Names and versions under which it was imported. */
  versions: { name: string; version: number; importedAt: string }[];
}

export interface ImportResult {
  dataset: DatasetSummary;
  name: string;
  version: number;
  /** False when this content was stored already (and was the latest version of the name). */
  created: boolean;
}

export interface ImportOptions {
  /** Store only if the name's latest version is still this dataset (else ChangedMeanwhile is thrown, nothing stored). */
  basedOn?: string;
  /** More writes in the same transaction (e.g. recording a review), given the version stored. */
  alsoInTransaction?: (tx: Queryable, version: number) => Promise<void>;
}

/** A new version of the name was stored by another writer after the one a change was based on. */
export class ChangedMeanwhile extends CorridorError {
  constructor(name: string) {
    super('CORRIDOR_ERR_STORE', `dataset ${name} got a new version from another writer meanwhile; nothing was stored`);
  }
}

export interface StoredScenario {
  id: string;
  name: string;
  yaml: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredRun {
  key: string;
  datasetId: string;
  scenarioHash: string;
  codeVersion: string;
  result: unknown;
  createdAt: string;
}

export interface TokenInfo {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

const now = () => new Date().toISOString();
export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export interface OpenStoreOptions {
  /** Database URL (default: CORRIDOR_DATABASE_URL, else the default SQLite file). */
  url?: string;
  /** Apply pending migrations on opening (default true); false: refuse a database that is not up to date. */
  migrate?: boolean;
}

/** The two kinds of YAML document the store keeps: scenarios and risk specs (the same columns, each its table). */
export type DocumentKind = 'scenario' | 'riskSpec';
const DOCUMENTS: Record<DocumentKind, { table: string; prefix: string }> = {
  scenario: { table: 'scenarios', prefix: 'scn' },
  riskSpec: { table: 'risk_specs', prefix: 'rsk' },
};

export class Store {
  /** Risk jobs (jobs.ts). */
  readonly jobs: JobTable;
  /** Candidate events of stored datasets, waiting for review (event-candidates.ts). */
  readonly candidates: EventCandidateTable;

  constructor(readonly db: Driver) {
    this.jobs = new JobTable(db);
    this.candidates = new EventCandidateTable(db);
  }

  static async open(options: OpenStoreOptions = {}): Promise<Store> {
    const db = openDriver(options.url ?? databaseUrl());
    try {
      if (options.migrate ?? true) await migrate(db);
      else await requireMigrated(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // Datasets

  /** Validates and stores a dataset under `name` (a new version unless it is the name's latest content already). */
  async importDataset(name: string, files: DatasetFiles, options: ImportOptions = {}): Promise<ImportResult> {
    checkDatasetName(name);
    const { model, rowCount, byteCount } = validateDatasetFiles(files);
    const id = model.info.hash;
    const at = now();
    const outcome = await this.db.transaction(async (tx) => {
      const exists = (await tx.all('SELECT id FROM datasets WHERE id = ?', [id])).length > 0;
      if (!exists) {
        await tx.run('INSERT INTO datasets (id, package_name, file_count, byte_count, row_count, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [id, model.info.name, files.size, byteCount, rowCount, at]);
        for (const [path, content] of files) await tx.run('INSERT INTO dataset_files (dataset_id, path, content) VALUES (?, ?, ?)', [id, path, content]);
      }
      const latest = (await tx.all('SELECT version, dataset_id FROM dataset_versions WHERE name = ? ORDER BY version DESC LIMIT 1', [name]))[0];
      if (options.basedOn !== undefined && latest?.dataset_id !== options.basedOn) throw new ChangedMeanwhile(name);
      if (latest && latest.dataset_id === id) {
        const version = Number(latest.version);
        await options.alsoInTransaction?.(tx, version);
        return { version, created: false };
      }
      const version = latest ? Number(latest.version) + 1 : 1;
      await tx.run('INSERT INTO dataset_versions (name, version, dataset_id, imported_at) VALUES (?, ?, ?, ?)', [name, version, id, at]);
      await options.alsoInTransaction?.(tx, version);
      return { version, created: true };
    });
    return { dataset: (await this.dataset(id))!, name, ...outcome };
  }

  async datasets(): Promise<DatasetSummary[]> {
    const rows = await this.db.all('SELECT * FROM datasets ORDER BY created_at, id');
    const versions = await this.db.all('SELECT * FROM dataset_versions ORDER BY name, version');
    return rows.map((r) => summaryOf(r, versions.filter((v) => v.dataset_id === r.id)));
  }

  /** A dataset by its hash, or by name (its latest version), or `name@version`. */
  async dataset(ref: string): Promise<DatasetSummary | undefined> {
    const id = await this.datasetId(ref);
    if (id === undefined) return undefined;
    const row = (await this.db.all('SELECT * FROM datasets WHERE id = ?', [id]))[0];
    if (!row) return undefined;
    return summaryOf(row, await this.db.all('SELECT * FROM dataset_versions WHERE dataset_id = ? ORDER BY name, version', [id]));
  }

  /** The hash a reference names (a hash is taken as it is, without a query), or undefined. */
  async datasetId(ref: string): Promise<string | undefined> {
    if (/^[0-9a-f]{16}$/.test(ref)) return ref;
    const at = /^(.*)@(\d{1,9})$/.exec(ref);
    const rows = at
      ? await this.db.all('SELECT dataset_id FROM dataset_versions WHERE name = ? AND version = ?', [at[1], Number(at[2])])
      : await this.db.all('SELECT dataset_id FROM dataset_versions WHERE name = ? ORDER BY version DESC LIMIT 1', [ref]);
    return rows[0] ? String(rows[0].dataset_id) : undefined;
  }

  /** The stored files of a dataset (undefined when there is no such dataset). */
  async datasetFiles(ref: string): Promise<{ id: string; files: DatasetFiles } | undefined> {
    const id = await this.datasetId(ref);
    if (id === undefined) return undefined;
    const rows = await this.db.all('SELECT path, content FROM dataset_files WHERE dataset_id = ? ORDER BY path', [id]);
    if (rows.length === 0) return undefined;
    return { id, files: new Map(rows.map((r) => [String(r.path), String(r.content)])) };
  }

  // Scenarios and risk specs (YAML documents, checked by the caller before they are stored)

  async createDocument(kind: DocumentKind, name: string, yaml: string): Promise<StoredScenario> {
    const { table, prefix } = DOCUMENTS[kind];
    const doc = { id: newId(prefix), name, yaml, createdAt: now(), updatedAt: now() };
    await this.db.transaction((tx) => tx.run(`INSERT INTO ${table} (id, name, yaml, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      [doc.id, name, yaml, doc.createdAt, doc.updatedAt]));
    return doc;
  }

  async documents(kind: DocumentKind): Promise<StoredScenario[]> {
    return (await this.db.all(`SELECT * FROM ${DOCUMENTS[kind].table} ORDER BY created_at, id`)).map(scenarioOf);
  }

  async document(kind: DocumentKind, id: string): Promise<StoredScenario | undefined> {
    const row = (await this.db.all(`SELECT * FROM ${DOCUMENTS[kind].table} WHERE id = ?`, [id]))[0];
    return row ? scenarioOf(row) : undefined;
  }

  async updateDocument(kind: DocumentKind, id: string, name: string, yaml: string): Promise<StoredScenario | undefined> {
    const { changes } = await this.db.transaction((tx) => tx.run(`UPDATE ${DOCUMENTS[kind].table} SET name = ?, yaml = ?, updated_at = ? WHERE id = ?`, [name, yaml, now(), id]));
    return changes ? this.document(kind, id) : undefined;
  }

  async deleteDocument(kind: DocumentKind, id: string): Promise<boolean> {
    return (await this.db.transaction((tx) => tx.run(`DELETE FROM ${DOCUMENTS[kind].table} WHERE id = ?`, [id]))).changes > 0;
  }

  createScenario(name: string, yaml: string): Promise<StoredScenario> { return this.createDocument('scenario', name, yaml); }
  scenarios(): Promise<StoredScenario[]> { return this.documents('scenario'); }
  scenario(id: string): Promise<StoredScenario | undefined> { return this.document('scenario', id); }
  updateScenario(id: string, name: string, yaml: string): Promise<StoredScenario | undefined> { return this.updateDocument('scenario', id, name, yaml); }
  deleteScenario(id: string): Promise<boolean> { return this.deleteDocument('scenario', id); }

  // Runs

  async run(key: string): Promise<StoredRun | undefined> {
    const row = (await this.db.all('SELECT * FROM runs WHERE run_key = ?', [key]))[0];
    if (!row) return undefined;
    return { key, datasetId: String(row.dataset_id), scenarioHash: String(row.scenario_hash), codeVersion: String(row.code_version), result: JSON.parse(String(row.result)), createdAt: String(row.created_at) };
  }

  /** Keeps a run's result; a result stored already under the key is kept (the same inputs give the same result). */
  async saveRun(run: Omit<StoredRun, 'createdAt'>): Promise<void> {
    await this.db.transaction(async (tx: Queryable) => {
      if ((await tx.all('SELECT run_key FROM runs WHERE run_key = ?', [run.key])).length) return;
      await tx.run('INSERT INTO runs (run_key, dataset_id, scenario_hash, code_version, result, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [run.key, run.datasetId, run.scenarioHash, run.codeVersion, JSON.stringify(run.result), now()]);
    });
  }

  async runCount(): Promise<number> {
    return Number((await this.db.all('SELECT COUNT(*) AS n FROM runs'))[0].n);
  }

  // API tokens: only the sha256 of a token is stored; the token itself is shown once, when created.

  async createToken(name: string): Promise<{ token: string; info: TokenInfo }> {
    if (!/^[\w .@-]{1,64}$/.test(name)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `a token name expects 1-64 letters, digits, spaces or ._@-, found ${JSON.stringify(name.slice(0, 80))}`);
    const id = randomBytes(6).toString('hex');
    const token = `crd_${id}_${randomBytes(32).toString('base64url')}`;
    const info = { id, name, createdAt: now(), revokedAt: null };
    await this.db.transaction((tx) => tx.run('INSERT INTO api_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)', [id, name, sha256(token), info.createdAt]));
    return { token, info };
  }

  async tokens(): Promise<TokenInfo[]> {
    return (await this.db.all('SELECT id, name, created_at, revoked_at FROM api_tokens ORDER BY created_at, id')).map((r) => ({
      id: String(r.id), name: String(r.name), createdAt: String(r.created_at), revokedAt: r.revoked_at === null ? null : String(r.revoked_at),
    }));
  }

  async revokeToken(id: string): Promise<boolean> {
    return (await this.db.transaction((tx) => tx.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), id]))).changes > 0;
  }

  /** The stored hash of a live (not revoked) token, by the id it carries. */
  async liveTokenHash(id: string): Promise<string | undefined> {
    const row = (await this.db.all('SELECT token_hash FROM api_tokens WHERE id = ? AND revoked_at IS NULL', [id]))[0];
    return row ? String(row.token_hash) : undefined;
  }
}

function summaryOf(row: Row, versions: Row[]): DatasetSummary {
  return {
    id: String(row.id),
    packageName: String(row.package_name),
    fileCount: Number(row.file_count),
    byteCount: Number(row.byte_count),
    rowCount: Number(row.row_count),
    createdAt: String(row.created_at),
    versions: versions.map((v) => ({ name: String(v.name), version: Number(v.version), importedAt: String(v.imported_at) })),
  };
}

function scenarioOf(row: Row): StoredScenario {
  return { id: String(row.id), name: String(row.name), yaml: String(row.yaml), createdAt: String(row.created_at), updatedAt: String(row.updated_at) };
}

/** Opens the store, runs `work` and closes the store whatever happens. */
export async function withStore<T>(options: OpenStoreOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
