// Writing a dataset: several files change together or not at all, durably, staged beside the dataset; rows are
// appended keeping what the file holds (columns the schema does not know included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendRows, removeLeftovers, replaceDatasetFiles, writeFileAtomic } from '../src/data/write.ts';
import { readDataset } from '../src/data/read.ts';
import { entityByName } from '../src/schema/entities.ts';
import { scratchCopy as copyFixture, scratchDir } from './helpers.ts';

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

const COUNTRY = entityByName('country');
const UZB = { id: 'UZB', name: 'Uzbekistan', kind: 'country', region: 'Central Asia' };

test('appendRows keeps the rows already there byte for byte, and columns the schema does not know with their cells', () => {
  const text = '\ufeffid,name,kind,region,analyst_comment\nKAZ,"Kazakhstan",country,Central Asia,"checked, 2024"\n';
  assert.equal(appendRows(text, COUNTRY, [UZB]), `${text}UZB,Uzbekistan,country,Central Asia,\n`);
  // CRLF line ends stay CRLF; a last line without its line end gets one.
  assert.equal(appendRows('id,name,kind,region,x\r\nKAZ,Kazakhstan,country,,1\r\n', COUNTRY, [UZB]), 'id,name,kind,region,x\r\nKAZ,Kazakhstan,country,,1\r\nUZB,Uzbekistan,country,Central Asia,\r\n');
  assert.equal(appendRows('id,name,kind,region\nKAZ,Kazakhstan,country,', COUNTRY, [UZB]), 'id,name,kind,region\nKAZ,Kazakhstan,country,\nUZB,Uzbekistan,country,Central Asia\n');
  // Unknown columns anywhere in the header, in their place.
  assert.equal(appendRows('x,id,name,kind,region\n7,KAZ,Kazakhstan,country,\n', COUNTRY, [UZB]), 'x,id,name,kind,region\n7,KAZ,Kazakhstan,country,\n,UZB,Uzbekistan,country,Central Asia\n');
});

test('appendRows adds a declared column the file lacks (empty in the old rows), and writes a new table with every column', () => {
  assert.equal(appendRows('name,id,kind,note\nKazakhstan,KAZ,country,mine\n', COUNTRY, [UZB]),
    'name,id,kind,note,region\nKazakhstan,KAZ,country,mine,\nUzbekistan,UZB,country,,Central Asia\n');
  assert.equal(appendRows(undefined, COUNTRY, [UZB]), 'id,name,kind,region\nUZB,Uzbekistan,country,Central Asia\n');
});

/** Counts calls of fs functions made by `fn` (named imports of node:fs see the patched ones). */
function spyFs<T>(names: string[], fn: () => T): { result: T; calls: Record<string, unknown[][]> } {
  const calls: Record<string, unknown[][]> = {};
  const originals = new Map<string, unknown>();
  const f = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of names) {
    originals.set(name, f[name]);
    calls[name] = [];
    const original = f[name];
    f[name] = (...args: unknown[]) => { calls[name].push(args); return original(...args); };
  }
  syncBuiltinESMExports();
  try {
    return { result: fn(), calls };
  } finally {
    for (const [name, original] of originals) f[name] = original as (...a: unknown[]) => unknown;
    syncBuiltinESMExports();
  }
}

test('writeFileAtomic flushes the file and its folder to disk before and after the rename', () => {
  const dir = scratchDir('fsync');
  const { calls } = spyFs(['fsyncSync', 'renameSync'], () => writeFileAtomic(join(dir, 'a.csv'), 'x\n'));
  assert.equal(readFileSync(join(dir, 'a.csv'), 'utf8'), 'x\n');
  assert.equal(calls.renameSync.length, 1);
  assert.ok(calls.fsyncSync.length >= 2, `fsync called ${calls.fsyncSync.length} time(s)`);
  assert.deepEqual(readdirSync(dir), ['a.csv']);
});

test('replaceDatasetFiles stages inside DIR/.corridor/ (never in the temporary folder) and leaves nothing there', () => {
  const dir = copyFixture('tiny');
  const sources = read(dir, 'sources.csv') + 'extra,Another source,,,2024,\n';
  const { calls } = spyFs(['mkdtempSync'], () => replaceDatasetFiles(dir, new Map([['sources.csv', sources]]), ['sources.csv'], { what: 'a test' }));
  assert.equal(calls.mkdtempSync.length, 1);
  assert.ok(String(calls.mkdtempSync[0][0]).startsWith(join(dir, '.corridor', `stage-${process.pid}-`)), String(calls.mkdtempSync[0][0]));
  assert.ok(!String(calls.mkdtempSync[0][0]).startsWith(tmpdir() + '/corridor-stage'));
  assert.deepEqual(readdirSync(join(dir, '.corridor')), []);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('removeLeftovers removes the temporary files and staging folders of dead writers only', () => {
  const dir = copyFixture('tiny');
  mkdirSync(join(dir, '.corridor', 'stage-111-x'), { recursive: true });
  mkdirSync(join(dir, '.corridor', 'stage-222-y'));
  for (const f of ['events.csv.111.tmp', 'datapackage.json.111.tmp', 'flows.csv.222.tmp', 'notes.111.tmp', `events.csv.${process.pid}.tmp`]) writeFileSync(join(dir, f), 'x');
  const removed = removeLeftovers(dir, (pid) => pid === 111);
  assert.deepEqual(removed.sort(), ['.corridor/stage-111-x', 'datapackage.json.111.tmp', 'events.csv.111.tmp']);
  assert.ok(existsSync(join(dir, 'flows.csv.222.tmp')) && existsSync(join(dir, 'notes.111.tmp')) && existsSync(join(dir, `events.csv.${process.pid}.tmp`)));
  assert.deepEqual(readdirSync(join(dir, '.corridor')), ['stage-222-y']);
});
