// Candidate events in the store through the API, on SQLite and PostgreSQL: POST /ingest {save: true} keeps them,
// accepting one stores the dataset's next version with the event (validated, the review recorded in the same
// transaction), a duplicate stores nothing, rejecting changes no dataset; and the malformed requests of these routes.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DRIVERS } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';
import { FIXTURES } from './helpers.ts';
import { modelOfFiles } from '../src/store/db/dataset-files.ts';

const ARTICLE = readFileSync(join(FIXTURES, 'news', 'kazakh-france-minerals.txt'), 'utf8');
const OTHER = 'France and Kazakhstan sign deal\n\nFrance and Kazakhstan signed an agreement on uranium on November 1, officials said.';

for (const driver of DRIVERS) {
  describe(`candidate events in the store (${driver.name})`, () => {
    let s: TestServer;
    before(async () => { s = await testServer(driver); });
    after(async () => { await s.close(); });

    const ingest = (text: string, extra: Record<string, unknown> = {}) =>
      s.app.inject({ method: 'POST', url: '/ingest', headers: s.auth, payload: { text, published: '2023-11-02', source: 'Reuters', save: true, ...extra } });

    test('ingest with save keeps the candidates; saving again adds none; accept stores version 2 with the event; a duplicate and a reject store nothing', async () => {
      const saved = await ingest(ARTICLE);
      assert.equal(saved.statusCode, 200, saved.body);
      const events = saved.json().events as { id: string; type: string }[];
      assert.deepEqual(saved.json().saved, { dataset: 'tiny', added: events.length, existing: 0 });
      assert.equal((await ingest(ARTICLE)).json().saved.added, 0);
      const listed = (await s.app.inject({ url: '/events/candidates?dataset=tiny' })).json();
      assert.deepEqual(listed.candidates.map((c: { id: string }) => c.id).sort(), events.map((e) => e.id).sort());
      assert.equal(listed.candidates[0].article.source, 'Reuters');
      const agree = events.find((e) => e.type === 'AGREE')!;
      const accepted = await s.app.inject({ method: 'POST', url: `/events/candidates/${agree.id}/accept`, headers: s.auth, payload: {} });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const a = accepted.json();
      assert.equal(a.status, 'accepted');
      assert.deepEqual([a.dataset.name, a.dataset.version], ['tiny', 2]);
      assert.equal(a.candidate.status, 'accepted');
      assert.equal(a.candidate.datasetVersion, 2);
      // Version 2 holds the event (KAZ agrees with FRA on 2023-11-01, as `corridor events accept` writes it); version 1 is unchanged.
      const v2 = modelOfFiles((await s.store.datasetFiles('tiny@2'))!.files);
      const row = v2.tables.event.find((e) => e.id === a.eventId)!;
      assert.deepEqual([row.date, row.actor, row.targets, row.type], ['2023-11-01', 'KAZ', ['FRA'], 'AGREE']);
      assert.equal(v2.tables.source.find((x) => x.id === row.source[0])!.publisher, 'Reuters');
      assert.equal(modelOfFiles((await s.store.datasetFiles('tiny@1'))!.files).tables.event.length, 0);
      // Metrics now read version 2 (the default dataset is the name's latest version).
      assert.equal((await s.app.inject({ url: '/datasets/tiny' })).json().id, a.dataset.id);
      // Accepting twice is refused.
      const twice = await s.app.inject({ method: 'POST', url: `/events/candidates/${agree.id}/accept`, headers: s.auth, payload: { dataset: 'tiny' } });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.json().error.message, /already accepted/);
      // The same event from another article: a duplicate, no new version.
      const more = (await ingest(OTHER)).json().events;
      const dup = await s.app.inject({ method: 'POST', url: `/events/candidates/${more[0].id}/accept`, headers: s.auth, payload: {} });
      assert.equal(dup.statusCode, 200, dup.body);
      assert.equal(dup.json().status, 'duplicate');
      assert.equal(dup.json().eventId, a.eventId);
      const versions = () => s.app.inject({ url: '/datasets/tiny' }).then((r) => Math.max(...r.json().versions.map((v: { version: number }) => v.version)));
      assert.equal(await versions(), 2);
      const other = events.find((e) => e.id !== agree.id)!;
      const rejected = await s.app.inject({ method: 'POST', url: `/events/candidates/${other.id}/reject`, headers: s.auth, payload: {} });
      assert.equal(rejected.json().status, 'rejected');
      assert.equal(await versions(), 2);
      assert.deepEqual((await s.app.inject({ url: '/events/candidates?status=rejected' })).json().candidates.map((c: { id: string }) => c.id), [other.id]);
      assert.equal((await s.app.inject({ url: `/events/candidates/${other.id}` })).json().status, 'rejected');
    });

    test('malformed: unknown candidate 404, bad ids, a hash or a path for the dataset, the packaged dataset read-only, no token', async () => {
      const unknown = await s.app.inject({ method: 'POST', url: '/events/candidates/00000000-1/accept', headers: s.auth, payload: {} });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'CORRIDOR_ERR_EVENT_NOT_FOUND');
      assert.equal((await s.app.inject({ url: '/events/candidates/00000000-1' })).statusCode, 404);
      for (const bad of ['..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'='1", 'x'.repeat(30)]) {
        const r = await s.app.inject({ url: `/events/candidates/${bad}` });
        assert.equal(r.statusCode, 400, bad);
        assert.equal(r.json().error.field, 'params.id');
      }
      const traversal = await s.app.inject({ url: '/events/candidates?dataset=..%2F..%2Fetc' });
      assert.equal(traversal.statusCode, 400);
      assert.equal(traversal.json().error.field, 'query.dataset');
      const hash = (await s.app.inject({ url: '/datasets/tiny@1' })).json().id;
      const byHash = await ingest(OTHER, { dataset: hash });
      assert.equal(byHash.statusCode, 400);
      assert.equal(byHash.json().error.field, 'body.dataset');
      assert.equal((await ingest(OTHER, { save: 'yes' })).statusCode, 400);
      assert.equal((await s.app.inject({ method: 'POST', url: '/events/candidates/00000000-1/accept', headers: s.auth, payload: { dataset: 'tiny', extra: 1 } })).statusCode, 400);
      assert.equal((await s.app.inject({ url: '/events/candidates?status=maybe' })).statusCode, 400);
      assert.equal((await s.app.inject({ method: 'POST', url: '/events/candidates/00000000-1/reject', payload: {} })).statusCode, 401);
      const packaged = await s.app.inject({ method: 'POST', url: '/events/candidates/00000000-1/accept', headers: s.auth, payload: { dataset: 'default' } });
      assert.equal(packaged.statusCode, 403);
      assert.equal(packaged.json().error.code, 'CORRIDOR_ERR_READ_ONLY');
    });
  });
}
