// Clauses of a sentence, and the reporting verb ("said", "told") that frames reported speech.
import type { Mention } from './actors.ts';
import { isActVerb, isEventVerb, isTriggerVerb } from './triggers.ts';
import type { Clause, Sentence, Token } from './tokens.ts';

const CLAUSE_BREAK = new Set(['while', 'whereas', 'but', 'although', 'though', 'meanwhile']);
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'stated', 'added', 'announced', 'noted', 'stressed', 'declared', 'warned', 'insisted', 'confirmed', 'argued', 'wrote']);
/** Relative pronouns after a comma: ", which halted …", ", who announced …". */
const RELATIVE = new Set(['which', 'who']);
/** Words before "that" which make it a conjunction ("said that", "so that") or a determiner, not a relative pronoun. */
const NOT_RELATIVE_BEFORE = new Set([...REPORTING_VERBS, 'so', 'such', 'now', 'given', 'except', 'than', 'is', 'was', 'are', 'were', 'be', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'about', 'after', 'before']);
/** Determiners that open an appositive noun phrase: ", a charge Baku dismissed", ", a step Philippine miners have welcomed". */
const APPOSITIVE = new Set(['a', 'an', 'the', 'this', 'one']);
const PERFECT = new Set(['has', 'have', 'had']);
/** Modals after a relative pronoun: "the pipeline, which will carry gas to Europe" says what a thing is for, not an act. */
export const MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'shall', 'must']);

/**
 * Splits a sentence into clauses: at ";", at ", while/but/whereas …", at ", and", at "and" or a comma before a verb of an
 * act ("signed … and pledged …", "met …, agreed …"), and around relative clauses that tell an act (", which halted …",
 * "a strike that damaged …", ", a charge Baku dismissed"). `mentions` are the sentence's actor mentions, in order.
 */
export function sentenceClauses(tokens: readonly Token[], s: Sentence, mentions: readonly Mention[] = []): Clause[] {
  const mentionAt = new Map<number, Mention>();
  for (const m of mentions) mentionAt.set(m.first, m);
  const cut = new ClauseCuts(s.first);
  /** The antecedent of the open non-restrictive relative clause (", which … ,"), if one is open. */
  let openRelative = -1;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.text === ';') { openRelative = -1; cut.at(i, i + 1); continue; }
    if (t.text === ',' && openRelative >= 0) {
      // The end of ", which …,": what follows goes on with the noun the relative clause hung on.
      const antecedent = openRelative;
      openRelative = -1;
      cut.at(i, i + 1, next && !CLAUSE_BREAK.has(next.lower) && next.lower !== 'and' ? { kind: 'resumed', antecedent } : undefined);
      continue;
    }
    if (t.text === ',' && next && RELATIVE.has(next.lower) && i > s.first) {
      openRelative = i - 1;
      cut.at(i, i + 1, { kind: 'relative', antecedent: i - 1 });
      continue;
    }
    if (t.lower === 'that' && i > s.first && relativeThat(tokens, i, s.last, mentionAt)) {
      cut.at(i, i, { kind: 'relative', antecedent: i - 1 });
      continue;
    }
    // "will deliver uranium to France under a contract signed on Tuesday": a deal told by a participle is an event of its own.
    const deal = DEAL_NOUN.test(t.lower) && next && PARTICIPLE.test(next.lower) && isActVerb(next) ? determinerBefore(tokens, i, cut.first) : -1;
    if (deal > cut.first && hasVerb(tokens, cut.first, deal)) { cut.at(deal, deal, { kind: 'relative', antecedent: i }); continue; }
    if (t.text === ',' && next && APPOSITIVE.has(next.lower) && reducedRelative(tokens, i + 1, s.last, mentionAt)) { cut.at(i, i + 1, { kind: 'appositive', antecedent: i - 1 }); continue; }
    if (t.text === ',' && next && (CLAUSE_BREAK.has(next.lower) || next.lower === 'and')) { cut.at(i, i + 1); continue; }
    // "met his counterpart on Tuesday, agreed to raise purchases and announced …": a list of verb phrases.
    // Not after a bare noun phrase: "The agreement, signed in Doha, …" is a participle on the noun.
    if (t.text === ',' && openRelative < 0 && (isEventVerb(next) || (isActVerb(next) && !REPORTING_VERBS.has(next.lower))) && hasVerb(tokens, cut.first, i)) { cut.at(i, i + 1); continue; }
    if (t.lower === 'and' && (isEventVerb(next) || isActVerb(next) || (/ly$/.test(next?.lower ?? '') && isEventVerb(tokens[i + 2])))) { cut.at(i, i + 1); continue; }
    // "accused Belarus of … and said Warsaw would close the border": a second, reported clause.
    if (t.lower === 'and' && next && REPORTING_VERBS.has(next.lower)) cut.at(i, i + 1);
  }
  return cut.end(s.last);
}

/** The clauses of a sentence as they are cut: where the open clause starts, and the clause its subject stands outside of. */
class ClauseCuts {
  first: number;
  private outer: Clause['outer'];
  private readonly clauses: Clause[] = [];
  constructor(first: number) {
    this.first = first;
  }

  /** Ends the open clause before token `at` (a clause of one word is not cut off) and opens the next at `next`. */
  at(at: number, next: number, nextOuter?: Clause['outer']): void {
    const { first, outer } = this;
    if (at > first + 1 || (outer && at > first)) { this.clauses.push(outer ? { first, last: at, outer } : { first, last: at }); this.first = next; this.outer = nextOuter; }
    else if (nextOuter) { this.outer = nextOuter; }
  }

  /** The clauses, the open one ending at `last`. */
  end(last: number): Clause[] {
    const { first, outer } = this;
    if (first < last) this.clauses.push(outer ? { first, last, outer } : { first, last });
    return this.clauses;
  }
}

const DEAL_NOUN = /^(?:agreement|deal|contract|accord|treaty|memorandum|pact|protocol|framework)s?$/;
const PARTICIPLE = /^(?:\p{Ll}+ed|struck|made|signed|reached)$/u;

/** The determiner that opens the noun phrase ending at i ("a contract", "the new supply deal"), within three words, or -1. */
function determinerBefore(tokens: readonly Token[], i: number, floor: number): number {
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) if (APPOSITIVE.has(tokens[k].lower) || tokens[k].lower === 'its' || tokens[k].lower === 'their') return k;
  return -1;
}

/** Whether the tokens [from, to) hold a verb of an act or of saying: a clause, not a bare noun phrase. */
function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isTriggerVerb(tokens[k]) || REPORTING_VERBS.has(tokens[k].lower)) return true;
  return false;
}

/** The token after a mention starting at i, or i when none starts there. */
function afterMention(i: number, mentionAt: Map<number, Mention>): number {
  return mentionAt.get(i)?.last ?? i;
}

/** A verb of an act at k, after "has/have/had" and a word in -ly if any: "dismissed", "have welcomed", "swiftly halted". */
function actVerbAt(tokens: readonly Token[], k: number, end: number): boolean {
  if (k < end && PERFECT.has(tokens[k].lower)) k++;
  if (k < end && /ly$/.test(tokens[k].lower)) k++;
  return k < end && !REPORTING_VERBS.has(tokens[k].lower) && isActVerb(tokens[k]);
}

// "a drone strike that damaged …" (subject relative), "the tariffs that Ottawa imposed …" (object relative): "that" after a
// noun, followed by a verb of an act or by an actor and such a verb. After a verb ("said that") or a preposition it is no
// relative pronoun.
function relativeThat(tokens: readonly Token[], i: number, end: number, mentionAt: Map<number, Mention>): boolean {
  const before = tokens[i - 1];
  if (!before.word || before.cap || NOT_RELATIVE_BEFORE.has(before.lower) || /ed$/.test(before.lower) || isActVerb(before)) return false;
  // "said last week that …": a reporting verb shortly before makes "that" a conjunction.
  for (let k = Math.max(0, i - 6); k < i; k++) if (REPORTING_VERBS.has(tokens[k].lower)) return false;
  if (actVerbAt(tokens, i + 1, end)) return true;
  const after = afterMention(i + 1, mentionAt);
  return after > i + 1 && actVerbAt(tokens, after, end);
}

// ", a charge Baku dismissed": a noun phrase of at most three words, an actor, and a verb of an act.
function reducedRelative(tokens: readonly Token[], k: number, end: number, mentionAt: Map<number, Mention>): boolean {
  for (let j = k + 1; j <= Math.min(k + 3, end - 1); j++) {
    const m = mentionAt.get(j);
    if (m) return actVerbAt(tokens, agentNounEnd(tokens, m.last, end), end);
    if (!tokens[j].word) return false;
  }
  return false;
}

/** Past a plural noun of people right after a demonym ("Philippine miners"): where the verb may start. */
function agentNounEnd(tokens: readonly Token[], k: number, end: number): number {
  return k < end && /^(?:\p{Ll}+(?:ers|ors|ists|ians)|officials|authorities|companies|firms)$/u.test(tokens[k].lower) ? k + 1 : k;
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
