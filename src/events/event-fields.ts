// The fields of an event drafted from a clause besides its parties and type: its date, its links to the
// dataset and the confidence of the reading.
import { sentenceDates, type Article, type ClauseView, type SentenceView } from './article.ts';
import { isPastForm, type FoundDate } from './dates.ts';
import type { LinkTarget } from './links.ts';
import type { Draft, EventOut } from './result.ts';

// Date: the date nearest the trigger in the clause, else in the sentence, else the story's, else publication.
// A reported event takes no date that lies ahead or that a future tense governs ("accused Belarus … and said it would
// close the border from Friday": Friday is the closure's date, not the accusation's); a planned one takes the date
// that follows it.
export function dateEvent(a: Article, v: SentenceView, c: ClauseView, hedged: boolean): Pick<EventOut, 'date' | 'dateBasis'> {
  const { tokens } = a;
  const { clause, top } = c;
  const dates = sentenceDates(a, v.si);
  const clauseStart = tokens[clause.first].start;
  const clauseEnd = tokens[clause.last - 1].end;
  const inClause = dates.filter((d) => d.start >= clauseStart && d.end <= clauseEnd);
  // "announced export controls from December 1": the day a measure takes effect dates it, unless the date belongs to
  // an infinitive in between ("agreed to supply gas from 2026": the agreement is not dated 2026).
  const effective = inClause.filter((d) => d.starts && d.start > tokens[top.last - 1].end &&
    !/\bto\s+(?!the\b|an?\b|its\b|their\b|this\b|that\b)[a-z]+/.test(a.text.slice(tokens[top.last - 1].end, d.start)));
  let pool = effective.length ? effective : inClause.filter((d) => fitsReport(d, hedged));
  // "starts deliveries from March 1": a scheduled event told in the present tense.
  if (!pool.length && !hedged && !isPastForm(tokens[top.head].lower)) pool = inClause;
  if (!pool.length) pool = dates.filter((d) => fitsReport(d, hedged));
  if (pool.length) {
    const at = tokens[top.head].start;
    const ahead = hedged ? pool.filter((d) => d.start > at) : [];
    return { date: [...(ahead.length ? ahead : pool)].sort((x, y) => Math.abs(x.start - at) - Math.abs(y.start - at))[0].date, dateBasis: 'text' };
  }
  if (a.storyDate && !v.s.item) return { date: a.storyDate, dateBasis: 'story' }; // a list item is a story of its own
  if (a.published) return { date: a.published, dateBasis: 'published' };
  return { date: null, dateBasis: null };
}

/** Whether a date may date an event: any date a hedged (planned) event, else none that lies ahead or that a future tense governs. */
function fitsReport(d: FoundDate, hedged: boolean): boolean {
  return hedged || (!d.future && !d.forward);
}

// Confidence rises with a strong trigger and with a named source, target and date, and falls with hedging, negation and headline style.
export function confidenceOf(weight: number, d: Pick<Draft, 'sourceBasis' | 'targets' | 'dateBasis' | 'hedged' | 'negated' | 'headline'>): number {
  const confidence = 0.35 + 0.03 * Math.min(weight, 9)
    + (d.sourceBasis === 'explicit' ? 0.15 : d.sourceBasis === 'speaker' ? 0.1 : d.sourceBasis === 'none' ? 0 : 0.05)
    + (d.targets.length ? 0.08 : 0)
    + (d.dateBasis === 'text' ? 0.08 : d.dateBasis === 'story' ? 0.04 : 0)
    - (d.hedged ? 0.12 : 0) - (d.negated ? 0.1 : 0) - (d.headline ? 0.05 : 0);
  return Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100;
}

// An event links to the dataset's commodities, routes and places its clause names, each once.
export function linksOut(c: ClauseView): Pick<EventOut, 'commodities' | 'routes' | 'places'> {
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

/** Links without repeats: one per dataset id, or per name where the dataset has none. */
function uniqBy(list: LinkTarget[]): LinkTarget[] {
  const seen = new Set<string>();
  return list.filter((l) => { const k = `${l.kind}:${l.id ?? l.name.toLowerCase()}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
