// API tokens on requests: `Authorization: Bearer crd_ID_SECRET`. The token's sha256 is compared with the stored
// hash of the live token with that id, in constant time (crypto.timingSafeEqual); a malformed, unknown or
// revoked token takes the same comparison against a dummy hash, and every refusal says the same thing.
import { timingSafeEqual } from 'node:crypto';
import { CorridorError } from '../errors.ts';
import { sha256, type Store } from '../store/db/store.ts';

const TOKEN = /^crd_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
const DUMMY_HASH = sha256('not a token');

/** Throws CORRIDOR_ERR_UNAUTHORIZED unless the header carries a live token. */
export async function checkToken(store: Store, header: string | undefined): Promise<void> {
  const refused = (why: string) => new CorridorError('CORRIDOR_ERR_UNAUTHORIZED', why, [], 'header.authorization');
  if (header === undefined || header === '') throw refused('this request needs an API token: send "Authorization: Bearer TOKEN" (create one with `corridor token create NAME`)');
  const match = /^Bearer ([^\s]+)$/.exec(header);
  const token = match?.[1] ?? '';
  const id = TOKEN.exec(token)?.[1];
  const stored = id === undefined ? undefined : await store.liveTokenHash(id);
  const same = timingSafeEqual(Buffer.from(sha256(token), 'hex'), Buffer.from(stored ?? DUMMY_HASH, 'hex'));
  if (!match || stored === undefined || !same) throw refused('the API token is not valid (wrong, malformed or revoked)');
}
