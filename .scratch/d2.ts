import { findDates } from '../src/events/dates.ts';
const s = process.argv[2];
console.log(JSON.stringify(findDates(s, 0, s.length, process.argv[3])));
