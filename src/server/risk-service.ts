// N-1 and Monte Carlo requests, checked on the request path (dataset, commodity, year, importer, the risk spec
// against the network's elements: a bad request is refused at once, with the field or the spec's line) and turned
// into jobs (jobs.ts) that run in worker threads. The same library functions as `corridor risk` do the work.
import { CorridorError, available } from '../errors.ts';
import { packageVersion } from '../paths.ts';
import type { Model } from '../model/model.ts';
import { FLOW_METHOD, buildNetwork } from '../solve/index.ts';
import { scenarioError, type ScenarioProblem } from '../scenario/index.ts';
import { RISK_METHOD, checkRiskSpec, chokepoints, networkElements, readRiskSpec, reportedImporters, type RiskSpec } from '../risk/index.ts';
import { runMonteCarloParallel } from '../risk/parallel.ts';
import { sha256 } from '../store/db/store.ts';
import type { JobRequest } from './jobs.ts';
import { MAX_DRAWS } from './schemas.ts';
import { runN1InWorker } from './n1-worker.ts';
import type { Library } from './service.ts';

/** Draws when neither the request nor the spec says (as the CLI). */
export const DEFAULT_DRAWS = 10_000;
/** Draws per batch handed to a worker: progress and cancelling act between batches. */
const BATCH = 250;

export interface RiskOptions {
  /** Worker threads per Monte Carlo job (the result does not depend on it). */
  workers: number;
}

/** Where a risk spec's problems are reported: the spec's label in messages and the request field. */
const SPEC_FILE = 'risk-spec.yaml';

/** Parses a risk spec's YAML (structure only); throws CORRIDOR_ERR_SCENARIO_INVALID naming `file:line`, with `field`. */
export function parseRiskSpecText(yaml: string, field = 'body.yaml'): RiskSpec {
  const { spec, problems } = readRiskSpec(yaml, SPEC_FILE);
  if (!spec || problems.length) throw withField(scenarioError(SPEC_FILE, problems), field);
  return spec;
}

function withField(error: CorridorError, field: string): CorridorError {
  return new CorridorError(error.code, error.message, error.details, field);
}

/** The key a risk run is stored under: the dataset, what was asked, the methods and Corridor's version. */
function riskRunKey(kind: string, datasetId: string, asked: unknown): { runKey: string; inputHash: string; codeVersion: string } {
  const inputHash = sha256(JSON.stringify(asked));
  const codeVersion = packageVersion();
  const runKey = sha256(JSON.stringify({ kind, datasetId, inputHash, risk: RISK_METHOD, flow: FLOW_METHOD, codeVersion }));
  return { runKey, inputHash, codeVersion };
}

/** The commodity and year of a request, checked against the dataset's flows (year: default the latest). */
function commodityYear(model: Model, commodity: string, year: number | undefined, fields: { commodity: string; year: string }): number {
  const commodities = [...new Set(model.tables.flow.map((f) => f.commodity))].sort();
  if (!commodities.includes(commodity)) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `no flows of commodity "${commodity}" in dataset ${model.info.hash}; commodities with flows: ${available(commodities)}`, [], fields.commodity);
  }
  const years = model.flowYears(commodity);
  const chosen = year ?? Math.max(...years);
  if (!years.includes(chosen)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `no ${commodity} flows in ${chosen}; years with ${commodity} flows: ${available(years)}`, [], fields.year);
  return chosen;
}

export interface N1Body { dataset?: string; commodity: string; year?: number; importer?: string }

/** A checked N-1 request. */
export async function n1Request(library: Library, body: N1Body): Promise<JobRequest> {
  const model = await library.model(body.dataset, 'body.dataset');
  const year = commodityYear(model, body.commodity, body.year, { commodity: 'body.commodity', year: 'body.year' });
  const network = buildNetwork(model, { commodity: body.commodity, year });
  if (body.importer !== undefined) {
    const importers = reportedImporters(network).map((r) => r.id);
    if (!importers.includes(body.importer)) {
      throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `importer ${body.importer} does not import ${body.commodity} in ${year}; importers: ${available(importers)}`, [], 'body.importer');
    }
  }
  const total = networkElements(network, chokepoints(model), (id) => model.isAggregate(id)).length;
  const stored = await library.store.datasetFiles(model.info.hash);
  if (!stored) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no stored dataset "${model.info.hash}"`, [], 'body.dataset');
  const asked = { commodity: body.commodity, year, importer: body.importer ?? null };
  return {
    kind: 'n1', input: { dataset: model.info.hash, ...asked }, datasetId: model.info.hash, total, ...riskRunKey('n1', model.info.hash, asked),
    execute: ({ onProgress }) => {
      const worker = runN1InWorker({ files: [...stored.files], commodity: body.commodity, year, importer: body.importer }, onProgress);
      return { result: worker.result.then((result) => ({ result, stopped: false, done: total })), cancel: worker.cancel };
    },
  };
}

export interface MonteCarloBody { dataset?: string; spec?: string; yaml?: string; draws?: number; seed?: number }

/** A checked Monte Carlo request: the spec (stored, or inline YAML) is checked against the dataset's network. */
export async function monteCarloRequest(library: Library, body: MonteCarloBody, options: RiskOptions): Promise<JobRequest> {
  if ((body.spec === undefined) === (body.yaml === undefined)) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give the risk spec as spec (a stored spec\'s id) or as yaml (its text), one of the two', [], 'body.spec');
  }
  let yaml = body.yaml;
  const field = body.spec !== undefined ? 'body.spec' : 'body.yaml';
  if (body.spec !== undefined) {
    const stored = await library.store.document('riskSpec', body.spec);
    if (!stored) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no risk spec with id "${body.spec}"`, [], 'body.spec');
    yaml = stored.yaml;
  }
  const spec = parseRiskSpecText(yaml!, field);
  const model = await library.model(body.dataset, 'body.dataset');
  // The spec's own `dataset:` (a path) is not used: the run uses the stored dataset it is given.
  const problems: ScenarioProblem[] = [];
  if (!model.flowYears(spec.commodity).includes(spec.year)) {
    problems.push({ line: 1, message: `no ${spec.commodity} flows in ${spec.year} in dataset ${model.info.hash}` });
    throw withField(scenarioError(SPEC_FILE, problems), field);
  }
  const network = buildNetwork(model, { commodity: spec.commodity, year: spec.year });
  const nodes = [...new Set(network.routes.flatMap((r) => r.nodes))];
  try {
    checkRiskSpec(spec, new Set(networkElements(network, nodes).map((e) => e.id)), problems);
  } catch (error) {
    throw error instanceof CorridorError ? withField(error, field) : error;
  }
  const draws = body.draws ?? spec.draws ?? DEFAULT_DRAWS;
  if (draws > MAX_DRAWS) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `the spec asks for ${draws} draws; at most ${MAX_DRAWS} run as one job`, [], field);
  const seed = body.seed ?? spec.seed ?? 1;
  const asked = { spec: sha256(yaml!), draws, seed };
  return {
    kind: 'montecarlo', datasetId: model.info.hash, total: draws, ...riskRunKey('montecarlo', model.info.hash, asked),
    input: { dataset: model.info.hash, ...(body.spec !== undefined ? { spec: body.spec } : {}), name: spec.name, commodity: spec.commodity, year: spec.year, draws, seed },
    execute: ({ stop, onProgress }) => ({
      result: runMonteCarloParallel(network, spec, { draws, seed, dataset: model.info.hash, workers: options.workers, batch: BATCH, stop, onProgress })
        .then((result) => ({ result, stopped: result.stopped, done: result.draws })),
    }),
  };
}
