// Hostile scenario files get one clear, located message each and exit 2: YAML anchors, aliases and merge keys,
// binary data, a description of 10 MB, a file over the size limit, and a FIFO, a folder or a device in place of a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.ts';

const HEAD = 'name: t\ncommodity: crude_oil\nyear: 2023\n';

function withFiles(files: Record<string, string | Buffer>, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-scenario-input-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('an alias is refused at its line, saying aliases are not read (not "found nothing")', () =>
  withFiles({ 'a.yaml': `${HEAD}x: &shut\n  type: close_route\n  route: cpc\nchanges:\n  - *shut\n` }, async (dir) => {
    const { code, stderr } = await runCli('scenario', 'check', join(dir, 'a.yaml'));
    assert.equal(code, 2);
    assert.match(stderr, /a\.yaml:8: the alias \*shut is not read in scenario files/);
    assert.doesNotMatch(stderr, /found nothing/);
  }));

test('a merge key << is refused at its line, not read as a change type ""', () =>
  withFiles({ 'm.yaml': `${HEAD}changes:\n  - <<: {type: close_route}\n    route: cpc\n` }, async (dir) => {
    const { code, stderr } = await runCli('scenario', 'check', join(dir, 'm.yaml'));
    assert.equal(code, 2);
    assert.match(stderr, /m\.yaml:5: the merge key << is not read in scenario files/);
    assert.doesNotMatch(stderr, /unknown change type ""/);
  }));

test('binary data is refused in one short line', () =>
  withFiles({ 'b.yaml': Buffer.from(Array.from({ length: 6600 }, (_, i) => (i * 7919) % 256)) }, async (dir) => {
    const { code, stderr } = await runCli('scenario', 'check', join(dir, 'b.yaml'));
    assert.equal(code, 2);
    assert.match(stderr, /b\.yaml:1: expected a YAML text file, found binary data/);
    assert.ok(stderr.length < 300, `message of ${stderr.length} characters`);
  }));

test('a description of 500,000 characters is refused with its length, not echoed (a 10 MB one exceeds the file limit)', () =>
  withFiles({ 'd.yaml': `${HEAD}description: ${'x'.repeat(500_000)}\nchanges: []\n` }, async (dir) => {
    const { code, stderr, stdout } = await runCli('scenario', 'run', join(dir, 'd.yaml'));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /d\.yaml:4: description: expected text of at most 10,000 characters, found 500,000/);
    assert.ok(stderr.length < 300);
  }));

test('a file over 1 MiB, a folder, a FIFO and a device are refused without reading them through', () =>
  withFiles({ 'huge.yaml': `${HEAD}changes: []\n# ${'x'.repeat(1_100_000)}\n` }, async (dir) => {
    mkdirSync(join(dir, 'folder.yaml'));
    assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status, 0);
    const cases: [string, RegExp][] = [
      [join(dir, 'huge.yaml'), /huge\.yaml is larger than 1 MiB/],
      [join(dir, 'folder.yaml'), /folder\.yaml is not a regular file/],
      [join(dir, 'fifo.yaml'), /fifo\.yaml is not a regular file/],
      ['/dev/zero', /\/dev\/zero is not a regular file/],
    ];
    for (const [file, message] of cases) {
      const { code, stderr } = await runCli('scenario', 'check', file);
      assert.equal(code, 2, file);
      assert.match(stderr, message);
    }
  }));
