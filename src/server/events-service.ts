// Candidate events of stored datasets through the API: POST /ingest {save: true} keeps an article's candidates in
// the store; accepting one adds its event to the dataset with the same code as `corridor events accept`
// (src/store/accept.ts, in a private copy of the dataset's files) and stores the result as the dataset's next
// version, recording the review in the same transaction. Stored datasets never change: a version is a new dataset.
import { rmSync } from 'node:fs';
import { CorridorError, available } from '../errors.ts';
import { EVENTS_METHOD, type EventOut } from '../events/index.ts';
import { acceptCandidate } from '../store/accept.ts';
import { DATASET_NAME, materialise, readDatasetFolder } from '../store/db/dataset-files.ts';
import type { DatasetCandidate } from '../store/db/event-candidates.ts';
import { ChangedMeanwhile, type Store } from '../store/db/store.ts';

/** The name the server stores the packaged default dataset under: read-only, as the packaged dataset is in the CLI. */
export const PACKAGED_NAME = 'default';
/** Attempts when other writers store new versions of the same dataset meanwhile. */
const ATTEMPTS = 5;

/** The dataset name candidates are kept under: a name (not a hash or name@version). */
export function candidateDataset(ref: string | undefined, field: string): string {
  if (ref === undefined) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give a dataset name: this server has no default dataset', [], field);
  if (!DATASET_NAME.test(ref) || /^[0-9a-f]{16}$/.test(ref)) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate events are kept for a dataset's name (accepting one stores its next version), found "${ref}"`, [], field);
  }
  return ref;
}

export interface IngestedArticle { article: { hash: string; title: string; source: string | null; published: string | null }; events: EventOut[] }

/** Keeps an ingested article's candidates for review. */
export async function saveCandidates(store: Store, dataset: string, ingested: IngestedArticle): Promise<{ dataset: string; added: number; existing: number }> {
  const { article } = ingested;
  const saved = await store.candidates.save(dataset, {
    hash: article.hash, title: article.title, source: article.source, published: article.published,
    method: `${EVENTS_METHOD.name}@${EVENTS_METHOD.version}`, savedAt: new Date().toISOString(),
  }, ingested.events);
  return { dataset, ...saved };
}

/** A stored candidate, or 404 listing those waiting for review. */
export async function candidateOr404(store: Store, dataset: string, id: string): Promise<DatasetCandidate> {
  const c = await store.candidates.get(dataset, id);
  if (c) return c;
  const waiting = (await store.candidates.list(dataset, 'candidate')).map((x) => x.id);
  throw new CorridorError('CORRIDOR_ERR_EVENT_NOT_FOUND', `no candidate event "${id}" for dataset ${dataset} (waiting for review: ${available(waiting, 10)})`, [], 'params.id');
}

function pending(c: DatasetCandidate): void {
  if (c.status === 'accepted') {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${c.id} was already accepted as event ${c.datasetEvent} (dataset ${c.dataset} version ${c.datasetVersion})`, [], 'params.id');
  }
}

export interface AcceptedInStore {
  candidate: DatasetCandidate;
  status: 'accepted' | 'duplicate';
  eventId: string;
  /** The version holding the event (a duplicate: the version it was compared with). */
  dataset: { name: string; version: number; id: string };
}

/** Accepts a candidate into the stored dataset `name` (its next version); changes nothing when it cannot. */
export async function acceptInStore(store: Store, name: string, id: string): Promise<AcceptedInStore> {
  if (name === PACKAGED_NAME) {
    throw new CorridorError('CORRIDOR_ERR_READ_ONLY', `the packaged default dataset (stored as "${PACKAGED_NAME}") is read-only: import a copy under another name (POST /datasets) and save candidates for it`, [], 'body.dataset');
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const c = await candidateOr404(store, name, id);
    pending(c);
    const latest = await store.datasetFiles(name);
    if (!latest) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no stored dataset "${name}"`, [], 'body.dataset');
    const version = (await store.dataset(latest.id))!.versions.filter((v) => v.name === name).reduce((m, v) => Math.max(m, v.version), 0);
    const dir = materialise(latest.files);
    try {
      const result = acceptCandidate(dir, c);
      if (result.status === 'duplicate') {
        await store.db.transaction((tx) => store.candidates.settle(tx, c, 'duplicate', { datasetEvent: result.eventId, datasetVersion: version, note: `same actor, targets, type and date as ${result.eventId}` }));
        return { candidate: (await store.candidates.get(name, id))!, status: 'duplicate', eventId: result.eventId, dataset: { name, version, id: latest.id } };
      }
      const imported = await store.importDataset(name, readDatasetFolder(dir), {
        basedOn: latest.id,
        alsoInTransaction: (tx, stored) => store.candidates.settle(tx, c, 'accepted', { datasetEvent: result.eventId, datasetVersion: stored }),
      });
      return { candidate: (await store.candidates.get(name, id))!, status: 'accepted', eventId: result.eventId, dataset: { name, version: imported.version, id: imported.dataset.id } };
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile)) throw error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new CorridorError('CORRIDOR_ERR_BUSY', `dataset ${name} kept getting new versions from other writers; nothing was stored: send the request again`, [], 'body.dataset');
}

/** Rejects a candidate (the dataset is not changed). */
export async function rejectInStore(store: Store, name: string, id: string): Promise<DatasetCandidate> {
  const c = await candidateOr404(store, name, id);
  if (c.status === 'accepted') {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `candidate ${c.id} was already accepted as event ${c.datasetEvent} in dataset ${c.dataset} version ${c.datasetVersion}; a later version without it is a new import`, [], 'params.id');
  }
  await store.db.transaction((tx) => store.candidates.settle(tx, c, 'rejected'));
  return (await store.candidates.get(name, id))!;
}

