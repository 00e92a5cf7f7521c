// The page's side of the solver worker: each request is a promise answered by the worker's reply with its id.
// Requests run one at a time in the worker, in the order sent.
import type { ModelInfo } from '../../src/model/model.ts';
import type { ScenarioResult } from '../../src/scenario/results.ts';
import type { N1Result } from '../../src/risk/n1.ts';
import type { MonteCarloResult } from '../../src/risk/montecarlo.ts';
import type { WorkerReply, WorkerRequest } from './solver-types.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

export class Solver {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    };
  }

  private ask<T>(request: Request): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  init(tables: unknown, info: ModelInfo): Promise<void> {
    return this.ask({ kind: 'init', tables, info });
  }

  scenario(yaml: string): Promise<ScenarioResult> {
    return this.ask({ kind: 'scenario', yaml, file: 'what-if.yaml' });
  }

  n1(commodity: string, year: number, importer?: string): Promise<N1Result> {
    return this.ask({ kind: 'n1', commodity, year, importer });
  }

  montecarlo(spec: string, draws?: number): Promise<MonteCarloResult> {
    return this.ask({ kind: 'montecarlo', spec, draws });
  }
}
