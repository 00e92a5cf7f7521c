// The handlers of the routes declared in schemas.ts. Each parses nothing by hand that the schema checks already,
// calls the library (service.ts, the store) and returns JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CorridorError } from '../errors.ts';
import { coerceCell } from '../schema/coerce.ts';
import type { Attribute } from '../schema/types.ts';
import type { DatasetFiles } from '../store/db/dataset-files.ts';
import { compareStored, ingestWith, metricsOf, parseScenarioText, runStoredScenario, type Library, type PreparedResponse } from './service.ts';
import { candidateDataset, saveCandidates, type IngestedArticle } from './events-service.ts';
import type { JobRunner } from './jobs.ts';
import type { RiskOptions } from './risk-service.ts';
import { riskHandlers } from './routes-risk.ts';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

interface IdParams { id: string }
interface ScenarioBody { name?: string; yaml: string }

const PUBLISHED: Attribute = { name: 'published', type: 'date', required: true, description: 'publication date' };

function unknownId(what: string, id: string): CorridorError {
  return new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no ${what} with id "${id}"`, [], 'params.id');
}

const URL_CACHE_SIZE = 5000;

function sendPrepared(request: FastifyRequest, reply: FastifyReply, prepared: PreparedResponse): FastifyReply {
  reply.header('etag', prepared.etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === prepared.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(prepared.body);
}

/**
 * Hooks that answer a request before its query is parsed and validated: a metrics URL asked before, whose dataset
 * reference still names the same dataset, is answered from its prepared bytes. Anything else goes the usual way.
 */
export function fastPaths(library: Library): Record<string, (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>> {
  return {
    metrics: async (request, reply) => {
      const hit = library.byUrl.get(request.url);
      if (hit && library.knownDatasetId(hit.ref) === hit.id) return sendPrepared(request, reply, hit.prepared);
      return undefined;
    },
  };
}

/**
 * Answers a request for a metrics URL asked before straight from the HTTP server, before the framework sees it
 * (no routing, hooks or query parsing): the same bytes, ETag and 304 as the route. False: not such a request.
 * Only used when reads need no token (the route itself checks the token otherwise).
 */
export function answerPrepared(library: Library, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || !request.url?.startsWith('/metrics?')) return false;
  const hit = library.byUrl.get(request.url);
  if (!hit || library.knownDatasetId(hit.ref) !== hit.id) return false;
  const { body, etag } = hit.prepared;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
  } else {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, etag, 'cache-control': 'no-cache' }).end(body);
  }
  return true;
}

export function handlers(library: Library, jobs: JobRunner, risk: RiskOptions): Record<string, Handler> {
  const { store } = library;
  const scenarioOr404 = async (id: string) => (await store.scenario(id)) ?? Promise.reject(unknownId('scenario', id));
  const scenarioInput = (body: ScenarioBody) => {
    const parsed = parseScenarioText(body.yaml);
    const name = body.name ?? parsed.name;
    return { name: name || 'scenario', yaml: body.yaml };
  };
  return {
    listDatasets: async () => ({ datasets: await store.datasets() }),
    getDataset: async (request) => {
      const { id } = request.params as IdParams;
      return (await store.dataset(id)) ?? Promise.reject(unknownId('dataset', id));
    },
    importDataset: async (request, reply) => {
      const body = request.body as { name: string; files: Record<string, string> };
      const files: DatasetFiles = new Map(Object.entries(body.files));
      const result = await store.importDataset(body.name, files);
      library.forget(body.name);
      reply.code(result.created ? 201 : 200);
      return result;
    },
    // Served from prepared bytes once computed (the dataset's content and so the answer never change), with an
    // ETag: a client that has the answer gets 304 and no body.
    metrics: async (request, reply) => {
      const q = request.query as { importer?: string; exporter?: string; commodity: string; year?: string; dataset?: string };
      const ref = q.dataset ?? library.defaultDataset;
      const id = ref === undefined ? undefined : await library.datasetId(ref);
      const key = `${id}|${q.importer ?? ''}|${q.exporter ?? ''}|${q.commodity}|${q.year ?? ''}`;
      let prepared = id === undefined ? undefined : library.responses.get(key);
      if (!prepared) {
        const model = await library.model(q.dataset, 'query.dataset');
        const result = metricsOf(model, { importer: q.importer, exporter: q.exporter, commodity: q.commodity, year: q.year === undefined ? undefined : Number(q.year) });
        prepared = library.responses.put(`${model.info.hash}|${key.slice(key.indexOf('|') + 1)}`, result);
      }
      if (ref !== undefined) {
        if (library.byUrl.size >= URL_CACHE_SIZE) library.byUrl.delete(library.byUrl.keys().next().value!);
        library.byUrl.set(request.url, { ref, id: key.slice(0, key.indexOf('|')), prepared });
      }
      return sendPrepared(request, reply, prepared);
    },
    listScenarios: async () => ({ scenarios: await store.scenarios() }),
    createScenario: async (request, reply) => {
      const { name, yaml } = scenarioInput(request.body as ScenarioBody);
      reply.code(201);
      return store.createScenario(name, yaml);
    },
    getScenario: async (request) => scenarioOr404((request.params as IdParams).id),
    updateScenario: async (request) => {
      const { id } = request.params as IdParams;
      await scenarioOr404(id);
      const { name, yaml } = scenarioInput(request.body as ScenarioBody);
      return (await store.updateScenario(id, name, yaml)) ?? Promise.reject(unknownId('scenario', id));
    },
    deleteScenario: async (request, reply) => {
      const { id } = request.params as IdParams;
      if (!(await store.deleteScenario(id))) throw unknownId('scenario', id);
      reply.code(204);
      return null;
    },
    runScenario: async (request) => {
      const scenario = await scenarioOr404((request.params as IdParams).id);
      return runStoredScenario(library, scenario, (request.body as { dataset?: string } | undefined)?.dataset);
    },
    compare: async (request) => {
      const body = request.body as { scenarios: string[]; dataset?: string };
      const scenarios = [];
      for (const [i, id] of body.scenarios.entries()) {
        const s = await store.scenario(id);
        if (!s) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no scenario with id "${id}"`, [], `body.scenarios.${i}`);
        scenarios.push(s);
      }
      return compareStored(library, scenarios, body.dataset);
    },
    ingest: async (request) => {
      const body = request.body as { text: string; published?: string; source?: string; dataset?: string; save?: boolean };
      if (body.published !== undefined && !coerceCell(PUBLISHED, body.published).ok) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `body.published expects a real date written YYYY-MM-DD, found "${body.published}"`, [], 'body.published');
      }
      const saveAs = body.save ? candidateDataset(body.dataset ?? library.defaultDataset, 'body.dataset') : undefined;
      const model = await library.model(body.dataset, 'body.dataset');
      const result = ingestWith(model, body) as IngestedArticle & Record<string, unknown>;
      return saveAs === undefined ? result : { ...result, saved: await saveCandidates(store, saveAs, result) };
    },
    ...riskHandlers(library, jobs, risk),
  };
}
