// N-1 off the request path: the solver is synchronous, so an N-1 job runs in a worker thread of its own (Monte Carlo
// jobs use the risk layer's worker pool, src/risk/parallel.ts). The thread gets the dataset's files, reads them into
// a Model, runs runN1 and posts the result; cancelling a job terminates the thread.
// Started as a worker, this same module does the work (see the end of the file).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CorridorError, ERROR_CODES, type ErrorCode } from '../errors.ts';
import { loadSolver } from '../solve/index.ts';
import { runN1, type N1Result } from '../risk/index.ts';
import { startWorkerOn } from '../risk/parallel.ts';
import { modelOfFiles } from '../store/db/dataset-files.ts';

const WORKER_TAG = 'corridor-n1-worker';

export interface N1WorkerInput {
  files: [string, string][];
  commodity: string;
  year: number;
  importer?: string;
}

type Reply = { result: N1Result } | { error: { code: string; message: string } } | { progress: number; total: number };

/** Runs N-1 in a new thread; `cancel()` terminates it (the promise then rejects with a cancelled error). `onProgress`
 * hears each element solved. */
export function runN1InWorker(input: N1WorkerInput, onProgress?: (done: number, total: number) => void): { result: Promise<N1Result>; cancel: () => void } {
  const worker = startWorkerOn(import.meta.url, { tag: WORKER_TAG, ...input });
  let cancelled = false;
  const result = new Promise<N1Result>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if ('progress' in reply) onProgress?.(reply.progress, reply.total);
      else if ('result' in reply) resolve(reply.result);
      else reject(new CorridorError(reply.error.code in ERROR_CODES ? reply.error.code as ErrorCode : 'CORRIDOR_ERR_INTERNAL', reply.error.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(cancelled ? new JobCancelled() : new Error(`the N-1 worker stopped (exit code ${code})`)));
  }).finally(() => { void worker.terminate(); });
  return { result, cancel: () => { cancelled = true; void worker.terminate(); } };
}

/** What a cancelled worker's promise rejects with. */
export class JobCancelled extends Error {
  constructor() { super('cancelled'); }
}

async function serve(input: N1WorkerInput): Promise<void> {
  const port = parentPort!;
  try {
    const model = modelOfFiles(new Map(input.files));
    const onElement = (done: number, total: number) => port.postMessage({ progress: done, total } satisfies Reply);
    const result = runN1(await loadSolver(), model, { commodity: input.commodity, year: input.year, importer: input.importer, onElement });
    port.postMessage({ result } satisfies Reply);
  } catch (error) {
    port.postMessage({ error: { code: error instanceof CorridorError ? error.code : 'CORRIDOR_ERR_INTERNAL', message: error instanceof Error ? error.message : String(error) } } satisfies Reply);
  }
}

if (!isMainThread && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) void serve(workerData as N1WorkerInput);
