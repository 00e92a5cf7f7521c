// News text -> candidate events. Pure: rules and lexicons only, no I/O and no clock.
// Steps per sentence: links (commodities, routes, places) -> mentions (actors, agencies) -> clauses ->
// the strongest trigger of each clause -> source and targets -> negation, hedging, tone -> date -> confidence.
// Then, per article: merge repeats (a headline and its lead), drop statements that only report another event.
import { createHash } from 'node:crypto';
import { findMentions, type Mention } from './actors.ts';
import { findDateline, findDates, isPastForm, type FoundDate } from './dates.ts';
import type { Match } from './gazetteer.ts';
import { buildLinks, type LinkTable, type LinkTarget } from './links.ts';
import { EVENT_SCALE, EVENTS_METHOD, type EventType } from './method.ts';
import { prepareText } from './text.ts';
import { splitSentences, tokenize, type Sentence, type Token } from './tokens.ts';
import { HEDGES, INTENSIFIERS, MITIGATORS, NEGATORS, REFUSALS, REPORTING, TRIGGERS, type Trigger } from './lexicon/triggers.ts';
import { states } from './lexicon/countries.ts';

export interface IngestOptions {
  /** Publication date, YYYY-MM-DD: relative dates are resolved against it. */
  published?: string | null;
  /** Publisher of the article ("Reuters"). */
  source?: string | null;
  /** Link table built from the dataset in use (buildLinks); without it nothing links to dataset ids. */
  links?: LinkTable;
}

export interface ActorOut {
  name: string;
  /** ISO alpha-3 code (or a bloc id such as EU27), null for an organisation that stands for no state. */
  state: string | null;
  role: string | null;
  person: string | null;
  kind: Mention['kind'];
  /** First mention (a later one by the state's name when the first was a bare demonym: "Kyrgyz rail link" … "Kyrgyzstan"). */
  start: number;
  end: number;
  mentions: number;
}

export interface LinkOut {
  name: string;
  id: string | null;
}

export interface EventOut {
  id: string;
  type: EventType;
  /** The acting state (null when the text does not say who acts). */
  source: string | null;
  targets: string[];
  date: string | null;
  /** Where the date comes from: the sentence, the article's lead, the publication date. */
  dateBasis: 'text' | 'story' | 'published' | null;
  tone: number;
  commodities: LinkOut[];
  routes: LinkOut[];
  places: (LinkOut & { state: string | null })[];
  sentence: { start: number; end: number; text: string };
  confidence: number;
  /** The word(s) that signalled the event. */
  trigger: string;
  negated: boolean;
  hedged: boolean;
  /** News agency the sentence quotes, if any. */
  attribution: string | null;
}

export interface IngestResult {
  method: { name: string; version: string };
  article: { hash: string; title: string; published: string | null; source: string | null; characters: number; sentences: number };
  actors: ActorOut[];
  events: EventOut[];
  attributions: { name: string; start: number; end: number }[];
  warnings: string[];
}

/** Trigger heads by word form, for a single lookup per token. */
const TRIGGERS_BY_HEAD = new Map<string, Trigger[]>();
for (const t of TRIGGERS) for (const f of t.head) TRIGGERS_BY_HEAD.set(f, [...(TRIGGERS_BY_HEAD.get(f) ?? []), t]);

const BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', "'s", 'got', 'get', 'gets']);
const NOT_SUBJECT_AFTER = new Set(['with', 'against', 'on', 'to', 'for', 'toward', 'towards', 'from', 'by', 'over', 'about', 'of', 'into', 'at', 'in', 'via', 'through', 'than', 'like', 'including', 'upon', 'onto',
  'under', 'among', 'between', 'behind', 'beyond', 'near', 'across', 'along', 'around', 'without', 'within', 'amid', 'despite', 'per', 'versus', 'vs']);
/** Prepositions that introduce the agent of a noun trigger: "criticism from Ukraine", "sanctions by the EU". */
const AGENT_AFTER = new Set(['from', 'by']);
/** Event types where a demonym qualifying a thing may name the actor: "Kazakh oil exports", "Chinese investment", "Russian strikes". */
const MODIFIER_ACTS = new Set<EventType>(['SUPPLY', 'INVEST', 'DISRUPTION']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'the minister', 'the president', 'the ministry', 'the government', 'the country', 'the company', 'officials', 'the official', 'the leader', 'the prime minister', 'the chancellor', 'the spokesman', 'the spokeswoman', 'the spokesperson', 'the premier', 'the state', 'the regulator', 'the operator']);
const FIRST_PERSON = new Set(['we', 'our', 'us', 'i']);
const MEET_FORMS = new Set(['meet', 'meets', 'met', 'meeting']);
const MEET_NOT_EVENT = new Set(['demand', 'needs', 'need', 'target', 'targets', 'requirements', 'requirement', 'standards', 'standard', 'obligations', 'criteria', 'deadline', 'expectations', 'goals', 'goal', 'commitments', 'conditions']);
const CLOSE_VERB_AFTER = new Set(['will', 'would', 'could', 'may', 'might', 'to', 'must', 'should', 'shall', "'ll", 'not', "n't", 'and', 'or', 'cannot', 'also']);
const CLAUSE_BREAK = new Set(['while', 'whereas', 'but', 'although', 'though', 'meanwhile']);
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'stated', 'added', 'announced', 'noted', 'stressed', 'declared', 'warned', 'insisted', 'confirmed', 'argued', 'wrote']);
const DEFINITE_ROLE = /^(?:the|its|his|her|their)$/;
/** Phrases that stand for the parties of the previous event. */
const BOTH_PARTIES = /\b(?:the two|both) (?:countries|sides|leaders|governments|states|nations|presidents|ministers|companies|parties)\b|\bthe parties\b/i;

interface Clause { first: number; last: number }

interface Found {
  trigger: Trigger;
  head: number;
  /** Token range covered by head and companion. */
  first: number;
  last: number;
  /** The trigger's weight, lowered when the word is only a topic ("talks on cooperation") or background ("after a halt"). */
  weight: number;
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
const BACKGROUND = new Set(['after', 'following', 'because', 'since', 'amid', 'despite', 'due', 'before', 'until']);

/** Whether the token is the head of a trigger that is not a mere statement (a verb that can start a coordinated clause). */
function isEventVerb(token: Token | undefined): boolean {
  return !!token && (TRIGGERS_BY_HEAD.get(token.lower) ?? []).some((t) => t.type !== 'STATEMENT' && t.weight >= 5 && /(?:ed|s|t|d)$/.test(token.lower));
}

/** Splits a sentence into clauses: at ";", at ", while/but/whereas …", at ", and", and at "and" before an event verb. */
function sentenceClauses(tokens: readonly Token[], s: Sentence): Clause[] {
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

function findTriggers(tokens: readonly Token[], c: Clause, covered: (i: number) => boolean, mentionStarts: Set<number>): Found[] {
  const found: Found[] = [];
  let background = false;
  for (let i = c.first; i < c.last; i++) {
    if (BACKGROUND.has(tokens[i].lower)) background = true;
    const list = TRIGGERS_BY_HEAD.get(tokens[i].lower);
    if (!list || covered(i)) continue;
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
      const matches = (k: number): boolean => trigger.with!.has(tokens[k].lower) || (trigger.with!.has('@actor') && mentionStarts.has(k));
      let comp = -1;
      for (let k = i + 1; k <= Math.min(i + trigger.window, c.last - 1); k++) if (matches(k)) { comp = k; break; }
      if (comp < 0 && trigger.eitherOrder) {
        for (let k = i - 1; k >= Math.max(c.first, i - trigger.window); k--) if (matches(k)) { comp = k; break; }
      }
      if (comp >= 0) found.push({ trigger, head: i, first: Math.min(i, comp), last: Math.max(i, comp) + 1, weight });
    }
  }
  return found;
}

/** The strongest trigger: highest weight, then one with a companion word (more specific), then the earliest. */
function best(found: Found[]): Found | undefined {
  let top: Found | undefined;
  for (const f of found) {
    if (!top || f.weight > top.weight || (f.weight === top.weight && f.trigger.with && !top.trigger.with)) top = f;
  }
  return top;
}

function precededBy(tokens: readonly Token[], m: Mention, words: Set<string>, floor: number): boolean {
  let j = m.first - 1;
  if (j >= floor && tokens[j].lower === 'the') j--;
  return j >= floor && words.has(tokens[j].lower);
}

function isPassive(tokens: readonly Token[], f: Found, floor: number): boolean {
  const head = tokens[f.head];
  if (!/(?:ed|en|ut|ld|lt|nt|ck|ld)$/.test(head.lower) && !['met', 'held', 'struck', 'cut', 'shut', 'hit', 'sent', 'sold', 'built', 'made'].includes(head.lower)) return false;
  for (let j = f.head - 1; j >= Math.max(floor, f.head - 3); j--) {
    if (BE.has(tokens[j].lower)) return true;
    if (!/ly$/.test(tokens[j].lower) && !['not', "n't", 'also', 'reportedly', 'allegedly', 'formally', 'jointly', 'officially'].includes(tokens[j].lower)) break;
  }
  return false;
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

function uniq<T>(list: T[]): T[] {
  return [...new Set(list)];
}

const ODD_SPACE = /[^\S ]| {2}/;
/** Runs of white space made one space; most stretches have none but single spaces, and are returned as they are. */
function oneLine(stretch: string): string {
  return ODD_SPACE.test(stretch) ? stretch.replace(/\s+/g, ' ') : stretch;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function headlineOf(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

interface Draft extends Omit<EventOut, 'id'> {
  sentenceIndex: number;
  headline: boolean;
  sourceBasis: 'explicit' | 'speaker' | 'inherited' | 'place' | 'none';
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

// The result a refused or empty text gets: the article is described even when nothing in it can be read.
function emptyResult(input: string, source: string | null, published: string | null): IngestResult {
  return {
    method: { ...EVENTS_METHOD },
    article: { hash: hashText(input), title: '', published, source, characters: input.length, sentences: 0 },
    actors: [],
    events: [],
    attributions: [],
    warnings: [],
  };
}

/** One article as the steps read it, and what they have found so far. */
interface Article {
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
}

// Tokens and sentences are made once and shared by every step; the headline is the article's title.
function readArticle(input: string, text: string, published: string | null, links: LinkTable, result: IngestResult): Article {
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
    dateline, dateCache: new Map(), storyDate: null, lastSource: null, lastParties: [],
  };
}

/** The actors of an article: one per person, per state and role, per organisation, counted each time they recur. */
class ActorList {
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
function sentenceDates(a: Article, si: number): FoundDate[] {
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
function storyDateOf(a: Article): string | null {
  let storyDate: string | null = null;
  for (let si = 0; si < Math.min(a.sentences.length, 4) && !storyDate; si++) {
    if (!a.sentences[si].headline && !a.sentences[si].item) storyDate = sentenceDates(a, si).find((d) => d.date.length === 10 && !d.future && !d.forward)?.date ?? null;
  }
  return storyDate ?? a.dateline?.date ?? null;
}

/** What one sentence names, shared by its clauses. */
interface SentenceView {
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
  /** The sentence in one line, made once for all its clauses. */
  text?: string;
}

// Each clause of a sentence may tell an event of its own.
function readSentence(a: Article, s: Sentence, si: number): void {
  // A list item starts a story of its own: nothing is inherited from the item before.
  if (s.item) { a.lastSource = null; a.lastParties = []; }
  const view = viewSentence(a, s, si);
  for (const clause of sentenceClauses(a.tokens, s)) readClause(a, view, clause);
}

// Links are found before actors so that a place inside a route's name is not taken for a state that acts.
function viewSentence(a: Article, s: Sentence, si: number): SentenceView {
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
  };
}

/** One clause with its strongest trigger and what it names, on either side of the trigger. */
interface ClauseView {
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
    ...linksOut(v, c),
    sentence: { start: s.start, end: s.end, text: v.text ??= oneLine(a.text.slice(s.start, s.end)).trim() },
    confidence: confidenceOf(top.trigger.weight, { sourceBasis, targets, dateBasis, hedged, negated, headline: s.headline }),
    trigger: oneLine(a.input.slice(a.tokens[top.first].start, a.tokens[top.last - 1].end)),
    negated, hedged, attribution: v.agencies[0]?.name ?? null,
    sentenceIndex: v.si, headline: s.headline, sourceBasis,
  });
  if (sourceState) { a.lastSource = sourceState; v.previousClauseSource = sourceState; v.previousClauseTargets = targets; a.lastParties = [sourceState, ...targets]; }
}

// A reporting verb ("said") codes a clause only when nothing else in it is a real trigger.
function clauseTrigger(tokens: readonly Token[], v: SentenceView, clause: Clause): Found | undefined {
  const covered = (i: number): boolean => v.inMention[i - v.s.first] === 1 || v.linked[i - v.s.first] === 1;
  const found = findTriggers(tokens, clause, covered, v.mentionStarts);
  const strong = found.some((g) => g.trigger.type !== 'STATEMENT' && g.weight >= 3);
  return best(found.filter((f) => (f.trigger.type !== 'STATEMENT' ? f.weight >= 3 || !found.some((g) => g.trigger.type === 'STATEMENT') : !strong || !REPORTING.has(tokens[f.head].lower))));
}

// Source and targets are chosen among what the clause names, by where each stands against the trigger.
function viewClause(v: SentenceView, clause: Clause, top: Found): ClauseView {
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

/** Who acts in a clause, and on what evidence. */
interface SourceFinding {
  source: Mention | undefined;
  sourceState: string | null;
  sourceBasis: Draft['sourceBasis'];
  /** The targets that come with an inherited source ("the two countries", a coordinated clause). */
  inheritedTargets: string[];
  /** The state a disruption befalls when its place, not its demonym, gives the source ("Kazakh oil exports fell"). */
  patientOf: string | null;
}

// Source: agent of a passive, else the subject before the trigger, else the speaker, else the previous event's source.
function findSource(a: Article, v: SentenceView, c: ClauseView): SourceFinding {
  const passive = isPassive(a.tokens, c.top, c.clause.first);
  const who: SourceFinding = { source: namedSource(a.tokens, c, passive), sourceState: null, sourceBasis: 'none', inheritedTargets: [], patientOf: null };
  sourceFromPlace(v, c, who);
  if (who.source) { who.sourceState = who.source.state; who.sourceBasis = 'explicit'; }
  if (!who.source) impliedSource(a, v, c, who);
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
  const canAct = (m: Mention): boolean => !m.modifier || MODIFIER_ACTS.has(top.trigger.type);
  const subject = (m: Mention): boolean => !precededBy(tokens, m, NOT_SUBJECT_AFTER, clause.first) && m.state !== null;
  if (!source) source = c.before.find((m) => m.first >= floor && subject(m) && canAct(m));
  if (!source && floor > clause.first) source = c.before.find((m) => subject(m) && canAct(m));
  // "drew criticism from Ukraine", "a visit by Macron": the agent right after a trigger, when no subject acts before it.
  if (!source) source = c.after.find((m) => m.state !== null && m.first - top.last <= 3 && canAct(m) && precededBy(tokens, m, AGENT_AFTER, top.last));
  return source;
}

// "Kazakh oil exports fell": a bare demonym modifies what is disrupted; the disruption happens where its place is.
function sourceFromPlace(v: SentenceView, c: ClauseView, who: SourceFinding): void {
  const source = who.source;
  if (!source || c.top.trigger.type !== 'DISRUPTION' || source.form !== 'demonym' || source.role || source.person) return;
  const where = [...v.linkMatches.flatMap((m) => m.entry.value), ...v.placeMentions.map((p): LinkTarget => ({ kind: 'place', name: p.name, id: null, state: p.state ?? undefined }))]
    .find((l) => l.kind === 'place' && l.state && l.state !== source.state);
  if (where?.state) { who.patientOf = source.state; who.sourceState = where.state; who.sourceBasis = 'place'; who.source = undefined; }
}

// A subject the clause does not name: a pronoun for the speaker or the last source, "the two countries", a clause that shares its subject.
function impliedSource(a: Article, v: SentenceView, c: ClauseView, who: SourceFinding): void {
  const { tokens } = a;
  const { floor, top } = c;
  const reporting = v.reporting;
  const lead = tokens.slice(floor, top.first).map((t) => t.lower);
  const pronoun = lead.some((w, k) => PRONOUN_SUBJECTS.has(w) || (DEFINITE_ROLE.test(w) && lead[k + 1] && PRONOUN_SUBJECTS.has(`the ${lead[k + 1]}`)));
  const firstPerson = lead.some((w) => FIRST_PERSON.has(w));
  if ((pronoun || firstPerson) && reporting?.speaker?.state) {
    who.sourceState = reporting.speaker.state; who.sourceBasis = 'speaker';
  } else if (pronoun && a.lastSource) {
    who.sourceState = a.lastSource; who.sourceBasis = 'inherited';
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
function findTargets(tokens: readonly Token[], v: SentenceView, c: ClauseView, who: SourceFinding): string[] {
  const { clause, top, floor } = c;
  const { reporting } = v;
  const { source, sourceState } = who;
  const speakerStates = reporting && floor > clause.first && who.sourceBasis === 'explicit' && source && source.first >= floor
    ? new Set(c.mentions.filter((m) => m.last <= reporting.verb).map((m) => m.state)) : new Set<string | null>();
  // Mentions in a background clause after the trigger ("… after Transneft reported contamination") are not targets.
  let backgroundFrom = clause.last;
  for (let i = top.last; i < clause.last; i++) if (BACKGROUND.has(tokens[i].lower)) { backgroundFrom = i; break; }
  let targets = uniq(c.stateMentions.filter((m) => m.first < backgroundFrom).map((m) => m.state!).filter((st) => st !== sourceState && !speakerStates.has(st)));
  if (targets.length === 0 && who.sourceBasis === 'inherited') targets = who.inheritedTargets.filter((t) => t !== sourceState);
  if (who.patientOf && !targets.includes(who.patientOf)) targets.unshift(who.patientOf);
  if (top.trigger.type === 'CONSULT') {
    const hosts = [...c.places.map((p) => p.state), ...c.links.filter((l) => l.kind === 'place').map((l) => l.state ?? null)];
    const host = targets.length === 0 ? hosts.find((h) => h && h !== sourceState) : null;
    if (host) targets.push(host);
  }
  return uniq(targets);
}

/** An event's type and tone after negation, and whether it is negated or hedged. */
interface Polarity { type: EventType; tone: number; negated: boolean; hedged: boolean }

// Negation and hedging in the words before the trigger (up to four, within the clause): a denied deal is no deal.
function readPolarity(tokens: readonly Token[], c: ClauseView): Polarity {
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

// Date: the date nearest the trigger in the clause, else in the sentence, else the story's, else publication.
// A reported event takes no date that lies ahead or that a future tense governs ("accused Belarus … and said it would
// close the border from Friday": Friday is the closure's date, not the accusation's); a planned one takes the date
// that follows it.
function dateEvent(a: Article, v: SentenceView, c: ClauseView, hedged: boolean): Pick<EventOut, 'date' | 'dateBasis'> {
  const { tokens } = a;
  const { clause, top } = c;
  const dates = sentenceDates(a, v.si);
  const clauseStart = tokens[clause.first].start;
  const clauseEnd = tokens[clause.last - 1].end;
  const inClause = dates.filter((d) => d.start >= clauseStart && d.end <= clauseEnd);
  const fits = (d: FoundDate): boolean => hedged || (!d.future && !d.forward);
  // "announced export controls from December 1": the day a measure takes effect dates it, unless the date belongs to
  // an infinitive in between ("agreed to supply gas from 2026": the agreement is not dated 2026).
  const effective = inClause.filter((d) => d.starts && d.start > tokens[top.last - 1].end &&
    !/\bto\s+(?!the\b|an?\b|its\b|their\b|this\b|that\b)[a-z]+/.test(a.text.slice(tokens[top.last - 1].end, d.start)));
  let pool = effective.length ? effective : inClause.filter(fits);
  // "starts deliveries from March 1": a scheduled event told in the present tense.
  if (!pool.length && !hedged && !isPastForm(tokens[top.head].lower)) pool = inClause;
  if (!pool.length) pool = dates.filter(fits);
  if (pool.length) {
    const at = tokens[top.head].start;
    const ahead = hedged ? pool.filter((d) => d.start > at) : [];
    return { date: [...(ahead.length ? ahead : pool)].sort((x, y) => Math.abs(x.start - at) - Math.abs(y.start - at))[0].date, dateBasis: 'text' };
  }
  if (a.storyDate && !v.s.item) return { date: a.storyDate, dateBasis: 'story' }; // a list item is a story of its own
  if (a.published) return { date: a.published, dateBasis: 'published' };
  return { date: null, dateBasis: null };
}

// Confidence rises with a strong trigger and with a named source, target and date, and falls with hedging, negation and headline style.
function confidenceOf(weight: number, d: Pick<Draft, 'sourceBasis' | 'targets' | 'dateBasis' | 'hedged' | 'negated' | 'headline'>): number {
  const confidence = 0.35 + 0.03 * Math.min(weight, 9)
    + (d.sourceBasis === 'explicit' ? 0.15 : d.sourceBasis === 'speaker' ? 0.1 : d.sourceBasis === 'none' ? 0 : 0.05)
    + (d.targets.length ? 0.08 : 0)
    + (d.dateBasis === 'text' ? 0.08 : d.dateBasis === 'story' ? 0.04 : 0)
    - (d.hedged ? 0.12 : 0) - (d.negated ? 0.1 : 0) - (d.headline ? 0.05 : 0);
  return Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100;
}

// An event links to the dataset's commodities, routes and places its clause names, each once.
function linksOut(v: SentenceView, c: ClauseView): Pick<EventOut, 'commodities' | 'routes' | 'places'> {
  const commodities = uniqBy(c.links.filter((l) => l.kind === 'commodity'));
  const routes = uniqBy(c.links.filter((l) => l.kind === 'route'));
  const places = uniqBy([
    ...c.links.filter((l) => l.kind === 'place'),
    ...c.places.map((p): LinkTarget => ({ kind: 'place', name: p.name, id: null, state: p.state ?? undefined })),
  ]).map((p) => ({ name: p.name, id: p.id, state: p.state ?? null }));
  return {
    commodities: commodities.map(({ name, id }) => ({ name, id })),
    routes: routes.map(({ name, id }) => ({ name, id })),
    places,
  };
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
  result.actors = a.actors.list();
  result.events = events.map((e, i) => ({ id: `${result.article.hash.slice(0, 8)}-${i + 1}`, ...stripDraft(e) }));
  if (unresolvedDates.length && !published) {
    result.warnings.push(`no publication date given: ${unresolvedDates.length} relative date(s) left unresolved (${uniq(unresolvedDates).slice(0, 3).map((d) => `"${d}"`).join(', ')}); give --published YYYY-MM-DD`);
  }
  if (!published && events.some((e) => e.date === null)) {
    result.warnings.push('some events have no date: the text names none and no publication date was given');
  }
  return result;
}

/** The link targets of the matches inside a clause, in order. */
function targetsWithin(matches: readonly Match<LinkTarget[]>[], c: Clause): LinkTarget[] {
  const out: LinkTarget[] = [];
  for (const m of matches) if (m.first >= c.first && m.last <= c.last) for (const t of m.entry.value) out.push(t);
  return out;
}

function uniqBy(list: LinkTarget[]): LinkTarget[] {
  const seen = new Set<string>();
  return list.filter((l) => { const k = `${l.kind}:${l.id ?? l.name.toLowerCase()}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

function stripDraft(d: Draft): Omit<EventOut, 'id'> {
  const { sentenceIndex: _s, headline: _h, sourceBasis: _b, ...rest } = d;
  return rest;
}

interface Reporting { verb: number; speaker?: Mention }

/** The reporting verb of a sentence ("said", "told") and who speaks, if a state actor does. */
function findReporting(tokens: readonly Token[], s: Sentence, mentions: Mention[]): Reporting | undefined {
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

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function participants(d: { source: string | null; targets: string[] }): string[] {
  return [d.source ?? '', ...d.targets].filter(Boolean).sort();
}

/** Whether every member of one list is in the other (either way). */
function within(a: string[], b: string[]): boolean {
  return a.every((x) => b.includes(x)) || b.every((x) => a.includes(x));
}

/** How much a draft tells, to choose which of two repeats to show: a body sentence over the headline, a written date, more parties, more links, more words. */
function informativeness(d: Draft): number[] {
  return [d.headline ? 0 : 1, d.dateBasis === 'text' ? 1 : 0, participants(d).length, d.commodities.length + d.routes.length + d.places.length, d.sentence.text.length];
}

function moreInformative(a: Draft, b: Draft): boolean {
  const x = informativeness(a);
  const y = informativeness(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

/** Whether two drafts tell the same event: the same type, the same parties (or one set within the other), the same day. */
function sameEvent(k: Draft, d: Draft): boolean {
  if (k.type !== d.type || k.negated !== d.negated) return false;
  const sym = EVENT_SCALE[d.type].symmetric;
  const pk = partiesOf(k);
  const pd = partiesOf(d);
  if (pk.length === 0 || pd.length === 0) return false;
  const same = sym ? sameSet(pk, pd) : k.source === d.source && sameSet(k.targets, d.targets);
  // One side's parties within the other's: the same event told again (the headline, or a later sentence on the same day).
  const nested = sym ? within(pk, pd) : k.source === d.source && within(k.targets, d.targets);
  if (!same && !(nested && (k.headline || d.headline || k.date === d.date))) return false;
  if (k.date === d.date) return true;
  return k.dateBasis !== 'text' || d.dateBasis !== 'text';
}

/** The parties of a draft, kept until the draft changes (merging compares each draft with every one kept). */
const PARTIES = new WeakMap<Draft, string[]>();
function partiesOf(d: Draft): string[] {
  let p = PARTIES.get(d);
  if (!p) { p = participants(d); PARTIES.set(d, p); }
  return p;
}

/** One event from two tellings: the more informative sentence and its words, a written date, every party and link, the higher confidence (plus 0.05). */
function mergeInto(twin: Draft, d: Draft): void {
  const [best, other] = moreInformative(twin, d) ? [{ ...twin }, d] : [{ ...d }, { ...twin }];
  const source = best.source ?? other.source;
  const merged: Draft = {
    ...best,
    source,
    targets: uniq([...best.targets, ...(EVENT_SCALE[best.type].symmetric ? participants(other) : other.targets)]).filter((t) => t !== source),
    date: best.dateBasis === 'text' || other.dateBasis !== 'text' ? best.date : other.date,
    dateBasis: best.dateBasis === 'text' || other.dateBasis !== 'text' ? best.dateBasis : other.dateBasis,
    commodities: [...best.commodities, ...other.commodities.filter((c) => !best.commodities.some((x) => x.name === c.name))],
    routes: [...best.routes, ...other.routes.filter((r) => !best.routes.some((x) => x.name === r.name))],
    places: [...best.places, ...other.places.filter((p) => !best.places.some((x) => x.name === p.name))],
    attribution: best.attribution ?? other.attribution,
    confidence: Math.min(0.95, Math.round((Math.max(twin.confidence, d.confidence) + 0.05) * 100) / 100),
  };
  Object.assign(twin, merged);
  PARTIES.delete(twin);
}

/** Merges repeats (a headline restated in the lead, one event told twice) and drops statements that report another event. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  const byType = new Map<EventType, Draft[]>();
  for (const d of drafts) {
    const same = byType.get(d.type) ?? [];
    const twin = same.find((k) => sameEvent(k, d));
    if (twin) { mergeInto(twin, d); continue; }
    const copy = { ...d };
    kept.push(copy);
    same.push(copy);
    byType.set(d.type, same);
  }
  return kept.filter((d) => d.type !== 'STATEMENT' || d.negated || !kept.some((o) => o !== d && o.type !== 'STATEMENT' && o.source === d.source && o.sentenceIndex === d.sentenceIndex));
}
