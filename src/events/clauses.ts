// Clauses of a sentence, and the reporting verb ("said", "told") that frames reported speech.
import type { Mention } from './actors.ts';
import { isEventVerb } from './triggers.ts';
import type { Clause, Sentence, Token } from './tokens.ts';

const CLAUSE_BREAK = new Set(['while', 'whereas', 'but', 'although', 'though', 'meanwhile']);
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'stated', 'added', 'announced', 'noted', 'stressed', 'declared', 'warned', 'insisted', 'confirmed', 'argued', 'wrote']);

/** Splits a sentence into clauses: at ";", at ", while/but/whereas …", at ", and", and at "and" before an event verb. */
export function sentenceClauses(tokens: readonly Token[], s: Sentence): Clause[] {
  const clauses: Clause[] = [];
  let first = s.first;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    let cut = -1;
    if (t.text === ';') cut = i;
    else if (t.text === ',' && next && (CLAUSE_BREAK.has(next.lower) || next.lower === 'and')) cut = i;
    else if (t.lower === 'and' && (isEventVerb(next) || (/ly$/.test(next?.lower ?? '') && isEventVerb(tokens[i + 2])))) cut = i;
    // "accused Belarus of … and said Warsaw would close the border": a second, reported clause.
    else if (t.lower === 'and' && next && REPORTING_VERBS.has(next.lower)) cut = i;
    if (cut >= 0 && cut > first + 1) { clauses.push({ first, last: cut }); first = cut + 1; }
  }
  if (first < s.last) clauses.push({ first, last: s.last });
  return clauses;
}

export interface Reporting { verb: number; speaker?: Mention }

/** The reporting verb of a sentence ("said", "told") and who speaks, if a state actor does. */
export function findReporting(tokens: readonly Token[], s: Sentence, mentions: Mention[]): Reporting | undefined {
  for (let i = s.first; i < s.last; i++) {
    if (!REPORTING_VERBS.has(tokens[i].lower)) continue;
    const near = mentions.filter((m) => m.kind !== 'agency' && !m.place && m.state && (
      (m.last <= i && i - m.last <= 2) || (m.first > i && m.first - i <= 3)));
    const speaker = near.sort((a, b) => Math.abs(a.first - i) - Math.abs(b.first - i))[0];
    // A clause-initial subject "Kazakhstan's minister said" also speaks.
    const subject = mentions.find((m) => m.kind !== 'agency' && !m.place && m.state && m.last <= i && m.first >= s.first);
    return { verb: i, speaker: speaker ?? subject };
  }
  return undefined;
}
