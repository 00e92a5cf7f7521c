// `corridor db migrate|status|backup|restore|import|datasets`: the store of datasets, scenarios and runs (docs/store.md).
import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import { backupStore } from '../../store/db/backup.ts';
import { restoreStore, storeIsEmpty } from '../../store/db/restore.ts';
import { readDatasetFolder } from '../../store/db/dataset-files.ts';
import { LATEST_VERSION, migrate, migrationStatus } from '../../store/db/migrations.ts';
import { databaseUrl, openDriver } from '../../store/db/open.ts';
import { withStore, type DatasetSummary } from '../../store/db/store.ts';
import { CorridorError } from '../../errors.ts';
import { printOutput, withJson, type OutputOptions, type RunContext } from '../common.ts';
import { formatTable } from '../format.ts';

export const DATABASE_HELP = 'store database URL: sqlite:/path/file.sqlite or postgres://user:pass@host/db (default: $CORRIDOR_DATABASE_URL, else sqlite: in $CORRIDOR_HOME, see docs/store.md)';

interface DbOptions extends OutputOptions {
  database?: string;
}

const urlOf = (options: DbOptions) => options.database ?? databaseUrl();

async function withDriver<T>(options: DbOptions, work: (db: ReturnType<typeof openDriver>) => Promise<T>): Promise<T> {
  const db = openDriver(urlOf(options));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function register(program: Command, context: RunContext): void {
  const db = program.command('db').description('the store of datasets, scenarios and runs: migrate, status, backup, restore, import, datasets').exitOverride();
  const command = (name: string) => withJson(db.command(name).exitOverride()).option('--database <url>', DATABASE_HELP);

  command('migrate').description('create or bring the store\'s tables up to date (numbered migrations; safe to run again)')
    .action(async (options: DbOptions) => {
      const applied = await withDriver(options, (d) => migrate(d));
      printOutput(context, options, {
        json: () => ({ database: redacted(options), applied, version: LATEST_VERSION }),
        text: () => [applied.length ? `applied migration(s) ${applied.join(', ')}; the store is at version ${LATEST_VERSION}` : `the store is up to date (version ${LATEST_VERSION})`],
      });
    });

  command('status').description('list the migrations and whether each is applied')
    .action(async (options: DbOptions) => {
      const { location, kind, status } = await withDriver(options, async (d) => ({ location: d.location, kind: d.kind, status: await migrationStatus(d) }));
      const pending = status.filter((m) => m.appliedAt === null).length;
      printOutput(context, options, {
        json: () => ({ database: location, driver: kind, migrations: status, pending }),
        text: () => [`${kind} store ${location}: ${pending ? `${pending} migration(s) pending; run \`corridor db migrate\`` : 'up to date'}`,
          ...formatTable([{ header: 'Version', align: 'right' }, { header: 'Migration' }, { header: 'Applied' }], status.map((m) => [String(m.version), m.name, m.appliedAt ?? 'pending']))],
      });
    });

  command('backup').description('copy the store to FILE: SQLite\'s online backup (a .sqlite file); PostgreSQL: a JSON export of every table')
    .argument('<file>', 'backup file to write (must not exist)')
    .action(async (file: string, options: DbOptions) => {
      const result = await withStore({ url: urlOf(options) }, (store) => backupStore(store.db, file));
      printOutput(context, options, { json: () => result, text: () => [`backup written to ${result.file} (${result.format}, ${result.bytes} bytes)`] });
    });

  command('restore').description('replace the store\'s contents with a backup (a SQLite backup or a PostgreSQL JSON export, into either database), in one transaction; datasets are validated again first')
    .argument('<file>', 'backup file written by `corridor db backup`')
    .option('--replace', 'replace a store that is not empty (without it, only an empty store is restored into)', false)
    .action(async (file: string, options: DbOptions & { replace: boolean }) => {
      const result = await withDriver(options, async (d) => {
        await migrate(d);
        if (!options.replace && !(await storeIsEmpty(d))) {
          throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `the store ${d.location} is not empty: restoring replaces everything in it; add --replace to do so (take a backup first)`);
        }
        return restoreStore(d, file);
      });
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      printOutput(context, options, { json: () => result, text: () => [`restored ${total} rows from ${file} (${result.format}, schema version ${result.schemaVersion}): ${result.rows.datasets} dataset(s), ${result.rows.scenarios} scenario(s), ${result.rows.runs} run(s)`] });
    });

  command('import').description('validate a dataset folder and store it (a new version of NAME unless its content is the latest already)')
    .argument('<dir>', 'dataset folder (a data package)')
    .option('--name <name>', 'name to store it under (default: the folder\'s name)')
    .action(async (dir: string, options: DbOptions & { name?: string }) => {
      const files = readDatasetFolder(dir);
      const name = options.name ?? basename(resolve(dir));
      const result = await withStore({ url: urlOf(options) }, (store) => store.importDataset(name, files));
      printOutput(context, options, {
        json: () => result,
        text: () => [result.created
          ? `imported ${dir} as ${result.name} version ${result.version} (dataset ${result.dataset.id}, ${result.dataset.rowCount} rows)`
          : `${dir} is ${result.name} version ${result.version} already (dataset ${result.dataset.id}); nothing to do`],
      });
    });

  command('datasets').description('list the stored datasets with their names and versions')
    .action(async (options: DbOptions) => {
      const datasets = await withStore({ url: urlOf(options) }, (store) => store.datasets());
      printOutput(context, options, { json: () => ({ datasets }), text: () => datasetLines(datasets) });
    });
}

function redacted(options: DbOptions): string {
  const url = urlOf(options);
  return url.startsWith('sqlite:') ? url : url.replace(/:[^:@/]*@/, ':***@');
}

function datasetLines(datasets: DatasetSummary[]): string[] {
  if (datasets.length === 0) return ['no datasets stored; import one with `corridor db import DIR`'];
  return formatTable([{ header: 'Dataset' }, { header: 'Package' }, { header: 'Rows', align: 'right' }, { header: 'Names (version)' }, { header: 'Stored' }],
    datasets.map((d) => [d.id, d.packageName, String(d.rowCount), d.versions.map((v) => `${v.name}@${v.version}`).join(', '), d.createdAt]));
}
