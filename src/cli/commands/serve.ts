// `corridor serve`: the HTTP API (docs/server.md) on 127.0.0.1:8080 unless told otherwise. The packaged default
// dataset is imported into the store as "default" (once; it is the dataset requests use when they name none), and
// the workbench page gets a working copy of it, "workbench", where the events it accepts are stored (docs/web.md).
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../server/app.ts';
import { DEFAULT_JOB_LIMITS } from '../../server/jobs.ts';
import { prepareWorkbenchDataset } from '../../server/web.ts';
import { modelOfFiles, readDatasetFolder } from '../../store/db/dataset-files.ts';
import { baselineReport } from '../../metrics/index.ts';
import type { Model } from '../../model/model.ts';
import { CorridorError } from '../../errors.ts';
import { formatServeSummary } from '../views/serve-summary.ts';
import { databaseUrl } from '../../store/db/open.ts';
import { Store } from '../../store/db/store.ts';
import { DEFAULT_DATASET_DIR } from '../../paths.ts';
import { parseIntegerOption, type RunContext } from '../common.ts';
import { DATABASE_HELP } from './db.ts';

interface ServeOptions {
  port: string;
  host: string;
  database?: string;
  dataset?: string;
  protectReads: boolean;
  bodyLimit?: string;
  jobs?: string;
  jobQueue?: string;
  jobWorkers?: string;
  webToken: boolean;
}

/** The Model of the dataset requests use by default, for the summary printed at start. */
async function servedModel(store: Store, ref: string): Promise<Model> {
  const stored = await store.datasetFiles(ref);
  if (!stored) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no stored dataset "${ref}" (stored ones: \`corridor db datasets\`)`);
  return modelOfFiles(stored.files);
}

/** Binds the server; a port in use or not allowed is the user's to change, said as such (the store is closed first). */
async function listen(app: FastifyInstance, port: number, host: string, beforeClose: () => Promise<void>): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    await beforeClose();
    await app.close();
    const why = code === 'EADDRINUSE' ? 'is in use by another program' : code === 'EACCES' ? 'needs privileges this user lacks' : 'is not an address of this machine';
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `cannot serve on ${host}:${port}: it ${why}; pick another with --port (npm start -- --port ${port + 1})`, [], '--port');
  }
}

/**
 * A store that cannot be opened or written, said as such: the workbench keeps its working dataset, saved scenarios
 * and accepted events there. Errors of the dataset itself pass unchanged.
 */
function notWritable(url: string, error: unknown): unknown {
  if (error instanceof CorridorError && error.code !== 'CORRIDOR_ERR_STORE') return error;
  const where = url.replace(/:[^:@/]*@/, ':***@');
  const why = (error instanceof Error ? error.message : String(error)).replace(/^cannot open the store database [^:]*: /, '');
  return new CorridorError('CORRIDOR_ERR_STORE', `cannot use the store ${where} (${why}): corridor serve keeps the workbench's dataset, saved scenarios and accepted events there; set CORRIDOR_HOME to a writable folder or give --database sqlite:/path/to/corridor.sqlite`);
}

export function register(program: Command, context: RunContext): void {
  program.command('serve')
    .description('serve the web workbench at / and the HTTP API (datasets, metrics, scenarios, runs, compare, ingest, risk jobs, candidate events); docs at /docs, OpenAPI at /openapi.json')
    .option('--port <port>', 'port', '8080')
    .option('--host <host>', 'address to bind (127.0.0.1: this machine only; 0.0.0.0: every interface)', '127.0.0.1')
    .option('--database <url>', DATABASE_HELP)
    .option('--dataset <ref>', 'default dataset of requests: a stored dataset\'s hash, name or name@version (default: the packaged dataset, stored as "default")')
    .option('--protect-reads', 'reads need an API token too (writes always do)', false)
    .option('--no-web-token', 'do not create a session token for the workbench page (saving from the page then needs one pasted in)')
    .option('--body-limit <bytes>', `largest request body (default ${DEFAULT_BODY_LIMIT})`)
    .option('--jobs <n>', `risk jobs (N-1, Monte Carlo) run at once (default ${DEFAULT_JOB_LIMITS.concurrency})`)
    .option('--job-queue <n>', `risk jobs waiting at most; more are refused with 503 (default ${DEFAULT_JOB_LIMITS.queue})`)
    .option('--job-workers <n>', 'worker threads per Monte Carlo job (default 1; the result does not depend on it)')
    .action(async (options: ServeOptions) => {
      const port = parseIntegerOption('--port', options.port)!;
      const bodyLimit = parseIntegerOption('--body-limit', options.bodyLimit);
      const atLeast = (name: string, value: string | undefined, min: number) => {
        const n = parseIntegerOption(name, value);
        if (n !== undefined && n < min) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${name} must be at least ${min}, found ${n}`);
        return n;
      };
      const concurrency = atLeast('--jobs', options.jobs, 1);
      const queue = atLeast('--job-queue', options.jobQueue, 0);
      const jobWorkers = atLeast('--job-workers', options.jobWorkers, 1);
      const url = options.database ?? databaseUrl();
      let store: Store | undefined;
      let defaultDataset = options.dataset;
      let webDataset = options.dataset;
      let working = '';
      let session: Awaited<ReturnType<Store['createToken']>> | undefined;
      let summary: string[] = [];
      try {
        store = await Store.open({ url });
        if (defaultDataset === undefined) {
          const packaged = readDatasetFolder(DEFAULT_DATASET_DIR);
          const stored = await store.importDataset('default', packaged);
          defaultDataset = 'default';
          const copy = await prepareWorkbenchDataset(store, packaged, stored.dataset.id);
          webDataset = copy.name;
          const made = copy.created ? 'a copy of the packaged dataset made now'
            : copy.stale ? 'copied on first start from an earlier packaged dataset; to start it again from this one (dropping its accepted events): corridor init DIR && corridor db import DIR --name workbench'
              : 'the packaged dataset copied on first start';
          working = ` (dataset "${copy.name}" version ${copy.version}: ${made}; events accepted in the page are stored as its next versions)`;
        }
        summary = formatServeSummary(baselineReport(await servedModel(store, defaultDataset)));
        // The workbench's link carries a token for this session (in the fragment: never sent in a request line), revoked
        // on stop. Made before binding, so that a store that takes no writes stops the server before it serves.
        session = options.webToken ? await store.createToken('workbench session') : undefined;
      } catch (error) {
        await store?.close().catch(() => undefined);
        throw notWritable(url, error);
      }
      const jobs = { ...(concurrency !== undefined ? { concurrency } : {}), ...(queue !== undefined ? { queue } : {}) };
      const app = await buildServer({ store, defaultDataset, webDataset, protectReads: options.protectReads, bodyLimit, jobs, jobWorkers });
      app.addHook('onClose', async () => { await store.close(); });
      const revoke = () => (session ? store.revokeToken(session.info.id).then(() => undefined) : Promise.resolve());
      const address = await listen(app, port, options.host, revoke);
      context.io.out(`corridor serving ${address} (store: ${store.db.kind} ${store.db.location}; docs: ${address}/docs)`);
      context.io.out(`workbench: ${address}/${session ? `#token=${session.token}` : ''}${working}`);
      context.io.out(summary.join('\n'));
      const stop = () => { void revoke().finally(() => { void app.close().then(() => process.exit(0)); }); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });
}
