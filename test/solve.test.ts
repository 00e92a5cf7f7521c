// The flow LP against optima worked out by hand on tiny networks. Each case writes its arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { buildLp, buildNetwork, cloneNetwork, loadSolver, solveFlows, solveLp } from '../src/solve/index.ts';
import { networkFromSpec, type NetworkSpec } from '../src/solve/spec.ts';
import { FIXTURES } from './helpers.ts';

const close = (actual: number, expected: number, what: string, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

test('shared asset: two routes on one asset are limited together, and the asset gets a shadow price', async () => {
  const highs = await loadSolver();
  // A → I on r1 (cost 1) and B → I on r2 (cost 2) both use asset S (capacity 8); B → I on r3 (cost 5) does not.
  // Baseline r1 6, r2 4, r3 2 puts 10 on S: 2 too many. λ = 100, no world market, unserved 1000.
  // Cutting r1 by 2 costs 2·(100 − 1) = 198, cutting r2 by 2 costs 2·(100 − 2) = 196; the 2 go to r3 at 5: +10.
  // Optimum: r1 6, r2 2, r3 4 → 6·1 + 2·2 + 4·5 + 100·2 = 6 + 4 + 20 + 200 = 230.
  // One more unit of S lets r2 keep 1 more: saves λ 100 + r3's 5 − r2's 2 = 103.
  const spec: NetworkSpec = {
    exporters: [{ id: 'A', supply: 10 }, { id: 'B', supply: 10 }],
    importers: [{ id: 'I', demand: 12 }],
    routes: [{ id: 'r1', cost: 1, assets: ['S'] }, { id: 'r2', cost: 2, assets: ['S'] }, { id: 'r3', cost: 5 }],
    assets: [{ id: 'S', capacity: 8 }],
    arcs: [{ exporter: 'A', importer: 'I', route: 'r1', baseline: 6 }, { exporter: 'B', importer: 'I', route: 'r2', baseline: 4 }, { exporter: 'B', importer: 'I', route: 'r3', baseline: 2 }],
    costs: { stickiness: 100, unserved: 1000 },
  };
  const sol = solveFlows(highs, networkFromSpec(spec));
  close(sol.objective, 230, 'objective');
  close(sol.assetFlow[0], 8, 'flow through S');
  assert.equal(sol.assetBinding[0], 1);
  close(sol.assetShadow[0], 103, 'shadow price of S');
  close(sol.arcFlow[2], 4, 'r3');
});

test('no shock: the baseline flows are reproduced and the objective is the baseline transport cost', async () => {
  const highs = await loadSolver();
  // tiny: KAZ→FRA cpc 6 and KAZ→ITA cpc 14 at 5 USD/t, KAZ→FRA aktau_btc 1 at 15 USD/t, USA and OTHER direct (cost 0).
  // Σ c·b = 6·5 + 14·5 + 1·15 = 30 + 70 + 15 = 115 USD/t × Mt = 115e6 USD (the network works in USD per Mt).
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const network = buildNetwork(model, { commodity: 'crude_oil', year: 2024 });
  const sol = solveFlows(highs, network);
  close(sol.objective, 115e6, 'objective');
  network.arcs.forEach((arc, k) => close(sol.arcFlow[k], arc.baseline, `${arc.exporter}>${arc.importer} on ${network.routes[arc.route].id}`));
  assert.equal(sol.unserved.reduce((a, b) => a + b, 0), 0);
});

test('transit-state loss: routes crossing the state stop, the rest reroutes or buys on the world market', async () => {
  const highs = await loadSolver();
  // tiny, defaults (all in USD/t; the network works in USD per Mt = 1e6 × USD/t): no price → premium =
  // 2 × largest route cost = 30; λ = 2 × max(15, 30) = 60.
  // Losing RUS stops cpc (20 Mt). KAZ reroutes over aktau_btc up to its capacity 5 (1 already there): +4 at 15.
  // FRA and ITA buy the other 16 on the world market at 30.
  // Objective = aktau_btc 5·15 + λ·20 + 16·30 = 75 + 1200 + 480 = 1755 USD/t × Mt = 1755e6 USD.
  // One more Mt/yr on aktau_btc replaces 1 Mt of world market: worth 30 − 15 = 15 USD/t = 15e6 USD per Mt.
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const network = cloneNetwork(buildNetwork(model, { commodity: 'crude_oil', year: 2024 }));
  for (const arc of network.arcs) if (arc.transit.includes('RUS')) arc.open = false;
  const sol = solveFlows(highs, network);
  close(sol.objective, 1755e6, 'objective');
  const btc = network.routes.findIndex((r) => r.id === 'aktau_btc');
  close(sol.routeFlow[btc], 5, 'aktau_btc flow');
  close(sol.routeShadow[btc], 15e6, 'aktau_btc shadow price');
  close(sol.world.reduce((a, b) => a + b, 0), 16, 'world market');
});

test('embargo: an exporter–importer pair stops; the importer turns to the world market', async () => {
  const highs = await loadSolver();
  // tiny: embargo KAZ → ITA stops 14 Mt on cpc. KAZ's freed supply cannot go to FRA without displacing
  // FRA's other suppliers (λ = 60 each), so ITA buys 14 on the world market at 30.
  // Objective = 6·5 + 1·15 + λ·14 + 14·30 = 30 + 15 + 840 + 420 = 1305 USD/t × Mt = 1305e6 USD.
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const network = cloneNetwork(buildNetwork(model, { commodity: 'crude_oil', year: 2024 }));
  for (const arc of network.arcs) if (arc.exporter === 'KAZ' && arc.importer === 'ITA') arc.open = false;
  const sol = solveFlows(highs, network);
  close(sol.objective, 1305e6, 'objective');
  const ita = network.importers.findIndex((i) => i.id === 'ITA');
  close(sol.world[ita], 14, 'ITA world market');
});

test('always feasible: with no supply left, stocks are drawn first and the rest goes unserved', async () => {
  const highs = await loadSolver();
  // E → I by pipeline (cost 2), baseline 10; I has 3 in stock; no world market (pipeline gas).
  // E's exports banned (supply 0): stickiness λ·10 = 50·10 = 500; stock 3·200 = 600; unserved 7·1000 = 7000.
  // Objective = 8100. One more unit of demand would go unserved: its marginal cost is 1000.
  const spec: NetworkSpec = {
    exporters: [{ id: 'E', supply: 0 }],
    importers: [{ id: 'I', demand: 10, stock: 3 }],
    routes: [{ id: 'pipe', cost: 2, capacity: 20 }],
    arcs: [{ exporter: 'E', importer: 'I', route: 'pipe', baseline: 10 }],
    costs: { stickiness: 50, unserved: 1000, stockDraw: 200 },
  };
  const sol = solveFlows(highs, networkFromSpec(spec));
  close(sol.objective, 8100, 'objective');
  close(sol.stock[0], 3, 'stock drawn');
  close(sol.unserved[0], 7, 'unserved');
  close(sol.demandPrice[0], 1000, 'marginal cost of demand');
});

test('bloc and member: EU27 is split into FRA and EU27-rest, never counting France twice', async () => {
  const highs = await loadSolver();
  // lp-bloc: EU27 imports KAZ 10 (pipe), NOR 20, OTHER 30 = 60. FRA imports KAZ 4, NOR 5, USA 3 = 12.
  // FRA's KAZ 4 takes the bloc's route (pipe); USA is not named in EU27's figures, so its 3 come out of OTHER.
  // EU27-rest: KAZ 10 − 4 = 6, NOR 20 − 5 = 15, OTHER 30 − 3 = 27 → 48. FRA 12 + rest 48 = 60 = EU27's total.
  // Baseline transport: pipe 10 Mt at cost 1e7 per Mt (10 USD/t) = 1e8.
  const model = loadDataset(join(FIXTURES, 'lp-bloc'));
  const network = buildNetwork(model, { commodity: 'crude_oil', year: 2024 });
  const byId = Object.fromEntries(network.importers.map((i) => [i.id, i]));
  assert.deepEqual(Object.keys(byId).sort(), ['EU27-rest', 'FRA']);
  close(byId.FRA.baseline, 12, 'FRA imports');
  close(byId['EU27-rest'].baseline, 48, 'EU27-rest imports');
  close(network.exporters.reduce((s, e) => s + e.baseline, 0), 60, 'all exports (EU27 total, France once)');
  const sol = solveFlows(highs, network);
  close(sol.objective, 1e8, "baseline objective");
  const pipe = network.routes.findIndex((r) => r.id === 'pipe');
  close(sol.routeFlow[pipe], 10, 'pipe carries the bloc total, not bloc + member');
  // Stocks: EU27 holds 6, FRA has no figure of its own → split by demand: FRA 6·12/60 = 1.2, rest 4.8.
  close(byId.FRA.stock, 1.2, 'FRA stock');
  close(byId['EU27-rest'].stock, 4.8, 'EU27-rest stock');
});

test('the solver status is checked: an infeasible LP fails with CORRIDOR_ERR_SOLVER', async () => {
  const highs = await loadSolver();
  // One column 0 ≤ x ≤ 1 and one row x = 5: infeasible.
  const lp = buildLp(networkFromSpec({ exporters: [], importers: [], routes: [], arcs: [], costs: { stickiness: 1, unserved: 1 } }));
  const bad = {
    ...lp, numCols: 1, numRows: 1, colCost: Float64Array.of(1), colLower: Float64Array.of(0), colUpper: Float64Array.of(1),
    rowLower: Float64Array.of(5), rowUpper: Float64Array.of(5), starts: Int32Array.of(0, 1), indices: Int32Array.of(0), values: Float64Array.of(1),
    colKind: Uint8Array.of(0), colRef: Int32Array.of(0), rowKind: Uint8Array.of(0), rowRef: Int32Array.of(0),
  };
  assert.throws(() => solveLp(highs, bad), (e: unknown) => e instanceof CorridorError && e.code === 'CORRIDOR_ERR_SOLVER' && /infeasible/.test(e.message));
});

test('the LP is built from typed arrays in CSC form with one keep and one extra column per baseline arc', () => {
  // tiny: 6 arcs, 5 with a baseline → 5·2 + 1 = 11 arc columns; 2 importers × (world + unserved) = 4 more.
  const model = loadDataset(join(FIXTURES, 'tiny'));
  const lp = buildLp(buildNetwork(model, { commodity: 'crude_oil', year: 2024 }));
  assert.ok(lp.starts instanceof Int32Array && lp.indices instanceof Int32Array && lp.values instanceof Float64Array);
  assert.equal(lp.numCols, 15);
  assert.equal(lp.starts.length, lp.numCols + 1);
  assert.equal(lp.starts[lp.numCols], lp.indices.length);
  // Rows: 2 demand, 3 supply (KAZ, OTHER, USA), 2 route capacities (cpc 60, aktau_btc 5).
  assert.equal(lp.numRows, 7);
});
