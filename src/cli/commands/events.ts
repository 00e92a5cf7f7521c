// `corridor events list|accept|reject|timeline`: review candidate events and read the dataset's events.
import type { Command } from 'commander';
import { EVENTS_METHOD } from '../../events/method.ts';
import { acceptStored, rejectStored } from '../../store/review.ts';
import { CANDIDATE_STATUSES, hasCandidateStore, openCandidateStore, type CandidateStatus, type CandidateStore } from '../../store/candidates.ts';
import { available, CorridorError } from '../../errors.ts';
import { datasetDir, printJson, printOutput, withDataset, withJson, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { candidateLine, candidateTables, timelineLine, timelineTables } from '../views/events.ts';
import { formatImpactReport } from '../views/impact.ts';
import { impactOf, withImpactOptions, type ImpactCliOptions } from '../impact-options.ts';
import { fromCandidate, fromDatasetEvent, type ImpactEvent } from '../../impact/index.ts';
import type { Model } from '../../model/model.ts';
import { csvRow, EXPORT_CSV_COLUMNS, ploverRecord, type ExportedEvent } from '../../events/plover.ts';
import type { CorpusEvent, Telling } from '../../events/corpus.ts';
import type { StoredCandidate } from '../../store/candidates.ts';
import { toCsv } from '../format.ts';

function withStore<T>(dir: string, fn: (store: CandidateStore) => T): T {
  const store = openCandidateStore(dir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export function register(program: Command, context: RunContext): void {
  const events = program.command('events').description('review candidate events from `corridor ingest --save`, export them (PLOVER, CSV), run one as a scenario, and list the dataset\'s events by date');

  withOutput(withDataset(events.command('list')), ['candidates'])
    .description('list saved candidate events (by default those waiting for review)')
    .option('--status <status>', `which candidates: ${[...CANDIDATE_STATUSES, 'all'].join(', ')}`, 'candidate')
    .action((options: OutputOptions & { dataset?: string; status: string }) => {
      if (![...CANDIDATE_STATUSES, 'all'].includes(options.status)) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--status expects one of ${[...CANDIDATE_STATUSES, 'all'].join(', ')}, found "${options.status}"`);
      }
      const dir = datasetDir(options);
      const list = hasCandidateStore(dir) ? withStore(dir, (s) => s.list(options.status as CandidateStatus | 'all')) : [];
      printOutput(context, options, {
        json: () => ({ method: EVENTS_METHOD, status: options.status, candidates: list }),
        text: () => (list.length === 0 ? [`no ${options.status === 'all' ? '' : `${options.status} `}events saved for ${dir}`] : list.map(candidateLine)),
        tables: () => candidateTables(list),
      });
    });

  withJson(withDataset(events.command('accept')))
    .description('write a candidate into the dataset\'s events.csv, with a sources.csv row for its article')
    .argument('<id>', 'candidate id (see `corridor events list`)')
    .action((id: string, options: { dataset?: string; json: boolean }) => {
      const dir = datasetDir(options);
      const result = acceptStored(dir, id);
      if (result.status === 'duplicate') {
        if (options.json) printJson(context.io, { method: EVENTS_METHOD, id, status: 'duplicate', duplicateOf: result.eventId, written: [] });
        else context.io.out(`candidate ${id} is a duplicate of event ${result.eventId} (same actor, targets, type and date): nothing was written`);
        return;
      }
      if (options.json) {
        printJson(context.io, { method: EVENTS_METHOD, id, status: 'accepted', event: result.row, source: result.sourceId, addedCountries: result.addedCountries, written: result.files, ...(result.already ? { alreadyWritten: true } : {}) });
      } else if (result.already) {
        context.io.out(`accepted ${id} as event ${result.eventId}: its row was already in events.csv (an earlier accept was interrupted before recording it); wrote nothing`);
      } else {
        context.io.out(`accepted ${id} as event ${result.eventId} (source ${result.sourceId}); wrote ${result.files.join(', ')}${result.addedCountries.length ? `; added ${result.addedCountries.join(', ')} to countries.csv` : ''}`);
      }
    });

  withJson(withDataset(events.command('reject')))
    .description('mark a candidate as rejected (nothing is written into the dataset)')
    .argument('<id>', 'candidate id (see `corridor events list`)')
    .action((id: string, options: { dataset?: string; json: boolean }) => {
      rejectStored(datasetDir(options), id);
      if (options.json) printJson(context.io, { method: EVENTS_METHOD, id, status: 'rejected' });
      else context.io.out(`rejected ${id}`);
    });

  withOutput(withDataset(events.command('timeline')), ['events'])
    .description('the dataset\'s events in date order')
    .option('--actor <id>', 'only events where this country or bloc acts or is a target')
    .action((options: OutputOptions & { dataset?: string; actor?: string }) => {
      const model = openDataset(options);
      const actor = options.actor?.trim().toUpperCase();
      if (actor !== undefined && !model.hasActor(actor)) {
        const ids = [...model.tables.country.map((c) => c.id), ...model.tables.bloc.map((b) => b.id)];
        throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown actor "${options.actor}" (available: ${available(ids)})`);
      }
      const rows = model.tables.event
        .filter((e) => actor === undefined || e.actor === actor || e.targets.includes(actor))
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
      printOutput(context, options, {
        json: () => ({ method: EVENTS_METHOD, dataset: model.info.hash, actor: actor ?? null, events: rows }),
        text: () => (rows.length === 0 ? [`no events${actor ? ` involving ${actor}` : ''} in the dataset`] : rows.map(timelineLine)),
        tables: () => timelineTables(rows),
      });
    });

  withDataset(events.command('export'))
    .description('write the saved candidate events as PLOVER JSON lines or CSV (every source of an event told by several articles kept)')
    .requiredOption('--format <format>', `${EXPORT_FORMATS.join(' or ')}`)
    .option('--status <status>', `which candidates: ${[...CANDIDATE_STATUSES, 'all'].join(', ')}`, 'all')
    .action((options: { dataset?: string; format: string; status: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--format expects ${EXPORT_FORMATS.join(' or ')}, found "${options.format}"`);
      }
      if (![...CANDIDATE_STATUSES, 'all'].includes(options.status)) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--status expects one of ${[...CANDIDATE_STATUSES, 'all'].join(', ')}, found "${options.status}"`);
      }
      const dir = datasetDir(options);
      const list = (hasCandidateStore(dir) ? withStore(dir, (s) => s.list(options.status as CandidateStatus | 'all')) : []).map(exportedOf);
      if (options.format === 'csv') context.io.out(toCsv({ name: 'events', columns: EXPORT_CSV_COLUMNS, rows: list.map(csvRow) }));
      else if (list.length) context.io.out(list.map((x) => JSON.stringify(ploverRecord(x))).join('\n'));
      if (list.length === 0) context.io.err(`no ${options.status === 'all' ? '' : `${options.status} `}events saved for ${dir}`, 'warning');
    });

  withImpactOptions(withJson(withDataset(events.command('impact'))))
    .description('run an event as a scenario: "if this holds", who gains and loses, unserved demand (a saved candidate or an event of the dataset)')
    .argument('<id>', 'candidate id (`corridor events list`) or event id of the dataset (`corridor events timeline`)')
    .action(async (id: string, options: ImpactCliOptions & { dataset?: string; json: boolean }) => {
      const model = openDataset(options);
      const event = eventById(datasetDir(options), model, id);
      const report = await impactOf(model, [event], { ...options, metrics: false });
      if (options.json) printJson(context.io, { dataset: model.info.hash, ...report });
      else context.io.out(formatImpactReport(report).slice(1).join('\n'));
    });
}

const EXPORT_FORMATS = ['plover-jsonl', 'csv'] as const;

/** A saved candidate with its tellings: those a corpus merged, else its own article. */
function exportedOf(c: StoredCandidate): ExportedEvent {
  const own: Telling = {
    article: c.article.hash, event: c.event.id, title: c.article.title, source: c.article.source, url: null,
    published: c.article.published, sentence: c.event.sentence.text, confidence: c.event.confidence,
  };
  const sources = (c.event as Partial<CorpusEvent>).sources;
  return { event: c.event, status: c.status, codedAt: c.article.savedAt, tellings: Array.isArray(sources) && sources.length ? sources : [own] };
}

/** A saved candidate (first) or an event row of the dataset, by id. */
function eventById(dir: string, model: Model, id: string): ImpactEvent {
  const candidate = hasCandidateStore(dir) ? withStore(dir, (s) => s.get(id)) : undefined;
  if (candidate) return fromCandidate(candidate.event);
  const row = model.tables.event.find((e) => e.id === id);
  if (row) return fromDatasetEvent(row);
  const ids = [...model.tables.event.map((e) => e.id), ...(hasCandidateStore(dir) ? withStore(dir, (s) => s.list('all').map((c) => c.id)) : [])];
  throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no saved candidate or dataset event with id "${id}" (available: ${available(ids, 20)})`);
}
