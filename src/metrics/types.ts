// Result types of the metrics layer: the JSON contract of `corridor metrics`, `corridor crm` and
// `corridor report`. Field names are the ones the JSON output uses.

export interface Method {
  name: string;
  version: string;
}

/** A supplier of an importer (one exporter, all routes together). */
export interface SupplierShare {
  exporter: string;
  name: string;
  /** Volume in the commodity's base unit. */
  volume: number;
  unit: string;
  /** Fraction of the importer's total supply, 0–1. */
  share: number;
  /** True for an aggregate such as OTHER: dispersed, never one supplier in concentration. */
  aggregate: boolean;
  /** Scaled WGI (0–10, 10 worst) used in the governance-weighted HHI; null when the dataset has none. */
  wgiScaled: number | null;
  /** Year of the WGI figure used, null when none. */
  wgiYear: number | null;
}

/** How much of a supply crosses one country on its routes. */
export interface TransitShare {
  country: string;
  name: string;
  volume: number;
  /** Fraction of the total supply (of all flows, routed or not) that crosses the country. */
  share: number;
  /** Routes that cross it. */
  routes: string[];
}

export interface CrmaBenchmark {
  /** 0.65: no more than 65% from any single third country. */
  threshold: number;
  /** The largest third-country supplier (not an EU member, not an aggregate), null when there is none. */
  country: string | null;
  share: number;
  met: boolean;
  /**
   * Whether the Critical Raw Materials Act covers the commodity: crma_list.csv lists it (a dataset without the list
   * gives the benchmark for every commodity). Crude oil, gas and uranium are not covered: `met` is then only arithmetic.
   */
  applies: boolean;
}

export interface GovernanceConcentration {
  /** Σ share² · scaledWGI over suppliers with a WGI (shares as fractions): 0–10, 10 worst. Null when no supplier has a WGI. */
  hhiWgi: number | null;
  /** Suppliers (not aggregates) with no WGI in the dataset: left out of hhiWgi. */
  missing: string[];
  /** Share of supply held by suppliers with a WGI. */
  coveredShare: number;
}

export interface ImporterMetrics {
  method: Method;
  dataset: string;
  importer: string;
  importerName: string;
  commodity: string;
  year: number;
  unit: string;
  /** Total imports in the year, base unit. */
  total: number;
  suppliers: SupplierShare[];
  /** Herfindahl–Hirschman index, 0–10,000, over named suppliers; aggregates contribute 0. */
  hhi: number;
  /** HHI if each aggregate were one supplier: an upper bound. */
  hhiUpper: number;
  /** Named supplier with the largest share (aggregates excluded), null when there is none. */
  topSupplier: string | null;
  topShare: number;
  /** Share held by aggregates (OTHER): dispersed, left out of concentration. */
  dispersedShare: number;
  crmaBenchmark: CrmaBenchmark;
  crmaBenchmarkMet: boolean;
  governance: GovernanceConcentration;
  transitExposure: TransitShare[];
  /** Share of supply on flows with no route: not in transitExposure. */
  routeUnknownShare: number;
  /** 'dataset' when computed on the dataset's flows, 'given' when on flows passed in (e.g. re-optimised). */
  flowSource: 'dataset' | 'given';
  notes: string[];
}

export interface DestinationShare {
  importer: string;
  name: string;
  volume: number;
  share: number;
}

export interface RouteShare {
  /** Route id; '' for flows whose route is not known. */
  route: string;
  name: string;
  volume: number;
  share: number;
  /** Countries the route crosses other than the exporter, in order. */
  crosses: string[];
}

export interface ExporterMetrics {
  method: Method;
  dataset: string;
  exporter: string;
  exporterName: string;
  commodity: string;
  year: number;
  unit: string;
  total: number;
  destinations: DestinationShare[];
  routes: RouteShare[];
  transitExposure: TransitShare[];
  routeUnknownShare: number;
  /** Member rows left out because the bloc's own row already holds them (never counted twice). */
  withinBloc: { importer: string; bloc: string; volume: number }[];
  notes: string[];
}

export interface StageSupplyRisk {
  stage: 'extraction' | 'processing';
  supplyRisk: number;
  /** HHI_WGI,t of global supply (0–10). */
  hhiGlobal: number;
  /** HHI_WGI,t of EU sourcing (0–10). */
  hhiEuSourcing: number;
  /** IR used for the stage: the stage's own IR where the dataset gives one, else the material's. */
  importReliance: number;
  /** `eu_sourcing` when EU-sourcing shares were given; `global` when they were missing and global supply stood in for them. */
  euSourcingBasis: 'eu_sourcing' | 'global';
  /** Shares held by aggregates (OTHER), treated as dispersed. */
  dispersedShareGlobal: number;
  dispersedShareEuSourcing: number;
}

export interface MaterialSupplyRisk {
  material: string;
  name: string;
  year: number;
  stages: StageSupplyRisk[];
  bottleneck: 'extraction' | 'processing';
  /** The stages of the material's value chain (stages.csv) that make up the bottleneck stage of the method. */
  bottleneckChainStages: string[];
  supplyRisk: number;
  economicImportance: number;
  importReliance: number;
  eolRir: number;
  substitutionIndex: number;
  critical: boolean;
  notes: string[];
}

export interface CrmAssessment {
  method: Method;
  dataset: string;
  thresholds: { economicImportance: number; supplyRisk: number };
  materials: MaterialSupplyRisk[];
  /** Materials left out of an all-materials assessment because their inputs are incomplete, with the reason. */
  skipped: { material: string; reason: string }[];
}

export interface RouteUtilisation {
  route: string;
  name: string;
  commodity: string;
  year: number;
  /** Flow on the route in the year (base unit). */
  volume: number;
  unit: string;
  /** Capacity from routes.csv (base unit), null when not limited. */
  capacity: number | null;
  capacityYear: number;
  /** volume / capacity, null without a capacity. */
  utilisation: number | null;
  status: string;
}
