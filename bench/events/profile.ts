// A loop of ingestText over the ~600-word throughput articles, for a CPU profile or a quick timing. Reports the CPU
// time per article (user + system time of this process, which other work on the machine does not inflate as much as
// it does wall time) as well as articles per wall-clock second.
// node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/events/profile.ts [seconds]
import { join, resolve } from 'node:path';
import { readDataset } from '../../src/data/read.ts';
import { buildLinks, ingestText, linkSourceOf } from '../../src/events/index.ts';
import { throughputArticles } from './articles.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const seconds = Number(process.argv[2] ?? '5');
const { model } = readDataset(join(ROOT, 'data/default'));
const links = buildLinks(linkSourceOf(model.tables));
const articles = throughputArticles(ROOT);
for (const t of articles.slice(0, 5)) ingestText(t, { published: '2024-06-01', links });
let n = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
while (performance.now() - t0 < seconds * 1000) { ingestText(articles[n % articles.length], { published: '2024-06-01', links }); n++; }
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - t0) / 1000;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`${n} articles: ${(n / wall).toFixed(0)} articles/s wall, ${((cpuSeconds / n) * 1000).toFixed(3)} ms CPU per article (${(n / cpuSeconds).toFixed(0)} articles per CPU-second)`);
