// EU supply risk against an independent peer and at the thresholds.
// 1. A hand-worked case (test/fixtures/metrics-supply-risk) where SR is exactly 1.0 and EI exactly 2.8.
// 2. Generated materials, assessed by crmAssessment and by an independent Python implementation of the
//    formula of the EC 2017 method (test/fixtures/metrics-peer/supply_risk.py), which reads the same CSV
//    files with the csv module: every SR, HHI_WGI,t and IR must agree to 1e-9, bottleneck and verdict exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { writeTable } from '../src/data/write.ts';
import { crmAssessment } from '../src/metrics/index.ts';
import { seededRandom } from '../src/model/random.ts';
import type { CrmMaterialRow, CrmSupplyRow, Tables } from '../src/model/types.ts';
import type { Cell } from '../src/schema/coerce.ts';
import { entityByName } from '../src/schema/entities.ts';
import { copyFixture, editFile, FIXTURES, runCli, near } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const PEER = join(FIXTURES, 'metrics-peer', 'supply_risk.py');
const HAND = join(FIXTURES, 'metrics-supply-risk');
const python = spawnSync(PYTHON, ['-c', 'import csv, json'], { encoding: 'utf8' });
const skip = python.status === 0 ? false : `${PYTHON} is not available: ${(python.stderr || python.error?.message || '').trim()}`;

const stageOf = (m: { stages: { stage: string; supplyRisk: number; importReliance: number; hhiGlobal: number; hhiEuSourcing: number }[] }, stage: string) =>
  m.stages.find((s) => s.stage === stage)!;

test('gallium 2023 by hand: both stages, EU sourcing, trade parameters ≠ 1, per-stage IR; SR exactly 1.0 and EI exactly 2.8 → critical', () => {
  const g = crmAssessment(loadDataset(HAND), { material: 'gallium' }).materials[0];
  // Scaled WGI = 5 − 2·mean: KAZ −0.3 → 5.6, CHN −0.5 → 6, RUS −1.0 → 7, TUR 0.0 → 5, DEU 1.5 → 2.
  // (1 − EoL_RIR)·SI = (1 − 0.2)·0.625 = 0.5 for both stages.
  //
  // Extraction, IR of the stage 1.0 (not the material's 0.7) → IR/2 = 0.5:
  //   global: KAZ 0.5²·5.6·1 + CHN 0.3²·6·1.5 = 1.4 + 0.81 = 2.21 (OTHER 0.2 dispersed, 0)
  //   EU sourcing: KAZ 0.4²·5.6·0.8 + DEU 0.6²·2·1 = 0.7168 + 0.72 = 1.4368
  //   SR = (2.21·0.5 + 1.4368·0.5)·0.5 = 1.8234·0.5 = 0.9117
  const ext = stageOf(g, 'extraction');
  near(ext.hhiGlobal, 2.21, 'HHI global extraction');
  near(ext.hhiEuSourcing, 1.4368, 'HHI EU extraction');
  assert.equal(ext.importReliance, 1);
  near(ext.supplyRisk, 0.9117, 'SR extraction');
  // Processing, IR of the stage 0.4 → IR/2 = 0.2:
  //   global: CHN 0.6²·6·1.2 + RUS 0.2²·7·1.1 = 2.592 + 0.308 = 2.9 (OTHER 0.2 dispersed)
  //   EU sourcing: DEU 0.5²·2·0.8 + TUR 0.5²·5·1.1 = 0.4 + 1.375 = 1.775
  //   SR = (2.9·0.2 + 1.775·0.8)·0.5 = (0.58 + 1.42)·0.5 = 2.0·0.5 = 1.0
  const proc = stageOf(g, 'processing');
  near(proc.hhiGlobal, 2.9, 'HHI global processing');
  near(proc.hhiEuSourcing, 1.775, 'HHI EU processing');
  assert.equal(proc.importReliance, 0.4);
  near(proc.supplyRisk, 1.0, 'SR processing');
  // Processing 1.0 > extraction 0.9117: processing is the bottleneck. EI 2.8 ≥ 2.8 and SR 1.0 ≥ 1.0: critical
  // (both at the threshold; the values are compared unrounded).
  assert.equal(g.bottleneck, 'processing');
  assert.equal(g.supplyRisk, 1.0, 'SR is exactly 1.0 in floating point too');
  assert.equal(g.economicImportance, 2.8);
  assert.equal(g.critical, true);
});

test('gallium just under either threshold is not critical', () => {
  // EI 2.79 < 2.8 with SR 1.0 → not critical.
  const lowEi = copyFixture('metrics-supply-risk');
  editFile(lowEi, 'crm_materials.csv', (t) => t.replace('gallium,2023,2.8,', 'gallium,2023,2.79,'));
  assert.equal(crmAssessment(loadDataset(lowEi), { material: 'gallium' }).materials[0].critical, false);
  // SI 0.62: SR = 2.0·0.8·0.62 = 0.992 < 1.0 with EI 2.8 → not critical.
  const lowSr = copyFixture('metrics-supply-risk');
  editFile(lowSr, 'crm_materials.csv', (t) => t.replace('gallium,2023,2.8,0.7,1.0,0.4,0.2,0.625,', 'gallium,2023,2.8,0.7,1.0,0.4,0.2,0.62,'));
  const m = crmAssessment(loadDataset(lowSr), { material: 'gallium' }).materials[0];
  near(m.supplyRisk, 0.992, 'SR');
  assert.equal(m.critical, false);
});

test('without per-stage IR the material IR applies to both stages', () => {
  const dir = copyFixture('metrics-supply-risk');
  editFile(dir, 'crm_materials.csv', (t) => t.replace('gallium,2023,2.8,0.7,1.0,0.4,', 'gallium,2023,2.8,0.7,,,'));
  const g = crmAssessment(loadDataset(dir), { material: 'gallium' }).materials[0];
  // IR 0.7 → IR/2 = 0.35, 1 − 0.35 = 0.65.
  // Extraction: (2.21·0.35 + 1.4368·0.65)·0.5 = (0.7735 + 0.93392)·0.5 = 0.85371
  // Processing: (2.9·0.35 + 1.775·0.65)·0.5 = (1.015 + 1.15375)·0.5 = 1.084375
  near(stageOf(g, 'extraction').supplyRisk, 0.85371, 'SR extraction with the material IR');
  near(stageOf(g, 'processing').supplyRisk, 1.084375, 'SR processing with the material IR');
  for (const s of g.stages) assert.equal(s.importReliance, 0.7);
});

test('germanium: a tie between the stages goes to extraction; no EU sourcing → global stands in', () => {
  const g = crmAssessment(loadDataset(HAND), { material: 'germanium' }).materials[0];
  // Both stages: CHN 0.5²·6 + RUS 0.5²·7 = 1.5 + 1.75 = 3.25 for both terms (no eu_sourcing rows):
  // SR = 3.25·(1 − 0)·1 = 3.25, independent of IR.
  near(stageOf(g, 'extraction').supplyRisk, 3.25, 'SR extraction');
  near(stageOf(g, 'processing').supplyRisk, 3.25, 'SR processing');
  assert.deepEqual(g.stages.map((s) => s.euSourcingBasis), ['global', 'global']);
  assert.equal(g.bottleneck, 'extraction');
});

/** Runs the Python peer on a dataset folder. */
function peer(dir: string): PeerMaterial[] {
  const run = spawnSync(PYTHON, [PEER, dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { materials: PeerMaterial[] }).materials;
}

interface PeerMaterial {
  material: string;
  year: number;
  stages: { stage: string; supplyRisk: number; hhiGlobal: number; hhiEuSourcing: number; importReliance: number }[];
  bottleneck: string;
  supplyRisk: number;
  critical: boolean;
}

test('the hand-worked fixture: the Python peer agrees', { skip }, () => {
  const ours = crmAssessment(loadDataset(HAND)).materials;
  const theirs = peer(HAND);
  compare(ours, theirs);
  assert.equal(theirs.find((m) => m.material === 'gallium')?.critical, true);
});

const POOL = Array.from({ length: 14 }, (_, i) => `GA${String.fromCharCode(65 + i)}`); // GAA … GAN
const TRADE = [undefined, 0.8, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.5];

/**
 * Adds `count` random materials to the hand fixture's tables: 14 more countries with WGI rows of several
 * years, one or two years of inputs per material (the latest is assessed), one or both stages, global
 * shares always and EU-sourcing shares mostly (with EU27, whose WGI is its members' mean, and its
 * members), shares summing to at most 1 with an OTHER remainder most of the time, random trade
 * parameters (some left empty: 1), IR with or without per-stage values, EoL-RIR, SI and EI (some at 2.8).
 */
function generate(tables: Tables, seed: number, count: number): void {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
  const prov = { source: ['hand'], estimated: false, note: '' };
  for (const id of POOL) {
    tables.country.push({ id, name: id, kind: 'country', region: '' });
    for (const year of [2019, 2021, 2022, 2024]) {
      if (year === 2019 || rnd() < 0.6) tables.governance.push({ country: id, indicator: 'wgi_mean', year, value: round(rnd() * 5 - 2.5, 2), ...prov });
    }
  }
  const shares = (scope: 'global' | 'eu_sourcing') => {
    const candidates = scope === 'global' ? POOL : [...POOL, 'EU27', 'DEU', 'FRA'];
    const countries = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(candidates)))];
    const named = 0.4 + rnd() * 0.6;
    const weights = countries.map(() => 0.05 + rnd());
    const sum = weights.reduce((a, w) => a + w, 0);
    const rows = countries.map((country, i) => ({ country, share: round((weights[i] / sum) * named, 4) }));
    const rest = round(1 - rows.reduce((a, r) => a + r.share, 0), 4);
    if (rest > 0 && rnd() < 0.8) rows.push({ country: 'OTHER', share: rest });
    return rows;
  };
  for (let k = 0; k < count; k++) {
    const material = `material_${seed}_${k}`;
    tables.commodity.push({ id: material, name: material, group: 'mineral', unit: 't/yr', allowed_units: ['t/yr'], fungible: false, ...prov });
    for (const year of rnd() < 0.3 ? [2022, 2023] : [pick([2022, 2023, 2024])]) {
      const row: CrmMaterialRow = {
        material, year, economic_importance: rnd() < 0.2 ? 2.8 : round(rnd() * 10, 1), import_reliance: round(rnd()),
        eol_rir: round(rnd() * 0.6), substitution_index: round(0.5 + rnd() * 0.5), ...prov,
      };
      if (rnd() < 0.5) row.import_reliance_extraction = round(rnd());
      if (rnd() < 0.5) row.import_reliance_processing = round(rnd());
      tables.crmMaterial.push(row);
      const stages = rnd() < 0.6 ? ['extraction', 'processing'] as const : [pick(['extraction', 'processing'] as const)];
      for (const stage of stages) {
        for (const scope of rnd() < 0.8 ? ['global', 'eu_sourcing'] as const : ['global'] as const) {
          for (const { country, share } of shares(scope)) {
            const trade = country === 'OTHER' ? 1 : pick(TRADE);
            tables.crmSupply.push({ material, year, stage, scope, country, share, trade_parameter: trade as number, ...prov });
          }
        }
      }
    }
  }
}

/** Writes the generated tables over a copy of the hand fixture. */
function writeGenerated(seed: number, count: number): string {
  const dir = copyFixture('metrics-supply-risk');
  const tables = loadDataset(dir).tables;
  generate(tables, seed, count);
  for (const name of ['country', 'governance', 'commodity', 'crmMaterial', 'crmSupply'] as const) {
    writeTable(dir, entityByName(name), tables[name] as unknown as Record<string, Cell>[]);
  }
  return dir;
}

function compare(ours: ReturnType<typeof crmAssessment>['materials'], theirs: PeerMaterial[]): void {
  assert.deepEqual(ours.map((m) => m.material), theirs.map((m) => m.material));
  for (const [i, m] of ours.entries()) {
    const p = theirs[i];
    assert.equal(m.year, p.year, `${m.material} year`);
    assert.deepEqual(m.stages.map((s) => s.stage), p.stages.map((s) => s.stage), `${m.material} stages`);
    for (const [j, s] of m.stages.entries()) {
      const q = p.stages[j];
      const label = `${m.material} ${s.stage}`;
      near(s.hhiGlobal, q.hhiGlobal, `${label} HHI_WGI,t global`);
      near(s.hhiEuSourcing, q.hhiEuSourcing, `${label} HHI_WGI,t EU sourcing`);
      near(s.importReliance, q.importReliance, `${label} IR`);
      near(s.supplyRisk, q.supplyRisk, `${label} SR`);
    }
    assert.equal(m.bottleneck, p.bottleneck, `${m.material} bottleneck`);
    near(m.supplyRisk, p.supplyRisk, `${m.material} SR`);
    assert.equal(m.critical, p.critical, `${m.material} verdict`);
  }
}

for (const seed of [7, 11, 2024]) {
  test(`generated materials (seed ${seed}): Corridor and the Python peer agree to 1e-9`, { skip }, () => {
    const dir = writeGenerated(seed, 15);
    const assessment = crmAssessment(loadDataset(dir));
    assert.deepEqual(assessment.skipped, []);
    const ours = assessment.materials;
    compare(ours, peer(dir));
    // The generator reaches what the comparison is meant to cover.
    const stages = ours.flatMap((m) => m.stages);
    assert.ok(stages.some((s) => s.euSourcingBasis === 'global') && stages.some((s) => s.euSourcingBasis === 'eu_sourcing'));
    assert.ok(stages.some((s) => s.dispersedShareGlobal > 0));
    assert.ok(ours.some((m) => m.stages.length === 2) && ours.some((m) => m.stages.length === 1));
  });
}

test('corridor crm --json on a generated dataset gives the peer figures', { skip }, async () => {
  const dir = writeGenerated(99, 6);
  const { code, stdout } = await runCli('crm', '--dataset', dir, '--json');
  assert.equal(code, 0);
  compare(JSON.parse(stdout).materials, peer(dir));
});
