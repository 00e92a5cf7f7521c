// Dates in a sentence, absolute or relative, resolved against the publication date with chrono-node.
// A date keeps the precision the text gives: 2023-11-01, 2023-11 or 2023.
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** ISO 8601 date at the precision written: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** Character range of the expression in the text. */
  start: number;
  end: number;
  /** Resolved against the publication date (relative: "last week", "on Tuesday", "November 1"). */
  relative: boolean;
}

export interface DateProblem {
  text: string;
  start: number;
}

/** Words that point forward: a weekday or a month without a year then means the next one. */
const FUTURE = /\b(?:will|would|next|plans?\s+to|planned|is\s+to|are\s+to|scheduled|expected\s+to|upcoming|due\s+to|set\s+to|intends?\s+to)\b/i;
/** Quick filter: chrono runs only on sentences that may hold a date (it is the costliest step). */
const MAYBE_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|ago|last|next|this|earlier|week|month|year|\d{4}|\d{1,2}[/.-]\d{1,2})/i;
const RELATIVE_WORDS = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|earlier|later|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const YEAR_ONLY = /\b(?:in|during|since|early|late|mid|mid-|throughout)\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d{2})\b(?!\s*(?:-|–|to)\s*\d)/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** Parses "YYYY-MM-DD" into a reference Date at local noon (so that time zones never move the day). */
export function referenceDate(published: string): Date {
  const [y, m, d] = published.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** Adds days to an ISO day, in UTC arithmetic. */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Dates found in text[from, to). `published` (YYYY-MM-DD) anchors relative expressions; without it only dates
 * that name their year are kept, and the others are returned as problems.
 */
export function findDates(text: string, from: number, to: number, published: string | null): { dates: FoundDate[]; unresolved: DateProblem[] } {
  const sentence = text.slice(from, to);
  const dates: FoundDate[] = [];
  const unresolved: DateProblem[] = [];
  if (!MAYBE_DATE.test(sentence)) return { dates, unresolved };
  const ref = published ? referenceDate(published) : new Date(2000, 0, 1, 12);
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(sentence, ref, { forwardDate: false });
  } catch {
    return { dates, unresolved };
  }
  for (const r of results) {
    const s = r.start;
    const known = { y: s.isCertain('year'), m: s.isCertain('month'), d: s.isCertain('day'), w: s.isCertain('weekday') };
    if (!known.y && !known.m && !known.d && !known.w) continue; // times of day, "this week"
    // "May" and other bare capitalised month names are too often something else (the modal, a name).
    if (!known.d && !known.y && !known.w && /^(?:may|march|june|august)$/i.test(r.text.trim())) continue;
    const relative = !known.y || RELATIVE_WORDS.test(r.text);
    const start = from + r.index;
    const end = start + r.text.length;
    if (!published && relative) { unresolved.push({ text: r.text.trim(), start }); continue; }
    const y = s.get('year')!;
    const m = s.get('month')!;
    const d = s.get('day')!;
    // Does the clause before the expression look forward ("will visit … on Friday")? A report verb or a comma ends the clause.
    const lead = sentence.slice(Math.max(0, r.index - 100), r.index);
    const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.search(/\b(?:said|says|after|since)\b(?!.*\b(?:said|says|after|since)\b)/)) + 1);
    const future = FUTURE.test(clause);
    let date: string;
    let year = y;
    // A month (and day) without a year: the last one before publication, or the next one when the clause looks forward.
    if (published && !known.y && known.m) {
      const pubYear = Number(published.slice(0, 4));
      const pubMonthDay = published.slice(5);
      const monthDay = `${pad(m)}-${pad(known.d ? d : 1)}`;
      year = future ? (monthDay >= pubMonthDay ? pubYear : pubYear + 1) : (monthDay <= pubMonthDay ? pubYear : pubYear - 1);
    }
    if (known.d || known.w) date = known.w && !known.d ? isoDay(y, m, d) : isoDay(year, m, d);
    else if (known.m) date = `${String(year).padStart(4, '0')}-${pad(m)}`;
    else date = String(y).padStart(4, '0');
    // A bare weekday means the last one (or the day itself), or the next one when the clause looks forward.
    if (published && known.w && !known.d) {
      if (!future && date > published) date = addDays(date, -7);
      if (future && date < published) date = addDays(date, 7);
    }
    dates.push({ date, start, end, relative });
  }
  if (dates.length === 0) {
    YEAR_ONLY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = YEAR_ONLY.exec(sentence)) !== null) {
      const start = from + m.index + m[0].indexOf(m[1]);
      dates.push({ date: m[1], start, end: start + 4, relative: false });
    }
  }
  return { dates, unresolved };
}
