// The world market that clears both ways, LNG in place of pipeline gas, and costs deciding between routes
// (flow-lp 2.1.0): small networks worked out by hand, then the default dataset's crude market.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset } from '../src/data/read.ts';
import { clearingPriceChange, loadSolver, solveFlows } from '../src/solve/index.ts';
import { networkFromSpec, type NetworkSpec } from '../src/solve/spec.ts';
import { exporterResults, marketResult } from '../src/scenario/market-results.ts';
import { runScenarioText, type ScenarioResult } from '../src/scenario/index.ts';
import { editFile, scratchCopy } from './helpers.ts';

const near = (actual: number | null | undefined, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

// A two-sided market, one supply step and one demand elasticity, worked out by hand.
//   Exporter A sells 30 to importer I on route rA (cost 0). The world price is P0 = 100.
//   Supply: one step of spare capacity, 10 units offered at 105 (no other supply response).
//   Demand of the buyers outside the network: elasticity −0.1 on 1,000 units at P0, so they give up
//   0.1 × 1000 / 100 = 1 unit per USD of price rise (demandSlope 1).
//   Shock: rA closes. A has no other route: its 30 are shut in (stranded), and I buys 30 on the world market.
//   Clearing: up to +5 only demand answers (5 units); at 105 the spare step adds 10 (15 in all); the other 15
//   come from demand, so the price rises 5 + 15 = 20 → 120. Spare used 10, demand given up 20.
//   LP objective (λ = 1): the lost baseline 30 × λ = 30; the step 10 × 105 = 1050; demand given up over the price
//   bands 0…20, each band's volume at its middle price: Σ w·(100 + m) = 100·20 + 20²/2 = 2200 (the middle-point
//   rule is exact for a linear curve). Total 30 + 1050 + 2200 = 3280; the baseline's is 0.
function twoSided(open: boolean): NetworkSpec {
  return {
    exporters: [{ id: 'A', supply: 30 }],
    importers: [{ id: 'I', demand: 30 }],
    routes: [{ id: 'rA', cost: 0, open }],
    arcs: [{ exporter: 'A', importer: 'I', route: 'rA', baseline: 30 }],
    market: { price: 100, curve: { supplySlope: 0, supplySteps: [{ volume: 10, price: 105 }], demandSlope: 1 } },
    costs: { stickiness: 1, unserved: 1e6 },
  };
}

test('two-sided market: a stranded exporter is shut in, spare capacity and demand response clear the market, and the price rises by the hand-worked 20', async () => {
  const highs = await loadSolver();
  const before = solveFlows(highs, networkFromSpec(twoSided(true)));
  const after = solveFlows(highs, networkFromSpec(twoSided(false)));
  near(before.objective, 0, 'baseline objective');
  near(after.objective, 3280, 'objective: 30 + 1050 + 2200');
  near(after.unserved[0], 0, 'I is served');
  near(after.world[0], 30, 'I buys 30 on the world market');
  near(after.exported[0], 0, 'A is shut in');
  near(after.market.net, 30, 'net shortage on the world market');
  near(after.market.supply, 10, 'the spare step is used in full');
  near(after.market.demand, 20, 'others give up 20');
  near(clearingPriceChange(after.network.world.curve, 100, after.market.net), 20, 'price change on the curve');
  const m = marketResult(before, after);
  near(m.priceChange, 20, 'reported price change (price unit = base unit here)');
  near(m.spareUsed, 10, 'spare used');
  near(m.absorbed, 0, 'nothing sold to other buyers');
});

// Displaced exports sold to other buyers at a discount. A sells 10 to I (route rA, cost 1); it can also sell to other
// buyers on rW (cost 2) at its discount of 5. I embargoes A: A sells its 10 through the world market, I buys 10 there;
// the market's net shortage is 0, so the price does not move. A's revenue: volume 0 × 100, discount 10 × 5 = 50,
// transport 10 × 2 − 10 × 1 = +10, so −60. Objective: λ·10 (the lost baseline) + 10 × (2 + 5) = 20 + 70 = 90 (λ = 2).
test('displaced exports are sold to other buyers at the exporter\'s discount, and the price does not move when nothing is lost', async () => {
  const highs = await loadSolver();
  const spec = (embargo: boolean): NetworkSpec => ({
    exporters: [{ id: 'A', supply: 10 }],
    importers: [{ id: 'I', demand: 10 }],
    routes: [{ id: 'rA', cost: 1 }, { id: 'rW', cost: 2 }],
    arcs: [{ exporter: 'A', importer: 'I', route: 'rA', baseline: 10, open: !embargo }, { exporter: 'A', importer: 'world', route: 'rW' }],
    market: { price: 100, curve: { supplySlope: 0.5, demandSlope: 0.5 }, discounts: { A: 5 } },
    costs: { stickiness: 2, unserved: 1e6 },
  });
  const before = solveFlows(highs, networkFromSpec(spec(false)));
  const after = solveFlows(highs, networkFromSpec(spec(true)));
  near(before.objective, 10, 'baseline: 10 × 1');
  near(after.objective, 90, 'λ·10 + 10 × (2 + 5)');
  near(after.sales[0], 10, 'A sells 10 to other buyers');
  near(after.market.net, 0, 'no net shortage');
  const m = marketResult(before, after);
  near(m.priceChange, 0, 'price change');
  near(m.absorbed, 10, 'absorbed');
  const [a] = exporterResults(before, after);
  near(a.volumeChange, 0, 'volume');
  near(a.discountLoss, 50e-6, 'discount loss, USD million');
  near(a.transportCostChange, 10e-6, 'transport');
});

// A new cheaper route takes the flow. A sells 10 to I on r1 (cost 10), which closes; two new routes open: r2
// (cost 8, capacity 5) and r3 (cost 3, capacity 20). Costs decide: all 10 go on r3. Objective: λ·10 + 3 × 10 = 50 + 30 = 80 (λ = 5).
test('costs decide between routes: the cheaper new route takes the flow', async () => {
  const highs = await loadSolver();
  const sol = solveFlows(highs, networkFromSpec({
    exporters: [{ id: 'A', supply: 10 }],
    importers: [{ id: 'I', demand: 10 }],
    routes: [{ id: 'r1', cost: 10, open: false }, { id: 'r2', cost: 8, capacity: 5 }, { id: 'r3', cost: 3, capacity: 20 }],
    arcs: [{ exporter: 'A', importer: 'I', route: 'r1', baseline: 10 }, { exporter: 'A', importer: 'I', route: 'r2' }, { exporter: 'A', importer: 'I', route: 'r3' }],
    market: { price: 100, curve: { supplySlope: 1, demandSlope: 1 } },
    costs: { stickiness: 5, unserved: 1e6 },
  }));
  near(sol.objective, 80, 'λ·10 + 3 × 10');
  near(sol.routeFlow[2], 10, 'r3 carries all 10');
  near(sol.routeFlow[1], 0, 'r2 carries nothing');
});

// LNG capped by regasification (test/fixtures/lp-gas plus two terminal groups). Pipeline gas to the EU, bcm/yr:
// NOR 40, RUS 25 (ukraine_transit 15 + turkstream 10, of which Italy 5), DZA 28 (transmed 20 to Italy, medgaz 8).
// LNG imports 55 (EU27's figure, Italy's 5 inside it). Terminals: south 66 + north 44 = 110 bcm/yr, so 50% used and
// 33 + 22 = 55 free. LNG costs 40 − 35 = 5 USD/MWh more than pipeline gas.
//   Ban RUS (25 lost): Norway's headroom 45 − 40 = 5 (norpipe, cost 1 < 5) and Algeria's 34 − 28 = 6 on the shared header
//   go first; LNG takes the other 25 − 5 − 6 = 14; nothing unserved.
//   Ban RUS and NOR and close transmed and medgaz (93 lost): LNG at its cap 55, the other 38 from stocks (10) and unserved.
test('LNG replaces lost pipeline gas up to the free regasification capacity of each terminal group; the rest goes unserved', async () => {
  const dir = scratchCopy('lp-gas');
  editFile(dir, 'assets.csv', (t) => `${t.trimEnd()}\nregas_south,South terminals,terminal,lng,66,bcm/yr,2024,,hand,,\nregas_north,North terminals,terminal,lng,44,bcm/yr,2024,,hand,,\n`);
  const model = loadDataset(dir);
  const run = (changes: string): Promise<ScenarioResult> => runScenarioText(model, `name: gas\ncommodity: pipeline_gas\nyear: 2024\nchanges:\n${changes}`, 'gas.yaml');
  const lng = (r: ScenarioResult) => r.routes.filter((x) => x.route.startsWith('lng:')).reduce((s, x) => s + x.flowScenario, 0);
  const eu = (r: ScenarioResult) => r.importers.find((i) => i.importer === 'EU27')!;

  const russia = await run('  - type: ban_exports\n    exporter: RUS\n');
  near(lng(russia), 14, 'LNG after pipeline headroom: 25 − 5 − 6');
  near(eu(russia).unserved, 0, 'nothing unserved');
  near(russia.assets.find((a) => a.asset === 'regas_south')!.capacity, 33, 'free capacity south: 66 × 50%');
  assert.ok(russia.assumptions.some((a) => a.includes('110 bcm/yr of regasification capacity less 55 bcm/yr')), 'the free capacity is explained');

  const most = await run('  - type: ban_exports\n    exporter: RUS\n  - type: ban_exports\n    exporter: NOR\n  - type: close_route\n    route: transmed\n  - type: close_route\n    route: medgaz\n');
  near(lng(most), 55, 'LNG at the free capacity 33 + 22');
  near(eu(most).unserved + eu(most).stockDraw, 38, 'the rest: 93 − 55 from stocks or unserved');
  assert.ok(most.assets.filter((a) => a.asset.startsWith('regas_')).every((a) => a.binding), 'both terminal groups bind');
  assert.equal(most.market.priceChange, null, 'no price change for pipeline gas');
});

// The default dataset's crude market, 2023: price 602.2 USD/t; world demand 101.7 mb/d = 101.7 × 365 / 7.3 = 5,085 Mt/yr;
// buyers outside the network: 5,085 − (471.5 + 563.99 + OTHER's 24.26 …) Mt/yr, reported in the settings.
// Supply slope 0.11 × 5085 / 602.2 = 0.9289 Mt/yr per USD/t; demand slope 0.13 × others / 602.2.
// The price change is the net shortage divided by the sum of the slopes (spare capacity is far from binding).
test('default dataset: the CPC shut raises the crude price by the net shortage over the slopes, within the range of the elasticities', async () => {
  const model = loadDataset();
  const r = await runScenarioText(model, 'name: cpc\ncommodity: crude_oil\nyear: 2023\nchanges:\n  - type: close_route\n    route: cpc\n', 'cpc.yaml');
  const others = r.settings.find((s) => s.name === 'world_demand')!.note.match(/outside the network: ([\d.]+)/)![1];
  const slope = (0.11 * (101.7 * 365 / 7.3) + 0.13 * Number(others)) / 602.2;
  const net = r.importers.filter((i) => !i.bloc).reduce((s, i) => s + i.worldMarket - i.worldMarketBaseline, 0) - r.market.absorbed!;
  assert.ok(net > 0, 'the CPC shut leaves a net shortage');
  near(r.market.priceChange, net / slope, 'price change = net shortage / (supply + demand slope)', 1e-4);
  assert.ok(r.market.priceChangeLow! < r.market.priceChange! && r.market.priceChange! < r.market.priceChangeHigh!, 'range around the central estimate');
  near(r.market.priceChangeHigh, net / ((0.015 * (101.7 * 365 / 7.3) + 0.023 * Number(others)) / 602.2), 'high end: least elastic', 1e-4);
  assert.equal(r.market.priceUnit, 'USD/t');
  const kaz = r.exporters.find((e) => e.exporter === 'KAZ')!;
  assert.ok(kaz.volumeChange < 0 && kaz.revenueChange! < 0, 'Kazakhstan loses volume and revenue');
  assert.ok(!r.settings.some((s) => s.name === 'world_market_premium'), 'no premium in a two-sided market');
  // The JSON contract: exactly these fields.
  assert.deepEqual(Object.keys(r.market).sort(), ['absorbed', 'priceChange', 'priceChangeHigh', 'priceChangeLow', 'priceUnit', 'spareUsed']);
  assert.deepEqual(Object.keys(kaz).sort(), ['discountLoss', 'exporter', 'revenueChange', 'transportCostChange', 'volumeChange']);
  // Revenue = volume change × price + price change × volume after − discount − transport (KAZ has no discount).
  const after = r.actors.find((a) => a.country === 'KAZ' && a.role === 'exporter')!.volumeScenario;
  near(kaz.revenueChange, (kaz.volumeChange * 602.2 + r.market.priceChange! * after) - kaz.discountLoss - kaz.transportCostChange, 'KAZ revenue split', 1e-4);
});
