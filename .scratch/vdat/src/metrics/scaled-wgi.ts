/**
 * Rescales a World Bank WGI mean estimate (−2.5 … +2.5, higher is better) to the EU criticality
 * method's 0–10 scale with 10 the worst governance: scaled = 5 − 2·mean (= 2·(2.5 − mean)).
 * Values outside the WGI range are clamped to 0–10.
 */
export function scaledWgi(mean: number): number {
  return Math.min(10, Math.max(0, 5 - 2 * mean));
}
