// A server over a new store, for the server tests (not a test itself): the tiny dataset stored as "tiny" and the
// server's default, and a token for writes.
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../src/server/app.ts';
import { Store } from '../src/store/db/store.ts';
import { tinyFiles, type TestDriver } from './store-drivers.ts';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  token: string;
  auth: { authorization: string };
  close: () => Promise<void>;
}

export async function testServer(driver: TestDriver, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const url = await driver.newUrl();
  const store = await Store.open({ url });
  await store.importDataset('tiny', tinyFiles());
  const { token } = await store.createToken('tests');
  const app = await buildServer({ store, defaultDataset: 'tiny', ...options });
  await app.ready();
  return { app, store, url, token, auth: { authorization: `Bearer ${token}` }, close: async () => { await app.close(); await store.close(); } };
}
