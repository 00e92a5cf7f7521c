import * as chrono from 'chrono-node';
const ref = new Date(2024, 5, 7, 12);
for (const s of ['yesterday', 'today', 'tomorrow', 'last month', 'next year', 'two days ago', 'earlier this year', 'a week earlier', 'a day earlier', 'the day before yesterday', 'last Tuesday', 'in January', 'January', 'on the 5th', 'end of June', 'Jan. 5', 'Sept 19', '19 Sept', 'the weekend', 'in the second half of May', 'in late May', 'this spring','next Monday','on Monday next week','Monday last week']) {
  const r = chrono.parse(s, ref, { forwardDate: false });
  console.log(JSON.stringify(s), r.map((x) => `[${x.text}]@${x.index} -> ${x.start.date().toISOString().slice(0,10)} certain:${['year','month','day','weekday'].filter(k=>x.start.isCertain(k as any)).join(',')} wd=${x.start.get('weekday')} tags:${[...(x.tags?.() ?? [])].join(',')}`).join(' | '));
}
