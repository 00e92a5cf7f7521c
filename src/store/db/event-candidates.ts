// Candidate events of stored datasets, waiting for review: the API's counterpart of DIR/.corridor/events.sqlite
// (candidates.ts), kept in the store database (SQLite or PostgreSQL) and keyed by the dataset's name, since
// accepting a candidate stores a new version of that name. The article's full text is never kept: only its hash
// and what a sources.csv row needs.
import type { EventOut } from '../../events/index.ts';
import { CorridorError } from '../../errors.ts';
import type { CandidateStatus, StoredArticle, StoredCandidate } from '../candidates.ts';
import type { Driver, Queryable, Row } from './driver.ts';

/** A candidate of a stored dataset: the folder store's candidate, with the dataset version an accept created. */
export interface DatasetCandidate extends StoredCandidate {
  dataset: string;
  /** The version of the dataset that holds the accepted event (null: not accepted). */
  datasetVersion: number | null;
}

const SELECT = 'SELECT c.*, a.title, a.source, a.published, a.method, a.saved_at AS article_saved_at FROM event_candidates c JOIN event_articles a ON a.hash = c.article_hash';

export class EventCandidateTable {
  constructor(private readonly db: Driver) {}

  /** Saves an article's candidates for `dataset`; candidates stored already (same id) are kept as they are. */
  async save(dataset: string, article: StoredArticle, events: readonly EventOut[]): Promise<{ added: number; existing: number }> {
    return this.db.transaction(async (tx) => {
      if ((await tx.all('SELECT hash FROM event_articles WHERE hash = ?', [article.hash])).length === 0) {
        await tx.run('INSERT INTO event_articles (hash, title, source, published, method, saved_at) VALUES (?, ?, ?, ?, ?, ?)',
          [article.hash, article.title, article.source, article.published, article.method, article.savedAt]);
      }
      let added = 0;
      for (const e of events) {
        if ((await tx.all('SELECT id FROM event_candidates WHERE dataset_name = ? AND id = ?', [dataset, e.id])).length) continue;
        await tx.run("INSERT INTO event_candidates (dataset_name, id, article_hash, status, event, saved_at, note) VALUES (?, ?, ?, 'candidate', ?, ?, '')",
          [dataset, e.id, article.hash, JSON.stringify(e), article.savedAt]);
        added++;
      }
      return { added, existing: events.length - added };
    });
  }

  async list(dataset: string, status: CandidateStatus | 'all' = 'all'): Promise<DatasetCandidate[]> {
    const rows = status === 'all'
      ? await this.db.all(`${SELECT} WHERE c.dataset_name = ? ORDER BY c.saved_at, c.id`, [dataset])
      : await this.db.all(`${SELECT} WHERE c.dataset_name = ? AND c.status = ? ORDER BY c.saved_at, c.id`, [dataset, status]);
    return rows.map(candidateOf);
  }

  async get(dataset: string, id: string, q: Queryable = this.db): Promise<DatasetCandidate | undefined> {
    const row = (await q.all(`${SELECT} WHERE c.dataset_name = ? AND c.id = ?`, [dataset, id]))[0];
    return row ? candidateOf(row) : undefined;
  }

  /**
   * Records a review inside the caller's transaction, only while the candidate's status is still `from`
   * (another request may have reviewed it meanwhile): throws CORRIDOR_ERR_ARGUMENT when it is not.
   */
  async settle(tx: Queryable, c: DatasetCandidate, status: CandidateStatus, review: { datasetEvent?: string | null; datasetVersion?: number | null; note?: string } = {}): Promise<void> {
    const { changes } = await tx.run('UPDATE event_candidates SET status = ?, reviewed_at = ?, dataset_event = ?, dataset_version = ?, note = ? WHERE dataset_name = ? AND id = ? AND status = ?',
      [status, new Date().toISOString(), review.datasetEvent ?? null, review.datasetVersion ?? null, review.note ?? '', c.dataset, c.id, c.status]);
    if (changes === 0) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${c.id} was reviewed by another request meanwhile; read it again`, [], 'params.id');
  }
}

function candidateOf(r: Row): DatasetCandidate {
  return {
    dataset: String(r.dataset_name),
    id: String(r.id),
    status: String(r.status) as CandidateStatus,
    event: JSON.parse(String(r.event)) as EventOut,
    article: {
      hash: String(r.article_hash), title: String(r.title), source: r.source === null ? null : String(r.source),
      published: r.published === null ? null : String(r.published), method: String(r.method), savedAt: String(r.article_saved_at),
    },
    reviewedAt: r.reviewed_at === null ? null : String(r.reviewed_at),
    datasetEvent: r.dataset_event === null ? null : String(r.dataset_event),
    datasetVersion: r.dataset_version === null ? null : Number(r.dataset_version),
    note: String(r.note),
  };
}
