/** Inputs of the EU supply-risk formula for one stage. */
export interface SupplyRiskInputs {
  /** HHI_WGI,t of global supply (0–10). */
  hhiGlobal: number;
  /** HHI_WGI,t of actual EU sourcing, domestic production plus imports (0–10). */
  hhiEuSourcing: number;
  /** IR, import reliance (0–1). */
  importReliance: number;
  /** EoL-RIR, end-of-life recycling input rate (0–1). */
  eolRir: number;
  /** SI(SR), substitution index for supply risk (0–1). */
  substitutionIndex: number;
}

/**
 * Supply risk of one stage in the EU criticality method:
 * SR = [HHI_WGI,t(GS) · IR/2 + HHI_WGI,t(EU sourcing) · (1 − IR/2)] · (1 − EoL_RIR) · SI_SR.
 */
export function supplyRisk(x: SupplyRiskInputs): number {
  const half = x.importReliance / 2;
  return (x.hhiGlobal * half + x.hhiEuSourcing * (1 - half)) * (1 - x.eolRir) * x.substitutionIndex;
}
