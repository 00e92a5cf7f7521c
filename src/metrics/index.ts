// The metrics layer's public names, each with the file it lives in. Pure functions: no I/O.
export { importerMetrics, type ImporterQuery } from './importer-metrics.ts';
export { exporterMetrics, type ExporterQuery } from './exporter-metrics.ts';
export { blocSafeFlows, type BlocSafeFlows } from './bloc-safe-flows.ts';
export { crmAssessment, type CrmQuery } from './crm-assessment.ts';
export { supplyRisk, type SupplyRiskInputs } from './supply-risk.ts';
export { routeUtilisation, type RouteUtilisationQuery } from './route-utilisation.ts';
export { baselineReport, BASELINE_DEFAULTS, type BaselineReport, type BaselineReportOptions, type Unavailable } from './baseline-report.ts';
export { flowIndex, type FlowIndex } from './flow-index.ts';
export { lookups, type Lookups } from './lookups.ts';
export { hhi } from './hhi.ts';
export { hhiWgi, type WeightedShare } from './hhi-wgi.ts';
export { scaledWgi } from './scaled-wgi.ts';
export { selectFlows, type FlowQuery, type SelectedFlows } from './select-flows.ts';
export { transitExposure, type TransitResult } from './transit-exposure.ts';
export { CRITICALITY_THRESHOLDS, CRMA_SINGLE_COUNTRY_LIMIT, DEPENDENCE_METHOD, EU_BLOC, SUPPLY_RISK_METHOD } from './methods.ts';
export type * from './types.ts';
export { stageMetrics, valueChain, type ChainQuery, type ChainStage, type StageMetrics, type StageQuery, type ValueChain } from './chain.ts';
