// `corridor ingest --impact` and `corridor events impact`: each mapping rule on a hand-written sentence, checked
// against the change written by hand, and the run against the same change written as YAML and run with
// `corridor scenario run`; ambiguous events ask; bad --assume and --rules are refused with a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATASET_DIR } from '../src/paths.ts';
import { defaultRules, readRules, statedMonths, statedShare, statedVolumes } from '../src/impact/index.ts';
import { near, runCli, scratchCopy, scratchDir } from './helpers.ts';

const dir = scratchDir('impact');
let n = 0;

interface ImpactJson {
  event: string; rule: string; commodity: string; year: number; changes: Record<string, unknown>[];
  questions: { key: string; candidates: string[] }[]; result: ScenarioJson | null; unservedChange: number | null;
}
interface ScenarioJson {
  solver: { objective: number; baselineObjective: number };
  importers: { importer: string; unserved: number; servedScenario: number }[];
  actors: { country: string; role: string; volumeChange: number }[];
  routes: { route: string; flowScenario: number }[];
}

async function ingestImpact(text: string, published: string, assume: string[] = [], extra: string[] = []): Promise<{ impact: ImpactJson[]; unmapped: { event: string; reason: string }[] }> {
  const file = join(dir, `article-${++n}.txt`);
  writeFileSync(file, `${text}\n`);
  const r = await runCli('ingest', file, '--published', published, '--impact', '--json', ...assume.flatMap((a) => ['--assume', a]), ...extra);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function yamlRun(commodity: string, year: number, changes: string): Promise<ScenarioJson> {
  const file = join(dir, `scenario-${++n}.yaml`);
  writeFileSync(file, `name: by hand\ncommodity: ${commodity}\nyear: ${year}\nchanges:\n${changes}`);
  const r = await runCli('scenario', 'run', file, '--json', '--no-metrics');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The impact's run and the hand-written scenario's give the same objective, unserved demand, actors and route flows. */
function sameRun(a: ScenarioJson, b: ScenarioJson): void {
  near(a.solver.objective, b.solver.objective, 'objective', 1e-6 * Math.max(1, Math.abs(b.solver.objective)));
  near(a.solver.baselineObjective, b.solver.baselineObjective, 'baseline objective', 1e-6 * Math.max(1, Math.abs(b.solver.baselineObjective)));
  for (const i of b.importers) near(a.importers.find((x) => x.importer === i.importer)?.unserved, i.unserved, `${i.importer} unserved`, 1e-6);
  for (const x of b.actors) near(a.actors.find((y) => y.country === x.country && y.role === x.role)?.volumeChange, x.volumeChange, `${x.country} ${x.role}`, 1e-6);
  assert.equal(a.actors.length, b.actors.length);
}

/** One mapped event with no questions left, checked against its hand-written change and the YAML run. */
async function checkRule(rule: string, text: string, published: string, expected: { commodity: string; year: number; changes: Record<string, unknown>[]; yaml: string }, assume: string[] = []): Promise<ImpactJson> {
  const { impact } = await ingestImpact(text, published, assume);
  assert.equal(impact.length, 1, JSON.stringify(impact));
  const i = impact[0];
  assert.equal(i.rule, rule);
  assert.equal(i.commodity, expected.commodity);
  assert.equal(i.year, expected.year);
  assert.deepEqual(i.changes, expected.changes);
  assert.deepEqual(i.questions, []);
  assert.ok(i.result);
  sameRun(i.result!, await yamlRun(expected.commodity, expected.year, expected.yaml));
  return i;
}

const actor = (i: ImpactJson, country: string, role: string) => i.result!.actors.find((a) => a.country === country && a.role === role)?.volumeChange;

test('the shipped rules pass their own checks, one rule per mapping the method names', () => {
  assert.deepEqual(defaultRules().map((r) => r.id), [
    'transit_ban', 'export_ban_to', 'export_ban', 'embargo', 'chokepoint_closed', 'node_halted', 'route_halted', 'route_damaged', 'new_route', 'capacity_expansion', 'supply_agreement',
  ]);
});

test('transit_ban: a transit state halts transit -> lose_transit', async () => {
  const i = await checkRule('transit_ban', 'Russia halted the transit of Kazakh oil across its territory.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'lose_transit', country: 'RUS' }], yaml: '  - type: lose_transit\n    country: RUS\n' });
  // flows.csv 2024: 51.3 Mt on the CPC and 1.2 Mt on Druzhba cross Russia, all lost. The one route that avoids it,
  // Aktau–BTC, is held to 7.5 Mt/yr by the Aktau oil berths (assets.csv): Azerbaijan and Georgia carry 7.5 more,
  // and Kazakhstan exports 52.5 − 7.5 = 45 Mt less.
  near(actor(i, 'RUS', 'transit'), -52.5, 'RUS transit', 1e-6);
  near(actor(i, 'AZE', 'transit'), 7.5, 'AZE transit', 1e-6);
  near(actor(i, 'GEO', 'transit'), 7.5, 'GEO transit', 1e-6);
  near(actor(i, 'KAZ', 'exporter'), -45, 'KAZ exports', 1e-6);
});

test('export_ban_to: an exporter bans exports to a named importer -> embargo on the pair', async () => {
  const i = await checkRule('export_ban_to', 'Russia banned exports of uranium to the European Union.', '2022-06-01',
    { commodity: 'uranium', year: 2022, changes: [{ type: 'embargo', exporter: 'RUS', importer: 'EU27' }], yaml: '  - type: embargo\n    exporter: RUS\n    importer: EU27\n' });
  // flows.csv: RUS -> EU27 uranium 2022 is 1,979.817 tU, all of Russia's uranium exports in the dataset.
  near(actor(i, 'RUS', 'exporter'), -1979.817, 'RUS exports lost', 1e-6);
  // Deliveries halted are exports halted.
  await checkRule('export_ban_to', 'Russia halted uranium deliveries to the European Union.', '2022-06-07',
    { commodity: 'uranium', year: 2022, changes: [{ type: 'embargo', exporter: 'RUS', importer: 'EU27' }], yaml: '  - type: embargo\n    exporter: RUS\n    importer: EU27\n' });
});

test('export_ban: an exporter bans all exports -> ban_exports', async () => {
  const i = await checkRule('export_ban', 'Kazakhstan banned exports of crude oil.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'ban_exports', exporter: 'KAZ' }], yaml: '  - type: ban_exports\n    exporter: KAZ\n' });
  // flows.csv 2024: KAZ -> EU27 51.3 Mt (CPC) + 1.2 Mt (Druzhba to Schwedt) = 52.5 Mt, all lost.
  near(actor(i, 'KAZ', 'exporter'), -52.5, 'KAZ exports lost', 1e-6);
});

test('embargo: an importer embargoes an exporter -> embargo; "seaborne" asks the share, --assume answers it', async () => {
  await checkRule('embargo', 'The European Union imposed an embargo on Russian crude oil.', '2022-12-05',
    { commodity: 'crude_oil', year: 2022, changes: [{ type: 'embargo', exporter: 'RUS', importer: 'EU27' }], yaml: '  - type: embargo\n    exporter: RUS\n    importer: EU27\n' });
  const text = 'The European Union imposed an embargo on Russian seaborne crude oil.';
  const asked = (await ingestImpact(text, '2022-12-05')).impact[0];
  assert.deepEqual(asked.questions.map((q) => q.key), ['share']);
  assert.equal(asked.result, null);
  const i = await checkRule('embargo', text, '2022-12-05',
    { commodity: 'crude_oil', year: 2022, changes: [{ type: 'embargo', exporter: 'RUS', importer: 'EU27', share: 0.68 }], yaml: '  - type: embargo\n    exporter: RUS\n    importer: EU27\n    share: 0.68\n' },
    ['share=0.68']);
  assert.match(JSON.stringify(i.result), /60\.112/); // 0.68 × 88.4 Mt (RUS -> EU27, 2022) of baseline flows stop
});

test('chokepoint_closed: a named chokepoint is closed -> close_chokepoint', async () => {
  await checkRule('chokepoint_closed', 'Houthi attacks closed the Bab el-Mandeb strait to oil tankers.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'close_chokepoint', chokepoint: 'bab_el_mandeb' }], yaml: '  - type: close_chokepoint\n    chokepoint: bab_el_mandeb\n' });
});

test('node_halted: a port of the dataset is shut -> close_node', async () => {
  const i = await checkRule('node_halted', 'Kazakhstan suspended oil loadings at Aktau sea port.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'close_node', node: 'aktau' }], yaml: '  - type: close_node\n    node: aktau\n' });
  // flows.csv 2024 has no flow on the two routes from Aktau (to Baku and to Makhachkala): nothing moves.
  assert.deepEqual(i.result!.actors.filter((a) => Math.abs(a.volumeChange) > 1e-9), []);
  assert.equal(i.unservedChange, 0);
});

test('route_halted: for how long is asked; the whole year closes the route, three months take a quarter of its flow', async () => {
  const text = 'Kazakhstan halted oil exports through the CPC pipeline.';
  const asked = (await ingestImpact(text, '2024-05-01')).impact[0];
  assert.equal(asked.rule, 'route_halted');
  assert.deepEqual(asked.questions.map((q) => [q.key, q.candidates]), [['months', ['12']]]);
  assert.deepEqual(asked.changes, [{ type: 'close_route', route: 'cpc' }]);
  await checkRule('route_halted', text, '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'close_route', route: 'cpc' }], yaml: '  - type: close_route\n    route: cpc\n' }, ['months=12']);
  // 3 of 12 months: the oil of those months is lost, so over the year the CPC carries at most 9/12 of its 2024 flow,
  // 0.75 × 51.3 = 38.475 Mt of its 81.5 Mt/yr capacity: a cut of 1 − 38.475 / 81.5 = 0.527914.
  await checkRule('route_halted', 'Kazakhstan halted oil exports through the CPC pipeline for three months.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'cut_capacity', route: 'cpc', fraction: 0.527914 }], yaml: '  - type: cut_capacity\n    route: cpc\n    fraction: 0.527914\n' });
});

test('route_damaged: half the capacity lost for three months is 0.5 × 3/12 = 0.125 of the year', async () => {
  const text = 'A drone strike damaged the CPC pipeline, which lost half of its capacity for three months.';
  await checkRule('route_damaged', text, '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'cut_capacity', route: 'cpc', fraction: 0.125 }], yaml: '  - type: cut_capacity\n    route: cpc\n    fraction: 0.125\n' });
  const asked = (await ingestImpact('A drone strike damaged the CPC pipeline.', '2024-05-01')).impact[0];
  assert.deepEqual(asked.questions.map((q) => q.key), ['fraction', 'months']);
});

test('new_route: a planned route is opened -> open_route (an operating one changes nothing)', async () => {
  const data = scratchCopy(DEFAULT_DATASET_DIR);
  const routes = join(data, 'routes.csv');
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(routes, 'utf8').split('\n');
  const header = csv[0].split(',');
  assert.ok(header.includes('status'));
  writeFileSync(routes, csv.map((line) => (line.startsWith('kcp,') ? line.replace(/,operating(,|$)/, ',planned$1') : line)).join('\n'));
  const text = 'Kazakhstan resumed crude oil exports to China through the Kazakhstan-China pipeline.';
  const file = join(dir, 'new-route.txt');
  writeFileSync(file, `${text}\n`);
  const r = await runCli('ingest', file, '--published', '2024-05-01', '--impact', '--json', '--dataset', data);
  assert.equal(r.code, 0, r.stderr);
  const i = JSON.parse(r.stdout).impact[0] as ImpactJson;
  assert.equal(i.rule, 'new_route');
  assert.deepEqual(i.changes, [{ type: 'open_route', route: 'kcp' }]);
  const scenario = join(data, 'open.yaml');
  writeFileSync(scenario, 'name: by hand\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: open_route\n    route: kcp\n');
  const y = await runCli('scenario', 'run', scenario, '--json', '--no-metrics', '--dataset', data);
  assert.equal(y.code, 0, y.stderr);
  sameRun(i.result!, JSON.parse(y.stdout));
  const operating = await ingestImpact(text, '2024-05-01');
  assert.deepEqual(operating.impact, []);
  assert.match(operating.unmapped[0].reason, /operating already/);
});

test('capacity_expansion: "to 90 million tonnes a year" sets the capacity, "by 2 million tonnes" raises it; no expansion is refused', async () => {
  // routes.csv: the CPC carries up to 81.5 Mt/yr; 90 is an expansion.
  await checkRule('capacity_expansion', 'Kazakhstan agreed to expand the CPC pipeline to 90 million tonnes a year.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'raise_capacity', route: 'cpc', capacity: 90, unit: 'Mt/yr' }], yaml: '  - type: raise_capacity\n    route: cpc\n    capacity: 90\n    unit: Mt/yr\n' });
  const lower = await ingestImpact('Kazakhstan agreed to expand the CPC pipeline to 80 million tonnes a year.', '2024-05-01');
  assert.deepEqual(lower.impact, []);
  assert.match(lower.unmapped[0].reason, /route cpc has a capacity of 81.5 Mt\/yr already: 80 Mt\/yr is no expansion/);
  // The Aktau–BTC route has no capacity of its own (the Aktau oil berths limit it): a total would be a new limit.
  const unlimited = await ingestImpact('Azerbaijan and Kazakhstan agreed to raise oil shipments through the Aktau-BTC route to 7 million tonnes a year.', '2024-05-01');
  assert.deepEqual(unlimited.impact, []);
  assert.match(unlimited.unmapped[0].reason, /route aktau_btc has no capacity of its own/);
  await checkRule('capacity_expansion', 'Kazakhstan will expand the CPC pipeline by 2 million tonnes a year.', '2024-05-01',
    { commodity: 'crude_oil', year: 2024, changes: [{ type: 'raise_capacity', route: 'cpc', by: 2, unit: 'Mt/yr' }], yaml: '  - type: raise_capacity\n    route: cpc\n    by: 2\n    unit: Mt/yr\n' });
});

test('supply_agreement: a supply deal with a volume -> sign_agreement; without a volume it asks how much', async () => {
  await checkRule('supply_agreement', 'Kazakhstan signed an agreement to supply 714 tonnes of uranium a year to the European Union.', '2022-06-01',
    { commodity: 'uranium', year: 2022, changes: [{ type: 'sign_agreement', exporter: 'KAZ', importer: 'EU27', volume: 714, unit: 'tU/yr' }], yaml: '  - type: sign_agreement\n    exporter: KAZ\n    importer: EU27\n    volume: 714\n    unit: tU/yr\n' });
  const asked = (await ingestImpact('Kazakhstan signed an agreement to supply uranium to the European Union.', '2022-06-01')).impact[0];
  assert.deepEqual(asked.questions.map((q) => q.key), ['volume']);
  assert.equal(asked.result, null);
  const answered = (await ingestImpact('Kazakhstan signed an agreement to supply uranium to the European Union.', '2022-06-01', ['volume=714 tU/yr'])).impact[0];
  assert.deepEqual(answered.changes, [{ type: 'sign_agreement', exporter: 'KAZ', importer: 'EU27', volume: 714, unit: 'tU/yr' }]);
});

test('ambiguous events ask with the candidates: which commodity, which importer', async () => {
  const { impact } = await ingestImpact('Houthi attacks closed the Bab el-Mandeb strait.', '2024-05-01');
  const q = impact[0]?.questions.find((x) => x.key === 'commodity');
  assert.ok(q, JSON.stringify(impact));
  // sea_lanes.csv: only crude-oil lanes (CPC terminal and Ceyhan to China via Suez) pass Bab el-Mandeb.
  assert.deepEqual(q.candidates, ['crude_oil']);
  // Germany buys crude through the EU27 bloc in the dataset: the importer is asked, with the bloc as candidate.
  const de = (await ingestImpact('Kazakhstan signed an agreement to supply 1 million tonnes of oil a year to Germany.', '2024-05-01')).impact[0];
  assert.deepEqual(de.questions.map((x) => [x.key, x.candidates]), [['importer', ['EU27']]]);
  const two = (await ingestImpact('Kazakhstan signed an agreement to supply 1 million tonnes of oil a year to the European Union, rising to 2 million tonnes.', '2024-05-01')).impact[0];
  assert.deepEqual(two.questions.map((x) => [x.key, x.candidates]), [['volume', ['1 Mt/yr', '2 Mt/yr']]]);
});

test('events impact ID runs an event of the dataset; with a share asked it waits for --assume', async () => {
  const r = await runCli('events', 'impact', 'eu_embargo_crude_2022', '--json');
  assert.equal(r.code, 0, r.stderr);
  const i = JSON.parse(r.stdout).impact[0] as ImpactJson;
  assert.deepEqual(i.changes, [{ type: 'embargo', exporter: 'RUS', importer: 'EU27', share: null }]);
  assert.deepEqual(i.questions.map((q) => q.key), ['share']);
  const ran = await runCli('events', 'impact', 'eu_embargo_crude_2022', '--assume', 'share=0.68');
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /if this holds: embargo on RUS → EU27 \(68% of the baseline flow\)/);
  const missing = await runCli('events', 'impact', 'no_such_event');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no saved candidate or dataset event with id "no_such_event" \(available: .*eu_embargo_crude_2022/);
});

test('bad --assume: unknown key, bad value, unknown id, unknown event, wrong unit, without --impact; nothing is saved', async () => {
  const data = scratchCopy(DEFAULT_DATASET_DIR);
  const file = join(dir, 'bad-assume.txt');
  writeFileSync(file, 'Kazakhstan halted oil exports through the CPC pipeline.\n');
  const run = (...args: string[]) => runCli('ingest', file, '--published', '2024-05-01', '--dataset', data, '--save', ...args);
  const cases: [string[], RegExp][] = [
    [['--impact', '--assume', 'colour=red'], /--assume "colour=red": unknown key "colour" \(keys: commodity, year, route/],
    [['--impact', '--assume', 'months=13'], /--assume "months=13": months expects how many months of the year it lasts, above 0 and at most 12/],
    [['--impact', '--assume', 'route'], /--assume "route": expected key=value or EVENT:key=value/],
    [['--impact', '--assume', 'route=nope', '--assume', 'months=12'], /--assume "route=nope": "nope" is not a route of crude_oil \(available: cpc, atyrau_samara/],
    [['--impact', '--assume', 'abc-1:months=12'], /--assume "abc-1:months=12": no event "abc-1" here \(events: /],
    [['--impact', '--assume', 'year=1999'], /--assume "year=1999": "1999" is not a year with crude_oil flows/],
    [['--assume', 'months=12'], /--assume goes with --impact/],
  ];
  for (const [args, message] of cases) {
    const r = await run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.equal(existsSync(join(data, '.corridor', 'events.sqlite')), false, 'nothing saved');
  const unit = await runCli('ingest', file, '--published', '2024-05-01', '--impact', '--json', '--assume', 'months=12', '--assume', 'route=cpc', '--assume', 'volume=7 bcm');
  assert.equal(unit.code, 0, 'volume is not asked for a closed route: the answer is not used');
  assert.deepEqual(JSON.parse(unit.stdout).unusedAssumptions, ['volume=7 bcm']);
  writeFileSync(file, 'Kazakhstan signed an agreement to supply uranium to the European Union.\n');
  const wrong = await runCli('ingest', file, '--published', '2022-06-01', '--impact', '--assume', 'volume=7 bcm');
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--assume "volume=7 bcm": uranium is measured in tU\/yr/);
});

test('--rules: a user\'s rules file is checked, each problem with its place', async () => {
  const file = join(dir, 'rules-article.txt');
  writeFileSync(file, 'Kazakhstan halted oil exports through the CPC pipeline.\n');
  const rules = join(dir, 'rules.yaml');
  const bad: [string, RegExp][] = [
    ['rules: []\n', /rules\.yaml: expected an object with a non-empty list "rules"/],
    ['rules:\n  - id: x\n    types: [HALT]\n    change: close_route\n    fields: {route: route}\n', /rules\.yaml: rules\[0\]\.types: unknown event type "HALT"/],
    ['rules:\n  - id: x\n    types: [DISRUPTION]\n    change: close_pipe\n    fields: {route: route}\n', /rules\.yaml: rules\[0\]\.change: unknown change type "close_pipe"/],
    ['rules:\n  - id: x\n    types: [DISRUPTION]\n    change: embargo\n    fields: {exporter: source}\n', /rules\[0\]\.fields: embargo needs its field "importer"/],
    ['rules:\n  - id: x\n    types: [DISRUPTION]\n    change: close_route\n    fields: {route: the_route}\n', /rules\[0\]\.fields\.route: expected one of source, target, route/],
    ['rules:\n  - id: x\n   types: [\n', /rules\.yaml:\d+: not YAML or JSON/],
    ['rules:\n  - id: x\n    types: [DISRUPTION]\n    change: close_route\n    fields: {route: volume}\n', /rules\[0\]\.fields\.route: close_route\.route is a string, which the reading "volume" \(a volume\) cannot fill/],
  ];
  for (const [text, message] of bad) {
    writeFileSync(rules, text);
    const r = await runCli('ingest', file, '--impact', '--rules', rules);
    assert.equal(r.code, 2, text);
    assert.match(r.stderr, message);
  }
  writeFileSync(rules, 'rules:\n  - id: any_halt\n    types: [DISRUPTION]\n    change: close_route\n    fields: {route: route}\n');
  const ok = await runCli('ingest', file, '--published', '2024-05-01', '--impact', '--json', '--rules', rules);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout).impact[0].changes, [{ type: 'close_route', route: 'cpc' }]);
});

test('figures read from the text', () => {
  assert.deepEqual(statedVolumes('to 7 million tonnes a year').map((v) => [v.value, v.unit, v.preposition]), [[7, 'Mt', 'to']]);
  assert.deepEqual(statedVolumes('by 300,000 barrels per day').map((v) => [v.value, v.unit, v.preposition]), [[300000, 'b/d', 'by']]);
  assert.deepEqual(statedVolumes('10 billion cubic metres and 1.5 bcm').map((v) => [v.value, v.unit]), [[10, 'bcm'], [1.5, 'bcm']]);
  assert.deepEqual(statedVolumes('714 tonnes of uranium').map((v) => [v.value, v.unit]), [[714, 'tU']]);
  assert.equal(statedShare('cut by 30%'), 0.3);
  assert.equal(statedShare('half of it'), 0.5);
  assert.equal(statedShare('30% then 40%'), null);
  assert.equal(statedMonths('for three months'), 3);
  near(statedMonths('for two weeks')!, 14 * 12 / 365, 'two weeks');
  assert.equal(statedMonths('indefinitely'), 12);
  assert.equal(statedMonths('on Monday'), null);
  assert.throws(() => readRules({ rules: [{ id: 'a', types: ['DISRUPTION'], change: 'ban_exports', fields: { exporter: 'source' }, duration: true }] }, 'x'), /only close_route and cut_capacity can last part of a year/);
});
