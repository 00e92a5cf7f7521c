// What `corridor ingest FILE` reads: a regular file or a pipe (the shell's `<(command)`), read up to the size limit
// counted while reading; a device such as /dev/zero, which reports no size and never ends, is refused at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'corridor.mjs');

test('an article through a pipe (bash process substitution) is read whole, as from the file', () => {
  const article = join(ROOT, 'test', 'fixtures', 'news', 'kazakh-france-minerals.txt');
  const viaPipe = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ingest <(cat "${article}") --published 2023-11-02 --json`], { encoding: 'utf8' });
  const viaFile = spawnSync(process.execPath, [BIN, 'ingest', article, '--published', '2023-11-02', '--json'], { encoding: 'utf8' });
  assert.equal(viaPipe.status, 0, viaPipe.stderr);
  const events = (run: typeof viaPipe) => (JSON.parse(run.stdout) as { events: { type: string }[] }).events.map((e) => e.type);
  assert.ok(events(viaFile).length > 0);
  assert.deepEqual(events(viaPipe), events(viaFile));
});

// A folder is read as a corpus of articles (test/ingest-corpus.test.ts).
test('a device (/dev/zero) is refused with exit 2, without reading', async () => {
  for (const [file, message] of [['/dev/zero', /\/dev\/zero is not a text file/]] as const) {
    const { code, stderr } = await runCli('ingest', file);
    assert.equal(code, 2, file);
    assert.match(stderr, message);
  }
});
