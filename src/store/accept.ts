// Writes an accepted candidate into a dataset: an events.csv row, a sources.csv row for the article, and a
// countries.csv row for a state the dataset lacks. Rows are added at the end of each file, whose other rows and
// columns stay as they were. The change is staged in a copy and validated there first; the dataset's files are
// then replaced one by one, and put back if any write fails, so a failed accept leaves the dataset as it was.
// The caller holds the dataset's write lock (see review.ts, which also keeps the candidate store in step).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDataset } from '../data/read.ts';
import { formatProblem } from '../data/problems.ts';
import { appendRows, replaceDatasetFiles, type ReplaceOptions } from '../data/write.ts';
import { resource } from '../data/datapackage.ts';
import { entityByName } from '../schema/entities.ts';
import type { Cell } from '../schema/coerce.ts';
import type { Model } from '../model/model.ts';
import type { CountryRow, EventRow, SourceRow, Tables } from '../model/types.ts';
import { EVENT_SCALE, EVENTS_METHOD } from '../events/method.ts';
import { states } from '../events/lexicon/countries.ts';
import { CorridorError } from '../errors.ts';
import type { StoredCandidate } from './candidates.ts';

/** `write` replaces one file (default: atomic replace); tests inject a failing writer here. */
export type AcceptOptions = Pick<ReplaceOptions, 'write'>;

export interface AcceptResult {
  status: 'accepted' | 'duplicate';
  /** The new event's id, or the id of the event it duplicates. */
  eventId: string;
  /** True when the candidate's own event was in events.csv already (an accept interrupted before it was recorded). */
  already?: boolean;
  sourceId: string;
  addedCountries: string[];
  /** Files written (empty for a duplicate). */
  files: string[];
  row: EventRow;
}

const SUMMARY_MAX = 300;

function sameParticipants(a: EventRow, b: EventRow): boolean {
  const sym = (EVENT_SCALE as Record<string, { symmetric: boolean }>)[a.type]?.symmetric ?? false;
  const set = (e: EventRow) => (sym ? [e.actor, ...e.targets] : e.targets).slice().sort().join(';');
  return (sym || a.actor === b.actor) && set(a) === set(b);
}

/** The note of an accepted event names its candidate: `... from candidate ID (confidence ...`. */
const CANDIDATE_IN_NOTE = /\bfrom candidate (\S+) \(confidence /;

/** The candidate an event row of the dataset was accepted from, read from its note (undefined for other rows). */
export function candidateOfNote(note: string): string | undefined {
  return CANDIDATE_IN_NOTE.exec(note)?.[1];
}

/** The event row an accepted candidate becomes (before ids are made unique). */
function eventRowOf(c: StoredCandidate, sourceIds: string[], model: Model): EventRow {
  const e = c.event;
  // The dataset's date column takes whole days: a month or a year from the text becomes its first day, and the note says so.
  const date = e.date!.length === 10 ? e.date! : e.date!.length === 7 ? `${e.date}-01` : `${e.date!.slice(0, 4)}-01-01`;
  const precision = e.date!.length === 10 ? '' : ` The text gives the date only to the ${e.date!.length === 7 ? 'month' : 'year'} (${e.date}).`;
  const summary = e.sentence.text.length > SUMMARY_MAX ? `${e.sentence.text.slice(0, SUMMARY_MAX - 1)}…` : e.sentence.text;
  return {
    id: '',
    date,
    actor: e.source!,
    targets: [...e.targets],
    type: e.type,
    tone: e.tone,
    commodities: e.commodities.map((x) => x.id).filter((id): id is string => !!id && model.commodity(id) !== undefined),
    routes: e.routes.map((x) => x.id).filter((id): id is string => !!id && model.route(id) !== undefined),
    summary: summary || '(no text)',
    source: sourceIds,
    estimated: false,
    note: `coded by ${c.article.method} from candidate ${c.id} (confidence ${e.confidence}, trigger "${e.trigger}"), reviewed and accepted.${precision}`,
  };
}

/** Accepts a candidate into the dataset folder `dir`. Throws CorridorError and changes nothing when it cannot. */
export function acceptCandidate(dir: string, candidate: StoredCandidate, options: AcceptOptions = {}): AcceptResult {
  const root = resolve(dir);
  checkCodable(candidate);
  const model = validDatasetModel(root, dir);
  const tables = model.tables;
  const addedCountries = countriesToAdd(candidate, model);
  // Every article that tells the event is a source of it (one, unless a corpus merged several outlets' tellings).
  const sources = tellingsOf(candidate).map((t) => articleSource(candidate, t, tables));
  const sourceRow = sources[0].sourceRow;
  const row = eventRowOf(candidate, sources.map((x) => x.sourceRow.id), model);
  // Its own event, written by an accept that was interrupted before the candidate store recorded it.
  const own = tables.event.find((x) => candidateOfNote(x.note) === candidate.id);
  if (own) return { status: 'accepted', already: true, eventId: own.id, sourceId: own.source[0] ?? sourceRow.id, addedCountries: [], files: [], row: own };
  const duplicate = tables.event.find((x) => x.type === row.type && x.date === row.date && sameParticipants(x, row));
  if (duplicate) return { status: 'duplicate', eventId: duplicate.id, sourceId: sourceRow.id, addedCountries: [], files: [], row };
  row.id = uniqueEventId(row, tables);
  const changes = fileChanges(root, row, sources.filter((x) => x.isNew).map((x) => x.sourceRow), addedCountries);
  // events.csv last: the event appears only once everything it refers to is in place.
  const order = [entityByName('country').file, entityByName('source').file, 'datapackage.json', entityByName('event').file].filter((f) => changes.has(f));
  replaceDatasetFiles(root, changes, order, { write: options.write, what: `accepting ${candidate.id}` });
  return { status: 'accepted', eventId: row.id, sourceId: sourceRow.id, addedCountries: addedCountries.map((c) => c.id), files: order, row };
}

/** A candidate needs an acting state and a date to become a dataset event. */
function checkCodable(candidate: StoredCandidate): void {
  if (!candidate.event.source) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${candidate.id} names no acting state, so it cannot become a dataset event; reject it, or code it by hand in events.csv`);
  }
  if (!candidate.event.date) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${candidate.id} has no date (the text names none and no publication date was given); ingest again with --published YYYY-MM-DD`);
  }
}

/** The dataset, refusing one that is already invalid (its errors would be blamed on the event). */
function validDatasetModel(root: string, dir: string): Model {
  const before = readDataset(root);
  if (before.problems.errors.length > 0) {
    throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `dataset ${dir} has ${before.problems.errors.length} error(s) already; fix them before accepting events (run \`corridor validate ${dir}\`)`,
      before.problems.errors.slice(0, 10).map(formatProblem));
  }
  return before.model;
}

/** States the event names that the dataset lacks are added to countries.csv; a missing bloc cannot be added here. */
function countriesToAdd(candidate: StoredCandidate, model: Model): CountryRow[] {
  const added: CountryRow[] = [];
  for (const id of [candidate.event.source!, ...candidate.event.targets]) {
    if (model.hasActor(id) || added.some((c) => c.id === id)) continue;
    const info = states().get(id);
    if (!info) {
      throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `candidate ${candidate.id} names "${id}", which the dataset does not declare (countries.csv, blocs.csv); add the bloc with its members to blocs.csv and bloc_members.csv first`);
    }
    added.push({ id, name: info.name, kind: 'country', region: info.region });
  }
  return added;
}

/** An article that tells the event: its own, and those of every other outlet a corpus merged it with. */
interface ArticleTelling { hash: string; title: string; source: string | null; url: string | null; published: string | null }

function tellingsOf(candidate: StoredCandidate): ArticleTelling[] {
  const own: ArticleTelling = { ...candidate.article, url: null };
  const sources = (candidate.event as { sources?: unknown }).sources;
  if (!Array.isArray(sources) || sources.length === 0) return [own];
  const tellings = (sources as { article: string; title: string; source: string | null; url: string | null; published: string | null }[])
    .map((t) => ({ hash: t.article, title: t.title, source: t.source, url: t.url, published: t.published }));
  return tellings.filter((t, i) => tellings.findIndex((x) => x.hash === t.hash) === i);
}

/** The sources.csv row of an article (the existing one when another of its events was accepted before). */
function articleSource(candidate: StoredCandidate, t: ArticleTelling, tables: Tables): { sourceRow: SourceRow; isNew: boolean } {
  const id = `news_${t.hash.slice(0, 12)}`;
  const existing = tables.source.find((s) => s.id === id);
  if (existing) return { sourceRow: existing, isNew: false };
  return {
    isNew: true,
    sourceRow: {
      id,
      title: t.title || '(untitled article)',
      publisher: t.source ?? '',
      url: t.url ?? '',
      year: Number((t.published ?? candidate.event.date!).slice(0, 4)),
      note: `news article, sha256 ${t.hash}; events coded with method ${EVENTS_METHOD.name} ${EVENTS_METHOD.version}`,
    },
  };
}

/** An id made of date, actor and type, numbered when the dataset has it already. */
function uniqueEventId(row: EventRow, tables: Tables): string {
  const base = `${row.date}_${row.actor}_${row.type}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
  const taken = new Set(tables.event.map((x) => x.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** The new content of every file that changes: events.csv, and where needed sources.csv, countries.csv, datapackage.json. */
function fileChanges(root: string, row: EventRow, newSources: SourceRow[], addedCountries: CountryRow[]): Map<string, string> {
  const changes = new Map<string, string>();
  const table = (name: 'event' | 'source' | 'country', rows: unknown[]) => {
    const entity = entityByName(name);
    const path = join(root, entity.file);
    changes.set(entity.file, appendRows(existsSync(path) ? readFileSync(path, 'utf8') : undefined, entity, rows as Record<string, Cell>[]));
  };
  if (addedCountries.length) table('country', addedCountries);
  if (newSources.length) table('source', newSources);
  table('event', [row]);
  const descriptor = descriptorWithEvents(root);
  if (descriptor) changes.set('datapackage.json', descriptor);
  return changes;
}

/** datapackage.json with events.csv listed, when it is not listed yet (undefined when nothing changes). */
function descriptorWithEvents(root: string): string | undefined {
  const events = entityByName('event');
  const eventFile = events.file;
  try {
    const descriptor = JSON.parse(readFileSync(join(root, 'datapackage.json'), 'utf8')) as { resources?: { path?: string }[] };
    if (!Array.isArray(descriptor.resources) || descriptor.resources.some((r) => r.path === eventFile)) return undefined;
    descriptor.resources.push(resource(events) as { path?: string });
    return `${JSON.stringify(descriptor, null, 2)}\n`;
  } catch {
    return undefined; // the reader already accepted the descriptor; leave it as it is
  }
}
