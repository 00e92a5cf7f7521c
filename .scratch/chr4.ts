import * as chrono from 'chrono-node';
const ref = new Date(2024, 5, 7, 12);
for (const s of ['in 2021', 'in March 2023', 'in mid-2023', 'in the first half', 'since 2022', 'in a decade', 'the last month', 'for the past year', 'in August 2008', 'over the weekend', 'within 30 days', 'in three years', 'by 2030', 'this Friday']) {
  const r = chrono.parse(s, ref, { forwardDate: false });
  console.log(JSON.stringify(s), r.map((x) => `[${x.text}]@${x.index} -> ${x.start.date().toISOString().slice(0,10)} certain:${['year','month','day','weekday'].filter(k=>x.start.isCertain(k as any)).join(',')}`).join(' | '));
}
