import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
const o = await import('./orig/src/events/tokens.ts');
const n = await import('../src/events/tokens.ts');
const ROOT = resolve(import.meta.dirname, '..');
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) { const parts: string[] = []; let words = 0; for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; } articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`); }
const toks = articles.map((t) => o.tokenize(t));
const cpu = (fn: () => void): number => { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
for (let k = 0; k < 4; k++) {
  const a = cpu(() => { for (let r = 0; r < 20; r++) articles.forEach((t, i) => o.splitSentences(t, toks[i])); });
  const b = cpu(() => { for (let r = 0; r < 20; r++) articles.forEach((t, i) => n.splitSentences(t, toks[i])); });
  console.log('split orig', a.toFixed(0), 'new', b.toFixed(0));
}
