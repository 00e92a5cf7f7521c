// Checks and cleans the input before any reading: binary data, size, HTML, language. Cleaning never
// moves a character, so every offset refers to the input as given.
import { CorridorError } from '../errors.ts';

/** Larger inputs are refused with a message (a news article is a few kB; split larger files). */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Decodes bytes as UTF-8 text, or fails with a message saying why they are not text. */
export function decodeInput(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length, name);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `${name}: expected UTF-8 text, found binary data (a NUL byte at byte ${nul})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `${name}: expected UTF-8 text, found bytes that are not UTF-8 (binary data, or text in another encoding: save it as UTF-8)`);
  }
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

export function tooLarge(bytes: number, name: string): CorridorError {
  return new CorridorError(
    'CORRIDOR_ERR_INPUT_TEXT',
    `${name}: expected at most ${MAX_INPUT_BYTES / 2 ** 20} MiB of text (one article or a few), found ${(bytes / 2 ** 20).toFixed(1)} MiB; split the file into articles`,
  );
}

export interface PreparedText {
  /** The text to read: same length as the input, tags and control characters blanked. */
  text: string;
  warnings: string[];
  /** Reading should stop: the input is empty, binary or not English. */
  refuse: boolean;
}

/** The opening of a common HTML tag; the tag runs to the next ">". */
const HTML_HINT = /<(?:!doctype|html|head|body|div|p|span|a|br|h[1-6]|article|section|script|style|table|li|ul|meta|title)\b/gi;
const BLOCK_TAGS = /^<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|article|section|header|footer|title|blockquote|hr|figure|figcaption|main|nav|aside)\b/i;
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…',
};

function blank(length: number, lead = ''): string {
  return (lead + ' '.repeat(Math.max(0, length - lead.length))).slice(0, length);
}

// Each scan below finds what a regular expression such as /<tag\b[^>]*>/ or /<!--[\s\S]*?-->/ would find, but never
// searches the same stretch twice: such an expression searches to the end of the text again from every "<" that is not
// closed ("<a <a <a …"), which takes time growing with the square of the length.

/** How many common HTML tags ("<p>", "<a href=…>") the text holds, counted up to `enough`. */
function countHtmlTags(text: string, enough: number): number {
  let count = 0;
  HTML_HINT.lastIndex = 0;
  while (count < enough && HTML_HINT.exec(text) !== null) {
    const close = text.indexOf('>', HTML_HINT.lastIndex);
    if (close < 0) break; // no ">" after this opening, so none after any later one
    count++;
    HTML_HINT.lastIndex = close + 1;
  }
  return count;
}

const RAW_OPEN = /<(script|style|noscript|template)\b/gi;
const RAW_CLOSE: Record<string, RegExp> = Object.fromEntries(['script', 'style', 'noscript', 'template'].map((n) => [n, new RegExp(`</${n}\\s*>`, 'gi')]));

/** Blanks scripts, styles and templates, from the opening tag to the first closing tag of the same name (a blank line in their place). */
function blankRawElements(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let tagEnd = -1; // the next ">" at or after the search point, kept while the search moves on
  const unclosed = new Set<string>(); // names whose closing tag does not occur after the search point
  RAW_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RAW_OPEN.exec(text)) !== null) {
    const name = m[1].toLowerCase();
    if (unclosed.has(name)) { RAW_OPEN.lastIndex = m.index + 1; continue; }
    if (tagEnd < RAW_OPEN.lastIndex) tagEnd = text.indexOf('>', RAW_OPEN.lastIndex);
    if (tagEnd < 0) break;
    const closing = RAW_CLOSE[name];
    closing.lastIndex = tagEnd + 1;
    const c = closing.exec(text);
    if (!c) { unclosed.add(name); RAW_OPEN.lastIndex = m.index + 1; continue; }
    const end = c.index + c[0].length;
    parts.push(text.slice(copied, m.index), blank(end - m.index, '\n\n'));
    copied = end;
    RAW_OPEN.lastIndex = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Blanks comments, "<!--" to the first "-->" after it. */
function blankComments(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', copied)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break; // no comment after this one is closed either
    parts.push(text.slice(copied, open), blank(close + 3 - open));
    copied = close + 3;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Blanks HTML markup in place: tags become spaces (block tags a blank line), entities their character padded with spaces. */
export function stripHtml(text: string): string {
  let out = blankComments(blankRawElements(text));
  // A tag runs to the next ">" unless a "<" comes first: the search from one "<" never passes the next.
  out = out.replace(/<\/?[A-Za-z!][^<>]{0,2000}>/g, (m) => (BLOCK_TAGS.test(m) ? blank(m.length, m.length >= 3 ? '\n\n' : '\n') : blank(m.length)));
  out = out.replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,8});/gi, (m, body: string) => {
    let ch: string | undefined;
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      ch = code > 31 && code < 0xffff && (code < 0xd800 || code > 0xdfff) ? String.fromCharCode(code) : ' ';
    } else ch = ENTITIES[body.toLowerCase()];
    return ch === undefined ? m : blank(m.length, ch);
  });
  return out;
}

const STOPWORDS = new Set(('the of and to in a is that for on was with as by at from it be has have are were said its an will this which ' +
  'would their after but not or more than also been had who they he she his her we our over into about year last new two its up out ' +
  'between under when while could other per cent percent million billion tonnes deal minister government president talks').split(' '));

/** Longest stop word: a longer word is never looked up (it saves lower-casing most words). */
const STOPWORD_MAX = Math.max(...[...STOPWORDS].map((w) => w.length));
const LETTER = /\p{L}/u;

/** Whether the code point at i is a letter (\p{L}); ASCII is decided without a regular expression. */
function isLetterAt(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Share of words that are common English words (0 when there are no words). Words are runs of letters, at most 3,000 read. */
export function englishShare(text: string): { words: number; share: number; latin: number } {
  let words = 0;
  let hits = 0;
  let latin = 0;
  let letters = 0;
  // One pass over the characters (a regular expression and a match object per word cost more than the check itself).
  let i = 0;
  const n = text.length;
  while (i < n && words < 3_000) {
    const code = text.charCodeAt(i);
    if (!isLetterAt(text, i, code)) { i++; continue; }
    const start = i;
    let wordLatin = 0;
    let wordLetters = 0;
    let lowerAscii = true;
    while (i < n) {
      const c = text.codePointAt(i)!;
      if (!isLetterAt(text, i, c)) break;
      wordLetters++;
      if (c <= 0x24f) wordLatin++; // up to "ɏ": Latin letters
      if (c < 97 || c > 122) lowerAscii = false;
      i += c > 0xffff ? 2 : 1;
    }
    words++;
    // A word in ASCII lower case is its own lower case: only the others are lower-cased before the lookup.
    if (i - start <= STOPWORD_MAX) {
      const word = text.slice(start, i);
      if (STOPWORDS.has(lowerAscii ? word : word.toLowerCase())) hits++;
    }
    // An ASCII word counts its UTF-16 length, which is its number of letters.
    letters += wordLetters;
    latin += wordLatin;
  }
  return { words, share: words ? hits / words : 0, latin: letters ? latin / letters : 0 };
}

/** Checks and cleans a text for reading. Never throws. */
export function prepareText(input: string): PreparedText {
  const warnings: string[] = [];
  if (input.trim() === '') return { text: input, warnings: ['empty input: no text to read'], refuse: true };
  let controls = 0;
  for (let i = 0; i < input.length && i < 65_536; i++) {
    const c = input.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  if (controls > 0 && controls / Math.min(input.length, 65_536) > 0.01) {
    return { text: input, warnings: [`the input looks like binary data (${controls} control characters), not text: nothing was read`], refuse: true };
  }
  let text = input.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g, ' ');
  if (countHtmlTags(text.slice(0, 200_000), 2) >= 2) {
    text = stripHtml(text);
    warnings.push('the input looks like HTML: tags and scripts were removed before reading (offsets still refer to the input as given)');
  }
  const { words, share, latin } = englishShare(text);
  if (words === 0) return { text, warnings: [...warnings, 'no words found in the input: nothing to read'], refuse: true };
  if (latin < 0.5 || (words >= 12 && share < 0.08) || (words >= 4 && words < 12 && share === 0 && latin < 0.9)) {
    return { text, warnings: [...warnings, `the text does not look like English (${Math.round(share * 100)}% common English words): no events were read`], refuse: true };
  }
  return { text, warnings, refuse: false };
}
