// Writes an accepted candidate into a dataset: an events.csv row, a sources.csv row for the article, and a
// countries.csv row for a state the dataset lacks. The change is staged in a temporary copy and validated
// there first; the dataset's files are then replaced one by one, and put back if any write fails, so a
// failed accept leaves the dataset as it was.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../data/read.ts';
import { formatProblem } from '../data/problems.ts';
import { formatTable, writeFileAtomic } from '../data/write.ts';
import { buildDatapackage } from '../data/datapackage.ts';
import { entityByName } from '../schema/entities.ts';
import type { Cell } from '../schema/coerce.ts';
import type { CountryRow, EventRow, SourceRow } from '../model/types.ts';
import { EVENT_SCALE, EVENTS_METHOD } from '../events/method.ts';
import { states } from '../events/lexicon/countries.ts';
import { CorridorError } from '../errors.ts';
import type { StoredCandidate } from './candidates.ts';

export interface AcceptOptions {
  /** Writes one file (default: atomic replace). Tests inject a failing writer here. */
  write?: (path: string, content: string) => void;
}

export interface AcceptResult {
  status: 'accepted' | 'duplicate';
  /** The new event's id, or the id of the event it duplicates. */
  eventId: string;
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

/** The event row an accepted candidate becomes (before ids are made unique). */
function eventRowOf(c: StoredCandidate, sourceId: string, commodityIds: Set<string>, routeIds: Set<string>): EventRow {
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
    commodities: e.commodities.map((x) => x.id).filter((id): id is string => !!id && commodityIds.has(id)),
    routes: e.routes.map((x) => x.id).filter((id): id is string => !!id && routeIds.has(id)),
    summary: summary || '(no text)',
    source: [sourceId],
    estimated: false,
    note: `coded by ${c.article.method} from candidate ${c.id} (confidence ${e.confidence}, trigger "${e.trigger}"), reviewed and accepted.${precision}`,
  };
}

/** Accepts a candidate into the dataset folder `dir`. Throws CorridorError and changes nothing when it cannot. */
export function acceptCandidate(dir: string, candidate: StoredCandidate, options: AcceptOptions = {}): AcceptResult {
  const root = resolve(dir);
  const write = options.write ?? writeFileAtomic;
  const e = candidate.event;
  if (!e.source) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${candidate.id} names no acting state, so it cannot become a dataset event; reject it, or code it by hand in events.csv`);
  }
  if (!e.date) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${candidate.id} has no date (the text names none and no publication date was given); ingest again with --published YYYY-MM-DD`);
  }
  const before = readDataset(root);
  if (before.problems.errors.length > 0) {
    throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `dataset ${dir} has ${before.problems.errors.length} error(s) already; fix them before accepting events (run \`corridor validate ${dir}\`)`,
      before.problems.errors.slice(0, 10).map(formatProblem));
  }
  const tables = before.model.tables;
  const countryIds = new Set(tables.country.map((c) => c.id));
  const blocIds = new Set(tables.bloc.map((b) => b.id));

  // States the dataset lacks are added to countries.csv; a missing bloc cannot be added here.
  const addedCountries: CountryRow[] = [];
  for (const id of [e.source, ...e.targets]) {
    if (countryIds.has(id) || blocIds.has(id) || addedCountries.some((c) => c.id === id)) continue;
    const info = states().get(id);
    if (!info) {
      throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `candidate ${candidate.id} names "${id}", which the dataset does not declare (countries.csv, blocs.csv); add the bloc with its members to blocs.csv and bloc_members.csv first`);
    }
    addedCountries.push({ id, name: info.name, kind: 'country', region: info.region });
  }

  const hash = candidate.article.hash;
  const sourceId = `news_${hash.slice(0, 12)}`;
  const existingSource = tables.source.find((s) => s.id === sourceId);
  const year = Number((candidate.article.published ?? e.date).slice(0, 4));
  const sourceRow: SourceRow = existingSource ?? {
    id: sourceId,
    title: candidate.article.title || '(untitled article)',
    publisher: candidate.article.source ?? '',
    url: '',
    year,
    note: `news article, sha256 ${hash}; events coded with method ${EVENTS_METHOD.name} ${EVENTS_METHOD.version}`,
  };

  const row = eventRowOf(candidate, sourceId, new Set(tables.commodity.map((c) => c.id)), new Set(tables.route.map((r) => r.id)));
  const duplicate = tables.event.find((x) => x.type === row.type && x.date === row.date && sameParticipants(x, row));
  if (duplicate) return { status: 'duplicate', eventId: duplicate.id, sourceId, addedCountries: [], files: [], row };
  const base = `${row.date}_${row.actor}_${row.type}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
  const taken = new Set(tables.event.map((x) => x.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  row.id = id;

  // The new content of every file that changes.
  const changes = new Map<string, string>();
  const eventEntity = entityByName('event');
  const sourceEntity = entityByName('source');
  const countryEntity = entityByName('country');
  if (addedCountries.length) changes.set(countryEntity.file, formatTable(countryEntity, [...tables.country, ...addedCountries] as unknown as Record<string, Cell>[]));
  if (!existingSource) changes.set(sourceEntity.file, formatTable(sourceEntity, [...tables.source, sourceRow] as unknown as Record<string, Cell>[]));
  changes.set(eventEntity.file, formatTable(eventEntity, [...tables.event, row] as unknown as Record<string, Cell>[]));
  const descriptorPath = join(root, 'datapackage.json');
  try {
    const descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8')) as { resources?: { path?: string }[] };
    if (Array.isArray(descriptor.resources) && !descriptor.resources.some((r) => r.path === eventEntity.file)) {
      const resource = (buildDatapackage({ name: 'x', title: '', description: '' }, [eventEntity.file]).resources as unknown[])[0];
      descriptor.resources.push(resource as { path?: string });
      changes.set('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
    }
  } catch {
    // The reader already accepted the descriptor; leave it as it is.
  }

  // Stage: a copy of the dataset with the changes, which must validate.
  const staging = mkdtempSync(join(tmpdir(), 'corridor-accept-'));
  try {
    for (const f of readdirSync(root)) {
      const p = join(root, f);
      if (statSync(p).isFile() && (f.endsWith('.csv') || f === 'datapackage.json')) copyFileSync(p, join(staging, f));
    }
    for (const [f, content] of changes) writeFileAtomic(join(staging, f), content);
    const after = readDataset(staging);
    if (after.problems.errors.length > 0) {
      throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `accepting ${candidate.id} would leave dataset ${dir} invalid, so nothing was changed`,
        after.problems.errors.slice(0, 10).map(formatProblem));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  // Commit, events.csv last; on failure put back what was already replaced.
  const order = [countryEntity.file, sourceEntity.file, 'datapackage.json', eventEntity.file].filter((f) => changes.has(f));
  const originals = new Map(order.map((f) => [f, existsSync(join(root, f)) ? readFileSync(join(root, f), 'utf8') : null]));
  const done: string[] = [];
  try {
    for (const f of order) { write(join(root, f), changes.get(f)!); done.push(f); }
  } catch (error) {
    for (const f of done.reverse()) {
      const original = originals.get(f);
      try {
        if (original === null || original === undefined) rmSync(join(root, f), { force: true });
        else writeFileAtomic(join(root, f), original);
      } catch {
        // Nothing more can be done; the message below names the file.
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not write the accepted event into ${dir} (${message}); the dataset was left as it was`);
  }
  return { status: 'accepted', eventId: id, sourceId, addedCountries: addedCountries.map((c) => c.id), files: order, row };
}
