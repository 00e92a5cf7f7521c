// Development aid: codes a passage set and prints every disagreement with the gold labels.
// node --import tsx bench/events/check.ts test/fixtures/news/dev.yaml
import { resolve } from 'node:path';
import { ingestText } from '../../src/events/index.ts';
import { FIELDS, readPassages, scorePassage, sumCounts, toScores, sign } from './score.ts';

const file = resolve(process.argv[2] ?? 'test/fixtures/news/dev.yaml');
const passages = readPassages(file);
const all = [];
for (const p of passages) {
  const r = ingestText(p.text, { published: p.published });
  const predicted = { actors: r.actors.map((a) => a.state).filter((s): s is string => !!s), events: r.events };
  const counts = scorePassage(p, predicted);
  all.push(counts);
  const bad = FIELDS.filter((f) => counts[f].fp || counts[f].fn);
  if (bad.length && !process.argv.includes('--quiet')) {
    console.log(`\n${p.id} [${bad.join(',')}] ${p.text.trim().slice(0, 160)}`);
    console.log(`  gold actors ${p.gold.actors.join(' ')} | got ${[...new Set(predicted.actors)].join(' ')}`);
    for (const e of p.gold.events) console.log(`  gold ${e.type} ${e.source}>${e.targets.join('+')} ${e.date} ${e.tone}`);
    for (const e of r.events) console.log(`  got  ${e.type} ${e.source}>${e.targets.join('+')} ${e.date} ${sign(e.tone)}  [${e.trigger}] c=${e.confidence}`);
  }
}
const total = sumCounts(all);
for (const f of FIELDS) {
  const s = toScores(total[f]);
  console.log(`${f.padEnd(7)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
}
