// A 100 MB table is read without crashing and with a bounded list of problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { copyFixture } from './helpers.ts';

test('a 100 MB flows file with 2.5 million duplicate rows gives a capped list of errors, not a crash', () => {
  const dir = copyFixture('tiny');
  const fd = openSync(join(dir, 'flows.csv'), 'w');
  writeSync(fd, 'year,commodity,exporter,importer,route,volume,unit,source,estimated,note\n');
  const chunk = '2024,crude_oil,KAZ,FRA,cpc,6,Mt/yr,hand,,\n'.repeat(10_000);
  for (let bytes = 0; bytes < 100 * 2 ** 20; bytes += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  const { problems } = readDataset(dir);
  const errors = problems.errors.filter((p) => p.file === 'flows.csv');
  // 2,500,000 rows, all the same key: every row after the first is a duplicate. 200 are listed, the rest counted.
  assert.equal(errors.length, 201);
  assert.match(errors[200].message, /^… and 2499799 more errors in this file \(not listed\)$/);
  rmSync(dir, { recursive: true, force: true });
});
