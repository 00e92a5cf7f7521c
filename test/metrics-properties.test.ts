// Properties of the dependence metrics on random datasets built in memory (fast-check, seeded).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Model } from '../src/model/model.ts';
import { emptyTables, type Tables } from '../src/model/types.ts';
import { hhi, importerMetrics, supplyRisk } from '../src/metrics/index.ts';

const POOL = Array.from({ length: 30 }, (_, i) => `C${String(i).padStart(2, '0')}`);
const prov = { source: ['s'], estimated: false, note: '' };

/** A model where importer IMP buys `volumes[i]` from `exporters[i]`; route r{i%3} for some flows. */
function buildModel(exporters: string[], volumes: number[], options: { withOther?: number; routed?: boolean } = {}): Model {
  const t: Tables = emptyTables();
  t.source.push({ id: 's', title: 't', publisher: '', url: '', year: 2024, note: '' });
  for (const id of [...POOL, 'IMP', 'T1', 'T2']) t.country.push({ id, name: id, kind: 'country', region: '' });
  t.country.push({ id: 'OTHER', name: 'Other', kind: 'aggregate', region: '' });
  t.commodity.push({ id: 'oil', name: 'Oil', group: 'energy', unit: 'Mt/yr', allowed_units: ['Mt/yr'], fungible: false, ...prov });
  for (const [i, r] of ['r0', 'r1', 'r2'].entries()) {
    t.route.push({ id: r, name: r, commodity: 'oil', mode: 'pipeline', from: 'a', to: 'b', unit: 'Mt/yr', year: 2024, cost_unit: '', operator: '', status: 'operating', ...prov });
    const crossed = [['T1'], ['T2'], ['T1', 'T2']][i];
    crossed.forEach((country, k) => t.leg.push({ route: r, sequence: k + 1, from: 'a', to: 'b', country, mode: '', asset: '', ...prov }));
  }
  exporters.forEach((exporter, i) => t.flow.push({
    year: 2024, commodity: 'oil', exporter, importer: 'IMP', route: options.routed && i % 2 === 0 ? `r${i % 3}` : '', volume: volumes[i], unit: 'Mt/yr', ...prov,
  }));
  if (options.withOther) t.flow.push({ year: 2024, commodity: 'oil', exporter: 'OTHER', importer: 'IMP', route: '', volume: options.withOther, unit: 'Mt/yr', ...prov });
  return new Model(t, { name: 'prop', dir: '', hash: 'prop' });
}

const supply = fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 20 }).chain((exporters) =>
  fc.tuple(fc.constant(exporters), fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: exporters.length, maxLength: exporters.length })));
const query = { importer: 'IMP', commodity: 'oil', year: 2024 };
const SEED = { seed: 20240601, numRuns: 200 };

test('shares sum to 1 and HHI lies between 10000/n and 10000', () => {
  fc.assert(fc.property(supply, ([exporters, volumes]) => {
    const m = importerMetrics(buildModel(exporters, volumes), query);
    const sum = m.suppliers.reduce((a, s) => a + s.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `shares sum to ${sum}`);
    const n = exporters.length;
    assert.ok(m.hhi >= 10000 / n - 1e-6 && m.hhi <= 10000 + 1e-6, `hhi ${m.hhi} for n=${n}`);
    assert.ok(m.topShare >= 1 / n - 1e-12 && m.topShare <= 1 + 1e-12);
  }), SEED);
});

test('HHI is invariant under relabelling the suppliers and under scaling the volumes', () => {
  fc.assert(fc.property(supply, fc.double({ min: 0.01, max: 100, noNaN: true }), ([exporters, volumes], k) => {
    const base = importerMetrics(buildModel(exporters, volumes), query).hhi;
    const relabelled = exporters.map((e) => POOL[(POOL.indexOf(e) + 7) % POOL.length]);
    const reversed = [...relabelled].reverse();
    assert.ok(Math.abs(importerMetrics(buildModel(reversed, [...volumes].reverse()), query).hhi - base) < 1e-6);
    assert.ok(Math.abs(importerMetrics(buildModel(exporters, volumes.map((v) => v * k)), query).hhi - base) < 1e-6 * Math.max(1, base));
  }), SEED);
});

test('a dispersed OTHER lowers the HHI below the upper bound that counts it as one supplier', () => {
  fc.assert(fc.property(supply, fc.double({ min: 0.001, max: 1000, noNaN: true }), ([exporters, volumes], other) => {
    const m = importerMetrics(buildModel(exporters, volumes, { withOther: other }), query);
    assert.ok(m.hhi <= m.hhiUpper + 1e-9);
    assert.ok(Math.abs(m.hhiUpper - m.hhi - hhi([m.dispersedShare])) < 1e-6);
    assert.ok(Math.abs(m.suppliers.reduce((a, s) => a + s.share, 0) - 1) < 1e-9);
  }), SEED);
});

test('transit shares lie in [0, 1 − unknown share], and a route crossing two states counts for both', () => {
  fc.assert(fc.property(supply, ([exporters, volumes]) => {
    const m = importerMetrics(buildModel(exporters, volumes, { routed: true }), query);
    for (const t of m.transitExposure) assert.ok(t.share >= 0 && t.share <= 1 - m.routeUnknownShare + 1e-9, `${t.country} ${t.share}`);
    // Flow i is routed when i is even, on r{i % 3}: r0 crosses T1, r1 T2, r2 both.
    const total = volumes.reduce((a, v) => a + v, 0);
    const expect = (country: string) => volumes.reduce((a, v, i) => a + (i % 2 === 0 && (country === 'T1' ? i % 3 !== 1 : i % 3 !== 0) ? v : 0), 0) / total;
    const got = (country: string) => m.transitExposure.find((t) => t.country === country)?.share ?? 0;
    assert.ok(Math.abs(got('T1') - expect('T1')) < 1e-9);
    assert.ok(Math.abs(got('T2') - expect('T2')) < 1e-9);
  }), SEED);
});

test('supply risk grows with each concentration and is 0 when fully recycled', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const h = fc.double({ min: 0, max: 10, noNaN: true });
  fc.assert(fc.property(h, h, h, unit, unit, unit, (g, e, extra, ir, eol, si) => {
    const base = supplyRisk({ hhiGlobal: g, hhiEuSourcing: e, importReliance: ir, eolRir: eol, substitutionIndex: si });
    assert.ok(base >= 0 && base <= 10 + 1e-9);
    assert.ok(supplyRisk({ hhiGlobal: g + extra, hhiEuSourcing: e, importReliance: ir, eolRir: eol, substitutionIndex: si }) >= base - 1e-12);
    assert.ok(supplyRisk({ hhiGlobal: g, hhiEuSourcing: e + extra, importReliance: ir, eolRir: eol, substitutionIndex: si }) >= base - 1e-12);
    assert.equal(supplyRisk({ hhiGlobal: g, hhiEuSourcing: e, importReliance: ir, eolRir: 1, substitutionIndex: si }), 0);
  }), SEED);
});

// Generated datasets: an importer (a country, the bloc EU27, or one of its members) buying from random
// suppliers (named countries, bloc members, OTHER), on random routes that cross random countries
// (transit states, members of the bloc, the parties themselves, OTHER) or on no known route; or, for
// EU27, only its members' rows (summed, trade between members left out).
const NAMED = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const MEMBERS = ['MAA', 'MAB', 'MAC'];
const TRANSIT = ['TAA', 'TAB'];
const CROSSABLE = [...NAMED, ...MEMBERS, ...TRANSIT, 'OTHER', 'IMP'];

interface Generated { importer: string; summed: boolean; routes: string[][]; flows: { exporter: string; importer: string; route: number; volume: number }[]; wgi: [string, number][] }

const generated: fc.Arbitrary<Generated> = fc.record({
  importer: fc.constantFrom('IMP', 'EU27', 'MAA'),
  summed: fc.boolean(),
  routes: fc.array(fc.array(fc.constantFrom(...CROSSABLE), { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  flows: fc.array(fc.record({
    exporter: fc.constantFrom(...NAMED, ...MEMBERS, 'OTHER'),
    importer: fc.constantFrom(...MEMBERS),
    route: fc.integer({ min: -1, max: 3 }),
    volume: fc.double({ min: 0.001, max: 1000, noNaN: true }),
  }), { minLength: 1, maxLength: 25 }),
  wgi: fc.array(fc.tuple(fc.constantFrom(...NAMED, ...MEMBERS), fc.double({ min: -2.5, max: 2.5, noNaN: true })), { maxLength: 8 }),
}).map((g) => {
  // Importer of each row: the asked importer, or (for EU27 summed from its members) the member drawn.
  const importerOf = (f: Generated['flows'][number]) => (g.importer === 'EU27' && g.summed ? f.importer : g.importer);
  const seen = new Set<string>();
  const flows = g.flows
    .map((f) => ({ ...f, importer: importerOf(f), route: f.route < g.routes.length ? f.route : -1 }))
    .filter((f) => f.exporter !== f.importer)
    .filter((f) => !seen.has(`${f.exporter}|${f.importer}|${f.route}`) && seen.add(`${f.exporter}|${f.importer}|${f.route}`));
  return { ...g, flows };
});

/** A model from a generated dataset, its flow and leg rows in the given orders (permutations of the indices). */
function generatedModel(g: Generated, flowOrder?: number[], legOrder?: number[]): Model {
  const t: Tables = emptyTables();
  t.source.push({ id: 's', title: 't', publisher: '', url: '', year: 2024, note: '' });
  for (const id of [...NAMED, ...MEMBERS, ...TRANSIT, 'IMP']) t.country.push({ id, name: id, kind: 'country', region: '' });
  t.country.push({ id: 'OTHER', name: 'Other', kind: 'aggregate', region: '' });
  t.bloc.push({ id: 'EU27', name: 'Bloc' });
  for (const country of MEMBERS) t.blocMember.push({ bloc: 'EU27', country });
  for (const [country, value] of g.wgi) if (!t.governance.some((r) => r.country === country)) t.governance.push({ country, indicator: 'wgi_mean', year: 2024, value, ...prov });
  t.commodity.push({ id: 'oil', name: 'Oil', group: 'energy', unit: 'Mt/yr', allowed_units: ['Mt/yr'], fungible: false, ...prov });
  const legs: Tables['leg'] = [];
  g.routes.forEach((crossed, r) => {
    t.route.push({ id: `r${r}`, name: `r${r}`, commodity: 'oil', mode: 'pipeline', from: 'a', to: 'b', unit: 'Mt/yr', year: 2024, cost_unit: '', operator: '', status: 'operating', ...prov });
    crossed.forEach((country, k) => legs.push({ route: `r${r}`, sequence: k + 1, from: 'a', to: 'b', country, mode: '', asset: '', ...prov }));
  });
  t.leg.push(...(legOrder ?? legs.map((_, i) => i)).map((i) => legs[i]));
  const flows = g.flows.map((f) => ({ year: 2024, commodity: 'oil', exporter: f.exporter, importer: f.importer, route: f.route < 0 ? '' : `r${f.route}`, volume: f.volume, unit: 'Mt/yr', ...prov }));
  t.flow.push(...(flowOrder ?? flows.map((_, i) => i)).map((i) => flows[i]));
  return new Model(t, { name: 'generated', dir: '', hash: 'generated' });
}

const permutation = (n: number) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });
const withOrders = generated
  .filter((g) => g.flows.some((f) => !(g.importer === 'EU27' && g.summed && MEMBERS.includes(f.exporter))))
  .chain((g) => fc.tuple(fc.constant(g), permutation(g.flows.length), permutation(g.routes.flat().length)));
const GENERATED = { seed: 20240602, numRuns: 300 };

test('generated datasets: shares sum to 1, transit shares in [0, 1], 10000·top² ≤ HHI ≤ hhiUpper ≤ 10000', () => {
  fc.assert(fc.property(withOrders, ([g]) => {
    const m = importerMetrics(generatedModel(g), { importer: g.importer, commodity: 'oil' });
    const sum = m.suppliers.reduce((a, s) => a + s.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `shares sum to ${sum}`);
    for (const t of m.transitExposure) {
      assert.ok(t.share >= 0 && t.share <= 1 + 1e-12, `${t.country} ${t.share}`);
      assert.ok(t.share <= 1 - m.routeUnknownShare + 1e-9, `${t.country} ${t.share} with ${m.routeUnknownShare} on unknown routes`);
      assert.ok(!['OTHER', m.importer, ...(m.importer === 'EU27' ? MEMBERS : [])].includes(t.country), `${t.country} is no transit state`);
    }
    const maxNamed = Math.max(0, ...m.suppliers.filter((s) => !s.aggregate).map((s) => s.share));
    assert.equal(m.topShare, maxNamed);
    assert.ok(m.hhi >= 10000 * maxNamed ** 2 - 1e-9, `hhi ${m.hhi} < 10000·${maxNamed}²`);
    assert.ok(m.hhi <= m.hhiUpper + 1e-9, `hhi ${m.hhi} > hhiUpper ${m.hhiUpper}`);
    assert.ok(m.hhiUpper <= 10000 + 1e-9, `hhiUpper ${m.hhiUpper}`);
  }), GENERATED);
});

test('generated datasets: the metrics do not depend on the order of the flow and leg rows', () => {
  const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
  const byKey = <T>(list: T[], key: (x: T) => string, value: (x: T) => number) => new Map(list.map((x) => [key(x), value(x)]));
  fc.assert(fc.property(withOrders, ([g, flowOrder, legOrder]) => {
    const query = { importer: g.importer, commodity: 'oil' };
    const a = importerMetrics(generatedModel(g), query);
    const b = importerMetrics(generatedModel(g, flowOrder, legOrder), query);
    for (const field of ['total', 'hhi', 'hhiUpper', 'topShare', 'dispersedShare', 'routeUnknownShare'] as const) assert.ok(near(a[field], b[field]), `${field}: ${a[field]} vs ${b[field]}`);
    assert.ok(near(a.governance.hhiWgi, b.governance.hhiWgi), 'hhiWgi');
    assert.ok(near(a.crmaBenchmark.share, b.crmaBenchmark.share), 'CRMA share');
    assert.equal(a.crmaBenchmarkMet, b.crmaBenchmarkMet);
    for (const [list, key] of [[a.suppliers, b.suppliers], [a.transitExposure, b.transitExposure]] as const) {
      const id = (x: { exporter?: string; country?: string }) => x.exporter ?? x.country ?? '';
      const left = byKey<{ share: number }>(list as { share: number }[], id as (x: { share: number }) => string, (x) => x.share);
      const right = byKey<{ share: number }>(key as { share: number }[], id as (x: { share: number }) => string, (x) => x.share);
      assert.deepEqual([...left.keys()].sort(), [...right.keys()].sort());
      for (const [k, v] of left) assert.ok(near(v, right.get(k)!), `${k}: ${v} vs ${right.get(k)}`);
    }
    assert.deepEqual(a.transitExposure.map((t) => [t.country, t.routes]).sort(), b.transitExposure.map((t) => [t.country, t.routes]).sort());
  }), GENERATED);
});
