// What ingestText returns (the article, its actors and events, warnings) and the draft of an event before merging.
import { createHash } from 'node:crypto';
import type { Mention } from './actors.ts';
import type { LinkTable } from './links.ts';
import { EVENTS_METHOD, type EventType } from './method.ts';

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
  /** The participants of the events: every state that is the source or a target of one. */
  actors: ActorOut[];
  /** States and organisations the text names without making them a party to any event ("Russian energy corridors"). */
  mentions: ActorOut[];
  events: EventOut[];
  attributions: { name: string; start: number; end: number }[];
  warnings: string[];
}

export interface Draft extends Omit<EventOut, 'id'> {
  sentenceIndex: number;
  headline: boolean;
  sourceBasis: 'explicit' | 'speaker' | 'inherited' | 'place' | 'none';
  /** A speech act ("condemns", "calls on"): an event of its own even beside another act of the same speaker. */
  speechAct: boolean;
  /** Told as a recollection of an earlier event ("had suspended", "the deal, signed in March,"): merged with its first telling. */
  recalled: boolean;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// The result a refused or empty text gets: the article is described even when nothing in it can be read.
export function emptyResult(input: string, source: string | null, published: string | null): IngestResult {
  return {
    method: { ...EVENTS_METHOD },
    article: { hash: hashText(input), title: '', published, source, characters: input.length, sentences: 0 },
    actors: [],
    mentions: [],
    events: [],
    attributions: [],
    warnings: [],
  };
}
