import { findDates } from '../src/events/dates.ts';
for (const [pub, s] of [['2024-10-14', 'Guinea would suspend exports from 1 November.'], ['2024-10-14', 'Guinea suspended exports from 1 November.'], ['2024-10-14', 'Guinea suspended exports from 1 July.'], ['2024-10-14','The ban applies from 1 July.']]) console.log(pub, s, JSON.stringify(findDates(s, 0, s.length, pub).dates));
