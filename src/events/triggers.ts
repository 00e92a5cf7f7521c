// Event type and tone from the trigger lexicons: the strongest trigger of a clause, whether it is a topic or
// background rather than the event itself, and the negation, hedging and intensity words around it.
import { EVENT_SCALE, type EventType } from './method.ts';
import type { Clause, Token } from './tokens.ts';
import { APPEAL_SEEDS, HEDGES, INTENSIFIERS, MITIGATORS, NEGATORS, PRAISE_SEEDS, PRAISE_VERBS, REFUSALS, REPORTING, SPEECH_ACT_TYPES, TRIGGERS, type Trigger } from './lexicon/triggers.ts';

/** Trigger heads by word form, for a single lookup per token. */
const TRIGGERS_BY_HEAD = new Map<string, Trigger[]>();
for (const t of TRIGGERS) for (const f of t.head) TRIGGERS_BY_HEAD.set(f, [...(TRIGGERS_BY_HEAD.get(f) ?? []), t]);

const MEET_FORMS = new Set(['meet', 'meets', 'met', 'meeting']);
const MEET_NOT_EVENT = new Set(['demand', 'needs', 'need', 'target', 'targets', 'requirements', 'requirement', 'standards', 'standard', 'obligations', 'criteria', 'deadline', 'expectations', 'goals', 'goal', 'commitments', 'conditions']);
const CLOSE_VERB_AFTER = new Set(['will', 'would', 'could', 'may', 'might', 'to', 'must', 'should', 'shall', "'ll", 'not', "n't", 'and', 'or', 'cannot', 'also']);

/** A trigger found in a clause. */
export interface Found {
  trigger: Trigger;
  head: number;
  /** Token range covered by head and companion. */
  first: number;
  last: number;
  /** The trigger's weight, lowered when the word is only a topic ("talks on cooperation") or background ("after a halt"). */
  weight: number;
}

const DATE_WORD = /^(?:\d+(?:st|nd|rd|th)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|weekend|morning|evening)$/;
/** "on Monday", "on the 5th", "on this day": "on" before a date. */
function dateAfter(tokens: readonly Token[], k: number): boolean {
  const w = tokens[k]?.lower ?? '';
  if (w === 'the' || w === 'this' || w === 'that') return DATE_WORD.test(tokens[k + 1]?.lower ?? '') || /^day$/.test(tokens[k + 1]?.lower ?? '');
  return DATE_WORD.test(w);
}
/** Words after which a trigger names a topic, not an event. */
const TOPIC = new Set(['on', 'about', 'over', 'regarding', 'concerning', 'for', 'discuss', 'discussed', 'discussing', 'discusses']);
/** Nouns that, after "the" or "this", refer back to an event already told rather than report one. */
const KNOWN_EVENT_NOUNS = new Set(['visit', 'trip', 'tour', 'meeting', 'talks', 'agreement', 'deal', 'accord', 'treaty', 'memorandum', 'summit', 'sanctions', 'embargo', 'tariffs', 'investment', 'project', 'cooperation', 'partnership']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
/** Words that may stand between a topic word and its trigger: "talks on further cooperation". */
const TOPIC_FILLERS = new Set(['the', 'a', 'an', 'new', 'its', 'their', 'further', 'more', 'closer', 'deeper', 'possible', 'future', 'joint',
  'bilateral', 'economic', 'energy', 'trade', 'military', 'gas', 'oil', 'transit', 'uranium', 'mining', 'regional', 'strategic', 'expanding', 'raising', 'new']);
/** Words after which a trigger tells background: the cause or the earlier state of things. */
export const BACKGROUND = new Set(['after', 'following', 'because', 'since', 'amid', 'despite', 'due', 'before', 'until']);

/** Whether the token is the head of a trigger that is not a mere statement (a verb that can start a coordinated clause). */
export function isEventVerb(token: Token | undefined): boolean {
  return !!token && (TRIGGERS_BY_HEAD.get(token.lower) ?? []).some((t) => t.type !== 'STATEMENT' && t.weight >= 5 && /(?:ed|s|t|d)$/.test(token.lower));
}

/**
 * Whether the token is a finite verb that tells an act, speech acts and appeals included ("halted", "welcomed", "calls"
 * before "on"): a verb that can head a clause of its own after "and", a comma or a relative pronoun.
 */
export function isActVerb(token: Token | undefined): boolean {
  if (!token || !/(?:ed|s|t|d)$/.test(token.lower)) return false;
  return (TRIGGERS_BY_HEAD.get(token.lower) ?? []).some((t) => t.verbs.has(token.lower) && t.weight >= 4 &&
    (t.type !== 'STATEMENT' || (t.seed !== undefined && APPEAL_SEEDS.has(t.seed))));
}

/** Whether the token is any form of a trigger verb ("deliver", "signed", "halting"). */
export function isTriggerVerb(token: Token | undefined): boolean {
  return !!token && (TRIGGERS_BY_HEAD.get(token.lower) ?? []).some((t) => t.verbs.has(token.lower));
}

// Every trigger of a clause, each weighed down where the words around it make it a topic, background or an event already told.
function findTriggers(tokens: readonly Token[], c: Clause, v: SentenceMarks): Found[] {
  const found: Found[] = [];
  let background = false;
  for (let i = c.first; i < c.last; i++) {
    if (BACKGROUND.has(tokens[i].lower)) background = true;
    const list = TRIGGERS_BY_HEAD.get(tokens[i].lower);
    if (!list || coveredAt(v, i)) continue;
    if (tokens[i].cap && i > c.first && !/^[A-Z][a-z]+$/.test(tokens[i].text)) continue; // part of a name in capitals
    let topic = (i - 1 >= c.first && TOPIC.has(tokens[i - 1].lower)) ||
      (i - 2 >= c.first && TOPIC.has(tokens[i - 2].lower) && TOPIC_FILLERS.has(tokens[i - 1].lower));
    for (let k = Math.max(c.first, i - 5); k < i && !topic; k++) if (tokens[k].lower.startsWith('discuss')) topic = true;
    // "close" is a verb after a modal or "to" ("would close the border"), else an adjective ("close to the border").
    if (tokens[i].lower === 'close' && !CLOSE_VERB_AFTER.has(tokens[i - 1]?.lower ?? '')) continue;
    if (MEET_FORMS.has(tokens[i].lower)) {
      let demand = false;
      for (let k = i + 1; k < Math.min(i + 5, c.last); k++) if (MEET_NOT_EVENT.has(tokens[k].lower)) demand = true;
      if (demand) continue;
    }
    for (const trigger of list) {
      const known = DEFINITE.has(tokens[i - 1]?.lower ?? '') && KNOWN_EVENT_NOUNS.has(tokens[i].lower) && !trigger.with;
      // "agreed to raise shipments": the agreement is the event, whatever it is about.
      const agreedTo = trigger.type === 'AGREE' && tokens[i].lower.startsWith('agree') &&
        tokens.slice(i + 1, Math.min(i + 5, c.last)).some((t) => t.lower === 'to') ? 2 : 0;
      const weight = trigger.weight + agreedTo - (topic && trigger.type !== 'STATEMENT' ? 3 : 0) - (background ? 3 : 0) - (known ? 4 : 0);
      if (!trigger.with) { found.push({ trigger, head: i, first: i, last: i + 1, weight }); continue; }
      let comp = -1;
      for (let k = i + 1; k <= Math.min(i + trigger.window, c.last - 1); k++) if (companionAt(tokens, trigger, v.mentionStarts, k)) { comp = k; break; }
      if (comp < 0 && trigger.eitherOrder) {
        for (let k = i - 1; k >= Math.max(c.first, i - trigger.window); k--) if (companionAt(tokens, trigger, v.mentionStarts, k)) { comp = k; break; }
      }
      // "called on Monday for talks": "on" before a date is no appeal.
      if (comp >= 0 && tokens[comp].lower === 'on' && dateAfter(tokens, comp + 1)) continue;
      if (comp >= 0) found.push({ trigger, head: i, first: Math.min(i, comp), last: Math.max(i, comp) + 1, weight });
    }
  }
  return found;
}

/** Whether token k is the companion word a trigger needs ("talks" … "held"), or an actor where it takes one. */
function companionAt(tokens: readonly Token[], trigger: Trigger, mentionStarts: Set<number>, k: number): boolean {
  return trigger.with!.has(tokens[k].lower) || (trigger.with!.has('@actor') && mentionStarts.has(k));
}

/** Whether token i lies inside a mention or a link of its sentence: such a word is a name, not a trigger. */
function coveredAt(v: SentenceMarks, i: number): boolean {
  return v.inMention[i - v.s.first] === 1 || v.linked[i - v.s.first] === 1;
}

/** The strongest trigger: highest weight, then one with a companion word (more specific), then the earliest. */
function best(found: Found[]): Found | undefined {
  let top: Found | undefined;
  for (const f of found) {
    if (!top || f.weight > top.weight || (f.weight === top.weight && f.trigger.with && !top.trigger.with)) top = f;
  }
  return top;
}

/** Tone of an event: the type's default moved inside its range by the words of the clause. */
function toneOf(type: EventType, tokens: readonly Token[], c: Clause): number {
  if (type === 'STATEMENT') return 0;
  const info = EVENT_SCALE[type];
  let tone = info.tone;
  const direction = tone >= 0 ? 1 : -1;
  let up = 0;
  let down = 0;
  for (let i = c.first; i < c.last; i++) {
    if (INTENSIFIERS.has(tokens[i].lower)) up++;
    if (MITIGATORS.has(tokens[i].lower)) down++;
  }
  tone += direction * (Math.min(up, 2) - Math.min(down, 2));
  return Math.max(info.min, Math.min(info.max, tone));
}

/** What a sentence has already marked: the tokens inside a mention or a link (never a trigger), and where actors start. */
export interface SentenceMarks {
  s: { first: number };
  inMention: Uint8Array;
  linked: Uint8Array;
  mentionStarts: Set<number>;
}

/** Whether a trigger found is a speech act: a verb of criticising, accusing, warning or praising. */
export function isSpeechAct(tokens: readonly Token[], f: Found): boolean {
  const word = tokens[f.head].lower;
  if (!f.trigger.verbs.has(word)) return false;
  if (SPEECH_ACT_TYPES.has(f.trigger.type)) return true;
  if (f.trigger.type === 'STATEMENT') return f.trigger.seed !== undefined && APPEAL_SEEDS.has(f.trigger.seed);
  return f.trigger.type === 'COOPERATE' && (PRAISE_VERBS.has(word) || (f.trigger.seed !== undefined && PRAISE_SEEDS.has(f.trigger.seed)));
}

// A speech act is the event: the words after it are what is said ("criticised the rules as a threat to cooperation"),
// so no trigger among them can code the clause.
function withoutSpeechContent(tokens: readonly Token[], found: Found[]): Found[] {
  const speech = found.filter((f) => f.weight >= 3 && isSpeechAct(tokens, f)).sort((a, b) => a.head - b.head)[0];
  return speech ? found.filter((f) => f.first <= speech.head) : found;
}

/** Types of a concrete act: what a speech act is about becomes an event of its own only when it is one of these. */
const CONCRETE = new Set<EventType>(['SANCTION', 'DISRUPTION', 'SUPPLY', 'INVEST', 'AGREE']);

/**
 * The concrete act a speech act's content states as done, by a verb in the past with its agent after "by"
 * ("condemned the restrictions adopted by London"): the strongest such trigger after the speech act. A gerund or an
 * infinitive ("accused Baku of blocking", "threatened to cut") states no act, and neither does a noun ("the tariffs").
 */
export function reportedAct(tokens: readonly Token[], v: SentenceMarks, clause: Clause, speech: Found): Found | undefined {
  const content = { first: speech.last, last: clause.last };
  const acts = findTriggers(tokens, content, v).filter((f) => CONCRETE.has(f.trigger.type) &&
    f.trigger.verbs.has(tokens[f.head].lower) && /ed$/.test(tokens[f.head].lower) && f.weight >= 5 && agentAfter(tokens, f.head) > 0);
  return best(acts);
}

/** The token where the agent after "by" starts ("adopted by London", "imposed by the EU"), or -1. */
export function agentAfter(tokens: readonly Token[], head: number): number {
  let k = head + 1;
  if (tokens[k]?.lower !== 'by') return -1;
  k++;
  if (tokens[k]?.lower === 'the') k++;
  return k < tokens.length ? k : -1;
}

// A reporting verb ("said") codes a clause only when nothing else in it is a real trigger.
export function clauseTrigger(tokens: readonly Token[], v: SentenceMarks, clause: Clause): Found | undefined {
  const found = withoutSpeechContent(tokens, findTriggers(tokens, clause, v));
  const strong = found.some((g) => g.trigger.type !== 'STATEMENT' && g.weight >= 3);
  return best(found.filter((f) => (f.trigger.type !== 'STATEMENT' ? f.weight >= 3 || !found.some((g) => g.trigger.type === 'STATEMENT') : !strong || !REPORTING.has(tokens[f.head].lower))));
}

/** An event's type and tone after negation, and whether it is negated or hedged. */
export interface Polarity { type: EventType; tone: number; negated: boolean; hedged: boolean }

// Negation and hedging in the words before the trigger (up to four, within the clause): a denied deal is no deal.
export function readPolarity(tokens: readonly Token[], c: { clause: Clause; top: Found }): Polarity {
  const { clause, top } = c;
  const window = tokens.slice(Math.max(clause.first, top.first - 4), top.first).map((t) => t.lower);
  // A denial covers the whole clause it governs: "denied on Tuesday that it had blocked …".
  const denial = tokens.slice(clause.first, top.first).map((t) => t.lower).find((w) => /^(?:denied|denies|deny|denying)$/.test(w));
  const negator = denial ?? window.find((w) => NEGATORS.has(w));
  const negated = negator !== undefined && !(top.trigger.type === 'DISRUPTION' && ['halted', 'suspended', 'stalled', 'postponed'].includes(negator));
  const hedged = window.some((w) => HEDGES.has(w) && w !== 'to') || (window.at(-1) === 'to' && window.some((w) => HEDGES.has(w)));
  let type = top.trigger.type;
  let tone = toneOf(type, tokens, clause);
  if (negated) {
    if (tone > 0 && REFUSALS.has(negator!)) { type = 'DISAPPROVE'; tone = -3; }
    else if (tone > 0) { type = 'STATEMENT'; tone = -1; }
    else { type = 'STATEMENT'; tone = 0; }
  }
  return { type, tone, negated, hedged };
}
