// Risk jobs: long N-1 and Monte Carlo runs taken off the request path. A request is checked, then becomes a job in
// the store (queued); at most `concurrency` jobs run at once (the others wait, up to `queue`), each in worker
// threads, so the server keeps answering. Progress (draws done of total) is kept in memory, and written to the
// store at most once a second; a finished job's result is stored as a run under the job's run key, so identical
// inputs are served from the store. Cancelling stops a Monte Carlo job after the batches under way, and keeps the
// draws done as the cancelled job's result (as Ctrl-C does in the CLI); a cancelled N-1 job has no result.
import { randomBytes } from 'node:crypto';
import { CorridorError } from '../errors.ts';
import type { Store } from '../store/db/store.ts';
import type { JobKind, StoredJob } from '../store/db/jobs.ts';

/** A checked request, ready to run. */
export interface JobRequest {
  kind: JobKind;
  input: Record<string, unknown>;
  datasetId: string;
  runKey: string;
  /** What the run key hashes besides the dataset (stored as the run's scenario_hash). */
  inputHash: string;
  codeVersion: string;
  total: number;
  /** Runs the job; `stop()` turns true when it is cancelled; `cancel` ends a job that cannot stop by itself. */
  execute: (control: JobControl) => { result: Promise<JobOutcome>; cancel?: () => void };
}

export interface JobControl {
  stop: () => boolean;
  onProgress: (done: number, total: number) => void;
}

export interface JobOutcome {
  result: unknown;
  /** True when stopped before the end (the result covers what was done). */
  stopped: boolean;
  done: number;
}

export interface JobLimits {
  /** Jobs run at once (default 2). */
  concurrency: number;
  /** Jobs waiting at most (default 100); more are refused with 503. */
  queue: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { concurrency: 2, queue: 100 };

interface Active {
  request: JobRequest;
  stopped: boolean;
  cancel?: () => void;
  done: number;
  total: number;
  startedAt?: number;
  savedAt: number;
  finished: Promise<void>;
  settle: () => void;
}

/** What the API shows of a job. */
export interface JobView {
  id: string;
  kind: JobKind;
  status: StoredJob['status'];
  input: Record<string, unknown>;
  dataset: string;
  runKey: string;
  /** True when the result was served from the store (identical inputs ran before). */
  cached: boolean;
  progress: { done: number; total: number; unit: 'draws' | 'elements'; secondsLeft: number | null };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error?: { code: string; message: string };
  result?: unknown;
}

export class JobRunner {
  private readonly active = new Map<string, Active>();
  private readonly waiting: string[] = [];
  private running = 0;
  private closing = false;

  constructor(private readonly store: Store, private readonly limits: JobLimits = DEFAULT_JOB_LIMITS) {}

  /** Marks failed the jobs a stopped server of this host left queued or running. */
  recover(): Promise<string[]> {
    return this.store.jobs.failAbandoned();
  }

  /** Submits a checked request: a job served from the store at once (done, cached), an identical job under way, or a new one. */
  async submit(request: JobRequest): Promise<{ job: JobView; created: boolean }> {
    const stored = await this.store.run(request.runKey);
    if (stored) {
      // The job that computed it, when there is one (so asking again adds no job); else a job done at once.
      const job = await this.store.jobs.doneWith(request.runKey)
        ?? await this.store.jobs.create({ id: newJobId(), kind: request.kind, status: 'done', input: request.input, runKey: request.runKey, datasetId: request.datasetId, done: request.total, total: request.total });
      return { job: { ...this.view(job, true), result: stored.result }, created: false };
    }
    for (const [id, a] of this.active) {
      if (a.request.runKey === request.runKey && !a.stopped) return { job: await this.get(id) as JobView, created: false };
    }
    if (this.waiting.length >= this.limits.queue) {
      throw new CorridorError('CORRIDOR_ERR_BUSY', `the server has ${this.waiting.length} risk jobs waiting already (its limit): send the request again when some have finished`);
    }
    const job = await this.store.jobs.create({ id: newJobId(), kind: request.kind, status: 'queued', input: request.input, runKey: request.runKey, datasetId: request.datasetId, done: 0, total: request.total });
    let settle!: () => void;
    const finished = new Promise<void>((r) => { settle = r; });
    this.active.set(job.id, { request, stopped: false, done: 0, total: request.total, savedAt: 0, finished, settle });
    this.waiting.push(job.id);
    this.next();
    return { job: this.view(job, false), created: true };
  }

  /** A job as the API shows it (with its result when done or cancelled), or undefined. */
  async get(id: string, withResult = true): Promise<JobView | undefined> {
    const job = await this.store.jobs.get(id);
    if (!job) return undefined;
    const view = this.view(job, false);
    if (!withResult) return view;
    if (job.status === 'done') {
      const run = await this.store.run(job.runKey);
      if (run) view.result = run.result;
    } else if (job.status === 'cancelled' && job.result !== null) {
      view.result = job.result;
    }
    return view;
  }

  async list(limit: number, status?: StoredJob['status']): Promise<JobView[]> {
    return (await this.store.jobs.list(limit, status)).map((j) => this.view(j, false));
  }

  /** Cancels a queued or running job; a job that has ended is left as it is. Resolves once the job has ended. */
  async cancel(id: string): Promise<JobView | undefined> {
    const job = await this.store.jobs.get(id);
    if (!job) return undefined;
    const a = this.active.get(id);
    if (!a) {
      if (job.status === 'queued' || job.status === 'running') {
        throw new CorridorError('CORRIDOR_ERR_BUSY', `job ${id} runs in another server process (${job.owner}): cancel it through that server`, [], 'params.id');
      }
      return this.get(id);
    }
    a.stopped = true;
    const queuedAt = this.waiting.indexOf(id);
    if (queuedAt >= 0) {
      this.waiting.splice(queuedAt, 1);
      await this.end(id, 'cancelled', { done: 0 });
    } else {
      a.cancel?.();
    }
    await a.finished;
    return this.get(id);
  }

  /** Stops every job of this process (the server is closing): each is recorded as failed. */
  async close(): Promise<void> {
    this.closing = true;
    this.waiting.length = 0;
    const pending = [...this.active.entries()];
    for (const [, a] of pending) { a.stopped = true; a.cancel?.(); }
    for (const [id, a] of pending) {
      await this.end(id, 'failed', { error: { code: 'CORRIDOR_ERR_INTERNAL', message: 'the server stopped before the job finished (send the request again)' } }).catch(() => undefined);
      a.settle();
    }
  }

  private next(): void {
    while (!this.closing && this.running < this.limits.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.running++;
      void this.execute(id).finally(() => { this.running--; this.next(); });
    }
  }

  private async execute(id: string): Promise<void> {
    const a = this.active.get(id)!;
    try {
      await this.store.jobs.started(id);
      a.startedAt = performance.now();
      const run = a.request.execute({
        stop: () => a.stopped,
        onProgress: (done, total) => {
          a.done = done;
          a.total = total;
          const now = performance.now();
          if (now - a.savedAt >= 1000) { a.savedAt = now; void this.store.jobs.progress(id, done, total).catch(() => undefined); }
        },
      });
      a.cancel = run.cancel;
      const outcome = await run.result.catch((error: unknown) => {
        if (a.stopped) return undefined; // cancelled: the work was ended from outside
        throw error;
      });
      if (outcome === undefined || (a.stopped && outcome.stopped)) {
        if (!this.closing) await this.end(id, 'cancelled', { done: outcome?.done ?? a.done, result: outcome?.result });
      } else {
        const { request } = a;
        await this.store.saveRun({ key: request.runKey, datasetId: request.datasetId, scenarioHash: request.inputHash, codeVersion: request.codeVersion, result: outcome.result });
        await this.end(id, 'done', { done: outcome.done });
      }
    } catch (error) {
      const failure = error instanceof CorridorError ? { code: error.code, message: error.message } : { code: 'CORRIDOR_ERR_INTERNAL', message: `internal error: ${(error as Error).message}` };
      if (!this.closing) await this.end(id, 'failed', { error: failure }).catch(() => undefined);
    } finally {
      a.settle();
    }
  }

  private async end(id: string, status: 'done' | 'failed' | 'cancelled', outcome: { done?: number; result?: unknown; error?: { code: string; message: string } }): Promise<void> {
    try {
      await this.store.jobs.finish(id, status, outcome);
    } finally {
      const a = this.active.get(id);
      this.active.delete(id);
      a?.settle();
    }
  }

  private view(job: StoredJob, cached: boolean): JobView {
    const a = this.active.get(job.id);
    const done = a ? a.done : job.done;
    const total = a ? a.total : job.total;
    let secondsLeft: number | null = null;
    if (a?.startedAt !== undefined && done > 0) {
      const elapsed = (performance.now() - a.startedAt) / 1000;
      secondsLeft = Math.round(((total - done) * elapsed) / done * 10) / 10;
    } else if (job.status === 'done') {
      secondsLeft = 0;
    }
    return {
      id: job.id, kind: job.kind, status: job.status, input: job.input, dataset: job.datasetId, runKey: job.runKey, cached,
      progress: { done, total, unit: job.kind === 'montecarlo' ? 'draws' : 'elements', secondsLeft },
      createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt,
      ...(job.error ? { error: job.error } : {}),
    };
  }
}

const newJobId = () => `job_${randomBytes(8).toString('hex')}`;
