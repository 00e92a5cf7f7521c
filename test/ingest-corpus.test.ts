// `corridor ingest` on a folder, an RSS feed, an Atom feed and a JSON-lines file; one event told by several outlets
// merged with every source kept (through to the dataset on accept); `corridor events export` as PLOVER JSON lines and
// CSV; bad corpora refused with their file:line, saving nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_DATASET_DIR } from '../src/paths.ts';
import { datesAgree, mergeCorpus } from '../src/events/corpus.ts';
import { ingestText } from '../src/events/extract.ts';
import { EVENTS_METHOD } from '../src/events/method.ts';
import { dayOf } from '../src/events/feeds.ts';
import { FIXTURES, runCli, scratchCopy, scratchDir } from './helpers.ts';

const CORPUS = join(FIXTURES, 'corpus');

interface Sourced { id: string; type: string; source: string | null; targets: string[]; date: string | null; sources: { title: string; source: string | null; url: string | null; published: string | null }[] }
interface CorpusJson { input: { kind: string }; articles: { origin: string; published: string | null; url: string | null; source: string | null }[]; events: Sourced[]; warnings: string[] }

async function ingestJson(path: string, ...args: string[]): Promise<CorpusJson> {
  const r = await runCli('ingest', path, '--json', ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const find = (events: Sourced[], type: string, source: string) => events.filter((e) => e.type === type && e.source === source);

test('a folder: every .txt, .md and .html article in name order, other files left out; two outlets telling one halt merge', async () => {
  const out = await ingestJson(join(CORPUS, 'folder'), '--published', '2024-03-06');
  assert.equal(out.input.kind, 'folder');
  assert.deepEqual(out.articles.map((a) => a.origin.split('/').pop()), ['01-wire.txt', '02-daily.md', '03-other.html']);
  const halts = find(out.events, 'DISRUPTION', 'KAZ');
  assert.equal(halts.length, 1, JSON.stringify(halts));
  // "on Tuesday" before the publication day, Wednesday 6 March 2024: Tuesday 5 March, in both articles.
  assert.equal(halts[0].date, '2024-03-05');
  assert.deepEqual(halts[0].sources.map((s) => s.title), ['Kazakhstan halts oil exports through CPC pipeline', 'CPC shipments stopped']);
  assert.equal(find(out.events, 'AGREE', 'FRA').length, 1);
});

test('an RSS feed: items with their dates, links and publishers (the item\'s <source> over the channel\'s title)', async () => {
  const out = await ingestJson(join(CORPUS, 'feed.xml'));
  assert.equal(out.input.kind, 'feed');
  assert.deepEqual(out.articles.map((a) => [a.published, a.url, a.source]), [
    ['2022-12-05', 'https://example.org/1', 'Energy Wire'],
    ['2022-12-06', 'https://example.org/2', 'Baltic Daily'],
  ]);
  assert.equal(out.events.length, 1);
  const e = out.events[0];
  assert.deepEqual([e.type, e.source, e.targets, e.date], ['SANCTION', 'EU27', ['RUS'], '2022-12-05']);
  assert.deepEqual(e.sources.map((s) => [s.source, s.url]), [['Energy Wire', 'https://example.org/1'], ['Baltic Daily', 'https://example.org/2']]);
});

test('an Atom feed: entries with their published date, link and the feed\'s title as publisher', async () => {
  const out = await ingestJson(join(CORPUS, 'atom.xml'));
  assert.deepEqual(out.articles.map((a) => [a.published, a.url, a.source]), [['2024-03-11', 'https://example.net/a1', 'Caspian Monitor']]);
  assert.deepEqual(out.events.map((e) => [e.type, e.date]), [['AGREE', '2024-03-11']]);
});

test('a JSON-lines file: one article a line (blank lines skipped); reports a day apart of one ban merge', async () => {
  const out = await ingestJson(join(CORPUS, 'articles.jsonl'));
  assert.equal(out.input.kind, 'jsonl');
  assert.equal(out.articles.length, 3);
  assert.deepEqual(out.articles.map((a) => a.origin.split('/').pop()), ['articles.jsonl:1', 'articles.jsonl:3', 'articles.jsonl:4']);
  const bans = find(out.events, 'SANCTION', 'RUS');
  assert.equal(bans.length, 1);
  assert.deepEqual(bans[0].sources.map((s) => [s.source, s.published]), [['Wire A', '2022-06-03'], ['Paper B', '2022-06-04']]);
});

test('merging across articles: same type, parties and a date at most a day apart; symmetric types in any order', () => {
  assert.equal(datesAgree('2024-03-05', '2024-03-06'), true);
  assert.equal(datesAgree('2024-03-05', '2024-03-07'), false);
  assert.equal(datesAgree('2024-03', '2024-03'), true);
  assert.equal(datesAgree('2024-03', '2024-03-01'), false);
  assert.equal(datesAgree(null, null), true);
  assert.equal(datesAgree(null, '2024-03-01'), false);
  const read = (text: string, published: string, source: string) => ({ result: ingestText(text, { published, source }), url: null });
  const merged = mergeCorpus([
    read('France and Kazakhstan signed an agreement on uranium on Monday.', '2024-03-06', 'A'),
    read('Kazakhstan and France signed an agreement on uranium on Monday.', '2024-03-06', 'B'),
    read('France and Kazakhstan signed an agreement on uranium on 1 February 2024.', '2024-03-06', 'C'),
    read('Russia signed an agreement with Kazakhstan on uranium on Monday.', '2024-03-06', 'D'),
  ]);
  const agree = merged.filter((e) => e.type === 'AGREE');
  assert.deepEqual(agree.map((e) => e.sources.map((s) => s.source)), [['A', 'B'], ['C'], ['D']]);
});

test('dates of feeds and lines: RFC 822 and ISO 8601 to a day; impossible days refused', () => {
  assert.equal(dayOf('Mon, 05 Dec 2022 09:00:00 GMT'), '2022-12-05');
  assert.equal(dayOf('2024-03-11T10:00:00Z'), '2024-03-11');
  assert.equal(dayOf('2024-02-30'), null);
  assert.equal(dayOf('soon'), null);
});

test('saved corpus: one candidate per merged event; accepting it lists every article as a source; export as PLOVER JSON lines and CSV', async () => {
  const dir = scratchCopy(DEFAULT_DATASET_DIR);
  const saved = await runCli('ingest', join(CORPUS, 'articles.jsonl'), '--save', '--dataset', dir);
  assert.equal(saved.code, 0, saved.stderr);
  assert.match(saved.stdout, /saved 3 new candidate\(s\) from 3 article\(s\)/);
  const list = JSON.parse((await runCli('events', 'list', '--json', '--dataset', dir)).stdout).candidates as { id: string; event: Sourced }[];
  const ban = list.find((c) => c.event.type === 'SANCTION')!;
  assert.equal(ban.event.sources.length, 2);

  const jsonl = await runCli('events', 'export', '--format', 'plover-jsonl', '--dataset', dir);
  assert.equal(jsonl.code, 0, jsonl.stderr);
  const records = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(records.length, 3);
  const r = records.find((x) => x.id === ban.id);
  // PLOVER's required fields (id, date, actor, event) and its names for the others.
  assert.deepEqual([r.date, r.actor, r.recipient, r.event, r.quad_code, r.event_scale], ['2022-06-03', [{ code: 'RUS' }], [{ code: 'EU27' }], ['SANCTION'], 4, -8]);
  assert.deepEqual(r.cite_info, { title: 'Russia bans uranium exports to the EU', url: 'https://example.com/u1', publication: 'Wire A', coder: `corridor events ${EVENTS_METHOD.version}` });
  assert.deepEqual(r.corridor.sources.map((s: { publication: string }) => s.publication), ['Wire A', 'Paper B']);
  const consult = records.find((x) => x.corridor.type === 'CONSULT');
  assert.deepEqual([consult.event, consult.quad_code], [['CONSULT'], 1]);

  const csv = await runCli('events', 'export', '--format', 'csv', '--dataset', dir);
  assert.equal(csv.code, 0, csv.stderr);
  const parsed = Papa.parse<Record<string, string>>(csv.stdout.trim(), { header: true });
  assert.equal(parsed.data.length, 3);
  assert.deepEqual(parsed.meta.fields?.slice(0, 6), ['id', 'date', 'type', 'plover_event', 'source', 'targets']);
  const row = parsed.data.find((x) => x.id === ban.id)!;
  assert.deepEqual([row.type, row.plover_event, row.source, row.targets, row.publishers, row.urls], ['SANCTION', 'SANCTION', 'RUS', 'EU27', 'Wire A | Paper B', 'https://example.com/u1 https://example.com/u2']);

  const accepted = await runCli('events', 'accept', ban.id, '--json', '--dataset', dir);
  assert.equal(accepted.code, 0, accepted.stderr);
  const event = JSON.parse(accepted.stdout).event as { source: string[] };
  assert.equal(event.source.length, 2);
  const sources = readFileSync(join(dir, 'sources.csv'), 'utf8');
  for (const [id, url] of event.source.map((id, i) => [id, ['https://example.com/u1', 'https://example.com/u2'][i]])) {
    assert.ok(sources.includes(`${id},`) && sources.includes(url), `${id} with ${url} in sources.csv`);
  }
  assert.equal((await runCli('validate', dir)).code, 0);

  const bad = await runCli('events', 'export', '--format', 'xml', '--dataset', dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format expects plover-jsonl or csv, found "xml"/);
});

test('bad corpora: malformed XML, bad JSON line N, no text, bad date, no items, not a feed, empty folder — file:line, exit 2, nothing saved', async () => {
  const tmp = scratchDir('bad-corpus');
  const files: [string, string, RegExp][] = [
    ['bad.xml', '<?xml version="1.0"?>\n<rss><channel>\n<item><title>a</title></item>\n<item><title>b</title></chanel></rss>\n', /bad\.xml:4:\d+: malformed XML: Expected closing tag 'item'/],
    ['bad.jsonl', '{"text": "Russia banned exports."}\n{"text": "broken"\n', /bad\.jsonl:2: bad JSON/],
    ['notext.jsonl', '{"text": "ok"}\n\n{"title": "x"}\n', /notext\.jsonl:3: "text" is missing or empty/],
    ['baddate.jsonl', '{"text": "a", "date": "2024-02-30"}\n', /baddate\.jsonl:1: "date" must be a date written YYYY-MM-DD/],
    ['list.jsonl', '[1, 2]\n', /list\.jsonl:1: expected an object \{title, text, date, url, source\}, found a list/],
    ['empty.jsonl', '\n\n', /empty\.jsonl: no articles/],
    ['noitems.xml', '<?xml version="1.0"?>\n<rss><channel><title>x</title></channel></rss>\n', /noitems\.xml: the feed has no items/],
    ['page.xml', '<?xml version="1.0"?>\n<html><body>x</body></html>\n', /page\.xml: expected an RSS or Atom feed .*found <html>/],
  ];
  const dir = scratchCopy(DEFAULT_DATASET_DIR);
  for (const [name, text, message] of files) {
    writeFileSync(join(tmp, name), text);
    const r = await runCli('ingest', join(tmp, name), '--save', '--dataset', dir);
    assert.equal(r.code, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  mkdirSync(join(tmp, 'empty'));
  writeFileSync(join(tmp, 'empty', 'readme.csv'), 'a,b\n');
  const empty = await runCli('ingest', join(tmp, 'empty'), '--save', '--dataset', dir);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /empty: no articles in the folder \(files ending \.txt, \.md or \.html\)/);
  // A folder with one good and one binary article: refused whole.
  mkdirSync(join(tmp, 'mixed'));
  writeFileSync(join(tmp, 'mixed', 'a.txt'), 'Russia banned exports of uranium to the European Union.\n');
  writeFileSync(join(tmp, 'mixed', 'b.txt'), Buffer.from([0x41, 0x00, 0x42]));
  const mixed = await runCli('ingest', join(tmp, 'mixed'), '--save', '--dataset', dir);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /mixed\/b\.txt: expected UTF-8 text, found binary data/);
  assert.equal(existsSync(join(dir, '.corridor', 'events.sqlite')), false, 'nothing saved');
});

const ROOT = join(import.meta.dirname, '..');
const hasScript = existsSync('/usr/bin/script');

/** Runs the built command under a pseudo-terminal (util-linux `script`): what a user at a terminal sees. */
function onTerminal(args: string): string {
  return execFileSync('/usr/bin/script', ['-qec', `node ${join(ROOT, 'bin', 'corridor.mjs')} ${args} >/dev/null`, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
}

test('a progress bar on a terminal\'s stderr, none with --json', { skip: !hasScript && 'util-linux script is not installed' }, () => {
  execFileSync('node', [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'ignore' });
  const shown = onTerminal(`ingest ${join(CORPUS, 'articles.jsonl')}`);
  assert.match(shown, /\[#+\s*\] 1\/3 articles/);
  assert.match(shown, /\[#{30}\] 3\/3 articles/);
  assert.doesNotMatch(onTerminal(`ingest ${join(CORPUS, 'articles.jsonl')} --json`), /articles\r|\] \d\/3/);
});

test('--impact on a corpus runs each merged event once; events impact ID runs a saved candidate', async () => {
  const out = JSON.parse((await runCli('ingest', join(CORPUS, 'articles.jsonl'), '--impact', '--json')).stdout) as { events: Sourced[]; impact: { event: string; rule: string; changes: unknown[] }[] };
  const ban = find(out.events, 'SANCTION', 'RUS')[0];
  const impacts = out.impact.filter((i) => i.event === ban.id);
  assert.equal(impacts.length, 1);
  assert.deepEqual([impacts[0].rule, impacts[0].changes], ['export_ban_to', [{ type: 'embargo', exporter: 'RUS', importer: 'EU27' }]]);
  const dir = scratchCopy(DEFAULT_DATASET_DIR);
  assert.equal((await runCli('ingest', join(CORPUS, 'articles.jsonl'), '--save', '--dataset', dir)).code, 0);
  const r = await runCli('events', 'impact', ban.id, '--json', '--dataset', dir);
  assert.equal(r.code, 0, r.stderr);
  const i = JSON.parse(r.stdout).impact[0];
  assert.deepEqual([i.event, i.rule, i.commodity, i.year], [ban.id, 'export_ban_to', 'uranium', 2022]);
  // flows.csv: RUS -> EU27 uranium 2022 is 1,979.817 tU, all of it stops.
  const rus = i.result.actors.find((a: { country: string; role: string }) => a.country === 'RUS' && a.role === 'exporter');
  assert.ok(Math.abs(rus.volumeChange + 1979.817) < 1e-6, String(rus.volumeChange));
});
