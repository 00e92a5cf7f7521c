// `corridor events list|accept|reject|timeline`: review candidate events and read the dataset's events.
import type { Command } from 'commander';
import { EVENTS_METHOD } from '../../events/method.ts';
import { acceptCandidate } from '../../store/accept.ts';
import { CANDIDATE_STATUSES, hasCandidateStore, openCandidateStore, type CandidateStatus, type CandidateStore, type StoredCandidate } from '../../store/candidates.ts';
import { available, CorridorError } from '../../errors.ts';
import { datasetDir, printJson, printOutput, withDataset, withJson, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { candidateLine, candidateTables, timelineLine, timelineTables } from '../views/events.ts';

function withStore<T>(dir: string, fn: (store: CandidateStore) => T): T {
  const store = openCandidateStore(dir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

function getCandidate(store: CandidateStore, id: string): StoredCandidate {
  const c = store.get(id);
  if (!c) {
    const ids = store.list('candidate').map((x) => x.id);
    throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate event with id "${id}" (waiting for review: ${available(ids, 10)})`);
  }
  return c;
}

/** A candidate that may still be reviewed: one already accepted is in the dataset and is refused (`hint` says how to undo it). */
function pendingCandidate(store: CandidateStore, id: string, hint = ''): StoredCandidate {
  const c = getCandidate(store, id);
  if (c.status === 'accepted') throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${id} was already accepted as event ${c.datasetEvent}${hint}`);
  return c;
}

export function register(program: Command, context: RunContext): void {
  const events = program.command('events').description('review candidate events from `corridor ingest --save`, and list the dataset\'s events by date');

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
      withStore(dir, (store) => {
        const result = acceptCandidate(dir, pendingCandidate(store, id));
        const now = new Date().toISOString();
        if (result.status === 'duplicate') {
          store.review(id, 'duplicate', now, result.eventId, `same actor, targets, type and date as ${result.eventId}`);
          if (options.json) printJson(context.io, { method: EVENTS_METHOD, id, status: 'duplicate', duplicateOf: result.eventId, written: [] });
          else context.io.out(`candidate ${id} is a duplicate of event ${result.eventId} (same actor, targets, type and date): nothing was written`);
          return;
        }
        store.review(id, 'accepted', now, result.eventId);
        if (options.json) {
          printJson(context.io, { method: EVENTS_METHOD, id, status: 'accepted', event: result.row, source: result.sourceId, addedCountries: result.addedCountries, written: result.files });
        } else {
          context.io.out(`accepted ${id} as event ${result.eventId} (source ${result.sourceId}); wrote ${result.files.join(', ')}${result.addedCountries.length ? `; added ${result.addedCountries.join(', ')} to countries.csv` : ''}`);
        }
      });
    });

  withJson(withDataset(events.command('reject')))
    .description('mark a candidate as rejected (nothing is written into the dataset)')
    .argument('<id>', 'candidate id (see `corridor events list`)')
    .action((id: string, options: { dataset?: string; json: boolean }) => {
      const dir = datasetDir(options);
      withStore(dir, (store) => {
        pendingCandidate(store, id, '; remove that row from events.csv to undo it');
        store.review(id, 'rejected', new Date().toISOString());
        if (options.json) printJson(context.io, { method: EVENTS_METHOD, id, status: 'rejected' });
        else context.io.out(`rejected ${id}`);
      });
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
}
