// Benchmark figures quoted in the README and the tours come from one file, bench/results.json: each page's
// generated blocks must be what bench/docs.ts writes from it, so the pages never disagree with each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_PAGES, blockIds, readResults, renderSection, updateBlocks } from '../bench/results.ts';

const ROOT = join(import.meta.dirname, '..');
const results = readResults();

for (const page of BENCH_PAGES) {
  test(`${page}: its benchmark blocks are current with bench/results.json (npm run bench:docs)`, () => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    assert.ok(blockIds(text).length > 0, `${page} has no <!-- bench:ID --> block`);
    assert.equal(updateBlocks(text, results, page), text);
  });
}

test('the README quotes every benchmark section, and each section has its peer and ratio', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.ok(Object.keys(results).length >= 4, `sections: ${Object.keys(results).join(', ')}`);
  for (const [id, section] of Object.entries(results)) {
    assert.ok(readme.includes(renderSection(section)), `README.md lacks section ${id}`);
    for (const row of section.rows) assert.ok(row.peer.trim() && row.ratio.trim(), `${id}: ${row.benchmark} has no peer or ratio`);
  }
});

test('a block naming a section that does not exist is an error, not an empty table', () => {
  assert.throws(() => updateBlocks('<!-- bench:nope -->\n<!-- /bench:nope -->', results, 'page.md'), /page\.md: block bench:nope names no section/);
});
