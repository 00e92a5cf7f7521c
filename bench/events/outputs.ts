// Writes what the news reader outputs on every passage and article at hand (dev, eval, held-out passages, the
// ~600-word throughput articles, the .txt fixtures), to compare byte for byte before and after a change that must
// not alter results. node --import tsx bench/events/outputs.ts OUT.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDataset } from '../../src/data/read.ts';
import { buildLinks, ingestText, linkSourceOf, type LinkTable } from '../../src/events/index.ts';
import { readPassages } from './score.ts';
import { throughputArticles } from './articles.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const out = process.argv[2] ?? 'outputs.json';

function linksOf(dir: string): LinkTable {
  const { model } = readDataset(join(ROOT, dir));
  return buildLinks(linkSourceOf(model.tables));
}
const linkSets: [string, LinkTable][] = [['default', linksOf('data/default')], ['tiny', linksOf('test/fixtures/tiny')], ['none', buildLinks()]];

const passages = ['test/fixtures/news/dev.yaml', 'bench/events/eval/passages.yaml', 'bench/events/holdout/passages.yaml', 'bench/events/holdout-2/passages.yaml', 'bench/events/holdout-3/passages.yaml']
  .flatMap((f) => readPassages(join(ROOT, f)).map((p) => ({ id: `${f}#${p.id}`, text: p.text, published: p.published as string | null })));

// The throughput articles, as the benchmark reads them.
throughputArticles(ROOT).forEach((text, a) => passages.push({ id: `article-${a + 1}`, text, published: '2024-06-01' }));
const FIXTURE_DATES: Record<string, string> = { 'central-asia-rail.txt': '2024-06-07', 'kazakh-france-minerals.txt': '2023-11-02' };
const dir = join(ROOT, 'test/fixtures/news');
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  passages.push({ id: f, text: readFileSync(join(dir, f), 'utf8'), published: FIXTURE_DATES[f] ?? '2024-06-01' });
}
// Odd shapes of the same texts: HTML, all lower case, one line, no publication date.
const extra = passages.slice(0, 60).flatMap((p) => [
  { id: `${p.id}:html`, text: `<html><body><p>${p.text.replace(/\n\n/g, '</p><p>')}</p></body></html>`, published: p.published },
  { id: `${p.id}:lower`, text: p.text.toLowerCase(), published: p.published },
  { id: `${p.id}:oneline`, text: p.text.replace(/\s+/g, ' '), published: p.published },
]);
passages.push(...extra);

const results: unknown[] = [];
for (const p of passages) {
  for (const [name, links] of linkSets) {
    if (name !== 'default' && p.id.startsWith('article-') && Number(p.id.slice(8)) > 5) continue;
    results.push({ id: p.id, links: name, result: ingestText(p.text, { published: p.published, links, source: 'Reuters' }) });
    if (name === 'default') results.push({ id: p.id, links: name, unpublished: true, result: ingestText(p.text, { links }) });
  }
}
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
console.log(`${results.length} results written to ${out}`);
