// Who acts and on whom: the source of an event (named, implied by a pronoun or "the two countries", or read
// from the event's type) and its targets, chosen by where each mention stands against the trigger.
import type { Mention } from './actors.ts';
import type { Article, ClauseView, SentenceView } from './article.ts';
import type { LinkTarget } from './links.ts';
import { uniq } from './lists.ts';
import { EVENT_SCALE, type EventType } from './method.ts';
import type { Draft } from './result.ts';
import type { Token } from './tokens.ts';
import { BACKGROUND, type Found } from './triggers.ts';

const BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', "'s", 'got', 'get', 'gets']);
const NOT_SUBJECT_AFTER = new Set(['with', 'against', 'on', 'to', 'for', 'toward', 'towards', 'from', 'by', 'over', 'about', 'of', 'into', 'at', 'in', 'via', 'through', 'than', 'like', 'including', 'upon', 'onto',
  'under', 'among', 'between', 'behind', 'beyond', 'near', 'across', 'along', 'around', 'without', 'within', 'amid', 'despite', 'per', 'versus', 'vs']);
/** Prepositions that introduce the agent of a noun trigger: "criticism from Ukraine", "sanctions by the EU". */
const AGENT_AFTER = new Set(['from', 'by']);
/**
 * Plural nouns of people or bodies: a demonym before one stands for its state ("French lawmakers", "Chinese refiners"),
 * before any other noun it only qualifies a thing ("Chinese components", "a Kazakh deposit") and is no party.
 */
const AGENT_NOUN = /^(?:\p{Ll}+(?:ists|ians)|(?:refin|produc|export|import|trad|lawmak|work|offic|min|buy|suppli|operat|invest|negotiat|sell|lend|ow|mak)ers?|(?:operat|invest|negotiat|protest|demonstrat)ors|firms|companies|authorities|forces|troops|banks|lawmakers|citizens|nationals|people|guards|diplomats|ministries|governments|delegates|leaders|officials|negotiators|partners)$/u;
/** Nouns of a state's own deed: a demonym before one names who did it ("Russian oil shipments", "Chinese investment"). */
const DEED_NOUN = new Set(['exports', 'export', 'imports', 'shipments', 'deliveries', 'supplies', 'sales', 'purchases', 'investment', 'investments',
  'strikes', 'attacks', 'sanctions', 'tariffs', 'restrictions', 'policy', 'decision', 'move', 'actions', 'pressure']);
const EXPORT_NOUNS = new Set(['exports', 'export', 're-exports', 'sales', 'sale']);
/** Words that may stand between a trigger and the thing it acts on: "imposed on the Iranian tankers", "blocked Kazakh grain". */
const OBJECT_LEAD = new Set(['on', 'against', 'to', 'in', 'into', 'at', 'over', 'of', 'the', 'a', 'an', 'its', 'their', 'new', 'all', 'some']);
/**
 * Whether a mention is a party: a state named as such, a demonym before people or bodies, or a demonym on the very
 * thing the trigger acts on — its object or the complement of its preposition ("sanctions on Iranian tankers",
 * "blocked Kazakh grain transit"). Anywhere else a demonym only qualifies a thing.
 */
function party(tokens: readonly Token[], m: Mention, top: Found): boolean {
  if (!m.modifier || AGENT_NOUN.test(tokens[m.last]?.lower ?? '')) return true;
  for (let k = m.last; k < Math.min(m.last + 3, tokens.length); k++) if (DEED_NOUN.has(tokens[k].lower)) return true;
  if (m.first > top.first && m.last <= top.last) return true; // between a head and its companion: "blocked Kazakh grain transit"
  if (m.first < top.last || m.first - top.last > 3) return false;
  for (let k = top.last; k < m.first; k++) {
    if (!OBJECT_LEAD.has(tokens[k].lower)) return false;
    // "imports of Belarusian fertiliser", "the transit of Russian gas": the goods' state is the other party, but not of
    // the acting state's own exports ("stopped exports of Chinese components" is done by the exporter).
    if (tokens[k].lower === 'of' && EXPORT_NOUNS.has(tokens[k - 1].lower)) return false;
  }
  return true;
}
/** Event types where a demonym qualifying a thing may name the actor: "Kazakh oil exports", "Chinese investment", "Russian strikes". */
const MODIFIER_ACTS = new Set<EventType>(['SUPPLY', 'INVEST', 'DISRUPTION']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'the minister', 'the president', 'the ministry', 'the government', 'the country', 'the company', 'officials', 'the official', 'the leader', 'the prime minister', 'the chancellor', 'the spokesman', 'the spokeswoman', 'the spokesperson', 'the premier', 'the state', 'the regulator', 'the operator']);
const POSSESSIVE = new Set(['its', 'their']);
const BODY_NOUNS = new Set(['ministry', 'minister', 'government', 'president', 'leader', 'company', 'firm', 'miner', 'fund', 'operator', 'regulator',
  'officials', 'authorities', 'parliament', 'cabinet', 'army', 'navy', 'military', 'envoy', 'ambassador', 'embassy', 'spokesman', 'spokeswoman', 'spokesperson']);
const FIRST_PERSON = new Set(['we', 'our', 'us', 'i']);
const DEFINITE_ROLE = /^(?:the|its|his|her|their)$/;
/** Phrases that stand for the parties of the previous event. */
const BOTH_PARTIES = /\b(?:the two|both) (?:countries|sides|leaders|governments|states|nations|presidents|ministers|companies|parties)\b|\bthe parties\b/i;

/** Whether one of the words (a preposition, say) stands right before the mention, "the" passed over. */
function precededBy(tokens: readonly Token[], m: Mention, words: Set<string>, floor: number): boolean {
  let j = m.first - 1;
  if (j >= floor && tokens[j].lower === 'the') j--;
  return j >= floor && words.has(tokens[j].lower);
}

// "was halted by Russia": in the passive the agent after "by" acts, not the subject before the verb.
function isPassive(tokens: readonly Token[], f: Found, floor: number): boolean {
  const head = tokens[f.head];
  if (!/(?:ed|en|ut|ld|lt|nt|ck|ld)$/.test(head.lower) && !['met', 'held', 'struck', 'cut', 'shut', 'hit', 'sent', 'sold', 'built', 'made'].includes(head.lower)) return false;
  for (let j = f.head - 1; j >= Math.max(floor, f.head - 3); j--) {
    if (BE.has(tokens[j].lower)) return true;
    if (!/ly$/.test(tokens[j].lower) && !['not', "n't", 'also', 'reportedly', 'allegedly', 'formally', 'jointly', 'officially'].includes(tokens[j].lower)) break;
  }
  return false;
}

/** Who acts in a clause, and on what evidence. */
export interface SourceFinding {
  source: Mention | undefined;
  sourceState: string | null;
  sourceBasis: Draft['sourceBasis'];
  /** The targets that come with an inherited source ("the two countries", a coordinated clause). */
  inheritedTargets: string[];
  /** The state a disruption befalls when its place, not its demonym, gives the source ("Kazakh oil exports fell"). */
  patientOf: string | null;
}

// Source: agent of a passive, else the subject before the trigger, else the speaker, else the previous event's source.
export function findSource(a: Article, v: SentenceView, c: ClauseView): SourceFinding {
  const passive = isPassive(a.tokens, c.top, c.clause.first);
  const who: SourceFinding = { source: namedSource(a.tokens, c, passive), sourceState: null, sourceBasis: 'none', inheritedTargets: [], patientOf: null };
  sourceFromPlace(v, c, who);
  if (who.source) { who.sourceState = who.source.state; who.sourceBasis = 'explicit'; }
  if (!who.source && c.clause.outer && c.clause.outer.kind !== 'appositive') outerSource(a.tokens, v, c, who);
  // A relative clause on a thing without an acting state of its own: who acts is read from the event's type.
  if (!who.source && !who.sourceState && (!c.clause.outer || c.clause.outer.kind === 'resumed')) impliedSource(a, v, c, who);
  if (!who.sourceState) sourceByType(a.tokens, v, c, who, passive);
  return who;
}

// The state the clause names as doing it: the agent of a passive, the subject before the trigger, the agent after a noun.
function namedSource(tokens: readonly Token[], c: ClauseView, passive: boolean): Mention | undefined {
  const { clause, top, floor } = c;
  let source: Mention | undefined;
  if (passive) {
    source = c.after.find((m) => tokens[m.first - 1]?.lower === 'by' || (tokens[m.first - 1]?.lower === 'the' && tokens[m.first - 2]?.lower === 'by'));
  }
  // A demonym that only qualifies a thing ("Kyrgyz rail link", "Chinese goods") acts only where the thing stands for its
  // state's own deed: exports, investment, a disruption ("Kazakh oil exports", "Chinese investment", "Russian strikes").
  const type = top.trigger.type;
  if (!source) source = c.before.find((m) => m.first >= floor && isSubject(tokens, m, clause.first) && canAct(m, type));
  if (!source && floor > clause.first) source = c.before.find((m) => isSubject(tokens, m, clause.first) && canAct(m, type));
  // "The spokesperson of the Ministry of Foreign Affairs of China on Wednesday castigated …": the state that closes the
  // name of a body before the verb is its subject.
  if (!source) source = bodyOfState(tokens, c);
  // "drew criticism from Ukraine", "a visit by Macron": the agent right after a trigger, when no subject acts before it.
  if (!source) source = c.after.find((m) => m.state !== null && m.first - top.last <= 3 && canAct(m, type) && precededBy(tokens, m, AGENT_AFTER, top.last));
  return source;
}

/** Whether a mention may act in an event of this type: a demonym on a thing only in the state's own deeds. */
function canAct(m: Mention, type: EventType): boolean {
  return !m.modifier || MODIFIER_ACTS.has(type);
}

/** Whether a state mention may be the subject of its clause: no word before it makes it an object or a complement. */
function isSubject(tokens: readonly Token[], m: Mention, clauseFirst: number): boolean {
  return !precededBy(tokens, m, NOT_SUBJECT_AFTER, clauseFirst) && m.state !== null;
}

/** Words that may stand between a subject and its verb: a date, an adverb, an auxiliary. */
const BEFORE_VERB = /^(?:on|in|at|this|last|today|yesterday|also|has|have|had|will|would|\d+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\p{Ll}+ly|,)$/u;

// The subject named as the last state of a body's name ("the spokesperson of the Ministry of Foreign Affairs of China"):
// the state after "of", with nothing but a date or an adverb between it and the verb, and no verb before it.
function bodyOfState(tokens: readonly Token[], c: ClauseView): Mention | undefined {
  const { top, floor } = c;
  const m = c.before.filter((x) => x.first >= floor && x.state !== null && !x.modifier).at(-1);
  if (!m || !precededBy(tokens, m, new Set(['of']), floor)) return undefined;
  for (let k = m.last; k < top.first; k++) if (!BEFORE_VERB.test(tokens[k].lower)) return undefined;
  for (let k = floor; k < m.first; k++) if (/(?:ed|ing)$/.test(tokens[k].lower) && !tokens[k].cap) return undefined;
  return m;
}

// "Kazakh oil exports fell": a bare demonym modifies what is disrupted; the disruption happens where its place is.
function sourceFromPlace(v: SentenceView, c: ClauseView, who: SourceFinding): void {
  const source = who.source;
  if (!source || c.top.trigger.type !== 'DISRUPTION' || source.form !== 'demonym' || source.role || source.person) return;
  const where = [...v.linkMatches.flatMap((m) => m.entry.value), ...v.placeMentions.map((p): LinkTarget => ({ kind: 'place', name: p.name, id: null, state: p.state ?? undefined }))]
    .find((l) => l.kind === 'place' && l.state && l.state !== source.state);
  if (where?.state) { who.patientOf = source.state; who.sourceState = where.state; who.sourceBasis = 'place'; who.source = undefined; }
}

/**
 * The actor a relative clause hangs on: a mention that ends at the antecedent, or the name of a body that ends there
 * ("Pemex, which …", "the Chinese Minister of Commerce, who …": a run of capitalised words and "of" back to the actor).
 */
export function antecedentActor(tokens: readonly Token[], v: SentenceView, antecedent: number): Mention | undefined {
  let k = antecedent;
  for (let steps = 0; k >= v.s.first && steps < 6; steps++, k--) {
    const m = v.actorMentions.find((x) => x.last - 1 === k && x.state !== null);
    if (m) return m.modifier && !AGENT_NOUN.test(tokens[m.last]?.lower ?? '') && m.last - 1 === antecedent ? undefined : m;
    const t = tokens[k];
    if (!(t.cap || t.lower === 'of' || t.lower === 'the')) return undefined;
  }
  return undefined;
}

// A clause whose subject stands outside it. A relative clause on an actor ("Pemex, which halted …") and the rest of a
// clause it interrupted ("…, resumed them") have that actor as subject. A relative clause on a thing or an event
// ("shut the oilfield, which halted shipments to Italy") tells what the previous clause's act did: its source acts,
// unless that act was a speech act (what is said about a strike is not done by the speaker).
function outerSource(tokens: readonly Token[], v: SentenceView, c: ClauseView, who: SourceFinding): void {
  const outer = c.clause.outer!;
  const actor = antecedentActor(tokens, v, outer.antecedent);
  if (actor?.state) { who.source = actor; who.sourceState = actor.state; who.sourceBasis = 'explicit'; return; }
  if (outer.kind === 'relative' && v.previousClauseSource && !v.previousClauseSpeech && c.before.length === 0) {
    who.sourceState = v.previousClauseSource; who.sourceBasis = 'inherited';
    // A deal under which one state delivers to another is theirs: "… to France under a contract signed on Tuesday".
    if (EVENT_SCALE[c.top.trigger.type].symmetric) who.inheritedTargets = v.previousClauseTargets;
  }
}

// A subject the clause does not name: a pronoun for the speaker or the last source, "the two countries", a clause that shares its subject.
function impliedSource(a: Article, v: SentenceView, c: ClauseView, who: SourceFinding): void {
  const { tokens } = a;
  const { floor, top } = c;
  const reporting = v.reporting;
  const lead = tokens.slice(floor, top.first).map((t) => t.lower);
  const pronoun = lead.some((w, k) => PRONOUN_SUBJECTS.has(w) || (DEFINITE_ROLE.test(w) && lead[k + 1] && PRONOUN_SUBJECTS.has(`the ${lead[k + 1]}`)) ||
    // "its energy ministry", "their state miner": a body of the state last named.
    (POSSESSIVE.has(w) && lead.slice(k + 1, k + 4).some((x) => BODY_NOUNS.has(x))));
  const firstPerson = lead.some((w) => FIRST_PERSON.has(w));
  if ((pronoun || firstPerson) && reporting?.speaker?.state) {
    who.sourceState = reporting.speaker.state; who.sourceBasis = 'speaker';
  } else if (pronoun && (a.lastSource ?? a.lastNamed)) {
    who.sourceState = a.lastSource ?? a.lastNamed; who.sourceBasis = 'inherited';
  } else if (BOTH_PARTIES.test(a.text.slice(tokens[floor].start, tokens[top.first].start)) && a.lastParties.length > 0) {
    // "the two countries signed …": the parties of the previous event.
    who.sourceState = a.lastParties[0]; who.sourceBasis = 'inherited'; who.inheritedTargets = a.lastParties.slice(1);
  } else if (v.previousClauseSource && c.before.length === 0) {
    // A coordinated clause without its own subject: "… and vowed to respond".
    who.sourceState = v.previousClauseSource; who.sourceBasis = 'inherited'; who.inheritedTargets = v.previousClauseTargets;
  }
}

// With no subject at all, the event's type says who most likely acts.
function sourceByType(tokens: readonly Token[], v: SentenceView, c: ClauseView, who: SourceFinding, passive: boolean): void {
  const { clause, top } = c;
  const type = top.trigger.type;
  // The first party named acts, preferring a state named as such to the adjective of a thing ("… to build a Kyrgyz rail link").
  if (!who.sourceState && EVENT_SCALE[type].symmetric && c.stateMentions.length > 0) {
    who.source = c.stateMentions.find((m) => !m.modifier) ?? c.stateMentions[0]; who.sourceState = who.source.state; who.sourceBasis = 'explicit';
  }
  if (!who.sourceState && type === 'STATEMENT' && v.reporting?.speaker?.state) { who.sourceState = v.reporting.speaker.state; who.sourceBasis = 'explicit'; }
  if (!who.sourceState && (type === 'DISRUPTION' || type === 'SUPPLY')) {
    const patient = c.before.find((m) => m.state !== null) ?? c.after.find((m) => m.state !== null && !precededBy(tokens, m, new Set(['to', 'for', 'toward', 'towards']), clause.first));
    const place = c.links.find((l) => l.kind === 'place' && l.state)?.state ?? c.places.find((p) => p.state)?.state;
    if (patient?.state) { who.sourceState = patient.state; who.sourceBasis = 'explicit'; who.source = patient; }
    else if (place) { who.sourceState = place; who.sourceBasis = 'place'; }
  }
  if (!who.sourceState && type !== 'STATEMENT' && c.after.length && !passive) {
    const inverted = c.after.find((m) => m.state !== null && !m.modifier && !precededBy(tokens, m, NOT_SUBJECT_AFTER, clause.first));
    if (inverted && type !== 'SANCTION' && type !== 'ACCUSE' && type !== 'THREATEN' && type !== 'DISAPPROVE') {
      who.sourceState = inverted.state; who.sourceBasis = 'explicit'; who.source = inverted;
    }
  }
}

// Targets: every other state named in the clause (the speaker of reported speech excepted).
export function findTargets(tokens: readonly Token[], v: SentenceView, c: ClauseView, who: SourceFinding): string[] {
  const { clause, top, floor } = c;
  const { reporting } = v;
  const { source, sourceState } = who;
  const speakerStates = reporting && floor > clause.first && who.sourceBasis === 'explicit' && source && source.first >= floor
    ? new Set(c.mentions.filter((m) => m.last <= reporting.verb).map((m) => m.state)) : new Set<string | null>();
  // Mentions in a background clause after the trigger ("… after Transneft reported contamination") are not targets.
  let backgroundFrom = clause.last;
  for (let i = top.last; i < clause.last; i++) if (BACKGROUND.has(tokens[i].lower)) { backgroundFrom = i; break; }
  let targets = uniq(c.stateMentions.filter((m) => m.first < backgroundFrom && party(tokens, m, top)).map((m) => m.state!).filter((st) => st !== sourceState && !speakerStates.has(st)));
  if (targets.length === 0 && who.sourceBasis === 'inherited') targets = who.inheritedTargets.filter((t) => t !== sourceState);
  // ", a charge Baku dismissed": a reaction to the event before it, whose source it is aimed at.
  if (targets.length === 0 && c.clause.outer?.kind === 'appositive' && v.previousClauseSource && v.previousClauseSource !== sourceState) targets = [v.previousClauseSource];
  if (who.patientOf && !targets.includes(who.patientOf)) targets.unshift(who.patientOf);
  if (top.trigger.type === 'CONSULT') {
    const hosts = [...c.places.map((p) => p.state), ...c.links.filter((l) => l.kind === 'place').map((l) => l.state ?? null)];
    const host = targets.length === 0 ? hosts.find((h) => h && h !== sourceState) : null;
    if (host) targets.push(host);
  }
  return uniq(targets);
}
