// Every route of the HTTP API, declared once: method, path, summary, whether it writes, and the JSON Schemas of its
// path parameters, query and body. fastify validates requests against these schemas (app.ts), and the same table
// is served as OpenAPI 3 at /openapi.json and as the HTML page at /docs (openapi.ts).

export type JsonSchema = Record<string, unknown>;

export interface RouteSpec {
  /** Handler name (routes.ts). */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** fastify path (`:id` parameters). */
  url: string;
  summary: string;
  /** Writes need an API token; reads only with --protect-reads. */
  write: boolean;
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  /** Body media types other than JSON the route takes (documented; parsed in app.ts). */
  bodyTypes?: string[];
  /** The success response, for the documentation. */
  response: { status: number; description: string; schema?: JsonSchema };
}

/** A string with a length limit (every text field has one). */
const text = (description: string, maxLength = 200, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', minLength: 1, maxLength, description, ...extra });

const DATASET_REF = text('a stored dataset: its 16-hex-digit hash, its name (latest version) or name@version', 100, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(@[0-9]{1,9})?$' });
const SCENARIO_ID = text('scenario id (scn_ and 16 hex digits)', 20, { pattern: '^scn_[0-9a-f]{16}$' });
const RISK_SPEC_ID = text('risk spec id (rsk_ and 16 hex digits)', 20, { pattern: '^rsk_[0-9a-f]{16}$' });
const JOB_ID = text('job id (job_ and 16 hex digits)', 20, { pattern: '^job_[0-9a-f]{16}$' });
const CANDIDATE_ID = text('candidate event id (8 hex digits, -, its number in the article)', 20, { pattern: '^[0-9a-f]{8}-[0-9]{1,6}$' });
const DATASET_NAME = text('a stored dataset\'s name (default: the server\'s default dataset)', 64, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' });
const ACTOR = text('country or bloc id, e.g. EU27, FRA, KAZ', 40, { pattern: '^[A-Za-z0-9_]{1,40}$' });
const COMMODITY = text('commodity id, e.g. crude_oil', 60, { pattern: '^[a-z0-9_]{1,60}$' });
const YEAR = text('year, e.g. 2024 (default: the latest year with data)', 4, { pattern: '^[0-9]{4}$' });

/** Most draws one Monte Carlo job may ask for. */
export const MAX_DRAWS = 10_000_000;

/** Largest scenario text (the CLI's limit for scenario files). */
export const MAX_SCENARIO_CHARS = 1024 * 1024;
/** Largest article text for /ingest. */
export const MAX_INGEST_CHARS = 2 * 1024 * 1024;

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'a code of docs/errors.md, e.g. CORRIDOR_ERR_ARGUMENT' },
        message: { type: 'string', description: 'what is wrong, in one sentence' },
        field: { type: 'string', description: 'the request field at fault, e.g. body.name or query.year' },
        details: { type: 'array', items: { type: 'string' }, description: 'located problems, e.g. flows.csv:3:volume: expected a number, found "x"' },
      },
    },
  },
};

/** The body that stores a YAML document (a scenario, a risk spec): its text, and a name. */
const documentBody = (noun: string, page: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['yaml'],
  properties: {
    name: text(`${noun} name (default: the YAML's name)`, 200),
    yaml: text(`the ${noun}, as YAML text (${page})`, MAX_SCENARIO_CHARS),
  },
});
const SCENARIO_BODY = documentBody('scenario', 'docs/scenarios.md');
const RISK_SPEC_BODY = documentBody('risk spec', 'docs/methods/risk.md');

const JOB_RESPONSE = 'the job: {id, kind, status (queued, running, done, failed, cancelled), input, dataset, runKey, cached, progress: {done, total, unit, secondsLeft}, createdAt, startedAt, finishedAt, error?, result?}';

const ID_PARAMS = (schema: JsonSchema): JsonSchema => ({ type: 'object', required: ['id'], additionalProperties: false, properties: { id: schema } });

/** List, create, get, replace and delete for a kind of stored YAML document (scenarios, risk specs). */
function storedDocumentRoutes(d: {
  ids: [list: string, create: string, get: string, update: string, remove: string]; url: string; listKey: string;
  noun: string; plural: string; idSchema: JsonSchema; body: JsonSchema; checked: string;
}): RouteSpec[] {
  const params = ID_PARAMS(d.idSchema);
  const yamlTypes = ['application/yaml', 'text/yaml'];
  return [
    { id: d.ids[0], method: 'GET', url: d.url, summary: `The stored ${d.plural}.`, write: false,
      response: { status: 200, description: `{${d.listKey}: [{id, name, yaml, createdAt, updatedAt}]}` } },
    { id: d.ids[1], method: 'POST', url: d.url, write: true, body: d.body, bodyTypes: yamlTypes,
      summary: `Store a ${d.noun}: JSON {name?, yaml}, or the YAML text itself (Content-Type: application/yaml). ${d.checked}`,
      response: { status: 201, description: `the stored ${d.noun} {id, name, yaml, createdAt, updatedAt}` } },
    { id: d.ids[2], method: 'GET', url: `${d.url}/:id`, summary: `One stored ${d.noun}.`, write: false, params,
      response: { status: 200, description: `the stored ${d.noun}` } },
    { id: d.ids[3], method: 'PUT', url: `${d.url}/:id`, write: true, params, body: d.body, bodyTypes: yamlTypes,
      summary: `Replace a stored ${d.noun}'s YAML (and name).`, response: { status: 200, description: `the stored ${d.noun}` } },
    { id: d.ids[4], method: 'DELETE', url: `${d.url}/:id`, write: true, params,
      summary: `Delete a stored ${d.noun}.`, response: { status: 204, description: 'deleted' } },
  ];
}

export const ROUTES: RouteSpec[] = [
  {
    id: 'listDatasets', method: 'GET', url: '/datasets', summary: 'The stored datasets, with their names and versions.', write: false,
    response: { status: 200, description: '{datasets: [{id, packageName, fileCount, byteCount, rowCount, createdAt, versions: [{name, version, importedAt}]}]}' },
  },
  {
    id: 'getDataset', method: 'GET', url: '/datasets/:id', summary: 'One stored dataset (by hash, name or name@version).', write: false,
    params: ID_PARAMS(DATASET_REF),
    response: { status: 200, description: 'the dataset summary' },
  },
  {
    id: 'importDataset', method: 'POST', url: '/datasets', write: true,
    summary: 'Import a data package: validated first; an invalid one is refused with every located problem (422) and nothing is stored.',
    body: {
      type: 'object', additionalProperties: false, required: ['name', 'files'],
      properties: {
        name: text('name to store it under: letters, digits, . _ - (a new version unless its content is the latest already)', 64, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
        files: {
          type: 'object', description: 'file name → content: datapackage.json and the CSV tables (docs/dataset.md)', minProperties: 1, maxProperties: 40,
          additionalProperties: { type: 'string', maxLength: 5 * 1024 * 1024 },
        },
      },
    },
    response: { status: 201, description: '{dataset, name, version, created} (200 when this content is the latest version already)' },
  },
  {
    id: 'metrics', method: 'GET', url: '/metrics', write: false,
    summary: 'Dependence metrics of an importer (suppliers, HHI, CRMA benchmark, transit exposure) or an exporter (destinations, routes): the result of `corridor metrics --json`.',
    querystring: {
      type: 'object', additionalProperties: false, required: ['commodity'],
      properties: { importer: ACTOR, exporter: ACTOR, commodity: COMMODITY, year: YEAR, dataset: { ...DATASET_REF, description: 'stored dataset (default: the server\'s default dataset)' } },
    },
    response: { status: 200, description: 'the importer or exporter metrics (docs/methods/dependence.md)' },
  },
  ...storedDocumentRoutes({
    ids: ['listScenarios', 'createScenario', 'getScenario', 'updateScenario', 'deleteScenario'], url: '/scenarios', listKey: 'scenarios',
    noun: 'scenario', plural: 'scenarios', idSchema: SCENARIO_ID, body: SCENARIO_BODY,
    checked: 'Its structure is checked first (422 with the located problems).',
  }),
  {
    id: 'runScenario', method: 'POST', url: '/scenarios/:id/run', write: true, params: ID_PARAMS(SCENARIO_ID),
    summary: 'Run a stored scenario on a stored dataset: the result of `corridor scenario run --json`, served from the store when the same scenario text, dataset, methods and code version ran before.',
    body: { type: 'object', additionalProperties: false, properties: { dataset: { ...DATASET_REF, description: 'stored dataset (default: the server\'s default dataset)' } } },
    response: { status: 200, description: '{cached, key, result}' },
  },
  {
    id: 'compare', method: 'POST', url: '/compare', write: true,
    summary: 'Run several stored scenarios (from the store when cached) and compare them side by side with the baseline: the result of `corridor compare --json`.',
    body: {
      type: 'object', additionalProperties: false, required: ['scenarios'],
      properties: {
        scenarios: { type: 'array', minItems: 1, maxItems: 20, items: SCENARIO_ID, description: 'scenario ids' },
        dataset: { ...DATASET_REF, description: 'stored dataset (default: the server\'s default dataset)' },
      },
    },
    response: { status: 200, description: 'the comparison' },
  },
  {
    id: 'ingest', method: 'POST', url: '/ingest', write: true,
    summary: 'Read an English news text and return candidate events (nothing is stored): the result of `corridor ingest --json`.',
    body: {
      type: 'object', additionalProperties: false, required: ['text'],
      properties: {
        text: text('the article text (HTML is stripped)', MAX_INGEST_CHARS),
        published: text('publication date YYYY-MM-DD', 10, { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
        source: text('publisher, e.g. Reuters', 200),
        dataset: { ...DATASET_REF, description: 'stored dataset whose commodities and routes are linked (default: the server\'s default dataset)' },
        save: { type: 'boolean', description: 'keep the candidates in the store for review (GET /events/candidates); the dataset must be given by name' },
      },
    },
    response: { status: 200, description: '{method, dataset, article, events, warnings, …, saved?: {dataset, added, existing}}' },
  },
  {
    id: 'listCandidates', method: 'GET', url: '/events/candidates', write: false,
    summary: 'Candidate events saved by POST /ingest {save: true} for a stored dataset, with their review status.',
    querystring: {
      type: 'object', additionalProperties: false,
      properties: { dataset: DATASET_NAME, status: { type: 'string', enum: ['candidate', 'accepted', 'rejected', 'duplicate', 'all'], description: 'which candidates (default candidate: waiting for review)' } },
    },
    response: { status: 200, description: '{dataset, candidates: [{id, status, event, article, reviewedAt, datasetEvent, datasetVersion, note}]}' },
  },
  {
    id: 'getCandidate', method: 'GET', url: '/events/candidates/:id', write: false, summary: 'One candidate event.',
    params: ID_PARAMS(CANDIDATE_ID),
    querystring: { type: 'object', additionalProperties: false, properties: { dataset: DATASET_NAME } },
    response: { status: 200, description: 'the candidate' },
  },
  {
    id: 'acceptCandidate', method: 'POST', url: '/events/candidates/:id/accept', write: true,
    summary: 'Accept a candidate: its event (with a sources.csv row, and a countries.csv row for a state the dataset lacks) is added to the dataset, validated, and stored as the dataset\'s next version; the review is recorded in the same transaction. A duplicate of an event already in the dataset is recorded as a duplicate and stores nothing.',
    params: ID_PARAMS(CANDIDATE_ID),
    body: { type: 'object', additionalProperties: false, properties: { dataset: DATASET_NAME } },
    response: { status: 200, description: '{candidate, status: accepted or duplicate, eventId, dataset: {name, version, id}}' },
  },
  {
    id: 'rejectCandidate', method: 'POST', url: '/events/candidates/:id/reject', write: true, summary: 'Reject a candidate (nothing is added to the dataset).',
    params: ID_PARAMS(CANDIDATE_ID),
    body: { type: 'object', additionalProperties: false, properties: { dataset: DATASET_NAME } },
    response: { status: 200, description: 'the candidate' },
  },
  ...storedDocumentRoutes({
    ids: ['listRiskSpecs', 'createRiskSpec', 'getRiskSpec', 'updateRiskSpec', 'deleteRiskSpec'], url: '/risk-specs', listKey: 'riskSpecs',
    noun: 'risk spec', plural: 'risk specs', idSchema: RISK_SPEC_ID, body: RISK_SPEC_BODY,
    checked: 'It is checked by the same parser as `corridor risk montecarlo` (422 with every problem as file:line).',
  }),
  {
    id: 'n1Job', method: 'POST', url: '/risk/n1', write: true,
    summary: 'N-1 as a job: lose every route, shared asset, transit state, exporter and chokepoint on its own and rank the losses (`corridor risk n1 --json`). 202 with the job (Location: /jobs/ID); 200 with the job done when the same inputs ran before.',
    body: {
      type: 'object', additionalProperties: false, required: ['commodity'],
      properties: {
        commodity: COMMODITY,
        year: { type: 'integer', minimum: 1900, maximum: 2200, description: 'year (default: the latest year with flows)' },
        importer: { ...ACTOR, description: 'rank by the unserved demand of this importer only' },
        dataset: { ...DATASET_REF, description: 'stored dataset (default: the server\'s default dataset)' },
      },
    },
    response: { status: 202, description: JOB_RESPONSE },
  },
  {
    id: 'monteCarloJob', method: 'POST', url: '/risk/montecarlo', write: true,
    summary: 'Monte Carlo as a job over a stored risk spec (spec) or one given inline (yaml): `corridor risk montecarlo --json`. 202 with the job (Location: /jobs/ID); 200 with the job done when the same inputs ran before. The result does not depend on the number of worker threads.',
    body: {
      type: 'object', additionalProperties: false,
      properties: {
        spec: { ...RISK_SPEC_ID, description: 'a stored risk spec\'s id (or give yaml)' },
        yaml: text('the risk spec as YAML text (or give spec)', MAX_SCENARIO_CHARS),
        draws: { type: 'integer', minimum: 1, maximum: MAX_DRAWS, description: 'number of draws (default: the spec\'s draws, else 10000)' },
        seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: 'seed (default: the spec\'s seed, else 1)' },
        dataset: { ...DATASET_REF, description: 'stored dataset (default: the server\'s default dataset; the spec\'s dataset: path is not used)' },
      },
    },
    response: { status: 202, description: JOB_RESPONSE },
  },
  {
    id: 'listJobs', method: 'GET', url: '/jobs', write: false, summary: 'Risk jobs, newest first (without their results).',
    querystring: {
      type: 'object', additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'], description: 'only jobs of this status' },
        limit: text('at most this many (default 100, at most 1000)', 4, { pattern: '^[0-9]{1,4}$' }),
      },
    },
    response: { status: 200, description: '{jobs: [job, …]}' },
  },
  {
    id: 'getJob', method: 'GET', url: '/jobs/:id', write: false, params: ID_PARAMS(JOB_ID),
    summary: 'A job: its status, progress (draws done of total, seconds left) and, when done, its result (when cancelled, the result of the draws done).',
    response: { status: 200, description: JOB_RESPONSE },
  },
  {
    id: 'cancelJob', method: 'DELETE', url: '/jobs/:id', write: true, params: ID_PARAMS(JOB_ID),
    summary: 'Cancel a queued or running job (a job that has ended is left as it is). A Monte Carlo job stops after the batches under way and keeps the draws done as its result, like Ctrl-C in the CLI.',
    response: { status: 200, description: JOB_RESPONSE },
  },
  {
    id: 'cancelJobPost', method: 'POST', url: '/jobs/:id/cancel', write: true, params: ID_PARAMS(JOB_ID),
    summary: 'The same as DELETE /jobs/:id, for clients that cannot send DELETE.',
    response: { status: 200, description: JOB_RESPONSE },
  },
];
