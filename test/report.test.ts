// `corridor report` on test fixtures: the sections, the years used, hand-checked figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { baselineReport, routeUtilisation } from '../src/metrics/index.ts';
import { FIXTURES, runCli } from './helpers.ts';

const DATA = join(FIXTURES, 'metrics-basic');
const model = loadDataset(DATA);

test('route utilisation per route and year, members not counted twice', () => {
  const rows = routeUtilisation(model);
  const get = (route: string, year: number) => rows.find((r) => r.route === route && r.year === year);
  // cpc 2024: EU27 40 (FRA's 6 are inside EU27's rows) of 60 → 2/3. cpc 2023: 30 of 60 → 0.5.
  assert.equal(get('cpc', 2024)?.volume, 40);
  assert.ok(Math.abs(get('cpc', 2024)!.utilisation! - 2 / 3) < 1e-12);
  assert.equal(get('cpc', 2023)?.utilisation, 0.5);
  assert.equal(get('cpc', 2023)?.capacityYear, 2024);
  // druzhba capacity 200 kb/d = 200,000 · 365 / 7.3 t = 10 Mt/yr; flow 5 → 0.5.
  assert.ok(Math.abs(get('druzhba', 2024)!.capacity! - 10) < 1e-9);
  assert.ok(Math.abs(get('druzhba', 2024)!.utilisation! - 0.5) < 1e-9);
});

test('the report as data: latest years, KAZ via RUS, routes, criticality', () => {
  const r = baselineReport(model);
  assert.equal(r.dataset, model.info.hash);
  assert.deepEqual(r.method, { name: 'dependence', version: '1.0.1' });
  assert.equal(r.sources, 1);
  const years = r.importers.map((e) => ('metrics' in e ? `${e.importer}:${e.commodity}:${e.metrics.year}` : 'missing'));
  assert.deepEqual(years, ['EU27:crude_oil:2024', 'EU27:uranium:2022', 'FRA:crude_oil:2024', 'FRA:uranium:2023']);
  assert.ok('metrics' in r.exporter);
  // 45 of 68 Mt cross RUS (see metrics.test.ts).
  assert.ok(Math.abs(r.exporter.transitShare - 45 / 68) < 1e-12);
  assert.equal(r.routes.length, 5);
  assert.ok(!('unavailable' in r.crm) && r.crm.materials.length === 2);
});

test('corridor report prints aligned sections with units, years and the dataset hash', async () => {
  const { code, stdout } = await runCli('report', '--dataset', DATA);
  assert.equal(code, 0);
  assert.match(stdout, new RegExp(`hash ${model.info.hash}; 1 sources`));
  assert.match(stdout, /EU27 European Union \(27\), crude_oil, 2024: 200\.0 Mt\/yr; HHI 1,925; top USA 30\.0%; CRMA ≤65%: met; 25\.0% dispersed/);
  assert.match(stdout, /FRA France, uranium, 2023: 1,000 tU\/yr; HHI 5,800; top KAZ 70\.0%; CRMA ≤65%: NOT met/);
  assert.match(stdout, /Crosses RUS: 45\.00 Mt\/yr, 66\.2% of exports/);
  assert.match(stdout, /cpc\s+crude_oil\s+2024\s+40\.00\s+60\.00\s+Mt\/yr\s+66\.7%/);
  assert.match(stdout, /tungsten\s+2023\s+1\.31\s+1\.86\s+processing/);
  // Columns line up: every row of the first supplier table has its share at the same offset.
  const table = stdout.split('\n').slice(stdout.split('\n').findIndex((l) => l.startsWith('  Supplier')) + 2).slice(0, 4);
  const at = table.map((l) => l.search(/\d+\.\d%$/));
  assert.ok(at.every((x) => x === at[0] && x > 0), at.join(','));
});

test('corridor report --json on the tiny fixture says which sections are unavailable', async () => {
  const { code, stdout } = await runCli('report', '--json', '--dataset', join(FIXTURES, 'tiny'));
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  const uranium = r.importers.find((e: { importer: string; commodity: string }) => e.importer === 'FRA' && e.commodity === 'uranium');
  assert.match(uranium.unavailable, /unknown commodity "uranium"; available: crude_oil/);
  // tiny: FRA crude 2024 = KAZ 7, USA 5, OTHER 8 → HHI 35² + 25² = 1850.
  assert.equal(r.importers.find((e: { importer: string; commodity: string }) => e.importer === 'FRA' && e.commodity === 'crude_oil').metrics.hhi, 1850);
  assert.match(r.crm.unavailable, /no EU criticality inputs/);
  assert.equal(r.method.name, 'dependence');
});

test('corridor report on a missing dataset: exit 2, one line', async () => {
  const { code, stderr } = await runCli('report', '--dataset', join(FIXTURES, 'does-not-exist'));
  assert.equal(code, 2);
  assert.equal(stderr.trim().split('\n').length, 1);
});

test('the export section falls back to the latest year in which most exports have a known route', async () => {
  const { copyFixture, editFile } = await import('./helpers.ts');
  const dir = copyFixture('metrics-basic');
  // Replace KAZ's routed 2024 rows by one row without a route: 2024 is then 100% "route unknown"; 2023 (cpc 30 Mt to EU27) is fully routed.
  editFile(dir, 'flows.csv', (t) => t.split('\n').filter((l) => !/^2024,crude_oil,KAZ,\w+,\w+,/.test(l)).join('\n') + '2024,crude_oil,KAZ,EU27,,50,Mt/yr,hand,,\n');
  const r = baselineReport(loadDataset(dir));
  assert.ok('metrics' in r.exporter);
  assert.equal(r.exporter.metrics.year, 2023);
  assert.match(r.exporter.yearNote, /2023: the latest year in which most exports have a known route \(2024: 100% of the crude_oil exports have no route/);
  // 2023: KAZ → EU27 30 Mt on cpc, all of it crossing RUS.
  assert.equal(r.exporter.transitShare, 1);
});
