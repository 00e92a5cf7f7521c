// A worker: takes batch jobs from the queue one at a time, solves each batch's draws with a DrawSolver built once
// per run (from the run's stored spec and network), writes the partial result once (INSERT … ON CONFLICT DO
// NOTHING) and completes the job. A job whose worker dies is expired by pg-boss and given to another worker;
// since the result row is keyed by (run, batch), the retry never counts twice.
import { hostname } from 'node:os';
import { loadSolver } from '../solve/highs.ts';
import type { FlowNetwork } from '../solve/network-types.ts';
import { DrawSolver, runBatch, type RiskSpec } from '../risk/index.ts';
import { BATCH_QUEUE, openQueue, queueError, type QueueConnection } from './connection.ts';
import { decodeJson, floatsToBytes } from './codec.ts';
import type { BatchJob } from './coordinator.ts';

export interface WorkerOptions {
  url: string;
  /** Asked between batches: true stops the worker (the batch in hand is finished first). */
  stop: () => boolean;
  /** Milliseconds between looks at an empty queue (default 250). */
  pollMs?: number;
  /** One line per event (batch done, run started), for the worker's log. */
  log?: (line: string) => void;
}

interface RunContext { id: string; spec: RiskSpec; solver: DrawSolver }

/** Serves batches until `stop()`; resolves with the number of batches done. */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const queue = await openQueue(options.url);
  const name = `${hostname()}:${process.pid}`;
  const highs = await loadSolver();
  let context: RunContext | undefined;
  let done = 0;
  try {
    while (!options.stop()) {
      let jobs;
      try {
        jobs = await queue.boss.fetch<BatchJob>(BATCH_QUEUE);
      } catch (error) {
        throw queueError(error, queue.target);
      }
      const job = jobs[0];
      if (!job) { await sleep(options.pollMs ?? 250); continue; }
      const data = job.data;
      try {
        if (context?.id !== data.run) {
          context?.solver.dispose();
          options.log?.(`run ${data.run}: first batch taken (${data.batch}), loading the run`);
          context = await loadRun(queue, data.run, highs);
          if (context) options.log?.(`run ${data.run}: ${context.spec.name}, ${context.spec.commodity} ${context.spec.year}`);
        }
        if (!context) {
          // The run is gone (merged, or given up by its coordinator): nothing to do.
          await queue.boss.complete(BATCH_QUEUE, job.id);
          continue;
        }
        const started = performance.now();
        const batch = runBatch(context.solver, context.spec, data.seed, data.start, data.count);
        const seconds = (performance.now() - started) / 1000;
        await queue.query(`INSERT INTO ${queue.target.schema}.risk_batch (run, batch, start_draw, draw_count, unserved, world, cost_change, failed, counts, worker, seconds)
          SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE EXISTS (SELECT 1 FROM ${queue.target.schema}.risk_run WHERE id = $1)
          ON CONFLICT (run, batch) DO NOTHING`,
        [data.run, data.batch, batch.start, batch.count, floatsToBytes(batch.unserved), floatsToBytes(batch.world), floatsToBytes(batch.costChange), JSON.stringify(batch.failed), JSON.stringify(batch.counts), name, seconds]);
        await queue.boss.complete(BATCH_QUEUE, job.id);
        done++;
        options.log?.(`run ${data.run}: batch ${data.batch} (draws ${data.start}–${data.start + data.count - 1}) in ${seconds.toFixed(2)} s`);
      } catch (error) {
        // The batch goes back to the queue (pg-boss retries it) and this worker carries on.
        const message = error instanceof Error ? error.message : String(error);
        await queue.boss.fail(BATCH_QUEUE, job.id, { message }).catch(() => undefined);
        options.log?.(`run ${data.run}: batch ${data.batch} failed: ${message}`);
        if (context?.id === data.run) { context.solver.dispose(); context = undefined; }
      }
    }
  } finally {
    context?.solver.dispose();
    await queue.close();
  }
  return done;
}

/** The run's stored spec and network, with a solver built on them; undefined when the run is gone. */
async function loadRun(queue: QueueConnection, run: string, highs: Awaited<ReturnType<typeof loadSolver>>): Promise<RunContext | undefined> {
  const [row] = await queue.query(`SELECT spec, network FROM ${queue.target.schema}.risk_run WHERE id = $1`, [run]);
  if (!row) return undefined;
  const spec = decodeJson<RiskSpec>(String(row.spec));
  const network = decodeJson<FlowNetwork>(String(row.network));
  return { id: run, spec, solver: new DrawSolver(highs, network, spec.failures) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
