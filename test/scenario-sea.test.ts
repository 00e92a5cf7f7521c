// Sea lanes, chokepoints and whole demand (flow-lp 2.0.0): small networks worked out by hand, bad lane and
// chokepoint files, and properties: no change reproduces the baseline, removing capacity never lowers the cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadDataset, readDataset } from '../src/data/read.ts';
import { loadSolver } from '../src/solve/highs.ts';
import { importerMetrics } from '../src/metrics/index.ts';
import { runScenarioText, type ScenarioResult } from '../src/scenario/index.ts';
import { copyFixture } from './helpers.ts';

const close = (actual: number | null | undefined, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

const CHOKEPOINTS = [
  'id,name,kind,country,commodity,capacity,unit,year,source,estimated,note',
  'turkish_straits,Turkish Straits,strait,TUR,,,,2023,hand,,',
  'suez,Suez Canal,canal,EGY,,,,2023,hand,,',
].join('\n') + '\n';
const LANES = [
  'id,from,to,commodity,chokepoints,cost,cost_unit,transit_days,alternative,year,source,estimated,note',
  'nov_any,novorossiysk,,crude_oil,turkish_straits,,,,,2024,hand,,',
  'nov_ita_suez,novorossiysk,ITA,crude_oil,turkish_straits;suez,2,USD/t,,nov_ita_cape,2024,hand,,',
  'nov_ita_cape,novorossiysk,ITA,crude_oil,turkish_straits,6,USD/t,15,,2024,hand,,',
].join('\n') + '\n';

/**
 * tiny (KAZ→FRA cpc 6, KAZ→ITA cpc 14, KAZ→FRA aktau_btc 1; USA→FRA 5, OTHER→FRA 8; cpc 60 Mt/yr at 5 USD/t,
 * aktau_btc 5 Mt/yr at 15 USD/t) with Black Sea lanes: every Novorossiysk cargo passes the Turkish Straits, to Italy
 * also Suez (2 USD/t), or round the Cape (6 USD/t). Ceyhan has no lane.
 */
function seaDataset(): string {
  const dir = copyFixture('tiny');
  appendFileSync(join(dir, 'countries.csv'), 'EGY,Egypt,country,North Africa\n');
  writeFileSync(join(dir, 'chokepoints.csv'), CHOKEPOINTS);
  writeFileSync(join(dir, 'sea_lanes.csv'), LANES);
  return dir;
}

const seaModel = loadDataset(seaDataset());
const run = async (model: typeof seaModel, changes: string): Promise<ScenarioResult> =>
  runScenarioText(model, `name: t\ncommodity: crude_oil\nyear: 2024\nchanges:${changes || ' []'}\n`);

test('sea lanes: arc costs add the lane freight, and the baseline is reproduced', async () => {
  // Arc costs: cpc→FRA 5 (lane without cost), cpc→ITA via Suez 5 + 2 = 7, via the Cape 5 + 6 = 11, aktau_btc 15.
  // No price: premium = 2 × (largest route cost, a port-ending route with its dearest lane: max(5 + 6, 15 + 6)) = 42.
  // Baseline objective Σ c·b = 6·5 + 14·7 + 1·15 = 30 + 98 + 15 = 143.
  const r = await run(seaModel, '');
  close(r.solver.baselineObjective, 143, 'baseline objective');
  close(r.solver.objective, 143, 'no change: the same objective');
  close(r.worldMarket.premium, 42, 'premium');
  for (const f of r.routes) close(f.flowScenario, f.flowBaseline, `route ${f.route}`);
});

test('closing Suez moves the Italian cargoes round the Cape at its cost', async () => {
  // The Suez arc of KAZ→ITA (14 Mt) closes; the Cape arc (11 USD/t) is cheaper than aktau_btc (15, 4 Mt spare) and
  // the world market (42): all 14 Mt go round the Cape. λ = 2R = 84 per unit below the baseline of the Suez arc.
  // Objective = 6·5 + 14·11 + 1·15 + 84·14 = 30 + 154 + 15 + 1176 = 1375.
  const r = await run(seaModel, '\n  - type: close_chokepoint\n    chokepoint: suez');
  close(r.solver.objective, 1375, 'objective');
  close(r.routes.find((x) => x.route === 'cpc')!.flowScenario, 20, 'cpc still carries 20 Mt');
  close(r.worldMarket.scenario, 0, 'no world market');
  assert.match(r.changes[0].summary, /nov_ita_suez → nov_ita_cape/);
});

test('closing the Turkish Straits stops every Novorossiysk cargo: no lane avoids them', async () => {
  // cpc's 20 Mt stop; aktau_btc takes 4 more (15 USD/t) up to 5; 16 Mt come from the world market at 42.
  // Objective = 5·15 + 84·20 + 42·16 = 75 + 1680 + 672 = 2427; TUR carried 21 Mt before (cpc 20 and BTC 1), 5 after.
  const r = await run(seaModel, '\n  - type: close_chokepoint\n    chokepoint: turkish_straits');
  close(r.solver.objective, 2427, 'objective');
  const tur = r.actors.find((a) => a.country === 'TUR' && a.role === 'transit')!;
  close(tur.volumeChange, 5 - 21, 'Türkiye carries 16 Mt less');
});

test('a new cheaper route takes the flow: costs, not row order, decide', async () => {
  // With Suez closed, a new KAZ→ITA pipeline (10 Mt/yr at 3 USD/t, added last) takes 10 Mt before the Cape (11):
  // objective = 1375 − 10·(11 − 3) = 1295.
  const r = await run(seaModel, '\n  - type: close_chokepoint\n    chokepoint: suez\n  - type: add_route\n    id: new_pipe\n    exporter: KAZ\n    importers: [ITA]\n    legs:\n      - {country: KAZ}\n      - {country: ITA}\n    capacity: 10\n    unit: Mt/yr\n    cost: 3\n    cost_unit: USD/t');
  close(r.solver.objective, 1295, 'objective');
  close(r.routes.find((x) => x.route === 'new_pipe')!.flowScenario, 10, 'the new route is full');
});

test('transit exposure counts the coastal state of a lane chokepoint', () => {
  // ITA 2024: KAZ 14 on cpc (RUS on the route, the lane passes the Turkish Straits and Suez): RUS, TUR, EGY 100%.
  const m = importerMetrics(seaModel, { importer: 'ITA', commodity: 'crude_oil', year: 2024 });
  for (const c of ['RUS', 'TUR', 'EGY']) close(m.transitExposure.find((t) => t.country === c)?.share, 1, c);
});

test('whole demand: a buyer\'s unrecorded imports come from the world market\'s pool, which others may take', async () => {
  // Without lanes. ITA imports 30 Mt (demand.csv) but only 14 are recorded: 16 come from the pool at no premium.
  // Embargo KAZ→FRA: FRA loses 7 Mt (λ = 2R = 60 each: 420). KAZ sends the 7 to ITA on cpc (5 USD/t), ITA buys 7 less
  // from the pool and FRA takes them: objective = 21·5 + 420 = 525. Without the demand row FRA pays the premium
  // (30) for 7 Mt instead: 14·5 + 420 + 7·30 = 700.
  const withDemand = copyFixture('tiny');
  writeFileSync(join(withDemand, 'demand.csv'), 'year,commodity,country,kind,volume,unit,source,estimated,note\n2024,crude_oil,ITA,imports,30,Mt/yr,hand,,\n');
  const embargo = '\n  - type: embargo\n    exporter: KAZ\n    importer: FRA';
  const whole = await run(loadDataset(withDemand), embargo);
  close(whole.solver.baselineObjective, 115, 'baseline: 6·5 + 14·5 + 1·15, the pool at no cost');
  close(whole.solver.objective, 525, 'objective with the pool');
  close(whole.worldMarket.scenario, 0, 'nothing bought at the premium');
  close(whole.importers.find((i) => i.importer === 'FRA')!.worldMarket, 7, 'FRA buys 7 Mt more on the world market');
  close(whole.importers.find((i) => i.importer === 'ITA')!.worldMarket, -7, 'ITA buys 7 Mt less there');
  const recorded = await run(loadDataset(copyFixture('tiny')), embargo);
  close(recorded.solver.objective, 700, 'objective with recorded flows only');
});

test('bad chokepoint and sea-lane rows are reported with file, line and column', () => {
  const dir = seaDataset();
  writeFileSync(join(dir, 'sea_lanes.csv'), LANES
    .replace('nov_any,novorossiysk,', 'nov_any,tengiz,')
    .replace('2,USD/t,,nov_ita_cape', '2,,,nov_ita_cape')
    .replace('6,USD/t,15,,', '6,USD/t,15,nov_ita_cape,'));
  appendFileSync(join(dir, 'chokepoints.csv'), 'bosporus,Bosporus,strait,TUR,crude_oil,3,bcm/yr,2023,hand,,\nhormuz,Hormuz,straits,OMN,,,,2023,hand,,\nmalacca,Malacca,strait,XYZ,,,,2023,hand,,\n');
  const { problems } = readDataset(dir);
  const errors = problems.errors.map((p) => `${p.file}:${p.row}:${p.column}`);
  for (const where of ['sea_lanes.csv:2:from', 'sea_lanes.csv:3:cost_unit', 'sea_lanes.csv:4:alternative', 'chokepoints.csv:4:unit', 'chokepoints.csv:5:kind', 'chokepoints.csv:6:country']) {
    assert.ok(errors.includes(where), `${where} in ${errors.join(', ')}`);
  }
});

test('property: no change reproduces the baseline; removing capacity never lowers the total cost', async () => {
  const highs = await loadSolver();
  const objective = async (changes: string) => (await runScenarioText(seaModel, `name: p\ncommodity: crude_oil\nyear: 2024\nchanges:${changes || ' []'}\n`, 'p.yaml', { highs })).solver;
  await fc.assert(fc.asyncProperty(
    fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('', 'suez', 'turkish_straits'),
    async (a, b, chokepoint) => {
      const [small, large] = a <= b ? [a, b] : [b, a];
      const shut = chokepoint ? `\n  - type: close_chokepoint\n    chokepoint: ${chokepoint}` : '';
      const cut = (f: number) => `${shut}\n  - type: cut_capacity\n    route: cpc\n    fraction: ${f}`;
      const none = await objective('');
      close(none.objective, none.baselineObjective, 'no change');
      const less = await objective(cut(small));
      const more = await objective(cut(large));
      assert.ok(less.objective >= none.objective - 1e-6 * none.objective, `cut ${small} ≥ no change`);
      assert.ok(more.objective >= less.objective - 1e-6 * Math.max(1, less.objective), `cut ${large} (${more.objective}) ≥ cut ${small} (${less.objective})`);
    },
  ), { numRuns: 25 });
});

test('N-1 counts chokepoints: losing Suez costs the Cape detour, losing the Turkish Straits what losing the CPC costs', async () => {
  // Baseline 143 (see above). chokepoint:suez: 1375 − 143 = 1232. chokepoint:turkish_straits: 2427 − 143 = 2284, the
  // same as route:cpc (every cpc arc passes the straits). TUR and EGY are transit states through the lanes.
  const { runN1 } = await import('../src/risk/index.ts');
  const r = runN1(await loadSolver(), seaModel, { commodity: 'crude_oil', year: 2024 });
  const cost = (id: string) => r.elements.find((e) => e.element === id)?.costChange;
  close(cost('chokepoint:suez'), 1232, 'chokepoint:suez');
  close(cost('chokepoint:turkish_straits'), 2284, 'chokepoint:turkish_straits');
  close(cost('route:cpc'), 2284, 'route:cpc');
  assert.ok(cost('transit:EGY') !== undefined && cost('transit:TUR') !== undefined, 'coastal states are transit elements');
});
