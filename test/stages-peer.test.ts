// Supply risk per stage of the default dataset's materials, by hand and against the independent Python peer
// (test/fixtures/metrics-peer/supply_risk.py, the same peer as test/crm-peer.test.ts), and the world and importer
// concentration of every value-chain stage against a second peer (test/fixtures/metrics-peer/stage_hhi.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { crmAssessment, valueChain } from '../src/metrics/index.ts';
import { DEFAULT_DATASET_DIR } from '../src/paths.ts';
import { FIXTURES, near } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const PEER = join(FIXTURES, 'metrics-peer', 'supply_risk.py');
const STAGE_PEER = join(FIXTURES, 'metrics-peer', 'stage_hhi.py');
const python = spawnSync(PYTHON, ['-c', 'import csv, json'], { encoding: 'utf8' });
const skip = python.status === 0 ? false : `${PYTHON} is not available`;

const assessment = crmAssessment(loadDataset());
const material = (id: string) => assessment.materials.find((m) => m.material === id)!;
const stage = (id: string, s: string) => material(id).stages.find((x) => x.stage === s)!;

test('gallium and rare earths at processing, by hand', () => {
  // China's WGI mean 2022 is -0.3333, scaled 5 − 2·(−0.3333) = 5.6666; OTHER is dispersed; no EU-sourcing shares,
  // so global supply stands in and IR drops out.
  // Gallium: 0.988² · 5.6666 = 0.976144 · 5.6666 = 4.880720 + 0.650698 = 5.531418; SR = 5.531418 · (1 − 0) · 0.98 = 5.420790.
  near(stage('gallium', 'processing').hhiGlobal, 5.531418, 'gallium HHI_WGI,t', 1e-5);
  near(stage('gallium', 'processing').supplyRisk, 5.420790, 'gallium SR processing', 1e-5);
  // Rare earths, global: 0.92² · 5.6666 = 0.8464 · 5.6666 = 4.796210 (IEA GCMO 2024: China 92% of refining).
  // EU sourcing: Eurostat's 2024 EU imports of rare-earth compounds and metals (news item ddn-20250409-1): China 46.3%,
  // Russia 28.4%, Malaysia 19.9%; scaled WGI RUS 5 + 2·1.0321 = 7.0642, MYS 5 − 2·0.4311 = 4.1378.
  // HHI_EU = 0.214369·5.6666 + 0.080656·7.0642 + 0.039601·4.1378 = 1.214743 + 0.569770 + 0.163861 = 1.948374.
  // IR at processing 1 (EU 2023 study), so both terms weigh 1/2: SR = (4.796210 + 1.948374)/2 · (1 − 0.01) · 0.99
  // = 3.372292 · 0.9801 = 3.305184.
  near(stage('rare_earths', 'processing').hhiEuSourcing, 1.948374, 'rare earths HHI_WGI,t EU sourcing', 1e-5);
  near(stage('rare_earths', 'processing').supplyRisk, 3.305184, 'rare earths SR processing', 1e-5);
  assert.equal(stage('rare_earths', 'processing').euSourcingBasis, 'eu_sourcing');
  // Processing is above extraction for rare earths: the bottleneck, named with its value-chain stage.
  assert.equal(material('rare_earths').bottleneck, 'processing');
  assert.deepEqual(material('rare_earths').bottleneckChainStages, ['separation']);
  assert.equal(material('gallium').stages.length, 1, 'gallium is assessed at processing only, like the EU study');
  // Titanium sponge (the study's titanium metal), five named countries with trade parameters for RUS and UKR:
  // scaled WGI CHN 5.6666, JPN 5 − 2·1.3746 = 2.2508, RUS 5 + 2·1.0321 = 7.0642, KAZ 5 + 2·0.3252 = 5.6504,
  // UKR 5 + 2·0.7338 = 6.4676.
  // HHI = 0.57²·5.6666 + 0.17²·2.2508 + 0.13²·7.0642·1.1 + 0.0434²·5.6504 + 0.01²·6.4676·1.1
  //     = 1.841078 + 0.065048 + 0.131323 + 0.010643 + 0.000711 = 2.048803; SR = 2.048803 · 0.99 · 1 = 2.028315.
  near(stage('titanium_sponge', 'processing').hhiGlobal, 2.048803, 'titanium HHI_WGI,t', 1e-5);
  near(stage('titanium_sponge', 'processing').supplyRisk, 2.028315, 'titanium SR processing', 1e-5);
});

test('manganese and natural graphite at extraction, by hand', () => {
  // Manganese: USGS Mineral Commodity Summaries 2025, Manganese (pp. 116-117), 2024 mine production, kt Mn of a world
  // 20,000: South Africa 7,400 (0.37), Gabon 4,600 (0.23), Australia 2,800 (0.14), Ghana 820 (0.041), India 800 (0.04),
  // China 770 (0.0385), Brazil 590 (0.0295), Malaysia 410 (0.0205). Scaled WGI (5 − 2·mean): ZAF 5.2086, GAB 6.3754,
  // AUS 2.0162, GHA 5.0116, IND 5.1350, CHN 5.6666, BRA 5.5826, MYS 4.1378.
  // HHI = 0.1369·5.2086 + 0.0529·6.3754 + 0.0196·2.0162 + 0.001681·5.0116 + 0.0016·5.135 + 0.00148225·5.6666
  //     + 0.00087025·5.5826 + 0.00042025·4.1378 = 0.713057 + 0.337259 + 0.039518 + 0.008424 + 0.008216 + 0.008399
  //     + 0.004858 + 0.001739 = 1.121471. EoL-RIR 0.09, SI 1.00 (EU 2023 study): SR = 1.121471 · 0.91 = 1.020538.
  near(stage('manganese', 'extraction').hhiGlobal, 1.121471, 'manganese HHI_WGI,t', 1e-5);
  near(stage('manganese', 'extraction').supplyRisk, 1.020538, 'manganese SR extraction', 1e-5);
  assert.deepEqual(material('manganese').bottleneckChainStages, ['mining']);
  // Natural graphite 2023 over USGS's world 1.6 Mt: China 1,230 kt = 0.76875, written 0.7688; Madagascar and Mozambique
  // 96 kt each = 0.06. China alone: 0.7688² · 5.6666 = 0.59105344 · 5.6666 = 3.349263; MDG 0.0036 · (5 + 2·0.7621)
  // = 0.023487; MOZ 0.0036 · (5 + 2·0.8655) = 0.024232; Brazil 0.0456² · 5.5826 = 0.011608; the six smaller producers
  // add 0.002185. HHI(GS) = 3.410776.
  // EU sourcing: EU imports of natural graphite 2023, China 21,000 of 76,000 t (Soapbox Trade, issue 166, from EU trade
  // data) = 0.2763, the rest not split (dispersed): HHI(EU) = 0.07634169 · 5.6666 = 0.432598. IR 0.99, EoL-RIR 0.03,
  // SI 0.98 (EU 2023 study): SR = (3.410776 · 0.495 + 0.432598 · 0.505) · 0.97 · 0.98 = 1.906796 · 0.9506 = 1.812600,
  // against the study's 1.8.
  near(stage('graphite', 'extraction').hhiGlobal, 3.410776, 'graphite HHI_WGI,t', 1e-5);
  near(stage('graphite', 'extraction').hhiEuSourcing, 0.432598, 'graphite HHI_WGI,t EU sourcing', 1e-5);
  near(stage('graphite', 'extraction').supplyRisk, 1.812600, 'graphite SR extraction', 1e-5);
  assert.equal(material('graphite').bottleneck, 'extraction');
});

test('tungsten: processing is the bottleneck, as in the EU 2023 study', () => {
  // Processing: China "exceeding 90%" of deep processing (sscollege.cn, 2025), written 0.9, the rest dispersed:
  // HHI = 0.81 · 5.6666 = 4.589946. EoL-RIR 0.42, SI 0.96 (EU 2023 study): SR = 4.589946 · 0.58 · 0.96 = 2.555682.
  // Extraction (USGS 2023, China 63,000 of 78,000 t, trade parameter 1.1) gives 2.278306, lower.
  near(stage('tungsten', 'processing').hhiGlobal, 4.589946, 'tungsten HHI_WGI,t processing', 1e-5);
  near(stage('tungsten', 'processing').supplyRisk, 2.555682, 'tungsten SR processing', 1e-5);
  assert.equal(material('tungsten').bottleneck, 'processing');
  assert.deepEqual(material('tungsten').bottleneckChainStages, ['apt']);
});

test('chromium at processing (ferrochrome), with Kazakhstan third', () => {
  // 2023 output, t (ReportLinker; ferrochrome magnitudes), over the listed 12,440,430 t: China 0.5948 (t 1.1),
  // South Africa 0.1763, Kazakhstan 0.1039, Finland 0.0384, India 0.0312, Russia 0.0279 (t 1.1); scaled WGI CHN 5.6666,
  // ZAF 5.2086, KAZ 5.6504, FIN 5 − 2·1.7055 = 1.5890, IND 5.1350, RUS 7.0642.
  // HHI = 0.35378704·5.6666·1.1 + 0.03108169·5.2086 + 0.01079521·5.6504 + 0.00147456·1.589 + 0.00097344·5.135
  //     + 0.00077841·7.0642·1.1 = 2.205245 + 0.161892 + 0.060997 + 0.002343 + 0.004999 + 0.006049 = 2.441525.
  // EoL-RIR 0.21, SI 0.93 (EU 2023 study): SR = 2.441525 · 0.79 · 0.93 = 1.793789, above extraction (0.96).
  near(stage('chromium', 'processing').hhiGlobal, 2.441525, 'chromium HHI_WGI,t processing', 1e-5);
  near(stage('chromium', 'processing').supplyRisk, 1.793789, 'chromium SR processing', 1e-5);
  assert.equal(material('chromium').bottleneck, 'processing');
});

test('uranium enrichment 2023: world capacity by company from Orano\'s shares, HHI over named countries', () => {
  // Orano (via Bloomberg, Oct 2023): Rosatom 43%, Urenco 31%, CNNC 13%, Orano 12% of world enrichment capacity;
  // Georges Besse II's 7,500 tSWU are Orano's 12% (SFEN 2024), so the world is 62,500 tSWU. Named countries:
  // RUS 0.43, CHN 0.13, FRA 0.12, NLD (Almelo, 750 / 0.15 = 5,000 tSWU) 0.08, USA (Eunice, 4,600 tSWU, WNN
  // 14 Dec 2023) 0.0736. HHI = 1,849 + 169 + 144 + 64 + 54.1696 = 2,280.1696 (Urenco Gronau + Capenhurst and the last
  // 1% are not split by country and count as dispersed).
  const chain = valueChain(loadDataset(), { commodity: 'uranium', importer: 'EU27', year: 2023 });
  const enrichment = chain.stages.find((s) => s.stage === 'enrichment')!;
  assert.equal(enrichment.world!.year, 2023);
  assert.equal(enrichment.world!.kind, 'capacity');
  near(enrichment.world!.total, 62500, 'world enrichment capacity', 1e-9);
  near(enrichment.world!.hhi, 2280.1696, 'enrichment HHI 2023', 1e-6);
  assert.equal(enrichment.world!.top!.country, 'RUS');
});

test('every value-chain stage with stage_supply.csv figures: world HHI and importer HHI against the Python peer', { skip }, () => {
  const run = spawnSync(PYTHON, [STAGE_PEER, DEFAULT_DATASET_DIR], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const theirs = JSON.parse(run.stdout) as { commodity: string; stage: string; year: number; world: { year: number; hhi: number; total: number } | null; importer: { year: number; hhi: number } | null }[];
  const model = loadDataset();
  let compared = 0;
  for (const p of theirs) {
    const ours = valueChain(model, { commodity: p.commodity, importer: 'EU27', year: p.year }).stages.find((s) => s.stage === p.stage)!;
    const what = `${p.commodity} ${p.stage} ${p.year}`;
    if (p.world) {
      assert.equal(ours.world?.table, 'stage_supply.csv', what);
      assert.equal(ours.world!.year, p.world.year, what);
      near(ours.world!.total, p.world.total, `${what} world total`);
      near(ours.world!.hhi, p.world.hhi, `${what} world HHI`);
      compared++;
    }
    if (p.importer) {
      assert.equal(ours.importer!.year, p.importer.year, what);
      near(ours.importer!.hhi, p.importer.hhi, `${what} EU27 HHI`);
      compared++;
    } else {
      assert.equal(ours.importer, undefined, what);
    }
  }
  assert.ok(compared >= 20, `compared ${compared} stage figures`);
});

test('every material and stage of the default dataset: Corridor and the Python peer agree to 1e-9', { skip }, () => {
  const run = spawnSync(PYTHON, [PEER, DEFAULT_DATASET_DIR], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const theirs = (JSON.parse(run.stdout) as { materials: { material: string; bottleneck: string; supplyRisk: number; stages: { stage: string; supplyRisk: number; hhiGlobal: number }[] }[] }).materials;
  assert.deepEqual(assessment.materials.map((m) => m.material), theirs.map((m) => m.material));
  assert.ok(theirs.some((m) => m.stages.length === 2), 'at least one material is assessed at both stages');
  for (const [i, m] of assessment.materials.entries()) {
    const p = theirs[i];
    assert.deepEqual(m.stages.map((s) => s.stage), p.stages.map((s) => s.stage), m.material);
    m.stages.forEach((s, j) => {
      near(s.hhiGlobal, p.stages[j].hhiGlobal, `${m.material} ${s.stage} HHI_WGI,t`);
      near(s.supplyRisk, p.stages[j].supplyRisk, `${m.material} ${s.stage} SR`);
    });
    assert.equal(m.bottleneck, p.bottleneck, `${m.material} bottleneck`);
  }
});
