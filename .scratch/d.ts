import { findDates } from '../src/events/dates.ts';
const cases: [string, string][] = [
  ['2024-06-07', 'Turkmenistan halted gas exports to China for two days last week due to a failure.'],
  ['2024-06-07', 'Warsaw would close the Malaszewicze border crossing, a key hub for China-Europe rail freight, from Friday.'],
  ['2024-06-06', 'Warsaw would close the Malaszewicze border crossing, a key hub for China-Europe rail freight, from Friday.'],
  ['2023-10-16', 'Beijing announced export controls on graphite from December 1, citing national security.'],
  ['2024-06-07', 'Kazakhstan signed a deal on Tuesday.'],
  ['2024-06-07', 'The leaders will meet on Tuesday.'],
  ['2024-06-07', 'Officials said on Tuesday that the leaders will meet on Friday.'],
  ['2024-06-07', 'The ministers met earlier this year and will meet again next month.'],
  ['2024-06-07', 'Exports fell two days ago, and yesterday the pipeline was shut.'],
  ['2024-06-07', 'The ban has been in force since March.'],
  ['2024-06-07', 'Kazakhstan agreed to start deliveries on March 1.'],
  ['2024-06-07', 'Kazakhstan started deliveries on March 1.'],
  ['2024-06-07', 'The highest level in two years, and talks will resume in two weeks.'],
  ['2024-06-07', 'Talks were held on Monday last week; a deal was signed a day later.'],
  ['2024-06-07', 'On Thursday, officials said the border would reopen.'],
  ['2024-06-07', 'From Monday, Poland will close the border.'],
  ['2024-06-07', 'The plant was damaged over the weekend.'],
  ['2024-06-07', 'The contract runs for at least 15 years from 2026.'],
];
for (const [pub, s] of cases) console.log(pub, JSON.stringify(s), JSON.stringify(findDates(s, 0, s.length, pub).dates.map((d) => `${s.slice(d.start, d.end)}=${d.date}${d.future ? '>' : ''}`)));
