import { join, resolve } from 'node:path';
import { readPassages } from '../bench/events/score.ts';
const o = await import('./orig/src/events/dates.ts');
const n = await import('../src/events/dates.ts');
const ROOT = resolve(import.meta.dirname, '..');
const sentences = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].flatMap((p) => p.text.split(/(?<=\.)\s+/));
const cpu = (fn: () => void): number => { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
for (let r = 0; r < 3; r++) for (const s of sentences) { o.findDates(s, 0, s.length, '2024-06-01'); n.findDates(s, 0, s.length, '2024-06-01'); }
let to = 0, tn = 0;
for (let r = 0; r < 20; r++) {
  if (r % 2) { to += cpu(() => { for (const s of sentences) o.findDates(s, 0, s.length, '2024-06-01'); }); tn += cpu(() => { for (const s of sentences) n.findDates(s, 0, s.length, '2024-06-01'); }); }
  else { tn += cpu(() => { for (const s of sentences) n.findDates(s, 0, s.length, '2024-06-01'); }); to += cpu(() => { for (const s of sentences) o.findDates(s, 0, s.length, '2024-06-01'); }); }
}
console.log(`findDates: orig ${to.toFixed(0)} ms, new ${tn.toFixed(0)} ms for ${sentences.length * 20} sentences`);
