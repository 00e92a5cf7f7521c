// Hostile files in place of a table: special files, missing or dangling tables, link loops, folders. Each is
// refused with an error naming the file and why, promptly, without reading the file into memory first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatProblem } from '../src/data/problems.ts';
import { copyFixture, editFile, runCli } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Reads a dataset in a child process that is killed after `seconds`, so that a reader that hangs (a FIFO) or
 * reads forever (/dev/zero) fails the test instead of stalling the suite. Returns the errors as printed.
 */
function errorsInChild(dir: string, seconds = 20): { errors: string[]; timedOut: boolean; stderr: string } {
  const script = `
    import { readDataset } from ${JSON.stringify(join(ROOT, 'src', 'data', 'read.ts'))};
    import { formatProblem } from ${JSON.stringify(join(ROOT, 'src', 'data', 'problems.ts'))};
    const { problems } = readDataset(${JSON.stringify(dir)});
    process.stdout.write(JSON.stringify(problems.errors.map(formatProblem)));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT, timeout: seconds * 1000, encoding: 'utf8', killSignal: 'SIGKILL',
  });
  const timedOut = child.error !== undefined || child.signal === 'SIGKILL';
  return { errors: timedOut || child.status !== 0 ? [] : JSON.parse(child.stdout), timedOut, stderr: child.stderr };
}

function errorsOf(dir: string): string[] {
  return readDataset(dir).problems.errors.map(formatProblem);
}

function replaceWith(dir: string, file: string, make: (path: string) => void): void {
  const path = join(dir, file);
  rmSync(path, { force: true, recursive: true });
  make(path);
}

test('flows.csv linked to /dev/zero is refused as a device, promptly', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'flows.csv', (p) => symlinkSync('/dev/zero', p));
  const started = Date.now();
  const { errors, timedOut, stderr } = errorsInChild(dir);
  assert.ok(!timedOut, `reading did not finish (${stderr.slice(0, 300)})`);
  assert.ok(Date.now() - started < 15_000);
  assert.ok(errors.some((e) => /^flows\.csv: expected a regular file, found a symbolic link to a character device \(\/dev\/zero\)/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a FIFO named flows.csv is refused without waiting for a writer', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'flows.csv', (p) => assert.equal(spawnSync('mkfifo', [p]).status, 0));
  const { errors, timedOut, stderr } = errorsInChild(dir);
  assert.ok(!timedOut, `reading hung on the FIFO (${stderr.slice(0, 300)})`);
  assert.ok(errors.some((e) => /^flows\.csv: expected a regular file, found a named pipe \(FIFO\)/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a FIFO named datapackage.json is refused too', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'datapackage.json', (p) => assert.equal(spawnSync('mkfifo', [p]).status, 0));
  const { errors, timedOut } = errorsInChild(dir);
  assert.ok(!timedOut, 'reading hung on the FIFO');
  assert.ok(errors.some((e) => /^datapackage\.json: expected a regular file, found a named pipe/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('the size limit holds while reading, not from the size a file reports (a /proc file reports 0 bytes)', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'flows.csv', (p) => symlinkSync('/proc/self/maps', p));
  const { problems } = readDataset(dir, { maxFileBytes: 64 });
  const errors = problems.errors.map(formatProblem);
  assert.ok(errors.some((e) => /^flows\.csv: expected a file of at most 64 bytes, found more \(reading stopped there\)/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a table listed in datapackage.json but missing is an error naming it', async () => {
  const dir = copyFixture('tiny');
  rmSync(join(dir, 'flows.csv'));
  const errors = errorsOf(dir);
  assert.deepEqual(errors, ['flows.csv: expected the flows table (listed in datapackage.json), found no file']);
  const report = await runCli('report', '--dataset', dir);
  assert.equal(report.code, 1);
  assert.doesNotMatch(report.stdout, /no imports/);
  rmSync(dir, { recursive: true, force: true });
});

test('a dangling symbolic link in place of a table is an error naming the file and its target', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'flows.csv', (p) => symlinkSync('nowhere.csv', p));
  const errors = errorsOf(dir);
  assert.deepEqual(errors, ['flows.csv: expected a readable file, found a symbolic link to "nowhere.csv", which does not exist (a dangling link)']);
  rmSync(dir, { recursive: true, force: true });
});

test('a symbolic link loop on routes.csv is blamed on routes.csv, not on the legs that refer to it', () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'routes.csv', (p) => symlinkSync('routes.csv', p));
  const errors = errorsOf(dir);
  assert.equal(errors[0], 'routes.csv: expected a readable file, found a symbolic link loop (a link that leads back to itself)');
  assert.ok(!errors.some((e) => e.startsWith('legs.csv:')), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a directory in place of a table is a located error and exit code 1, not an internal error', async () => {
  const dir = copyFixture('tiny');
  replaceWith(dir, 'flows.csv', (p) => mkdirSync(p));
  assert.deepEqual(errorsOf(dir), ['flows.csv: expected a regular file, found a directory']);
  const result = await runCli('validate', dir);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^flows\.csv: expected a regular file, found a directory$/m);
  assert.doesNotMatch(result.stderr, /internal error/);
  rmSync(dir, { recursive: true, force: true });
});

test('a table that cannot be read for lack of permission is an error naming the file', () => {
  const dir = copyFixture('tiny');
  chmodSync(join(dir, 'flows.csv'), 0o000);
  try {
    if (process.getuid?.() !== 0) {
      assert.deepEqual(errorsOf(dir), ['flows.csv: expected a file Corridor may read, found one without read permission']);
      return;
    }
    // Root may read any file: the refusal is real only for another user, so the compiled command runs as nobody,
    // from a copy of the package that nobody may read (the checkout itself may sit in a folder closed to others).
    const pkg = mkdtempSync(join(tmpdir(), 'corridor-as-nobody-'));
    try {
      for (const part of ['package.json', 'bin', 'dist']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
      for (const folder of [pkg, dir]) spawnSync('chmod', ['-R', 'a+rX', folder]);
      chmodSync(join(dir, 'flows.csv'), 0o000);
      const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(pkg, 'bin', 'corridor.mjs'), 'validate', dir], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^flows\.csv: expected a file Corridor may read, found one without read permission$/m);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  } finally {
    chmodSync(join(dir, 'flows.csv'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unlisted optional table that is absent is still fine, and a table that is present but unlisted is read with a warning', () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'stocks.csv'), 'year,commodity,country,volume,unit,source,estimated,note\n');
  const { problems } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  assert.ok(problems.warnings.some((w) => w.file === 'datapackage.json' && /stocks\.csv to be listed/.test(w.message)));
  rmSync(dir, { recursive: true, force: true });
});

test('references are still checked when an optional table is simply left out', () => {
  const dir = copyFixture('tiny');
  rmSync(join(dir, 'bloc_members.csv'));
  rmSync(join(dir, 'blocs.csv'));
  editFile(dir, 'datapackage.json', (t) => {
    const json = JSON.parse(t);
    json.resources = json.resources.filter((r: { path: string }) => r.path !== 'blocs.csv' && r.path !== 'bloc_members.csv');
    return JSON.stringify(json);
  });
  editFile(dir, 'flows.csv', (t) => t.replace('\n2024,crude_oil,KAZ,', '\n2024,crude_oil,XYZ,'));
  const errors = errorsOf(dir);
  assert.ok(errors.some((e) => /^flows\.csv:2:exporter: .*unknown "XYZ"/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a regular file over the limit is refused from its size, without reading it', () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'flows.csv'), 'x'.repeat(3000));
  const errors = readDataset(dir, { maxFileBytes: 2048 }).problems.errors.map(formatProblem);
  assert.ok(errors.includes('flows.csv: expected a file of at most 2 KiB, found 2.9 KiB (not read)'), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});
