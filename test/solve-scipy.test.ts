// The flow LP against an independent peer: random networks generated here are solved by the model and
// by an independent formulation in Python (explicit deviation variables) with scipy's linprog (native
// HiGHS); the optimal objectives must agree to 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadSolver, solveFlows } from '../src/solve/index.ts';
import { networkFromSpec, type NetworkSpec } from '../src/solve/spec.ts';
import { FIXTURES } from './helpers.ts';
import { seededRandom as random } from '../src/model/random.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(FIXTURES, 'lp-scipy', 'independent_lp.py');
const scipy = spawnSync(PYTHON, ['-c', 'import scipy.optimize'], { encoding: 'utf8' });
const skip = scipy.status === 0 ? false : `scipy is not available to ${PYTHON} (install python3-scipy): ${(scipy.stderr || scipy.error?.message || '').trim().split('\n').pop()}`;


/** A random network: several routes per pair, shared assets, closures, stocks, a world market, commitments. */
function randomSpec(seed: number): NetworkSpec {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const round = (v: number) => Math.round(v * 100) / 100;
  const nE = int(2, 6);
  const nI = int(2, 6);
  const exporters = Array.from({ length: nE }, (_, i) => ({ id: `E${i}`, supply: 0 }));
  const importers = Array.from({ length: nI }, (_, i) => ({ id: `I${i}`, demand: 0, stock: rnd() < 0.3 ? round(rnd() * 5) : 0, worldAccess: rnd() < 0.2 ? 0 : 1 }));
  const assets = Array.from({ length: int(0, 3) }, (_, i) => ({ id: `S${i}`, capacity: round(5 + rnd() * 20) }));
  const routes: NetworkSpec['routes'] = [];
  const arcs: NetworkSpec['arcs'] = [];
  for (const e of exporters) {
    for (const i of importers) {
      if (rnd() < 0.3) continue;
      for (let r = 0, n = int(1, 3); r < n; r++) {
        const id = `${e.id}${i.id}r${r}`;
        const asset = assets.length && rnd() < 0.4 ? [assets[int(0, assets.length - 1)].id] : [];
        routes.push({ id, cost: round(rnd() * 10), capacity: rnd() < 0.5 ? round(2 + rnd() * 10) : null, assets: asset, open: rnd() > 0.1 });
        const baseline = rnd() < 0.6 ? round(rnd() * 8) : 0;
        arcs.push({ exporter: e.id, importer: i.id, route: id, baseline, open: rnd() > 0.1 });
        e.supply += baseline;
        i.demand += baseline;
      }
    }
  }
  for (const e of exporters) e.supply = round(e.supply * (0.5 + rnd()));
  for (const i of importers) i.demand = round(i.demand * (0.7 + rnd() * 0.6) + (rnd() < 0.2 ? 3 : 0));
  const withWorld = rnd() < 0.6;
  const commitments = rnd() < 0.3 && arcs.length ? [{ exporter: arcs[0].exporter, importers: [arcs[0].importer], target: round(2 + rnd() * 6) }] : [];
  return {
    exporters, importers, routes, assets, arcs,
    ...(withWorld ? { world: { premium: round(10 + rnd() * 10), spare: rnd() < 0.5 ? round(rnd() * 20) : null } } : {}),
    costs: { stickiness: round(25 + rnd() * 20), unserved: 1000, stockDraw: round(100 + rnd() * 50), shortfall: 300 },
    commitments,
  };
}

test('objectives agree with an independent formulation solved by scipy (linprog, native HiGHS)', { skip }, async () => {
  const highs = await loadSolver();
  const specs = Array.from({ length: 40 }, (_, k) => randomSpec(1000 + k));
  const peer = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(peer.status, 0, `python failed: ${peer.stderr}`);
  const expected = JSON.parse(peer.stdout) as { status: number; objective?: number; message?: string }[];
  specs.forEach((spec, k) => {
    const peerResult = expected[k];
    assert.equal(peerResult.status, 0, `instance ${k}: scipy did not reach an optimum: ${peerResult.message}`);
    const ours = solveFlows(highs, networkFromSpec(spec)).objective;
    const theirs = peerResult.objective!;
    assert.ok(Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs)), `instance ${k} (seed ${1000 + k}): model ${ours}, scipy ${theirs}`);
  });
});
