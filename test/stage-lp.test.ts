// The stage LP (src/solve/stage-lp.ts) on hand-worked networks: material passes every stage, the bottleneck
// moves as capacities change, losing a country at a stage limits the final product even with plenty of raw
// material, an agreement opens supply at a named stage; and a property on random networks: cutting a
// stage capacity never raises the final product delivered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seededRandom } from '../src/model/random.ts';
import { loadSolver } from '../src/solve/highs.ts';
import { servedRange, solveStageNetwork } from '../src/solve/stage-lp.ts';
import type { StageNetwork, StageNode } from '../src/solve/stage-network.ts';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { checkScenario, parseScenario, readScenario, runScenario } from '../src/scenario/index.ts';

const highs = await loadSolver();
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: expected ${b}, found ${a}`);

const node = (country: string, capacity: number): StageNode => ({ country, capacity, operators: [] });

/**
 * Mining (tU) → conversion (tU, 1 tU per tU) → enrichment (tSWU, 2 tU of UF6 per tSWU); one buyer, EU, wanting
 * 60 tSWU. What each stage can deliver, in tSWU of final product:
 *   mining      KAZ 60 + CAN 40 = 100 tU   → 100 / (1 × 2) = 50 tSWU
 *   conversion  FRA 50 + RUS 30 =  80 tU   →  80 / 2        = 40 tSWU
 *   enrichment  RUS 30 + FRA 15 =  45 tSWU →                  45 tSWU
 * The least is conversion, 40: 60 − 40 = 20 tSWU unserved (the objective).
 */
function threeStages(caps: { kaz?: number; can?: number; fraConv?: number; rusConv?: number; rusEnr?: number; fraEnr?: number } = {}): StageNetwork {
  return {
    commodity: 'uranium', year: 2024,
    stages: [
      { stage: 'mining', name: 'Mining', unit: 'tU', inputPerUnit: 1, dataYear: 2024, kind: 'production', nodes: [node('KAZ', caps.kaz ?? 60), node('CAN', caps.can ?? 40)] },
      { stage: 'conversion', name: 'Conversion', unit: 'tU', inputPerUnit: 1, dataYear: 2024, kind: 'capacity', nodes: [node('FRA', caps.fraConv ?? 50), node('RUS', caps.rusConv ?? 30)] },
      { stage: 'enrichment', name: 'Enrichment', unit: 'tSWU', inputPerUnit: 2, dataYear: 2024, kind: 'capacity', nodes: [node('RUS', caps.rusEnr ?? 30), node('FRA', caps.fraEnr ?? 15)] },
    ],
    buyers: [{ importer: 'EU27', demand: 60 }],
    closures: [],
    assumptions: [],
  };
}

test('three stages: conversion binds first (40 of 60 tSWU delivered, 20 unserved)', () => {
  const sol = solveStageNetwork(highs, threeStages());
  near(sol.objective, 20, 'unserved tSWU');
  near(sol.served[0], 40, 'served tSWU');
  // 40 tSWU take 80 tU of UF6 and 80 tU of concentrate: both conversion plants full, mining 20 tU short of full.
  near(sol.nodeOutput[1].reduce((a, v) => a + v, 0), 80, 'conversion output');
  near(sol.nodeOutput[0].reduce((a, v) => a + v, 0), 80, 'mining output');
  // One more tU of conversion delivers half a tSWU; mining and enrichment are not worth anything at the margin.
  near(sol.nodeShadow[1][0], 0.5, 'conversion FRA shadow');
  near(sol.nodeShadow[0][0], 0, 'mining KAZ shadow');
  near(sol.nodeShadow[2][0], 0, 'enrichment RUS shadow');
});

test('the bottleneck moves: more conversion → enrichment binds (45); less mining → mining binds (35)', () => {
  // Conversion FRA 50 → 90: conversion 120 tU = 60 tSWU; the least is now enrichment, 45: 15 unserved.
  const more = solveStageNetwork(highs, threeStages({ fraConv: 90 }));
  near(more.objective, 15, 'unserved with more conversion');
  near(more.nodeShadow[2][1], 1, 'one more tSWU of enrichment delivers one tSWU');
  near(more.nodeShadow[1][0], 0, 'conversion no longer binds');
  // Then KAZ mining halved, 60 → 30: mining 70 tU = 35 tSWU, the least: 25 unserved.
  const less = solveStageNetwork(highs, threeStages({ fraConv: 90, kaz: 30 }));
  near(less.objective, 25, 'unserved with less mining');
  near(less.nodeShadow[0][0], 0.5, 'one more tU mined delivers half a tSWU');
  near(less.nodeShadow[2][1], 0, 'enrichment no longer binds');
});

test('losing Russian enrichment limits the final product although uranium is plentiful', () => {
  // With conversion 90 + 30 and mining raised to KAZ 200 (mining 240 tU = 120 tSWU), only FRA's 15 tSWU of
  // enrichment is left to the EU: 60 − 15 = 45 unserved. Raw material does not help.
  const net = threeStages({ fraConv: 90, kaz: 200 });
  net.closures.push({ stage: 'enrichment', country: 'RUS', importer: 'EU27' });
  near(solveStageNetwork(highs, net).objective, 45, 'unserved without Russian enrichment');
  // An agreement opening 10 tSWU of enrichment in FRA for the EU: 15 + 10 = 25 delivered, 35 unserved.
  net.stages[2].nodes.push({ ...node('FRA', 10), onlyFor: 'EU27', agreement: { id: 'expansion', via: [] } });
  const opened = solveStageNetwork(highs, net);
  near(opened.objective, 35, 'unserved with the agreement');
  near(opened.output[2][2][0], 10, 'the agreed 10 tSWU are taken');
  // An agreement for uranium alone (mining) changes nothing: the enrichment still binds.
  const mined = threeStages({ fraConv: 90, kaz: 200 });
  mined.closures.push({ stage: 'enrichment', country: 'RUS', importer: 'EU27' });
  mined.stages[0].nodes.push({ ...node('KAZ', 50), onlyFor: 'EU27', agreement: { id: 'katco', via: [] } });
  near(solveStageNetwork(highs, mined).objective, 45, 'more uranium does not replace enrichment');
});

test('two buyers share the capacities: the loss falls on the one that loses access', () => {
  // Conversion 120 tU (60 tSWU), mining 100 tU (50 tSWU), enrichment 45 tSWU: 45 can be delivered in all.
  // EU 60 + OTHER 20 = 80 wanted: 35 unserved. Who is short is not decided: EU gets 25 (OTHER takes its 20) to 45.
  const shared = threeStages({ fraConv: 90 });
  shared.buyers.push({ importer: 'OTHER', demand: 20 });
  const sol = solveStageNetwork(highs, shared);
  near(sol.objective, 35, 'unserved, both buyers');
  const range = servedRange(highs, shared, sol.objective);
  near(range[0].min, 25, 'EU at least'); near(range[0].max, 45, 'EU at most');
  near(range[1].min, 0, 'OTHER at least'); near(range[1].max, 20, 'OTHER at most');
  // Reported: the shortage shared in proportion to demand, 45 / 80 = 56.25% each: EU 33.75, OTHER 11.25.
  near(sol.served[0], 33.75, 'EU share'); near(sol.served[1], 11.25, 'OTHER share');
  // Russian enrichment lost for the EU only: the EU can get FRA's 15, OTHER its 20 from RUS: 35 served, 45 unserved.
  shared.closures.push({ stage: 'enrichment', country: 'RUS', importer: 'EU27' });
  const lost = solveStageNetwork(highs, shared);
  near(lost.objective, 45, 'unserved with RUS closed to the EU');
  const after = servedRange(highs, shared, lost.objective);
  near(after[0].min, 15, 'EU at least'); near(after[0].max, 15, 'EU at most');
  near(lost.served[0], 15, 'EU served'); near(lost.served[1], 20, 'OTHER served');
});

test('a stage without capacity figures does not limit the chain', () => {
  const net = threeStages();
  net.stages[1].nodes = [];
  // Mining 50 tSWU, enrichment 45: 15 unserved.
  const sol = solveStageNetwork(highs, net);
  near(sol.objective, 15, 'unserved');
  near(sol.freeOutput[1], 90, 'conversion output (45 tSWU × 2 tU)');
});

test('property: cutting a stage capacity never raises the final product delivered', () => {
  const caps = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 3 });
  fc.assert(fc.property(
    fc.tuple(caps, caps, caps), fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    fc.integer({ min: 1, max: 150 }), fc.nat(2), fc.nat(2), fc.double({ min: 0, max: 1, noNaN: true }),
    (stageCaps, ratios, demand, cutStage, cutNode, fraction) => {
      const make = (cut: boolean): StageNetwork => ({
        commodity: 'x', year: 2024,
        stages: stageCaps.map((c, s) => ({
          stage: `s${s}`, name: `s${s}`, unit: 't', inputPerUnit: s === 0 ? 1 : ratios[s - 1], dataYear: 2024, kind: 'capacity' as const,
          nodes: c.map((v, n) => node(`C${n}`, cut && s === cutStage && n === cutNode % c.length ? v * (1 - fraction) : v)),
        })),
        buyers: [{ importer: 'A', demand }, { importer: 'B', demand: Math.ceil(demand / 2) }],
        closures: [{ stage: 's2', country: 'C0', importer: 'A' }],
        assumptions: [],
      });
      const before = solveStageNetwork(highs, make(false));
      const after = solveStageNetwork(highs, make(true));
      const delivered = (s: typeof before) => s.served.reduce((a, v) => a + v, 0);
      assert.ok(delivered(after) <= delivered(before) + 1e-6, `delivered ${delivered(before)} → ${delivered(after)}`);
    },
  ), { numRuns: 100 });
});

// Scenario files with stage changes: each bad one is refused with file:line and what was expected.
const model = loadDataset();

function problems(changes: string, commodity = 'uranium', year = 2022): string[] {
  const text = `name: stages\ncommodity: ${commodity}\nyear: ${year}\nchanges:\n${changes}`;
  try {
    const { scenario, problems: found } = readScenario(text, 'bad.yaml');
    if (!scenario) return found.map((p) => `bad.yaml:${p.line}: ${p.message}`);
    checkScenario(model, scenario, found);
    return [];
  } catch (e) {
    assert.ok(e instanceof CorridorError, String(e));
    assert.equal(e.code, 'CORRIDOR_ERR_SCENARIO_INVALID');
    return e.details.length ? e.details : [e.message];
  }
}

const DEMAND = '  - type: stage_demand\n    importer: EU27\n    stage: enrichment\n    volume: 6968\n    unit: tSWU\n';

test('bad stage changes are refused with the line and what was expected', () => {
  // A stage change without a buyer on the chain (line 5: the change).
  assert.deepEqual(problems('  - type: lose_stage_supplier\n    stage: enrichment\n    country: RUS\n    importer: EU27\n'),
    ['bad.yaml:5: lose_stage_supplier: uranium has no buyer on its value chain; add a stage_demand for uranium (who wants how much, at which stage)']);
  // An unknown stage, named with the chain's stages (line 11: `stage:` of the second change).
  assert.deepEqual(problems(`${DEMAND}  - type: cut_stage_capacity\n    stage: milling\n    country: CAN\n    fraction: 0.5\n`),
    ['bad.yaml:11: cut_stage_capacity: stage: unknown stage "milling" of uranium (its stages: mining, conversion, enrichment, fuel_fabrication)']);
  // A volume in another unit than the stage's.
  assert.deepEqual(problems('  - type: stage_demand\n    importer: EU27\n    stage: enrichment\n    volume: 6968\n    unit: tU\n'),
    ['bad.yaml:9: stage_demand: unit: expected the unit of stage "enrichment" of uranium (tSWU), found "tU"']);
  // A stage after the one the demand is counted at.
  assert.deepEqual(problems(`${DEMAND}  - type: raise_stage_capacity\n    stage: fuel_fabrication\n    country: FRA\n    by: 100\n    unit: tHM\n`),
    ['bad.yaml:11: raise_stage_capacity: stage "fuel_fabrication" comes after "enrichment", where the demand for uranium is counted; it is not modelled']);
  // A commodity without a value chain.
  const crude = problems('  - type: stage_demand\n    importer: EU27\n    volume: 1\n    unit: t\n', 'crude_oil', 2024);
  assert.equal(crude.length, 1);
  assert.match(crude[0], /^bad\.yaml:5: stage_demand: crude_oil has no value chain in stages\.csv \(commodities with one: .*uranium/);
  // A loss for an importer that is not a buyer, an agreement for one that is neither a buyer nor a member of one.
  assert.deepEqual(problems(`${DEMAND}  - type: lose_stage_supplier\n    stage: enrichment\n    country: RUS\n    importer: USA\n`),
    ['bad.yaml:13: lose_stage_supplier: importer: "USA" is not a buyer of uranium nor a bloc of buyers (buyers: EU27)']);
  assert.deepEqual(problems(`${DEMAND}  - type: stage_agreement\n    stage: mining\n    exporter: KAZ\n    importer: CHN\n    volume: 714\n    unit: tU\n`),
    ['bad.yaml:13: stage_agreement: importer: "CHN" is not a buyer of uranium nor a member of one (buyers: EU27)']);
  // Cutting a capacity the country does not have at that stage (Kazakhstan has no conversion plant).
  const cut = problems(`${DEMAND}  - type: cut_stage_capacity\n    stage: conversion\n    country: KAZ\n    fraction: 0.5\n`);
  assert.equal(cut.length, 1);
  assert.match(cut[0], /^bad\.yaml:12: cut_stage_capacity: KAZ has no conversion capacity for uranium up to 2022 \(countries with one: .*CAN/);
  // Two buyers counted at different stages; the same buyer twice.
  assert.deepEqual(problems(`${DEMAND}  - type: stage_demand\n    importer: USA\n    stage: conversion\n    volume: 1\n    unit: tU\n${DEMAND}`), [
    'bad.yaml:12: stage_demand: every buyer of uranium meets at one stage: expected "enrichment" (line 5), found "conversion"',
    'bad.yaml:16: stage_demand: EU27 already has a demand for uranium; give one per buyer',
  ]);
  // Structure: both `capacity` and `by`, and a demand without its unit.
  assert.deepEqual(problems(`${DEMAND}  - type: raise_stage_capacity\n    stage: enrichment\n    country: FRA\n    capacity: 9500\n    by: 2500\n    unit: tSWU\n`),
    ['bad.yaml:14: raise_stage_capacity: expected exactly one of capacity, by, found capacity and by']);
  assert.deepEqual(problems('  - type: stage_demand\n    importer: EU27\n    volume: 6968\n'), [
    'bad.yaml:5: stage_demand: missing required field "unit"',
    'bad.yaml:7: stage_demand: volume needs a unit (add "unit:", e.g. the commodity\'s base unit)',
  ]);
});

test('a scenario with stage changes runs and reports its chain; a good file passes the checks', async () => {
  const text = `name: stages\ncommodity: uranium\nyear: 2022\nchanges:\n${DEMAND}  - type: lose_stage_supplier\n    stage: enrichment\n    country: RUS\n    importer: EU27\n`;
  const r = await runScenario(model, parseScenario(text, 'good.yaml'));
  const chain = r.stages[0];
  // Stage figures up to 2022: no mining rows (2023 and 2024 only), so mining does not limit; conversion 57,500 tU
  // = 32,051 tSWU and enrichment without Russia 57,095 − 26,600 = 30,495 tSWU both exceed the EU's 6,968 tSWU.
  assert.equal(chain.stages[0].limited, false);
  near(chain.objective, 0, 'nothing unserved');
  near(chain.buyers[0].servedScenario, 6968, 'EU served');
  assert.deepEqual(chain.stages[2].holders.find((h) => h.country === 'RUS')!.closedTo, ['EU27']);
  assert.equal(r.changes.length, 2);
});

test('a capacity the dataset lacks is set by the scenario; a loss for a bloc covers its member buyers', async () => {
  // Titanium sponge has no stage figures: the scenario sets aerospace-approved sponge capacity, JPN 55,000 + KAZ
  // 19,000 + SAU 15,600 = 89,600 t Ti, for buyers wanting FRA 9,000 + OTHER 80,000 = 89,000: all served. Kazakh
  // sponge lost to the EU (a bloc FRA belongs to): FRA can use 70,600, OTHER everything, 89,600 ≥ 89,000: all served.
  // Then UKTMP down (cut 100%): 70,600 for 89,000, 18,400 t unserved.
  const set = (country: string, capacity: number) => `  - type: set_stage_capacity\n    stage: sponge\n    country: ${country}\n    capacity: ${capacity}\n    unit: t Ti\n`;
  const demand = (importer: string, volume: number) => `  - type: stage_demand\n    importer: ${importer}\n    stage: sponge\n    volume: ${volume}\n    unit: t Ti\n`;
  const base = `${demand('FRA', 9000)}${demand('OTHER', 80000)}${set('JPN', 55000)}${set('KAZ', 19000)}${set('SAU', 15600)}`;
  const run = async (extra: string) => {
    const commodity = 'titanium_sponge';
    const text = `name: sponge\ncommodity: uranium\nyear: 2022\nchanges:\n${(base + extra).replaceAll('  - type: ', `  - commodity: ${commodity}\n    type: `)}`;
    return (await runScenario(model, parseScenario(text, 'sponge.yaml'))).stages[0];
  };
  const lost = await run('  - type: lose_stage_supplier\n    stage: sponge\n    country: KAZ\n    importer: EU27\n');
  assert.equal(lost.stages[0].limited, false, 'feedstock has no figures');
  near(lost.objective, 0, 'all served without Kazakh sponge for the EU');
  assert.deepEqual(lost.stages[1].holders.find((h) => h.country === 'KAZ')!.closedTo, ['FRA']);
  const down = await run('  - type: cut_stage_capacity\n    stage: sponge\n    country: KAZ\n    fraction: 1\n');
  near(down.objectiveBaseline, 0, 'baseline');
  near(down.objective, 89000 - 70600, 'UKTMP down');
  // Shared in proportion: 70,600 / 89,000 of each buyer's demand.
  near(down.buyers[0].servedScenario, 9000 * 70600 / 89000, 'FRA share');
});

test('losing a supplier that holds nothing at the stage is refused; one given capacity by an earlier change is not', () => {
  const lose = '  - type: lose_stage_supplier\n    stage: conversion\n    country: KAZ\n    importer: EU27\n';
  const refused = problems(`${DEMAND}${lose}`);
  assert.equal(refused.length, 1);
  assert.match(refused[0], /^bad\.yaml:12: lose_stage_supplier: KAZ has no conversion capacity for uranium up to 2022/);
  const raise = '  - type: raise_stage_capacity\n    stage: conversion\n    country: KAZ\n    capacity: 1000\n    unit: tU\n';
  assert.deepEqual(problems(`${DEMAND}${raise}${lose}`), []);
});

// Against an independent peer: the same random networks written with explicit arcs between the countries of
// consecutive stages (test/fixtures/stage-lp-scipy/independent_stage_lp.py) and solved by scipy's linprog.
const PYTHON = '/usr/bin/python3';
const scipy = spawnSync(PYTHON, ['-c', 'import scipy.optimize'], { encoding: 'utf8' });
const noScipy = scipy.status === 0 ? false : `scipy is not available to ${PYTHON} (install python3-scipy)`;

function randomNetwork(seed: number): StageNetwork {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const countries = ['KAZ', 'CAN', 'RUS', 'FRA', 'CHN'];
  const buyers = ['EU27', 'USA', 'OTHER'].slice(0, int(1, 3));
  const stages = Array.from({ length: int(2, 4) }, (_, s) => {
    const nodes: StageNode[] = countries.filter(() => rnd() < 0.6).map((c) => node(c, Math.round(rnd() * 100)));
    if (rnd() < 0.3) nodes.push({ ...node('KAZ', Math.round(rnd() * 30)), onlyFor: buyers[0], agreement: { id: `a${s}`, via: [] } });
    if (rnd() < 0.15) nodes.length = 0; // a stage without figures
    return { stage: `s${s}`, name: `s${s}`, unit: 't', inputPerUnit: s === 0 ? 1 : Math.round((0.5 + rnd() * 2) * 100) / 100, dataYear: 2024, kind: 'capacity' as const, nodes };
  });
  const closures = stages.flatMap((st) => st.nodes.filter(() => rnd() < 0.2).map((n) => ({ stage: st.stage, country: n.country, importer: buyers[int(0, buyers.length - 1)] })));
  return { commodity: 'x', year: 2024, stages, buyers: buyers.map((importer) => ({ importer, demand: Math.round(10 + rnd() * 90) })), closures, assumptions: [] };
}

test('shortfalls agree with an independent formulation (explicit arcs) solved by scipy', { skip: noScipy }, () => {
  const nets = Array.from({ length: 40 }, (_, k) => randomNetwork(500 + k));
  const peerInput = nets.map((net) => ({
    stages: net.stages.map((st) => ({ ratio: st.inputPerUnit, limited: st.nodes.some((n) => n.onlyFor === undefined), nodes: st.nodes.map((n) => ({ country: n.country, capacity: n.capacity, onlyFor: n.onlyFor ?? null })) })),
    buyers: net.buyers,
    closures: net.closures.map((c) => [net.stages.findIndex((st) => st.stage === c.stage), c.country, c.importer]),
  }));
  const peer = spawnSync(PYTHON, [join(import.meta.dirname, 'fixtures', 'stage-lp-scipy', 'independent_stage_lp.py')], { input: JSON.stringify(peerInput), encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(peer.status, 0, peer.stderr);
  const expected = JSON.parse(peer.stdout) as number[];
  assert.ok(expected.filter((v) => v > 1).length >= 10, `networks with a shortfall: ${expected.filter((v) => v > 1).length}`);
  nets.forEach((net, k) => near(solveStageNetwork(highs, net).objective, expected[k], `network ${k}`));
});
