// Stocks that act: a stock held (stocks.csv, or the stockholding obligation stock_days × daily imports), released
// at most at a share a year (stock_release), drawn at the cost of refilling it; results in days of cover; bad rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { buildNetwork } from '../src/solve/network.ts';
import type { ScenarioResult } from '../src/scenario/index.ts';
import { FIXTURES, editFile, runCli, scratchCopy } from './helpers.ts';

const DEFAULT = resolve(import.meta.dirname, '..', 'data', 'default');
const close = (actual: number | null | undefined, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

async function runJson(dir: string): Promise<ScenarioResult> {
  const { code, stdout, stderr } = await runCli('scenario', 'run', join(dir, 'pipe-shut.yaml'), '--json');
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as ScenarioResult;
}

// The stocks-release fixture, worked by hand:
//   EU27 imports 365 Mt/yr (1 Mt a day): KAZ 65 by `pipe` (10 USD/t), NOR 300 direct (no cost).
//   stock_days 90 → held 90 × 365 / 365 = 90 Mt; stock_release 0.1 → 9 Mt can be drawn in the year.
//   World market: premium 50 USD/t (given), spare 20 Mt/yr. R = max(10, 50) = 50 → λ = 100, unserved 50,000 USD/t.
//   Draw cost (the cost of refilling) = mean transport cost of the baseline flows = (65 × 10 + 300 × 0) / 365
//   = 1.780822 USD/t, below the premium: stocks go first, then the world market.
//   Pipe shut, 65 Mt missing: stocks 9, world 20, unserved 36.
//   Objective (USD/t × Mt = USD million): stickiness 65 × 100 = 6,500; stocks 9 × 650/365 = 16.027397;
//   world 20 × 50 = 1,000; unserved 36 × 50,000 = 1,800,000 → 1,807,516.027397. Baseline: 65 × 10 = 650.
//   Days of cover: held 90 × 365 / 365 = 90, used 9 × 365 / 365 = 9.
test('a stock release limit: 90 days held, a tenth released, the rest of the gap from the world market and unserved', async () => {
  const r = await runJson(join(FIXTURES, 'stocks-release'));
  close(r.solver.objective, 6500 + (9 * 650) / 365 + 1000 + 1_800_000, 'objective');
  close(r.solver.baselineObjective, 650, 'baseline objective');
  assert.equal(r.stocks.length, 1);
  const s = r.stocks[0];
  assert.equal(s.importer, 'EU27');
  close(s.held, 90, 'held');
  close(s.releasable, 9, 'releasable');
  close(s.drawnBaseline, 0, 'drawn in the baseline');
  close(s.drawn, 9, 'drawn');
  close(s.daysOfCoverHeld, 90, 'days held');
  close(s.daysOfCoverUsed, 9, 'days used');
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  close(eu.unserved, 36, 'unserved');
  close(eu.worldMarket, 20, 'world market');
  const drawCost = r.settings.find((x) => x.name === 'stock_draw_cost')!;
  close(drawCost.value, 650 / 365, 'draw cost in USD/t', 1e-4);
  assert.equal(drawCost.origin, 'default');
  assert.ok(r.settings.some((x) => x.name === 'stock_release' && x.value === 0.1 && x.origin === 'dataset'));
  assert.ok(r.assumptions.some((a) => /obligation of 90 days/.test(a)), 'the stock from the obligation is explained');
  const text = await runCli('scenario', 'run', join(FIXTURES, 'stocks-release', 'pipe-shut.yaml'));
  assert.match(text.stdout, /Stocks \(days = days of the importer's imports\):/);
  assert.match(text.stdout, /EU27\s+90\.0\s+9\.0\s+0\.0\s+9\.0\s+90\.0\s+9\.0/);
});

test('without a release limit all the stock may be drawn, and it goes before the dearer world market', async () => {
  // Same network, no stock_release: 90 Mt can be drawn. The 65 Mt gap is met from stocks at 650/365 USD/t rather
  // than the world market at 50 USD/t: objective 6,500 + 65 × 650/365 = 6,615.753425; world market 0; 65 days used.
  const dir = scratchCopy('stocks-release');
  editFile(dir, 'parameters.csv', (t) => t.split('\n').filter((l) => !l.startsWith('stock_release')).join('\n'));
  const r = await runJson(dir);
  close(r.solver.objective, 6500 + (65 * 650) / 365, 'objective');
  close(r.stocks[0].releasable, 90, 'releasable');
  close(r.stocks[0].drawn, 65, 'drawn');
  close(r.stocks[0].daysOfCoverUsed, 65, 'days used');
  close(r.importers[0].worldMarket, 0, 'world market');
  assert.ok(r.assumptions.some((a) => /no release rate in the dataset/.test(a)), 'the default release is listed as an assumption');
});

test('a scenario sets the release share (set_parameter stock_release); a share above 1 is refused', async () => {
  // Release 0.5 of the 90 Mt: 45 Mt from stocks (650/365 USD/t), the other 20 from the world market (50 USD/t), none unserved.
  // Objective 6,500 + 45 × 650/365 + 20 × 50 = 7,580.136986.
  const dir = scratchCopy('stocks-release');
  editFile(dir, 'pipe-shut.yaml', (t) => `${t}  - type: set_parameter\n    name: stock_release\n    country: EU27\n    value: 0.5\n`);
  const r = await runJson(dir);
  close(r.stocks[0].releasable, 45, 'releasable');
  close(r.stocks[0].drawn, 45, 'drawn');
  close(r.importers[0].unserved, 0, 'unserved');
  close(r.solver.objective, 6500 + (45 * 650) / 365 + 1000, 'objective');
  editFile(dir, 'pipe-shut.yaml', (t) => t.replace('value: 0.5', 'value: 1.5'));
  const bad = await runCli('scenario', 'run', join(dir, 'pipe-shut.yaml'));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /pipe-shut\.yaml:\d+: set_parameter: stock_release: expected a share from 0 to 1, found 1\.5/);
});

test('a published stock figure wins over the obligation; a draw cost given in the dataset is used as given', async () => {
  // stocks.csv 40 Mt (held), release 0.1 → 4 Mt; stock_draw_cost 60 USD/t, above the premium (50): the world market's
  // 20 first, then 4 from stocks, 41 unserved. Objective 6,500 + 20 × 50 + 4 × 60 + 41 × 50,000 = 2,057,740.
  const dir = scratchCopy('stocks-release');
  editFile(dir, 'stocks.csv', (t) => `${t}2024,crude_oil,EU27,40,Mt,hand,,\n`);
  editFile(dir, 'parameters.csv', (t) => `${t}stock_draw_cost,crude_oil,,2024,60,USD/t,hand,,\n`);
  const r = await runJson(dir);
  close(r.stocks[0].held, 40, 'held');
  close(r.stocks[0].drawn, 4, 'drawn');
  close(r.stocks[0].daysOfCoverHeld, 40, 'days held');
  close(r.solver.objective, 6500 + 1000 + 240 + 41 * 50_000, 'objective');
});

test('default dataset: EU oil stocks from the 90-day obligation and the IEA 2022 release share; uranium inventories in tU', () => {
  const model = loadDataset(DEFAULT);
  // Crude 2023: EU27 imports 471.5 Mt (Eurostat) → 90 × 471.5 / 365 = 116.2603 Mt held; × 0.088 (182.7 / 2,075 mb) = 10.2309 Mt.
  const crude = buildNetwork(model, { commodity: 'crude_oil', year: 2023 });
  const eu = crude.importers.find((i) => i.id === 'EU27')!;
  close(eu.stockHeld, (90 * 471.5) / 365, 'EU oil stock held');
  close(eu.stock, ((90 * 471.5) / 365) * 0.088, 'EU oil stock releasable in a year');
  // Uranium 2022: 35,710 tU held (ESA), no release share → all of it may be drawn (the demand row caps the draw).
  const uranium = buildNetwork(model, { commodity: 'uranium', year: 2022 });
  const euU = uranium.importers.find((i) => i.id === 'EU27')!;
  close(euU.stockHeld, 35710, 'EU uranium inventories');
  close(euU.stock, 35710, 'EU uranium releasable');
  // Pipeline gas 2024: working gas 100 bcm × 95% = 95 bcm.
  const gas = buildNetwork(model, { commodity: 'pipeline_gas', year: 2024 });
  close(gas.importers.filter((i) => i.id.startsWith('EU27')).reduce((s, i) => s + (i.stockHeld ?? 0), 0), 95, 'EU gas in storage');
});

test('CPC shut (default dataset, 2023): the EU draws all it may release, then the world market is the margin of what binds', async () => {
  // Releasable: 90 × 471.5 / 365 × 0.088 = 10.2309 Mt, cheaper (refilling) than the world market's premium, so all of
  // it is drawn: 10.2309 × 365 / 471.5 = 7.92 days of imports. A binding bypass then saves world-market purchases, not stocks.
  const { code, stdout, stderr } = await runCli('scenario', 'run', resolve(DEFAULT, '..', '..', 'examples', 'cpc-shut.yaml'), '--json');
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout) as ScenarioResult;
  const eu = r.stocks.find((s) => s.importer === 'EU27')!;
  close(eu.releasable, ((90 * 471.5) / 365) * 0.088, 'releasable', 1e-6);
  close(eu.drawn, ((90 * 471.5) / 365) * 0.088, 'drawn', 1e-6);
  close(eu.daysOfCoverUsed, 90 * 0.088, 'days used', 1e-3);
  const berths = r.whatBinds.find((b) => b.id === 'aktau_oil_berths')!;
  assert.equal(berths.alternative, 'worldMarket');
});

test('bad stocks rows and stock parameters are errors naming file:row:column; nothing else is reported for good rows', async () => {
  const dir = scratchCopy('stocks-release');
  editFile(dir, 'stocks.csv', (t) => `${t}2024,crude_oil,EU27,90,Mt/yr,hand,,\n2024,uranium,EU27,900,barrels,hand,,\n2024,uranium,EU27,-5,tU,hand,,\n2023,uranium,EU27,900,tU,hand,,\n`);
  editFile(dir, 'parameters.csv', (t) => `${t}stock_release,uranium,EU27,2024,1.5,day,hand,,\nstock_days,uranium,EU27,2024,30,share,hand,,\n`);
  const { code, stdout, stderr } = await runCli('validate', dir);
  const out = stdout + stderr;
  assert.notEqual(code, 0, 'exits non-zero');
  assert.match(out, /stocks\.csv:2:unit: expected a stock unit for crude_oil \(Mt\): a quantity held, not a rate, found "Mt\/yr"/);
  assert.match(out, /stocks\.csv:3:unit: expected a stock unit for uranium \(tU, ktU\), found "barrels"/);
  assert.match(out, /stocks\.csv:4:volume: /);
  assert.doesNotMatch(out, /stocks\.csv:5:/, 'a good row is not reported');
  assert.match(out, /parameters\.csv:6:unit: expected the unit "share" for stock_release/);
  assert.match(out, /parameters\.csv:6:value: expected a share between 0 and 1 for stock_release, found 1\.5/);
  assert.match(out, /parameters\.csv:7:unit: expected the unit "day" for stock_days/);
});
