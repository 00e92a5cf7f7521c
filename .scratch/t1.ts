import { ingestText } from '../src/events/index.ts';
import { findDates } from '../src/events/dates.ts';
const t = process.argv[2].replace(/\\n/g, '\n');
const r = ingestText(t, { published: process.argv[3] });
for (const e of r.events) console.log(e.type, e.source, e.targets, e.date, e.dateBasis, JSON.stringify(e.trigger), e.negated, e.hedged, e.confidence, '|', e.sentence.text.slice(0, 70));
console.log(r.actors.map((a) => `${a.state}:${a.name}`).join(', '));
