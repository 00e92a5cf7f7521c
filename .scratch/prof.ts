import { join, resolve } from 'node:path';
import { ingestText } from '../src/events/index.ts';
import { readPassages } from '../bench/events/score.ts';
const ROOT = resolve(import.meta.dirname, '..');
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) {
  const parts: string[] = []; let words = 0;
  for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; }
  articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`);
}
for (const t of articles.slice(0, 5)) ingestText(t, { published: '2024-06-01' });
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 3000) { ingestText(articles[n % 40], { published: '2024-06-01' }); n++; }
console.log((n / ((performance.now() - t0) / 1000)).toFixed(0), 'articles/s');
