// The Monte Carlo spread over worker threads (the only file of src/risk that starts threads). Draws are handed
// out in batches of consecutive indices; each worker solves its batches with its own DrawSolver, and the batches
// are merged in draw order, so the result is the same as one thread's, whatever the number of workers.
// Started as a worker, this same module serves batches (see the end of the file).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { FlowNetwork } from '../solve/network-types.ts';
import { loadSolver } from '../solve/highs.ts';
import { DrawSolver } from './engine.ts';
import { runBatch, summarise, type DrawBatch, type MonteCarloOptions, type MonteCarloResult } from './montecarlo.ts';
import type { RiskSpec } from './spec.ts';

const WORKER_TAG = 'corridor-risk-worker';

interface WorkerInput { tag: typeof WORKER_TAG; network: FlowNetwork; spec: RiskSpec; seed: number }
type Request = { start: number; count: number } | { done: true };

/** Runs the Monte Carlo on `workers` threads (1: in this thread, no worker started). */
export async function runMonteCarloParallel(network: FlowNetwork, spec: RiskSpec, options: MonteCarloOptions & { workers: number }): Promise<MonteCarloResult> {
  const size = options.batch ?? 500;
  const batches: DrawBatch[] = [];
  let next = 0;
  let done = 0;
  let stopped = false;
  const pool: Worker[] = [];
  let failure: unknown;
  const claim = (): { start: number; count: number } | undefined => {
    if (failure !== undefined) return undefined;
    if (options.stop?.()) { stopped = stopped || next < options.draws; return undefined; }
    if (next >= options.draws) return undefined;
    const start = next;
    const count = Math.min(size, options.draws - start);
    next += count;
    return { start, count };
  };
  const input: WorkerInput = { tag: WORKER_TAG, network, spec, seed: options.seed };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.workers) }, () => new Promise<void>((resolveWorker, rejectWorker) => {
      const worker = startWorkerOn(import.meta.url, input);
      pool.push(worker);
      const send = () => {
        const job = claim();
        worker.postMessage(job ?? ({ done: true } satisfies Request));
        if (!job) resolveWorker();
      };
      worker.on('message', (message: DrawBatch | { ready: true } | { error: string }) => {
        if ('ready' in message) { send(); return; }
        if ('error' in message) { failure ??= new Error(message.error); rejectWorker(failure); return; }
        batches.push(message);
        done += message.count;
        options.onProgress?.(done, options.draws);
        send();
      });
      worker.on('error', (error) => { failure ??= error; rejectWorker(error); });
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return summarise(network, spec, options.dataset ?? '', options.seed, options.draws, batches, stopped || done < options.draws);
}

/**
 * Starts a worker thread on the module at `moduleUrl` (its own import.meta.url). Run from source (tests,
 * benchmarks), a worker thread does not inherit the TypeScript loader, so it registers it before importing the
 * module; the built CLI runs the JavaScript directly.
 */
export function startWorkerOn(moduleUrl: string, workerData: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), { workerData });
  const loader = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(loader)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(source, { eval: true, workerData });
}

/** A worker: build the solver once, then answer batches until told it is done. */
async function serve(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  try {
    const solver = new DrawSolver(await loadSolver(), input.network, input.spec.failures);
    port.on('message', (request: Request) => {
      if ('done' in request) { solver.dispose(); port.close(); return; }
      try {
        const batch = runBatch(solver, input.spec, input.seed, request.start, request.count);
        port.postMessage(batch, [batch.unserved.buffer as ArrayBuffer, batch.world.buffer as ArrayBuffer, batch.costChange.buffer as ArrayBuffer]);
      } catch (error) {
        port.postMessage({ error: error instanceof Error ? error.message : String(error) });
      }
    });
    port.postMessage({ ready: true });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.tag === WORKER_TAG) void serve(workerData as WorkerInput);
