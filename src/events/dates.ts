// Dates in a sentence, absolute or relative, resolved against a reference day (the publication date, or the
// dateline's date when the story carries one) with chrono-node for the parsing and our own rules for the
// direction: a date keeps the precision the text gives (2023-11-01, 2023-11 or 2023), a relative date of a
// reported event lies in the past, one of a planned event in the future.
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** ISO 8601 date at the precision written: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** Character range of the expression in the text. */
  start: number;
  end: number;
  /** Resolved against the reference day (relative: "last week", "on Tuesday", "November 1"). */
  relative: boolean;
  /** The date lies after the reference day (at its precision: a month or year that contains the reference day is not after it). */
  future: boolean;
  /** The day something starts or takes effect: "from December 1", "starting Friday", "effective 1 July", "as of 2026". */
  starts: boolean;
  /** The date lies ahead, or its clause looks forward ("will close the border from Friday"): the date of a plan, not of a reported fact. */
  forward: boolean;
}

export interface DateProblem {
  text: string;
  start: number;
}

/** Quick filter: chrono runs only on sentences that may hold a date (it is the costliest step). */
const MAYBE_DATE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|today|tonight|tomorrow|ago|last|next|this|earlier|weeks?|weekends?|months?|years?|\d{4}|\d{1,2}[/.-]\d{1,2})\b/i;
const RELATIVE_WORDS = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|earlier|later|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b/i;
const YEAR_ONLY = /\b(?:in|during|since|from|early|late|mid|mid-|throughout)\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d{2})\b(?!\s*(?:-|–|to)\s*\d)/gi;
/**
 * Expressions chrono reads as a date that name no day of the event: durations ("for two days", "over five
 * years"), deadlines ("within a year"), spans ("the past two days"), comparisons ("the first in two years")
 * and offsets from another event of the story ("two days later", "a week after", "the next day").
 */
const NOT_A_DATE = /^(?:(?:for|within|over|after)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+|first\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple|\d+)\b|past\b)|\b(?:later|earlier|after|before|afterwards)$/i;
const NOT_A_DATE_BEFORE = /\b(?:for|within|over|past|the|following|previous|preceding|same)\s*$/i;
/** "in two weeks": a date when the clause looks forward, else a comparison ("the highest in two years"). */
const IN_OFFSET = /^in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple|\d+)\b/i;
const SPAN_WORDS = /^(?:next|following|previous|last|past|day|week|month|year)\b/i;
/** Words right before an expression that fix its direction. */
const CUE_PAST = new Set(['last', 'past', 'previous', 'since', 'earlier', 'ago']);
const CUE_FUTURE = new Set(['next', 'coming', 'upcoming', 'later']);
/** "from December 1", "starting Friday", "effective 1 July", "as of 2026": the day something starts or takes effect. */
const CUE_START = new Set(['from', 'starting', 'effective', 'as of', 'beginning']);
/** "from December 1", "until March", "by Friday", "this Friday": the nearest such day, unless the verb looks forward. */
const CUE_NEAREST = new Set([...CUE_START, 'start', 'begin', 'until', 'till', 'through', 'by', 'before', 'ahead of', 'this']);

/** The word (or two-word phrase) right before an expression that may fix its direction, lower case; "on" is passed over ("starting on Friday"). */
function cueBefore(lead: string): string[] {
  const w = words(lead).map((x) => x.toLowerCase());
  if (w.at(-1) === 'on' && w.length > 1) w.pop();
  return [w.at(-1) ?? '', `${w.at(-2) ?? ''} ${w.at(-1) ?? ''}`];
}

function cueIn(cue: string[], set: Set<string>): boolean {
  return set.has(cue[0]) || set.has(cue[1]);
}

/** Words that make a clause look forward. */
const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'would', 'planned', 'planning', 'scheduled', 'upcoming']);
/** Words that, followed by "to", make a clause look forward ("is due to", "plans to", "expected to", "is to"); alone they are often
 * nouns or say nothing of time ("a water-sharing plan", "the aim"). */
const FUTURE_BEFORE_TO = new Set(['due', 'set', 'expected', 'poised', 'is', 'are', 'ready', 'going', 'likely', 'plan', 'plans', 'aim', 'aims',
  'intend', 'intends', 'hope', 'hopes', 'expects', 'expect', 'seeks', 'seek', 'wants', 'want']);
/** Past forms that do not end in -ed. */
const IRREGULAR_PAST = new Set(['was', 'were', 'had', 'did', 'met', 'held', 'said', 'told', 'made', 'took', 'began', 'sent', 'sold', 'built', 'struck',
  'hit', 'spoke', 'gave', 'went', 'came', 'left', 'led', 'brought', 'bought', 'fell', 'rose', 'froze', 'broke', 'drew', 'won', 'lost', 'paid',
  'kept', 'sought', 'saw', 'wrote', 'ran', 'got', 'shut', 'has', 'have', 'flew', 'withdrew', 'forbade', 'undertook', 'sank', 'blew', 'stood']);
/** Words in -ed that are seldom a past verb. */
const NOT_PAST = new Set(['need', 'united', 'limited', 'related', 'based', 'red', 'bed', 'seed', 'speed', 'feed', 'hundred', 'indeed', 'exceed',
  'proceed', 'succeed', 'shed', 'embed', 'breed', 'greed', 'weed', 'deed', 'reed', 'unrelated', 'advanced', 'detailed', 'expected', 'planned',
  'scheduled', 'proposed', 'so-called', 'called', 'skilled', 'renewed', 'continued', 'sustained', 'concerned', 'interested', 'armed', 'owned',
  'state-owned', 'listed', 'landlocked', 'qualified', 'liquefied', 'enriched', 'refined', 'combined', 'associated', 'disputed', 'contested',
  'occupied', 'annexed', 'sanctioned', 'affected', 'alleged', 'increased', 'reduced', 'extended', 'delayed', 'damaged', 'fixed', 'mixed']);
/** Words after "to" that show it is a preposition, not the mark of an infinitive. */
const NOT_INFINITIVE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'that', 'these', 'those', 'some', 'any',
  'all', 'both', 'each', 'every', 'them', 'him', 'us', 'me', 'it', 'date', 'record', 'rival', 'other', 'others', 'about', 'around', 'nearly',
  'almost', 'more', 'less', 'over', 'under', 'up', 'as', 'and', 'or', 'be', 'new', 'one', 'two', 'three', 'four', 'five', 'ten', 'many', 'several']);


function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** Parses "YYYY-MM-DD" into a reference Date at local noon (so that time zones never move the day). */
export function referenceDate(published: string): Date {
  if (lastReference?.text !== published) lastReference = { text: published, parts: published.split('-').map(Number) };
  const [y, m, d] = lastReference.parts;
  return new Date(y, m - 1, d, 12);
}
/** The parts of the last reference day read: every sentence of an article is read against the same day. */
let lastReference: { text: string; parts: number[] } | undefined;

/** Days since 1970-01-01 of an ISO day (a month counts from its first day), by the proleptic Gregorian calendar. */
function dayNumber(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = iso.length >= 10 ? Number(iso.slice(8, 10)) : 1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The ISO day of a day number (the inverse of dayNumber). */
function fromDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return isoDay(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Adds days to an ISO day. */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Day of the week of an ISO day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Whether a date at its precision lies after the reference day (a month or year containing the day does not). */
export function isAfter(date: string, reference: string): boolean {
  return date > reference.slice(0, date.length);
}

export type Direction = 'past' | 'future' | 'nearest';

/**
 * The tense of the clause around an expression, read from the nearest verb mark before it (else after it):
 * "will", "would", "plans", "is due to", an infinitive after "to" look forward; a past form ("signed", "said",
 * "has", "were") looks back. Null when nothing marks it.
 */
export type Tense = 'past' | 'perfect' | 'future' | null;

export function tenseAt(sentence: string, start: number, end: number, backOnly = false): Tense {
  // Words keep their case: "to" before a capitalised word is a preposition ("exports to Germany").
  const back = words(sentence.slice(Math.max(0, start - 120), start));
  for (let k = back.length - 1; k >= 0 && back.length - k <= 18; k--) {
    const mark = markOf(back, k);
    // "has banned", "had been halted": a state of things that already holds.
    if (mark === 'past' && (PERFECT.test(back[k - 1] ?? '') || PERFECT.test(back[k - 2] ?? ''))) return 'perfect';
    if (mark) return mark;
    if (back[k] === ';') break;
  }
  if (backOnly) return null;
  const ahead = words(sentence.slice(end, end + 90));
  for (let k = 0; k < ahead.length && k < 10; k++) {
    const mark = markOf(ahead, k);
    if (mark) return mark;
    if (ahead[k] === ';') break;
  }
  return null;
}

const PERFECT = /^(?:has|have|had)$/i;

/** The words of a stretch of text, with ";" kept as a clause end (tense marks are plain ASCII words). */
function words(stretch: string): string[] {
  return stretch.match(ASCII_WORD) ?? [];
}
const ASCII_WORD = /[A-Za-z][A-Za-z'-]*|;/g;

function markOf(words: string[], k: number): 'past' | 'future' | null {
  const w = words[k].toLowerCase();
  if (FUTURE_WORDS.has(w)) return 'future';
  if (w === 'to' && words[k + 1] && /^[a-z]+$/.test(words[k + 1]) && !NOT_INFINITIVE.has(words[k + 1]) && !/(?:ing|ed|s)$/.test(words[k + 1])) {
    // "agreed to start deliveries on March 1", "is due to open": the infinitive looks forward.
    return 'future';
  }
  if (w === 'to' && FUTURE_BEFORE_TO.has((words[k - 1] ?? '').toLowerCase())) return 'future';
  if (IRREGULAR_PAST.has(w)) return 'past';
  if (/^[a-z-]{3,}ed$/.test(w) && !NOT_PAST.has(w)) return 'past';
  return null;
}

/** The direction a date without its year (or a bare weekday) is read in. */
export function directionOf(sentence: string, start: number, end: number, around: { tense(): Tense } = new AroundExpression(sentence, start, end)): Direction {
  // chrono may take the cue word into the expression ("from 1 July").
  const taken = /^(?:from|on|since|until|by)\s+/i.exec(sentence.slice(start, end))?.[0] ?? '';
  const cue = cueBefore(sentence.slice(Math.max(0, start - 30), start) + taken);
  if (cueIn(cue, CUE_PAST)) return 'past';
  if (cueIn(cue, CUE_FUTURE)) return 'future';
  const tense = around.tense();
  if (cueIn(cue, CUE_NEAREST)) return tense === 'future' ? 'future' : tense === 'perfect' ? 'past' : 'nearest';
  return tense === 'future' ? 'future' : 'past';
}

/** Of the candidate days, the one that fits the direction: the last on or before the reference, the first on or after it, or the nearest. */
function pick(candidates: string[], reference: string, direction: Direction): string {
  const ref = reference.slice(0, candidates[0].length);
  const past = candidates.filter((c) => c <= ref).sort().at(-1);
  const future = candidates.filter((c) => c >= ref).sort()[0];
  if (direction === 'past' && past) return past;
  if (direction === 'future' && future) return future;
  if (past && future) return Math.abs(daysBetween(past, reference)) < Math.abs(daysBetween(reference, future)) ? past : future;
  return (past ?? future)!;
}

/**
 * The dateline of a wire story, "TASHKENT, June 6 (Reuters) -" or "ASTANA, 1 Nov –", at the start of a
 * sentence: its day (the last such day on or before publication) and the character range of the date.
 * Kept only when it lies at most a week before publication: it is the day the story was written.
 */
export function findDateline(text: string, from: number, to: number, published: string | null): { date: string; start: number; end: number } | null {
  if (!published) return null;
  const head = text.slice(from, Math.min(to, from + 120));
  const m = /^\s*(?:\p{Lu}[\p{Lu}\p{Ll}.'’ -]{1,40}?(?:,\s*\p{Lu}[\p{L}.' -]{1,30}?)?),\s+((?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s+((?:19|20)\d{2}))?)\s*(?:\([^)]{1,40}\)\s*)?[-–—]/u.exec(head);
  if (!m) return null;
  const parsed = dateParser.parse(m[1], referenceDate(published), { forwardDate: false })[0];
  if (!parsed || !parsed.start.isCertain('month') || !parsed.start.isCertain('day')) return null;
  const month = parsed.start.get('month')!;
  const day = parsed.start.get('day')!;
  const pubYear = Number(published.slice(0, 4));
  const date = m[2] ? isoDay(Number(m[2]), month, day) : pick([pubYear - 1, pubYear].map((y) => isoDay(y, month, day)), published, 'past');
  const lag = daysBetween(date, published);
  if (lag < 0 || lag > 7) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { date, start, end: start + m[1].length };
}

/**
 * Dates found in text[from, to). `reference` (YYYY-MM-DD: the publication date, or the dateline's) anchors
 * relative expressions; without it only dates that name their year are kept, and the others are returned as
 * problems.
 */
export function findDates(text: string, from: number, to: number, reference: string | null): { dates: FoundDate[]; unresolved: DateProblem[] } {
  const sentence = text.slice(from, to);
  const dates: FoundDate[] = [];
  const unresolved: DateProblem[] = [];
  const windows = dateWindows(sentence);
  if (windows.length === 0) return { dates, unresolved };
  const ref = reference ? referenceDate(reference) : new Date(2000, 0, 1, 12);
  const results: chrono.ParsedResult[] = [];
  try {
    // chrono tries each of its parsers over the whole text it is given: it reads only the stretches around the words that
    // may start or end a date, which is the same for the dates and far less text.
    for (const [a, b, weekdayOnly, numbersOnly] of windows) {
      // A bare year or a decimal ("in 2024", "3.5 million") is no date to chrono; a bare year is read below.
      if (numbersOnly) continue;
      const plain = weekdayOnly ? plainWeekdays(sentence, a, b) : undefined;
      if (plain) { results.push(...plain); continue; }
      for (const r of dateParser.parse(sentence.slice(a, b), ref, { forwardDate: false })) results.push(a ? Object.assign(r, { index: r.index + a }) as chrono.ParsedResult : r);
    }
  } catch {
    return { dates, unresolved };
  }
  for (const r of results) {
    const found = readExpression(sentence, from, withoutCue(r, ref), reference, unresolved);
    if (found) dates.push(found);
  }
  if (dates.length === 0) dates.push(...yearsOnly(sentence, from, reference));
  return { dates, unresolved };
}

/**
 * chrono's casual English reader without the parts that read times of day ("at 5 pm", "10:30 GMT") and time zones: an
 * event is dated to the day, and those parsers cost as much as the rest together.
 */
const dateParser = (() => {
  const parser = chrono.casual.clone();
  const timeOfDay = new Set(['ENTimeExpressionParser']);
  const timeRefiners = new Set(['ExtractTimezoneOffsetRefiner', 'ExtractTimezoneAbbrRefiner', 'ENMergeDateTimeRefiner']);
  parser.parsers = parser.parsers.filter((p) => !timeOfDay.has(p.constructor.name));
  parser.refiners = parser.refiners.filter((r) => !timeRefiners.has(r.constructor.name));
  return parser;
})();

const MAYBE_DATE_ALL = new RegExp(MAYBE_DATE.source, 'gi');
/** Characters read on either side of a word that may belong to a date: more than the longest date expression around it. */
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 24;

/** Words that make a date only with a word of time after them: "this year", "last June", "next Tuesday". */
const NEEDS_TIME_AFTER = new Set(['this', 'last', 'next']);
const TIME_AFTER = /^\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter|weekend|morning|afternoon|evening|night|time|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
/** "May" is a month when a day or a year follows, or a word that marks a month goes before; else the modal verb. */
const MONTH_MAY_BEFORE = /\b(?:in|on|since|from|until|till|by|early|late|mid|of|last|next|this|through|during|end|beginning|middle)[\s-]*$/i;

// A word the quick filter matched, kept only where it can be part of a date ("this project" and the modal "may" are not).
function mayStartDate(sentence: string, m: RegExpExecArray): boolean {
  const word = m[0].toLowerCase();
  const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (NEEDS_TIME_AFTER.has(word)) return TIME_AFTER.test(after);
  if (word === 'may') return /^\s*,?\s*\d/.test(after) || MONTH_MAY_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index));
  return true;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_WORD = /^(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i;
/** chrono's reading of a weekday ("on Tuesday,", "(Friday)"), with its left word boundary: its modifiers in groups 3 and 5. */
const WEEKDAY_EXPRESSION = /(\W|^)((?:(?:,|\(|（)\s*)?(?:on\s*?)?(?:(this|last|past|next)\s*)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday)(?:\s*(?:,|\)|）))?(?:\s*(?:of\s*)?(this|last|past|next)\s*week)?)(?=\W|$)/gi;

/** The parts chrono would know of a plain weekday: the weekday alone. */
class WeekdayOnly {
  private readonly day: number;
  constructor(day: number) {
    this.day = day;
  }

  isCertain(component: string): boolean {
    return component === 'weekday';
  }

  get(component: string): number | null {
    return component === 'weekday' ? this.day : null;
  }
}

/**
 * The weekdays of a stretch whose only date words are plain weekday names ("on Tuesday"), read as chrono reads them (the
 * same text and offsets, the weekday the only part known) without running its parsers; undefined when a weekday carries a
 * modifier ("last Tuesday", "Tuesday next week") and chrono must read it.
 */
function plainWeekdays(sentence: string, a: number, b: number): chrono.ParsedResult[] | undefined {
  const out: chrono.ParsedResult[] = [];
  const text = sentence.slice(a, b);
  WEEKDAY_EXPRESSION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WEEKDAY_EXPRESSION.exec(text)) !== null) {
    if (m[3] || m[5]) return undefined;
    const day = WEEKDAYS.indexOf(m[4].toLowerCase());
    if (day < 0) return undefined;
    const index = a + m.index + m[1].length;
    out.push({ index, text: m[2], start: new WeekdayOnly(day) } as unknown as chrono.ParsedResult);
    if (m[0].length === 0) WEEKDAY_EXPRESSION.lastIndex++;
  }
  return out;
}

/**
 * The stretches of a sentence around the words that may belong to a date, widened to whole words and merged where they
 * meet, each with whether its only such words are weekday names, and whether they are only numbers (a year, a decimal).
 */
export function dateWindows(sentence: string): [number, number, boolean, boolean][] {
  const windows: [number, number, boolean, boolean][] = [];
  MAYBE_DATE_ALL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MAYBE_DATE_ALL.exec(sentence)) !== null) {
    if (!mayStartDate(sentence, m)) continue;
    let a = Math.max(0, m.index - WINDOW_BEFORE);
    let b = Math.min(sentence.length, m.index + m[0].length + WINDOW_AFTER);
    while (a > 0 && !/\s/.test(sentence[a - 1])) a--;
    while (b < sentence.length && !/\s/.test(sentence[b])) b++;
    const weekdayOnly = WEEKDAY_WORD.test(m[0]);
    const numberOnly = /^(?:\d{4}|\d{1,2}\.\d{1,2})$/.test(m[0]);
    const last = windows.at(-1);
    if (last && a <= last[1]) { last[1] = Math.max(last[1], b); last[2] &&= weekdayOnly; last[3] &&= numberOnly; } else windows.push([a, b, weekdayOnly, numberOnly]);
  }
  return windows;
}

/** Which parts of a date the text gives, as opposed to those chrono fills in. */
interface Known { y: boolean; m: boolean; d: boolean; w: boolean }

// chrono reads "from 15 July" as a range and loses the day: read the date after the cue word again.
function withoutCue(r: chrono.ParsedResult, ref: Date): chrono.ParsedResult {
  const cue = /^(?:from|since|until|till)\s+/i.exec(r.text);
  if (cue) {
    const again = dateParser.parse(r.text.slice(cue[0].length), ref, { forwardDate: false })[0];
    if (again && again.index === 0) return Object.assign(again, { index: r.index + cue[0].length }) as chrono.ParsedResult;
  }
  return r;
}

/** The tense and direction of the clause around one expression, each read once and only when a step asks for it. */
class AroundExpression {
  private readonly sentence: string;
  private readonly start: number;
  private readonly end: number;
  private known: Tense | undefined;
  constructor(sentence: string, start: number, end: number) {
    this.sentence = sentence;
    this.start = start;
    this.end = end;
  }

  tense(): Tense {
    return this.known === undefined ? (this.known = tenseAt(this.sentence, this.start, this.end)) : this.known;
  }

  direction(): Direction {
    return directionOf(this.sentence, this.start, this.end, this);
  }
}

// One expression chrono found, at the precision written; a relative one without a reference day is left as a problem.
function readExpression(sentence: string, from: number, r: chrono.ParsedResult, reference: string | null, unresolved: DateProblem[]): FoundDate | undefined {
  const s = r.start;
  const known: Known = { y: s.isCertain('year'), m: s.isCertain('month'), d: s.isCertain('day'), w: s.isCertain('weekday') };
  if (!known.y && !known.m && !known.d && !known.w) return undefined; // times of day, "this week"
  const written = r.text.trim();
  const before = sentence.slice(Math.max(0, r.index - 20), r.index);
  if (namesNoDay(sentence, r, known, written, before)) return undefined;
  const relative = !known.y || RELATIVE_WORDS.test(written);
  const around = new AroundExpression(sentence, r.index, r.index + r.text.length);
  const start = from + r.index;
  const end = start + r.text.length;
  if (!reference && relative) { unresolved.push({ text: written, start }); return undefined; }
  const date = reference ? resolveDate(r, known, written, reference, around) : writtenDate(r, known);
  const lead = cueBefore(before);
  const future = reference ? isAfter(date, reference) : false;
  // Whether the clause looks forward matters only for a date that does not already lie ahead.
  const forward = future || /^next\b/i.test(written) || cueIn(lead, CUE_FUTURE) || around.tense() === 'future';
  return { date, start, end, relative, future, starts: cueIn(lead, CUE_START) || /^from\b/i.test(written), forward };
}

// Many expressions chrono reads as dates name no day of an event: a bare "May", a duration, an offset, a comparison.
function namesNoDay(sentence: string, r: chrono.ParsedResult, known: Known, written: string, before: string): boolean {
  // "May" and other bare month names are too often something else (the modal, a name), unless a preposition shows the month ("in March").
  if (!known.d && !known.y && !known.w && /^(?:may|march|june|august)$/i.test(written) && !/\b(?:in|since|from|until|till|by|early|late|mid|of|last|next|this|through|during)[\s-]*$/i.test(before)) return true;
  if (NOT_A_DATE.test(written) || (NOT_A_DATE_BEFORE.test(before) && SPAN_WORDS.test(written))) return true;
  return IN_OFFSET.test(written) && tenseAt(sentence, r.index, r.index + r.text.length, true) !== 'future';
}

// A weekday or a month without its year is placed by the reference day and the direction the clause reads in.
function resolveDate(r: chrono.ParsedResult, known: Known, written: string, reference: string, around: AroundExpression): string {
  const s = r.start;
  if (known.w && !known.d) return weekdayDate(s.get('weekday')!, written, reference, around);
  if (!known.y && known.m) {
    // A month (and day) without a year: the last one on or before the reference, the next one, or the nearest.
    const m = s.get('month')!;
    const d = s.get('day')!;
    const refYear = Number(reference.slice(0, 4));
    const years = [refYear - 1, refYear, refYear + 1];
    const candidates = known.d ? years.map((yy) => isoDay(yy, m, d)) : years.map((yy) => `${yy}-${pad(m)}`);
    return pick(candidates, reference, around.direction());
  }
  return writtenDate(r, known);
}

/** The weekday wd in the (Monday-based) week of the reference day. */
function inWeekOf(reference: string, refWeekday: number, wd: number): string {
  return addDays(reference, ((wd + 6) % 7) - ((refWeekday + 6) % 7));
}

// A weekday: in the week before the reference's ("Monday last week"), the week after, or by direction.
function weekdayDate(wd: number, written: string, reference: string, around: AroundExpression): string {
  const refWeekday = weekday(reference);
  if (/\blast\s+week\b/i.test(written)) return addDays(inWeekOf(reference, refWeekday, wd), -7);
  if (/\bnext\s+week\b/i.test(written)) return addDays(inWeekOf(reference, refWeekday, wd), 7);
  const shift = (wd - refWeekday + 7) % 7;
  const on = addDays(reference, shift === 0 ? 0 : shift - 7); // on or before the reference
  const next = shift === 0 ? reference : addDays(reference, shift); // on or after it
  return /^last\b/i.test(written) ? (on === reference ? addDays(on, -7) : on)
    : /^next\b/i.test(written) ? (next === reference ? addDays(next, 7) : next)
    : /^this\b/i.test(written) ? pick([on, next], reference, 'nearest')
    : pick([on, next], reference, around.direction());
}

// A date that names its year keeps the precision written: a day, a month or a year.
function writtenDate(r: chrono.ParsedResult, known: Known): string {
  const s = r.start;
  const y = s.get('year')!;
  if (known.d) return isoDay(y, s.get('month')!, s.get('day')!);
  if (known.m) return `${String(y).padStart(4, '0')}-${pad(s.get('month')!)}`;
  return String(y).padStart(4, '0');
}

// When chrono finds no date, a bare year after "in", "since", "from" … still dates the sentence.
function yearsOnly(sentence: string, from: number, reference: string | null): FoundDate[] {
  const dates: FoundDate[] = [];
  YEAR_ONLY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_ONLY.exec(sentence)) !== null) {
    const start = from + m.index + m[0].indexOf(m[1]);
    dates.push({ date: m[1], start, end: start + 4, relative: false, future: reference ? isAfter(m[1], reference) : false, starts: /^from\b/i.test(m[0]), forward: tenseAt(sentence, m.index, m.index + m[0].length) === 'future' });
  }
  return dates;
}

/** Whether a verb form is a past tense or participle ("signed", "met", "held"), as opposed to a present or base form. */
export function isPastForm(word: string): boolean {
  return IRREGULAR_PAST.has(word) || (/^[a-z-]{3,}ed$/.test(word) && !NOT_PAST.has(word)) || ['agreed', 'planned', 'proposed', 'expected'].includes(word);
}
