// Shell comfort, tried as a process the way a user's shell runs it: completion scripts that the real shells load and
// answer with, --version from package.json, CSV that a CSV reader reads back, colour only where it is wanted,
// CORRIDOR_DATASET as the default dataset, and text from the data printed with control characters escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../src/data/csv.ts';
import { editFile } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'corridor.mjs');

function corridor(args: string[], env: Record<string, string | undefined> = {}) {
  const merged = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: merged, cwd: ROOT });
}

function completionScript(shell: string): string {
  const run = corridor(['completion', shell]);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** Asks bash's completion function for the words offered after `line` (as if Tab were pressed at its end). */
function bashComplete(script: string, words: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _corridor; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', program], { encoding: 'utf8', cwd: ROOT });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

test('bash completion offers commands, subcommands, the options of a command and the choices of --table', () => {
  const script = completionScript('bash');
  assert.deepEqual(bashComplete(script, ['corridor', 'me']), ['metrics']);
  assert.deepEqual(bashComplete(script, ['corridor', 'scenario', '']).sort(), ['--help', 'check', 'run']);
  assert.ok(bashComplete(script, ['corridor', 'metrics', '--im']).includes('--importer'));
  assert.deepEqual(bashComplete(script, ['corridor', 'scenario', 'run', '--no']), ['--no-metrics']);
  assert.deepEqual(bashComplete(script, ['corridor', 'metrics', '--table', 'tr']), ['transit']);
  // A scenario file is completed from the file system after `scenario run`.
  assert.ok(bashComplete(script, ['corridor', 'scenario', 'run', 'examples/cpc']).includes('examples/cpc-shut.yaml'));
});

test('zsh and fish load their completion scripts without error', () => {
  const zsh = spawnSync('zsh', ['-c', `${completionScript('zsh')}\nwhence -w _corridor`], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, HOME: tmpdir() } });
  assert.equal(zsh.status, 0, zsh.stderr);
  assert.match(zsh.stdout, /_corridor: function/);
  const fish = spawnSync('fish', ['--no-config', '-c', `${completionScript('fish')}\ncomplete -C 'corridor scen'`], { encoding: 'utf8', cwd: ROOT });
  assert.equal(fish.status, 0, fish.stderr);
  assert.match(fish.stdout, /^scenario\t/m);
  const options = spawnSync('fish', ['--no-config', '-c', `${completionScript('fish')}\ncomplete -C 'corridor metrics --imp'`], { encoding: 'utf8', cwd: ROOT });
  assert.match(options.stdout, /^--importer\t/m);
});

test('completion for an unknown shell is refused with the shells it knows, exit 2', () => {
  const run = corridor(['completion', 'tcsh']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'corridor: completion expects one of bash, zsh, fish, found "tcsh"\n');
});

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(corridor(['--version']).stdout, `${version}\n`);
});

test('--csv prints a table that a CSV reader reads back with the JSON figures', () => {
  const args = ['metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', '2024'];
  const json = JSON.parse(corridor([...args, '--json']).stdout) as { suppliers: { exporter: string; share: number }[] };
  const csv = corridor([...args, '--csv']);
  assert.equal(csv.status, 0, csv.stderr);
  const { table } = parseCsv(csv.stdout);
  assert.deepEqual(table.header.slice(0, 4), ['importer', 'commodity', 'year', 'exporter']);
  assert.equal(table.rows.length, json.suppliers.length);
  const share = table.header.indexOf('share');
  // The shares add up to 1 (a check independent of the output code: every supplier is a row).
  assert.ok(Math.abs(table.rows.reduce((sum, r) => sum + Number(r[share]), 0) - 1) < 1e-9);
  for (const [i, s] of json.suppliers.entries()) assert.ok(Math.abs(Number(table.rows[i][share]) - s.share) < 1e-9, s.exporter);
  const transit = parseCsv(corridor([...args, '--csv', '--table', 'transit']).stdout).table;
  assert.deepEqual(transit.header.slice(0, 3), ['importer', 'year', 'country']);
});

test('--csv with --json, or --table without --csv, is refused with exit 2', () => {
  const both = corridor(['report', '--csv', '--json']);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /cannot be used with option '--json'/);
  const table = corridor(['report', '--table', 'routes']);
  assert.equal(table.status, 2);
  assert.match(table.stderr, /--table goes with --csv/);
});

test('colour only on request: FORCE_COLOR colours an error, NO_COLOR wins over it, a pipe gets none', () => {
  const args = ['metrics', '--importer', 'NOPE', '--commodity', 'crude_oil'];
  const forced = corridor(args, { FORCE_COLOR: '1', NO_COLOR: undefined });
  assert.equal(forced.status, 2);
  assert.match(forced.stderr, /^\x1b\[31mcorridor: unknown importer/);
  assert.doesNotMatch(corridor(args, { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr, /\x1b/);
  assert.doesNotMatch(corridor(args, { FORCE_COLOR: undefined, NO_COLOR: undefined }).stderr, /\x1b/);
});

test('colour on a terminal, and none on a terminal with NO_COLOR (run under script(1), which gives a real pty)', () => {
  const command = `${process.execPath} ${BIN} metrics --importer NOPE --commodity crude_oil`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...env, NO_COLOR: '' } });
  assert.match(tty.stdout, /\x1b\[31mcorridor: unknown importer/);
  const plain = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  assert.match(plain.stdout, /corridor: unknown importer/);
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
});

test('CORRIDOR_DATASET is the default dataset; --dataset still wins over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-env-'));
  try {
    cpSync(join(ROOT, 'test', 'fixtures', 'tiny'), dir, { recursive: true });
    const fromEnv = corridor(['validate'], { CORRIDOR_DATASET: dir });
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    assert.ok(fromEnv.stdout.startsWith(`${dir}: valid`), fromEnv.stdout);
    const explicit = corridor(['validate', '--dataset', join(ROOT, 'data', 'default')], { CORRIDOR_DATASET: dir });
    assert.match(explicit.stdout, /data\/default: valid/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('escape codes and bidirectional overrides in a country name are printed escaped, in text and in JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-escape-'));
  try {
    cpSync(join(ROOT, 'test', 'fixtures', 'tiny'), dir, { recursive: true });
    editFile(dir, 'countries.csv', (text) => text.replace(/^(KAZ,)([^,\n]*)/m, '$1"\x1b[2J\x1b]0;owned\x07Kaz\u202Eakhstan"'));
    const text = corridor(['metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--dataset', dir]);
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout, /[\x1b\x07\u202e]/);
    assert.match(text.stdout, /\\x1b\[2J\\x1b\]0;owned\\x07Kaz\\u202eakhstan/);
    const json = corridor(['metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--dataset', dir, '--json']);
    assert.doesNotMatch(json.stdout, /[\x1b\x07\u202e]/);
    assert.equal((JSON.parse(json.stdout) as { exporterName: string }).exporterName, '\x1b[2J\x1b]0;owned\x07Kaz\u202eakhstan');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
