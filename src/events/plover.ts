// Events written as PLOVER records (the Open Event Data Alliance's PLOVER manual, "PLOVER JSON" table): `id`,
// `date`, `actor` and `recipient` (lists of entity objects with `code`), `event` (list of categories), `event_scale`,
// `quad_code`, `context`, `event_text`, `text_info`, `cite_info`, `coder`, `coded_date`, `comment`, and, as the
// manual allows, named fields of our own (`corridor`). Our scale is coarser than PLOVER's in places: the mapping of
// each type is below and in docs/methods/events.md. Pure.
import { EVENTS_METHOD, type EventType } from './method.ts';
import type { CorpusEvent, Telling } from './corpus.ts';
import type { EventOut } from './result.ts';

/** PLOVER category and quad code of each of our types (null: no PLOVER category, exported with has_event false). */
export const PLOVER_CATEGORY: Record<EventType, { event: string | null; quad: 1 | 2 | 3 | 4 | null; context: string[] }> = {
  AGREE: { event: 'AGREE', quad: 1, context: [] },
  CONSULT: { event: 'CONSULT', quad: 1, context: [] },
  COOPERATE: { event: 'COOPERATE', quad: 2, context: [] },
  // Investment and supply are material cooperation in the economic context.
  INVEST: { event: 'COOPERATE', quad: 2, context: ['economic'] },
  SUPPLY: { event: 'COOPERATE', quad: 2, context: ['economic'] },
  STATEMENT: { event: null, quad: null, context: [] },
  DISAPPROVE: { event: 'ACCUSE', quad: 3, context: [] },
  ACCUSE: { event: 'ACCUSE', quad: 3, context: [] },
  THREATEN: { event: 'THREATEN', quad: 3, context: [] },
  PROTEST: { event: 'PROTEST', quad: 4, context: [] },
  SANCTION: { event: 'SANCTION', quad: 4, context: ['economic'] },
  // A halt of supply or transit reduces routine relations (PLOVER's SANCTION is "all reductions in existing, routine
  // or cooperative relations"); an attack on infrastructure by a state would be ASSAULT, which our scale does not separate.
  DISRUPTION: { event: 'SANCTION', quad: 4, context: ['economic'] },
};

/** What an exported event carries beside the reader's fields: its review status and its tellings. */
export interface ExportedEvent {
  event: EventOut | CorpusEvent;
  status: string;
  /** When it was saved (the coding date). */
  codedAt: string | null;
  tellings: Telling[];
}

/** The PLOVER JSON record of an event. */
export function ploverRecord(x: ExportedEvent): Record<string, unknown> {
  const e = x.event;
  const category = PLOVER_CATEGORY[e.type];
  const first = x.tellings[0];
  const context = [...category.context];
  return {
    id: e.id,
    has_event: category.event !== null,
    date: e.date,
    actor: e.source ? [{ code: e.source }] : [],
    recipient: e.targets.map((code) => ({ code })),
    event: category.event ? [category.event] : [],
    event_scale: e.tone,
    quad_code: category.quad,
    context,
    event_text: [e.trigger],
    text_info: { start: e.sentence.start, end: e.sentence.end },
    cite_info: first ? { title: first.title, url: first.url, publication: first.source, coder: `corridor ${EVENTS_METHOD.name} ${EVENTS_METHOD.version}` } : null,
    coder: `corridor ${EVENTS_METHOD.name} ${EVENTS_METHOD.version}`,
    coded_date: x.codedAt ? x.codedAt.slice(0, 10) : null,
    comment: e.sentence.text,
    corridor: {
      type: e.type, status: x.status, confidence: e.confidence, negated: e.negated, hedged: e.hedged,
      commodities: e.commodities.map((c) => c.id ?? c.name), routes: e.routes.map((r) => r.id ?? r.name),
      sources: x.tellings.map((t) => ({ article: t.article, event: t.event, title: t.title, publication: t.source, url: t.url, published: t.published })),
    },
  };
}

export const EXPORT_CSV_COLUMNS = [
  'id', 'date', 'type', 'plover_event', 'source', 'targets', 'tone', 'confidence', 'status', 'commodities', 'routes', 'trigger', 'sentence',
  'sources', 'titles', 'publishers', 'urls',
];

/** One CSV row of an event (lists joined with ";", as in the dataset's tables). */
export function csvRow(x: ExportedEvent): (string | number | null)[] {
  const e = x.event;
  const t = x.tellings;
  return [
    e.id, e.date, e.type, PLOVER_CATEGORY[e.type].event, e.source, e.targets.join(';'), e.tone, e.confidence, x.status,
    e.commodities.map((c) => c.id ?? c.name).join(';'), e.routes.map((r) => r.id ?? r.name).join(';'), e.trigger, e.sentence.text,
    t.map((s) => s.article.slice(0, 12)).join(';'), t.map((s) => s.title).join(' | '), t.map((s) => s.source ?? '').join(' | '), t.map((s) => s.url ?? '').join(' '),
  ];
}
