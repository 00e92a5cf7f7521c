/** One supplier in a governance-weighted concentration. */
export interface WeightedShare {
  /** Share as a fraction 0–1. */
  share: number;
  /** Scaled WGI, 0–10 (10 worst). */
  wgi: number;
  /** Trade parameter t (1 by default). */
  trade?: number;
}

/**
 * Governance-weighted concentration of the EU criticality method: HHI_WGI,t = Σ S_c² · WGI_c · t_c,
 * with S_c a fraction and WGI_c on the 0–10 scale. One supplier of the worst governance gives 10 (with t = 1).
 */
export function hhiWgi(entries: Iterable<WeightedShare>): number {
  let sum = 0;
  for (const e of entries) sum += e.share * e.share * e.wgi * (e.trade ?? 1);
  return sum;
}
