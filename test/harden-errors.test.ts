// Exit codes are documented, including 70 for a fault in Corridor itself; reading a dataset never ends in an
// internal error for a problem of the dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES, EXIT_CODES, INTERNAL_ERROR_EXIT_CODE } from '../src/errors.ts';
import { renderErrorsDoc } from '../src/errors-doc.ts';
import { runCli } from './helpers.ts';

test('docs/errors.md has a section on exit codes, 70 included, with what to do', () => {
  const page = renderErrorsDoc();
  const section = page.split('\n## Exit codes\n')[1];
  assert.ok(section, 'no "## Exit codes" section');
  assert.match(section, /^\| 70 \| .*fault in Corridor.*CORRIDOR_DEBUG=1.*report/m);
  assert.match(section, /^\| 1 \| .*`CORRIDOR_ERR_DATASET_INVALID`/m);
  assert.equal(INTERNAL_ERROR_EXIT_CODE, 70);
  assert.equal(readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8'), page);
});

test('every exit code of the registry is explained', () => {
  for (const [code, info] of Object.entries(ERROR_CODES)) assert.ok(EXIT_CODES[info.exitCode], `${code}: exit code ${info.exitCode} not explained`);
});

test('a dataset path that is a file is a coded error naming it, not an internal error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-file-'));
  const file = join(dir, 'dataset.csv');
  writeFileSync(file, 'id\n');
  const result = await runCli('validate', file);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `corridor: dataset folder not found: ${file} is a file, not a folder\n`);
  rmSync(dir, { recursive: true, force: true });
});
