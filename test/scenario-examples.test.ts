// Every example in examples/ runs on the default dataset, and its result says what the example is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { parseScenario, runScenario, type ScenarioResult } from '../src/scenario/index.ts';

const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
// examples/risk-*.yaml are risk specs (docs/methods/risk.md), not scenarios.
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml') && !f.startsWith('risk-')).sort();
const model = loadDataset();
const results = new Map<string, ScenarioResult>();

async function run(file: string): Promise<ScenarioResult> {
  const cached = results.get(file);
  if (cached) return cached;
  const path = join(EXAMPLES, file);
  const scenario = parseScenario(readFileSync(path, 'utf8'), `examples/${file}`);
  const result = await runScenario(model, scenario);
  results.set(file, result);
  return result;
}

const near = (a: number | null, b: number, what: string) => assert.ok(a !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: expected ${b}, found ${a}`);
const route = (r: ScenarioResult, id: string) => r.routes.find((x) => x.route === id)!;

test('there are examples to run', () => {
  assert.ok(files.length >= 6, `examples: ${files.join(', ')}`);
});

for (const file of files) {
  test(`examples/${file} runs on the default dataset`, async () => {
    const r = await run(file);
    assert.equal(r.solver.status, 'optimal');
    assert.equal(r.dataset, model.info.hash);
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    assert.equal(r.changes.length, (text.match(/^ {2}- type:/gm) ?? []).length, 'every change applied');
    for (const i of r.importers) assert.ok(i.servedScenario <= i.demand + 1e-6 && i.unserved >= -1e-9, i.importer);
  });
}

test('cpc-shut: CPC carries nothing, crude (fungible) goes unserved nowhere, the Aktau berths bind', async () => {
  const r = await run('cpc-shut.yaml');
  near(route(r, 'cpc').flowScenario, 0, 'cpc');
  for (const i of r.importers) near(i.unserved, 0, `${i.importer} unserved`);
  const berths = r.assets.find((a) => a.asset === 'aktau_oil_berths')!;
  assert.equal(berths.binding, true);
  assert.ok(berths.shadowPrice > 0, 'one more Mt/yr through Aktau is worth something');
  const kaz = r.actors.find((a) => a.country === 'KAZ' && a.role === 'exporter')!;
  assert.ok(kaz.volumeChange < 0 && kaz.valueChange! < 0, 'Kazakhstan loses exports and revenue');
});

test('russia-transit-lost: nothing crosses Russia any more', async () => {
  const r = await run('russia-transit-lost.yaml');
  near(r.actors.find((a) => a.country === 'RUS' && a.role === 'transit')!.volumeScenario, 0, 'carried through RUS');
});

test('aktau-btc-expanded: the targets let more through Aktau than with the CPC shut alone', async () => {
  const shut = await run('cpc-shut.yaml');
  const expanded = await run('aktau-btc-expanded.yaml');
  const berths = (r: ScenarioResult) => r.assets.find((a) => a.asset === 'aktau_oil_berths')!.flowScenario;
  // 12.5 Mt/yr of berths instead of 7.5: 5 Mt/yr more Kazakh oil leaves through Aktau, and the EU needs 5 less from
  // the world market and its stocks together (with the price rising less, it may draw less stock).
  near(berths(expanded) - berths(shut), 5, 'extra through Aktau');
  const fromWorldAndStocks = (r: ScenarioResult) => r.worldMarket.scenario + r.stocks.reduce((sum, x) => sum + x.drawn, 0);
  near(fromWorldAndStocks(shut) - fromWorldAndStocks(expanded), 5, 'less from the world market and stocks');
  assert.ok(route(expanded, 'aktau_btc').flowScenario <= 7 + 1e-9, 'aktau_btc within its 7 Mt/yr');
});

test('eu-embargo-russian-crude: France loses all Russian crude, the rest of the EU the seaborne 68%', async () => {
  const r = await run('eu-embargo-russian-crude.yaml');
  const flow = (importer: string) => r.flows.find((f) => f.exporter === 'RUS' && f.importer === importer)!;
  near(flow('FRA').flowScenario, 0, 'RUS → FRA');
  near(flow('EU27-rest').flowScenario, flow('EU27-rest').flowBaseline * 0.32, 'RUS → EU27-rest keeps 32%');
  assert.ok(r.observed && r.observed.year === 2023);
  assert.ok(r.observed.flows.some((f) => f.exporter === 'RUS' && f.importer === 'EU27'), 'observed 2023 RUS → EU27 beside the model');
});

test('france-kazakhstan-uranium: the deal shows on both sides (KAZ +714 tU, RUS −714 tU)', async () => {
  const r = await run('france-kazakhstan-uranium.yaml');
  near(r.actors.find((a) => a.country === 'KAZ' && a.role === 'exporter')!.volumeChange, 714, 'KAZ');
  near(r.actors.find((a) => a.country === 'RUS' && a.role === 'exporter')!.volumeChange, -714, 'RUS');
  near(r.actors.find((a) => a.country === 'EU27' && a.role === 'importer')!.volumeChange, 0, 'EU27 receives the same');
});

test('france-kazakhstan-uranium: the uranium chain, stage by stage (figures worked out by hand)', async () => {
  const r = await run('france-kazakhstan-uranium.yaml');
  const chain = r.stages.find((c) => c.commodity === 'uranium')!;
  assert.equal(chain.demandStage, 'enrichment');
  // Wanted: EU 6,968 + US 9,415 + rest of the world 17,181 = 33,564 tSWU, i.e. 33,564 × 1.794 = 60,213.8 tU of UF6.
  // Conversion (2017 nameplate): RUS 18,000 + FRA 15,000 + CAN 12,500 + USA 7,000 + CHN 5,000 = 57,500 tU
  // = 57,500 / 1.794 = 32,051.282 tSWU: 33,564 − 32,051.282 = 1,512.718 tSWU short, before and after.
  near(chain.objectiveBaseline, 33564 - 57500 / 1.794, 'shortfall before');
  near(chain.objective, 33564 - 57500 / 1.794, 'shortfall after');
  // Losing Russia costs the EU and the US nothing more: the rest of the world needs 17,181 × 1.794 = 30,823 tU of
  // conversion, more than Russia's 18,000, and 17,181 tSWU of enrichment, less than Russia's 26,875 (43% of the 2023
  // world's 62,500); outside Russia 62,500 + 2,500 − 26,875 = 38,125 tSWU of enrichment remain for the EU's and US's 16,383.
  const stage = (id: string) => chain.stages.find((s) => s.stage === id)!;
  assert.equal(stage('conversion').binding, true, 'conversion binds');
  assert.equal(stage('enrichment').binding, false, 'enrichment does not');
  assert.equal(stage('mining').binding, false, 'mining does not');
  assert.equal(chain.bottleneck, 'conversion');
  near(stage('enrichment').capacity!, 62500 + 2500, 'enrichment with the Georges Besse II extension');
  near(stage('mining').capacity!, 60213 + 714 + 686, 'mining with KATCO back to 4,000 tU');
  // Shared in proportion to demand: every buyer gets 32,051.282 / 33,564 of its demand.
  const eu = chain.buyers.find((b) => b.importer === 'EU27')!;
  near(eu.servedScenario, 6968 * (57500 / 1.794) / 33564, 'EU served');
  // At worst the EU gets what the US and the rest of the world leave: 32,051.282 − 9,415 − 17,181.
  near(eu.servedMin, 57500 / 1.794 - 9415 - 17181, 'EU at least');
  near(eu.servedMax, 6968, 'EU at most');
  // KATCO's 714 tU reach the EU through Azerbaijan and Georgia but add no enriched uranium: conversion binds.
  const katco = chain.agreements.find((a) => a.agreement === 'katco_jv')!;
  near(katco.used, 714, 'KATCO taken');
  near(katco.adds, 0, 'KATCO adds');
  assert.deepEqual(chain.transit.map((t) => [t.country, t.volume]), [['AZE', 714], ['GEO', 714]]);
  assert.ok(chain.findings.some((f) => f.startsWith('KAZ holds mining') && f.includes('cannot replace anyone at conversion, enrichment')), chain.findings.join('\n'));
});

test('rail examples: the sea takes the Northern volume; rail-bound freight fills the Middle Corridor', async () => {
  const sea = await run('rail-northern-closed.yaml');
  near(sea.importers[0].unserved, 0, 'with the sea route nothing goes unserved');
  assert.ok(sea.importers[0].transitDaysScenario! > sea.importers[0].transitDaysBaseline!, 'slower');
  const rail = await run('rail-northern-closed-rail-only.yaml');
  const mc = route(rail, 'middle_corridor');
  assert.equal(mc.binding, true);
  near(mc.flowScenario, 100000, 'Middle Corridor at capacity');
  near(rail.importers[0].unserved, rail.importers[0].demand - 100000, 'the rest has no rail route');
  near(rail.importers[0].transitDaysScenario, 52.5, 'all on the Middle Corridor');
  const target = await run('middle-corridor-expanded.yaml');
  near(route(target, 'middle_corridor').flowScenario, 166667, 'Middle Corridor at its target');
});
