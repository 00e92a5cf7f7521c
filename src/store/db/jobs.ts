// Risk jobs (N-1, Monte Carlo) as the store keeps them: what was asked, the status, the draws done, and the result
// of a cancelled job (a finished job's result is a run, in the runs table, under the job's run key). A job names the
// process that runs it (`host:pid`), so that a server starting again marks failed the jobs its dead predecessor on
// this host left queued or running, and leaves alone those of a live server sharing the database.
import { hostname } from 'node:os';
import type { Driver, Row } from './driver.ts';

export const JOB_KINDS = ['n1', 'montecarlo'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface StoredJob {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** What was asked (dataset, commodity, year, spec, draws, seed …). */
  input: Record<string, unknown>;
  /** The run the result is (or will be) stored under. */
  runKey: string;
  datasetId: string;
  /** Draws (Monte Carlo) or elements (N-1) done, of total. */
  done: number;
  total: number;
  /** The result of a cancelled job (the draws done); a done job's result is the run under runKey. */
  result: unknown;
  error: { code: string; message: string } | null;
  owner: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** This process, as a job owner. */
export const THIS_PROCESS = `${hostname()}:${process.pid}`;

const now = () => new Date().toISOString();

/** Whether a process of this host still runs (signal 0 tests without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class JobTable {
  constructor(private readonly db: Driver) {}

  async create(job: Pick<StoredJob, 'id' | 'kind' | 'status' | 'input' | 'runKey' | 'datasetId' | 'done' | 'total'>): Promise<StoredJob> {
    const at = now();
    const finished = job.status === 'done' ? at : null;
    await this.db.transaction((tx) => tx.run(
      'INSERT INTO jobs (id, kind, status, input, run_key, dataset_id, done, total, result, error, owner, created_at, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)',
      [job.id, job.kind, job.status, JSON.stringify(job.input), job.runKey, job.datasetId, job.done, job.total, THIS_PROCESS, at, finished, finished]));
    return { ...job, result: null, error: null, owner: THIS_PROCESS, createdAt: at, startedAt: finished, finishedAt: finished };
  }

  async get(id: string): Promise<StoredJob | undefined> {
    const row = (await this.db.all('SELECT * FROM jobs WHERE id = ?', [id]))[0];
    return row ? jobOf(row) : undefined;
  }

  /** The newest job that finished with the run stored under `runKey`, if any. */
  async doneWith(runKey: string): Promise<StoredJob | undefined> {
    const row = (await this.db.all("SELECT * FROM jobs WHERE run_key = ? AND status = 'done' ORDER BY created_at DESC, id LIMIT 1", [runKey]))[0];
    return row ? jobOf(row) : undefined;
  }

  /** The newest jobs first (at most `limit`), optionally of one status. */
  async list(limit = 100, status?: JobStatus): Promise<StoredJob[]> {
    const rows = status === undefined
      ? await this.db.all('SELECT * FROM jobs ORDER BY created_at DESC, id LIMIT ?', [limit])
      : await this.db.all('SELECT * FROM jobs WHERE status = ? ORDER BY created_at DESC, id LIMIT ?', [status, limit]);
    return rows.map(jobOf);
  }

  async started(id: string): Promise<void> {
    await this.db.transaction((tx) => tx.run("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'", [now(), id]));
  }

  async progress(id: string, done: number, total: number): Promise<void> {
    await this.db.transaction((tx) => tx.run("UPDATE jobs SET done = ?, total = ? WHERE id = ? AND status = 'running'", [done, total, id]));
  }

  /** Ends a queued or running job (a job that has ended already is left as it is); returns whether it did. */
  async finish(id: string, status: 'done' | 'failed' | 'cancelled', outcome: { done?: number; result?: unknown; error?: { code: string; message: string } }): Promise<boolean> {
    const { changes } = await this.db.transaction((tx) => tx.run(
      "UPDATE jobs SET status = ?, done = COALESCE(?, done), result = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
      [status, outcome.done ?? null, outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.error ? JSON.stringify(outcome.error) : null, now(), id]));
    return changes > 0;
  }

  /**
   * Marks failed the jobs left queued or running by a process of this host that no longer runs (a server that
   * stopped or crashed); returns their ids. Jobs of live processes, or of other hosts, are theirs.
   */
  async failAbandoned(): Promise<string[]> {
    const host = hostname();
    const rows = await this.db.all("SELECT id, owner FROM jobs WHERE status IN ('queued', 'running')");
    const lost = rows.filter((r) => {
      const [ownerHost, pid] = String(r.owner).split(/:(?=\d+$)/);
      return ownerHost === host && String(r.owner) !== THIS_PROCESS && !alive(Number(pid));
    }).map((r) => String(r.id));
    for (const id of lost) {
      await this.finish(id, 'failed', { error: { code: 'CORRIDOR_ERR_INTERNAL', message: 'the server running this job stopped before it finished (send the request again)' } });
    }
    return lost;
  }
}

function jobOf(row: Row): StoredJob {
  return {
    id: String(row.id),
    kind: String(row.kind) as JobKind,
    status: String(row.status) as JobStatus,
    input: JSON.parse(String(row.input)) as Record<string, unknown>,
    runKey: String(row.run_key),
    datasetId: String(row.dataset_id),
    done: Number(row.done),
    total: Number(row.total),
    result: row.result === null ? null : JSON.parse(String(row.result)),
    error: row.error === null ? null : JSON.parse(String(row.error)) as StoredJob['error'],
    owner: String(row.owner),
    createdAt: String(row.created_at),
    startedAt: row.started_at === null ? null : String(row.started_at),
    finishedAt: row.finished_at === null ? null : String(row.finished_at),
  };
}
