// `corridor ingest`: the JSON output, standard input, and bad input (empty, binary, 50 MB, not English,
// HTML, random strings) that must give a clear message or an empty result with a warning, never a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { ingestText, EVENTS_METHOD } from '../src/events/index.ts';
import { stripHtml } from '../src/events/text.ts';
import { FIXTURES, runCli } from './helpers.ts';

const TINY = join(FIXTURES, 'tiny');
const ARTICLE = join(FIXTURES, 'news', 'kazakh-france-minerals.txt');
const ROOT = resolve(import.meta.dirname, '..');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'corridor-ingest-'));
}

test('ingest of a wire story: one candidate for headline and lead, no bypassed state as a party, no reported event dated ahead', async () => {
  const { code, stdout } = await runCli('ingest', join(FIXTURES, 'news', 'central-asia-rail.txt'), '--published', '2024-06-07', '--json', '--dataset', TINY);
  assert.equal(code, 0);
  const r = JSON.parse(stdout) as { events: { type: string; source: string; targets: string[]; date: string; hedged: boolean }[] };
  // Headline and lead: one AGREE of China, Kyrgyzstan and Uzbekistan on Thursday 6 June (published Friday 7 June).
  assert.equal(r.events.filter((e) => e.type === 'AGREE').length, 1);
  assert.ok(r.events.every((e) => !e.targets.includes('RUS')), '"bypassing Russia"');
  assert.ok(r.events.every((e) => e.hedged || e.date <= '2024-06-07'), 'a reported event dated after publication');
  // "halted gas exports to China for two days last week": 7 June - 7 days.
  assert.equal(r.events.find((e) => e.source === 'TKM')?.date, '2024-05-31');
});

test('ingest --json gives actors, events with every field of the spec, warnings, the method and the dataset hash', async () => {
  const { code, stdout } = await runCli('ingest', ARTICLE, '--published', '2023-11-02', '--source', 'Reuters', '--json', '--dataset', TINY);
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  assert.deepEqual(r.method, EVENTS_METHOD);
  assert.match(r.dataset, /^[0-9a-f]{16}$/);
  assert.ok(Array.isArray(r.warnings));
  for (const a of r.actors) assert.deepEqual(['name', 'state', 'role'].filter((k) => !(k in a)), []);
  assert.ok(r.actors.some((a: { name: string; state: string; role: string }) => a.name === 'Emmanuel Macron' && a.state === 'FRA' && a.role === 'President'));
  const [first] = r.events;
  for (const key of ['id', 'type', 'source', 'targets', 'date', 'tone', 'commodities', 'routes', 'sentence', 'confidence']) assert.ok(key in first, key);
  // "ASTANA, Nov 1 - Kazakhstan and France signed a roadmap … on Wednesday": 1 November 2023 was a Wednesday.
  assert.deepEqual([first.type, first.source, first.targets, first.date], ['AGREE', 'KAZ', ['FRA'], '2023-11-01']);
  assert.ok(first.tone > 0);
  // The tiny dataset has crude_oil and the cpc route: they link; the Middle Corridor does not exist there.
  const all = r.events.flatMap((e: { commodities: { id: string }[]; routes: { id: string | null; name: string }[] }) => [...e.commodities, ...e.routes]);
  assert.ok(all.some((x: { id: string | null }) => x.id === 'crude_oil'));
  assert.ok(all.some((x: { id: string | null }) => x.id === 'cpc'));
  assert.ok(all.some((x: { id: string | null; name: string }) => x.id === null && x.name === 'Middle Corridor'));
  // TASS is quoted as the source of the report: attribution, not an actor.
  assert.ok(!r.actors.some((a: { name: string }) => a.name === 'TASS'));
  assert.ok(r.attributions.some((a: { name: string }) => a.name === 'TASS'));
});

test('ingest - reads standard input (a real process)', () => {
  const result = spawnSync(process.execPath, ['bin/corridor.mjs', 'ingest', '-', '--published', '2024-03-05', '--json', '--dataset', TINY], {
    cwd: ROOT, input: 'The EU imposed sanctions on Russia on Monday, Reuters reported.', encoding: 'utf8', env: { ...process.env, TZ: 'UTC' },
  });
  assert.equal(result.status, 0, result.stderr);
  const r = JSON.parse(result.stdout);
  assert.deepEqual(r.events.map((e: { type: string; source: string; targets: string[]; date: string }) => [e.type, e.source, e.targets, e.date]),
    [['SANCTION', 'EU27', ['RUS'], '2024-03-04']]);
});

test('bad arguments: a missing file, a folder, a malformed --published give one line and exit code 2', async () => {
  for (const args of [['no-such-file.txt'], [FIXTURES], [ARTICLE, '--published', '2023-02-30'], [ARTICLE, '--published', 'yesterday']]) {
    const { code, stderr } = await runCli('ingest', ...args, '--dataset', TINY);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /^corridor: /);
  }
});

test('empty input gives an empty result with a warning', async () => {
  const dir = temp();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n\t ');
  for (const f of ['empty.txt', 'blank.txt']) {
    const { code, stdout } = await runCli('ingest', join(dir, f), '--json', '--dataset', TINY);
    assert.equal(code, 0);
    const r = JSON.parse(stdout);
    assert.deepEqual(r.events, []);
    assert.match(r.warnings.join(' '), /empty input/);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('binary data and text in another encoding are refused with a clear message', async () => {
  const dir = temp();
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Kazakhstan sign\xe9 un accord', 'latin1'));
  let r = await runCli('ingest', join(dir, 'image.png'), '--dataset', TINY);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /expected UTF-8 text, found binary data \(a NUL byte at byte 8\)/);
  r = await runCli('ingest', join(dir, 'latin1.txt'), '--dataset', TINY);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not UTF-8/);
  rmSync(dir, { recursive: true, force: true });
  // The library, given a string full of control characters, returns nothing and says why.
  const lib = ingestText('\u0001\u0002\u0003abc\u0004\u0005'.repeat(100));
  assert.deepEqual(lib.events, []);
  assert.match(lib.warnings.join(' '), /binary/);
});

test('a 50 MB file is refused at once with a message naming the limit', async () => {
  const dir = temp();
  const path = join(dir, 'huge.txt');
  const fd = openSync(path, 'w');
  const chunk = 'Kazakhstan and France signed an agreement on uranium on Monday. '.repeat(16_000);
  for (let bytes = 0; bytes < 50 * 2 ** 20; bytes += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  const t0 = performance.now();
  const { code, stderr } = await runCli('ingest', path, '--dataset', TINY);
  assert.ok(performance.now() - t0 < 2000, 'the size is checked before reading');
  assert.equal(code, 2);
  assert.match(stderr, /expected at most 4 MiB of text .*found 50\.\d MiB; split the file into articles/);
  rmSync(dir, { recursive: true, force: true });
});

test('text that is not English gives an empty result with a warning', () => {
  for (const text of [
    'Казахстан и Франция подписали соглашение о критически важных минералах в среду, сообщили официальные лица в Астане.',
    'Kasachstan und Frankreich haben am Mittwoch ein Abkommen über kritische Rohstoffe unterzeichnet, teilte die Regierung mit.',
    '哈萨克斯坦和法国周三签署了关于关键矿产的协议。',
  ]) {
    const r = ingestText(text, { published: '2023-11-02' });
    assert.deepEqual(r.events, [], text);
    assert.match(r.warnings.join(' '), /does not look like English/, text);
  }
});

test('HTML is read as text, with offsets into the HTML as given', () => {
  const html = '<!DOCTYPE html><html><head><title>News</title><script>var x = "Russia threatened";</script></head><body>' +
    '<h1>Deal signed</h1><p>Kazakhstan and France signed an agreement on uranium on Monday.</p><p>AT&amp;T was not involved.</p></body></html>';
  const r = ingestText(html, { published: '2024-03-05' });
  assert.match(r.warnings.join(' '), /looks like HTML/);
  assert.equal(r.events.length, 1);
  const e = r.events[0];
  assert.equal(e.type, 'AGREE');
  assert.equal(html.slice(e.sentence.start, e.sentence.end), 'Kazakhstan and France signed an agreement on uranium on Monday.');
  assert.ok(!r.actors.some((a) => a.state === 'RUS'), 'script content is not read');
});

// What stripHtml blanks, as regular expressions: plain to read, but they search to the end of the text again from
// every opening that is never closed ("<script <script …"). stripHtml must find the same in one pass.
function stripHtmlByRegex(text: string): string {
  const blank = (n: number, lead = ''): string => (lead + ' '.repeat(Math.max(0, n - lead.length))).slice(0, n);
  const block = /^<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|article|section|header|footer|title|blockquote|hr|figure|figcaption|main|nav|aside)\b/i;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (m) => blank(m.length, '\n\n'))
    .replace(/<!--[\s\S]*?-->/g, (m) => blank(m.length))
    .replace(/<\/?[A-Za-z!][^<>]{0,2000}>/g, (m) => (block.test(m) ? blank(m.length, m.length >= 3 ? '\n\n' : '\n') : blank(m.length)))
    .replace(/&([a-z]{2,8});/gi, (m, body: string) => (entities[body.toLowerCase()] === undefined ? m : blank(m.length, entities[body.toLowerCase()])));
}

test('property: scripts, styles, comments and tags are blanked as the regular expressions say, closed or not', () => {
  const pieces = fc.constantFrom('<script', '<SCRIPT', '<style', '<template x', '<noscript', '</script>', '</SCRIPT >', '</style>',
    '</template>', '</noscript>', '<scripts', '<!--', '-->', '--', '-', '->', '>', '<', '<p>', '</div>', '&amp;', '&nbsp;', 'text', ' ', '\n');
  fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), (list) => {
    const text = list.join('');
    assert.equal(stripHtml(text), stripHtmlByRegex(text));
  }), { numRuns: 2000 });
});

test('property: random strings never crash ingest, and every offset lies within the text', () => {
  const words = fc.constantFrom('Kazakhstan', 'signed', 'the', 'EU', 'sanctions', 'on', 'Russia', 'Moscow', 'said', 'Reuters', '.', ',', '\n\n',
    'last week', 'on Tuesday', 'crude oil', 'CPC', "'s", 'did not', '<p>', '&amp;', 'Kremlin', 'French president', '"', '\u0000', 'é', '日本');
  const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.array(words, { maxLength: 60 }).map((w) => w.join(' ')));
  fc.assert(fc.property(text, fc.option(fc.constantFrom('2024-03-05', '2020-02-29', '1999-12-31'), { nil: undefined }), (input, published) => {
    const r = ingestText(input, { published });
    for (const e of r.events) {
      assert.ok(e.sentence.start >= 0 && e.sentence.start < e.sentence.end && e.sentence.end <= input.length);
      assert.ok(e.confidence >= 0 && e.confidence <= 1);
      assert.ok(e.tone >= -10 && e.tone <= 10);
    }
    for (const a of r.actors) assert.ok(a.start >= 0 && a.start < a.end && a.end <= input.length);
    for (const a of r.attributions) assert.ok(a.start >= 0 && a.end <= input.length);
  }), { numRuns: 300, seed: 20240305 });
});

test('ingest lists the states only mentioned: on one line of text, in --json, and as the mentions table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-mentions-'));
  try {
    const file = join(dir, 'a.txt');
    // Kazakhstan and Georgia sign; "Chinese containers" and "Russian ports" only qualify things.
    writeFileSync(file, 'Kazakhstan signed a rail agreement with Georgia on Monday to carry Chinese containers past Russian ports.\n');
    const json = await runCli('ingest', file, '--published', '2024-06-07', '--json', '--dataset', TINY);
    assert.equal(json.code, 0);
    const r = JSON.parse(json.stdout);
    assert.deepEqual(r.actors.map((a: { state: string }) => a.state).sort(), ['GEO', 'KAZ']);
    assert.deepEqual(r.mentions.map((a: { state: string }) => a.state).sort(), ['CHN', 'RUS']);
    const text = await runCli('ingest', file, '--published', '2024-06-07', '--dataset', TINY);
    assert.match(text.stdout, /^mentioned: .*CHN.*RUS/m);
    const csv = await runCli('ingest', file, '--published', '2024-06-07', '--csv', '--table', 'mentions', '--dataset', TINY);
    assert.equal(csv.code, 0);
    const rows = csv.stdout.trim().split(/\r?\n/);
    assert.equal(rows[0], 'state,name,role');
    assert.deepEqual(rows.slice(1).map((l) => l.split(',')[0]).sort(), ['CHN', 'RUS']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
