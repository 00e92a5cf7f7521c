// Draws of a risk spec: each draw has its own generator seeded from (seed, draw index), so a draw is the same
// whichever process or worker takes it and in whatever order. Pure: no I/O.
import type { LossDistribution, RiskFailure } from './spec.ts';

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Counter-based uniform numbers in [0, 1) for draw `index` of a run seeded with `seed`: the k-th number is a hash
 * of (seed, index, k), so any draw can be made on its own, in any order, in any process.
 */
export function drawRandom(seed: number, index: number): () => number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  const key = fmix(fmix(fmix((seed >>> 0) ^ 0x9e3779b9) ^ lo) ^ Math.imul(hi, 0x27d4eb2f));
  let k = 0;
  return () => {
    k++;
    const a = fmix(key ^ Math.imul(k, 0x9e3779b1));
    const b = fmix(a ^ 0x6a09e667 ^ k);
    // 53 bits: 32 from a, 21 from b.
    return (a * 2097152 + (b >>> 11)) / 9007199254740992;
  };
}

/** Standard normal by Box–Muller. */
function normal(u: () => number): number {
  const a = 1 - u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape < 1 boosted). */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do { x = normal(u); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A fraction of capacity lost, drawn from a loss distribution. */
export function drawLoss(loss: LossDistribution, u: () => number): number {
  switch (loss.kind) {
    case 'all': return 1;
    case 'fraction': return loss.value;
    case 'uniform': return loss.a + (loss.b - loss.a) * u();
    case 'beta': { const x = gamma(loss.alpha, u); const y = gamma(loss.beta, u); return x + y > 0 ? x / (x + y) : 0; }
  }
}

/** One draw: which failures happened (indices into the spec's failures) and the fraction each took away. */
export interface Draw {
  index: number;
  failed: number[];
  fractions: number[];
}

/** Draw `index`: failures in file order, each an event with probability p, then its loss. */
export function sampleDraw(failures: readonly RiskFailure[], seed: number, index: number): Draw {
  const u = drawRandom(seed, index);
  const failed: number[] = [];
  const fractions: number[] = [];
  for (let k = 0; k < failures.length; k++) {
    const f = failures[k];
    // One number per failure; its loss has a stream of its own, so that one loss does not shift the next failure.
    if (u() < f.probability) {
      failed.push(k);
      fractions.push(drawLoss(f.loss, drawRandom(fmix((seed >>> 0) ^ Math.imul(k + 1, 0x5bd1e995)), index)));
    }
  }
  return { index, failed, fractions };
}
