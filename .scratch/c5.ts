import * as chrono from 'chrono-node';
const ref = new Date(2024, 9, 14, 12);
for (const s of ['from 1 July', '1 July', 'on 1 July', 'from 1 November', 'from July 1', 'exports from 1 July.', 'from 15 July', 'from 2 July']) {
  const r = chrono.parse(s, ref, { forwardDate: false });
  console.log(JSON.stringify(s), r.map((x) => `[${x.text}] ${x.start.date().toISOString().slice(0,10)} certain:${['year','month','day','weekday'].filter(k=>x.start.isCertain(k as any)).join(',')} end:${x.end ? x.end.date().toISOString().slice(0,10) : ''} d=${x.start.get('day')}`).join(' | '));
}
