// Tokens and sentences with character offsets into the text as given. Pure and linear in the text length.

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case, with curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A word (letters or digits), as opposed to punctuation. */
  word: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last token in the article's token list. */
  first: number;
  last: number;
  /** Whether this sentence is the headline (the first line, set apart by a line break). */
  headline: boolean;
  /** Whether this sentence is an item of a list ("• Georgia: …", "- …", "1. …"): a story of its own. */
  item: boolean;
}

/** A clause: the token range [first, last) of part of a sentence that may tell an event of its own. */
export interface Clause {
  first: number;
  last: number;
  /**
   * A clause whose subject stands outside it: a relative clause (", which halted …", "a strike that damaged …") or the
   * rest of a clause a relative clause interrupted ("Pemex, which halted …, resumed …"). `antecedent` is the token
   * right before the relative clause: the last word of the noun it hangs on. An appositive (", a charge Baku dismissed")
   * names its own actor and reacts to the event of the clause before it.
   */
  outer?: { kind: 'relative' | 'resumed' | 'appositive'; antecedent: number };
}

/** Marks that begin a list item at the start of a line. */
const BULLETS = new Set(['•', '-', '*', '–', '—', '▪', '·', '◦', '‣', '■', '□', '►', '>']);

// Acronyms with dots (U.S., U.K.), an apostrophe suffix ('s, 't), a word or number (decimals kept whole), or one other character.
const TOKEN = /(?:\p{Lu}\.){2,}|['’]\p{L}{1,2}\b|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+|[^\s]/gu;
const UPPER = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;

// ASCII first characters are decided by their code; the Unicode classes are tested only for the rest (most tokens are ASCII).
function isCap(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(t);
}

function isWordLike(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39; // digit, letter, "'"
  return WORDLIKE.test(t) || c === 0x2019;
}

/** Lower case with curly apostrophes made straight. */
function lowerOf(t: string): string {
  if (t.indexOf('’') < 0) return t.toLowerCase();
  return t === '’' ? "'" : t.toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    const t = m[0];
    tokens.push({ text: t, lower: lowerOf(t), start: m.index, end: m.index + t.length, cap: isCap(t), word: isWordLike(t) });
  }
  return tokens;
}

/** Words that end with a period without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'sgt', 'capt', 'cmdr', 'adm', 'pres',
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri',
  'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'govt', 'jr', 'sr', 'mt', 'ft', 'vol',
  'e.g', 'i.e', 'al', 'bn', 'mln', 'cf', 'fig', 'km',
]);
/** Capitalised words that commonly begin a sentence after an acronym such as "U.S.". */
const STARTERS = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'in', 'on', 'at', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'but', 'and', 'meanwhile', 'however', 'earlier', 'later']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * Longest stretch read as one sentence, in characters. Text without sentence ends (no punctuation, a table flattened
 * into one line, all lower case) would otherwise make one sentence of the whole article, and the steps that look at
 * a sentence as a whole (dates, clauses, who acts) take time growing with the square of its length. A news sentence
 * is far shorter.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** A first line longer than this (in characters) is the lead wrapped at a fixed width, not a headline. */
const LONGEST_HEADLINE = 95;

/** Words a line cannot end on when it ends a headline: it runs on into the next line. */
const RUN_ON_ENDS = new Set([',', ';', ':', '(', '-', '–', 'and', 'or', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'at', 'its', 'their']);

/** Whether a line ending with `last` runs on into the line starting with `next`: it ends mid-phrase, or the next starts in lower case. */
function runsOn(last: Token, next: Token): boolean {
  if (RUN_ON_ENDS.has(last.lower)) return true;
  const c = next.text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,}$/u;
/** "U.S.", "U.K.": tested only on tokens that end in "." and are long enough, as most tokens are not. */
function isDottedAcronym(t: string): boolean {
  return t.length >= 4 && t.charCodeAt(t.length - 1) === 46 && DOTTED_ACRONYM.test(t);
}

/**
 * Splits an article into sentences. Blank lines always end a sentence; the first line ends one when a line break
 * follows it; a sentence that would run past MAX_SENTENCE_CHARS ends before the token that would take it there.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  let headlineDone = false;
  const close = (lastExclusive: number, headline = false): void => {
    if (lastExclusive > first) {
      const item = bulletAt(first);
      sentences.push({ start: tokens[first].start, end: tokens[lastExclusive - 1].end, first, last: lastExclusive, headline: headline && !item, item });
    }
    first = lastExclusive;
  };
  // A bullet followed by a space ("• Georgia: …", "- …"), or a number with "." or ")" ("1. …"), at the start of a line.
  const bulletAt = (i: number): boolean => {
    const t = tokens[i];
    const n = tokens[i + 1];
    if (!t || !n) return false;
    if (i > 0 && !text.slice(tokens[i - 1].end, t.start).includes('\n')) return false;
    if (BULLETS.has(t.text)) return n.start > t.end;
    return /^\d{1,2}$/.test(t.text) && (n.text === '.' || n.text === ')') && n.start === t.end && !!tokens[i + 2] && tokens[i + 2].start > n.end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (i > first && token.end - tokens[first].start > MAX_SENTENCE_CHARS) close(i);
    const next = tokens[i + 1];
    if (!next) break;
    // Line breaks.
    let newlines = 0;
    for (let k = token.end; k < next.start; k++) if (text.charCodeAt(k) === 10) newlines++;
    if (newlines > 0) {
      // A list item starts on a new line: it ends what came before.
      if (bulletAt(i + 1)) {
        const isHeadline = !headlineDone && sentences.length === 0 && !/[.!?]$/.test(token.text);
        headlineDone = true;
        close(i + 1, isHeadline);
        continue;
      }
      const blank = newlines > 1 && /\n[ \t\r\f\v]*\n/.test(text.slice(token.end, next.start));
      // Text wrapped at a fixed width: a first line that runs on into the next ("… the peace process,\na charge …") is
      // the start of the lead, not a headline.
      if (!blank && !headlineDone && sentences.length === 0 && (runsOn(token, next) || token.end - tokens[first].start > LONGEST_HEADLINE)) { headlineDone = true; continue; }
      if (blank || (!headlineDone && sentences.length === 0)) {
        const isHeadline = !headlineDone && sentences.length === 0 && !/[.!?]$/.test(token.text);
        headlineDone = true;
        close(i + 1, isHeadline);
        continue;
      }
    }
    if (!headlineDone && sentences.length === 0 && i - first > 80) headlineDone = true;
    const t = token.text;
    if (t !== '.' && t !== '!' && t !== '?' && !isDottedAcronym(t)) continue;
    // Include closing quotes and brackets in the sentence.
    let end = i;
    while (tokens[end + 1] && CLOSERS.has(tokens[end + 1].text) && tokens[end + 1].start === tokens[end].end) end++;
    const after = tokens[end + 1];
    if (!after) break;
    if (after.start === tokens[end].end) continue; // no space: "reuters.com", "3.5"
    const startsLikeSentence = after.cap || /^[\p{N}"“‘'(«]/u.test(after.text);
    if (!startsLikeSentence) continue;
    if (t === '.') {
      const previous = tokens[i - 1];
      if (previous && previous.end === token.start) {
        const word = previous.lower;
        if (ABBREVIATIONS.has(word)) continue;
        if (/^\p{Lu}$/u.test(previous.text)) continue; // an initial: "J. Smith"
      }
    } else if (t !== '!' && t !== '?') {
      // An acronym with dots ends a sentence only when a typical sentence starter follows.
      if (!STARTERS.has(after.lower)) continue;
    }
    headlineDone = true;
    close(end + 1);
    i = end;
  }
  close(tokens.length, false);
  return sentences;
}
