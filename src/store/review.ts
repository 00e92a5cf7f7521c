// Reviewing candidates against a dataset, one writer at a time: every step that changes the dataset or its
// candidate store runs holding the dataset's write lock (lock.ts). Accepting writes the dataset's files first and
// records the candidate as accepted after, in one SQLite transaction; an accept killed between the two leaves an
// event row that names its candidate in its note, and the next writer records that candidate as accepted with
// that event (reconcile), so the store and the CSV files end up agreeing and no event is written twice.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from '../data/csv.ts';
import { entityByName } from '../schema/entities.ts';
import { available, CorridorError } from '../errors.ts';
import { acceptCandidate, candidateOfNote, type AcceptOptions, type AcceptResult } from './accept.ts';
import { hasCandidateStore, openCandidateStore, type CandidateStore, type StoredCandidate } from './candidates.ts';
import { refusePackagedDataset, withDatasetLock, type LockOptions } from './lock.ts';

/** The note a candidate recorded by reconcile gets. */
export const RECONCILED_NOTE = 'its event was found in events.csv, written by an accept that was interrupted before it was recorded';

/** Event ids of events.csv by the candidate they were accepted from (read from their notes). */
export function eventsByCandidate(dir: string): Map<string, string> {
  const path = join(resolve(dir), entityByName('event').file);
  const found = new Map<string, string>();
  if (!existsSync(path)) return found;
  const { table } = parseCsv(readFileSync(path, 'utf8'));
  const [idAt, noteAt] = [table.header.indexOf('id'), table.header.indexOf('note')];
  if (idAt < 0 || noteAt < 0) return found;
  for (const row of table.rows) {
    const candidate = candidateOfNote(row[noteAt] ?? '');
    if (candidate !== undefined && !found.has(candidate)) found.set(candidate, row[idAt]);
  }
  return found;
}

/**
 * Records as accepted every candidate whose own event is in events.csv while the store does not say so (still
 * waiting, or marked a duplicate of that very event). Call it holding the write lock. Returns the ids recorded.
 */
export function reconcile(dir: string, store: CandidateStore, except?: string): string[] {
  const written = eventsByCandidate(dir);
  if (written.size === 0) return [];
  const now = new Date().toISOString();
  const done: string[] = [];
  for (const c of store.list('all')) {
    const eventId = written.get(c.id);
    if (eventId === undefined || c.id === except) continue;
    if (c.status === 'candidate' || (c.status === 'duplicate' && c.datasetEvent === eventId)) {
      if (store.settle(c.id, [c.status], 'accepted', now, eventId, RECONCILED_NOTE)) done.push(c.id);
    }
  }
  return done;
}

/** Runs `fn` with the dataset's candidate store open, holding the write lock, after reconcile. */
export function withReviewStore<T>(dir: string, what: string, fn: (store: CandidateStore) => T, options: LockOptions & { create?: boolean; except?: string } = {}): T {
  refusePackagedDataset(dir, what);
  if (!options.create && !hasCandidateStore(dir)) openCandidateStore(dir).close(); // says how to save candidates first
  return withDatasetLock(dir, what, () => {
    const store = openCandidateStore(dir, { create: options.create });
    try {
      reconcile(dir, store, options.except);
      return fn(store);
    } finally {
      store.close();
    }
  }, options);
}

/** A stored candidate, or an error listing those waiting for review. */
export function getCandidate(store: CandidateStore, id: string): StoredCandidate {
  const c = store.get(id);
  if (!c) {
    const ids = store.list('candidate').map((x) => x.id);
    throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate event with id "${id}" (waiting for review: ${available(ids, 10)})`);
  }
  return c;
}

/** A candidate that may still be reviewed: one already accepted is in the dataset and is refused (`hint` says how to undo it). */
export function pendingCandidate(store: CandidateStore, id: string, hint = ''): StoredCandidate {
  const c = getCandidate(store, id);
  if (c.status === 'accepted') throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${id} was already accepted as event ${c.datasetEvent}${hint}`);
  return c;
}

export type AcceptStoredOptions = AcceptOptions & LockOptions;

/**
 * Accepts a stored candidate into the dataset folder `dir` as one step: holding the lock, checks that the candidate
 * is still pending, writes the dataset's files, then records the review in the store. Throws and changes nothing
 * when it cannot.
 */
export function acceptStored(dir: string, id: string, options: AcceptStoredOptions = {}): AcceptResult & { candidate: StoredCandidate } {
  return withReviewStore(dir, `accepting ${id}`, (store) => {
    const candidate = pendingCandidate(store, id);
    const result = acceptCandidate(dir, candidate, options);
    const now = new Date().toISOString();
    if (result.status === 'duplicate') {
      store.settle(id, [candidate.status], 'duplicate', now, result.eventId, `same actor, targets, type and date as ${result.eventId}`);
    } else {
      store.settle(id, [candidate.status], 'accepted', now, result.eventId, result.already ? RECONCILED_NOTE : '');
    }
    return { ...result, candidate };
  }, { ...options, except: id });
}

/** Rejects a stored candidate (nothing is written into the dataset), holding the lock. */
export function rejectStored(dir: string, id: string, options: LockOptions = {}): StoredCandidate {
  return withReviewStore(dir, `rejecting ${id}`, (store) => {
    const candidate = pendingCandidate(store, id, '; remove that row from events.csv to undo it');
    store.settle(id, [candidate.status], 'rejected', new Date().toISOString());
    return candidate;
  }, options);
}
