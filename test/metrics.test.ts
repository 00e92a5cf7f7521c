// Importer and exporter dependence metrics on test/fixtures/metrics-basic, every number worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { exporterMetrics, hhi, hhiWgi, importerMetrics, scaledWgi } from '../src/metrics/index.ts';
import { CorridorError } from '../src/errors.ts';
import { copyFixture, editFile } from './helpers.ts';

const model = loadDataset(join(import.meta.dirname, 'fixtures/metrics-basic'));
const tiny = loadDataset(join(import.meta.dirname, 'fixtures/tiny'));

function near(actual: number | null, expected: number, label: string, tolerance = 1e-9): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${label}: expected ${expected}, found ${actual}`);
}

const share = (m: { suppliers: { exporter: string; share: number }[] }, id: string) => m.suppliers.find((s) => s.exporter === id)?.share ?? NaN;
const transit = (m: { transitExposure: { country: string; share: number }[] }, id: string) => m.transitExposure.find((t) => t.country === id)?.share;

test('hhi and scaledWgi on simple inputs', () => {
  // One supplier: 100² = 10000. Two halves: 50² + 50² = 5000. (0.3, 0.25, 0.2): 900 + 625 + 400 = 1925.
  near(hhi([1]), 10000, 'monopoly');
  near(hhi([0.5, 0.5]), 5000, 'duopoly');
  near(hhi([0.3, 0.25, 0.2]), 1925, 'three');
  // scaled = 5 − 2·mean: −2.5 → 10, +2.5 → 0, −0.33 → 5.66.
  near(scaledWgi(-2.5), 10, 'worst');
  near(scaledWgi(2.5), 0, 'best');
  near(scaledWgi(-0.33), 5.66, 'KAZ-like');
  // 0.8²·6·1.5 = 5.76
  near(hhiWgi([{ share: 0.8, wgi: 6, trade: 1.5 }]), 5.76, 'hhiWgi with trade');
});

test('EU27 crude 2024: shares, HHI with a residual OTHER, CRMA, governance, transit across several states', () => {
  const m = importerMetrics(model, { importer: 'EU27', commodity: 'crude_oil', year: 2024 });
  // EU27's own rows (FRA's rows are not added: the bloc has rows of its own):
  // USA 60, NOR 40, KAZ 40 (cpc) + 5 (aktau_btc) + 5 (druzhba) = 50, OTHER 50; total 200 Mt.
  near(m.total, 200, 'total');
  assert.equal(m.unit, 'Mt/yr');
  near(share(m, 'USA'), 0.30, 'USA share');
  near(share(m, 'KAZ'), 0.25, 'KAZ share');
  near(share(m, 'OTHER'), 0.25, 'OTHER share');
  near(share(m, 'NOR'), 0.20, 'NOR share');
  // OTHER is dispersed: HHI = 30² + 25² + 20² = 900 + 625 + 400 = 1925; as one supplier: 1925 + 25² = 2550.
  near(m.hhi, 1925, 'hhi');
  near(m.hhiUpper, 2550, 'hhiUpper');
  near(m.dispersedShare, 0.25, 'dispersedShare');
  assert.equal(m.suppliers.find((s) => s.exporter === 'OTHER')?.aggregate, true);
  assert.equal(m.topSupplier, 'USA');
  near(m.topShare, 0.30, 'topShare');
  assert.equal(m.crmaBenchmarkMet, true);
  // Scaled WGI: USA 5−2·1 = 3, KAZ 5−2·(−0.5) = 6, NOR 5−2·1.5 = 2.
  // hhiWgi = 0.3²·3 + 0.25²·6 + 0.2²·2 = 0.27 + 0.375 + 0.08 = 0.725.
  near(m.governance.hhiWgi, 0.725, 'hhiWgi');
  assert.deepEqual(m.governance.missing, []);
  // Transit: RUS is crossed by cpc (40, two legs in Russia count once) and druzhba (5) = 45 → 22.5%.
  // AZE, GEO, TUR by aktau_btc (5 → 2.5% each); BLR by druzhba (two legs, 5 → 2.5%).
  // POL and DEU are members of the importing bloc, KAZ is the exporter: none is a transit state.
  near(transit(m, 'RUS')!, 0.225, 'RUS');
  for (const c of ['AZE', 'GEO', 'TUR', 'BLR']) near(transit(m, c)!, 0.025, c);
  for (const c of ['POL', 'DEU', 'KAZ']) assert.equal(transit(m, c), undefined, `${c} is not a transit state here`);
  // Unrouted: USA 60 + NOR 40 + OTHER 50 = 150 of 200.
  near(m.routeUnknownShare, 0.75, 'routeUnknownShare');
  assert.deepEqual(m.method, { name: 'dependence', version: '1.0.1' });
  assert.equal(m.dataset, model.info.hash);
  assert.ok(m.notes.some((n) => /dispersed/.test(n)), 'a note says OTHER is dispersed');
});

test('FRA crude 2024: a member keeps its own rows, kb/d converted to Mt/yr', () => {
  const m = importerMetrics(model, { importer: 'FRA', commodity: 'crude_oil', year: 2024 });
  // KAZ 6 (cpc) + 20 kb/d (aktau_btc: 20,000 b/d · 365 / 7.3 bbl/t = 1.0 Mt) = 7; USA 5; OTHER 8; total 20.
  near(m.total, 20, 'total');
  near(share(m, 'KAZ'), 0.35, 'KAZ');
  near(share(m, 'USA'), 0.25, 'USA');
  // HHI = 35² + 25² = 1225 + 625 = 1850 (OTHER 40% dispersed).
  near(m.hhi, 1850, 'hhi');
  // hhiWgi = 0.35²·6 + 0.25²·3 = 0.735 + 0.1875 = 0.9225.
  near(m.governance.hhiWgi, 0.9225, 'hhiWgi');
  // Transit: RUS 6/20 = 30%; AZE, GEO, TUR 1/20 = 5% each.
  near(transit(m, 'RUS')!, 0.30, 'RUS');
  near(transit(m, 'GEO')!, 0.05, 'GEO');
});

test('CRMA benchmark counts third countries only, and fails above 65%', () => {
  // DEU 2024: FRA 8 (80%, an EU member, not a third country), NOR 2 (20%).
  const deu = importerMetrics(model, { importer: 'DEU', commodity: 'crude_oil', year: 2024 });
  near(deu.topShare, 0.8, 'top share is FRA');
  assert.equal(deu.crmaBenchmark.country, 'NOR');
  near(deu.crmaBenchmark.share, 0.2, 'largest third country');
  assert.equal(deu.crmaBenchmarkMet, true);
  // FRA uranium 2023: KAZ 700 of 1000 = 70% > 65%.
  const fra = importerMetrics(model, { importer: 'FRA', commodity: 'uranium', year: 2023 });
  near(fra.topShare, 0.7, 'KAZ 70%');
  assert.equal(fra.crmaBenchmarkMet, false);
});

test('uranium: ktU converted, latest year by default, member rows never added to a bloc with rows of its own', () => {
  // EU27 uranium rows exist for 2022 only; FRA's rows of 2021-2023 are never summed into EU27.
  const latest = importerMetrics(model, { importer: 'EU27', commodity: 'uranium' });
  assert.equal(latest.year, 2022);
  // KAZ 2.7 ktU = 2700 tU; NER 2500; CAN 2200; RUS 1700; OTHER 900; total 10000 (FRA's own rows not added).
  near(latest.total, 10000, 'total');
  near(share(latest, 'KAZ'), 0.27, 'KAZ');
  // HHI = 27² + 25² + 22² + 17² = 729 + 625 + 484 + 289 = 2127.
  near(latest.hhi, 2127, 'hhi');
  assert.throws(() => importerMetrics(model, { importer: 'EU27', commodity: 'uranium', year: 2021 }), /years with data: 2022$/);
});

test('a bloc with no rows of its own is summed from its members, trade between members left out', () => {
  // Chromium 2023: FRA KAZ 100, TUR 100; DEU KAZ 0.2 kt = 200, FRA 50 (intra-EU, left out).
  // EU27 = KAZ 300, TUR 100; total 400 → 0.75, 0.25; HHI 5625 + 625 = 6250; KAZ 75% > 65%: benchmark not met.
  const m = importerMetrics(model, { importer: 'EU27', commodity: 'chromium', year: 2023 });
  near(m.total, 400, 'summed total');
  near(m.hhi, 6250, 'summed hhi');
  assert.equal(m.crmaBenchmarkMet, false);
  assert.ok(m.notes.some((n) => /summed from its members' rows \(DEU, FRA; 2 of 4 members\)/.test(n)), m.notes.join('|'));
});

test('a bloc summed from its members: a leg in another member is inside the bloc, not transit', () => {
  // A chromium rail route KAZ → RUS → POL → DEU carries DEU's 0.2 kt (200 t) from KAZ.
  const dir = copyFixture('metrics-basic');
  const legs = [['atyrau', 'kaz_rus_border', 'KAZ'], ['kaz_rus_border', 'adamowo', 'RUS'], ['adamowo', 'pol_deu_border', 'POL'], ['pol_deu_border', 'schwedt', 'DEU']];
  editFile(dir, 'routes.csv', (t) => `${t.trimEnd()}\nchromium_rail,Chromium by rail,chromium,rail,atyrau,schwedt,,t/yr,2023,,,,,operating,hand,,\n`);
  editFile(dir, 'legs.csv', (t) => `${t.trimEnd()}\n${legs.map(([from, to, c], i) => `chromium_rail,${i + 1},${from},${to},${c},rail,,,hand,,`).join('\n')}\n`);
  editFile(dir, 'flows.csv', (t) => t.replace('2023,chromium,KAZ,DEU,,0.2,kt', '2023,chromium,KAZ,DEU,chromium_rail,0.2,kt'));
  const m = importerMetrics(loadDataset(dir), { importer: 'EU27', commodity: 'chromium', year: 2023 });
  // EU27 (summed): total 400 t. The 200 t cross RUS → 200/400 = 50%. POL is a member of EU27 (inside the
  // importer, though the row's own importer is DEU); KAZ is the exporter, DEU the row's importer.
  assert.deepEqual(m.transitExposure.map((t) => t.country), ['RUS']);
  near(m.transitExposure[0].share, 0.5, 'RUS');
  // The same row seen from DEU alone: POL is a third country for Germany and is a transit state.
  const deu = importerMetrics(loadDataset(dir), { importer: 'DEU', commodity: 'chromium', year: 2023 });
  // DEU: KAZ 200 + FRA 50 = 250; RUS and POL 200/250 = 80% each.
  assert.deepEqual(deu.transitExposure.map((t) => t.country), ['POL', 'RUS']);
  near(transit(deu, 'POL')!, 0.8, 'POL for DEU');
});

test('importerMetrics on given flows replaces the dataset flows', () => {
  const given = model.flows({ commodity: 'crude_oil', year: 2024, importer: 'FRA' }).filter((f) => f.exporter !== 'OTHER');
  // Without OTHER: KAZ 7, USA 5 → 7/12, 5/12; HHI = (7/12)²·10⁴ + (5/12)²·10⁴ = (49 + 25)/144 · 10⁴ = 5138.9.
  const m = importerMetrics(model, { importer: 'FRA', commodity: 'crude_oil', year: 2024 }, given);
  near(m.total, 12, 'total');
  near(m.hhi, (74 / 144) * 10000, 'hhi', 1e-6);
  assert.equal(m.flowSource, 'given');
  // An empty re-optimised supply is not an error.
  const empty = importerMetrics(model, { importer: 'FRA', commodity: 'crude_oil', year: 2024 }, []);
  assert.equal(empty.total, 0);
  assert.equal(empty.hhi, 0);
});

test('KAZ crude exports 2024: destinations, routes, route unknown, RUS transit, no double counting of FRA', () => {
  const m = exporterMetrics(model, { exporter: 'KAZ', commodity: 'crude_oil', year: 2024 });
  // Counted: EU27 50 (cpc 40, aktau_btc 5, druzhba 5), CHN 10 (no route), RUS 8 (atyrau_samara) = 68.
  // FRA's 7 are inside EU27's own rows: not counted again.
  near(m.total, 68, 'total');
  const dest = Object.fromEntries(m.destinations.map((d) => [d.importer, d.share]));
  near(dest.EU27, 50 / 68, 'EU27');
  near(dest.CHN, 10 / 68, 'CHN');
  near(dest.RUS, 8 / 68, 'RUS');
  assert.equal(dest.FRA, undefined);
  assert.deepEqual(m.withinBloc.map((w) => [w.importer, w.bloc]), [['FRA', 'EU27'], ['FRA', 'EU27']]);
  const route = Object.fromEntries(m.routes.map((r) => [r.route, r.share]));
  near(route.cpc, 40 / 68, 'cpc');
  near(route.atyrau_samara, 8 / 68, 'atyrau_samara');
  near(route[''], 10 / 68, 'route unknown');
  assert.equal(m.routes.at(-1)?.route, '', 'route unknown listed last');
  // RUS: cpc 40 + druzhba 5 = 45 (atyrau_samara ends in RUS, the importer: not transit) → 45/68.
  near(transit(m, 'RUS')!, 45 / 68, 'RUS transit');
  near(transit(m, 'BLR')!, 5 / 68, 'BLR transit');
  assert.equal(transit(m, 'POL'), undefined, 'POL is inside the importing bloc');
  near(m.routeUnknownShare, 10 / 68, 'routeUnknownShare');
  assert.ok(m.notes.some((n) => /route unknown/.test(n)));
});

test('tiny fixture: FRA has OTHER and a supplier across three transit states', () => {
  const m = importerMetrics(tiny, { importer: 'FRA', commodity: 'crude_oil', year: 2024 });
  // KAZ 6 + 1 = 7, USA 5, OTHER 8; total 20. HHI 35² + 25² = 1850. No WGI in tiny: hhiWgi null.
  near(m.hhi, 1850, 'hhi');
  assert.equal(m.governance.hhiWgi, null);
  assert.deepEqual(m.governance.missing, ['KAZ', 'USA']);
  near(transit(m, 'AZE')!, 0.05, 'AZE');
});

test('bad queries name what is missing and what is available', () => {
  const code = (fn: () => unknown, re: RegExp, expected: string) =>
    assert.throws(fn, (e: unknown) => e instanceof CorridorError && e.code === expected && re.test(e.message));
  code(() => importerMetrics(model, { importer: 'XXX', commodity: 'crude_oil', year: 2024 }), /unknown importer "XXX"; importers of crude_oil: .*EU27.*FRA/, 'CORRIDOR_ERR_UNKNOWN_ID');
  code(() => importerMetrics(model, { importer: 'EU27', commodity: 'coal', year: 2024 }), /unknown commodity "coal"; available: chromium, crude_oil, tungsten, uranium/, 'CORRIDOR_ERR_UNKNOWN_ID');
  code(() => importerMetrics(model, { importer: 'EU27', commodity: 'crude_oil', year: 2019 }), /no crude_oil imports of EU27 in 2019; years with data: 2023, 2024/, 'CORRIDOR_ERR_NO_DATA');
  code(() => importerMetrics(model, { importer: 'NOR', commodity: 'crude_oil', year: 2024 }), /no crude_oil imports of NOR in the dataset/, 'CORRIDOR_ERR_NO_DATA');
  code(() => exporterMetrics(model, { exporter: 'KAZ', commodity: 'crude_oil', year: 2020 }), /no crude_oil exports of KAZ in 2020; years with data: 2023, 2024/, 'CORRIDOR_ERR_NO_DATA');
});

test('docs/methods/dependence.md states the version that results carry', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'methods', 'dependence.md'), 'utf8');
  const m = importerMetrics(model, { importer: 'FRA', commodity: 'crude_oil' });
  assert.match(doc, new RegExp(`Method \`${m.method.name}\`, version \\*\\*${m.method.version.replace(/\./g, '\\.')}\\*\\*`));
});
