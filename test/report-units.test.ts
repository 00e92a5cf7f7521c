// `corridor report` and `corridor metrics` on datasets other than the default: units and years as the
// dataset declares them. test/fixtures/metrics-units has crude oil with base unit kb/d (rows in kb/d
// and in Mt/yr, 7.3 bbl/t) and natural gas with base unit bcm/yr (rows in bcm/yr and TWh, 10.5 TWh/bcm),
// each commodity with its own latest year; test/fixtures/tiny has crude in Mt/yr and no uranium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, runCli } from './helpers.ts';

const UNITS = join(FIXTURES, 'metrics-units');
const TINY = join(FIXTURES, 'tiny');

// Conversions by hand (a year of 365 days):
//   3.65 Mt/yr · 7.3 bbl/t = 26.645 Mbbl/yr = 73,000 b/d = 73 kb/d;  7.3 Mt/yr → 146 kb/d;  1.825 Mt/yr → 36.5 kb/d
//   cpc capacity 60 Mt/yr → 60·7.3/365 Mbbl/d = 1.2 Mb/d = 1,200 kb/d
//   21 TWh / 10.5 = 2 bcm;  31.5 TWh → 3 bcm;  84 TWh → 8 bcm;  transmed capacity 105 TWh → 10 bcm/yr

test('report on a kb/d and bcm dataset: base units, latest year per commodity, converted capacities', async () => {
  const { code, stdout } = await runCli('report', '--dataset', UNITS);
  assert.equal(code, 0);
  // EU27 crude 2023 (the latest year): KAZ 146 + NOR 54 + OTHER 100 = 300 kb/d; HHI 48.67² + 18² = 2,692.
  assert.match(stdout, /EU27 European Union \(27\), crude_oil, 2023: 300\.0 kb\/d; HHI 2,692; top KAZ 48\.7%/);
  assert.match(stdout, /Supplier\s+Volume \(kb\/d\)\s+Share/);
  assert.match(stdout, /KAZ Kazakhstan\s+146\.0\s+48\.7%/);
  // FRA crude 2023: KAZ 36.5 + 13.5 = 50, NOR 50 → 100 kb/d.
  assert.match(stdout, /FRA France, crude_oil, 2023: 100\.0 kb\/d; HHI 5,000/);
  // The default report's uranium is not in this dataset: said, not failed.
  assert.match(stdout, /EU27, uranium: not available \(unknown commodity "uranium"; available: crude_oil, natural_gas\)/);
  // KAZ exports 2023: EU27's 146 kb/d (FRA's rows are inside EU27's own rows from KAZ), all via cpc over RUS.
  assert.match(stdout, /KAZ Kazakhstan, 2023: the latest year with data; exports 146\.0 kb\/d/);
  assert.match(stdout, /Crosses RUS: 146\.0 kb\/d, 100\.0% of exports/);
  // Utilisation: cpc 73/1,200 = 6.1% (2022), 146/1,200 = 12.2% (2023); transmed 2/10 = 20% (2021), 3/10 = 30% (2024),
  // each in the commodity's base unit and with the capacity's year when it differs.
  assert.match(stdout, /cpc\s+crude_oil\s+2022\s+73\.00\s+1,200\s+kb\/d\s+6\.1%\s+capacity of 2024/);
  assert.match(stdout, /cpc\s+crude_oil\s+2023\s+146\.0\s+1,200\s+kb\/d\s+12\.2%\s+capacity of 2024/);
  assert.match(stdout, /transmed\s+natural_gas\s+2021\s+2\.00\s+10\.00\s+bcm\/yr\s+20\.0%\s+capacity of 2020/);
  assert.match(stdout, /transmed\s+natural_gas\s+2024\s+3\.00\s+10\.00\s+bcm\/yr\s+30\.0%\s+capacity of 2020/);
  assert.doesNotMatch(stdout, /Mt\/yr|TWh/, 'only base units are printed');
});

test('report as JSON on the units dataset: units and years of every section', async () => {
  const { code, stdout } = await runCli('report', '--dataset', UNITS, '--json');
  assert.equal(code, 0);
  const r = JSON.parse(stdout);
  const crude = r.importers.filter((e: { metrics?: unknown }) => e.metrics).map((e: { metrics: { importer: string; year: number; unit: string; total: number } }) => e.metrics);
  assert.deepEqual(crude.map((m: { importer: string; year: number; unit: string }) => [m.importer, m.year, m.unit]), [['EU27', 2023, 'kb/d'], ['FRA', 2023, 'kb/d']]);
  assert.ok(Math.abs(crude[0].total - 300) < 1e-9);
  assert.equal(r.exporter.metrics.unit, 'kb/d');
  assert.equal(r.exporter.metrics.year, 2023);
  const routes = r.routes.map((u: { route: string; year: number; unit: string; capacity: number; capacityYear: number }) => [u.route, u.year, u.unit, Math.round(u.capacity * 1e9) / 1e9, u.capacityYear]);
  assert.deepEqual(routes, [['cpc', 2022, 'kb/d', 1200, 2024], ['cpc', 2023, 'kb/d', 1200, 2024], ['transmed', 2021, 'bcm/yr', 10, 2020], ['transmed', 2024, 'bcm/yr', 10, 2020]]);
  assert.equal(r.crm.unavailable, 'the dataset has no EU criticality inputs (crm_materials.csv)');
});

test('metrics on gas recorded in TWh and bcm: bcm/yr, the latest gas year (2024), transit', async () => {
  const { code, stdout } = await runCli('metrics', '--importer', 'EU27', '--commodity', 'natural_gas', '--dataset', UNITS);
  assert.equal(code, 0);
  // 2024: NOR 9 bcm + DZA 31.5 TWh = 3 bcm → 12 bcm; NOR 75%, DZA 25%; HHI 5,625 + 625 = 6,250; NOR > 65%.
  assert.match(stdout, /^EU27 European Union \(27\): natural_gas imports, 2024$/m);
  assert.match(stdout, /^Total 12\.00 bcm\/yr from 2 supplier\(s\)/m);
  assert.match(stdout, /NOR Norway\s+9\.00\s+75\.0%\s+2\.00/);
  assert.match(stdout, /DZA Algeria\s+3\.00\s+25\.0%\s+6\.50/);
  assert.match(stdout, /HHI\s+6,250/);
  assert.match(stdout, /CRMA benchmark \(≤65%\)\s+NOT met \(largest third country NOR 75\.0%\)/);
  // Governance: 0.75²·2 + 0.25²·6.5 = 1.125 + 0.40625 = 1.531 (NOR 1.5 → 2, DZA −0.75 → 6.5).
  assert.match(stdout, /Governance-weighted HHI\s+1\.531/);
  // Transmed crosses TUN (DZA is the exporter, ITA a member of EU27): 3/12 = 25%.
  assert.match(stdout, /TUN Tunisia\s+3\.00\s+25\.0%\s+transmed/);
  assert.doesNotMatch(stdout, /ITA Italy/);
});

test('metrics for an earlier year: 2021 gas, 2022 crude, each in its base unit', async () => {
  const gas = JSON.parse((await runCli('metrics', '--importer', 'EU27', '--commodity', 'natural_gas', '--year', '2021', '--json', '--dataset', UNITS)).stdout);
  // 2021: NOR 84 TWh = 8 bcm, DZA 21 TWh = 2 bcm → 10 bcm.
  assert.equal(gas.year, 2021);
  assert.equal(gas.unit, 'bcm/yr');
  assert.ok(Math.abs(gas.total - 10) < 1e-9);
  const crude = JSON.parse((await runCli('metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--year', '2022', '--json', '--dataset', UNITS)).stdout);
  // 2022: KAZ → EU27 3.65 Mt/yr = 73 kb/d on cpc.
  assert.equal(crude.unit, 'kb/d');
  assert.ok(Math.abs(crude.total - 73) < 1e-9);
  assert.deepEqual(crude.routes.map((x: { route: string; crosses: string[] }) => [x.route, x.crosses]), [['cpc', ['RUS']]]);
  const bad = await runCli('metrics', '--importer', 'EU27', '--commodity', 'natural_gas', '--year', '2023', '--dataset', UNITS);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'corridor: no natural_gas imports of EU27 in 2023; years with data: 2021, 2024\n');
});

test('report on the tiny dataset: Mt/yr, 2024, the bloc summed from its members', async () => {
  const { code, stdout } = await runCli('report', '--dataset', TINY);
  assert.equal(code, 0);
  assert.match(stdout, /Corridor baseline report: dataset "tiny"/);
  // EU27 has no rows of its own: FRA (KAZ 6 + 1, USA 5, OTHER 8) + ITA (KAZ 14) = 34 Mt/yr; KAZ 21/34 = 61.8%.
  assert.match(stdout, /EU27 European Union \(27\), crude_oil, 2024: 34\.00 Mt\/yr; HHI 4,031; top KAZ 61\.8%/);
  assert.match(stdout, /summed from its members' rows \(FRA, ITA; 2 of 3 members\)/);
  // cpc 2024: 6 + 14 = 20 of 60 Mt/yr = 33.3%; aktau_btc 1 of 5 = 20.0%; capacity of the same year (no note).
  assert.match(stdout, /cpc\s+crude_oil\s+2024\s+20\.00\s+60\.00\s+Mt\/yr\s+33\.3%\n/);
  assert.match(stdout, /aktau_btc\s+crude_oil\s+2024\s+1\.00\s+5\.00\s+Mt\/yr\s+20\.0%\n/);
  assert.match(stdout, /FRA, uranium: not available/);
});
