// What a scenario run reports: per importer, route, asset and actor, what binds, the flows, the
// dependence metrics before and after, and the solver's figures. Volumes are in the commodity's base
// unit, money totals in USD million, money per quantity in the network's price unit.
import type { Highs } from 'highs';
import type { FlowNetwork } from '../solve/network-types.ts';
import type { FlowSolution } from '../solve/index.ts';
import type { AppliedChange } from './apply.ts';
import type { StageChainResult } from './stage-results.ts';
import type { StockResult } from './stocks-result.ts';

export interface ImporterResult {
  importer: string;
  name: string;
  /** For a part of a split bloc: the bloc. */
  bloc: string | null;
  /** For a split bloc: the parts it sums. */
  parts: string[] | null;
  demandBaseline: number;
  demand: number;
  servedBaseline: number;
  servedScenario: number;
  unservedBaseline: number;
  unserved: number;
  worldMarketBaseline: number;
  /** World-market purchases beyond the importer's baseline purchases of its unrecorded imports (negative: it buys less there). */
  worldMarket: number;
  stock: number;
  stockDraw: number;
  /** Change in transport cost and world-market premium paid (in a two-sided market: the price change on its world-market purchases), in `valueUnit`. */
  costChange: number;
  /** Cost of one more unit of demand in the scenario, in `priceUnit`: in a two-sided market the world price after the change (for an importer served that reaches it), else the dual of the demand row; null for a bloc. */
  marginalCost: number | null;
  /** Flow-weighted transit days over flows on routes with a known transit time (null when none). */
  transitDaysBaseline: number | null;
  transitDaysScenario: number | null;
}

export interface RouteResult {
  route: string;
  name: string;
  mode: string;
  flowBaseline: number;
  flowScenario: number;
  /** Capacity in the scenario (null = unlimited). */
  capacity: number | null;
  capacityBaseline: number | null;
  binding: boolean;
  /** Value of one more base unit of capacity per year, in `priceUnit` per unit of flow it lets through (0 when not binding; null when closed). */
  shadowPrice: number | null;
  status: 'open' | 'closed' | 'added';
  transitDays: number | null;
  /** The implicit route of flows whose route the dataset does not give. */
  direct: boolean;
}

export interface AssetResult {
  asset: string;
  name: string;
  flowBaseline: number;
  flowScenario: number;
  capacity: number;
  capacityBaseline: number;
  binding: boolean;
  /** Value of one more base unit of capacity per year, in `priceUnit`. */
  shadowPrice: number;
}

/** A capacity that binds, with what one more unit of it is worth, in numbers and in words. */
export interface BindingResult {
  kind: 'route' | 'asset' | 'exporter' | 'worldMarket';
  /** Route, asset or exporter id ('world' for the world market's spare capacity). */
  id: string;
  /** Capacity in the scenario, in `unit` (export capacity for an exporter). */
  capacity: number;
  flow: number;
  /** Value of one more unit of capacity, in `priceUnit`. */
  shadowPrice: number;
  /** The same in USD a year for one more base unit of capacity per year (e.g. USD per Mt/yr). */
  valuePerYear: number;
  /**
   * What one more unit replaces at the margin: `unserved` (demand left unserved: priced at the unserved
   * penalty, a modelling figure), `shortfall` (an agreement's undelivered volume), `stocks`, `worldMarket`
   * (the premium), `rerouting` (dearer routes and moving flows away from their partners), or `none` (worth
   * nothing at the margin: another limit holds the same flow, or the dual is degenerate).
   */
  alternative: 'unserved' | 'shortfall' | 'stocks' | 'worldMarket' | 'rerouting' | 'none';
  /** One sentence for a reader. */
  text: string;
}

export interface ActorResult {
  country: string;
  role: 'exporter' | 'importer' | 'transit';
  volumeBaseline: number;
  volumeScenario: number;
  volumeChange: number;
  /** volumeChange × price (exporters, importers) or × transit fee (transit states), in `valueUnit`; null without a price or fee. */
  valueChange: number | null;
}

export interface FlowResult {
  exporter: string;
  importer: string;
  route: string;
  flowBaseline: number;
  flowScenario: number;
}

export interface MetricsSnapshot {
  total: number;
  hhi: number;
  topSupplier: string | null;
  topShare: number;
  hhiWgi: number | null;
  crmaBenchmarkMet: boolean;
  /** Largest transit exposure (country and share of supply), null when no flow crosses a transit state. */
  topTransit: { country: string; share: number } | null;
}

/**
 * The world market's answer to the scenario (a fungible commodity with a price, world demand and elasticities in the
 * dataset; every figure null otherwise). Price changes in `priceUnit`, from the central elasticities and, for the range,
 * from the least and most elastic ends of the literature's range; volumes in `unit`.
 */
export interface MarketResult {
  priceChange: number | null;
  priceChangeLow: number | null;
  priceChangeHigh: number | null;
  priceUnit: string;
  /** Supply the rest of the world adds (spare capacity and the short-run response; negative: output cut as the price falls). */
  spareUsed: number | null;
  /** Exports displaced from their buyers that the world market takes: sold to other buyers at the exporter's discount. */
  absorbed: number | null;
}

/** An exporter's change, in `unit` and `valueUnit`: revenue = volume lost or gained at the price, the price change on what it still sells, less discounts and transport. */
export interface ExporterResult {
  exporter: string;
  volumeChange: number;
  /** price × volumeChange + priceChange × volume after − discountLoss − transportCostChange; null without a price. */
  revenueChange: number | null;
  /** Discount on volumes it sells to other buyers through the world market beyond the baseline. */
  discountLoss: number;
  /** Change in what it pays to move its exports (route tariffs, freight, transit days at time_value). */
  transportCostChange: number;
}

export interface ImporterMetricsChange {
  importer: string;
  baseline: MetricsSnapshot;
  scenario: MetricsSnapshot;
}

export interface ScenarioResult {
  method: { name: string; version: string };
  dataset: string;
  scenario: { name: string; description: string; file: string; commodity: string; year: number };
  /** Unit of every volume (the commodity's base unit). */
  unit: string;
  /** Unit of money totals: valueChange, costChange, solver objective and costs. */
  valueUnit: string;
  /**
   * Unit of money per quantity: shadow prices, the world-market premium, marginal costs. The dataset's price
   * unit for the commodity, else USD per the base unit's natural quantity (USD/t, USD/tU, USD/TEU, USD/MWh …).
   */
  priceUnit: string;
  changes: AppliedChange[];
  importers: ImporterResult[];
  routes: RouteResult[];
  assets: AssetResult[];
  /** Capacities that bind in the scenario, with what one more unit is worth (routes, assets, exporters, world market). */
  whatBinds: BindingResult[];
  actors: ActorResult[];
  flows: FlowResult[];
  /** Stocks held, releasable and drawn, and the days of imports they cover (importers holding a stock). */
  stocks: StockResult[];
  /** premium and shadowPrice in `priceUnit`; volumes in `unit`. */
  worldMarket: { enabled: boolean; premium: number; spare: number | null; baseline: number; scenario: number; shadowPrice: number };
  market: MarketResult;
  exporters: ExporterResult[];
  metrics: ImporterMetricsChange[];
  observed: ObservedFlows | null;
  solver: { status: string; objective: number; seconds: number; baselineObjective: number; baselineSeconds: number; costs: FlowSolution['costs'] };
  settings: FlowNetwork['settings'];
  assumptions: string[];
  /** Value chains with a buyer (`stage_demand`), solved with the stage LP before and after the stage changes. */
  stages: StageChainResult[];
}

export interface ObservedFlows {
  year: number;
  importers: { importer: string; volume: number }[];
  exporters: { exporter: string; volume: number }[];
  /** Observed flow per exporter–importer pair of the dataset, beside the model's flow before and after (a bloc sums its parts). */
  flows: { exporter: string; importer: string; volume: number; flowBaseline: number; flowScenario: number }[];
}

export interface RunOptions {
  /** Skip the dependence metrics (faster). */
  metrics?: boolean;
  /** A loaded solver (default: the cached one). */
  highs?: Highs;
}
