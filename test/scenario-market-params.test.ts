// set_parameter for the world market's figures (price, world demand, elasticities and their ranges, spare capacity,
// export discounts), and the world arc of a route a scenario adds: worked out by hand on test/fixtures/lp-market.
//
// The fixture (2024, crude oil, Mt/yr, 7.3 bbl/t): RUS 20 and NOR 20 Mt/yr to DEU with no route, KAZ 10 Mt/yr on
// `cpc` (5 USD/t, ending at a port; KAZ has no other route). Price P = 500 USD/t; world demand W = 1,050 Mt/yr, so the
// buyers outside the network buy W − DEU's 50 = 1,000 Mt/yr; supply elasticity 0.1 (range 0.05 to 0.2), demand
// elasticity −0.1 (range −0.05 to −0.2); no spare-capacity figure; RUS's export discount 10 USD/t.
// Slopes, in Mt/yr per USD/t: supply = e_s × W / P = 0.1 × 1050 / 500 = 0.21; demand = |e_d| × 1000 / P = 0.2.
// Closing cpc shuts KAZ's 10 Mt/yr in and DEU buys them on the world market: a net shortage of 10 Mt/yr, so the
// price change is 10 / (0.21 + 0.2) = 24.3902 USD/t; the least elastic ends give 10 / (0.105 + 0.1) = 48.7805 and
// the most elastic 10 / (0.42 + 0.4) = 12.1951.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { loadSolver } from '../src/solve/index.ts';
import { runScenarioText, type ScenarioResult } from '../src/scenario/index.ts';
import { editFile, runCli, scratchCopy, scratchDir } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'lp-market');

const near = (actual: number | null | undefined, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

const CLOSE_CPC = '  - type: close_route\n    route: cpc\n';

async function run(changes: string, dir = FIXTURE): Promise<ScenarioResult> {
  const highs = await loadSolver();
  return runScenarioText(loadDataset(dir), `name: market settings\ncommodity: crude_oil\nyear: 2024\nchanges:\n${changes}`, 'market.yaml', { highs, metrics: false });
}

const setting = (r: ScenarioResult, name: string) => r.settings.find((s) => s.name === name);
const exporter = (r: ScenarioResult, id: string) => r.exporters.find((e) => e.exporter === id)!;

test('the fixture\'s own market: closing cpc raises the price by 10 / (0.21 + 0.2) = 24.3902 USD/t', async () => {
  const r = await run(CLOSE_CPC);
  near(r.market.priceChange, 10 / 0.41, 'central');
  near(r.market.priceChangeHigh, 10 / 0.205, 'least elastic ends');
  near(r.market.priceChangeLow, 10 / 0.82, 'most elastic ends');
  assert.equal(setting(r, 'demand_elasticity')!.origin, 'dataset');
});

// Demand elasticity doubled to −0.2: demand slope 0.2 × 1000 / 500 = 0.4, so 10 / (0.21 + 0.4) = 16.3934 USD/t (the
// demand side's share of the shortage rises from 0.2 / 0.41 = 49% to 0.4 / 0.61 = 66%). The ends of the range stay.
test('a doubled demand elasticity: the price change is the shortage over the steeper sum of slopes, 10 / 0.61', async () => {
  const r = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: demand_elasticity\n    value: -0.2\n`);
  near(r.market.priceChange, 10 / 0.61, 'central: 10 / (0.21 + 0.4)');
  near(r.market.priceChangeHigh, 10 / 0.205, 'least elastic ends unchanged');
  const d = setting(r, 'demand_elasticity')!;
  assert.equal(d.value, -0.2);
  assert.equal(d.origin, 'scenario');
  assert.equal(setting(r, 'supply_elasticity')!.origin, 'dataset', 'the supply elasticity is still the dataset\'s');
  assert.ok(r.changes.some((c) => c.type === 'set_parameter' && c.kind === 'setting' && c.summary === 'demand_elasticity set to -0.2'), 'the change is reported');
});

// The most elastic end of the demand range set to −0.4: the flat curve's slopes are 0.2 × 1050 / 500 = 0.42 and
// 0.4 × 1000 / 500 = 0.8, so the low end of the price change is 10 / 1.22 = 8.1967 USD/t; the central stays 24.3902.
test('the end of an elasticity\'s range: demand_elasticity_high −0.4 moves the low end of the price change to 10 / 1.22', async () => {
  const r = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: demand_elasticity_high\n    value: -0.4\n`);
  near(r.market.priceChangeLow, 10 / 1.22, 'most elastic ends');
  near(r.market.priceChange, 10 / 0.41, 'central unchanged');
  const high = setting(r, 'demand_elasticity_high')!;
  assert.deepEqual([high.value, high.origin], [-0.4, 'scenario']);
  assert.match(setting(r, 'demand_elasticity')!.note, /range -0\.05 to -0\.4 \(ends set by the scenario\)/);
});

// Spare capacity 40 kb/d (OPEC+) + 0.02 mb/d (non-OPEC): 40,000 × 365 / 7.3 = 2 Mt/yr and 20,000 × 365 / 7.3 = 1 Mt/yr,
// 3 Mt/yr in all. Unbounded, supply would answer 0.21 × 24.39 = 5.12 Mt/yr: the cap binds. Then 3 + 0.2 Δp = 10,
// Δp = 35 USD/t (supply would be 0.21 × 35 = 7.35 > 3 there: still bound). Ends: least elastic 3 + 0.1 Δp = 10 → 70
// (0.105 × 70 = 7.35 > 3); most elastic 3 + 0.4 Δp = 10 → 17.5 (0.42 × 17.5 = 7.35 > 3).
test('spare capacity set in kb/d and mb/d binds: 3 Mt/yr used, and the price rises to clear the rest on demand, by 35 USD/t', async () => {
  const r = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: opec_spare_capacity\n    value: 40\n    unit: kb/d\n` +
    '  - type: set_parameter\n    name: nonopec_spare_capacity\n    value: 0.02\n    unit: mb/d\n');
  near(r.market.spareUsed, 3, 'spare used: 2 + 1 Mt/yr');
  near(r.market.priceChange, 35, 'central: (10 − 3) / 0.2');
  near(r.market.priceChangeHigh, 70, 'least elastic: (10 − 3) / 0.1');
  near(r.market.priceChangeLow, 17.5, 'most elastic: (10 − 3) / 0.4');
  const opec = setting(r, 'opec_spare_capacity')!;
  assert.deepEqual([opec.value, opec.unit, opec.origin], [40, 'kb/d', 'scenario']);
  assert.ok(!r.assumptions.some((a) => a.includes('no spare-capacity figure')), 'the unbounded-supply note is gone');
});

// Price 80 USD/bbl = 80 × 7.3 = 584 USD/t: the slopes are 205 / 584 Mt/yr per USD/t, so Δp = 10 × 584 / 205 = 28.4878
// USD/t. KAZ loses 10 Mt/yr at 584 USD/t and saves 10 × 5 of transport: revenue −5,840 + 50 = −5,790 USD million.
// World demand 41 mb/d = 41 × 365 / 7.3 = 2,050 Mt/yr: others 2,000, slopes 0.41 + 0.4, Δp = 10 / 0.81 = 12.3457 USD/t.
test('the price (USD/bbl) and world demand (mb/d) set by a scenario are converted and change the slopes as worked out', async () => {
  const priced = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: price\n    value: 80\n    unit: USD/bbl\n`);
  near(priced.market.priceChange, 10 * 584 / 205, 'Δp at 584 USD/t');
  assert.equal(priced.market.priceUnit, 'USD/t', 'results stay in the dataset\'s price unit');
  near(exporter(priced, 'KAZ').revenueChange, -5790, 'KAZ revenue, USD million');
  const price = setting(priced, 'price')!;
  assert.deepEqual([price.value, price.unit, price.origin], [80, 'USD/bbl', 'scenario']);
  assert.equal(priced.settings.filter((s) => s.name === 'price').length, 1, 'the dataset\'s price is replaced, not listed twice');

  const wide = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: world_demand\n    value: 41\n    unit: mb/d\n`);
  near(wide.market.priceChange, 10 / 0.81, 'Δp with 2,050 Mt/yr of world demand');
  assert.match(setting(wide, 'world_demand')!.note, /buyers outside the network: 2000 Mt\/yr/);
});

// RUS embargoed by DEU: RUS sells its 20 Mt/yr to other buyers (its direct route) and DEU buys 20 there, so the net
// shortage is 0 and the price does not move. RUS's discount loss: 20 Mt × 10 USD/t = 200 USD million with the
// dataset's discount; 20 Mt × 12 USD/bbl × 7.3 bbl/t = 20 × 87.6 = 1,752 USD million with the scenario's.
// LP objective (USD million): the baseline pays KAZ's transport, 10 × 5 = 50. After: 50, plus stickiness on the 20
// Mt/yr of baseline flow lost at λ = 2 × the largest route cost = 10 USD/t (200), plus the discount: 450 and 2,002.
test('an export discount set by a scenario changes the exporter\'s discount loss by the hand-computed amount', async () => {
  const embargo = '  - type: embargo\n    exporter: RUS\n    importer: DEU\n';
  const dataset = await run(embargo);
  near(dataset.market.absorbed, 20, 'RUS\'s 20 sold to other buyers');
  near(dataset.market.priceChange, 0, 'no net shortage');
  near(exporter(dataset, 'RUS').discountLoss, 200, '20 × 10');
  near(dataset.solver.baselineObjective, 50, 'baseline objective: 10 × 5');
  near(dataset.solver.objective, 450, '50 + 20 × 10 + 20 × 10');
  const set = await run(`${embargo}  - type: set_parameter\n    name: export_discount\n    country: RUS\n    value: 12\n    unit: USD/bbl\n`);
  near(set.market.absorbed, 20, 'still sold to other buyers');
  near(exporter(set, 'RUS').discountLoss, 1752, '20 × 87.6');
  near(set.solver.objective, 2002, '50 + 20 × 10 + 20 × 87.6');
  near(exporter(set, 'RUS').revenueChange, -1752, 'no volume or price change: the discount is the loss');
  const d = setting(set, 'export_discount')!;
  assert.deepEqual([d.value, d.unit, d.origin, d.note], [12, 'USD/bbl', 'scenario', 'RUS']);
});

// Settings hold for the baseline too: with no shock, before and after are the same LP, so nothing moves.
test('a market setting alone changes nothing between before and after', async () => {
  const r = await run('  - type: set_parameter\n    name: demand_elasticity\n    value: -0.3\n  - type: set_parameter\n    name: price\n    value: 600\n    unit: USD/t\n');
  near(r.market.priceChange, 0, 'price change');
  near(r.solver.objective, r.solver.baselineObjective, 'same objective before and after');
});

// Without world demand in the dataset the world market is a residual supply; a scenario that gives the 1,050 Mt/yr
// completes the market, and closing cpc gives the fixture's 24.3902 USD/t again.
test('a scenario can complete a market the dataset lacks a figure for', async () => {
  const dir = scratchCopy('lp-market');
  editFile(dir, 'parameters.csv', (t) => t.split('\n').filter((l) => !l.startsWith('world_demand')).join('\n'));
  const residual = await run(CLOSE_CPC, dir);
  assert.equal(residual.market.priceChange, null, 'residual supply: no price');
  const completed = await run(`${CLOSE_CPC}  - type: set_parameter\n    name: world_demand\n    value: 1050\n    unit: Mt/yr\n`, dir);
  near(completed.market.priceChange, 10 / 0.41, 'the market the scenario completes');
  assert.ok(!completed.settings.some((s) => s.name === 'world_market_premium'), 'no premium in a two-sided market');
  assert.ok(!completed.assumptions.some((a) => a.includes('residual supply at a premium')), 'the residual-market note is gone');
});

// KAZ embargoed by DEU and cpc closed: a new route bypass (KAZ → AZE → GEO, 20 USD/t, serving every importer, so it
// ends at the sea) lets KAZ sell its 10 Mt/yr to other buyers; DEU buys 10 on the world market: net shortage 0, no
// price change, KAZ's volume unchanged, transport 10 × 20 − 10 × 5 = +150 USD million, revenue −150 (no discount).
// The same route serving DEU alone does not reach the sea: KAZ is shut in and the price rises by 10 / 0.41.
test('a route added by a scenario that ends at the sea reaches other buyers through the world market', async () => {
  const shocks = '  - type: embargo\n    exporter: KAZ\n    importer: DEU\n' + CLOSE_CPC;
  const route = (importers: string) => '  - type: add_route\n    id: bypass\n    exporter: KAZ\n    cost: 20\n    cost_unit: USD/t\n' + importers +
    '    legs:\n      - country: KAZ\n      - country: AZE\n      - country: GEO\n        to: supsa\n';
  const sea = await run(shocks + route(''));
  near(sea.market.absorbed, 10, 'KAZ sells 10 to other buyers on bypass');
  near(sea.market.priceChange, 0, 'no net shortage');
  const kaz = exporter(sea, 'KAZ');
  near(kaz.volumeChange, 0, 'KAZ volume');
  near(kaz.transportCostChange, 150, '10 × 20 − 10 × 5');
  near(kaz.revenueChange, -150, 'revenue: transport only');
  assert.ok(sea.flows.some((f) => f.exporter === 'KAZ' && f.importer === 'world' && f.route === 'bypass' && Math.abs(f.flowScenario - 10) < 1e-6), 'the flow to other buyers is on bypass');

  const inland = await run(shocks + route('    importers: [DEU]\n'));
  near(exporter(inland, 'KAZ').volumeChange, -10, 'shut in');
  near(inland.market.priceChange, 10 / 0.41, 'the shortage clears on the curve');
});

// Bad values are refused with the file and line of each.
const BAD = [
  'name: bad', 'commodity: crude_oil', 'year: 2024', 'changes:',
  '  - type: set_parameter', '    name: demand_elasticity', '    value: 0.2', //                      5–7
  '  - type: set_parameter', '    name: supply_elasticity_low', '    value: -0.1', //                 8–10
  '  - type: set_parameter', '    name: opec_spare_capacity', '    value: -1', '    unit: mb/d', // 11–14
  '  - type: set_parameter', '    name: world_demand', '    value: 1000', '    unit: USD/t', //     15–18
  '  - type: set_parameter', '    name: price', '    value: 0', '    unit: USD/bbl', //              19–22
  '  - type: set_parameter', '    name: export_discount', '    country: DEU', '    value: 5', '    unit: USD/t', // 23–27
  '  - type: set_parameter', '    name: export_discount', '    value: 5', '    unit: USD/t', //      28–31
  '  - type: set_parameter', '    name: demand_elasticity', '    value: -0.2', '    unit: Mt/yr', // 32–35
  '  - type: set_parameter', '    name: export_discount', '    country: RUS', '    value: 5', '    unit: Mt/yr', // 36–40
].join('\n');

test('bad market values are refused with file:line, every problem listed', async () => {
  const highs = await loadSolver();
  await assert.rejects(runScenarioText(loadDataset(FIXTURE), BAD, 'bad.yaml', { highs }), (e: unknown) => {
    assert.ok(e instanceof CorridorError);
    assert.equal(e.code, 'CORRIDOR_ERR_SCENARIO_INVALID');
    const expected = [
      'bad.yaml:7: set_parameter: demand_elasticity: expected a value ≤ 0 (demand falls as the price rises), found 0.2',
      'bad.yaml:10: set_parameter: supply_elasticity_low: expected a value ≥ 0 (supply rises with the price), found -0.1',
      'bad.yaml:13: set_parameter: opec_spare_capacity: expected a value ≥ 0, found -1',
      'bad.yaml:18: set_parameter: world_demand: expected a unit among Mt/yr, kb/d, mb/d, found "USD/t"',
      'bad.yaml:21: set_parameter: price: expected a value > 0, found 0',
      'bad.yaml:25: set_parameter: export_discount: DEU is not an exporter of crude_oil in 2024 (exporters: KAZ, NOR, RUS)',
      'bad.yaml:28: set_parameter: export_discount applies per country; add "country:"',
      'bad.yaml:35: set_parameter: demand_elasticity: an elasticity has no unit (leave it out or write "elasticity"), found "Mt/yr"',
      'bad.yaml:40: set_parameter: export_discount: expected a unit like "USD/t" (USD per a quantity that converts to Mt/yr), found "Mt/yr"',
    ];
    assert.deepEqual(e.details, expected);
    return true;
  });
});

test('the CLI refuses a bad market value with the file and line, exit code non-zero', async () => {
  const dir = scratchDir('market-bad');
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, `name: bad\ndataset: ${FIXTURE}\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: set_parameter\n    name: supply_elasticity\n    value: -0.5\n`);
  const { code, stderr } = await runCli('scenario', 'run', file);
  assert.notEqual(code, 0);
  assert.match(stderr, /bad\.yaml:8: set_parameter: supply_elasticity: expected a value ≥ 0/);
});

test('a commodity without a world market refuses its figures', async () => {
  const highs = await loadSolver();
  const model = loadDataset(join(import.meta.dirname, 'fixtures', 'lp-gas'));
  await assert.rejects(
    runScenarioText(model, 'name: gas\ncommodity: pipeline_gas\nyear: 2024\nchanges:\n  - type: set_parameter\n    name: supply_elasticity\n    value: 0.1\n', 'gas.yaml', { highs }),
    /gas\.yaml:6: set_parameter: supply_elasticity: pipeline_gas is not fungible, so it has no world market to set/,
  );
});
