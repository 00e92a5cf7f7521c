// Supply risk: N-1 (every element lost on its own) and Monte Carlo over failure probabilities, on the flow model.
// The library entry points; the CLI only prints their results. Pure: no I/O (the worker-thread runner, which
// spreads draws over cores, is src/risk/parallel.ts). See docs/methods/risk.md.
export { RISK_METHOD } from './method.ts';
export { networkElements, parseElementId, ELEMENT_KINDS } from './elements.ts';
export type { RiskElement, ElementKind } from './elements.ts';
export { runN1, n1OnNetwork, lossScenario, lossChange, chokepoints, reportedImporters } from './n1.ts';
export type { N1Element, N1Result, N1Options, RouteShift } from './n1.ts';
export { parseRiskSpec, readRiskSpec, checkRiskSpec } from './spec.ts';
export type { RiskSpec, RiskFailure, LossDistribution } from './spec.ts';
export { sampleDraw, drawRandom, drawLoss } from './sample.ts';
export type { Draw } from './sample.ts';
export { DrawSolver, solveDrawFull } from './engine.ts';
export type { DrawOutcome, ShortcutCounts } from './engine.ts';
export { runMonteCarlo, runBatch, summarise, quantile } from './montecarlo.ts';
export type { DrawBatch, ImporterRisk, MonteCarloOptions, MonteCarloResult } from './montecarlo.ts';
