// Accepting candidates loses nothing and leaves nothing behind: concurrent accepts (real processes) both land,
// the write lock is waited for, taken over when stale and refused when held too long, and an accept killed at a
// random point leaves a valid dataset whose events.csv and candidate store agree after the next writer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { acceptCandidate } from '../src/store/accept.ts';
import { openCandidateStore, type StoredCandidate } from '../src/store/candidates.ts';
import { lockPath } from '../src/store/lock.ts';
import { FIXTURES, runCli, scratchCopy } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'corridor.mjs');
const DEFAULT = join(ROOT, 'data', 'default');
const KAZ_FRA = join(FIXTURES, 'news', 'kazakh-france-minerals.txt');
const RAIL = join(FIXTURES, 'news', 'central-asia-rail.txt');
// Candidates of the two articles that are new events for the default dataset.
const INVEST = '9f02cb93-3';
const ACCUSE = '7cfcadab-4';

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

/** Runs the compiled CLI as a child process; `killAfterMs` sends SIGKILL after that long. */
function corridor(args: string[], options: { killAfterMs?: number; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done) => {
    const start = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...options.env }, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - start });
    });
  });
}

async function ingest(dir: string, file: string, published: string): Promise<void> {
  const r = await runCli('ingest', file, '--published', published, '--save', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
}

/** A copy of the default dataset with the candidates of both news fixtures saved. */
let template: string | undefined;
async function withCandidates(): Promise<string> {
  if (!template) {
    template = scratchCopy(DEFAULT);
    await ingest(template, KAZ_FRA, '2023-11-02');
    await ingest(template, RAIL, '2024-06-07');
  }
  return scratchCopy(template, { store: true });
}

function stored(dir: string, id: string): StoredCandidate {
  const store = openCandidateStore(dir);
  try { return store.get(id)!; } finally { store.close(); }
}

/** Ids of the events.csv rows accepted from a candidate (its id is in their note). */
function rowsOf(dir: string, candidate: string): string[] {
  return readDataset(dir).model.tables.event.filter((e) => e.note.includes(`from candidate ${candidate} (`)).map((e) => e.id);
}

/** What a writer may leave in a dataset folder: the tables, the descriptor and the candidate store. */
function leftovers(dir: string): string[] {
  const top = readdirSync(dir).filter((f) => !(f.endsWith('.csv') || f === 'datapackage.json' || f === '.corridor'));
  const work = existsSync(join(dir, '.corridor')) ? readdirSync(join(dir, '.corridor')).filter((f) => !/^events\.sqlite(-wal|-shm)?$/.test(f)).map((f) => `.corridor/${f}`) : [];
  return [...top, ...work];
}

function stagingInTmp(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('corridor-stage-'));
}

/** Checks that the store and events.csv agree about a candidate that ended accepted. */
function assertAcceptedOnce(dir: string, id: string, label: string): void {
  const rows = rowsOf(dir, id);
  assert.equal(rows.length, 1, `${label}: ${id} has ${rows.length} rows in events.csv`);
  const c = stored(dir, id);
  assert.equal(c.status, 'accepted', `${label}: ${id} is ${c.status} in the store`);
  assert.equal(c.datasetEvent, rows[0], `${label}: the store names ${c.datasetEvent}, events.csv has ${rows[0]}`);
}

test('two accepts run at once (separate processes) both land in events.csv and in the store, 10 rounds of 10', async () => {
  for (let round = 1; round <= 10; round++) {
    const dir = await withCandidates();
    // From round 6 on, both find a stale lock at the start: only one may take it over.
    if (round > 5) writeLock(dir, { pid: deadPid() });
    const [a, b] = await Promise.all([corridor(['events', 'accept', INVEST, '--dataset', dir]), corridor(['events', 'accept', ACCUSE, '--dataset', dir])]);
    assert.equal(a.code, 0, `round ${round}: ${a.stderr}`);
    assert.equal(b.code, 0, `round ${round}: ${b.stderr}`);
    assert.match(a.stdout, /^accepted /);
    assert.match(b.stdout, /^accepted /);
    assert.deepEqual(readDataset(dir).problems.errors, []);
    assertAcceptedOnce(dir, INVEST, `round ${round}`);
    assertAcceptedOnce(dir, ACCUSE, `round ${round}`);
    assert.deepEqual(leftovers(dir), []);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A process that stays alive until killed (its pid stands for a live lock owner). */
function sleeper(script = 'setTimeout(() => {}, 60000)'): ChildProcess {
  return spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(dir: string, owner: { pid: number; host?: string; what?: string }): string {
  const path = lockPath(dir);
  mkdirSync(join(dir, '.corridor'), { recursive: true });
  writeFileSync(path, JSON.stringify({ host: hostname(), time: new Date().toISOString(), what: 'accepting x', ...owner }));
  return path;
}

async function withLockWait<T>(seconds: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.CORRIDOR_LOCK_WAIT;
  process.env.CORRIDOR_LOCK_WAIT = seconds;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.CORRIDOR_LOCK_WAIT;
    else process.env.CORRIDOR_LOCK_WAIT = before;
  }
}

test('a lock left by a process that no longer runs is taken over', async () => {
  const dir = await withCandidates();
  const path = writeLock(dir, { pid: deadPid() });
  const r = await runCli('events', 'accept', INVEST, '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  assertAcceptedOnce(dir, INVEST, 'stale lock');
  assert.equal(existsSync(path), false, 'the lock is released');
});

test('a live lock is waited for, then refused with a message naming its owner; nothing changes', async () => {
  const dir = await withCandidates();
  const owner = sleeper();
  try {
    const path = writeLock(dir, { pid: owner.pid!, what: 'accepting abc-1' });
    const before = readFileSync(join(dir, 'events.csv'), 'utf8');
    const r = await withLockWait('0.3', () => runCli('events', 'accept', INVEST, '--dataset', dir));
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`is being changed by accepting abc-1 \\(pid ${owner.pid} on ${hostname()}, since .*\\); waited 0\\.[3-9] s, nothing was changed`));
    assert.ok(r.stderr.includes(`delete ${path}`), r.stderr);
    assert.equal(readFileSync(join(dir, 'events.csv'), 'utf8'), before);
    assert.equal(stored(dir, INVEST).status, 'candidate');
    assert.ok(existsSync(path), 'a live lock is left alone');
    // A lock of another host cannot be checked: it is waited for and refused too, never taken over.
    writeLock(dir, { pid: 1, host: 'elsewhere.example' });
    const other = await withLockWait('0.1', () => runCli('events', 'reject', INVEST, '--dataset', dir));
    assert.equal(other.code, 1);
    assert.match(other.stderr, /pid 1 on elsewhere\.example/);
  } finally {
    owner.kill('SIGKILL');
  }
});

test('a writer waits while another holds the lock, and goes on when it is released', async () => {
  const dir = await withCandidates();
  const path = lockPath(dir);
  // The owner (a child process) releases the lock after 400 ms.
  const owner = sleeper(`setTimeout(() => require('fs').rmSync(${JSON.stringify(path)}), 400); setTimeout(() => {}, 5000)`);
  try {
    writeLock(dir, { pid: owner.pid! });
    const r = await corridor(['events', 'accept', INVEST, '--dataset', dir], { env: { CORRIDOR_LOCK_WAIT: '20' } });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.ms >= 300, `took ${r.ms} ms`);
    assertAcceptedOnce(dir, INVEST, 'waited');
  } finally {
    owner.kill('SIGKILL');
  }
});

test('accept keeps columns events.csv and sources.csv have beyond the schema, with every cell; new rows get them empty', async () => {
  const dir = await withCandidates();
  const addColumn = (file: string) => {
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    writeFileSync(path, lines.map((l, i) => `${l},${i === 0 ? 'analyst_comment' : `"c${i}, checked"`}`).join('\n') + '\n');
    return readFileSync(path, 'utf8');
  };
  const events = addColumn('events.csv');
  const sources = addColumn('sources.csv');
  const r = await runCli('events', 'accept', INVEST, '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  for (const [file, before] of [['events.csv', events], ['sources.csv', sources]]) {
    const after = readFileSync(join(dir, file), 'utf8');
    assert.ok(after.startsWith(before), `${file}: the rows already there are kept as written`);
    const added = after.slice(before.length).trimEnd().split('\n');
    assert.equal(added.length, 1, file);
    assert.ok(added[0].endsWith(','), `${file}: the new row has an empty analyst_comment: ${added[0]}`);
    assert.equal([...after.matchAll(/"c\d+, checked"/g)].length, before.trimEnd().split('\n').length - 1, file);
  }
  const { problems, model } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  assert.equal(model.tables.event.length, events.trimEnd().split('\n').length);
});

test('accept keeps an unknown column of countries.csv (CRLF line ends) when it adds a state', async () => {
  const dir = scratchCopy('tiny');
  const path = join(dir, 'countries.csv');
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const before = lines.map((l, i) => `${l},${i === 0 ? 'analyst_comment' : 'kept'}`).join('\r\n') + '\r\n';
  writeFileSync(path, before);
  const file = join(dir, 'uzbek.txt');
  writeFileSync(file, 'Kazakhstan and Uzbekistan signed a memorandum on uranium exploration on Monday.');
  await ingest(dir, file, '2024-03-05');
  const [c] = openStoreList(dir);
  const r = await runCli('events', 'accept', c, '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  const after = readFileSync(path, 'utf8');
  assert.equal(after, `${before}UZB,Uzbekistan,country,Central Asia,\r\n`);
  assert.deepEqual(readDataset(dir).problems.errors, []);
});

function openStoreList(dir: string): string[] {
  const store = openCandidateStore(dir);
  try { return store.list('candidate').map((c) => c.id); } finally { store.close(); }
}

test('an accept interrupted after writing events.csv is recorded as accepted by the retry, not as a duplicate of itself', async () => {
  const dir = await withCandidates();
  // What a kill between the CSV write and the store update leaves: the row is written, the store still waits.
  const written = acceptCandidate(dir, stored(dir, INVEST));
  assert.equal(stored(dir, INVEST).status, 'candidate');
  const r = await runCli('events', 'accept', INVEST, '--json', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.status, 'accepted');
  assert.equal(out.event.id, written.eventId);
  assert.deepEqual(out.written, []);
  assertAcceptedOnce(dir, INVEST, 'retry');
  // The next writer records it too, whatever it does: here the retry is a reject, which is refused.
  const other = await withCandidates();
  acceptCandidate(other, stored(other, ACCUSE));
  const reject = await runCli('events', 'reject', ACCUSE, '--dataset', other);
  assert.equal(reject.code, 2);
  assert.match(reject.stderr, /already accepted as event .*remove that row from events\.csv to undo it/);
  assertAcceptedOnce(other, ACCUSE, 'reject');
});

test('a candidate marked a duplicate of its own event (by an earlier version) is recorded as accepted', async () => {
  const dir = await withCandidates();
  const written = acceptCandidate(dir, stored(dir, INVEST));
  const store = openCandidateStore(dir);
  try { store.review(INVEST, 'duplicate', new Date().toISOString(), written.eventId, 'same actor'); } finally { store.close(); }
  const r = await runCli('events', 'reject', ACCUSE, '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  assertAcceptedOnce(dir, INVEST, 'reconciled');
});

test('what killed writers left (temporary files, staging folders) is removed by the next writer; a live writer\'s is kept', async () => {
  const dir = await withCandidates();
  const dead = deadPid();
  const live = sleeper();
  try {
    writeFileSync(join(dir, `events.csv.${dead}.tmp`), 'half');
    writeFileSync(join(dir, `datapackage.json.${dead}.tmp`), '{');
    mkdirSync(join(dir, '.corridor', `stage-${dead}-abc123`));
    writeFileSync(join(dir, '.corridor', `stage-${dead}-abc123`, 'events.csv'), 'half');
    writeFileSync(join(dir, `sources.csv.${live.pid}.tmp`), 'someone else');
    const r = await runCli('events', 'accept', INVEST, '--dataset', dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(leftovers(dir), [`sources.csv.${live.pid}.tmp`]);
  } finally {
    live.kill('SIGKILL');
  }
});

test('accept killed (SIGKILL) at random points, 30 times: the dataset validates, each event is written at most once, the retry agrees with the store, nothing is left behind', async (t) => {
  const stagingBefore = stagingInTmp().length;
  // How long a whole accept takes here, to spread the kills over it.
  const reference = await withCandidates();
  const full = await corridor(['events', 'accept', ACCUSE, '--dataset', reference]);
  assert.equal(full.code, 0, full.stderr);
  rmSync(reference, { recursive: true, force: true });
  const outcomes: Record<string, number> = {};
  for (let round = 1; round <= 30; round++) {
    const dir = await withCandidates();
    const id = round % 2 ? INVEST : ACCUSE;
    // Half the kills anywhere in the run, half near its end, where the files are replaced and the store updated.
    const delay = Math.floor(full.ms * (round % 4 < 2 ? Math.random() * 1.1 : 0.7 + Math.random() * 0.35));
    const killed = await corridor(['events', 'accept', id, '--dataset', dir], { killAfterMs: delay });
    const label = `round ${round} (killed after ${delay} ms of ${full.ms})`;
    // Right after the kill: valid, and the event at most once.
    assert.deepEqual(readDataset(dir).problems.errors, [], label);
    assert.ok(rowsOf(dir, id).length <= 1, label);
    const inCsv = rowsOf(dir, id).length === 1;
    const inStore = stored(dir, id).status === 'accepted';
    // The retry: accepted now, accepted from the row already written, or already accepted by the killed run.
    const retry = await runCli('events', 'accept', id, '--dataset', dir);
    const outcome = retry.code === 2 && /already accepted/.test(retry.stderr) ? 'finished before the kill'
      : /already in events\.csv/.test(retry.stdout) ? 'killed after writing events.csv'
      : /^accepted .*; wrote /.test(retry.stdout) ? 'killed before writing events.csv' : `unexpected: ${retry.code} ${retry.stdout} ${retry.stderr}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    assert.ok(!outcome.startsWith('unexpected'), `${label}: ${outcome}`);
    if (inStore) assert.ok(inCsv, `${label}: the store says accepted but events.csv lacks the event`);
    assert.deepEqual(readDataset(dir).problems.errors, [], label);
    assertAcceptedOnce(dir, id, label);
    assert.deepEqual(leftovers(dir), [], label);
    rmSync(dir, { recursive: true, force: true });
  }
  t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}`);
  assert.equal(stagingInTmp().length, stagingBefore, 'no staging folder in the temporary folder');
});

test('the lock file names its owner while an accept runs and is gone after', async () => {
  const dir = await withCandidates();
  const path = lockPath(dir);
  const child = corridor(['events', 'accept', INVEST, '--dataset', dir]);
  let seen: { pid: number; host: string; time: string; what: string } | undefined;
  for (let i = 0; i < 400 && !seen; i++) {
    try { seen = JSON.parse(readFileSync(path, 'utf8')); } catch { await new Promise((r) => setTimeout(r, 5)); }
  }
  const r = await child;
  assert.equal(r.code, 0, r.stderr);
  assert.ok(seen, 'the lock was seen');
  assert.equal(seen.host, hostname());
  assert.equal(seen.what, `accepting ${INVEST}`);
  assert.ok(Number.isInteger(seen.pid) && !Number.isNaN(Date.parse(seen.time)));
  assert.equal(existsSync(path), false);
  assert.ok(statSync(dir).isDirectory());
});
