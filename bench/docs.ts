// Writes the benchmark figures of bench/results.json into the README and the tours (the blocks between
// <!-- bench:ID --> and <!-- /bench:ID -->). node --import tsx bench/docs.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_PAGES, readResults, updateBlocks } from './results.ts';

const ROOT = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const results = readResults();
const stale: string[] = [];
for (const page of BENCH_PAGES) {
  const path = join(ROOT, page);
  const text = readFileSync(path, 'utf8');
  const updated = updateBlocks(text, results, page);
  if (updated === text) continue;
  if (check) stale.push(page);
  else { writeFileSync(path, updated); console.log(`wrote ${page}`); }
}
if (stale.length) {
  console.error(`out of date: ${stale.join(', ')} (run \`npm run bench:docs\`)`);
  process.exit(1);
}
