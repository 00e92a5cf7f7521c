// Relative dates in news text (src/events/dates.ts): reported events resolve to the past, planned ones to the
// future, durations and offsets from another event are not dates. Every expected date is worked out by hand
// on a calendar; the comment of each table gives the weekday of publication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateWindows, findDates, findDateline, isAfter, tenseAt } from '../src/events/dates.ts';
import { ingestText } from '../src/events/index.ts';
import fc from 'fast-check';

/** The dates found in one sentence, as "expression=date". */
function read(sentence: string, published: string): string[] {
  return findDates(sentence, 0, sentence.length, published).dates.map((d) => d.date);
}

/** [sentence, expected dates in order] for one publication day. */
type Table = [string, string[]][];

test('published Friday 7 June 2024: past reports look back, plans look forward', () => {
  const published = '2024-06-07'; // a Friday
  const table: Table = [
    ['Turkmenistan halted gas exports to China last week.', ['2024-05-31']], // 7 June - 7 days
    ['Turkmenistan halted gas exports to China for two days last week.', ['2024-05-31']], // "for two days" is a duration, not 9 June
    ['Exports fell last month.', ['2024-05']],
    ['The two sides signed the deal on Tuesday.', ['2024-06-04']], // the last Tuesday on or before Friday 7 June
    ['The two sides signed the deal on Friday.', ['2024-06-07']], // the day of publication itself
    ['The two sides signed the deal last Friday.', ['2024-05-31']], // "last Friday" on a Friday: the week before
    ['The ministers met earlier this year.', ['2024']],
    ['The pipeline was shut two days ago.', ['2024-06-05']],
    ['The pipeline was shut yesterday.', ['2024-06-06']],
    ['The plant was damaged over the weekend.', ['2024-06-01']], // the last Saturday before Friday 7 June
    ['Talks were held on Monday last week.', ['2024-05-27']], // Monday of the week before the week of 3-9 June
    ['The leaders will meet on Tuesday.', ['2024-06-11']], // the next Tuesday
    ['Kazakhstan plans to sign the deal on Tuesday.', ['2024-06-11']], // "plans to": the next Tuesday
    ['The two presidents signed a water plan on Tuesday.', ['2024-06-04']], // "plan" as a noun says nothing of the future
    ['The leaders will meet next Friday.', ['2024-06-14']],
    ['Warsaw would close the crossing, a key hub for rail freight, from Friday.', ['2024-06-07']], // on or after 7 June
    ['Deliveries will resume next month.', ['2024-07']],
    ['Talks will resume in two weeks.', ['2024-06-21']], // 7 June + 14 days
    ['Output reached its highest level in two years.', []], // a comparison, not a date
    ['A deal was signed two days later.', []], // counts from another event, not from publication
    ['The line should be finished within a year.', []], // a deadline
    ['The two countries signed an agreement on 10 June.', ['2023-06-10']], // the last 10 June on or before publication
    ['The two countries will sign an agreement on 10 June.', ['2024-06-10']],
    ['Kazakhstan agreed to start deliveries on March 1.', ['2025-03-01']], // "agreed to start": the start lies ahead
    ['Kazakhstan started deliveries on March 1.', ['2024-03-01']],
    ['Kazakhstan signed the contract in March.', ['2024-03']],
    ['Kazakhstan will start deliveries in March.', ['2025-03']],
    ['The contract runs for 15 years from 2026.', ['2026']],
  ];
  for (const [sentence, expected] of table) assert.deepEqual(read(sentence, published), expected, sentence);
});

test('published Monday 16 October 2023: "from December 1" is the coming one (the former bug gave the previous December)', () => {
  const published = '2023-10-16'; // a Monday
  const table: Table = [
    ['Beijing announced export controls on graphite from December 1, citing national security.', ['2023-12-01']], // +46 days, not -319
    ['China will restrict exports of graphite from December 1.', ['2023-12-01']],
    ['Kazakhstan has banned coal exports by truck from January 1.', ['2023-01-01']], // "has banned": in force already
    ['Indonesia said on Friday it would ban bauxite exports from 1 November.', ['2023-10-13', '2023-11-01']], // Friday 13 October
    ['The ban on diesel exports has applied since July.', ['2023-07']],
    ['The ban applies from 15 July.', ['2023-07-15']], // -93 days is nearer than +273
  ];
  for (const [sentence, expected] of table) assert.deepEqual(read(sentence, published), expected, sentence);
});

test('across the turn of a year: published Sunday 29 December 2024 and Thursday 2 January 2025', () => {
  const december: Table = [
    ['Deliveries will start on January 5.', ['2025-01-05']],
    ['The two sides signed the contract on December 20.', ['2024-12-20']],
    ['The tariff will apply from January 1.', ['2025-01-01']],
    ['Imports fell last month.', ['2024-11']],
    ['Imports will rise next month.', ['2025-01']],
    ['The plant will open next year.', ['2025']],
    ['The ministers met on Monday.', ['2024-12-23']], // the last Monday before Sunday 29 December
    ['The ministers will meet on Monday.', ['2024-12-30']], // the next Monday
  ];
  for (const [sentence, expected] of december) assert.deepEqual(read(sentence, '2024-12-29'), expected, sentence);
  const january: Table = [
    ['The two countries signed the contract in December.', ['2024-12']],
    ['Transit stopped on December 30.', ['2024-12-30']],
    ['Transit stopped on Tuesday.', ['2024-12-31']], // the last Tuesday before Thursday 2 January
    ['Transit stopped yesterday.', ['2025-01-01']],
    ['Exports grew last year.', ['2024']],
  ];
  for (const [sentence, expected] of january) assert.deepEqual(read(sentence, '2025-01-02'), expected, sentence);
});

test('a date is marked as lying after the reference day at its own precision', () => {
  assert.equal(isAfter('2024-06-08', '2024-06-07'), true);
  assert.equal(isAfter('2024-06-07', '2024-06-07'), false);
  assert.equal(isAfter('2024-06', '2024-06-07'), false); // the month contains the day
  assert.equal(isAfter('2024-07', '2024-06-07'), true);
  assert.equal(isAfter('2024', '2024-06-07'), false);
  const [friday] = findDates('Warsaw would close the crossing from Friday.', 0, 44, '2024-06-06').dates;
  assert.equal(friday.date, '2024-06-07');
  assert.equal(friday.future, true);
  assert.equal(friday.starts, true);
});

test('the tense of a clause is read from the nearest verb mark', () => {
  const at = (sentence: string, expression: string): string | null => {
    const start = sentence.indexOf(expression);
    return tenseAt(sentence, start, start + expression.length);
  };
  assert.equal(at('Kazakhstan signed the deal on Tuesday.', 'on Tuesday'), 'past');
  assert.equal(at('Kazakhstan will sign the deal on Tuesday.', 'on Tuesday'), 'future');
  assert.equal(at('Kazakhstan, which will host the talks, signed the deal on Tuesday.', 'on Tuesday'), 'past'); // the nearest mark wins
  assert.equal(at('On Tuesday, officials said the border would reopen.', 'On Tuesday'), 'past'); // nothing before: read ahead
  assert.equal(at('Kazakhstan exported oil to Germany on Friday.', 'on Friday'), 'past'); // "to Germany" is no infinitive
  assert.equal(at('Kazakhstan agreed to resume exports on Friday.', 'on Friday'), 'future');
  assert.equal(at('Kazakhstan has halted exports since Friday.', 'since Friday'), 'perfect');
});

test('a dateline gives the day a story was written, within a week before publication', () => {
  const lead = 'TASHKENT, June 6 (Reuters) - China, Kyrgyzstan and Uzbekistan on Thursday signed an agreement.';
  assert.deepEqual(findDateline(lead, 0, lead.length, '2024-06-07'), { date: '2024-06-06', start: 10, end: 16 });
  const astana = 'ASTANA, 1 Nov - Kazakhstan and France signed a roadmap.';
  assert.equal(findDateline(astana, 0, astana.length, '2023-11-02')?.date, '2023-11-01');
  // Published 2 January: "Dec 31" is the last day of the year before.
  const baku = 'BAKU, Dec 31 – Azerbaijan halted gas exports.';
  assert.equal(findDateline(baku, 0, baku.length, '2025-01-02')?.date, '2024-12-31');
  // Too far from publication, no date, or no dateline at all.
  assert.equal(findDateline(lead, 0, lead.length, '2024-07-20'), null);
  const plain = 'Kazakhstan, June 6 was a busy day for talks.';
  assert.equal(findDateline(plain, 0, plain.length, '2024-06-07'), null);
  assert.equal(findDateline(lead, 0, lead.length, null), null);
});

test('the dateline dates the story, never an event by itself; a reported event takes no date that lies ahead', () => {
  // Published Saturday 8 June 2024, written Thursday 6 June.
  const text = 'Kazakhstan halts oil exports to Germany\n' +
    'ASTANA, June 6 (Reuters) - Kazakhstan halted oil exports to Germany on Wednesday, the energy ministry said. ' +
    'Germany criticised the decision and said Berlin would buy more oil from Norway from Monday. ' +
    'The ministry gave no reason.';
  const r = ingestText(text, { published: '2024-06-08' });
  const halt = r.events.find((e) => e.type === 'DISRUPTION');
  assert.equal(halt?.date, '2024-06-05'); // the last Wednesday before Saturday 8 June
  // The criticism has no date of its own: "from Monday" (10 June, in a clause that looks forward) dates the purchase,
  // not the criticism, which takes the story's date (5 June, the lead's first date).
  const criticism = r.events.find((e) => e.type === 'DISAPPROVE');
  assert.equal(criticism?.source, 'DEU');
  assert.equal(criticism?.date, '2024-06-05');
  const purchase = r.events.find((e) => e.type === 'SUPPLY');
  assert.equal(purchase?.date, '2024-06-10'); // the next Monday after Saturday 8 June
  // A lead with no date of its own: the dateline's day is the story's date.
  const undated = ingestText('BAKU, June 6 (Reuters) - Azerbaijan halted gas exports to Georgia, the ministry said.', { published: '2024-06-08' });
  assert.equal(undated.events[0].date, '2024-06-06');
  assert.equal(undated.events[0].dateBasis, 'story');
});

test('property: a reported weekday lies in the week up to publication, a planned one in the week after; "last week" is seven days back', () => {
  const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  // Day arithmetic by the JavaScript Date in UTC, independent of the code under test.
  const days = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
  const dayOfWeek = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }),
    (offset, wd, month, day) => {
      const published = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      const [past] = read(`Kazakhstan signed the deal on ${WEEKDAYS[wd]}.`, published);
      const [planned] = read(`Kazakhstan will sign the deal on ${WEEKDAYS[wd]}.`, published);
      const [lastWeek] = read('Kazakhstan signed the deal last week.', published);
      const [onDay] = read(`Kazakhstan signed the deal on ${MONTHS[month]} ${day}.`, published);
      const [fromDay] = read(`Kazakhstan will ban exports from ${MONTHS[month]} ${day}.`, published);
      return dayOfWeek(past) === wd && days(past, published) >= 0 && days(past, published) <= 6 &&
        dayOfWeek(planned) === wd && days(published, planned) >= 0 && days(published, planned) <= 6 &&
        days(lastWeek, published) === 7 &&
        days(onDay, published) >= 0 && days(onDay, published) < 366 && Number(onDay.slice(5, 7)) === month + 1 &&
        days(published, fromDay) >= 0 && days(published, fromDay) < 366 && Number(fromDay.slice(8, 10)) === day;
    },
  ), { numRuns: 300 });
});

test('chrono reads only the stretches around date words; plain weekdays, years and decimals are read without it', () => {
  // Offsets are worked out by counting characters. "this project" and the modal "may" open no stretch.
  assert.deepEqual(dateWindows('Officials said this project may take time.'), []);
  // A plain weekday: one stretch, marked as weekday-only; widened to whole words, at most 24 characters either side.
  const s = 'Kazakhstan halted oil exports to China on Tuesday, officials said.';
  const w = dateWindows(s);
  assert.equal(w.length, 1);
  assert.equal(w[0][2], true); // weekdays only
  assert.equal(w[0][3], false);
  assert.ok(w[0][0] <= s.indexOf('on Tuesday') && w[0][1] >= s.indexOf('Tuesday') + 'Tuesday'.length);
  // A decimal alone: a stretch of numbers only (chrono finds no date in it).
  assert.deepEqual(dateWindows('Output rose to 3.5 million tonnes.').map((x) => x[3]), [true]);
  // "on Tuesday," read without chrono is the same expression chrono reads, with the trailing comma, and the same day.
  const [d] = findDates(s, 0, s.length, '2024-06-07').dates;
  assert.equal(s.slice(d.start, d.end), 'on Tuesday,');
  assert.equal(d.date, '2024-06-04');
  // A weekday with a modifier goes to chrono: "last Tuesday" published Friday 7 June 2024 is 4 June.
  assert.deepEqual(read('Kazakhstan halted oil exports last Tuesday.', '2024-06-07'), ['2024-06-04']);
});
