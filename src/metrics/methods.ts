// Names and versions of the metrics methods. Each is documented in docs/methods/<name>.md with the
// same version, and every result carries the method that produced it.
import type { Method } from './types.ts';

/** Shares, HHI, CRMA benchmark, governance-weighted HHI and transit exposure (docs/methods/dependence.md). */
export const DEPENDENCE_METHOD: Method = { name: 'dependence', version: '1.0.1' };

/** The EU criticality assessment's supply risk and verdict (docs/methods/eu-supply-risk.md). */
export const SUPPLY_RISK_METHOD: Method = { name: 'eu-supply-risk', version: '1.0.0' };

/** The EU Critical Raw Materials Act benchmark: no more than this share from any single third country. */
export const CRMA_SINGLE_COUNTRY_LIMIT = 0.65;

/** The bloc whose members are not third countries for the CRMA benchmark. */
export const EU_BLOC = 'EU27';

/** EU criticality thresholds (since 2017): critical when EI >= 2.8 and SR >= 1.0. */
export const CRITICALITY_THRESHOLDS = { economicImportance: 2.8, supplyRisk: 1.0 } as const;

/** Slack for threshold comparisons: a value that is exactly on a threshold on paper may land one rounding step below it. */
export const THRESHOLD_TOLERANCE = 1e-12;
