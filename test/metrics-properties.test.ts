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
    t.route.push({ id: r, name: r, commodity: 'oil', mode: 'pipeline', from: 'a', to: 'b', unit: 'Mt/yr', year: 2024, operator: '', status: 'operating', ...prov });
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
