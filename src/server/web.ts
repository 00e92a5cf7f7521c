// The web workbench's part of the server: the built page (dist/web/, made by scripts/build.mjs) at `/` and its
// assets under `/assets/`, and `GET /web/dataset`, the typed tables of a stored dataset, from which the page builds
// the same Model the CLI and the API use (it runs the flow model and the metrics in the browser). Without a built
// page, `/` goes to the API's /docs as before.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../paths.ts';
import { checkToken } from './auth.ts';
import { apiError } from './errors.ts';
import type { Library } from './service.ts';
import type { Store } from '../store/db/store.ts';

/** Where the production build of the page is. */
export const WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const DATASET_REF = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._@-]+$' } as const;

export interface WebOptions {
  store: Store;
  protectReads?: boolean;
  /** Folder of the built page (default dist/web/). */
  webDir?: string;
}

/** Registers the page, its assets and GET /web/dataset on the app. */
export function registerWeb(app: FastifyInstance, library: Library, options: WebOptions): void {
  const dir = options.webDir ?? WEB_DIR;
  const onRequest = options.protectReads ? async (request: { headers: { authorization?: string } }) => { await checkToken(options.store, request.headers.authorization); } : undefined;

  app.get('/', async (_request, reply) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) return reply.redirect('/docs');
    // The page is small and changes with each build: the browser asks again each time (assets are hashed, cached).
    return reply.type(TYPES['.html']).header('cache-control', 'no-cache').send(readFileSync(index));
  });

  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const path = normalize(join(dir, 'assets', name));
    // Only plain names inside assets/: no '..', no folders, no hidden files.
    if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.') || !path.startsWith(join(dir, 'assets')) || !existsSync(path) || !statSync(path).isFile()) {
      return reply.code(404).send(apiError('CORRIDOR_ERR_UNKNOWN_ID', `no asset ${name.slice(0, 200)}`));
    }
    return reply.type(TYPES[extname(path)] ?? 'application/octet-stream').header('cache-control', 'public, max-age=31536000, immutable').send(readFileSync(path));
  });

  app.get('/web/dataset', {
    onRequest,
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { dataset: DATASET_REF } } },
  }, async (request) => {
    const query = request.query as { dataset?: string };
    const model = await library.model(query.dataset, 'query.dataset');
    return { info: { name: model.info.name, hash: model.info.hash, dir: '' }, tables: model.tables };
  });
}
