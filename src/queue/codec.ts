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

export function floatsToBytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function bytesToFloats(bytes: Buffer): Float64Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float64Array(copy.buffer);
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
