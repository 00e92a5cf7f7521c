// Monte Carlo on networks small enough to enumerate the exact distribution; determinism across workers and runs;
// the shortcuts against full solves (property test); a stopped run is a prefix of the full run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadDataset } from '../src/data/read.ts';
import { buildNetwork, loadSolver } from '../src/solve/index.ts';
import { networkFromSpec } from '../src/solve/spec.ts';
import { DrawSolver, networkElements, parseRiskSpec, runMonteCarlo, runN1, solveDrawFull, type Draw, type RiskFailure } from '../src/risk/index.ts';
import { runMonteCarloParallel } from '../src/risk/parallel.ts';
import { FIXTURES, near } from './helpers.ts';

/** A → I on rA (8) and B → I on rB (7); each exporter can sell only its baseline, no world market. */
const twoRoutes = () => networkFromSpec({
  exporters: [{ id: 'A', supply: 8 }, { id: 'B', supply: 7 }], importers: [{ id: 'I', demand: 15 }],
  routes: [{ id: 'rA' }, { id: 'rB' }],
  arcs: [{ exporter: 'A', importer: 'I', route: 'rA', baseline: 8 }, { exporter: 'B', importer: 'I', route: 'rB', baseline: 7 }],
  costs: { stickiness: 100, unserved: 1000 },
});
const spec = (body: string) => parseRiskSpec(`commodity: synthetic\nyear: 0\n${body}`, 'test.yaml');

test('two independent failures: the estimate against the exact distribution', async () => {
  // rA fails with p 0.1 (8 unserved), rB with p 0.3 (7 unserved), independently:
  //   none 0.9·0.7 = 0.63 → 0; rB only 0.9·0.3 = 0.27 → 7; rA only 0.1·0.7 = 0.07 → 8; both 0.03 → 15.
  // Expected 0.27·7 + 0.07·8 + 0.03·15 = 1.89 + 0.56 + 0.45 = 2.9. CDF: 0 → 0.63, 7 → 0.90, 8 → 0.97, 15 → 1,
  // so P50 = 0, P95 = 8, P99 = 15; P(any) = 0.37.
  const s = spec('elements:\n  - element: route:rA\n    probability: 0.1\n  - element: route:rB\n    probability: 0.3\n');
  const r = await runMonteCarlo(await loadSolver(), twoRoutes(), s, { draws: 10000, seed: 42 });
  const i = r.importers[0];
  assert.ok(Math.abs(i.expectedUnserved - 2.9) <= 3 * i.standardError, `expected ${i.expectedUnserved} ± ${i.standardError} should cover 2.9`);
  assert.ok(i.standardError > 0.02 && i.standardError < 0.06, `SE ${i.standardError}: sd √(E[X²] − 2.9²) = √(13.23+4.48+6.75 − 8.41) = 4.01, /100 = 0.040`);
  assert.equal(i.p50, 0);
  assert.equal(i.p95, 8);
  assert.equal(i.p99, 15);
  assert.ok(Math.abs(i.probabilityUnserved - 0.37) <= 3 * Math.sqrt(0.37 * 0.63 / 10000));
  assert.equal(r.draws, 10000);
  assert.equal(r.seed, 42);
  // The worst 5% (500 draws) are the 15s (≈300) and then 8s: rA fails in all of them.
  assert.equal(r.worstDrivers[0].element, 'route:rA');
  assert.equal(r.worstDrivers[0].count, 500);
  assert.equal(r.convergence.converged, true);
  // Only four different outcomes exist: at most three solves, the rest shortcuts.
  assert.ok(r.shortcuts.solved <= 3, JSON.stringify(r.shortcuts));
});

test('a correlated event and a partial loss: exact expectation', async () => {
  // An event takes both routes with p 0.2 and a fixed loss of half their capacity (baseline load: 4 and 3.5 left):
  // unserved 7.5. rA alone fails in full with p 0.5 → 8 unserved; with the event too, rA keeps 0 and rB 3.5: 11.5.
  //   P: none 0.4 → 0; rA only 0.4 → 8; event only 0.1 → 7.5; both 0.1 → 11.5. Expected 3.2 + 0.75 + 1.15 = 5.1.
  const s = spec('elements:\n  - element: route:rA\n    probability: 0.5\nevents:\n  - name: storm\n    probability: 0.2\n    elements: [route:rA, route:rB]\n    loss: 0.5\n');
  const r = await runMonteCarlo(await loadSolver(), twoRoutes(), s, { draws: 20000, seed: 3 });
  const i = r.importers[0];
  assert.ok(Math.abs(i.expectedUnserved - 5.1) <= 3 * i.standardError, `${i.expectedUnserved} ± ${i.standardError}`);
  assert.equal(i.p50, 7.5); // CDF 0 → 0.4, 7.5 → 0.5, 8 → 0.9, 11.5 → 1
  assert.equal(i.p95, 11.5);
});

const TINY = join(FIXTURES, 'tiny');
const tinySpec = () => parseRiskSpec([
  'commodity: crude_oil', 'year: 2024', 'elements:',
  '  - element: route:cpc', '    probability: 0.3', '    loss: {beta: [2, 3]}',
  '  - element: route:aktau_btc', '    probability: 0.2', '    loss: {uniform: [0.2, 0.9]}',
  '  - element: exporter:KAZ', '    probability: 0.1', '    loss: 0.4',
  'events:', '  - name: Russia', '    probability: 0.1', '    elements: [transit:RUS]',
  '  - name: Caspian', '    probability: 0.1', '    elements: [node:caspian_mid, exporter:USA]', '    loss: {uniform: [0.5, 1]}', ''].join('\n'), 'tiny.yaml');
const nonFungibleTiny = () => {
  const net = buildNetwork(loadDataset(TINY), { commodity: 'crude_oil', year: 2024 });
  net.world.enabled = false;
  return net;
};

test('the same seed gives the same result with 1 or 2 workers and on a repeated run', async () => {
  const net = nonFungibleTiny();
  const s = tinySpec();
  const one = await runMonteCarloParallel(net, s, { draws: 3000, seed: 11, workers: 1, batch: 250 });
  const two = await runMonteCarloParallel(net, s, { draws: 3000, seed: 11, workers: 2, batch: 250 });
  const local = await runMonteCarlo(await loadSolver(), net, s, { draws: 3000, seed: 11, batch: 700 });
  const strip = (r: typeof one) => ({ ...r, shortcuts: null });
  assert.deepEqual(strip(two), strip(one));
  assert.deepEqual(strip(local), strip(one));
  assert.ok(one.total.expectedUnserved > 0);
  const other = await runMonteCarlo(await loadSolver(), net, s, { draws: 3000, seed: 12 });
  assert.notEqual(other.total.expectedUnserved, one.total.expectedUnserved); // the seed matters
});

test('a stopped run reports the draws done, and they equal a run of that many draws', async () => {
  const net = nonFungibleTiny();
  const s = tinySpec();
  let calls = 0;
  const stopped = await runMonteCarlo(await loadSolver(), net, s, { draws: 5000, seed: 5, batch: 1000, stop: () => ++calls > 3 });
  assert.equal(stopped.stopped, true);
  assert.ok(stopped.draws > 0 && stopped.draws < 5000, String(stopped.draws));
  const prefix = await runMonteCarlo(await loadSolver(), net, s, { draws: stopped.draws, seed: 5 });
  assert.deepEqual({ ...stopped.importers }, { ...prefix.importers });
});

test('shortcuts (baseline kept, memoised, bounds changed on one model) give what a full solve gives', async () => {
  const highs = await loadSolver();
  for (const net of [nonFungibleTiny(), buildNetwork(loadDataset(TINY), { commodity: 'crude_oil', year: 2024 })]) {
    const ids = networkElements(net, ['caspian_mid']).map((e) => e.id);
    const failures: RiskFailure[] = ids.map((id) => ({ elements: [id], probability: 0.5, loss: { kind: 'all' }, name: id, line: 1, elementLines: [1] }));
    const solver = new DrawSolver(highs, net, failures);
    const transit = new Set(ids.flatMap((id, k) => (id.startsWith('transit:') ? [k] : [])));
    const drawArb = fc.array(fc.tuple(fc.integer({ min: 0, max: ids.length - 1 }), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 4 })
      .map((list): Draw => {
        const seen = new Map<number, number>();
        for (const [k, f] of list) seen.set(k, transit.has(k) ? 1 : f);
        const failed = [...seen.keys()].sort((a, b) => a - b);
        return { index: 0, failed, fractions: failed.map((k) => seen.get(k)!) };
      });
    fc.assert(fc.property(drawArb, (draw) => {
      const fast = solver.solve(draw);
      const again = solver.solve(draw); // memoised or baseline
      const full = solveDrawFull(highs, net, failures, draw);
      const total = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
      const tol = 1e-6 * Math.max(1, Math.abs(full.objective));
      return Math.abs(fast.objective - full.objective) <= tol && Math.abs(total(fast.unserved) - total(full.unserved)) <= 1e-6
        && again.objective === fast.objective;
    }), { numRuns: 150, seed: 20260 });
    assert.ok(solver.counts.baselineKept + solver.counts.memoised > 0, JSON.stringify(solver.counts));
    solver.dispose();
  }
});

test('a single full failure through the draw solver equals the N-1 loss (the scenario change)', async () => {
  const highs = await loadSolver();
  const model = loadDataset(TINY);
  const net = buildNetwork(model, { commodity: 'crude_oil', year: 2024 });
  const n1 = runN1(highs, model, { commodity: 'crude_oil', year: 2024 });
  const failures: RiskFailure[] = n1.elements.map((e) => ({ elements: [e.element], probability: 1, loss: { kind: 'all' }, name: e.element, line: 1, elementLines: [1] }));
  const solver = new DrawSolver(highs, net, failures);
  solver.shortcuts = false;
  n1.elements.forEach((e, k) => {
    const out = solver.solve({ index: 0, failed: [k], fractions: [1] });
    near((out.objective - solver.baseline.objective) / 1e6, e.costChange, `${e.element} cost change`, 1e-6);
    near(out.unserved.reduce((a, b) => a + b, 0), e.unserved, `${e.element} unserved`, 1e-9);
  });
  solver.dispose();
});
