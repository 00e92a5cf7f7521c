// The solver's Web Worker: builds the dataset's Model from the tables the API serves and runs the library's own
// functions on it with HiGHS (WebAssembly): a what-if is `runScenarioWith` on the scenario's YAML, exactly what
// `corridor scenario run --json` runs; N-1 is `runN1` and Monte Carlo `runMonteCarlo`, as `corridor risk` runs them.
import loadHighs, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { Model } from '../../src/model/model.ts';
import type { Tables } from '../../src/model/types.ts';
import { parseScenario, runScenarioWith } from '../../src/scenario/index.ts';
import { buildNetwork } from '../../src/solve/network.ts';
import { runN1 } from '../../src/risk/n1.ts';
import { runMonteCarlo } from '../../src/risk/montecarlo.ts';
import { parseRiskSpec } from '../../src/risk/spec.ts';
import type { WorkerRequest, WorkerReply } from './solver-types.ts';

let model: Model | undefined;
let highs: Highs | undefined;
// The solver's WebAssembly (3.5 MB) starts loading with the worker, while the page fetches the dataset.
const loadingHighs: Promise<Highs> = loadHighs({ locateFile: () => wasmUrl });

const scope = self as unknown as { postMessage(message: WorkerReply): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

function reply(message: WorkerReply): void {
  scope.postMessage(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    if (request.kind === 'init') {
      model = new Model(request.tables as Tables, request.info);
      highs = await loadingHighs;
      reply({ id: request.id, ok: true, value: null });
      return;
    }
    if (!model || !highs) throw new Error('the solver is not ready yet');
    const started = performance.now();
    if (request.kind === 'scenario') {
      const result = runScenarioWith(highs, model, parseScenario(request.yaml, request.file));
      reply({ id: request.id, ok: true, value: result, ms: performance.now() - started });
    } else if (request.kind === 'n1') {
      const result = runN1(highs, model, { commodity: request.commodity, year: request.year, importer: request.importer });
      reply({ id: request.id, ok: true, value: result, ms: performance.now() - started });
    } else {
      const spec = parseRiskSpec(request.spec, 'risk.yaml');
      const network = buildNetwork(model, { commodity: spec.commodity, year: spec.year });
      const result = await runMonteCarlo(highs, network, spec, { draws: request.draws ?? spec.draws ?? 1000, seed: spec.seed ?? 1, dataset: model.info.hash });
      reply({ id: request.id, ok: true, value: result, ms: performance.now() - started });
    }
  } catch (error) {
    reply({ id: request.id, ok: false, error: messageOf(error) });
  }
}

// One request at a time, in the order sent (a what-if sent while the solver loads waits for it).
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => { queue = queue.then(() => handle(event.data)); };
