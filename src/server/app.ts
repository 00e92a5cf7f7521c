// The HTTP API as a fastify app: `buildServer` registers every route of schemas.ts with its schemas (fastify
// validates each request against them), the token check on writes (and on reads with protectReads), the error
// handler and the documentation routes. It does not listen: `corridor serve` does, and tests use app.inject().
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/db/store.ts';
import { checkToken } from './auth.ts';
import { apiError, errorHandler } from './errors.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { handlers } from './routes.ts';
import { ROUTES } from './schemas.ts';
import { Library } from './service.ts';
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
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    bodyLimit,
    // Time to receive a whole request (a slow sender is cut off); a long computation is not.
    requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
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

  const library = new Library(options.store, options.defaultDataset);
  const handle = handlers(library);
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
      // The token is checked before the body is parsed or validated.
      onRequest: needsToken ? async (request) => { await checkToken(options.store, request.headers.authorization); } : undefined,
      handler: handle[route.id],
    });
  }
  const openapi = JSON.stringify(openApiDocument());
  const docs = docsPage();
  const docsOnRequest = options.protectReads ? async (request: { headers: { authorization?: string } }) => { await checkToken(options.store, request.headers.authorization); } : undefined;
  app.get('/openapi.json', { onRequest: docsOnRequest }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  app.get('/docs', { onRequest: docsOnRequest }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(docs));
  registerWeb(app, library, { store: options.store, protectReads: options.protectReads });
  return app;
}
