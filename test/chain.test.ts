// Value chains: per-stage shares, HHI and the CRMA benchmark on a hand-made chain (test/fixtures/chain-basic), broken
// chains refused by `corridor validate` with file:row:column, junk in the new tables never crashing the reader, and
// the uranium chain of the default dataset against the ESA and WNA figures it was built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, readDataset } from '../src/data/read.ts';
import { valueChain } from '../src/metrics/index.ts';
import { copyFixture, editFile, FIXTURES, near, runCli } from './helpers.ts';

const FIXTURE = join(FIXTURES, 'chain-basic');

test('hand-worked chain: world shares and HHI per stage, bottleneck, importer shares and the CRMA benchmark', () => {
  const c = valueChain(loadDataset(FIXTURE), { commodity: 'gallium', importer: 'EU27', year: 2023 });
  assert.deepEqual(c.stages.map((s) => s.stage), ['mining', 'refining', 'products']);
  const [mining, refining, products] = c.stages;
  // Mining 2023: KAZ 60, CHN 30, OTHER 10 of 100 t ore → 0.6, 0.3, 0.1; HHI over named countries = 60² + 30² = 4,500.
  near(mining.world!.holders.find((h) => h.country === 'KAZ')!.share, 0.6, 'KAZ mining share');
  near(mining.world!.hhi, 4500, 'mining HHI', 1e-6);
  // Refining 2023 (production wins over capacity): CHN 50 + 30 (two plants) = 80, RUS 10, DEU 10 of 100 t Ga
  // → HHI = 80² + 10² + 10² = 6,600; the CHN capacity row of 200 t is not production and is not counted.
  assert.equal(refining.world!.kind, 'production');
  near(refining.world!.total, 100, 'refining total');
  near(refining.world!.hhi, 6600, 'refining HHI', 1e-6);
  assert.deepEqual(refining.world!.top!.operators, ['Plant A', 'Plant B']);
  // Refining takes 2 t ore per t Ga (declared); products keep t Ga, so 1.
  assert.equal(refining.inputPerUnit, 2);
  assert.equal(products.inputPerUnit, 1);
  // Products: only 2021 capacity, FRA 5 and DEU 5 → 50% each, HHI 5,000, and a note that says the year.
  assert.equal(products.world!.year, 2021);
  near(products.world!.hhi, 5000, 'products HHI', 1e-6);
  assert.ok(c.notes.some((n) => n.startsWith('products: world figures of 2021')));
  // Bottleneck: the highest world HHI, refining (6,600 > 5,000 > 4,500).
  assert.equal(c.bottleneck, 'refining');
  // EU27 refining deliveries: CHN 0.7, DEU 0.2, TUR 0.1 → HHI 4,900 + 400 + 100 = 5,400; DEU is a member, so the
  // largest third country is CHN at 70% > 65%: benchmark not met.
  near(refining.importer!.hhi, 5400, 'EU refining HHI', 1e-6);
  assert.equal(refining.importer!.largestThirdCountry!.country, 'CHN');
  assert.equal(refining.importer!.crmaBenchmarkMet, false);
  // EU27 mining deliveries: KAZ 0.5, OTHER 0.5 (dispersed) → HHI 2,500, KAZ 50% ≤ 65%: met.
  near(mining.importer!.hhi, 2500, 'EU mining HHI', 1e-6);
  assert.equal(mining.importer!.crmaBenchmarkMet, true);
  assert.equal(products.importer, undefined);
});

test('a year before any figure leaves the stage without data rather than borrowing a later year', () => {
  const c = valueChain(loadDataset(FIXTURE), { commodity: 'gallium', year: 2022 });
  assert.equal(c.stages[0].world, undefined);
  assert.equal(c.stages[2].world!.year, 2021);
  assert.equal(c.bottleneck, 'products');
});

const BROKEN: [string, string, (t: string) => string, RegExp][] = [
  ['a stage after the first with no predecessor', 'stages.csv', (t) => t.replace('gallium,products,3,Wafers and compounds,t Ga,refining,', 'gallium,products,3,Wafers and compounds,t Ga,,'),
    /stages\.csv:4:predecessor: expected the stage before "products" \(sequence 2 of gallium\), found an empty cell/],
  ['a unit that does not convert (t ore → t Ga without input_per_unit)', 'stages.csv', (t) => t.replace('t Ga,mining,2,', 't Ga,mining,,'),
    /stages\.csv:3:input_per_unit: expected how many t ore of "mining" one t Ga of "refining" takes/],
  ['a predecessor that is not the stage just before', 'stages.csv', (t) => t.replace('t Ga,refining,,', 't Ga,mining,,'),
    /stages\.csv:4:predecessor: expected the stage at sequence 2 of gallium, found "mining" at sequence 1/],
  ['a gap in the sequence', 'stages.csv', (t) => t.replace('gallium,products,3,', 'gallium,products,4,'),
    /stages\.csv:4:sequence: expected a sequence from 1 to 3/],
  ['an undeclared predecessor', 'stages.csv', (t) => t.replace('t Ga,refining,,', 't Ga,smelting,,'),
    /stages\.csv:4:predecessor: expected a stage of gallium declared in stages\.csv, found unknown "smelting"/],
  ['an input per unit on the first stage', 'stages.csv', (t) => t.replace('Bauxite mining,t ore,,,', 'Bauxite mining,t ore,,3,'),
    /stages\.csv:2:input_per_unit: expected an empty cell for the first stage of gallium .*found 3/],
  ['supply in another unit than the stage’s', 'stage_supply.csv', (t) => t.replace('2023,gallium,refining,RUS,,production,10,t Ga', '2023,gallium,refining,RUS,,production,10,t ore'),
    /stage_supply\.csv:7:unit: expected the unit of stage "refining" of gallium \(t Ga\), found "t ore"/],
  ['deliveries of an undeclared stage', 'stage_flows.csv', (t) => t.replace('2023,gallium,refining,EU27,TUR', '2023,gallium,magnets,EU27,TUR'),
    /stage_flows\.csv:6:stage: expected a stage declared for gallium in stages\.csv, found "magnets"/],
  ['delivery shares over 1', 'stage_flows.csv', (t) => t.replace('EU27,TUR,0.1', 'EU27,TUR,0.2'),
    /stage_flows\.csv:4:share: expected the shares of 2023 gallium refining EU27 to add up to at most 1, found 1\.1000/],
];

for (const [what, file, edit, message] of BROKEN) {
  test(`corridor validate refuses ${what} with file:row:column and exit code 1`, async () => {
    const dir = copyFixture('chain-basic');
    editFile(dir, file, edit);
    const run = await runCli('validate', dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, message);
  });
}

test('corridor chain: text, --json and --csv; a commodity without a chain and a missing --commodity are errors', async () => {
  const text = await runCli('chain', '--dataset', FIXTURE, '--commodity', 'gallium', '--importer', 'EU27', '--year', '2023');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /refining .*CHN 80\.0%.* 6600/);
  assert.match(text.stdout, /refining +2023 +CHN 70\.0%.*NOT MET/);
  assert.match(text.stdout, /Most concentrated stage \(world\): refining/);
  const json = await runCli('chain', '--dataset', FIXTURE, '--commodity', 'gallium', '--json');
  assert.equal(JSON.parse(json.stdout).bottleneck, 'refining');
  const csv = await runCli('chain', '--dataset', FIXTURE, '--commodity', 'gallium', '--csv', '--table', 'holders');
  assert.match(csv.stdout, /^stage,year,kind,country,operators,volume,unit,share\r\n/);
  assert.match(csv.stdout, /refining,2023,production,CHN,Plant A; Plant B,80,t Ga,0\.8/);
  const none = await runCli('chain', '--dataset', FIXTURE);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /give --commodity <id>; commodities with a value chain: gallium/);
  const stranger = await runCli('chain', '--dataset', FIXTURE, '--commodity', 'gallium', '--importer', 'XYZ');
  assert.notEqual(stranger.code, 0);
  assert.match(stranger.stderr, /unknown importer "XYZ"; importers with deliveries per stage: EU27/);
  const unknown = await runCli('chain', '--dataset', FIXTURE, '--commodity', 'copper');
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /unknown commodity "copper"/);
});

test('junk in stages.csv, stage_supply.csv and stage_flows.csv: never a crash, every error located in its file', () => {
  const dir = copyFixture('chain-basic');
  const cell = fc.string({ unit: fc.constantFrom('a', '1', '-', ',', '"', '\n', ' ', 'mining', 't Ga', '0', '9'), maxLength: 10 }) as fc.Arbitrary<string>;
  const files = ['stages.csv', 'stage_supply.csv', 'stage_flows.csv'] as const;
  fc.assert(fc.property(fc.constantFrom(...files), fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { maxLength: 5 }), (file, rows) => {
    const header = { 'stages.csv': 'commodity,stage,sequence,name,unit,predecessor,input_per_unit,eu_method_stage,source,estimated,note',
      'stage_supply.csv': 'year,commodity,stage,country,operator,kind,volume,unit,source,estimated,note',
      'stage_flows.csv': 'year,commodity,stage,importer,supplier,share,source,estimated,note' }[file];
    writeFileSync(join(dir, file), [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
    const { problems } = readDataset(dir);
    for (const p of problems.errors) assert.ok(p.file.endsWith('.csv') || p.file === 'datapackage.json', `unlocated problem ${JSON.stringify(p)}`);
    writeFileSync(join(dir, file), readFileSyncFixture(file));
  }), { numRuns: 150, seed: 20231101 });
});

const readFileSyncFixture = (file: string): string => readFileSync(join(FIXTURE, file), 'utf8');

test('default dataset: the uranium chain holds the ESA 2022 deliveries and the WNA capacities it was built from', () => {
  const c = valueChain(loadDataset(), { commodity: 'uranium', importer: 'EU27', year: 2023 });
  assert.deepEqual(c.stages.map((s) => s.stage), ['mining', 'conversion', 'enrichment', 'fuel_fabrication']);
  const [mining, conversion, enrichment] = c.stages;
  // ESA 2022: Kazakhstan 26.82% of natural uranium delivered to EU utilities; shares of KAZ, NER, CAN, RUS, UZB
  // squared and summed: 26.82² + 25.38² + 21.99² + 16.89² + 3.76² = 719.3124 + 644.1444 + 483.5601 + 285.2721 + 14.1376 = 2,146.4266
  // (OTHER 5.16% is dispersed).
  assert.equal(mining.importer!.year, 2022);
  near(mining.importer!.hhi, 2146.4266, 'EU 2022 natural-uranium HHI', 1e-3);
  // WNA 2023 (stage_supply.csv): Kazakhstan 21,109 tU; the countries add up to 54,434 tU, one more than WNA's
  // rounded world total of 54,433, and the larger of the two is the denominator: 21,109 / 54,434 = 38.8%.
  assert.equal(mining.world!.table, 'stage_supply.csv');
  near(mining.world!.holders.find((h) => h.country === 'KAZ')!.share, 21109 / 54434, 'KAZ world mining share 2023');
  // 2022 has no stage_supply rows: production.csv's extraction rows stand in, Kazakhstan 21,227 of 49,355 tU.
  const mining22 = valueChain(loadDataset(), { commodity: 'uranium', year: 2022 }).stages[0].world!;
  assert.equal(mining22.table, 'production.csv');
  near(mining22.holders.find((h) => h.country === 'KAZ')!.share, 21227 / 49355, 'KAZ world mining share 2022');
  // Conversion capacity 2017 (WNA via ESA): Rosatom 18,000 of 57,500 tU = 31.3%.
  near(conversion.world!.top!.share, 18000 / 57500, 'Rosatom conversion share');
  assert.equal(conversion.world!.top!.country, 'RUS');
  // Enrichment takes 7.785 / 4.34 tU of UF6 per tSWU (3.5% product, 0.3% tails), written with three decimals.
  assert.equal(enrichment.inputPerUnit, 1.794);
  assert.equal(enrichment.world!.top!.country, 'RUS');
});

test('corridor chain --commodity uranium --importer EU27 --year 2023 --json: who holds each stage, and the bottleneck', async () => {
  const run = await runCli('chain', '--commodity', 'uranium', '--importer', 'EU27', '--year', '2023', '--json');
  assert.equal(run.code, 0, run.stderr);
  const c = JSON.parse(run.stdout);
  const enrichment = c.stages.find((s: { stage: string }) => s.stage === 'enrichment');
  // Enrichment capacity 2023: Orano puts Rosatom at 43% of world capacity (Bloomberg, Oct 2023) and Georges Besse II's
  // 7,500 tSWU at 12% (SFEN, Oct 2024), so Rosatom holds 0.43 · 62,500 = 26,875 tSWU.
  assert.equal(enrichment.world.year, 2023);
  assert.equal(enrichment.world.holders[0].country, 'RUS');
  near(enrichment.world.holders[0].volume, 26875, 'Rosatom tSWU', 1e-9);
  near(enrichment.world.holders.find((h: { country: string }) => h.country === 'FRA').volume, 7500, 'Georges Besse II tSWU', 1e-9);
  // EU enrichment services: the latest year up to 2023 with an origin is 2021, Russia "a third" (ESA via Politico).
  assert.equal(enrichment.importer.year, 2021);
  assert.equal(enrichment.importer.largestThirdCountry.country, 'RUS');
  // Conversion 2017 (WNA via ESA), tU: 18,000, 15,000, 12,500, 7,000, 5,000 of 57,500, HHI = 979.9622 + 680.5293
  // + 472.5898 + 148.2042 + 75.6144 = 2,356.8998, above enrichment's 2,280.1696 and mining's (WNA 2023): the bottleneck.
  near(c.stages.find((s: { stage: string }) => s.stage === 'conversion').world.hhi, 2356.8998, 'conversion HHI', 1e-3);
  assert.equal(c.bottleneck, 'conversion');
});

test('corridor metrics --stage: one stage with its world holders, the importer\'s deliveries and the benchmark', async () => {
  const run = await runCli('metrics', '--dataset', FIXTURE, '--commodity', 'gallium', '--stage', 'refining', '--importer', 'EU27', '--year', '2023', '--json');
  assert.equal(run.code, 0, run.stderr);
  const m = JSON.parse(run.stdout);
  // Same hand-worked figures as above: world HHI 6,600; EU27 HHI 5,400, CHN 70% > 65%.
  near(m.world.hhi, 6600, 'world HHI', 1e-6);
  near(m.importer.hhi, 5400, 'EU HHI', 1e-6);
  assert.equal(m.importer.crmaBenchmarkMet, false);
  const text = await runCli('metrics', '--dataset', FIXTURE, '--commodity', 'gallium', '--stage', 'refining', '--importer', 'EU27');
  assert.match(text.stdout, /CRMA benchmark \(at most 65% from one third country\) NOT MET \(largest CHN 70\.0%\)/);
  const bad = await runCli('metrics', '--dataset', FIXTURE, '--commodity', 'gallium', '--stage', 'smelting');
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /unknown stage "smelting" of gallium; its stages: mining, refining, products/);
  const exporter = await runCli('metrics', '--dataset', FIXTURE, '--commodity', 'gallium', '--stage', 'refining', '--exporter', 'CHN');
  assert.equal(exporter.code, 2);
});

test('corridor crm names the value-chain stages of the bottleneck', async () => {
  const run = await runCli('crm', '--material', 'tungsten', '--json');
  assert.equal(run.code, 0, run.stderr);
  const t = JSON.parse(run.stdout).materials[0];
  // Processing (China over 90% of APT and oxides, written 0.9: 0.81 · 5.6666 · (1 − 0.42) · 0.96 = 2.56) is above
  // extraction (2.28), as in the EU 2023 study, and stages.csv maps processing to tungsten's APT stage.
  assert.equal(t.bottleneck, 'processing');
  assert.deepEqual(t.bottleneckChainStages, ['apt']);
});

test('default dataset: a stage read from production.csv uses the latest year with a world total', () => {
  // Titanium sponge: the world total is known for 2021 only (210,000 t China = 57%, so 368,421 t); 2023 and 2024
  // have countries but no world row. China 210,000 / 368,421 = 0.57; Kazakhstan 16,000 / 368,421 = 0.0434.
  const c = valueChain(loadDataset(), { commodity: 'titanium_sponge', year: 2024 });
  const sponge = c.stages.find((s) => s.stage === 'sponge')!;
  assert.equal(sponge.world!.year, 2021);
  assert.equal(sponge.world!.table, 'production.csv');
  near(sponge.world!.holders.find((h) => h.country === 'CHN')!.share, 0.57, 'China sponge share', 1e-3);
  near(sponge.world!.holders.find((h) => h.country === 'KAZ')!.share, 16000 / (210000 / 0.57), 'Kazakhstan sponge share', 1e-3);
});
