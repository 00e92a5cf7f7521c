// The scenario engine on a dataset it was not built around: pipeline gas to the EU from Norway, Russia (via
// Ukraine, and via TurkStream through Türkiye to Bulgaria) and Algeria (via Tunisia to Italy, direct to Spain,
// and via Morocco to Spain, closed), with the EU27 and Italy both importing, stocks, a shared export header,
// and LNG as a fungible commodity (test/fixtures/lp-gas). Every change type is run at least once and every
// optimum below is worked out by hand.
//
// The figures (all round, not real data):
//   flows 2024, bcm/yr   NOR → EU27 norpipe 40 · RUS → EU27 ukraine_transit 15, turkstream 10 ·
//                        DZA → EU27 transmed 20, medgaz 8 · DZA → ITA transmed 20 · RUS → ITA ukraine_transit 5
//   EU27's figures include Italy's: the network splits EU27 into ITA (DZA 20, RUS 5 = 25) and EU27-rest
//   (NOR 40, RUS 10 + 10, DZA 8 = 68); 25 + 68 = 93 = EU27's total, Italy counted once.
//   capacities, bcm/yr   norpipe 45, ukraine_transit 40, turkstream 16, transmed 30, medgaz 10, gme 12 (closed);
//                        shared asset dza_header 34 (transmed + medgaz; baseline load 20 + 8 + ... = 28)
//   export capacity      NOR 45, DZA 40 (parameters.csv), RUS its baseline 25
//   costs, USD/MWh       norpipe 1, ukraine_transit 2, turkstream 3, transmed 1.5, medgaz 1, gme 2
//   stocks               EU27 10, of which ITA 4 → EU27-rest 6
//   price                pipeline gas 35 USD/MWh, LNG 40 USD/MWh; 10 TWh per bcm
// Pipeline gas is not fungible: no world market. R = largest route cost = 3 USD/MWh, so stickiness λ = 2R = 6,
// stock draw = 10R = 30 and unserved = 1000R = 3000 USD/MWh.
// Money: 1 bcm = 10 TWh = 1e7 MWh, so (USD/MWh) × bcm × 1e7 = USD, and USD million = 10 × (USD/MWh × bcm).
// Baseline objective = Σ cost × flow = 1·40 + 2·15 + 3·10 + 1.5·20 + 1·8 = 40 + 30 + 30 + 30 + 8 = 138 → USD 1380 million.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { runScenarioText, type ScenarioResult } from '../src/scenario/index.ts';
import { FIXTURES, runCli } from './helpers.ts';

const DATASET = join(FIXTURES, 'lp-gas');
const model = loadDataset(DATASET);

async function run(changes: string, commodity = 'pipeline_gas'): Promise<ScenarioResult> {
  const text = `name: gas test\ncommodity: ${commodity}\nyear: 2024\nchanges:${changes.trim() ? `\n${changes}` : ' []\n'}`;
  return runScenarioText(model, text, 'gas.yaml');
}

const near = (actual: number | null | undefined, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);
const importer = (r: ScenarioResult, id: string) => r.importers.find((i) => i.importer === id)!;
const actor = (r: ScenarioResult, country: string, role: string) => r.actors.find((a) => a.country === country && a.role === role)!;
const route = (r: ScenarioResult, id: string) => r.routes.find((x) => x.route === id)!;
const binds = (r: ScenarioResult, id: string) => r.whatBinds.find((b) => b.id === id);

test('baseline: EU27 and Italy both import, Italy is counted once, and the baseline cost is Σ cost × flow', async () => {
  const r = await run('');
  assert.equal(r.unit, 'bcm/yr');
  assert.equal(r.priceUnit, 'USD/MWh', "the dataset's price unit");
  near(r.solver.objective, 1380, 'objective (USD million)');
  near(r.solver.baselineObjective, 1380, 'baseline objective');
  const eu = importer(r, 'EU27');
  assert.deepEqual(eu.parts, ['ITA', 'EU27-rest']);
  near(eu.demand, 93, 'EU27 = 25 + 68');
  near(importer(r, 'ITA').demand, 25, 'ITA');
  near(importer(r, 'EU27-rest').demand, 68, 'EU27-rest');
  const exported = r.actors.filter((a) => a.role === 'exporter').reduce((s, a) => s + a.volumeBaseline, 0);
  near(exported, 93, 'exports NOR 40 + RUS 25 + DZA 28 = 93, not 93 + 25');
  // Slovakia is an EU member: a transit state only for Italy's gas (5), not for the rest of the EU's.
  near(actor(r, 'SVK', 'transit').volumeBaseline, 5, 'SVK carries ITA\'s 5');
  near(actor(r, 'UKR', 'transit').volumeBaseline, 15, 'UKR carries 15');
  for (const i of r.importers) near(i.unserved, 0, `${i.importer} unserved`);
  assert.deepEqual(r.whatBinds.filter((b) => b.shadowPrice > 0), [], 'nothing is worth more at the margin with no shock');
});

test('lose_transit UKR: rerouting through TurkStream, Norway and Algeria until the Algerian header binds', async () => {
  // 15 bcm stop (ITA 5, EU27-rest 10); stickiness λ·15 = 6·15 = 90.
  // ITA can only turn to transmed (1.5, via the header) or its stock (30): transmed y.
  // EU27-rest: norpipe +5 (1, NOR's 45 binds), medgaz x (1, header, ≤ 2), turkstream (3, RUS has 15 spare, ≤ 6).
  // Header room 34 − 28 = 6: a unit to ITA saves 30 − 1.5 = 28.5, a unit to medgaz saves 3 − 1 = 2 → y = 5, x = 1.
  // Rest: norpipe 5 + medgaz 1 + turkstream 4 = 10.
  // Objective: kept flows 1·40 + 3·10 + 1.5·20 + 1·8 = 108; λ 90; extra 5·1 + 1·1 + 4·3 + 5·1.5 = 25.5
  //            → 223.5 → USD 2235 million.
  // One more unit of header lets medgaz replace turkstream: 3 − 1 = 2 USD/MWh (USD 20 million a year).
  const r = await run('  - type: lose_transit\n    country: UKR\n');
  near(r.solver.objective, 2235, 'objective');
  const header = binds(r, 'dza_header')!;
  assert.equal(header.kind, 'asset');
  near(header.shadowPrice, 2, 'header shadow price (USD/MWh)');
  near(header.valuePerYear, 20e6, 'USD 20 million a year per bcm/yr');
  assert.match(header.text, /^shared asset dza_header \(34 bcm\/yr\) binds: one more bcm\/yr is worth 2\.00 USD\/MWh \(USD 20 million a year\)/);
  near(actor(r, 'UKR', 'transit').volumeScenario, 0, 'nothing crosses Ukraine');
  near(actor(r, 'SVK', 'transit').volumeChange, -5, 'nor Slovakia as Italy\'s transit');
  near(actor(r, 'TUN', 'transit').volumeChange, 5, 'Tunisia carries 5 more');
  near(actor(r, 'TUR', 'transit').volumeChange, 4, 'Türkiye carries 4 more');
  near(actor(r, 'RUS', 'exporter').volumeChange, -11, 'Russia: −15 + 4 through TurkStream');
  // Valued at 35 USD/MWh = USD 350 million per bcm: −11 × 350 = −3850.
  near(actor(r, 'RUS', 'exporter').valueChange, -3850, 'Russia loses USD 3850 million');
  for (const i of r.importers) near(i.unserved, 0, `${i.importer} unserved`);
});

test('embargo RUS → EU27 (bloc covers Italy): stocks are drawn before demand goes unserved; ban_exports gives the same', async () => {
  // 25 bcm stop: ITA 5, EU27-rest 20; λ·25 = 150.
  // Rest: norpipe +5 (1), medgaz +2 (1, its capacity), stock 6 (30), then unserved (3000) 20 − 13 = 7.
  // ITA: transmed y (header), its stock (30). Header room 6: medgaz's 2 first (they save 3000 − 1 each), y = 4,
  // ITA draws 1 of its 4 from stock.
  // Objective: kept 1·40 + 1.5·20 + 1·8 = 78; λ 150; extra 5 + 2 + 4·1.5 = 13; stocks (6 + 1)·30 = 210;
  //            unserved 7·3000 = 21000 → 21451 → USD 214510 million.
  // One more unit of header would let ITA skip a unit of stock: 30 − 1.5 = 28.5 USD/MWh.
  for (const change of ['  - type: embargo\n    exporter: RUS\n    importer: EU27\n', '  - type: ban_exports\n    exporter: RUS\n']) {
    const r = await run(change);
    near(r.solver.objective, 214510, `${change.trim().split('\n')[0]}: objective`);
    const eu = importer(r, 'EU27');
    near(eu.stockDraw, 7, 'EU27 stock drawn (ITA 1 + rest 6)');
    near(importer(r, 'EU27-rest').stockDraw, 6, 'EU27-rest draws all its stock …');
    near(importer(r, 'EU27-rest').unserved, 7, '… before 7 go unserved');
    near(importer(r, 'ITA').unserved, 0, 'ITA is served');
    near(eu.servedScenario, 86, 'EU27 served 93 − 7');
    near(eu.servedScenario + eu.unserved, eu.demand, 'served + unserved = demand');
    near(binds(r, 'dza_header')!.shadowPrice, 28.5, 'header shadow price');
    assert.equal(binds(r, 'dza_header')!.alternative, 'stocks');
  }
});

test('sign_agreement DZA → ITA: the deal is visible from both sides, Algeria gains what Russia loses', async () => {
  // Italy commits to 4 bcm/yr more from Algeria on transmed, giving up Russian gas first (its stickiness halved: 3).
  // Per unit: transmed 1.5 + stickiness 3 − ukraine_transit 2 saved = 2.5; × 4 = 10 → 148 → USD 1480 million.
  // Values at USD 350 million per bcm: DZA +4 → +1400, RUS −4 → −1400.
  const r = await run('  - type: sign_agreement\n    exporter: DZA\n    importer: ITA\n    volume: 4\n    unit: bcm/yr\n    route: transmed\n    displaces: [RUS]\n');
  near(r.solver.objective, 1480, 'objective');
  near(actor(r, 'DZA', 'exporter').volumeChange, 4, 'DZA +4');
  near(actor(r, 'DZA', 'exporter').valueChange, 1400, 'DZA +USD 1400 million');
  near(actor(r, 'RUS', 'exporter').volumeChange, -4, 'RUS −4');
  near(actor(r, 'RUS', 'exporter').valueChange, -1400, 'RUS −USD 1400 million');
  near(actor(r, 'ITA', 'importer').volumeChange, 0, 'Italy receives the same total');
  near(actor(r, 'TUN', 'transit').volumeChange, 4, 'Tunisia carries the new volume');
  assert.match(r.changes[0].summary, /ITA commits to take 24 bcm\/yr from DZA \(baseline 20\), giving up RUS first/);
});

test('add_route with legs: Galsi (Algeria → Sardinia, no Tunisia) when Tunisia is lost as a transit state', async () => {
  // Transmed stops (ITA −20; λ·20 = 120). Galsi: legs DZA → ITA, 8 bcm/yr at 2 USD/MWh: not through Tunisia.
  // ITA's other sources: its stock 4 (30), and Russian gas via Ukraine (room on the route, but RUS exports all
  // its 25): diverting a unit from EU27-rest's turkstream costs 2 − 3 + λ 6 = 5 plus the rest's replacement:
  // norpipe 5 and medgaz 2 at 1 (→ 6 per unit), then the rest's stock at 30 (→ 35 per unit).
  // ITA needs 20: galsi 8 (2), diverted 7 (6), its stock 4 (30), 1 more diverted with the rest's stock (35).
  // Objective: kept 1·40 + 2·5 + 2·10 + 3·2 + 1·8 = 84; λ (20 + 8)·6 = 168; extra 5·1 + 2·1 + 8·2 + 8·2 = 39;
  //            stocks (4 + 1)·30 = 150 → 441 → USD 4410 million.
  // One more bcm/yr of Galsi replaces the last, dearest unit (35): worth 35 − 2 = 33 USD/MWh.
  const r = await run([
    '  - type: lose_transit', '    country: TUN',
    '  - type: add_route', '    id: galsi', '    name: Galsi via Sardinia', '    exporter: DZA', '    importers: [ITA]',
    '    legs:', '      - {country: DZA, from: hassi_rmel}', '      - {country: ITA}',
    '    capacity: 8', '    unit: bcm/yr', '    cost: 2', '    cost_unit: USD/MWh', '',
  ].join('\n'));
  near(r.solver.objective, 4410, 'objective');
  const galsi = route(r, 'galsi');
  assert.equal(galsi.status, 'added');
  near(galsi.flowScenario, 8, 'Galsi full');
  assert.equal(galsi.binding, true);
  near(galsi.shadowPrice, 33, 'Galsi shadow price (USD/MWh)');
  near(route(r, 'transmed').flowScenario, 0, 'transmed crosses Tunisia: stopped');
  near(importer(r, 'EU27').stockDraw, 5, 'stocks: ITA 4 + rest 1');
  near(importer(r, 'EU27').unserved, 0, 'no demand unserved');
  assert.match(r.changes[1].summary, /route galsi added from DZA through DZA → ITA: capacity 8 bcm\/yr, cost 2 USD\/MWh, serving ITA/);
});

test('close_node, close_route, cut_capacity: TurkStream\'s landfall, Medgaz, and Ukraine at a quarter', async () => {
  // close_node strandzha closes turkstream (rest −10, λ·10 = 60): norpipe +5 (1), medgaz +2 (1), RUS via Ukraine
  // +3 (2). Objective 138 − 30 + 60 + 5 + 2 + 6 = 181 → USD 1810 million.
  near((await run('  - type: close_node\n    node: strandzha\n')).solver.objective, 1810, 'close_node');
  // close_route medgaz (rest −8, λ·8 = 48): norpipe +5 (1); then a swap beats the rest's stock (30): Italy takes
  // 3 more from Algeria on transmed (1.5) and gives up 3 of Russia's via Ukraine (λ 6 − 2 = 4), which go to the
  // rest via Ukraine (2): 7.5 per unit. Objective 138 − 8 + 48 + 5 + 3·7.5 = 205.5 → USD 2055 million.
  // norpipe (with NOR's 45) binds at 7.5 − 1 = 6.5 USD/MWh.
  const medgaz = await run('  - type: close_route\n    route: medgaz\n');
  near(medgaz.solver.objective, 2055, 'close_route');
  near(binds(medgaz, 'norpipe')!.shadowPrice, 6.5, 'norpipe shadow price');
  // cut_capacity ukraine_transit by 75%: 40 → 10, 5 of its 15 must go. Cutting the rest's (λ 6 − 2 + norpipe 1 = 5)
  // beats cutting Italy's (6 − 2 + transmed 1.5 = 5.5): 138 + 5·5 = 163 → USD 1630 million; one more unit: 5 USD/MWh.
  const cut = await run('  - type: cut_capacity\n    route: ukraine_transit\n    fraction: 0.75\n');
  near(cut.solver.objective, 1630, 'cut_capacity');
  near(route(cut, 'ukraine_transit').capacity, 10, 'capacity 40 → 10');
  near(binds(cut, 'ukraine_transit')!.shadowPrice, 5, 'ukraine_transit shadow price');
});

test('cap_exports (volume or fraction) and change_demand (a member, and a bloc in proportion)', async () => {
  // Russia capped at 20 (−5): cut turkstream (λ 6 − 3 = 3) and replace with norpipe (1): 4 per unit → 138 + 20 = 158.
  for (const cap of ['    volume: 20\n    unit: bcm/yr\n', '    fraction: 0.2\n']) {
    const r = await run(`  - type: cap_exports\n    exporter: RUS\n${cap}`);
    near(r.solver.objective, 1580, `cap_exports ${cap.trim()}`);
    near(binds(r, 'RUS')!.shadowPrice, 4, "one more bcm/yr of Russian exports saves 4 USD/MWh");
  }
  // Italy +20%: 25 → 30, the 5 on transmed (1.5): 138 + 7.5 = 145.5 → USD 1455 million.
  const ita = await run('  - type: change_demand\n    importer: ITA\n    change: 0.2\n');
  near(ita.solver.objective, 1455, 'ITA +20%');
  near(importer(ita, 'ITA').demand, 30, 'ITA demand');
  // EU27 −10%: ITA 25 → 22.5 (cut Russian gas via Ukraine: λ 6 − 2 = 4 per unit), EU27-rest 68 → 61.2 (cut
  // turkstream: 6 − 3 = 3 per unit): 138 + 2.5·4 + 6.8·3 = 168.4 → USD 1684 million.
  const eu = await run('  - type: change_demand\n    importer: EU27\n    change: -0.1\n');
  near(eu.solver.objective, 1684, 'EU27 −10%');
  near(importer(eu, 'EU27').demand, 83.7, 'EU27 demand 93 × 0.9');
  near(importer(eu, 'ITA').demand, 22.5, 'ITA in proportion');
});

test('raise_capacity and open_route: more header, or the Maghreb–Europe pipeline reopened, when Ukraine is lost', async () => {
  // Header +4 (34 → 38, room 10): ITA y = 5 and medgaz x = 2 (its capacity), turkstream 3:
  // extra 5·1 + 2·1 + 3·3 + 5·1.5 = 23.5; 108 + 90 + 23.5 = 221.5 → USD 2215 million. The header no longer binds.
  const raised = await run('  - type: lose_transit\n    country: UKR\n  - type: raise_capacity\n    asset: dza_header\n    by: 4\n    unit: bcm/yr\n');
  near(raised.solver.objective, 2215, 'raise_capacity');
  assert.equal(raised.assets.find((a) => a.asset === 'dza_header')!.binding, false);
  // GME (closed in the dataset, not on the header, 2 USD/MWh) reopened: the header still goes to ITA (5) and
  // medgaz (1); GME (2) replaces turkstream (3) for the other 4: 2235 − 4·1·10 = USD 2195 million.
  const gme = await run('  - type: lose_transit\n    country: UKR\n  - type: open_route\n    route: gme\n');
  near(gme.solver.objective, 2195, 'open_route');
  near(route(gme, 'gme').flowScenario, 4, 'GME carries 4');
  assert.equal(route(gme, 'gme').status, 'open');
  near(actor(gme, 'MAR', 'transit').volumeChange, 4, 'Morocco carries 4');
});

test('LNG is fungible: an embargo is met on the world market; set_parameter changes the premium or limits it', async () => {
  // LNG: QAT → EU27 10 (incl. ITA 5) at 1.5, USA → EU27 30 at 2.5, RUS → EU27 15 at 1: baseline 15 + 75 + 15 = 105
  // → USD 1050 million. Premium default = max(10% of 40, 2 × 2.5) = 5 USD/MWh; R = 5, λ = 10, unserved 5000.
  const base = await run('', 'lng');
  near(base.solver.objective, 1050, 'LNG baseline');
  near(base.worldMarket.premium, 5, 'premium in USD/MWh');
  // Embargo RUS → EU27: 15 from the world market: 105 − 15 + λ·15 + 5·15 = 90 + 150 + 75 = 315 → USD 3150 million.
  const embargo = await run('  - type: embargo\n    exporter: RUS\n    importer: EU27\n', 'lng');
  near(embargo.solver.objective, 3150, 'embargo');
  near(embargo.worldMarket.scenario, 15, 'world market 15');
  near(importer(embargo, 'EU27').unserved, 0, 'nothing unserved');
  // Premium set to 8 USD/MWh (both solves): R = 8, λ = 16: 90 + 16·15 + 8·15 = 450 → USD 4500 million.
  const premium = await run('  - type: set_parameter\n    name: world_market_premium\n    value: 8\n    unit: USD/MWh\n  - type: embargo\n    exporter: RUS\n    importer: EU27\n', 'lng');
  near(premium.solver.baselineObjective, 1050, 'baseline unchanged');
  near(premium.solver.objective, 4500, 'premium 8');
  // Spare capacity 10 bcm/yr: 5 unserved: 90 + 150 + 5·10 + 5·5000 = 25290 → USD 252900 million; one more bcm/yr
  // of spare capacity saves 5000 − 5 = 4995 USD/MWh.
  const spare = await run('  - type: set_parameter\n    name: world_market_spare\n    value: 10\n    unit: bcm/yr\n  - type: embargo\n    exporter: RUS\n    importer: EU27\n', 'lng');
  near(spare.solver.objective, 252900, 'spare 10');
  near(importer(spare, 'EU27').unserved, 5, 'EU27 unserved');
  const world = binds(spare, 'world')!;
  near(world.shadowPrice, 4995, 'world spare shadow price');
  assert.equal(world.alternative, 'unserved');
});

test('shocks hold for the whole scenario: a later route, reopening or deal does not get around them', async () => {
  // A route added through Ukraine after Ukraine is lost carries nothing: the result equals the loss alone (2235).
  const through = await run([
    '  - type: lose_transit', '    country: UKR',
    '  - type: add_route', '    id: ukraine_bis', '    exporter: RUS', '    legs:', '      - {country: RUS}', '      - {country: UKR}', '      - {country: SVK}',
    '    capacity: 20', '    unit: bcm/yr', '',
  ].join('\n'));
  near(through.solver.objective, 2235, 'lose UKR + route through UKR');
  near(route(through, 'ukraine_bis').flowScenario, 0, 'the new route crosses the lost state');
  // Closing medgaz and then raising its capacity keeps it closed (2055, as closing it alone).
  const reopened = await run('  - type: close_route\n    route: medgaz\n  - type: raise_capacity\n    route: medgaz\n    capacity: 20\n    unit: bcm/yr\n');
  near(reopened.solver.objective, 2055, 'closed, then raised');
  assert.equal(route(reopened, 'medgaz').status, 'closed');
  assert.match(reopened.changes[1].summary, /stays closed/);
  // A deal with a banned exporter adds no supply: the ban alone (214510).
  const deal = await run('  - type: ban_exports\n    exporter: RUS\n  - type: sign_agreement\n    exporter: RUS\n    importer: ITA\n    volume: 5\n    unit: bcm/yr\n    commit: false\n');
  near(deal.solver.objective, 214510, 'ban, then a deal');
  assert.match(deal.changes[1].summary, /banned by an earlier change/);
});

test('corridor scenario run --json on the gas dataset through the CLI', async () => {
  const { code, stdout, stderr } = await runCli('scenario', 'run', join(FIXTURES, 'scenarios', 'gas-ukraine-transit-lost.yaml'), '--json');
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout) as ScenarioResult;
  near(r.solver.objective, 2235, 'objective');
  assert.equal(r.priceUnit, 'USD/MWh');
  const text = await runCli('scenario', 'run', join(FIXTURES, 'scenarios', 'gas-ukraine-transit-lost.yaml'));
  assert.match(text.stdout, /Shadow price \(USD\/MWh\)/);
  assert.match(text.stdout, /What binds:\n  shared asset dza_header \(34 bcm\/yr\) binds: one more bcm\/yr is worth 2\.00 USD\/MWh \(USD 20 million a year\)/);
});
