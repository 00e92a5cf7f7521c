// Benchmark: every importer × commodity × year dependence metric (importerMetrics), on the default
// dataset and on a seeded synthetic dataset of 200 countries and 50 commodities, against pandas doing
// the same computation (bench/metrics/metrics_pandas.py) in the same run. Reports times and the ratio,
// and checks that both give the same HHI, top share, CRMA share, governance-weighted HHI and transit.
// Run: npm run bench:metrics   (options: --repeats N, --skip-default)
import { spawnSync } from 'node:child_process';
import { recordSection } from '../results.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDataset } from '../../src/data/read.ts';
import { Model } from '../../src/model/model.ts';
import type { Tables } from '../../src/model/types.ts';
import { importerMetrics } from '../../src/metrics/index.ts';
import { syntheticTables } from './synthetic.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, 'metrics_pandas.py');
const args = process.argv.slice(2);
const REPEATS = Number(args[args.indexOf('--repeats') + 1]) || 3;

/** Writes the inputs of the pandas peer: flows in base units, legs, countries, governance, bloc members. */
function writePeerInputs(model: Model, dir: string): void {
  const csv = (header: string[], rows: (string | number)[][]) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
  writeFileSync(join(dir, 'flows.csv'), csv(['year', 'commodity', 'exporter', 'importer', 'route', 'volume'],
    model.flows().map((f) => [f.year, f.commodity, f.exporter, f.importer, f.route, f.baseVolume])));
  writeFileSync(join(dir, 'legs.csv'), csv(['route', 'country'], model.tables.leg.map((l) => [l.route, l.country])));
  writeFileSync(join(dir, 'countries.csv'), csv(['id', 'kind'], model.tables.country.map((c) => [c.id, c.kind])));
  writeFileSync(join(dir, 'governance.csv'), csv(['country', 'year', 'value'],
    model.tables.governance.filter((g) => g.indicator === 'wgi_mean').map((g) => [g.country, g.year, g.value])));
  writeFileSync(join(dir, 'bloc_members.csv'), csv(['bloc', 'country'], model.tables.blocMember.map((m) => [m.bloc, m.country])));
}

type Row = [number, number, number, number | null, number, number];

/** Every importer × commodity × year of the flows, through the public importerMetrics. */
function corridorAll(model: Model): Map<string, Row> {
  const combos = new Set<string>();
  for (const f of model.tables.flow) combos.add(`${f.importer}|${f.commodity}|${f.year}`);
  const out = new Map<string, Row>();
  for (const key of combos) {
    const [importer, commodity, year] = key.split('|');
    const m = importerMetrics(model, { importer, commodity, year: Number(year) });
    const transit = m.transitExposure.reduce((a, x) => a + x.share, 0);
    out.set(key, [m.hhi, m.topShare, m.crmaBenchmark.share, m.governance.hhiWgi, transit, m.transitExposure.length]);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface BenchResult { name: string; flows: number; combos: number; corridor: number; pandas: number; pandasVersion: string; maxDiff: number; mismatches: number }

function bench(name: string, tables: Tables, info: { name: string; dir: string; hash: string }): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-metrics-'));
  try {
    writePeerInputs(new Model(tables, info), dir);
    const times: number[] = [];
    let result = new Map<string, Row>();
    for (let i = 0; i < REPEATS; i++) {
      const model = new Model(tables, info); // a fresh model each run: no warm flow index
      const t0 = performance.now();
      result = corridorAll(model);
      times.push((performance.now() - t0) / 1000);
    }
    const py = spawnSync(PYTHON, [SCRIPT, dir, String(REPEATS)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (py.status !== 0) throw new Error(`pandas peer failed: ${py.stderr}`);
    const peer = JSON.parse(py.stdout) as { seconds: number; pandas: string; results: Record<string, (number | null)[]> };
    let maxDiff = 0;
    let mismatches = 0;
    for (const [key, row] of result) {
      const p = peer.results[key];
      if (!p) { mismatches++; continue; }
      const pairs: [number | null, number | null][] = [
        [row[0] / 10_000, (p[0] ?? 0) / 10_000], [row[1], p[1] ?? 0], [row[2], p[2] ?? 0], [row[3], p[3]], [row[4], p[4] ?? 0], [row[5], p[5] ?? 0],
      ];
      for (const [a, b] of pairs) {
        if ((a === null) !== (b === null)) { mismatches++; continue; }
        const d = Math.abs((a ?? 0) - (b ?? 0));
        if (d > 1e-9) mismatches++;
        maxDiff = Math.max(maxDiff, d);
      }
    }
    if (Object.keys(peer.results).length !== result.size) mismatches++;
    return { name, flows: tables.flow.length, combos: result.size, corridor: median(times), pandas: peer.seconds, pandasVersion: peer.pandas, maxDiff, mismatches };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: BenchResult[] = [];
if (!args.includes('--skip-default')) {
  const { model, problems } = readDataset();
  if (problems.errors.length > 0) console.log(`default dataset skipped: it has ${problems.errors.length} validation error(s)`);
  else results.push(bench('default dataset', model.tables, model.info));
}
results.push(bench('synthetic (200 countries, 50 commodities, 3 years, seed 42)', syntheticTables(), { name: 'synthetic', dir: '', hash: 'synthetic-42' }));

const fmt = (s: number) => (s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);
console.log(`\nimporterMetrics for every importer × commodity × year; median of ${REPEATS} runs; node ${process.version}, pandas ${results[0]?.pandasVersion}`);
console.log('| Dataset | Flows | Metrics computed | Corridor (TypeScript) | pandas | Ratio Corridor/pandas | Agreement |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  const agree = r.mismatches === 0 ? `all equal (max diff ${r.maxDiff.toExponential(1)})` : `${r.mismatches} MISMATCH(ES)`;
  console.log(`| ${r.name} | ${r.flows.toLocaleString('en-GB')} | ${r.combos.toLocaleString('en-GB')} | ${fmt(r.corridor)} | ${fmt(r.pandas)} | ${(r.corridor / r.pandas).toFixed(2)} | ${agree} |`);
}
if (results.some((r) => r.mismatches > 0)) process.exitCode = 1;

recordSection('metrics', {
  title: 'Dependence metrics (npm run bench:metrics)',
  command: 'npm run bench:metrics',
  rows: results.map((r) => ({
    benchmark: `importerMetrics for every importer × commodity × year, ${r.name} (${r.flows.toLocaleString('en-GB')} flows), median of ${REPEATS}`,
    corridor: fmt(r.corridor),
    peer: `${fmt(r.pandas)} (pandas ${r.pandasVersion}, vectorised group-bys); ${r.mismatches === 0 ? `all ${r.combos.toLocaleString('en-GB')} results equal` : `${r.mismatches} mismatch(es)`}`,
    ratio: `${(r.corridor / r.pandas).toFixed(2)}×`,
  })),
});
