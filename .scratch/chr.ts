import * as chrono from 'chrono-node';
const ref = new Date(2024, 5, 7, 12);
for (const s of ['halted gas exports to China for two days last week due to a failure', 'last week', 'last month', 'earlier this year', 'two days ago', 'yesterday', 'from Friday', 'next month', 'from December 1', 'on Tuesday', 'last Tuesday', 'next Tuesday', 'this week', 'earlier this month', 'last year', 'next year', 'this month', 'in two weeks', 'a week ago', 'three months ago', 'late last year', 'the day before', 'on Thursday', 'from 1 July', 'by the end of the year', 'later this month', 'next week', 'over the weekend', 'last weekend', 'on the weekend', 'this Friday', 'Friday', 'in mid-July','early next year','the previous day', 'last Friday','in the first quarter', 'two weeks ago','recently','a day earlier']) {
  const r = chrono.parse(s, ref, { forwardDate: false });
  console.log(JSON.stringify(s), r.map((x) => `${x.text} -> ${x.start.date().toISOString().slice(0,10)} certain:${['year','month','day','weekday'].filter(k=>x.start.isCertain(k as any)).join(',')}`).join(' | '));
}
