// `corridor metrics`: text and JSON output, and bad input (exit code 2, one line naming what is available).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, runCli } from './helpers.ts';

const DATA = join(FIXTURES, 'metrics-basic');
const BIN = join(import.meta.dirname, '..', 'bin', 'corridor.mjs');

test('importer view as JSON has the contract fields', async () => {
  const { code, stdout } = await runCli('metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', '2024', '--json', '--dataset', DATA);
  assert.equal(code, 0);
  const m = JSON.parse(stdout);
  for (const field of ['suppliers', 'hhi', 'topShare', 'crmaBenchmarkMet', 'transitExposure', 'method', 'dataset', 'dispersedShare']) assert.ok(field in m, field);
  assert.deepEqual(Object.keys(m.suppliers[0]).slice(0, 1), ['exporter']);
  for (const field of ['exporter', 'volume', 'unit', 'share']) assert.ok(field in m.suppliers[0], `suppliers[].${field}`);
  for (const field of ['country', 'share']) assert.ok(field in m.transitExposure[0], `transitExposure[].${field}`);
  // Hand figures (see metrics.test.ts): HHI 1925, RUS 22.5%.
  assert.equal(m.hhi, 1925);
  assert.equal(m.transitExposure[0].country, 'RUS');
  assert.deepEqual(m.method, { name: 'dependence', version: '1.0.1' });
  assert.match(m.dataset, /^[0-9a-f]{16}$/);
});

test('exporter view as JSON and as text', async () => {
  const json = await runCli('metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--year', '2024', '--json', '--dataset', DATA);
  const m = JSON.parse(json.stdout);
  for (const field of ['destinations', 'routes', 'transitExposure', 'method', 'dataset']) assert.ok(field in m, field);
  for (const field of ['route', 'volume', 'share']) assert.ok(field in m.routes[0], `routes[].${field}`);
  const text = await runCli('metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--dataset', DATA);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /KAZ Kazakhstan: crude_oil exports, 2024/);
  assert.match(text.stdout, /\(route unknown\)\s+10\.00\s+14\.7%/);
  // 45 of 68 Mt cross Russia = 66.2%.
  assert.match(text.stdout, /RUS Russia\s+45\.00\s+66\.2%/);
});

test('importer view as text: aligned table, HHI, benchmark, transit', async () => {
  const { code, stdout } = await runCli('metrics', '--importer', 'FRA', '--commodity', 'crude_oil', '--dataset', DATA);
  assert.equal(code, 0);
  assert.match(stdout, /FRA France: crude_oil imports, 2024/);
  assert.match(stdout, /HHI\s+1,850 \(0–10,000; aggregates count 0, 40\.0% dispersed/);
  assert.match(stdout, /CRMA benchmark \(≤65%\)\s+met/);
  assert.match(stdout, /RUS Russia\s+6\.00\s+30\.0%\s+cpc/);
});

// Every bad argument of `corridor metrics`, `corridor crm` and `corridor report`: exit code 2, nothing on
// stdout, and exactly one line on stderr that says what is wrong and names what is available.
const CRM = join(FIXTURES, 'metrics-supply-risk');
const badCases: [string, string[], RegExp][] = [
  ['unknown importer', ['metrics', '--importer', 'XYZ', '--commodity', 'crude_oil'], /^corridor: unknown importer "XYZ"; importers of crude_oil: CHN, DEU, EU27, FRA, RUS$/],
  ['unknown exporter', ['metrics', '--exporter', 'XYZ', '--commodity', 'crude_oil'], /^corridor: unknown exporter "XYZ"; exporters of crude_oil: FRA, KAZ, NOR, OTHER, USA$/],
  ['unknown commodity', ['metrics', '--importer', 'EU27', '--commodity', 'coal'], /^corridor: unknown commodity "coal"; available: chromium, crude_oil, tungsten, uranium$/],
  ['year with no data', ['metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', '2019'], /^corridor: no crude_oil imports of EU27 in 2019; years with data: 2023, 2024$/],
  ['exporter year with no data', ['metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--year', '2030'], /^corridor: no crude_oil exports of KAZ in 2030; years with data: 2023, 2024$/],
  ['importer with no imports of the commodity', ['metrics', '--importer', 'NOR', '--commodity', 'uranium'], /^corridor: no uranium imports of NOR in the dataset; importers of uranium: DEU, EU27, FRA$/],
  ['year not a number', ['metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', 'last'], /^corridor: --year expects a whole number, found "last"; years with crude_oil flows: 2023, 2024$/],
  ['year not a whole number', ['metrics', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--year', '2024.5'], /^corridor: --year expects a whole number, found "2024\.5"; years with crude_oil flows: 2023, 2024$/],
  ['importer and exporter together', ['metrics', '--importer', 'EU27', '--exporter', 'KAZ', '--commodity', 'crude_oil'], /^corridor: give --importer <id> or --exporter <id>, not both/],
  ['neither importer nor exporter', ['metrics', '--commodity', 'crude_oil'], /^corridor: give --importer <id> or --exporter <id>; importers of crude_oil: CHN, DEU, EU27, FRA, RUS; exporters of crude_oil: FRA, KAZ, NOR, OTHER, USA$/],
  ['no commodity', ['metrics', '--importer', 'EU27'], /^corridor: give --commodity <id>; commodities with flows: chromium, crude_oil, uranium$/],
  ['metrics on a missing dataset', ['metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--dataset', '/nonexistent/corridor'], /^corridor: dataset folder not found: \/nonexistent\/corridor$/],
  ['crm: unknown material', ['crm', '--material', 'copper', '--dataset', CRM], /^corridor: unknown material "copper"; materials with EU criticality inputs: gallium, germanium$/],
  ['crm: material without inputs', ['crm', '--material', 'uranium'], /^corridor: no EU criticality inputs for "uranium" in crm_materials\.csv; materials with inputs: chromium, tungsten$/],
  ['crm: year not a number', ['crm', '--year', 'latest', '--dataset', CRM], /^corridor: --year expects a whole number, found "latest"; years with EU criticality inputs: 2023$/],
  ['crm: year without inputs', ['crm', '--material', 'gallium', '--year', '2020', '--dataset', CRM], /^corridor: no EU criticality inputs for gallium in 2020; years with inputs: 2023$/],
  ['crm: dataset without inputs', ['crm', '--dataset', join(FIXTURES, 'tiny')], /^corridor: the dataset has no EU criticality inputs/],
  ['report on a missing dataset', ['report', '--dataset', '/nonexistent/corridor'], /^corridor: dataset folder not found: \/nonexistent\/corridor$/],
];

for (const [name, args, message] of badCases) {
  test(`bad input: ${name} → exit 2 and one line`, async () => {
    const withData = args.includes('--dataset') ? args : [...args, '--dataset', DATA];
    const { code, stdout, stderr } = await runCli(...withData);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const lines = stderr.split('\n');
    assert.equal(lines.length, 2, `one line, found: ${stderr}`);
    assert.equal(lines[1], '');
    assert.match(lines[0], message);
  });
}

test('bad input with --json: exit 2, the message on stderr and the error as JSON on stdout', async () => {
  const { code, stdout, stderr } = await runCli('metrics', '--importer', 'EU27', '--exporter', 'KAZ', '--commodity', 'crude_oil', '--json', '--dataset', DATA);
  assert.equal(code, 2);
  assert.match(stderr, /^corridor: give --importer <id> or --exporter <id>, not both/);
  const json = JSON.parse(stdout);
  assert.equal(json.error.code, 'CORRIDOR_ERR_ARGUMENT');
  assert.equal(`corridor: ${json.error.message}\n`, stderr);
});

test('an option without its value or an unknown option is refused by the parser with exit 2', async () => {
  const missing = await runCli('metrics', '--commodity', 'crude_oil', '--dataset', DATA, '--importer');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /option '--importer <id>' argument missing/);
  const unknown = await runCli('metrics', '--importr', 'EU27', '--commodity', 'crude_oil', '--dataset', DATA);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^corridor: error: unknown option '--importr' \(Did you mean --importer\?\) \(see --help\)\n$/);
});

test('a real process: exit code 2 and no stack trace', () => {
  const r = spawnSync(process.execPath, [BIN, 'metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', '1999', '--dataset', DATA], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'corridor: no crude_oil imports of EU27 in 1999; years with data: 2023, 2024\n');
});
