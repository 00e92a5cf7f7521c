// The two databases every store and server test runs against: SQLite (a new file each time) and PostgreSQL (a new
// schema each time, in CORRIDOR_TEST_DATABASE_URL's database, dropped when the test file ends). PostgreSQL must be
// reachable: the tests fail, not skip, when it is not (.ci/run starts it).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { scratchDir, FIXTURES } from './helpers.ts';
import type { DatasetFiles } from '../src/store/db/dataset-files.ts';
import { readDatasetFolder } from '../src/store/db/dataset-files.ts';

export const TEST_DATABASE_URL = process.env.CORRIDOR_TEST_DATABASE_URL || 'postgres://corridor:corridor@127.0.0.1:5432/corridor_test';

export interface TestDriver {
  name: 'sqlite' | 'postgres';
  /** A URL to a new, empty store. */
  newUrl: () => Promise<string>;
}

const schemas: string[] = [];
let checked: Promise<void> | undefined;
let cleanupRegistered = false;

/** Fails with a message saying how to start PostgreSQL when it is not reachable. */
function checkPostgres(): Promise<void> {
  return (checked ??= (async () => {
    const client = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1, connectionTimeoutMillis: 5000 });
    try {
      await client.query('SELECT 1');
    } catch (error) {
      throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). ` +
        'Start it and create the test role and database: run .ci/run, or `pg_ctlcluster 15 main start` and the role/database steps in .ci/run; ' +
        'or set CORRIDOR_TEST_DATABASE_URL.');
    } finally {
      await client.end();
    }
  })());
}

function registerCleanup(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  // When the test file is done (node:test's after() would bind to whichever test or hook is running).
  process.once('beforeExit', async () => {
    const client = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await client.end();
    }
  });
}

export const DRIVERS: TestDriver[] = [
  { name: 'sqlite', newUrl: async () => `sqlite:${join(scratchDir('store'), 'corridor.sqlite')}` },
  {
    name: 'postgres',
    newUrl: async () => {
      await checkPostgres();
      registerCleanup();
      const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('schema', schema);
      return url.toString();
    },
  },
];

/** The tiny fixture dataset's files; `variant` n > 0 changes a note, so each variant has its own hash. */
export function tinyFiles(variant = 0): DatasetFiles {
  const files = readDatasetFolder(join(FIXTURES, 'tiny'));
  if (variant > 0) files.set('flows.csv', files.get('flows.csv')!.replace('2024,crude_oil,KAZ,FRA,cpc,6,Mt/yr,hand,,', `2024,crude_oil,KAZ,FRA,cpc,6,Mt/yr,hand,,variant ${variant}`));
  return files;
}

export const TINY_SCENARIO = readFileSync(join(FIXTURES, 'scenarios', 'tiny-cpc-shut.yaml'), 'utf8');
