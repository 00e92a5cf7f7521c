// A phrase matcher over tokens: the longest entry that starts at a token wins.
import { tokenize, type Token } from './tokens.ts';

/** How the text must be written for an entry to match. */
export type CaseRule =
  | 'exact' // exactly as in the entry (acronyms: "US", "EU", "CPC")
  | 'cap' // the first letter of the first word upper case (proper nouns: "Kazakhstan", "Moscow")
  | 'any'; // any case (common nouns: "crude oil", "rare earths")

export interface Entry<T> {
  phrase: string;
  words: string[];
  /** The entry as written, token by token (for exact matching). */
  written: string[];
  rule: CaseRule;
  value: T;
}

export interface Match<T> {
  entry: Entry<T>;
  /** Token range [first, last). */
  first: number;
  last: number;
}

export class Gazetteer<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private count = 0;

  add(phrase: string, value: T, rule: CaseRule = 'cap'): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    const entry: Entry<T> = { phrase, words: tokens.map((t) => t.lower), written: tokens.map((t) => t.text), rule, value };
    const key = entry.words[0];
    const list = this.byFirst.get(key) ?? [];
    // Keep one entry per phrase and rule: the first added wins (callers add the most specific first).
    if (list.some((e) => e.words.join(' ') === entry.words.join(' ') && e.rule === rule)) return;
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(key, list);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The longest entry matching at token i, if any. */
  matchAt(tokens: readonly Token[], i: number, end = tokens.length): Match<T> | undefined {
    const list = this.byFirst.get(tokens[i].lower);
    if (!list) return undefined;
    for (const entry of list) {
      const n = entry.words.length;
      if (i + n > end) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const token = tokens[i + k];
        if (token.lower !== entry.words[k]) { ok = false; break; }
        // Words of a phrase are written next to each other, apart from single spaces or hyphens.
        if (token.start - tokens[i + k - 1].end > 2) { ok = false; break; }
      }
      if (!ok) continue;
      if (entry.rule === 'exact') {
        for (let k = 0; k < n && ok; k++) if (tokens[i + k].text !== entry.written[k]) ok = false;
      } else if (entry.rule === 'cap') {
        ok = tokens[i].cap;
      }
      if (ok) return { entry, first: i, last: i + n };
    }
    return undefined;
  }

  /** Every non-overlapping longest match in [from, to), left to right. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): Match<T>[] {
    const found: Match<T>[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(tokens, i, to);
      if (m) { found.push(m); i = m.last - 1; }
    }
    return found;
  }
}
