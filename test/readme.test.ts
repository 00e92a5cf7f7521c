// The outputs pasted in README.md are the real, current outputs: each block is re-run and compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The lines printed after a `$ npx corridor …` line in a README code block, up to the end of the block. */
function pastedOutput(command: string): string {
  const start = README.indexOf(`$ npx corridor ${command}\n`);
  assert.ok(start >= 0, `README.md shows no output of "corridor ${command}"`);
  const body = README.slice(README.indexOf('\n', start) + 1);
  return body.slice(0, body.indexOf('```')).trimEnd();
}

for (const command of [
  'metrics --importer EU27 --commodity crude_oil --year 2024',
  'crm --material tungsten',
  'compare examples/cpc-shut.yaml examples/aktau-btc-expanded.yaml examples/russia-transit-lost.yaml',
]) {
  test(`README.md shows the current output of corridor ${command}`, async () => {
    const { code, stdout } = await runCli(...command.split(' '));
    assert.equal(code, 0);
    assert.equal(pastedOutput(command), stdout.trimEnd());
  });
}

test('README.md shows the current opening lines of the baseline report', async () => {
  const { stdout } = await runCli('report');
  const [first, second] = stdout.split('\n');
  assert.ok(README.includes(`${first}\n${second}\n`), `README.md lacks:\n${first}\n${second}`);
});

test('README.md shows the current transit exposure of Kazakh crude', async () => {
  const { stdout } = await runCli('metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--year', '2023');
  const block = stdout.slice(stdout.indexOf('Transit exposure')).trimEnd();
  assert.ok(README.includes(block), `README.md lacks:\n${block}`);
});

test('README.md opens with npm start (the web workbench) and shows the summary serve prints under its address', async () => {
  const { baselineReport } = await import('../src/metrics/index.ts');
  const { loadDataset } = await import('../src/data/read.ts');
  const { formatServeSummary } = await import('../src/cli/views/serve-summary.ts');
  const opening = README.split('\n').slice(0, 6).join('\n');
  assert.match(opening, /npm install && npm start +# the web workbench/);
  const summary = formatServeSummary(baselineReport(loadDataset())).join('\n');
  const working = ' (dataset "workbench" version 1: a copy of the packaged dataset made now; events accepted in the page are stored as its next versions)';
  assert.ok(README.includes(`workbench: http://127.0.0.1:8080/#token=crd_…${working}\n${summary}\n`), `README.md lacks:\n${summary}`);
  assert.ok(README.includes('`corridor report` is the command line\'s main report'));
});
