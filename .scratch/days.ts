import { addDays } from '../src/events/dates.ts';
// compare with Date arithmetic over a long range
let bad = 0;
for (let n = -40000; n < 60000; n += 7) {
  const t = new Date(Date.UTC(2000, 0, 1) + n * 86400000);
  const iso = t.toISOString().slice(0, 10);
  for (const k of [-400, -7, -1, 0, 1, 7, 365]) {
    const u = new Date(t.getTime() + k * 86400000).toISOString().slice(0, 10);
    if (addDays(iso, k) !== u) bad++;
  }
}
console.log('mismatches', bad);
