// EU supply risk (docs/methods/eu-supply-risk.md) on test/fixtures/metrics-basic, worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { crmAssessment, supplyRisk } from '../src/metrics/index.ts';
import { CorridorError } from '../src/errors.ts';
import { copyFixture, editFile, runCli, near } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures/metrics-basic');
const model = loadDataset(FIXTURE);

test('supplyRisk formula on round inputs', () => {
  // [2·0.5 + 4·(1 − 0.5)]·(1 − 0.5)·1 = [1 + 2]·0.5 = 1.5   (IR = 1 → IR/2 = 0.5)
  near(supplyRisk({ hhiGlobal: 2, hhiEuSourcing: 4, importReliance: 1, eolRir: 0.5, substitutionIndex: 1 }), 1.5, 'SR');
  // IR = 0: only EU sourcing counts: 3·1·(1 − 0)·0.5 = 1.5
  near(supplyRisk({ hhiGlobal: 9, hhiEuSourcing: 3, importReliance: 0, eolRir: 0, substitutionIndex: 0.5 }), 1.5, 'SR, IR 0');
});

test('tungsten 2023: both stages, trade parameters, OTHER dispersed, processing is the bottleneck', () => {
  const a = crmAssessment(model, { material: 'tungsten' });
  assert.deepEqual(a.method, { name: 'eu-supply-risk', version: '1.0.0' });
  assert.equal(a.dataset, model.info.hash);
  const w = a.materials[0];
  // Scaled WGI = 5 − 2·mean: CHN −0.5 → 6, DEU 1.5 → 2, RUS −1.0 → 7, CAN 1.5 → 2.
  // IR 0.5 → IR/2 = 0.25; (1 − EoL-RIR) = 0.6; SI = 0.9; factor 0.6·0.9 = 0.54.
  // Extraction global: CHN 0.8 (t 1), OTHER 0.2 dispersed → 0.64·6 = 3.84.
  // Extraction EU sourcing: CHN 0.5, DEU 0.3, RUS 0.2 → 0.25·6 + 0.09·2 + 0.04·7 = 1.5 + 0.18 + 0.28 = 1.96.
  // SR extraction = (3.84·0.25 + 1.96·0.75)·0.54 = (0.96 + 1.47)·0.54 = 1.3122.
  const ext = w.stages.find((s) => s.stage === 'extraction')!;
  near(ext.hhiGlobal, 3.84, 'HHI global extraction');
  near(ext.hhiEuSourcing, 1.96, 'HHI EU extraction');
  near(ext.supplyRisk, 1.3122, 'SR extraction');
  near(ext.dispersedShareGlobal, 0.2, 'OTHER share');
  // Processing global: CHN 0.9 (t 1.5), CAN 0.1 (t 0.8) → 0.81·6·1.5 + 0.01·2·0.8 = 7.29 + 0.016 = 7.306.
  // Processing EU sourcing: CHN 0.4 (t 1.5), DEU 0.6 → 0.16·6·1.5 + 0.36·2 = 1.44 + 0.72 = 2.16.
  // SR processing = (7.306·0.25 + 2.16·0.75)·0.54 = (1.8265 + 1.62)·0.54 = 1.86111.
  const proc = w.stages.find((s) => s.stage === 'processing')!;
  near(proc.hhiGlobal, 7.306, 'HHI global processing');
  near(proc.hhiEuSourcing, 2.16, 'HHI EU processing');
  near(proc.supplyRisk, 1.86111, 'SR processing');
  assert.equal(w.bottleneck, 'processing');
  near(w.supplyRisk, 1.86111, 'SR');
  near(w.economicImportance, 8, 'EI');
  // EI 8 ≥ 2.8 and SR 1.86 ≥ 1.0 → critical.
  assert.equal(w.critical, true);
});

test('chromium 2023: one stage only, low substitution index, not critical', () => {
  const c = crmAssessment(model, { material: 'chromium', year: 2023 }).materials[0];
  // Global: KAZ 0.5, TUR 0.5 (both scaled 6) → 0.25·6 + 0.25·6 = 3.0. EU: TUR 0.6, KAZ 0.4 → 0.36·6 + 0.16·6 = 3.12.
  // IR 0.2 → 0.1; SR = (3·0.1 + 3.12·0.9)·(1 − 0.2)·0.3 = (0.3 + 2.808)·0.24 = 0.74592 < 1 → not critical.
  assert.deepEqual(c.stages.map((s) => s.stage), ['extraction']);
  near(c.supplyRisk, 0.74592, 'SR');
  assert.equal(c.bottleneck, 'extraction');
  assert.equal(c.critical, false);
  assert.ok(c.notes.some((n) => /no processing shares/.test(n)));
});

test('every material when none is named', () => {
  assert.deepEqual(crmAssessment(model).materials.map((m) => m.material), ['chromium', 'tungsten']);
});

test('bad input: unknown material, material without inputs, year without inputs, missing WGI, missing global shares', () => {
  const fails = (fn: () => unknown, code: string, re: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof CorridorError && e.code === code && re.test(e.message), `${code} ${re}`);
  fails(() => crmAssessment(model, { material: 'copper' }), 'CORRIDOR_ERR_UNKNOWN_ID', /unknown material "copper"; materials with EU criticality inputs: chromium, tungsten/);
  fails(() => crmAssessment(model, { material: 'uranium' }), 'CORRIDOR_ERR_METHOD_INPUT', /no EU criticality inputs for "uranium" in crm_materials.csv; materials with inputs: chromium, tungsten/);
  fails(() => crmAssessment(model, { material: 'tungsten', year: 2020 }), 'CORRIDOR_ERR_NO_DATA', /no EU criticality inputs for tungsten in 2020; years with inputs: 2023/);
  fails(() => crmAssessment(model, { year: 2020 }), 'CORRIDOR_ERR_NO_DATA', /no EU criticality inputs for 2020; years with inputs: 2023/);

  const dir = copyFixture('metrics-basic');
  editFile(dir, 'crm_supply.csv', (t) => t.replace('tungsten,2023,processing,global,CAN,0.1,0.8', 'tungsten,2023,processing,global,TUR,0.05,1,hand,,\ntungsten,2023,processing,global,USA,0.05,1'));
  editFile(dir, 'governance.csv', (t) => t.replace(/^USA,.*\n/m, ''));
  fails(() => crmAssessment(loadDataset(dir), { material: 'tungsten' }), 'CORRIDOR_ERR_METHOD_INPUT', /no WGI in governance.csv for "USA" \(needed by tungsten 2023 processing global\)/);

  const dir2 = copyFixture('metrics-basic');
  editFile(dir2, 'crm_supply.csv', (t) => t.split('\n').filter((l) => !l.startsWith('chromium,2023,extraction,global')).join('\n'));
  fails(() => crmAssessment(loadDataset(dir2), { material: 'chromium' }), 'CORRIDOR_ERR_METHOD_INPUT', /chromium 2023 extraction: no global shares in crm_supply.csv/);
  // Every material: the incomplete one is skipped with the reason, the others are assessed.
  const all = crmAssessment(loadDataset(dir2));
  assert.deepEqual(all.materials.map((m) => m.material), ['tungsten']);
  assert.equal(all.skipped[0].material, 'chromium');
  assert.match(all.skipped[0].reason, /no global shares/);
});

test('a stage without EU-sourcing shares uses global supply in their place, flagged', () => {
  const dir = copyFixture('metrics-basic');
  editFile(dir, 'crm_supply.csv', (t) => t.split('\n').filter((l) => !l.startsWith('chromium,2023,extraction,eu_sourcing')).join('\n'));
  const c = crmAssessment(loadDataset(dir), { material: 'chromium' }).materials[0];
  // Global: KAZ 0.5, TUR 0.5 (WGI 6 each) → 3.0 for both terms: SR = 3.0·(1 − 0.2)·0.3 = 0.72.
  near(c.supplyRisk, 0.72, 'SR on global supply only');
  assert.equal(c.stages[0].euSourcingBasis, 'global');
  assert.ok(c.notes.some((n) => /global supply stands in for EU sourcing/.test(n)));
});

test('a stage-specific import reliance replaces the material one for that stage', () => {
  const dir = copyFixture('metrics-basic');
  editFile(dir, 'crm_materials.csv', (t) => t
    .replace('substitution_index,source', 'substitution_index,import_reliance_processing,source')
    .replace('tungsten,2023,8.0,0.5,0.4,0.9,', 'tungsten,2023,8.0,0.5,0.4,0.9,1,')
    .replace('chromium,2023,6.0,0.2,0.2,0.3,', 'chromium,2023,6.0,0.2,0.2,0.3,,'));
  const w = crmAssessment(loadDataset(dir), { material: 'tungsten' }).materials[0];
  // Processing with IR 1 → IR/2 = 0.5: (7.306·0.5 + 2.16·0.5)·0.54 = 4.733·0.54 = 2.55582. Extraction keeps IR 0.5: 1.3122.
  near(w.stages.find((s) => s.stage === 'processing')?.supplyRisk, 2.55582, 'SR processing with its own IR');
  near(w.stages.find((s) => s.stage === 'extraction')?.supplyRisk, 1.3122, 'SR extraction');
  assert.equal(w.stages.find((s) => s.stage === 'processing')?.importReliance, 1);
});

test('a bloc in EU sourcing without a WGI of its own takes the mean of its members', () => {
  const dir = copyFixture('metrics-basic');
  editFile(dir, 'crm_supply.csv', (t) => t.replace('tungsten,2023,extraction,eu_sourcing,DEU,0.3', 'tungsten,2023,extraction,eu_sourcing,EU27,0.3'));
  const ext = crmAssessment(loadDataset(dir), { material: 'tungsten' }).materials[0].stages[0];
  // EU27 members FRA 1.0, DEU 1.5, ITA 0.5, POL 0.5 → mean 0.875 → scaled 5 − 1.75 = 3.25.
  // EU sourcing: 0.25·6 + 0.09·3.25 + 0.04·7 = 1.5 + 0.2925 + 0.28 = 2.0725.
  near(ext.hhiEuSourcing, 2.0725, 'HHI EU with the bloc');
});

test('corridor crm: text, JSON and exit code 2 on bad input', async () => {
  const text = await runCli('crm', '--dataset', FIXTURE);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /tungsten\s+2023\s+1\.31\s+1\.86\s+processing\s+1\.86\s+8\.0\s+CRITICAL/);
  assert.match(text.stdout, /eu-supply-risk 1\.0\.0/);
  const json = await runCli('crm', '--dataset', FIXTURE, '--material', 'tungsten', '--json');
  const out = JSON.parse(json.stdout);
  assert.deepEqual(Object.keys(out.materials[0]).filter((k) => ['material', 'stages', 'bottleneck', 'supplyRisk', 'economicImportance', 'critical'].includes(k)).sort(),
    ['bottleneck', 'critical', 'economicImportance', 'material', 'stages', 'supplyRisk']);
  assert.deepEqual(Object.keys(out.materials[0].stages[0]).slice(0, 2), ['stage', 'supplyRisk']);
  assert.equal(out.method.name, 'eu-supply-risk');
  assert.equal(out.dataset, model.info.hash);
  const bad = await runCli('crm', '--dataset', FIXTURE, '--material', 'uranium');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^corridor: no EU criticality inputs for "uranium" in crm_materials\.csv; materials with inputs: chromium, tungsten\n$/);
  assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/);
});

test('docs/methods/eu-supply-risk.md states the version that results carry, and its worked example holds', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'methods', 'eu-supply-risk.md'), 'utf8');
  const a = crmAssessment(model, { material: 'tungsten' });
  assert.match(doc, new RegExp(`Method \`${a.method.name}\`, version \\*\\*${a.method.version.replace(/\./g, '\\.')}\\*\\*`));
  // The doc quotes SR = 1.861 (processing) and 1.312 (extraction) for this fixture.
  assert.match(doc, /= 1\.861\. Extraction gives 1\.312/);
  assert.equal(a.materials[0].supplyRisk.toFixed(3), '1.861');
  assert.equal(a.materials[0].stages[0].supplyRisk.toFixed(3), '1.312');
});
