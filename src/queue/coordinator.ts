// The coordinator of a Monte Carlo spread over machines: it stores the run once (spec text, spec, flow network,
// seed), sends one pg-boss job per batch of consecutive draws, waits for every batch's partial result in
// risk_batch, and merges them with the order-free summary. Draw i depends only on (seed, i), and each batch's
// result is written once (the first write wins), so a retried batch counts once and the result equals a local
// run with the same seed. See docs/methods/risk.md "Beyond one machine".
import { randomUUID } from 'node:crypto';
import type { FlowNetwork } from '../solve/network-types.ts';
import { summarise, type MonteCarloOptions, type MonteCarloResult, type RiskSpec } from '../risk/index.ts';
import { CorridorError } from '../errors.ts';
import { BATCH_QUEUE, openQueue, type QueueConnection } from './connection.ts';
import { batchFromRow, encodeJson } from './codec.ts';

/** What a batch job carries: the run (its row holds the spec and network), the seed and the draw range. */
export interface BatchJob {
  run: string;
  batch: number;
  seed: number;
  start: number;
  count: number;
}

export interface QueueRunOptions extends MonteCarloOptions {
  /** postgres://… with an optional ?schema=NAME. */
  url: string;
  /** The spec file's text, stored with the run. */
  specText: string;
  /** Draws per batch (default 2000). */
  batch?: number;
  /** Seconds a worker may hold a batch before it is given to another worker (default 600). */
  batchTimeout?: number;
  /** Times a batch is retried after its worker failed or stopped answering (default 5). */
  retries?: number;
  /** How often to look for finished batches, in milliseconds (default 250). */
  pollMs?: number;
}

export interface QueueRunStats {
  run: string;
  batches: number;
  /** Batch jobs that were retried (their worker failed, was killed or stopped answering). */
  retried: number;
  /** Seconds the workers spent solving, summed over batches. */
  workerSeconds: number;
}

/** Runs the Monte Carlo through the job queue; resolves when every batch is in (or the run was stopped). */
export async function runMonteCarloQueued(network: FlowNetwork, spec: RiskSpec, options: QueueRunOptions): Promise<{ result: MonteCarloResult; stats: QueueRunStats }> {
  const size = options.batch ?? 2000;
  const timeout = options.batchTimeout ?? 600;
  // Expired batches are noticed at the next maintenance: often enough that a lost worker costs little time.
  const queue = await openQueue(options.url, { maintenanceSeconds: Math.max(1, Math.min(60, Math.round(timeout / 4))) });
  const run = randomUUID();
  const schema = queue.target.schema;
  try {
    await queue.query(`INSERT INTO ${schema}.risk_run (id, dataset, seed, draws, batch_size, spec_text, spec, network) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [run, options.dataset ?? '', options.seed, options.draws, size, options.specText, encodeJson(spec), encodeJson(network)]);
    const jobs = batchJobs(run, options.seed, options.draws, size);
    // Ids that sort in batch order (pg-boss hands out jobs of equal priority and time by id), so that workers
    // take the draws roughly in order and a stopped run keeps a long prefix.
    const ids = jobs.map((job) => `${job.batch.toString(16).padStart(8, '0')}${randomUUID().slice(8)}`);
    try {
      await queue.boss.insert(jobs.map((data, k) => ({ id: ids[k], name: BATCH_QUEUE, data, retryLimit: options.retries ?? 5, retryDelay: 0, expireInSeconds: timeout })));
    } catch (error) {
      throw new CorridorError('CORRIDOR_ERR_QUEUE', `job queue ${queue.target.shown}: could not send the batches: ${(error as Error).message}`);
    }
    const stopped = await waitForBatches(queue, run, ids, jobs.length, options);
    if (stopped) await queue.boss.cancel(BATCH_QUEUE, ids).catch(() => undefined);
    const rows = await queue.query(`SELECT * FROM ${schema}.risk_batch WHERE run = $1`, [run]);
    const batches = rows.map(batchFromRow);
    const done = batches.reduce((s, b) => s + b.count, 0);
    const retried = await queue.query(`SELECT count(*)::int AS n FROM ${schema}.job WHERE id = ANY($1::uuid[]) AND retry_count > 0`, [ids]);
    const result = summarise(network, spec, options.dataset ?? '', options.seed, options.draws, batches, stopped || done < options.draws);
    return { result, stats: { run, batches: jobs.length, retried: Number(retried[0]?.n ?? 0), workerSeconds: rows.reduce((s, r) => s + Number(r.seconds), 0) } };
  } finally {
    // The partial results are merged (or the run was given up): the run's rows go; its jobs stay in pg-boss's
    // history until pg-boss archives them.
    await queue.query(`DELETE FROM ${schema}.risk_run WHERE id = $1`, [run]).catch(() => undefined);
    await queue.close();
  }
}

/** The run's batches: consecutive draws, `size` at a time. */
export function batchJobs(run: string, seed: number, draws: number, size: number): BatchJob[] {
  const jobs: BatchJob[] = [];
  for (let start = 0, batch = 0; start < draws; start += size, batch++) jobs.push({ run, batch, seed, start, count: Math.min(size, draws - start) });
  return jobs;
}

/** Waits until every batch is in; true when stopped first (Ctrl-C). A batch that failed for good is an error. */
async function waitForBatches(queue: QueueConnection, run: string, ids: string[], batches: number, options: QueueRunOptions): Promise<boolean> {
  const schema = queue.target.schema;
  let lastDone = -1;
  for (;;) {
    if (options.stop?.()) return true;
    const [row] = await queue.query(`SELECT count(*)::int AS batches, coalesce(sum(draw_count), 0)::int AS draws FROM ${schema}.risk_batch WHERE run = $1`, [run]);
    const done = Number(row.draws);
    if (done !== lastDone) { options.onProgress?.(done, options.draws); lastDone = done; }
    if (Number(row.batches) >= batches) return false;
    const failed = await queue.query(`SELECT data->>'batch' AS batch, output->>'message' AS message FROM ${schema}.job WHERE id = ANY($1::uuid[]) AND state = 'failed' LIMIT 1`, [ids]);
    if (failed.length) {
      await queue.boss.cancel(BATCH_QUEUE, ids).catch(() => undefined);
      throw new CorridorError('CORRIDOR_ERR_QUEUE', `job queue ${queue.target.shown}: batch ${String(failed[0].batch)} failed on every try: ${String(failed[0].message ?? 'no message')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}
