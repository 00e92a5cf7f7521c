import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
import { readDataset } from '../src/data/read.ts';
const orig = await import(process.argv[2] ?? './orig/src/events/index.ts');
const neu = await import(process.argv[3] ?? '../src/events/index.ts');
const ROOT = resolve(import.meta.dirname, '..');
const { model } = readDataset(join(ROOT, 'data/default'));
const lo = orig.buildLinks(orig.linkSourceOf(model.tables));
const ln = neu.buildLinks(neu.linkSourceOf(model.tables));
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) {
  const parts: string[] = []; let words = 0;
  for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; }
  articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`);
}
const cpu = (fn: () => void): number => { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
for (let r = 0; r < 3; r++) for (const t of articles) { orig.ingestText(t, { published: '2024-06-01', links: lo }); neu.ingestText(t, { published: '2024-06-01', links: ln }); }
let to = 0, tn = 0;
for (let r = 0; r < 16; r++) {
  if (r % 2) {
    to += cpu(() => { for (const t of articles) orig.ingestText(t, { published: '2024-06-01', links: lo }); });
    tn += cpu(() => { for (const t of articles) neu.ingestText(t, { published: '2024-06-01', links: ln }); });
  } else {
    tn += cpu(() => { for (const t of articles) neu.ingestText(t, { published: '2024-06-01', links: ln }); });
    to += cpu(() => { for (const t of articles) orig.ingestText(t, { published: '2024-06-01', links: lo }); });
  }
}
console.log(`orig ${(640 / to * 1000).toFixed(0)} art/cpu-s, new ${(640 / tn * 1000).toFixed(0)} art/cpu-s, new/orig ${(to / tn).toFixed(2)}`);
