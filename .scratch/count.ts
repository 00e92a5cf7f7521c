import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
import { readDataset } from '../src/data/read.ts';
const orig = await import('./orig/src/events/index.ts');
const neu = await import('../src/events/index.ts');
const ROOT = resolve(import.meta.dirname, '..');
const { model } = readDataset(join(ROOT, 'data/default'));
const lo = orig.buildLinks(orig.linkSourceOf(model.tables)); const ln = neu.buildLinks(neu.linkSourceOf(model.tables));
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) { const parts: string[] = []; let words = 0; for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; } articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`); }
let eo = 0, en = 0, so = 0, sn = 0;
for (const t of articles) { const a = orig.ingestText(t, { published: '2024-06-01', links: lo }); const b = neu.ingestText(t, { published: '2024-06-01', links: ln }); eo += a.events.length; en += b.events.length; so += a.article.sentences; sn += b.article.sentences; }
console.log({ eo, en, so, sn });
