import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
import { readDataset } from '../src/data/read.ts';
const which = process.argv[2];
const mod = await import(which === 'orig' ? './orig/src/events/index.ts' : '../src/events/index.ts');
const ROOT = resolve(import.meta.dirname, '..');
const { model } = readDataset(join(ROOT, 'data/default'));
const links = mod.buildLinks(mod.linkSourceOf(model.tables));
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) {
  const parts: string[] = []; let words = 0;
  for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; }
  articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`);
}
for (let r = 0; r < 30; r++) for (const t of articles) mod.ingestText(t, { published: '2024-06-01', links });
