// Calls to Corridor's HTTP API from the page (same origin). Writes need an API token: `corridor serve` prints the
// page's address with a token for this session in its fragment (#token=…, never sent to the server in a URL); the
// page keeps it in sessionStorage and takes it out of the address bar. One can also be pasted in the page.
import type { ModelInfo } from '../../src/model/model.ts';

export interface StoredScenario { id: string; name: string; yaml: string; createdAt: string; updatedAt: string }

/** The dataset the page shows, and whether accepted events can be stored in it (and if not, why). */
export interface WorkingDataset { name: string; version: number | null; writable: boolean; why: string }

/** A candidate event kept in the store for review (GET /events/candidates). */
export interface StoredCandidate<E> { id: string; status: 'candidate' | 'accepted' | 'rejected' | 'duplicate'; event: E; dataset: string; datasetEvent: string | null; datasetVersion: number | null }

const TOKEN_KEY = 'corridor-token';

/** Takes a token from the URL fragment (then removes it from the address bar) or from this tab's storage. */
export function sessionToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setSessionToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

/** In the page, a token comes with the link `corridor serve` prints, or is pasted in the what-if view. */
const TOKEN_HINT = 'in this page: open the workbench link `corridor serve` printed (it carries a token for the session) or paste a token in the what-if view';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  // Writes need a token: without one the request is not sent (the server would refuse it with 401).
  if (method !== 'GET' && !token) throw new Error(`this needs an API token; ${TOKEN_HINT}`);
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? `${response.status} ${response.statusText}`;
    const hint = response.status === 401 ? `; ${TOKEN_HINT}` : '';
    throw new Error(message + hint);
  }
  return data as T;
}

export const api = {
  dataset: () => call<{ info: ModelInfo; tables: unknown; working?: WorkingDataset }>('GET', '/web/dataset'),
  scenarios: async () => (await call<{ scenarios: StoredScenario[] }>('GET', '/scenarios')).scenarios,
  saveScenario: (name: string, yaml: string) => call<StoredScenario>('POST', '/scenarios', { name, yaml }),
  /** `corridor ingest --json` of a text (the caller names the parts it reads). */
  ingest: <T>(text: string, published?: string, saveIn?: string) =>
    call<T>('POST', '/ingest', { text, ...(published ? { published } : {}), ...(saveIn ? { save: true, dataset: saveIn } : {}) }),
  /** Candidates of a dataset waiting for review. */
  candidates: async <E>(dataset: string) => (await call<{ candidates: StoredCandidate<E>[] }>('GET', `/events/candidates?dataset=${encodeURIComponent(dataset)}`)).candidates,
  accept: (dataset: string, id: string) =>
    call<{ status: 'accepted' | 'duplicate'; eventId: string; dataset: { name: string; version: number } }>('POST', `/events/candidates/${encodeURIComponent(id)}/accept`, { dataset }),
  reject: (dataset: string, id: string) => call<unknown>('POST', `/events/candidates/${encodeURIComponent(id)}/reject`, { dataset }),
};

