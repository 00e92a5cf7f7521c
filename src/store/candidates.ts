// Candidate events waiting for review, kept beside the dataset they will go into: DIR/.corridor/events.sqlite.
// The store sits behind a small interface so that another database (PostgreSQL) can take its place.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { EventOut } from '../events/extract.ts';
import { CorridorError } from '../errors.ts';

export const CANDIDATE_STATUSES = ['candidate', 'accepted', 'rejected', 'duplicate'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** What the store keeps of an article: never its full text, only its hash and what the dataset's source row needs. */
export interface StoredArticle {
  hash: string;
  title: string;
  /** Publisher (--source). */
  source: string | null;
  published: string | null;
  /** Coding method and version, e.g. corridor-events@1.0.0. */
  method: string;
  savedAt: string;
}

export interface StoredCandidate {
  id: string;
  status: CandidateStatus;
  event: EventOut;
  article: StoredArticle;
  reviewedAt: string | null;
  /** Id of the dataset event it became (accepted) or duplicates (duplicate). */
  datasetEvent: string | null;
  note: string;
}

export interface CandidateStore {
  /** Saves an article's candidates; candidates already stored (same id) are kept as they are. */
  save(article: StoredArticle, events: readonly EventOut[]): { added: number; existing: number };
  list(status?: CandidateStatus | 'all'): StoredCandidate[];
  get(id: string): StoredCandidate | undefined;
  review(id: string, status: CandidateStatus, reviewedAt: string, datasetEvent?: string | null, note?: string): void;
  /**
   * Sets a candidate's review in one transaction, only while its status is one of `from`; returns whether it did.
   * Writers call it holding the dataset's write lock (see lock.ts), after the dataset's files are written.
   */
  settle(id: string, from: readonly CandidateStatus[], status: CandidateStatus, reviewedAt: string, datasetEvent?: string | null, note?: string): boolean;
  close(): void;
}

/** Whether candidates were ever saved for a dataset. */
export function hasCandidateStore(datasetDir: string): boolean {
  return existsSync(candidateStorePath(datasetDir));
}

/** Where the candidates of a dataset are kept. */
export function candidateStorePath(datasetDir: string): string {
  return join(resolve(datasetDir), '.corridor', 'events.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS article (
  hash TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT, published TEXT, method TEXT NOT NULL, saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS candidate (
  id TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES article(hash), status TEXT NOT NULL DEFAULT 'candidate',
  event TEXT NOT NULL, reviewed_at TEXT, dataset_event TEXT, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS candidate_status ON candidate(status);
`;

interface Row {
  id: string; status: CandidateStatus; event: string; reviewed_at: string | null; dataset_event: string | null; note: string;
  hash: string; title: string; source: string | null; published: string | null; method: string; saved_at: string;
}

class SqliteCandidateStore implements CandidateStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  save(article: StoredArticle, events: readonly EventOut[]): { added: number; existing: number } {
    const insertArticle = this.db.prepare('INSERT OR IGNORE INTO article (hash, title, source, published, method, saved_at) VALUES (?, ?, ?, ?, ?, ?)');
    const insertCandidate = this.db.prepare('INSERT OR IGNORE INTO candidate (id, article, event) VALUES (?, ?, ?)');
    let added = 0;
    this.db.transaction(() => {
      insertArticle.run(article.hash, article.title, article.source, article.published, article.method, article.savedAt);
      for (const e of events) added += insertCandidate.run(e.id, article.hash, JSON.stringify(e)).changes;
    })();
    return { added, existing: events.length - added };
  }

  private static toCandidate(r: Row): StoredCandidate {
    return {
      id: r.id,
      status: r.status,
      event: JSON.parse(r.event) as EventOut,
      article: { hash: r.hash, title: r.title, source: r.source, published: r.published, method: r.method, savedAt: r.saved_at },
      reviewedAt: r.reviewed_at,
      datasetEvent: r.dataset_event,
      note: r.note,
    };
  }

  list(status: CandidateStatus | 'all' = 'all'): StoredCandidate[] {
    const sql = `SELECT c.*, a.* FROM candidate c JOIN article a ON a.hash = c.article ${status === 'all' ? '' : 'WHERE c.status = ?'} ORDER BY a.saved_at, c.rowid`;
    const rows = (status === 'all' ? this.db.prepare(sql).all() : this.db.prepare(sql).all(status)) as Row[];
    return rows.map(SqliteCandidateStore.toCandidate);
  }

  get(id: string): StoredCandidate | undefined {
    const row = this.db.prepare('SELECT c.*, a.* FROM candidate c JOIN article a ON a.hash = c.article WHERE c.id = ?').get(id) as Row | undefined;
    return row ? SqliteCandidateStore.toCandidate(row) : undefined;
  }

  review(id: string, status: CandidateStatus, reviewedAt: string, datasetEvent: string | null = null, note = ''): void {
    const changes = this.db.prepare('UPDATE candidate SET status = ?, reviewed_at = ?, dataset_event = ?, note = ? WHERE id = ?')
      .run(status, reviewedAt, datasetEvent, note, id).changes;
    if (changes === 0) throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate event with id "${id}"`);
  }

  settle(id: string, from: readonly CandidateStatus[], status: CandidateStatus, reviewedAt: string, datasetEvent: string | null = null, note = ''): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT status FROM candidate WHERE id = ?').get(id) as { status: CandidateStatus } | undefined;
      if (!row) throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate event with id "${id}"`);
      if (!from.includes(row.status)) return false;
      this.db.prepare('UPDATE candidate SET status = ?, reviewed_at = ?, dataset_event = ?, note = ? WHERE id = ?').run(status, reviewedAt, datasetEvent, note, id);
      return true;
    }).immediate();
  }

  close(): void {
    this.db.close();
  }
}

/** Opens (creating when asked) the candidate store of a dataset folder. */
export function openCandidateStore(datasetDir: string, options: { create?: boolean } = {}): CandidateStore {
  const path = candidateStorePath(datasetDir);
  if (!options.create && !existsSync(path)) {
    throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate events saved for ${datasetDir} yet: run \`corridor ingest FILE --save --dataset ${datasetDir}\` first`);
  }
  try {
    if (options.create) mkdirSync(join(resolve(datasetDir), '.corridor'), { recursive: true });
    return new SqliteCandidateStore(path);
  } catch (e) {
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not open the candidate store ${path}: ${(e as Error).message}`);
  }
}
