// Benchmarks of the flow LP, each against a named peer or target, measured in the same run:
//  1. a scenario on the default dataset, in-process, median of ≥ 50 runs (target: under 5 ms);
//  2. a synthetic instance of 200 exporters × 200 importers with 3 routes per pair, solved by the
//     model (HiGHS compiled to WebAssembly, fed CSC typed arrays) and by native HiGHS through scipy
//     (`linprog(method='highs')`, Debian's /usr/bin/python3), both reading the same LP written to files.
// Run: npm run bench:solve  (options: --runs N for 1, --synthetic-runs N for 2, --size EXPORTERSxIMPORTERS)
import { spawnSync } from 'node:child_process';
import { recordSection } from '../results.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDataset } from '../../src/data/read.ts';
import { parseScenario, runScenario } from '../../src/scenario/index.ts';
import { buildNetwork, buildLp, loadSolver, solveFlows, solveLp } from '../../src/solve/index.ts';
import { applyChanges } from '../../src/scenario/apply.ts';
import { checkScenario } from '../../src/scenario/parse.ts';
import { networkFromSpec, type NetworkSpec } from '../../src/solve/spec.ts';
import { seededRandom as random } from '../../src/model/random.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};


/**
 * A synthetic shocked network: each exporter has 3 routes (capacity-limited, some on one of 20 shared
 * assets) that reach every importer; about half of the arcs carry a baseline flow. The shock closes 10%
 * of the routes and cuts 20% of the exporters' supply by half; a world market with limited spare capacity
 * and stocks make it re-optimise.
 */
export function syntheticSpec(exporters: number, importers: number, routesPerExporter = 3, seed = 42): NetworkSpec {
  const rnd = random(seed);
  const spec: NetworkSpec = {
    exporters: [], importers: [], routes: [], arcs: [],
    assets: Array.from({ length: 20 }, (_, s) => ({ id: `S${s}`, capacity: 0 })),
    world: { premium: 40, spare: 0 }, costs: { stickiness: 100, unserved: 10000, stockDraw: 400 },
  };
  const exportTotal = new Float64Array(exporters);
  const importTotal = new Float64Array(importers);
  const routeLoad: number[] = [];
  const assetLoad = new Float64Array(20);
  for (let e = 0; e < exporters; e++) {
    for (let r = 0; r < routesPerExporter; r++) {
      const asset = rnd() < 0.5 ? Math.floor(rnd() * 20) : -1;
      spec.routes.push({ id: `E${e}r${r}`, cost: Math.round(1 + rnd() * 30), capacity: 0, assets: asset >= 0 ? [`S${asset}`] : [], open: true });
      routeLoad.push(0);
    }
  }
  for (let e = 0; e < exporters; e++) {
    for (let i = 0; i < importers; i++) {
      for (let r = 0; r < routesPerExporter; r++) {
        const route = e * routesPerExporter + r;
        const baseline = rnd() < 0.5 ? Math.round(rnd() * 1000) / 100 : 0;
        spec.arcs.push({ exporter: `E${e}`, importer: `I${i}`, route: `E${e}r${r}`, baseline });
        exportTotal[e] += baseline;
        importTotal[i] += baseline;
        routeLoad[route] += baseline;
        const asset = spec.routes[route].assets![0];
        if (asset) assetLoad[Number(asset.slice(1))] += baseline;
      }
    }
  }
  spec.routes.forEach((r, k) => { r.capacity = Math.round(routeLoad[k] * (1 + rnd() * 0.3)); r.open = rnd() > 0.1; });
  spec.assets!.forEach((s, k) => { s.capacity = Math.round(assetLoad[k] * 1.05); });
  for (let e = 0; e < exporters; e++) spec.exporters.push({ id: `E${e}`, supply: exportTotal[e] * (rnd() < 0.2 ? 0.5 : 1.1) });
  for (let i = 0; i < importers; i++) spec.importers.push({ id: `I${i}`, demand: importTotal[i], stock: rnd() < 0.3 ? importTotal[i] * 0.05 : 0 });
  spec.world!.spare = Math.round(exportTotal.reduce((a, b) => a + b, 0) * 0.05);
  return spec;
}

async function benchDefaultDataset(runs: number): Promise<Record<string, number | string>> {
  const model = loadDataset();
  const file = join(ROOT, 'examples', 'cpc-shut.yaml');
  const scenario = parseScenario(readFileSync(file, 'utf8'), file);
  const highs = await loadSolver();
  // Warm-up (JIT): the metrics before and after take a few dozen runs to reach their steady speed.
  for (let k = 0; k < 50; k++) await runScenario(model, scenario, { highs });
  // (a) the scenario path alone: check the scenario, build the network from the model, apply the changes,
  //     build the LP from typed arrays and solve it.
  const solveTimes: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    checkScenario(model, scenario);
    const network = buildNetwork(model, { commodity: scenario.commodity, year: scenario.year });
    const changed = applyChanges(model, network, scenario, ['setting', 'shock', 'policy']).network;
    solveFlows(highs, changed);
    solveTimes.push(performance.now() - t);
  }
  // (b) the whole of runScenario: baseline and scenario solves, results, dependence metrics before and after.
  const fullTimes: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await runScenario(model, scenario, { highs });
    fullTimes.push(performance.now() - t);
  }
  const network = buildNetwork(model, { commodity: scenario.commodity, year: scenario.year });
  const lp = buildLp(network);
  return {
    scenario: 'examples/cpc-shut.yaml', dataset: model.info.hash, runs,
    columns: lp.numCols, rows: lp.numRows,
    medianScenarioSolveMs: median(solveTimes), medianRunScenarioMs: median(fullTimes), targetMs: 5,
  };
}

async function benchSynthetic(exporters: number, importers: number, runs: number): Promise<Record<string, number | string>> {
  const highs = await loadSolver();
  const t0 = performance.now();
  const spec = syntheticSpec(exporters, importers);
  const network = networkFromSpec(spec);
  const genMs = performance.now() - t0;
  const buildTimes: number[] = [];
  let lp = buildLp(network);
  for (let k = 0; k < Math.max(3, runs); k++) {
    const t = performance.now();
    lp = buildLp(network);
    buildTimes.push(performance.now() - t);
  }
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-lp-'));
  const write = (name: string, array: Float64Array | Int32Array) => writeFileSync(join(dir, `${name}.bin`), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  for (const name of ['colCost', 'colLower', 'colUpper', 'rowLower', 'rowUpper', 'values'] as const) write(name, lp[name]);
  write('starts', lp.starts);
  write('indices', lp.indices);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ numCols: lp.numCols, numRows: lp.numRows, offset: lp.offset }));

  // Interleave: scipy's runs first (a separate process), then ours, both on the same files' LP.
  const peer = spawnSync(PYTHON, [join(import.meta.dirname, 'scipy_solve.py'), dir, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  rmSync(dir, { recursive: true, force: true });
  if (peer.status !== 0) throw new Error(`scipy peer failed: ${peer.stderr || peer.stdout}`);
  const scipy = JSON.parse(peer.stdout) as { objective: number; medianSeconds: number; scipy: string; numpy: string };

  const solveTimes: number[] = [];
  let objective = NaN;
  let iterations = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const result = solveLp(highs, lp, 'synthetic LP');
    solveTimes.push(performance.now() - t);
    objective = result.objective / lp.scale; // same scaled units as the file
    iterations = result.iterations;
  }
  const ours = median(solveTimes) / 1000;
  return {
    size: `${exporters} exporters × ${importers} importers × 3 routes`, arcs: network.arcs.length,
    columns: lp.numCols, rows: lp.numRows, nonzeros: lp.indices.length, runs, simplexIterations: iterations,
    generateMs: genMs, medianBuildLpMs: median(buildTimes),
    medianSolveSeconds: ours, scipyMedianSeconds: scipy.medianSeconds, ratio: ours / scipy.medianSeconds, targetRatio: 1.5,
    objective, scipyObjective: scipy.objective, relativeDifference: Math.abs(objective - scipy.objective) / Math.max(1, Math.abs(scipy.objective)),
    peer: `scipy ${scipy.scipy} (numpy ${scipy.numpy}) linprog(method='highs'), ${PYTHON}`,
  };
}

const runs = Number(arg('--runs', '60'));
const syntheticRuns = Number(arg('--synthetic-runs', '5'));
const [ne, ni] = arg('--size', '200x200').split('x').map(Number);
const dataset = await benchDefaultDataset(runs);
console.log(JSON.stringify({ benchmark: 'scenario on the default dataset (in-process)', ...dataset }, null, 2));
const synthetic = await benchSynthetic(ne, ni, syntheticRuns);
console.log(JSON.stringify({ benchmark: 'synthetic LP: model (HiGHS WebAssembly, CSC arrays) vs native HiGHS via scipy', ...synthetic }, null, 2));

const seconds = (s: number) => `${s.toFixed(2)} s`;
recordSection('solve', {
  title: 'Flow LP (npm run bench:solve)',
  command: 'npm run bench:solve',
  rows: [
    {
      benchmark: `a scenario on the default dataset (examples/cpc-shut.yaml: build the network and LP from the model, apply the changes, solve), in-process, median of ${dataset.runs}`,
      corridor: `${Number(dataset.medianScenarioSolveMs).toFixed(2)} ms (${Number(dataset.medianRunScenarioMs).toFixed(2)} ms with both solves, results and metrics)`,
      peer: `target < ${dataset.targetMs} ms`,
      ratio: '–',
    },
    {
      benchmark: `flow LP, ${synthetic.size} (${Number(synthetic.columns).toLocaleString('en-GB')} columns), median of ${synthetic.runs}`,
      corridor: `${seconds(Number(synthetic.medianSolveSeconds))} (HiGHS WebAssembly, CSC arrays)`,
      peer: `${seconds(Number(synthetic.scipyMedianSeconds))} (native HiGHS, ${synthetic.peer}); objectives agree to ${Number(synthetic.relativeDifference).toExponential(1)}`,
      ratio: `${Number(synthetic.ratio).toFixed(2)}×`,
    },
  ],
});
