// Metrics served from prepared bytes with an ETag (304 on If-None-Match), on SQLite and PostgreSQL; a new version
// of the dataset imported through the API is answered at once, with a new ETag.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVERS, tinyFiles } from './store-drivers.ts';
import { testServer, type TestServer } from './server-helpers.ts';

const URL = '/metrics?importer=ITA&commodity=crude_oil';

for (const driver of DRIVERS) {
  describe(`cached metrics (${driver.name})`, () => {
    let s: TestServer;
    before(async () => { s = await testServer(driver); });
    after(async () => { await s.close(); });

    test('the same answer twice, with one ETag; If-None-Match gets 304 and no body; a new version is answered at once', async () => {
      const first = await s.app.inject({ url: URL });
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().total, 14, 'tiny: ITA takes 14 Mt/yr of KAZ crude by cpc (flows.csv row 3)');
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
      const second = await s.app.inject({ url: URL });
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, etag);
      const notModified = await s.app.inject({ url: URL, headers: { 'if-none-match': etag } });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal((await s.app.inject({ url: URL, headers: { 'if-none-match': '"other"' } })).statusCode, 200);
      // Version 2: ITA takes 10 Mt/yr.
      const files = Object.fromEntries(tinyFiles());
      files['flows.csv'] = files['flows.csv'].replace('2024,crude_oil,KAZ,ITA,cpc,14,', '2024,crude_oil,KAZ,ITA,cpc,10,');
      assert.equal((await s.app.inject({ method: 'POST', url: '/datasets', headers: s.auth, payload: { name: 'tiny', files } })).statusCode, 201);
      const changed = await s.app.inject({ url: URL, headers: { 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200);
      assert.equal(changed.json().total, 10);
      assert.notEqual(changed.headers.etag, etag);
      // The first version is still asked for by name@version, and still answers 14.
      assert.equal((await s.app.inject({ url: `${URL}&dataset=tiny@1` })).json().total, 14);
      // Errors are not cached.
      assert.equal((await s.app.inject({ url: '/metrics?importer=XXX&commodity=crude_oil' })).statusCode, 404);
      assert.equal((await s.app.inject({ url: '/metrics?importer=XXX&commodity=crude_oil' })).statusCode, 404);
    });

    test('over a socket: the HTTP server answers a question asked before itself, with the same bytes, ETag and 304; with --protect-reads it does not', async () => {
      const own = await testServer(driver);
      const base = await own.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `${base}/metrics?importer=FRA&commodity=crude_oil`;
        const first = await fetch(url);
        const body = await first.text();
        assert.equal(first.status, 200);
        const etag = first.headers.get('etag')!;
        // tiny 2024: FRA takes 6 (KAZ, cpc) + 1 (KAZ, aktau_btc) + 5 (USA) + 8 (OTHER) = 20 Mt/yr.
        assert.equal(JSON.parse(body).total, 20);
        const second = await fetch(url);
        assert.equal(await second.text(), body);
        assert.equal(second.headers.get('etag'), etag);
        assert.equal(second.headers.get('content-type'), 'application/json; charset=utf-8');
        const notModified = await fetch(url, { headers: { 'if-none-match': etag } });
        assert.equal(notModified.status, 304);
        assert.equal(await notModified.text(), '');
        assert.equal((await fetch(`${base}/metrics?importer=FRA&commodity=crude_oil&year=20x4`)).status, 400, 'anything else goes through the route');
      } finally {
        await own.close();
      }
      const guarded = await testServer(driver, { protectReads: true });
      try {
        const base = await guarded.app.listen({ port: 0, host: '127.0.0.1' });
        const url = `${base}/metrics?importer=FRA&commodity=crude_oil`;
        assert.equal((await fetch(url, { headers: guarded.auth })).status, 200);
        assert.equal((await fetch(url)).status, 401, 'a prepared answer still needs the token');
      } finally {
        await guarded.close();
      }
    });
  });
}
