import { join, resolve } from 'node:path';
import * as chrono from 'chrono-node';
import { readPassages } from '../bench/events/score.ts';
const ROOT = resolve(import.meta.dirname, '..');
const sentences = [...readPassages(join(ROOT, 'test/fixtures/news/dev.yaml')), ...readPassages(join(ROOT, 'bench/events/eval/passages.yaml'))].flatMap((p) => p.text.split(/(?<=\.)\s+/));
const n = await import('../src/events/dates.ts');
const o = await import('./orig/src/events/dates.ts');
let calls = 0; const orig = chrono.parse;
(chrono as any).parse;
console.log(typeof orig);
// count results that start with from
let from = 0, total = 0;
for (const s of sentences) for (const r of chrono.parse(s, new Date(2024, 5, 1, 12), { forwardDate: false })) { total++; if (/^(?:from|since|until|till)\s/i.test(r.text)) from++; }
console.log({ total, from, sentences: sentences.length });
const cpu = (fn: () => void): number => { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
for (let k = 0; k < 3; k++) {
  console.log('new', cpu(() => { for (let r = 0; r < 10; r++) for (const s of sentences) n.findDates(s, 0, s.length, '2024-06-01'); }).toFixed(0),
    'orig', cpu(() => { for (let r = 0; r < 10; r++) for (const s of sentences) o.findDates(s, 0, s.length, '2024-06-01'); }).toFixed(0),
    'chrono', cpu(() => { for (let r = 0; r < 10; r++) for (const s of sentences) chrono.parse(s, new Date(2024, 5, 1, 12), { forwardDate: false }); }).toFixed(0));
}
