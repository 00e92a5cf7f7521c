// CPU time per article of two checkouts' news readers, run in one process in alternating rounds, so that other work on
// the machine weighs on both alike (a change that must not alter results is checked with outputs.ts; this measures it).
// OLD and NEW are folders holding src/, inside the checkout so that their imports find node_modules, e.g.
//   mkdir -p .old && git archive REF src | tar -x -C .old && node --import tsx bench/events/compare.ts .old . [rounds]
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDataset } from '../../src/data/read.ts';
import { throughputArticles } from './articles.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const roots = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? '.')];
const rounds = Number(process.argv[4] ?? '40');
type Events = typeof import('../../src/events/index.ts');
const arms = await Promise.all(roots.map(async (r) => (await import(pathToFileURL(join(r, 'src/events/index.ts')).href)) as Events));
const { model } = readDataset(join(ROOT, 'data/default'));
const links = arms.map((m) => m.buildLinks(m.linkSourceOf(model.tables)));
const articles = throughputArticles(ROOT);
const readAll = (k: number): void => { for (const t of articles) arms[k].ingestText(t, { published: '2024-06-01', links: links[k] }); };
for (let w = 0; w < 3; w++) { readAll(0); readAll(1); } // warm up both

const perArticle: number[][] = [[], []];
for (let r = 0; r < rounds; r++) {
  for (const k of r % 2 ? [1, 0] : [0, 1]) {
    const c0 = process.cpuUsage();
    readAll(k);
    const c = process.cpuUsage(c0);
    perArticle[k].push((c.user + c.system) / 1000 / articles.length);
  }
}
const median = (x: number[]): number => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const total = (x: number[]): number => x.reduce((s, v) => s + v, 0);
for (const k of [0, 1]) {
  console.log(`${k ? 'new' : 'old'} ${roots[k]}: ${median(perArticle[k]).toFixed(3)} ms CPU per article (median of ${rounds} rounds of ${articles.length} articles), mean ${(total(perArticle[k]) / rounds).toFixed(3)}`);
}
console.log(`old / new: ${(median(perArticle[0]) / median(perArticle[1])).toFixed(2)}× by medians, ${(total(perArticle[0]) / total(perArticle[1])).toFixed(2)}× by totals`);
