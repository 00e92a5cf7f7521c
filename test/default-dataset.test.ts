// The embedded default dataset: valid, every figure sourced, and key figures equal to the values in
// the cited sources (transcribed by hand from the reference sheet) or to the WGI file in data/wgi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATASET_DIR, readDataset } from '../src/data/read.ts';
import { ENTITIES } from '../src/schema/entities.ts';
import { parseCsv } from '../src/data/csv.ts';

const { model, problems } = readDataset(DEFAULT_DATASET_DIR);
const close = (a: number, b: number, tolerance = 1e-6) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

test('the default dataset validates with no errors', () => {
  assert.deepEqual(problems.errors, []);
});

test('every numeric cell of the default dataset has a source that exists in sources.csv', () => {
  const sources = new Set(model.tables.source.map((s) => s.id));
  let checked = 0;
  for (const entity of ENTITIES) {
    const numeric = entity.attributes.filter((a) => a.type === 'number').map((a) => a.name);
    if (numeric.length === 0) continue;
    for (const row of (model.tables as unknown as Record<string, Record<string, unknown>[]>)[entity.name]) {
      if (!numeric.some((name) => row[name] !== undefined)) continue;
      const ids = row.source as string[];
      assert.ok(ids.length > 0, `${entity.file}: a row with figures has no source`);
      for (const id of ids) assert.ok(sources.has(id), `${entity.file}: unknown source ${id}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} rows with figures`);
});

test('every estimated figure says how it was derived', () => {
  for (const entity of ENTITIES.filter((e) => e.sourced)) {
    for (const row of (model.tables as unknown as Record<string, { estimated: boolean; note: string }[]>)[entity.name]) {
      if (row.estimated) assert.ok(row.note.trim().length > 5, `${entity.file}: estimated row without an explanation`);
    }
  }
});

const ROOT = join(import.meta.dirname, '..');

test('the WGI value of every state equals the WGI 2022 file in data/wgi, rescaled from 0-1 to -2.5..+2.5', () => {
  const file = join(ROOT, 'data', 'wgi', 'wgi-2022-mean-normalised.csv');
  if (!existsSync(file)) return assert.fail(`missing ${file}`);
  const { table, problems: csvProblems } = parseCsv(readFileSync(file, 'utf8'));
  assert.deepEqual(csvProblems, []);
  const normalised = new Map(table.rows.map((r) => [r[0], Number(r[1])]));
  // Hand check from the reference sheet (2 decimals): Kazakhstan 0.435 -> 0.435*5 - 2.5 = -0.325 (≈ -0.33),
  // Russian Federation -1.03, France +1.04.
  assert.ok(Math.abs(model.wgi('KAZ')!.value - -0.33) <= 0.01);
  assert.ok(Math.abs(model.wgi('RUS')!.value - -1.03) <= 0.01);
  assert.ok(Math.abs(model.wgi('FRA')!.value - 1.04) <= 0.01);
  // The World Bank's names where they differ from countries.csv.
  const worldBankName: Record<string, string> = {
    CZE: 'Czech Republic', SVK: 'Slovak Republic', KGZ: 'Kyrgyz Republic', RUS: 'Russian Federation', PRK: 'Korea, Dem. Rep.',
    EGY: 'Egypt, Arab Rep.', YEM: 'Yemen, Rep.', COD: 'Congo, Dem. Rep.', USA: 'United States', GBR: 'United Kingdom', KOR: 'Korea, Rep.',
  };
  const states = model.tables.country.filter((c) => c.kind === 'country');
  // 73 + Oman, the coastal state of the Strait of Hormuz, + Madagascar, Mozambique and South Korea (graphite mining)
  assert.equal(states.length, 77);
  for (const state of states) {
    const n = normalised.get(worldBankName[state.id] ?? state.name);
    assert.ok(n !== undefined, `${state.id} (${state.name}) is not in the WGI file`);
    const wgi = model.wgi(state.id);
    assert.ok(wgi, `${state.id} has no WGI value`);
    // Written with 4 decimals: at most half a unit of the 4th decimal away.
    assert.ok(Math.abs(wgi.value - (n * 5 - 2.5)) <= 0.5e-4 + 1e-12, `${state.id}: ${wgi.value} vs ${n * 5 - 2.5}`);
  }
});

test('uranium 2022: Kazakhstan 21,227 tU of a world 49,355 tU (WNA), i.e. 43%', () => {
  const kaz = model.tables.production.find((p) => p.year === 2022 && p.commodity === 'uranium' && p.country === 'KAZ' && !p.operator);
  const world = model.tables.production.find((p) => p.year === 2022 && p.commodity === 'uranium' && p.country === 'WLD');
  assert.equal(kaz?.volume, 21227);
  assert.equal(world?.volume, 49355);
  assert.equal(Math.round((21227 / 49355) * 100), 43);
});

test('EU crude imports 2023 add up to the Eurostat total of 471.5 Mt, the US at 67.2 Mt', () => {
  const flows = model.flows({ year: 2023, commodity: 'crude_oil', importer: 'EU27' });
  const total = flows.reduce((s, f) => s + f.baseVolume, 0);
  assert.ok(close(total, 471.5, 1e-4), `total ${total}`);
  assert.ok(close(flows.find((f) => f.exporter === 'USA')!.baseVolume, 67.2));
});

test('EU crude imports 2024: Kazakhstan 1.05 of 9.1 mb/d = 11.5%, and 1.05 mb/d at 7.3 bbl/t = 52.5 Mt', () => {
  const flows = model.flows({ year: 2024, commodity: 'crude_oil', importer: 'EU27' });
  const total = flows.reduce((s, f) => s + f.baseVolume, 0);
  const kaz = flows.filter((f) => f.exporter === 'KAZ').reduce((s, f) => s + f.baseVolume, 0);
  assert.equal(Math.round((kaz / total) * 1000) / 10, 11.5);
  assert.ok(close(kaz, 52.5, 1e-9), `KAZ ${kaz}`);
});

test('the CPC crosses Russia and BTC crosses Azerbaijan, Georgia and Türkiye', () => {
  assert.ok(model.routeCountries('cpc').includes('RUS'));
  for (const country of ['AZE', 'GEO', 'TUR']) assert.ok(model.routeCountries('aktau_btc').includes(country), country);
  assert.ok(!model.routeCountries('aktau_btc').includes('RUS'));
});

test('every node of every route has coordinates, so routes can be drawn on a map', () => {
  const nodes = new Map(model.tables.node.map((n) => [n.id, n]));
  for (const leg of model.tables.leg) {
    for (const id of [leg.from, leg.to]) {
      const node = nodes.get(id);
      assert.ok(node && Number.isFinite(node.lat) && Number.isFinite(node.lon), `${leg.route}: node ${id}`);
    }
  }
});

test('the Critical Raw Materials Act lists have 17 strategic and 34 critical materials', () => {
  assert.equal(model.tables.crmaList.filter((m) => m.list === 'strategic').length, 17);
  assert.equal(model.tables.crmaList.filter((m) => m.list === 'critical').length, 34);
});

test('the France-Kazakhstan cooperation of 1 Nov 2023 and the Russian criticism of 12 Nov 2023 are there', () => {
  assert.ok(model.tables.agreement.some((a) => a.date === '2023-11-01' && a.parties.includes('FRA') && a.parties.includes('KAZ')));
  const criticism = model.tables.event.find((e) => e.date === '2023-11-12' && e.actor === 'RUS');
  assert.ok(criticism && criticism.tone < 0, 'Lavrov criticism with a negative tone');
});

/** The first line where two files differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, k) => line !== y[k]);
  return i < 0 ? `lengths ${a.length} and ${b.length}` : `line ${i + 1}:\n  built:     ${x[i]}\n  committed: ${y[i]}`;
}

test('scripts/build-default-dataset.ts regenerates exactly the CSV files of data/default, byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'corridor-build-'));
  try {
    const script = join(ROOT, 'scripts', 'build-default-dataset.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT, env: { ...process.env, CORRIDOR_DATASET_OUT: out }, encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const csvs = readdirSync(DEFAULT_DATASET_DIR).filter((f) => f.endsWith('.csv')).sort();
    assert.equal(csvs.length, 25); // 20 tables, the three of the value chains, chokepoints.csv and sea_lanes.csv
    assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.csv')).sort(), csvs);
    for (const file of csvs) {
      const built = readFileSync(join(out, file));
      const committed = readFileSync(join(DEFAULT_DATASET_DIR, file));
      assert.ok(built.equals(committed), `${file} differs at ${firstDifference(built.toString('utf8'), committed.toString('utf8'))}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
