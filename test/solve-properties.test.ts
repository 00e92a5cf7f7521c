// Properties of the flow LP on random networks (fast-check): conservation, capacity bounds, closing a
// route never lowers the objective, and with no shock the baseline flows come back at their known cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clearingPriceChange, loadSolver, solveFlows } from '../src/solve/index.ts';
import { networkFromSpec, type NetworkSpec } from '../src/solve/spec.ts';

const TOL = 1e-6;

interface ArcDraw { e: number; i: number; cost: number; capacity: number | null; baseline: number; asset: number; open: boolean }

const arcDraw = fc.record({
  e: fc.nat(3), i: fc.nat(3),
  cost: fc.integer({ min: 0, max: 20 }),
  capacity: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  baseline: fc.integer({ min: 0, max: 10 }),
  asset: fc.integer({ min: -1, max: 1 }),
  open: fc.boolean(),
});

const networkDraw = fc.record({
  arcs: fc.array(arcDraw, { minLength: 1, maxLength: 12 }),
  supplyFactor: fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
  demandFactor: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
  assetCapacity: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 }),
  stock: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
  world: fc.option(fc.record({ premium: fc.integer({ min: 21, max: 40 }), spare: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }) }), { nil: undefined }),
});

type Draw = { arcs: ArcDraw[]; supplyFactor: number[]; demandFactor: number[]; assetCapacity: number[]; stock: number[]; world?: { premium: number; spare: number | null } };

/** A spec from a draw; `shocked` false gives the no-shock network (supply and demand at baseline, all open, ample capacity). */
function specOf(d: Draw, shocked = true): NetworkSpec {
  const exports = [0, 0, 0, 0];
  const imports = [0, 0, 0, 0];
  for (const a of d.arcs) { exports[a.e] += a.baseline; imports[a.i] += a.baseline; }
  const routes = d.arcs.map((a, k) => ({
    id: `r${k}`, cost: a.cost,
    capacity: shocked ? a.capacity : a.capacity === null ? null : Math.max(a.capacity, a.baseline),
    assets: a.asset >= 0 ? [`S${a.asset}`] : [],
  }));
  const assetLoad = [0, 0];
  for (const a of d.arcs) if (a.asset >= 0) assetLoad[a.asset] += a.baseline;
  return {
    exporters: exports.map((x, e) => ({ id: `E${e}`, supply: shocked ? x * d.supplyFactor[e] : x })),
    importers: imports.map((x, i) => ({ id: `I${i}`, demand: shocked ? x * d.demandFactor[i] : x, stock: d.stock[i] })),
    routes,
    assets: d.assetCapacity.map((c, s) => ({ id: `S${s}`, capacity: shocked ? c : Math.max(c, assetLoad[s]) })),
    arcs: d.arcs.map((a, k) => ({ exporter: `E${a.e}`, importer: `I${a.i}`, route: `r${k}`, baseline: a.baseline, open: shocked ? a.open : true })),
    ...(d.world ? { world: d.world } : {}),
    // λ = 50 exceeds every route cost (≤ 20), so the baseline is the unique no-shock optimum.
    costs: { stickiness: 50, unserved: 5000, stockDraw: 200 },
  };
}

test('flows are conserved and every bound is respected', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, (d) => {
    const network = networkFromSpec(specOf(d));
    const sol = solveFlows(highs, network);
    network.importers.forEach((imp, i) => {
      let inflow = sol.world[i] + sol.stock[i] + sol.unserved[i];
      network.arcs.forEach((a, k) => { if (a.importer === imp.id) inflow += sol.arcFlow[k]; });
      assert.ok(Math.abs(inflow - imp.demand) <= TOL * Math.max(1, imp.demand), `demand of ${imp.id}`);
      assert.ok(sol.stock[i] <= imp.stock + TOL, `stock of ${imp.id}`);
    });
    network.exporters.forEach((exp, e) => assert.ok(sol.exported[e] <= exp.supply + TOL, `supply of ${exp.id}`));
    network.routes.forEach((r, k) => assert.ok(sol.routeFlow[k] <= r.capacity + TOL, `capacity of ${r.id}`));
    network.assets.forEach((s, k) => assert.ok(sol.assetFlow[k] <= s.capacity + TOL, `capacity of ${s.id}`));
    network.arcs.forEach((a, k) => { if (!a.open) assert.ok(Math.abs(sol.arcFlow[k]) <= TOL, 'closed arc carries nothing'); assert.ok(sol.arcFlow[k] >= -TOL); });
    if (network.world.enabled && Number.isFinite(network.world.spare)) assert.ok(sol.world.reduce((s, x) => s + x, 0) <= network.world.spare + TOL, 'world spare');
  }), { numRuns: 150 });
});

test('closing a route never lowers the objective', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, fc.nat(), (d, pick) => {
    const network = networkFromSpec(specOf(d));
    const before = solveFlows(highs, network).objective;
    const r = pick % network.routes.length;
    network.routes[r].open = false;
    const after = solveFlows(highs, network).objective;
    assert.ok(after >= before - 1e-7 * Math.max(1, Math.abs(before)), `closing r${r}: ${before} → ${after}`);
  }), { numRuns: 150 });
});

test('with no shock the baseline flows are reproduced and the objective is Σ cost × baseline', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, (d) => {
    const network = networkFromSpec(specOf(d, false));
    const sol = solveFlows(highs, network);
    const expected = d.arcs.reduce((s, a) => s + a.cost * a.baseline, 0);
    assert.ok(Math.abs(sol.objective - expected) <= 1e-6 * Math.max(1, expected), `objective ${sol.objective}, expected ${expected}`);
    network.arcs.forEach((a, k) => assert.ok(Math.abs(sol.arcFlow[k] - a.baseline) <= 1e-6 * Math.max(1, a.baseline), `arc ${k}: ${sol.arcFlow[k]} vs baseline ${a.baseline}`));
  }), { numRuns: 150 });
});

// The same properties with a two-sided world market (flow-lp 2.1.0): a price of 100 (above every route cost),
// supply and demand responses with random slopes and spare capacity, and every exporter able to sell to other
// buyers on a route of its own (cost 0–20) at a discount (0–10).
const marketDraw = fc.record({
  supplySlope: fc.double({ min: 0, max: 2, noNaN: true }),
  supplyCap: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  demandSlope: fc.double({ min: 0.1, max: 2, noNaN: true }),
  sellCost: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }),
  discount: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
});

type MarketDraw = { supplySlope: number; supplyCap: number | null; demandSlope: number; sellCost: number[]; discount: number[] };

function marketSpecOf(d: Draw, m: MarketDraw, shocked = true): NetworkSpec {
  const spec = specOf({ ...d, world: undefined }, shocked);
  return {
    ...spec,
    routes: [...spec.routes, ...m.sellCost.map((cost, e) => ({ id: `w${e}`, cost }))],
    arcs: [...spec.arcs, ...m.sellCost.map((_, e) => ({ exporter: `E${e}`, importer: 'world', route: `w${e}` }))],
    market: {
      price: 100,
      curve: { supplySlope: m.supplySlope, supplyCap: m.supplyCap ?? Infinity, demandSlope: m.demandSlope },
      discounts: Object.fromEntries(m.discount.map((x, e) => [`E${e}`, x])),
    },
  };
}

test('two-sided market: with no shock the baseline flows are reproduced, nothing is sold to other buyers, and the objective is Σ cost × baseline', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, marketDraw, (d, m) => {
    const network = networkFromSpec(marketSpecOf(d, m, false));
    const sol = solveFlows(highs, network);
    const expected = d.arcs.reduce((s, a) => s + a.cost * a.baseline, 0);
    assert.ok(Math.abs(sol.objective - expected) <= 1e-6 * Math.max(1, expected), `objective ${sol.objective}, expected ${expected}`);
    assert.ok(Math.abs(sol.market.net) <= 1e-6, `net shortage ${sol.market.net}`);
    network.arcs.forEach((a, k) => assert.ok(Math.abs(sol.arcFlow[k] - a.baseline) <= 1e-6 * Math.max(1, a.baseline), `arc ${k}: ${sol.arcFlow[k]} vs baseline ${a.baseline}`));
  }), { numRuns: 150 });
});

test('two-sided market: removing capacity never lowers the total cost', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, marketDraw, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (d, m, pick, keep) => {
    const network = networkFromSpec(marketSpecOf(d, m));
    const before = solveFlows(highs, network).objective;
    const r = pick % network.routes.length;
    const route = network.routes[r];
    route.capacity = Number.isFinite(route.capacity) ? route.capacity * keep : keep * 10;
    const after = solveFlows(highs, network).objective;
    assert.ok(after >= before - 1e-7 * Math.max(1, Math.abs(before)), `cutting ${route.id}: ${before} → ${after}`);
  }), { numRuns: 150 });
});

test('two-sided market: losing supply never lowers the price', async () => {
  const highs = await loadSolver();
  fc.assert(fc.property(networkDraw, marketDraw, fc.nat(3), fc.double({ min: 0, max: 1, noNaN: true }), (d, m, e, keep) => {
    const network = networkFromSpec(marketSpecOf(d, m));
    const before = solveFlows(highs, network);
    network.exporters[e].supply *= keep;
    const after = solveFlows(highs, network);
    const price = (net: number) => clearingPriceChange(network.world.curve, 100, net);
    assert.ok(price(after.market.net) >= price(before.market.net) - 1e-6, `E${e} × ${keep}: net ${before.market.net} → ${after.market.net}`);
  }), { numRuns: 150 });
});
