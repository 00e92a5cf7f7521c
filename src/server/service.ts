// What the API answers, as library functions over the store: a stored dataset's Model (kept in memory once
// loaded), metrics, scenario runs served from the store when the same inputs ran before, comparisons and news
// ingestion. The same functions the CLI calls (importerMetrics, runScenario, compareScenarios, ingestText) do the work.
import { createHash } from 'node:crypto';
import { CorridorError, available } from '../errors.ts';
import { packageVersion } from '../paths.ts';
import type { Model } from '../model/model.ts';
import { exporterMetrics, importerMetrics } from '../metrics/index.ts';
import { DEPENDENCE_METHOD } from '../metrics/methods.ts';
import { FLOW_METHOD } from '../solve/index.ts';
import { compareScenarios, readScenario, runScenario, scenarioError, type Comparison, type Scenario, type ScenarioResult } from '../scenario/index.ts';
import { buildLinks, ingestText, linkSourceOf, EVENTS_METHOD } from '../events/index.ts';
import { modelOfFiles } from '../store/db/dataset-files.ts';
import { sha256, type Store, type StoredScenario } from '../store/db/store.ts';

const MODEL_CACHE_SIZE = 8;
const ID_CACHE_SIZE = 1000;
const ID_TTL_MS = 1000;
const RESPONSE_CACHE_SIZE = 5000;

/** A response prepared once: its JSON bytes and their ETag. */
export interface PreparedResponse { body: Buffer; etag: string }

/** Least recently used responses, up to a number of entries. */
export class ResponseCache {
  private readonly entries = new Map<string, PreparedResponse>();
  constructor(private readonly size: number) {}

  get(key: string): PreparedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) { this.entries.delete(key); this.entries.set(key, hit); }
    return hit;
  }

  /** Serialises `value` once and keeps it under `key`. */
  put(key: string, value: unknown): PreparedResponse {
    const body = Buffer.from(JSON.stringify(value));
    const prepared = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, prepared);
    return prepared;
  }
}

/** The store with the Models of its datasets, loaded once each (a dataset's content never changes: its id is its hash). */
export class Library {
  private readonly models = new Map<string, Model>();
  private readonly loading = new Map<string, Promise<Model>>();
  private readonly ids = new Map<string, { id: string; at: number }>();
  /** Prepared responses by dataset id and query: a dataset's content never changes, so neither do they. */
  readonly responses = new ResponseCache(RESPONSE_CACHE_SIZE);
  /** The same responses by the request's exact URL, with the dataset reference they were for and its id then. */
  readonly byUrl = new Map<string, { ref: string; id: string; prepared: PreparedResponse }>();

  constructor(readonly store: Store, readonly defaultDataset: string | undefined) {}

  /** Forgets the dataset a name was found to be (a new version of it was stored through this server). */
  forget(name: string): void {
    for (const ref of this.ids.keys()) if (ref === name || ref.startsWith(`${name}@`)) this.ids.delete(ref);
  }

  /**
   * The dataset id a reference names. A hash is itself; a name's answer is kept for ID_TTL_MS, so a loaded server
   * asks the store about a name about once a second (a new version stored by another process is seen within that
   * time; one stored through this server at once, see forget).
   */
  async datasetId(ref: string): Promise<string | undefined> {
    const known = this.knownDatasetId(ref);
    if (known !== undefined) return known;
    const now = performance.now();
    const id = await this.store.datasetId(ref);
    if (id !== undefined) {
      if (this.ids.size >= ID_CACHE_SIZE) this.ids.delete(this.ids.keys().next().value!);
      this.ids.set(ref, { id, at: now });
    }
    return id;
  }

  /** The dataset id a reference names when it is a hash or was looked up less than ID_TTL_MS ago (no store query). */
  knownDatasetId(ref: string): string | undefined {
    if (/^[0-9a-f]{16}$/.test(ref)) return ref;
    const known = this.ids.get(ref);
    return known && performance.now() - known.at < ID_TTL_MS ? known.id : undefined;
  }

  /** The Model of a stored dataset (by hash, name or name@version; default: the library's default dataset). */
  async model(ref: string | undefined, field = 'dataset'): Promise<Model> {
    const wanted = ref ?? this.defaultDataset;
    if (wanted === undefined) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give a dataset: this server has no default dataset', [], field);
    const id = await this.datasetId(wanted);
    const cached = id === undefined ? undefined : this.models.get(id);
    if (cached) return cached;
    const summary = await this.store.dataset(wanted);
    if (!summary) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no stored dataset "${wanted}"; stored: ${available((await this.store.datasets()).flatMap((d) => d.versions.map((v) => v.name)))}`, [], field);
    let pending = this.loading.get(summary.id);
    if (!pending) {
      pending = (async () => {
        const stored = await this.store.datasetFiles(summary.id);
        if (!stored) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no stored dataset "${wanted}"`, [], field);
        const model = modelOfFiles(stored.files);
        if (this.models.size >= MODEL_CACHE_SIZE) this.models.delete(this.models.keys().next().value!);
        this.models.set(summary.id, model);
        return model;
      })().finally(() => this.loading.delete(summary.id));
      this.loading.set(summary.id, pending);
    }
    return pending;
  }
}

export interface MetricsQuery {
  importer?: string;
  exporter?: string;
  commodity: string;
  year?: number;
}

/** An importer's or an exporter's dependence metrics (`corridor metrics`). */
export function metricsOf(model: Model, query: MetricsQuery): unknown {
  if (query.importer !== undefined && query.exporter !== undefined) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give importer or exporter, not both', [], 'query.exporter');
  }
  if (query.importer === undefined && query.exporter === undefined) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give importer or exporter', [], 'query.importer');
  }
  return query.importer !== undefined
    ? importerMetrics(model, { importer: query.importer, commodity: query.commodity, year: query.year })
    : exporterMetrics(model, { exporter: query.exporter!, commodity: query.commodity, year: query.year });
}

/** Parses a scenario's YAML (structure only; the dataset is checked when it runs). */
export function parseScenarioText(yaml: string, file = 'scenario.yaml'): Scenario {
  const { scenario, problems } = readScenario(yaml, file);
  if (!scenario || problems.length > 0) {
    const error = scenarioError(file, problems);
    throw new CorridorError(error.code, error.message, error.details, 'body.yaml');
  }
  return scenario;
}

/** What a run's result depends on: the dataset's content, the scenario's text, the methods and Corridor's version. */
export function runKey(datasetId: string, yaml: string): { key: string; scenarioHash: string; codeVersion: string } {
  const scenarioHash = sha256(yaml);
  const codeVersion = packageVersion();
  const key = sha256(JSON.stringify({ datasetId, scenarioHash, flow: FLOW_METHOD, dependence: DEPENDENCE_METHOD, codeVersion }));
  return { key, scenarioHash, codeVersion };
}

/** Runs a stored scenario on a stored dataset, or serves the result stored for the same inputs. */
export async function runStoredScenario(library: Library, scenario: StoredScenario, datasetRef?: string): Promise<{ cached: boolean; key: string; result: ScenarioResult }> {
  const model = await library.model(datasetRef, 'body.dataset');
  const { key, scenarioHash, codeVersion } = runKey(model.info.hash, scenario.yaml);
  const stored = await library.store.run(key);
  if (stored) return { cached: true, key, result: stored.result as ScenarioResult };
  // The scenario's own `dataset:` (a path) is not used: the run uses the stored dataset it is given.
  const parsed = parseScenarioText(scenario.yaml, `${scenario.id}.yaml`);
  const result = await runScenario(model, parsed);
  await library.store.saveRun({ key, datasetId: model.info.hash, scenarioHash, codeVersion, result });
  return { cached: false, key, result };
}

/** Runs (or serves) several stored scenarios and compares them (`corridor compare`). */
export async function compareStored(library: Library, scenarios: StoredScenario[], datasetRef?: string): Promise<Comparison> {
  const results: ScenarioResult[] = [];
  for (const s of scenarios) results.push((await runStoredScenario(library, s, datasetRef)).result);
  return compareScenarios(results);
}

/** Candidate events in a news text (`corridor ingest`), linked to the dataset's commodities and routes. */
export function ingestWith(model: Model, input: { text: string; published?: string; source?: string }): unknown {
  const result = ingestText(input.text, { published: input.published ?? null, source: input.source ?? null, links: buildLinks(linkSourceOf(model.tables)) });
  const { method, ...rest } = result;
  return { method: method ?? `${EVENTS_METHOD.name}@${EVENTS_METHOD.version}`, dataset: model.info.hash, ...rest };
}
