// N-1 on the tiny fixture, against figures worked out by hand; each loss equals the one-change scenario run by
// the scenario layer; the CLI's JSON contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { loadSolver } from '../src/solve/index.ts';
import { runScenarioText } from '../src/scenario/index.ts';
import { runN1, type N1Result } from '../src/risk/index.ts';
import { FIXTURES, copyFixture, editFile, near, runCli } from './helpers.ts';

const TINY = join(FIXTURES, 'tiny');
const byId = (r: N1Result) => new Map(r.elements.map((e) => [e.element, e]));

test('N-1 on tiny (fungible crude): cost changes worked out by hand, nothing unserved', async () => {
  // tiny 2024: KAZ→FRA cpc 6, KAZ→ITA cpc 14 (cpc 60 Mt/yr, 5 USD/t), KAZ→FRA aktau_btc 1 (capacity 5, 15 USD/t),
  // USA→FRA 5 and OTHER→FRA 8 direct (cost 0). No price: premium = 2 × 15 = 30 USD/t, R = 30, λ = 2R = 60.
  // Baseline objective Σ c·b = 6·5 + 14·5 + 1·15 = 115 (USD million: USD/t × Mt).
  // route:cpc lost: 20 Mt stop (stickiness 20·60 = 1200); aktau_btc takes 4 more (4·15 = 60) and keeps its 1 (15);
  //   the other 16 come from the world market (16·30 = 480): 1200 + 60 + 15 + 480 = 1755, change 1755 − 115 = 1640.
  // transit:RUS is crossed only by cpc: the same 1640.
  // route:aktau_btc lost: its 1 Mt goes on cpc (cheaper than the world market): stickiness 60 + 5 − the 15 saved: +50.
  // exporter:KAZ banned: 21 Mt from the world market (630) + stickiness 21·60 (1260) = 1890, change 1775.
  // exporter:USA banned: 5 Mt: world 150 + stickiness 300 = +450. OTHER is an aggregate (many suppliers): not an element.
  const highs = await loadSolver();
  const r = runN1(highs, loadDataset(TINY), { commodity: 'crude_oil', year: 2024 });
  const e = byId(r);
  near(e.get('route:cpc')!.costChange, 1640, 'route:cpc', 1e-6);
  near(e.get('transit:RUS')!.costChange, 1640, 'transit:RUS', 1e-6);
  near(e.get('route:aktau_btc')!.costChange, 50, 'route:aktau_btc', 1e-6);
  near(e.get('exporter:KAZ')!.costChange, 1775, 'exporter:KAZ', 1e-6);
  near(e.get('exporter:USA')!.costChange, 450, 'exporter:USA', 1e-6);
  assert.equal(e.get('exporter:OTHER'), undefined, 'an aggregate is not an exporter that can fail');
  near(e.get('route:cpc')!.worldMarket, 16, 'world market after cpc', 1e-6);
  for (const x of r.elements) assert.equal(x.unserved, 0, x.element);
  // Ranked by cost change when nothing is unserved: KAZ first, then cpc and RUS.
  assert.equal(r.elements[0].element, 'exporter:KAZ');
  // The rerouting of the cpc loss: cpc −20 first, then aktau_btc +4.
  assert.deepEqual(e.get('route:cpc')!.rerouting.map((s) => [s.route, Math.round(s.change * 1e6) / 1e6]), [['cpc', -20], ['aktau_btc', 4]]);
  assert.deepEqual(r.elements.map((x) => x.element).sort(),
    ['exporter:KAZ', 'exporter:USA', 'node:caspian_mid', 'route:aktau_btc', 'route:cpc', 'transit:AZE', 'transit:GEO', 'transit:RUS', 'transit:TUR']);
});

test('N-1 reports each element solved, in order, up to the number of elements it ranks', async () => {
  const seen: [number, number][] = [];
  const r = runN1(await loadSolver(), loadDataset(TINY), { commodity: 'crude_oil', year: 2024, onElement: (done, total) => seen.push([done, total]) });
  assert.equal(seen.length, r.elements.length);
  assert.deepEqual(seen.map(([done]) => done), r.elements.map((_, i) => i + 1));
  assert.ok(seen.every(([, total]) => total === r.elements.length));
});

test('N-1 on tiny without a world market: lost supply is unserved, per importer', async () => {
  // Not fungible: the cpc loss leaves 20 − 4 (aktau_btc's spare capacity) = 16 Mt unserved over FRA and ITA;
  // KAZ banned leaves its 21 Mt unserved: FRA 7, ITA 14 (ITA has no other supplier).
  const dir = copyFixture('tiny');
  editFile(dir, 'commodities.csv', (t) => t.replace(',true,hand', ',false,hand'));
  const r = runN1(await loadSolver(), loadDataset(dir), { commodity: 'crude_oil', year: 2024 });
  const e = byId(r);
  near(e.get('route:cpc')!.unserved, 16, 'route:cpc unserved', 1e-6);
  near(e.get('exporter:KAZ')!.unserved, 21, 'KAZ unserved', 1e-6);
  near(e.get('exporter:KAZ')!.unservedByImporter.ITA, 14, 'KAZ unserved ITA', 1e-6);
  near(e.get('exporter:KAZ')!.unservedByImporter.FRA, 7, 'KAZ unserved FRA', 1e-6);
  near(e.get('route:aktau_btc')!.unserved, 0, 'aktau_btc unserved (cpc has room)', 1e-6);
  assert.equal(r.elements[0].element, 'exporter:KAZ'); // most unserved first
});

test('each N-1 loss equals the scenario with the same change', async () => {
  const model = loadDataset(TINY);
  const r = runN1(await loadSolver(), model, { commodity: 'crude_oil', year: 2024 });
  const change: Record<string, (name: string) => string> = {
    route: (n) => `type: close_route\n    route: ${n}`,
    asset: (n) => `type: cut_capacity\n    asset: ${n}\n    fraction: 1`,
    transit: (n) => `type: lose_transit\n    country: ${n}`,
    exporter: (n) => `type: ban_exports\n    exporter: ${n}`,
    node: (n) => `type: close_node\n    node: ${n}`,
  };
  for (const e of r.elements) {
    const name = e.element.slice(e.element.indexOf(':') + 1);
    const yaml = `name: loss\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - ${change[e.kind](name)}\n`;
    const s = await runScenarioText(model, yaml, 'loss.yaml', { metrics: false });
    near(s.solver.objective - s.solver.baselineObjective, e.costChange, `${e.element} cost change`, 1e-6);
    near(s.importers.reduce((sum, i) => sum + i.unserved, 0), e.unserved, `${e.element} unserved`, 1e-9);
  }
});

test('corridor risk n1 --json: the contract, and --importer', async () => {
  const { code, stdout, stderr } = await runCli('risk', 'n1', '--dataset', TINY, '--commodity', 'crude_oil', '--year', '2024', '--json');
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.deepEqual(r.method, { name: 'risk', version: '1.0.0' });
  assert.equal(r.commodity, 'crude_oil');
  assert.equal(r.year, 2024);
  assert.match(r.dataset, /^[0-9a-f]{16}$/);
  for (const key of ['element', 'kind', 'unserved', 'unservedByImporter', 'costChange']) assert.ok(key in r.elements[0], key);
  const only = await runCli('risk', 'n1', '--dataset', TINY, '--commodity', 'crude_oil', '--year', '2024', '--importer', 'ITA', '--json');
  assert.equal(only.code, 0, only.stderr);
  assert.deepEqual(Object.keys(JSON.parse(only.stdout).elements[0].unservedByImporter), ['ITA']);
  const bad = await runCli('risk', 'n1', '--dataset', TINY, '--commodity', 'crude_oil', '--year', '2024', '--importer', 'XXX');
  assert.equal(bad.code, 2);
  const csv = await runCli('risk', 'n1', '--dataset', TINY, '--commodity', 'crude_oil', '--year', '2024', '--csv');
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\n')[0], /^element,kind,unserved,/);
});

test('N-1 on the default dataset (crude 2024, a two-sided world market): the price change of losing the CPC, by hand', async () => {
  const r = runN1(await loadSolver(), loadDataset(), { commodity: 'crude_oil', year: 2024 });
  assert.equal(r.priceUnit, 'USD/t');
  const cpc = byId(r).get('route:cpc')!;
  // The CPC's 51.3 Mt stop; the Aktau berths send 7.5 Mt by Makhachkala; the EU draws the 90 × 455 / 365 × 0.088 =
  // 9.8729 Mt its oil stocks may release, and the world market is 51.3 − 7.5 − 9.8729 = 33.9271 Mt shorter. World
  // demand 102.8 mb/d = 5,140 Mt/yr, 4,685 outside the network; slopes 0.11 × 5140 / 591.3 + 0.13 × 4685 / 591.3 =
  // 1.98622 Mt/yr per USD/t: the price rises 33.9271 / 1.98622 = 17.081 USD/t.
  near(cpc.priceChange!, 33.9271 / (0.11 * 5140 / 591.3 + 0.13 * 4685 / 591.3), 'CPC price change', 0.01);
  // Losing an element that carries nothing moves no price.
  for (const e of r.elements) if (e.rerouting.length === 0) assert.equal(e.priceChange, 0, e.element);
});
