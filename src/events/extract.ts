// News text -> candidate events. Pure: rules and lexicons only, no I/O and no clock.
// Steps per sentence: links (commodities, routes, places) -> mentions (actors, agencies) -> clauses ->
// the strongest trigger of each clause -> source and targets -> negation, hedging, tone -> date -> confidence.
// Then, per article: merge repeats (a headline and its lead), drop statements that only report another event.
// Each step has its own module (article.ts, clauses.ts, triggers.ts, participants.ts, event-fields.ts,
// merging.ts); this one only puts them together.
import { readArticle, storyDateOf, viewClause, viewSentence, type Article, type SentenceView } from './article.ts';
import { sentenceClauses } from './clauses.ts';
import { confidenceOf, dateEvent, linksOut } from './event-fields.ts';
import { buildLinks, type LinkTable } from './links.ts';
import { uniq } from './lists.ts';
import { mergeDrafts } from './merging.ts';
import { findSource, findTargets } from './participants.ts';
import { emptyResult, type Draft, type EventOut, type IngestOptions, type IngestResult } from './result.ts';
import { prepareText } from './text.ts';
import type { Clause, Sentence } from './tokens.ts';
import { agentAfter, clauseTrigger, isSpeechAct, readPolarity, reportedAct, type Found } from './triggers.ts';
import { states } from './lexicon/countries.ts';

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
  if (s.item) { a.lastSource = null; a.lastParties = []; }
  const view = viewSentence(a, s, si);
  for (const clause of sentenceClauses(a.tokens, s)) readClause(a, view, clause);
}

// A clause becomes an event when it has a trigger and someone or something it is about.
function readClause(a: Article, v: SentenceView, clause: Clause): void {
  const top = clauseTrigger(a.tokens, v, clause);
  if (!top) return;
  const c = viewClause(v, clause, top);
  if (top.trigger.type === 'STATEMENT' && c.stateMentions.length === 0 && !v.reporting) return;
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
    sentenceIndex: v.si, headline: s.headline, sourceBasis,
  });
  if (sourceState) { a.lastSource = sourceState; v.previousClauseSource = sourceState; v.previousClauseTargets = targets; a.lastParties = [sourceState, ...targets]; }
  if (isSpeechAct(a.tokens, top)) readReportedAct(a, v, clause, top);
}

// "denounced the restrictions adopted by London": the act the speech act is about, stated as done with its agent, is
// a second event. Its source is the agent; its targets the other states named in the content as such.
function readReportedAct(a: Article, v: SentenceView, clause: Clause, speech: Found): void {
  const act = reportedAct(a.tokens, v, clause, speech);
  if (!act) return;
  const content: Clause = { first: speech.last, last: clause.last };
  const c = viewClause(v, content, act);
  const at = agentAfter(a.tokens, act.head);
  const agent = c.after.find((m) => m.first === at && m.state !== null);
  if (!agent?.state) return;
  const targets = uniq(c.stateMentions.filter((m) => m !== agent && !m.modifier).map((m) => m.state!)).filter((st) => st !== agent.state);
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
    sentenceIndex: v.si, headline: s.headline, sourceBasis: 'explicit',
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
  const { sentenceIndex: _s, headline: _h, sourceBasis: _b, ...rest } = d;
  return rest;
}
