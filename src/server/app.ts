// The HTTP API as a fastify app: `buildServer` registers every route of schemas.ts with its schemas (fastify
// validates each request against them), the token check on writes (and on reads with protectReads), the error
// handler and the documentation routes. It does not listen: `corridor serve` does, and tests use app.inject().
import { createServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Store } from '../store/db/store.ts';
import { checkToken } from './auth.ts';
import { apiError, errorHandler } from './errors.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { answerPrepared, fastPaths, handlers } from './routes.ts';
import { ROUTES } from './schemas.ts';
import { Library } from './service.ts';
import { DEFAULT_JOB_LIMITS, JobRunner, type JobLimits } from './jobs.ts';
import { registerWeb } from './web.ts';

export interface ServerOptions {
  store: Store;
  /** The dataset requests use when they name none (a stored dataset's hash, name or name@version). */
  defaultDataset?: string;
  /** Reads need a token too. */
  protectReads?: boolean;
  /** Largest request body, in bytes (default 5 MiB). */
  bodyLimit?: number;
  /** Longest time to receive a whole request, in ms (default 30 s). */
  requestTimeout?: number;
  /** fastify's logger (default off). */
  logger?: boolean;
  /** Risk jobs at once and waiting (default 2 and 100). */
  jobs?: Partial<JobLimits>;
  /** Worker threads per Monte Carlo job (default 1). */
  jobWorkers?: number;
  /** The dataset the workbench page loads and stores accepted events in (default: defaultDataset). */
  webDataset?: string;
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** How long an idle kept-alive connection stays open (fastify's default). */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const library = new Library(options.store, options.defaultDataset);
  const requestTimeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
  let closing = false;
  const app = Fastify({
    // The HTTP server answers a metrics question asked before from its prepared bytes, and passes the rest on.
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        if (options.protectReads !== true && !closing && answerPrepared(library, request, response)) return;
        handler(request, response);
      });
      server.requestTimeout = requestTimeout;
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    },
    bodyLimit,
    // Time to receive a whole request (a slow sender is cut off); a long computation is not.
    requestTimeout,
    logger: options.logger ?? false,
    // Wrong types are refused, not converted; unknown fields are refused, not dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
  });
  // Bodies are JSON (and YAML for scenarios): plain text is refused with 415.
  app.removeContentTypeParser('text/plain');
  // A scenario may be sent as its YAML text: it arrives as {yaml} and is checked by the same schema as JSON.
  app.addContentTypeParser(['application/yaml', 'text/yaml', 'application/x-yaml'], { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    done(null, { yaml: body as string });
  });
  app.setErrorHandler(errorHandler(bodyLimit));
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(apiError('CORRIDOR_ERR_UNKNOWN_ID', `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}; the routes are listed at /docs`));
  });

  app.addHook('onClose', async () => { closing = true; });
  const jobs = new JobRunner(options.store, { ...DEFAULT_JOB_LIMITS, ...options.jobs });
  await jobs.recover();
  app.addHook('onClose', () => jobs.close());
  const handle = handlers(library, jobs, { workers: options.jobWorkers ?? 1 });
  const fast = fastPaths(library);
  for (const route of ROUTES) {
    const needsToken = route.write || options.protectReads === true;
    app.route({
      method: route.method,
      url: route.url,
      schema: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.querystring ? { querystring: route.querystring } : {}),
        ...(route.body ? { body: route.body } : {}),
      },
      // A body whose fields are all optional may be left out.
      preValidation: route.body && !(route.body.required as string[] | undefined)?.length
        ? async (request) => { if (request.body === undefined || request.body === null) request.body = {}; }
        : undefined,
      // The token is checked before the body is parsed or validated (and before an answer prepared already is sent).
      onRequest: [
        ...(needsToken ? [async (request: FastifyRequest) => { await checkToken(options.store, request.headers.authorization); }] : []),
        ...(fast[route.id] ? [fast[route.id]] : []),
      ],
      handler: handle[route.id],
    });
  }
  const openapi = JSON.stringify(openApiDocument());
  const docs = docsPage();
  const docsOnRequest = options.protectReads ? async (request: { headers: { authorization?: string } }) => { await checkToken(options.store, request.headers.authorization); } : undefined;
  app.get('/openapi.json', { onRequest: docsOnRequest }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  app.get('/docs', { onRequest: docsOnRequest }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(docs));
  registerWeb(app, library, { store: options.store, protectReads: options.protectReads, dataset: options.webDataset });
  return app;
}
