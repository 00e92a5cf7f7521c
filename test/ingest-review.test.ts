// Review of candidate events: `ingest --save`, `events list|accept|reject|timeline`, and the guarantees of
// accepting: the dataset validates afterwards, duplicates write nothing, and a failed write changes nothing.
// Every test works on a temporary copy of the tiny fixture dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { acceptCandidate } from '../src/store/accept.ts';
import { openCandidateStore, type StoredCandidate } from '../src/store/candidates.ts';
import { scratchCopy as copyFixture, FIXTURES, runCli } from './helpers.ts';

const ARTICLE = join(FIXTURES, 'news', 'kazakh-france-minerals.txt');

/** The bytes of every file of a dataset folder (the store folder left out). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

async function ingestSaved(dir: string, file = ARTICLE, published = '2023-11-02'): Promise<{ id: string; type: string; source: string; targets: string[]; date: string | null }[]> {
  const { code, stdout } = await runCli('ingest', file, '--published', published, '--source', 'Reuters', '--save', '--json', '--dataset', dir);
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  assert.equal(r.saved.added, r.events.length);
  return r.events;
}

test('ingest --save keeps the candidates in DIR/.corridor/events.sqlite; list shows them; saving again adds nothing', async () => {
  const dir = copyFixture('tiny');
  const events = await ingestSaved(dir);
  assert.ok(existsSync(join(dir, '.corridor', 'events.sqlite')));
  const list = await runCli('events', 'list', '--json', '--dataset', dir);
  const listed = JSON.parse(list.stdout).candidates;
  assert.deepEqual(listed.map((c: StoredCandidate) => c.id), events.map((e) => e.id));
  assert.equal(listed[0].article.source, 'Reuters');
  assert.equal(listed[0].article.published, '2023-11-02');
  assert.match(listed[0].article.hash, /^[0-9a-f]{64}$/);
  const again = await runCli('ingest', ARTICLE, '--published', '2023-11-02', '--save', '--json', '--dataset', dir);
  assert.deepEqual(JSON.parse(again.stdout).saved.added, 0);
  rmSync(dir, { recursive: true, force: true });
});

test('accept writes the event and its source; the dataset still validates; a duplicate writes nothing', async () => {
  const dir = copyFixture('tiny');
  const events = await ingestSaved(dir);
  const agree = events.find((e) => e.type === 'AGREE')!;
  const accepted = await runCli('events', 'accept', agree.id, '--json', '--dataset', dir);
  assert.equal(accepted.code, 0, accepted.stderr);
  const a = JSON.parse(accepted.stdout);
  assert.equal(a.status, 'accepted');
  assert.deepEqual(a.written, ['sources.csv', 'datapackage.json', 'events.csv']);
  const { model, problems } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  const [row] = model.tables.event;
  assert.deepEqual([row.date, row.actor, row.targets, row.type, row.tone > 0], ['2023-11-01', 'KAZ', ['FRA'], 'AGREE', true]);
  const source = model.tables.source.find((s) => s.id === row.source[0])!;
  assert.equal(source.publisher, 'Reuters');
  assert.equal(source.year, 2023);
  assert.equal(source.title, 'Kazakhstan and France sign critical minerals roadmap during Macron visit');
  assert.ok(source.note.includes(a.event.note.match(/candidate (\S+)/)[1].split('-')[0]));
  // The same event told by another article (other words, same actor, targets, type and date) is a duplicate.
  const before = snapshot(dir);
  const other = join(dir, 'other.txt');
  writeFileSync(other, 'France and Kazakhstan sign deal\n\nFrance and Kazakhstan signed an agreement on uranium on November 1, officials said.');
  const more = await ingestSaved(dir, other);
  const dup = await runCli('events', 'accept', more[0].id, '--dataset', dir);
  assert.equal(dup.code, 0);
  assert.match(dup.stdout, new RegExp(`duplicate of event ${row.id}.*nothing was written`));
  const after = snapshot(dir);
  delete after['other.txt'];
  delete before['other.txt'];
  assert.deepEqual(after, before);
  const status = JSON.parse((await runCli('events', 'list', '--status', 'duplicate', '--json', '--dataset', dir)).stdout);
  assert.deepEqual(status.candidates.map((c: StoredCandidate) => c.datasetEvent), [row.id]);
  // Accepting twice is refused.
  const twice = await runCli('events', 'accept', agree.id, '--dataset', dir);
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /already accepted/);
  rmSync(dir, { recursive: true, force: true });
});

test('accepting an event that names a state the dataset lacks adds the state to countries.csv', async () => {
  const dir = copyFixture('tiny');
  const file = join(dir, 'uzbek.txt');
  writeFileSync(file, 'Kazakhstan and Uzbekistan signed a memorandum on uranium exploration on Monday.');
  const [e] = await ingestSaved(dir, file, '2024-03-05');
  const r = await runCli('events', 'accept', e.id, '--json', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).addedCountries, ['UZB']);
  const { model, problems } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(model.tables.country.find((c) => c.id === 'UZB'), { id: 'UZB', name: 'Uzbekistan', kind: 'country', region: 'Central Asia' });
  rmSync(dir, { recursive: true, force: true });
});

test('reject marks a candidate; unknown ids and a dataset without saved candidates give clear messages', async () => {
  const dir = copyFixture('tiny');
  let r = await runCli('events', 'list', '--dataset', dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /no candidate events saved/);
  r = await runCli('events', 'accept', 'nope', '--dataset', dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no candidate events saved for .* yet/);
  const events = await ingestSaved(dir);
  r = await runCli('events', 'reject', events[0].id, '--dataset', dir);
  assert.equal(r.code, 0);
  r = await runCli('events', 'list', '--json', '--status', 'rejected', '--dataset', dir);
  assert.deepEqual(JSON.parse(r.stdout).candidates.map((c: StoredCandidate) => c.id), [events[0].id]);
  r = await runCli('events', 'accept', 'nope', '--dataset', dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no candidate event with id "nope" \(waiting for review: /);
  r = await runCli('events', 'list', '--status', 'maybe', '--dataset', dir);
  assert.equal(r.code, 2);
  rmSync(dir, { recursive: true, force: true });
});

function storedCandidate(dir: string, id: string): StoredCandidate {
  const store = openCandidateStore(dir);
  try { return store.get(id)!; } finally { store.close(); }
}

test('an event dated to the month only is written on the first day of the month, and its note says so', async () => {
  const dir = copyFixture('tiny');
  const file = join(dir, 'month.txt');
  writeFileSync(file, 'The EU imposed sanctions on Russia last month.');
  const [e] = await ingestSaved(dir, file, '2024-03-05');
  assert.equal(e.date, '2024-02');
  const r = await runCli('events', 'accept', e.id, '--json', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  const { model, problems } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  assert.equal(model.tables.event[0].date, '2024-02-01');
  assert.match(model.tables.event[0].note, /only to the month \(2024-02\)/);
  rmSync(dir, { recursive: true, force: true });
});

test('a write that fails half-way leaves every file of the dataset as it was', async () => {
  const dir = copyFixture('tiny');
  const events = await ingestSaved(dir);
  const candidate = storedCandidate(dir, events[0].id);
  const before = snapshot(dir);
  let writes = 0;
  assert.throws(() => acceptCandidate(dir, candidate, {
    write: (path, content) => {
      // sources.csv and datapackage.json are replaced, then events.csv fails (a full disk, say).
      if (path.endsWith('events.csv')) throw new Error('ENOSPC: no space left on device');
      writeFileSync(path, content);
      writes++;
    },
  }), (e: Error & { code?: string }) => e.code === 'CORRIDOR_ERR_WRITE' && /left as it was/.test(e.message));
  assert.equal(writes, 2);
  assert.deepEqual(snapshot(dir), before);
  assert.deepEqual(readDataset(dir).problems.errors, []);
  rmSync(dir, { recursive: true, force: true });
});

test('a write the file system refuses: accept fails with a message, and the files already replaced are put back', async () => {
  const dir = copyFixture('tiny');
  const events = await ingestSaved(dir);
  // Block the temporary file that the new events.csv is written to (a folder in its place), so the last
  // write fails for real, after sources.csv has been replaced (this works as root too, unlike chmod).
  const blocker = join(dir, `events.csv.${process.pid}.tmp`);
  mkdirSync(blocker);
  const before = snapshot(dir);
  try {
    const r = await runCli('events', 'accept', events[0].id, '--dataset', dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^corridor: could not finish accepting .* the dataset was left as it was\n$/);
    assert.deepEqual(snapshot(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a change that would not validate is refused and nothing is written', async () => {
  const dir = copyFixture('tiny');
  const events = await ingestSaved(dir);
  const candidate = storedCandidate(dir, events[0].id);
  const before = snapshot(dir);
  // A candidate tampered with in the store: tone outside -10..10.
  const tampered: StoredCandidate = { ...candidate, event: { ...candidate.event, tone: 50 } };
  assert.throws(() => acceptCandidate(dir, tampered), (e: Error & { code?: string; details?: string[] }) =>
    e.code === 'CORRIDOR_ERR_DATASET_INVALID' && /would leave dataset .* invalid, so nothing was changed/.test(e.message) && e.details!.some((d) => d.includes('tone')));
  // A candidate naming something that is neither a state nor a bloc of the dataset.
  const unknown: StoredCandidate = { ...candidate, event: { ...candidate.event, targets: ['XYZ'] } };
  assert.throws(() => acceptCandidate(dir, unknown), /names "XYZ", which the dataset does not declare/);
  // A candidate without a date or an acting state cannot become an event.
  assert.throws(() => acceptCandidate(dir, { ...candidate, event: { ...candidate.event, date: null } }), /has no date/);
  assert.throws(() => acceptCandidate(dir, { ...candidate, event: { ...candidate.event, source: null } }), /names no acting state/);
  assert.deepEqual(snapshot(dir), before);
  rmSync(dir, { recursive: true, force: true });
});

test('timeline lists the dataset\'s events in date order, filtered by actor', async () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'events.csv'), [
    'id,date,actor,targets,type,tone,commodities,routes,summary,source,estimated,note',
    'b,2024-02-01,RUS,KAZ,THREATEN,-7,crude_oil,cpc,Russia threatened to limit CPC flows.,hand,,',
    'a,2023-11-01,FRA,KAZ,AGREE,6,,,France and Kazakhstan signed a roadmap.,hand,,',
    'c,2024-01-15,USA,,STATEMENT,0,,,The United States commented.,hand,,',
  ].join('\n') + '\n');
  let r = await runCli('events', 'timeline', '--json', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).events.map((e: { id: string }) => e.id), ['a', 'c', 'b']);
  r = await runCli('events', 'timeline', '--actor', 'kaz', '--dataset', dir);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.slice(0, 10)), ['2023-11-01', '2024-02-01']);
  r = await runCli('events', 'timeline', '--actor', 'ZZZ', '--dataset', dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown actor "ZZZ" \(available: KAZ, RUS/);
  rmSync(dir, { recursive: true, force: true });
});
