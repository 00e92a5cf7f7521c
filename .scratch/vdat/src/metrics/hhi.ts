/**
 * Herfindahl–Hirschman index on the 0–10,000 scale: Σ (100·s)² for shares s given as fractions.
 * A single supplier gives 10,000; n equal suppliers give 10,000/n.
 */
export function hhi(shares: Iterable<number>): number {
  let sum = 0;
  for (const s of shares) sum += s * s;
  return sum * 10_000;
}
