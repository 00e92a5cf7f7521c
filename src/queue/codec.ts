// What goes into the run tables: the flow network and spec as JSON that keeps ±Infinity (capacities the route
// does not limit), and a batch's per-draw figures as the bytes of their Float64Arrays, so that a merged result
// is bit for bit the one a local run computes.
import type { DrawBatch } from '../risk/index.ts';

const NON_FINITE = '$number';

/** JSON of a value whose numbers may be ±Infinity or NaN. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [NON_FINITE]: String(v) } : v));
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => (v !== null && typeof v === 'object' && NON_FINITE in v && Object.keys(v).length === 1 ? Number((v as Record<string, string>)[NON_FINITE]) : v)) as T;
}

/**
 * The bytes of a Float64Array, exact. Most per-draw figures are zero (no unserved demand, no world-market
 * purchases), so when that is shorter they are stored sparse: the count of non-zero values, their indices and the
 * values. The first byte says which: D (dense) or S (sparse). Little-endian, as every common machine.
 */
export function floatsToBytes(values: Float64Array): Buffer {
  let nonZero = 0;
  for (const v of values) if (!Object.is(v, 0)) nonZero++;
  if (nonZero * 12 + 4 >= values.length * 8) {
    return Buffer.concat([Buffer.from('D'), Buffer.from(values.buffer, values.byteOffset, values.byteLength)]);
  }
  const out = Buffer.alloc(1 + 8 + nonZero * 12);
  out.write('S', 0);
  out.writeUInt32LE(values.length, 1);
  out.writeUInt32LE(nonZero, 5);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (Object.is(values[i], 0)) continue;
    out.writeUInt32LE(i, 9 + 4 * k);
    out.writeDoubleLE(values[i], 9 + 4 * nonZero + 8 * k);
    k++;
  }
  return out;
}

export function bytesToFloats(bytes: Buffer): Float64Array {
  if (bytes.toString('latin1', 0, 1) === 'D') {
    const copy = new Uint8Array(bytes.byteLength - 1);
    copy.set(bytes.subarray(1));
    return new Float64Array(copy.buffer);
  }
  const values = new Float64Array(bytes.readUInt32LE(1));
  const nonZero = bytes.readUInt32LE(5);
  for (let k = 0; k < nonZero; k++) values[bytes.readUInt32LE(9 + 4 * k)] = bytes.readDoubleLE(9 + 4 * nonZero + 8 * k);
  return values;
}

/** A batch row of risk_batch back into the DrawBatch that summarise() merges. */
export function batchFromRow(row: Record<string, unknown>): DrawBatch {
  return {
    start: Number(row.start_draw),
    count: Number(row.draw_count),
    unserved: bytesToFloats(row.unserved as Buffer),
    world: bytesToFloats(row.world as Buffer),
    costChange: bytesToFloats(row.cost_change as Buffer),
    failed: row.failed as number[][],
    counts: row.counts as DrawBatch['counts'],
  };
}
