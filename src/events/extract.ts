// News text -> candidate events. Pure: rules and lexicons only, no I/O and no clock.
// Steps per sentence: links (commodities, routes, places) -> mentions (actors, agencies) -> clauses ->
// the strongest trigger of each clause -> source and targets -> negation, hedging, tone -> date -> confidence.
// Then, per article: merge repeats (a headline and its lead), drop statements that only report another event.
// Each step has its own module (article.ts, clauses.ts, triggers.ts, participants.ts, event-fields.ts,
// merging.ts); this one only puts them together.
import { readArticle, storyDateOf, viewClause, viewSentence, type Article, type SentenceView } from './article.ts';
import { MODALS, sentenceClauses } from './clauses.ts';
import { confidenceOf, dateEvent, linksOut } from './event-fields.ts';
import { buildLinks, type LinkTable } from './links.ts';
import { uniq } from './lists.ts';
import { mergeDrafts } from './merging.ts';
import { antecedentActor, findSource, findTargets } from './participants.ts';
import { emptyResult, type Draft, type EventOut, type IngestOptions, type IngestResult } from './result.ts';
import { prepareText } from './text.ts';
import type { Clause, Sentence, Token } from './tokens.ts';
import { agentAfter, clauseTrigger, isSpeechAct, readPolarity, reportedAct, type Found } from './triggers.ts';
import { states } from './lexicon/countries.ts';
import type { EventType } from './method.ts';

export type { IngestOptions, IngestResult, EventOut, ActorOut, LinkOut } from './result.ts';

const ODD_SPACE = /[^\S ]| {2}/;
/** Runs of white space made one space; most stretches have none but single spaces, and are returned as they are. */
function oneLine(stretch: string): string {
  return ODD_SPACE.test(stretch) ? stretch.replace(/\s+/g, ' ') : stretch;
}

/** Reads one article. Never throws for bad text: problems become warnings and an empty result. */
export function ingestText(input: string, options: IngestOptions = {}): IngestResult {
  const published = options.published ?? null;
  const links = options.links ?? noDatasetLinks();
  const result = emptyResult(input, options.source ?? null, published);
  const prepared = prepareText(input);
  result.warnings.push(...prepared.warnings);
  if (prepared.refuse) return result;
  const article = readArticle(input, prepared.text, published, links, result);
  article.storyDate = storyDateOf(article);
  article.sentences.forEach((s, si) => readSentence(article, s, si));
  return finishResult(article);
}

let linksWithoutDataset: LinkTable | undefined;
/** The link table of no dataset (the lexicon alone), built on first use: it never changes. */
function noDatasetLinks(): LinkTable {
  return (linksWithoutDataset ??= buildLinks());
}

// Each clause of a sentence may tell an event of its own.
function readSentence(a: Article, s: Sentence, si: number): void {
  // A list item starts a story of its own: nothing is inherited from the item before.
  if (s.item) { a.lastSource = null; a.lastParties = []; a.lastNamed = null; }
  const view = viewSentence(a, s, si);
  for (const clause of sentenceClauses(a.tokens, s, view.actorMentions)) readClause(a, view, clause);
  a.lastNamed = view.actorMentions.find((m) => m.state !== null && !m.modifier)?.state ?? a.lastNamed;
}

// A clause becomes an event when it has a trigger and someone or something it is about.
function readClause(a: Article, v: SentenceView, clause: Clause): void {
  const top = clauseTrigger(a.tokens, v, clause);
  if (!top) return;
  const c = viewClause(v, clause, top);
  if (top.trigger.type === 'STATEMENT' && c.stateMentions.length === 0 && !v.reporting) return;
  if (describesAThing(a, v, clause)) return;
  const who = findSource(a, v, c);
  const targets = findTargets(a.tokens, v, c, who);
  if (!who.sourceState && targets.length === 0 && !c.links.some((l) => l.kind !== 'place')) return;
  const polarity = readPolarity(a.tokens, c);
  const { date, dateBasis } = dateEvent(a, v, c, polarity.hedged);
  const { type, tone, negated, hedged } = polarity;
  const { sourceState, sourceBasis } = who;
  const s = v.s;
  a.drafts.push({
    type, source: sourceState, targets, date, dateBasis, tone,
    ...linksOut(c),
    sentence: { start: s.start, end: s.end, text: v.text ??= oneLine(a.text.slice(s.start, s.end)).trim() },
    confidence: confidenceOf(top.trigger.weight, { sourceBasis, targets, dateBasis, hedged, negated, headline: s.headline }),
    trigger: oneLine(a.input.slice(a.tokens[top.first].start, a.tokens[top.last - 1].end)),
    negated, hedged, attribution: v.agencies[0]?.name ?? null,
    sentenceIndex: v.si, headline: s.headline, sourceBasis, speechAct: isSpeechAct(a.tokens, top), recalled: isRecollection(a.tokens, clause, top),
  });
  const speech = isSpeechAct(a.tokens, top);
  if (sourceState) { a.lastSource = sourceState; v.previousClauseSource = sourceState; v.previousClauseTargets = targets; a.lastParties = [sourceState, ...targets]; v.previousClauseSpeech = speech; }
  if (speech) readReportedAct(a, v, clause, top, sourceState);
}

/** Nouns of an event that a definite noun phrase recalls: "the deal, signed in March, …", "the tariff, imposed on Tuesday". */
const EVENT_NOUNS = /^(?:agreement|deal|contract|accord|treaty|memorandum|framework|pact|protocol|tariff|ban|embargo|sanctions?|restrictions?|halt|suspension|shutdown|closure|visit|talks|meeting|summit|loan|investment|stake|purchase|sale|decision|move|step|surtax|duty|duties|levy)$/;
const DEFINITE_RECALL = new Set(['the', 'this', 'that', 'its', 'their']);
/** Words of a past participle that are not in -ed. */
const IRREGULAR_PARTICIPLES = new Set(['made', 'struck', 'cut', 'shut', 'held', 'built', 'sent', 'sold', 'taken', 'given', 'set', 'put', 'begun', 'broken', 'frozen', 'drawn']);

/**
 * Whether a clause recalls an earlier event rather than report a new one: a past perfect ("Malaysia had suspended cargoes",
 * "had been shut"), a definite event noun with a participle after a comma ("The agreement, signed in Doha, …"), or a
 * relative clause on such a noun ("The framework, which Canberra signed …").
 */
export function isRecollection(tokens: readonly Token[], clause: Clause, top: Found): boolean {
  for (let k = top.first - 1; k >= Math.max(clause.first, top.first - 4); k--) {
    const w = tokens[k].lower;
    if (w === 'had') return true;
    if (w !== 'been' && w !== 'not' && w !== 'already' && w !== 'also' && !/ly$/.test(w)) break;
  }
  if (clause.outer?.kind === 'relative') return definiteEventNoun(tokens, clause, clause.outer.antecedent);
  // "The agreement, signed in Doha, …": the participle right after the comma that follows the noun.
  for (let i = Math.max(clause.first + 1, top.first - 6); i <= top.last && i < clause.last; i++) {
    if (tokens[i].text !== ',' || !tokens[i + 1]) continue;
    const p = tokens[i + 1].lower;
    if ((/ed$/.test(p) || IRREGULAR_PARTICIPLES.has(p)) && definiteEventNoun(tokens, clause, i - 1)) return true;
  }
  return false;
}

/** Whether the noun phrase ending at `end` is a definite event noun: "the agreement", "this deal". */
function definiteEventNoun(tokens: readonly Token[], clause: Clause, end: number): boolean {
  for (let k = end; k >= Math.max(clause.first - 1, end - 3, 0); k--) {
    if (EVENT_NOUNS.test(tokens[k].lower)) {
      for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (DEFINITE_RECALL.has(tokens[j].lower)) return true;
      return false;
    }
  }
  return false;
}

// "the pipeline, which will carry Nigerian gas to Europe": a relative clause in the future or a modal on a thing says
// what the thing is for, not an act.
function describesAThing(a: Article, v: SentenceView, clause: Clause): boolean {
  const outer = clause.outer;
  if (outer?.kind !== 'relative') return false;
  let k = clause.first;
  while (k < clause.last && (a.tokens[k].text === ',' || a.tokens[k].lower === 'which' || a.tokens[k].lower === 'that')) k++;
  return k < clause.last && MODALS.has(a.tokens[k].lower) && !antecedentActor(a.tokens, v, outer.antecedent);
}

const COMPLAINTS = new Set<EventType>(['DISAPPROVE', 'ACCUSE', 'PROTEST']);
const MEASURES = new Set<EventType>(['SANCTION', 'DISRUPTION']);

// "denounced the restrictions adopted by London": the act the speech act is about, stated as done with its agent, is
// a second event. Its source is the agent; its targets the other states named in the content as such.
function readReportedAct(a: Article, v: SentenceView, clause: Clause, speech: Found, speaker: string | null): void {
  const act = reportedAct(a.tokens, v, clause, speech);
  if (!act) return;
  const content: Clause = { first: speech.last, last: clause.last };
  const c = viewClause(v, content, act);
  const at = agentAfter(a.tokens, act.head);
  const agent = c.after.find((m) => m.first === at && m.state !== null);
  if (!agent?.state) return;
  let targets = uniq(c.stateMentions.filter((m) => m !== agent && !m.modifier).map((m) => m.state!)).filter((st) => st !== agent.state);
  // "Russia denounces the restrictions adopted by London": a measure a state complains of, aimed at no one named, is aimed at it.
  if (targets.length === 0 && speaker && speaker !== agent.state && COMPLAINTS.has(speech.trigger.type) && MEASURES.has(act.trigger.type)) targets = [speaker];
  const polarity = readPolarity(a.tokens, c);
  const { date, dateBasis } = dateEvent(a, v, c, polarity.hedged);
  const s = v.s;
  a.drafts.push({
    type: polarity.type, source: agent.state, targets, date, dateBasis, tone: polarity.tone,
    ...linksOut(c),
    sentence: { start: s.start, end: s.end, text: v.text ??= oneLine(a.text.slice(s.start, s.end)).trim() },
    confidence: confidenceOf(act.trigger.weight, { sourceBasis: 'explicit', targets, dateBasis, hedged: polarity.hedged, negated: polarity.negated, headline: s.headline }),
    trigger: oneLine(a.input.slice(a.tokens[act.first].start, a.tokens[act.last - 1].end)),
    negated: polarity.negated, hedged: polarity.hedged, attribution: v.agencies[0]?.name ?? null,
    sentenceIndex: v.si, headline: s.headline, sourceBasis: 'explicit', speechAct: false, recalled: false,
  });
}

// Repeats are merged before output so that each event is told once, with an id that is stable for the same text.
function finishResult(a: Article): IngestResult {
  const { result, published, unresolvedDates } = a;
  const events = mergeDrafts(a.drafts);
  // Every state an event names is an actor, even when only a place stood for it ("a visit to Paris").
  for (const e of events) {
    for (const st of [e.source, ...e.targets]) {
      if (st && !a.actors.states.has(st)) {
        a.actors.add({ name: states().get(st)?.name ?? st, state: st, role: null, person: null, kind: 'state', start: e.sentence.start, end: e.sentence.end });
      }
    }
  }
  // Participants are the states events name; every other state or organisation is only mentioned.
  const parties = new Set(events.flatMap((e) => [e.source, ...e.targets]));
  const named = a.actors.list();
  result.actors = named.filter((x) => x.state !== null && parties.has(x.state));
  result.mentions = named.filter((x) => x.state === null || !parties.has(x.state));
  result.events = events.map((e, i) => ({ id: `${result.article.hash.slice(0, 8)}-${i + 1}`, ...stripDraft(e) }));
  if (unresolvedDates.length && !published) {
    result.warnings.push(`no publication date given: ${unresolvedDates.length} relative date(s) left unresolved (${uniq(unresolvedDates).slice(0, 3).map((d) => `"${d}"`).join(', ')}); give --published YYYY-MM-DD`);
  }
  if (!published && events.some((e) => e.date === null)) {
    result.warnings.push('some events have no date: the text names none and no publication date was given');
  }
  return result;
}

function stripDraft(d: Draft): Omit<EventOut, 'id'> {
  const { sentenceIndex: _s, headline: _h, sourceBasis: _b, speechAct: _a, recalled: _r, ...rest } = d;
  return rest;
}
