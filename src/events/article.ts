// An article as the steps read it: tokens, sentences, the dateline, its actors, and what each sentence and clause
// names. Every step reads from these views, so that nothing is looked up twice.
import { findMentions, type Mention } from './actors.ts';
import { findReporting, type Reporting } from './clauses.ts';
import { findDateline, findDates, type FoundDate } from './dates.ts';
import type { Match } from './gazetteer.ts';
import type { LinkTable, LinkTarget } from './links.ts';
import type { ActorOut, Draft, IngestResult } from './result.ts';
import { splitSentences, tokenize, type Clause, type Sentence, type Token } from './tokens.ts';
import type { Found } from './triggers.ts';

/** The first non-empty line, shortened to 200 characters: the article's title. */
function headlineOf(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

/** One article as the steps read it, and what they have found so far. */
export interface Article {
  /** The text as given (a trigger is quoted from it) and the text made ready for reading. */
  input: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  published: string | null;
  links: LinkTable;
  result: IngestResult;
  actors: ActorList;
  drafts: Draft[];
  unresolvedDates: string[];
  /** A wire story's dateline ("TASHKENT, June 6 (Reuters) -"): the day the story was written. */
  dateline: { date: string; start: number; end: number } | null;
  /** Dates are read only in the sentences that need them (chrono is the costliest step). */
  dateCache: Map<number, FoundDate[]>;
  storyDate: string | null;
  /** The last acting state and the parties of the last event: "he", "the two countries" refer to them. */
  lastSource: string | null;
  lastParties: string[];
  /** The first state a previous sentence names as such (not by a demonym on a thing): "its energy ministry" may be its. */
  lastNamed: string | null;
}

// Tokens and sentences are made once and shared by every step; the headline is the article's title.
export function readArticle(input: string, text: string, published: string | null, links: LinkTable, result: IngestResult): Article {
  result.article.title = headlineOf(text);
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  result.article.sentences = sentences.length;
  // A wire story's dateline gives the day it was written: the story's date when the lead names no other, never the
  // date of an event by itself. Relative dates are read against the publication date (a story is often updated up to
  // the day it appears).
  const leadIndex = sentences.findIndex((s) => !s.headline);
  const dateline = leadIndex >= 0 ? findDateline(text, sentences[leadIndex].start, sentences[leadIndex].end, published) : null;
  return {
    input, text, tokens, sentences, published, links, result, actors: new ActorList(), drafts: [], unresolvedDates: [],
    dateline, dateCache: new Map(), storyDate: null, lastSource: null, lastParties: [], lastNamed: null,
  };
}

/** The actors of an article: one per person, per state and role, per organisation, counted each time they recur. */
export class ActorList {
  private readonly byKey = new Map<string, ActorOut>();
  // The first actor of each state that is not a person, and every state with an actor: kept as actors are added
  // (an actor's state and person never change), so that no lookup walks the whole list.
  private readonly firstOfState = new Map<string, ActorOut>();
  readonly states = new Set<string | null>();
  // Actors first named by a bare demonym ("Kyrgyz rail link"): a later mention by the state's name names them better.
  private readonly byDemonym = new Set<ActorOut>();

  // A recurring actor is counted, not listed again, so that the list names each actor once.
  add(m: { name: string; state: string | null; role: string | null; person: string | null; kind: Mention['kind']; start: number; end: number; form?: Mention['form'] }): void {
    const key = m.person ? `p:${m.person}` : m.state ? `s:${m.state}:${m.role ?? ''}` : `o:${m.name.toLowerCase()}`;
    const existing = this.byKey.get(key) ?? (m.state && !m.person && !m.role ? this.firstOfState.get(m.state) : undefined);
    if (existing) {
      existing.mentions++;
      if (this.byDemonym.has(existing) && m.form === 'name' && !m.role && !m.person) { existing.name = m.name; existing.start = m.start; existing.end = m.end; this.byDemonym.delete(existing); }
      return;
    }
    const actor: ActorOut = { name: m.name, state: m.state, role: m.role, person: m.person, kind: m.kind, start: m.start, end: m.end, mentions: 1 };
    if (m.form === 'demonym' && !m.role && !m.person) this.byDemonym.add(actor);
    this.byKey.set(key, actor);
    this.states.add(actor.state);
    if (actor.state && !actor.person && !this.firstOfState.has(actor.state)) this.firstOfState.set(actor.state, actor);
  }

  list(): ActorOut[] {
    return [...this.byKey.values()];
  }
}

// Each sentence's dates are read once, whichever step asks first; the dateline's own date is the day of writing, not the date of an event.
export function sentenceDates(a: Article, si: number): FoundDate[] {
  let dates = a.dateCache.get(si);
  if (!dates) {
    const s = a.sentences[si];
    const found = findDates(a.text, s.start, s.end, a.published);
    const dateline = a.dateline;
    dates = found.dates.filter((d) => !dateline || d.end <= dateline.start || d.start >= dateline.end);
    for (const u of found.unresolved) a.unresolvedDates.push(u.text);
    a.dateCache.set(si, dates);
  }
  return dates;
}

// Events told without a date of their own happened on the story's day: the first full date in the lead (the first
// sentences after the headline) that does not lie ahead, else the dateline's.
export function storyDateOf(a: Article): string | null {
  let storyDate: string | null = null;
  for (let si = 0; si < Math.min(a.sentences.length, 4) && !storyDate; si++) {
    if (!a.sentences[si].headline && !a.sentences[si].item) storyDate = sentenceDates(a, si).find((d) => d.date.length === 10 && !d.future && !d.forward)?.date ?? null;
  }
  return storyDate ?? a.dateline?.date ?? null;
}

/** What one sentence names, shared by its clauses. */
export interface SentenceView {
  s: Sentence;
  si: number;
  linkMatches: Match<LinkTarget[]>[];
  /** Per token of the sentence: 1 where a link or a mention covers it. */
  linked: Uint8Array;
  inMention: Uint8Array;
  agencies: Mention[];
  actorMentions: Mention[];
  placeMentions: Mention[];
  mentionStarts: Set<number>;
  reporting: Reporting | undefined;
  /** The source and targets of the sentence's previous clause: "… and vowed to respond" shares them. */
  previousClauseSource: string | null;
  previousClauseTargets: string[];
  /** Whether the sentence's previous event was a speech act ("blamed Russia for a strike that damaged …"). */
  previousClauseSpeech: boolean;
  /** The sentence in one line, made once for all its clauses. */
  text?: string;
}

// Links are found before actors so that a place inside a route's name is not taken for a state that acts.
export function viewSentence(a: Article, s: Sentence, si: number): SentenceView {
  const tokens = a.tokens;
  const linkMatches = a.links.gazetteer.findAll(tokens, s.first, s.last);
  const linked = new Uint8Array(s.last - s.first);
  for (const m of linkMatches) for (let i = m.first; i < m.last; i++) linked[i - s.first] = 1;
  const mentions = findMentions(tokens, s.first, s.last, (i) => linked[i - s.first] === 1);
  const inMention = new Uint8Array(s.last - s.first);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) inMention[i - s.first] = 1;
  const agencies = mentions.filter((m) => m.kind === 'agency');
  for (const ag of agencies) a.result.attributions.push({ name: ag.name, start: ag.start, end: ag.end });
  // A state named as left out ("bypassing Russia") or inside a route's name ("the China-Europe rail link") is neither actor nor party.
  const actorMentions = mentions.filter((m) => m.kind !== 'agency' && !m.place && !m.excluded && !m.routeName);
  for (const m of actorMentions) a.actors.add({ ...m, role: m.role ?? (m.form === 'capital' ? 'government' : null) });
  return {
    s, si, linkMatches, linked, inMention, agencies, actorMentions,
    placeMentions: mentions.filter((m) => m.place),
    mentionStarts: new Set(actorMentions.map((m) => m.first)),
    reporting: findReporting(tokens, s, mentions.filter((m) => !m.excluded && !m.routeName)),
    previousClauseSource: null,
    previousClauseTargets: [],
    previousClauseSpeech: false,
  };
}

/** One clause with its strongest trigger and what it names, on either side of the trigger. */
export interface ClauseView {
  clause: Clause;
  top: Found;
  mentions: Mention[];
  stateMentions: Mention[];
  links: LinkTarget[];
  places: Mention[];
  before: Mention[];
  after: Mention[];
  /** Where the acting clause starts: after the reporting verb in "X said [Y did Z]". */
  floor: number;
}

// Source and targets are chosen among what the clause names, by where each stands against the trigger.
export function viewClause(v: SentenceView, clause: Clause, top: Found): ClauseView {
  const mentions = v.actorMentions.filter((m) => m.first >= clause.first && m.last <= clause.last);
  const reporting = v.reporting;
  return {
    clause, top, mentions,
    stateMentions: mentions.filter((m) => m.state !== null),
    links: targetsWithin(v.linkMatches, clause),
    places: v.placeMentions.filter((m) => m.first >= clause.first && m.last <= clause.last),
    before: mentions.filter((m) => m.last <= top.first),
    after: mentions.filter((m) => m.first >= top.last),
    // Reported speech: "X said [Y did Z]": the subject of the reported clause acts.
    floor: reporting && reporting.verb < top.first && reporting.verb >= clause.first ? reporting.verb + 1 : clause.first,
  };
}

/** The link targets of the matches inside a clause, in order. */
function targetsWithin(matches: readonly Match<LinkTarget[]>[], c: Clause): LinkTarget[] {
  const out: LinkTarget[] = [];
  for (const m of matches) if (m.first >= c.first && m.last <= c.last) for (const t of m.entry.value) out.push(t);
  return out;
}
