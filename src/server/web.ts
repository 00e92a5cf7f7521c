// The web workbench's part of the server: the built page (dist/web/, made by scripts/build.mjs) at `/` and its
// assets under `/assets/`, and `GET /web/dataset`, the typed tables of a stored dataset, from which the page builds
// the same Model the CLI and the API use (it runs the flow model and the metrics in the browser), with whether the
// page may store accepted events in it. Without a built page, `/` goes to the API's /docs as before.
//
// The packaged dataset is read-only (stored as "default"), so `corridor serve` gives the page a working copy: the
// dataset "workbench", made from the packaged one on the store's first start (prepareWorkbenchDataset). Events
// accepted in the page are stored as its next versions, in the same store as saved scenarios.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../paths.ts';
import { checkToken } from './auth.ts';
import { apiError } from './errors.ts';
import type { Library } from './service.ts';
import type { Store } from '../store/db/store.ts';
import { DATASET_NAME, type DatasetFiles } from '../store/db/dataset-files.ts';
import { PACKAGED_NAME } from './events-service.ts';

/** The working copy of the packaged dataset that `corridor serve` gives the page. */
export const WORKBENCH_DATASET = 'workbench';

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
  /** The dataset the page loads and stores accepted events in (default: the server's default dataset). */
  dataset?: string;
}

/** Whether the page may store accepted events in a dataset, and if not, why. */
export function workingDataset(ref: string): { name: string; writable: boolean; why: string } {
  if (ref === PACKAGED_NAME) {
    return { name: ref, writable: false, why: `the packaged dataset (stored as "${PACKAGED_NAME}") is read-only: \`corridor serve\` without --dataset gives the page its working copy "${WORKBENCH_DATASET}"` };
  }
  if (!DATASET_NAME.test(ref) || /^[0-9a-f]{16}$/.test(ref)) {
    return { name: ref, writable: false, why: `dataset "${ref}" is named by its hash or version, which never changes: serve a dataset by its name to store accepted events` };
  }
  return { name: ref, writable: true, why: '' };
}

/**
 * The workbench's working copy: the dataset "workbench" as stored, or, on the store's first start, a copy of the
 * packaged dataset's files stored under that name (version 1). Its later versions hold the events accepted in the
 * page. `stale`: its version 1 is not the packaged dataset given (an earlier Corridor's packaged dataset).
 */
export async function prepareWorkbenchDataset(store: Store, packaged: DatasetFiles, packagedId: string): Promise<{ name: string; version: number; id: string; created: boolean; stale: boolean }> {
  const existing = await store.datasetFiles(WORKBENCH_DATASET);
  if (existing) {
    const first = await store.datasetId(`${WORKBENCH_DATASET}@1`);
    return { name: WORKBENCH_DATASET, version: await latestVersion(store, existing.id, WORKBENCH_DATASET), id: existing.id, created: false, stale: first !== packagedId };
  }
  const imported = await store.importDataset(WORKBENCH_DATASET, packaged);
  return { name: WORKBENCH_DATASET, version: imported.version, id: imported.dataset.id, created: true, stale: false };
}

async function latestVersion(store: Store, id: string, name: string): Promise<number> {
  const summary = await store.dataset(id);
  return (summary?.versions ?? []).filter((v) => v.name === name).reduce((m, v) => Math.max(m, v.version), 0);
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
    const ref = query.dataset ?? options.dataset ?? library.defaultDataset;
    const model = await library.model(ref, 'query.dataset');
    const working = ref === undefined ? undefined : { ...workingDataset(ref), version: await latestVersion(options.store, model.info.hash, ref) || null };
    return { info: { name: model.info.name, hash: model.info.hash, dir: '' }, tables: model.tables, working };
  });
}
