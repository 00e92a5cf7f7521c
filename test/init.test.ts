// The packaged default dataset is read-only: commands that write refuse it and change nothing; `corridor init DIR`
// makes a working copy of it to change instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { DEFAULT_DATASET_DIR } from '../src/paths.ts';
import { FIXTURES, runCli, scratchDir } from './helpers.ts';

const ARTICLE = join(FIXTURES, 'news', 'kazakh-france-minerals.txt');

/** Every file under a folder with its bytes, .corridor/ included. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, tree(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'latin1');
  }
  return out;
}

/** Runs the CLI in-process with CORRIDOR_DATASET set to `env` (undefined: unset). */
async function withEnv<T>(env: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.CORRIDOR_DATASET;
  if (env === undefined) delete process.env.CORRIDOR_DATASET;
  else process.env.CORRIDOR_DATASET = env;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.CORRIDOR_DATASET;
    else process.env.CORRIDOR_DATASET = before;
  }
}

test('write commands refuse the packaged default dataset (exit 2, how to make a copy) and change nothing in it', async () => {
  const before = tree(DEFAULT_DATASET_DIR);
  const link = join(scratchDir('link'), 'default');
  symlinkSync(DEFAULT_DATASET_DIR, link);
  const attempts: [string | undefined, string[]][] = [
    [undefined, ['ingest', ARTICLE, '--published', '2023-11-02', '--save']],
    [undefined, ['events', 'accept', '9f02cb93-3']],
    [undefined, ['events', 'reject', '9f02cb93-3']],
    [DEFAULT_DATASET_DIR, ['ingest', ARTICLE, '--published', '2023-11-02', '--save']],
    [undefined, ['ingest', ARTICLE, '--save', '--dataset', link]],
    [undefined, ['events', 'accept', '9f02cb93-3', '--dataset', `${DEFAULT_DATASET_DIR}/`]],
  ];
  for (const [env, args] of attempts) {
    const r = await withEnv(env, () => runCli(...args));
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, /the default dataset that ships with Corridor, which is read-only; make a working copy with `corridor init DIR`, then pass --dataset DIR or run `export CORRIDOR_DATASET=DIR`/, args.join(' '));
  }
  assert.deepEqual(tree(DEFAULT_DATASET_DIR), before);
  // Reading it is still fine, and so is ingest without --save.
  const read = await withEnv(undefined, () => runCli('ingest', ARTICLE, '--published', '2023-11-02', '--json'));
  assert.equal(read.code, 0, read.stderr);
  assert.equal((await withEnv(undefined, () => runCli('events', 'list'))).code, 0);
});

test('init copies the default dataset (descriptor and every table, not .corridor/) into a new folder and says what to run next', async () => {
  const dir = join(scratchDir('init'), 'work', 'mine');
  const r = await runCli('init', dir);
  assert.equal(r.code, 0, r.stderr);
  const expected = readdirSync(DEFAULT_DATASET_DIR).filter((f) => f.endsWith('.csv') || f === 'datapackage.json').sort();
  assert.ok(expected.includes('datapackage.json') && expected.includes('events.csv'));
  assert.deepEqual(readdirSync(dir).sort(), expected);
  for (const f of expected) assert.equal(readFileSync(join(dir, f), 'utf8'), readFileSync(join(DEFAULT_DATASET_DIR, f), 'utf8'), f);
  assert.match(r.stdout, new RegExp(`^copied the default dataset to ${dir} \\(datapackage.json and ${expected.length - 1} tables\\)\\n`));
  assert.match(r.stdout, new RegExp(`next: export CORRIDOR_DATASET=${dir} .*corridor validate`));
  assert.deepEqual(readDataset(dir).problems.errors, []);
  // The copy can be changed: candidates are saved and accepted there.
  const saved = await runCli('ingest', ARTICLE, '--published', '2023-11-02', '--save', '--dataset', dir);
  assert.equal(saved.code, 0, saved.stderr);
  const accepted = await runCli('events', 'accept', '9f02cb93-3', '--dataset', dir);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.deepEqual(readDataset(dir).problems.errors, []);
});

test('init copies into an empty folder, refuses a non-empty one or a file, and changes nothing there', async () => {
  const empty = scratchDir('init-empty');
  const r = await runCli('init', empty, '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).dataset, resolve(empty));
  assert.ok(existsSync(join(empty, 'datapackage.json')));
  const full = scratchDir('init-full');
  writeFileSync(join(full, 'notes.txt'), 'mine');
  const refused = await runCli('init', full);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /is not empty \(1 entry, e\.g\. notes\.txt\); give a new or empty folder/);
  assert.deepEqual(readdirSync(full), ['notes.txt']);
  const again = await runCli('init', empty);
  assert.equal(again.code, 2);
  const file = join(full, 'notes.txt');
  assert.equal((await runCli('init', file)).code, 2);
  const hidden = scratchDir('init-hidden');
  mkdirSync(join(hidden, '.corridor'));
  assert.equal((await runCli('init', hidden)).code, 2, 'a folder holding only .corridor/ is not empty');
  const inside = await runCli('init', join(DEFAULT_DATASET_DIR, 'copy'));
  assert.equal(inside.code, 2);
  assert.match(inside.stderr, /inside the default dataset that ships with Corridor, which is read-only/);
  assert.equal(existsSync(join(DEFAULT_DATASET_DIR, 'copy')), false);
});

test('the refusal to write the packaged dataset carries its own error code, CORRIDOR_ERR_READ_ONLY (exit 2)', async () => {
  const r = await runCli('events', 'reject', 'any-id', '--json', '--dataset', DEFAULT_DATASET_DIR);
  assert.equal(r.code, 2);
  assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'CORRIDOR_ERR_READ_ONLY');
});
