// Writing a dataset: several files change together or not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceDatasetFiles, writeFileAtomic } from '../src/data/write.ts';
import { readDataset } from '../src/data/read.ts';
import { copyFixture } from './helpers.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

test('replaceDatasetFiles writes every file when the result validates', () => {
  const dir = copyFixture('tiny');
  const sources = read(dir, 'sources.csv') + 'extra,Another source,,,2024,\n';
  const flows = read(dir, 'flows.csv') + '2024,crude_oil,USA,ITA,,2,Mt/yr,extra,,\n';
  replaceDatasetFiles(dir, new Map([['sources.csv', sources], ['flows.csv', flows]]), ['sources.csv', 'flows.csv'], { what: 'a test' });
  assert.equal(read(dir, 'flows.csv'), flows);
  assert.equal(readDataset(dir).model.tables.flow.length, 6);
});

test('replaceDatasetFiles changes nothing when the result would not validate', () => {
  const dir = copyFixture('tiny');
  const before = read(dir, 'flows.csv');
  // A flow citing a source that the change does not add.
  const flows = before + '2024,crude_oil,USA,ITA,,2,Mt/yr,missing,,\n';
  assert.throws(() => replaceDatasetFiles(dir, new Map([['flows.csv', flows]]), ['flows.csv'], { what: 'a test' }),
    (e: Error & { code?: string; details?: string[] }) => e.code === 'CORRIDOR_ERR_DATASET_INVALID' && e.details!.some((d) => /flows\.csv:7:source: .*unknown "missing"/.test(d)));
  assert.equal(read(dir, 'flows.csv'), before);
});

test('replaceDatasetFiles puts back the files already written when a later write fails', () => {
  const dir = copyFixture('tiny');
  const [sourcesBefore, flowsBefore] = [read(dir, 'sources.csv'), read(dir, 'flows.csv')];
  const sources = sourcesBefore + 'extra,Another source,,,2024,\n';
  const flows = flowsBefore + '2024,crude_oil,USA,ITA,,2,Mt/yr,extra,,\n';
  let writes = 0;
  const failSecond = (path: string, content: string) => {
    if (++writes === 2) throw new Error('disk full');
    writeFileAtomic(path, content);
  };
  assert.throws(() => replaceDatasetFiles(dir, new Map([['sources.csv', sources], ['flows.csv', flows]]), ['sources.csv', 'flows.csv'], { what: 'a test', write: failSecond }),
    (e: Error & { code?: string }) => e.code === 'CORRIDOR_ERR_WRITE' && /disk full.*left as it was/.test(e.message));
  assert.equal(read(dir, 'sources.csv'), sourcesBefore);
  assert.equal(read(dir, 'flows.csv'), flowsBefore);
});
