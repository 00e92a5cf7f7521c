// Scenarios: results worked out by hand on small datasets, the JSON contract, and bad scenario files
// (file:line messages, exit code 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { checkScenario, parseScenario, runScenarioText, type ScenarioResult } from '../src/scenario/index.ts';
import { FIXTURES, runCli, scratchDir } from './helpers.ts';

const SCENARIOS = join(FIXTURES, 'scenarios');
const close = (actual: number | null, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

async function runJson(file: string): Promise<ScenarioResult> {
  const { code, stdout, stderr } = await runCli('scenario', 'run', join(SCENARIOS, file), '--json');
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as ScenarioResult;
}

test('CPC shut on the tiny dataset: importers, routes, actors and the JSON field names', async () => {
  // tiny (no price; route costs 5 and 15 USD/t): premium 30 USD/t, λ 60 USD/t. CPC carried 20 Mt; aktau_btc
  // takes 4 more (15 USD/t) up to 5; 16 Mt come from the world market.
  // Objective 5·15 + 60·20 + 30·16 = 75 + 1200 + 480 = 1755 USD/t × Mt = USD 1755 million.
  // aktau_btc binds; one more Mt/yr on it is worth 30 − 15 = 15 USD/t (USD 15 million a year).
  const r = await runJson('tiny-cpc-shut.yaml');
  assert.deepEqual(r.method, { name: 'flow-lp', version: '2.1.0' });
  assert.equal(r.priceUnit, 'USD/t', 'no price in tiny: USD per tonne for crude in Mt');
  assert.match(r.dataset, /^[0-9a-f]{16}$/);
  for (const key of ['importer', 'demand', 'servedBaseline', 'servedScenario', 'unserved']) assert.ok(key in r.importers[0], `importers[].${key}`);
  for (const key of ['route', 'flowBaseline', 'flowScenario', 'capacity', 'binding', 'shadowPrice']) assert.ok(key in r.routes[0], `routes[].${key}`);
  for (const key of ['country', 'role', 'volumeChange', 'valueChange']) assert.ok(key in r.actors[0], `actors[].${key}`);
  for (const key of ['status', 'objective', 'seconds']) assert.ok(key in r.solver, `solver.${key}`);
  assert.equal(r.solver.status, 'optimal');
  close(r.solver.objective, 1755, 'objective');
  close(r.solver.baselineObjective, 115, 'baseline objective: 6·5 + 14·5 + 1·15 = 115 USD/t × Mt');
  const btc = r.routes.find((x) => x.route === 'aktau_btc')!;
  assert.equal(btc.binding, true);
  close(btc.flowScenario, 5, 'aktau_btc flow');
  close(btc.shadowPrice, 15, 'aktau_btc shadow price (USD/t)');
  const cpc = r.routes.find((x) => x.route === 'cpc')!;
  assert.equal(cpc.status, 'closed');
  close(cpc.flowBaseline, 20, 'cpc baseline flow');
  const kaz = r.actors.find((a) => a.country === 'KAZ' && a.role === 'exporter')!;
  close(kaz.volumeChange, -16, 'KAZ exports 21 → 5');
  assert.equal(kaz.valueChange, null, 'no price in the tiny dataset');
  const rus = r.actors.find((a) => a.country === 'RUS' && a.role === 'transit')!;
  close(rus.volumeChange, -20, 'RUS carries 20 less');
  const geo = r.actors.find((a) => a.country === 'GEO' && a.role === 'transit')!;
  close(geo.volumeChange, 4, 'GEO carries 4 more');
  for (const i of r.importers) close(i.unserved, 0, `${i.importer} unserved (a fungible commodity)`);
  // Transit days, flow-weighted: FRA before (6·10 + 1·12) / 7 = 10.2857; after only aktau_btc (12 days) has days.
  const fra = r.importers.find((i) => i.importer === 'FRA')!;
  close(fra.transitDaysBaseline, 72 / 7, 'FRA days before');
  close(fra.transitDaysScenario, 12, 'FRA days after');
  assert.ok(r.metrics.some((m) => m.importer === 'FRA'), 'dependence metrics before and after');
});

test('bloc and member: the pipe shut is reported for EU27 as the sum of FRA and EU27-rest, valued at the price', async () => {
  // lp-bloc: price 500 USD/t = 5e8 USD per Mt; premium 10% = 5e7; λ = 2·5e7 = 1e8.
  // The pipe carried KAZ 10 (FRA 4, EU27-rest 6) at 1e7 per Mt. Shut: λ·10 + 10·5e7 = 1e9 + 5e8 = 1.5e9 USD = 1500 USD million.
  // KAZ loses 10 Mt × 500 USD/t = 5000 USD million; importers still receive everything (world market).
  const r = await runJson('bloc-pipe-shut.yaml');
  close(r.solver.baselineObjective, 100, 'baseline: 10 Mt × 10 USD/t = 100 USD million');
  close(r.solver.objective, 1500, 'objective');
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  assert.deepEqual(eu.parts, ['FRA', 'EU27-rest']);
  close(eu.demand, 60, 'EU27 demand (France counted once)');
  close(eu.worldMarket, 10, 'EU27 world market');
  close(r.importers.find((i) => i.importer === 'FRA')!.worldMarket, 4, 'FRA world market');
  const kaz = r.actors.find((a) => a.country === 'KAZ')!;
  close(kaz.valueChange, -5000, 'KAZ value');
  close(r.actors.find((a) => a.country === 'EU27' && a.role === 'importer')!.volumeChange, 0, 'EU27 receives the same');
});

test('an agreement is visible from both sides: the supplier gains what the displaced supplier loses', async () => {
  // France commits to 2 Mt/yr more from KAZ (direct route, cost 0) and gives up NOR first (stickiness halved: 5e7).
  // Objective: pipe 10·1e7 + 2·5e7 = 1e8 + 1e8 = 2e8 USD = 200 USD million. KAZ +2 Mt (+1000), NOR −2 Mt (−1000).
  const r = await runJson('bloc-agreement.yaml');
  close(r.solver.objective, 200, 'objective');
  close(r.actors.find((a) => a.country === 'KAZ')!.valueChange, 1000, 'KAZ gains');
  close(r.actors.find((a) => a.country === 'NOR')!.valueChange, -1000, 'NOR loses');
  close(r.actors.find((a) => a.country === 'FRA' && a.role === 'importer')!.volumeChange, 0, 'France receives the same total');
  assert.match(r.changes[0].summary, /FRA commits to take 6 Mt\/yr from KAZ \(baseline 4\)/);
});

test('always feasible: a limited world market, then stocks, then unserved demand', async () => {
  // World spare 3 Mt/yr; stocks: EU27 6, split FRA 1.2 / rest 4.8 (by demand 12/48). Pipe shut: 10 Mt missing.
  // 3 from the world (3·5e7), 6 from stocks (6·5e8, stock cost 10·R), 1 unserved (1000·R = 5e10), stickiness 1e9.
  // Objective = 1.5e8 + 3e9 + 5e10 + 1e9 = 5.415e10 USD = 54150 USD million.
  const r = await runJson('bloc-spare-limited.yaml');
  close(r.solver.objective, 54150, 'objective');
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  close(eu.stockDraw, 6, 'stocks drawn');
  close(eu.unserved, 1, 'unserved');
  close(eu.servedScenario, 59, 'served');
  assert.equal(r.changes[0].kind, 'setting');
});

test('scenario files are checked: every problem is reported as file:line: message', () => {
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const bad = (text: string, pattern: RegExp, withModel = false) => {
    assert.throws(
      () => { const s = parseScenario(text, 'bad.yaml'); if (withModel) checkScenario(model, s); },
      (e: unknown) => e instanceof CorridorError && e.code === 'CORRIDOR_ERR_SCENARIO_INVALID' && pattern.test(e.message),
      `expected ${pattern}`,
    );
  };
  const head = 'name: t\ncommodity: crude_oil\nyear: 2024\nchanges:\n';
  bad('name: [unclosed\n', /^bad\.yaml:1: not valid YAML/);
  bad(`${head}  - type: close_pipe\n    route: cpc\n`, /^bad\.yaml:5: unknown change type "close_pipe" \(available: close_route, close_node/);
  bad(`${head}  - type: close_route\n    route: cpx\n`, /^bad\.yaml:6: close_route: route: unknown crude_oil route "cpx" \(available: cpc, aktau_btc\)/, true);
  bad(`${head}  - type: cut_capacity\n    route: cpc\n    fraction: 1.5\n`, /^bad\.yaml:7: cut_capacity: fraction: expected a number from 0 to 1, found 1\.5/);
  bad(`${head}  - type: cap_exports\n    exporter: KAZ\n    volume: 5\n    unit: bcm/yr\n`, /^bad\.yaml:8: cap_exports: unit: expected one of crude_oil's units \(Mt\/yr, kb\/d, Mtoe\), found "bcm\/yr"/, true);
  bad(`${head}  - type: cap_exports\n    exporter: KAZ\n    volume: 5\n`, /^bad\.yaml:7: cap_exports: volume needs a unit/);
  bad(`${head}  - type: embargo\n    exporter: KAZ\n`, /^bad\.yaml:5: embargo: missing required field "importer"/);
  bad(`${head}  - type: embargo\n    exporter: RUS\n    importer: FRA\n`, /^bad\.yaml:6: embargo: exporter: unknown exporter of crude_oil in 2024 "RUS" \(available: KAZ, OTHER, USA\)/, true);
  bad(`${head}  - type: close_route\n    route: cpc\n    colour: red\n`, /^bad\.yaml:7: close_route: unknown field "colour"/);
  bad(`${head}  - type: cut_capacity\n    route: cpc\n    asset: x\n    fraction: 0.1\n`, /expected exactly one of route, asset, found route and asset/);
  bad('name: t\ncommodity: crude_oil\nyear: 2031\nchanges: []\n', /^bad\.yaml:3: no crude_oil flows in 2031 \(years with flows: 2024\)/, true);
  bad('name: t\ncommodity: gold\nyear: 2024\nchanges: []\n', /^bad\.yaml:2: unknown commodity "gold" \(available: crude_oil\)/, true);
  bad('name: t\ncommodity: crude_oil\nyear: 2024\nwhen: now\nchanges: []\n', /^bad\.yaml:4: scenario: unknown field "when"/);
  bad('commodity: crude_oil\nyear: 2024\nchanges: []\n', /^bad\.yaml:1: scenario: missing required field "name"/);
  bad(`${head}  - type: set_parameter\n    name: world_market_premium\n    value: 5\n    unit: Mt/yr\n`, /^bad\.yaml:8: set_parameter: world_market_premium: expected a unit like "USD\/t"/, true);
  // Several problems: all listed in the details.
  try {
    parseScenario(`${head}  - type: nope\n  - type: close_route\n`, 'bad.yaml');
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof CorridorError);
    assert.equal(e.details.length, 2);
    assert.match(e.details[1], /^bad\.yaml:6: close_route: missing required field "route"/);
  }
});

test('corridor scenario run: a bad file gives one line on stderr and exit code 2, no stack trace', async () => {
  const dir = scratchDir('scenario');
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, `name: t\ndataset: ${resolve(FIXTURES, 'tiny')}\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: lose_transit\n    country: ATLANTIS\n`);
  const { code, stdout, stderr } = await runCli('scenario', 'run', file);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, new RegExp(`^corridor: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:7: lose_transit: country: unknown country "ATLANTIS" \\(available: KAZ, RUS`));
  assert.doesNotMatch(stderr, /\bat \w+ \(/, 'no stack trace');
  // Problems of the file's structure and problems against the dataset are reported together.
  const both = join(dir, 'both.yaml');
  writeFileSync(both, `name: t\ndataset: ${resolve(FIXTURES, 'tiny')}\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: lose_transit\n    country: ATLANTIS\n  - type: cut_capacity\n    route: cpc\n    fraction: 2\n`);
  const all = await runCli('scenario', 'run', both, '--json');
  assert.equal(all.code, 2);
  const error = JSON.parse(all.stdout).error;
  assert.equal(error.code, 'CORRIDOR_ERR_SCENARIO_INVALID');
  assert.deepEqual(error.details.map((d: string) => d.split(': ')[0].split(':').pop()), ['7', '10']);
  const missing = await runCli('scenario', 'run', join(dir, 'none.yaml'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /scenario file not found/);
  const check = await runCli('scenario', 'check', join(SCENARIOS, 'tiny-cpc-shut.yaml'));
  assert.equal(check.code, 0);
  assert.match(check.stdout, /valid \(1 change\(s\)/);
});

test('corridor scenario run as a real process prints the text report', () => {
  const bin = resolve(import.meta.dirname, '..', 'bin', 'corridor.mjs');
  const run = spawnSync(process.execPath, [bin, 'scenario', 'run', join(SCENARIOS, 'tiny-cpc-shut.yaml')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Scenario "CPC shut \(tiny\)": crude_oil 2024/);
  assert.match(run.stdout, /aktau_btc +1\.00 +5\.00 +5\.00 +yes/);
  const bad = spawnSync(process.execPath, [bin, 'scenario', 'run', join(SCENARIOS, 'nope.yaml')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('corridor compare puts the baseline and each scenario side by side', async () => {
  const { code, stdout, stderr } = await runCli('compare', join(SCENARIOS, 'bloc-pipe-shut.yaml'), join(SCENARIOS, 'bloc-agreement.yaml'), '--json');
  assert.equal(code, 0, stderr);
  const c = JSON.parse(stdout);
  assert.deepEqual(c.columns.map((x: { id: string }) => x.id), ['baseline', 'pipe shut (lp-bloc)', 'KAZ-FRA agreement (lp-bloc)']);
  const pipe = c.rows.find((r: { section: string; id: string }) => r.section === 'route' && r.id === 'pipe');
  assert.deepEqual(pipe.values, [10, 0, 10]);
  const unserved = c.rows.find((r: { section: string; id: string }) => r.section === 'unserved' && r.id === 'EU27');
  assert.deepEqual(unserved.values, [0, 0, 0]);
  assert.equal(c.changes.length, 2);
  assert.match(c.changes[1].changes[0].summary, /agreement KAZ–FRA/);
  const text = await runCli('compare', join(SCENARIOS, 'bloc-pipe-shut.yaml'), join(SCENARIOS, 'bloc-agreement.yaml'));
  assert.match(text.stdout, /flow pipe +Mt\/yr +10\.00 +0\.00 +10\.00/);
});

test('a bloc that does not import on its own covers its members that do (tiny: EU27 → FRA and ITA)', async () => {
  // tiny: FRA and ITA import, EU27 itself has no flows. Embargo KAZ → EU27 stops KAZ → FRA (cpc 6, aktau_btc 1) and
  // KAZ → ITA (cpc 14): 21 Mt to the world market at 30 USD/t; stickiness 60 × 21 = 1260; world 30 × 21 = 630;
  // what still flows (USA and OTHER, direct) costs nothing: objective 1890 USD/t × Mt = USD 1890 million.
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const r = await runScenarioText(model, 'name: bloc\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: embargo\n    exporter: KAZ\n    importer: EU27\n', 'bloc.yaml');
  close(r.solver.objective, 1890, 'objective');
  close(r.worldMarket.scenario, 21, 'world market');
  assert.match(r.changes[0].summary, /21 Mt\/yr of baseline flows stop/);
});

test('runScenarioText runs a scenario given as text (library entry point)', async () => {
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const r = await runScenarioText(model, 'name: baseline\ncommodity: crude_oil\nyear: 2024\nchanges: []\n', 'inline.yaml');
  close(r.solver.objective, 115, 'no change: the baseline cost, 115 USD/t × Mt = USD 115 million');
  for (const f of r.flows) close(f.flowScenario, f.flowBaseline, `${f.exporter}>${f.importer} ${f.route}`);
});
