import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
import { readDataset } from '../src/data/read.ts';
import { buildLinks, linkSourceOf, ingestText, prepareText } from '../src/events/index.ts';
import { tokenize, splitSentences } from '../src/events/tokens.ts';
import { findMentions } from '../src/events/actors.ts';
import { findDates } from '../src/events/dates.ts';
const ROOT = resolve(import.meta.dirname, '..');
const { model } = readDataset(join(ROOT, 'data/default'));
const links = buildLinks(linkSourceOf(model.tables));
const pool = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].map((p) => p.text.trim());
const articles: string[] = [];
for (let a = 0; a < 40; a++) {
  const parts: string[] = []; let words = 0;
  for (let k = 0; words < 600; k++) { const t = pool[(a * 7 + k * 13) % pool.length]; parts.push(t); words += t.split(/\s+/).length; }
  articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`);
}
const cpu = (fn: () => void): number => { const c = process.cpuUsage(); for (let r = 0; r < 5; r++) fn(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000 / 200; };
for (let k = 0; k < 2; k++) {
  const all = cpu(() => { for (const t of articles) ingestText(t, { published: '2024-06-01', links }); });
  const prep = cpu(() => { for (const t of articles) prepareText(t); });
  const tok = cpu(() => { for (const t of articles) { const tk = tokenize(t); splitSentences(t, tk); } });
  const men = cpu(() => { for (const t of articles) { const tk = tokenize(t); for (const s of splitSentences(t, tk)) { links.gazetteer.findAll(tk, s.first, s.last); findMentions(tk, s.first, s.last); } } });
  const dat = cpu(() => { for (const t of articles) { const tk = tokenize(t); for (const s of splitSentences(t, tk)) findDates(t, s.start, s.end, '2024-06-01'); } });
  console.log(`per article ms: all ${all.toFixed(2)} prepare ${prep.toFixed(2)} tokenize ${tok.toFixed(2)} links+mentions(+tok) ${men.toFixed(2)} dates-all-sentences(+tok) ${dat.toFixed(2)}`);
}
