// The flow network of one commodity and year, as the solver sees it: exporters with supply, importers
// with demand, routes, shared assets and the arcs exporter → importer by route that the LP may use, with
// every volume in the commodity's base unit and every cost in USD per base unit. Types and the names of
// the settings only; src/solve/network.ts builds it. See docs/methods/flow-model.md.
import type { Converted, ParameterInBase } from '../model/base-values.ts';

/** Name and version of the method, reported with every result (docs/methods/flow-model.md). */
export const FLOW_METHOD = { name: 'flow-lp', version: '2.1.0' } as const;

/** Prefix of the implicit route that carries flows whose route the dataset does not give. */
export const DIRECT_PREFIX = 'direct:';
/** Suffix of the importer that stands for a bloc without the members that appear on their own. */
export const REST_SUFFIX = '-rest';

export interface NetworkRoute {
  id: string;
  name: string;
  mode: string;
  /** Capacity in the commodity's base unit per year; Infinity when the route itself does not limit flows. */
  capacity: number;
  /** Transport cost in USD per base unit (0 when the dataset gives none). */
  cost: number;
  transitDays?: number;
  /** Countries crossed, in order, including the start and end countries. */
  countries: string[];
  /** Nodes on the route (first and last node included). */
  nodes: string[];
  /** Shared assets used by any leg (each once). */
  assets: string[];
  /** Chokepoints the route itself passes (its nodes with a chokepoint's id). */
  chokepoints?: string[];
  /** Country of the first node: the exporter that can use the route. */
  start: string;
  /** Country of the last node. */
  end: string;
  /** The route ends at a sea port or marine terminal (node kind `port` or `terminal`), so it can reach any importer. */
  endsAtPort: boolean;
  /** Whether flows may use it (false when closed, planned and not opened, or closed by a scenario). */
  open: boolean;
  status: string;
  /** The implicit route of an exporter–importer pair whose flows have no route in the dataset. */
  direct: boolean;
  /** Added by a scenario. */
  added: boolean;
}

/** A strait or canal that sea lanes (or routes through a node of the same id) pass. */
export interface NetworkChokepoint {
  id: string;
  name: string;
  /** Coastal state: a transit state of every arc through the chokepoint. */
  country: string;
  /** Capacity in base unit per year for this commodity; Infinity when none is published. */
  capacity: number;
  /** False when a scenario closes it. */
  open: boolean;
}

/** How cargo loaded at a port or terminal reaches an importer by sea (sea_lanes.csv). */
export interface NetworkLane {
  id: string;
  /** Chokepoints passed, in order. */
  chokepoints: string[];
  /** Freight in USD per base unit (0 when the dataset gives none). */
  cost: number;
  transitDays?: number;
  /** Index into `lanes` of the lane taken when a chokepoint of this one closes; -1 for none. */
  alternative: number;
}

export interface NetworkAsset {
  id: string;
  name: string;
  /** Capacity in base unit per year, shared by every route whose legs use the asset. */
  capacity: number;
}

export interface NetworkArc {
  exporter: string;
  importer: string;
  /** Index into `routes`. */
  route: number;
  /** Observed flow in the baseline year (base unit). */
  baseline: number;
  /** Upper bound on this arc alone (Infinity when only the route, assets and supply limit it). */
  capacity: number;
  /** False when a shock (embargo, lost transit state) closes this arc. */
  open: boolean;
  /** Transit states: route countries that are neither the exporter nor (part of) the importer. */
  transit: string[];
  /** Multiplier of the stickiness weight for decreases below the baseline (1 by default). */
  stickiness: number;
  /** Index into `lanes` of the sea lane from the route's port to the importer; -1 when none. */
  lane: number;
  /** Chokepoints the arc passes: those on its route (nodes of the same id) and on its lane. */
  chokepoints: string[];
}

export interface NetworkExporter {
  id: string;
  /** Baseline exports (base unit), the sum of the exporter's flows. */
  baseline: number;
  /** Export capacity available to the LP (base unit). */
  supply: number;
}

export interface NetworkImporter {
  id: string;
  name: string;
  /** Baseline imports: the sum of the importer's flows. */
  baseline: number;
  /** Demand to serve (base unit): demand.csv `imports` for the year, else the baseline imports. */
  demand: number;
  /**
   * Imports of a fungible commodity that no recorded flow covers (demand − baseline, when positive): bought on the
   * world market in the baseline, from its pool (see NetworkWorld.pool).
   */
  unrecorded: number;
  /** Stock that can be drawn in the year (base unit): the stock held times the share that can be released in a year. */
  stock: number;
  /** Stock held at the start of the year (base unit), of which `stock` can be drawn in the year. */
  stockHeld?: number;
  /** Share of demand (0–1) that may come from the residual world market. */
  worldAccess: number;
  /** Bloc this importer is a part of when the bloc was split (else ''). */
  bloc: string;
  /** Countries the importer stands for (a bloc rest stands for the members not split out). */
  countries: string[];
}

/** A bloc that was split into members and the rest; results for the bloc are sums over `parts`. */
export interface NetworkBloc {
  id: string;
  parts: string[];
}

/** A committed volume between two parties (an agreement): the LP must deliver it or pay the shortfall penalty. */
export interface NetworkCommitment {
  label: string;
  exporter: string;
  /** Importer parts that count towards the target. */
  importers: string[];
  /** Total flow from the exporter to these importers that the agreement requires (base unit). */
  target: number;
}

export interface NetworkCosts {
  /** Cost per base unit of moving a flow below its baseline (stickiness weight λ). */
  stickiness: number;
  /** Cost per base unit drawn from stocks. */
  stockDraw: number;
  /** Cost per base unit of unserved demand. */
  unserved: number;
  /** Cost per base unit of an agreement's committed volume left undelivered. */
  shortfall: number;
  /** Cost per base unit per day in transit, added to route costs (0 by default). */
  timeValue: number;
}

/**
 * How the world market answers a price change, in base units: supply rises by `supplySlope` per USD per base unit of
 * price (up to `supplyCap`, the spare capacity) and by each flat step once the price reaches it; buyers outside the
 * network give up `demandSlope` per USD per base unit. A price fall cuts supply and raises their demand at the same slopes.
 */
export interface MarketCurve {
  supplySlope: number;
  supplyCap: number;
  /** Flat supply steps: a volume offered at an absolute price (USD per base unit). */
  supplySteps: { volume: number; price: number }[];
  demandSlope: number;
}

export interface NetworkWorld {
  /** The commodity is fungible: a world market exists. */
  enabled: boolean;
  /**
   * `market`: a two-sided market around `price` (supply and demand responses, exporters sell to other buyers through it);
   * `residual`: a residual supply at `premium` (the dataset has no price, world demand or elasticities).
   */
  mode: 'market' | 'residual';
  /** Market: the year's world price (USD per base unit). */
  price: number;
  /** Market: the central curve, and the least (`steep`) and most (`flat`) elastic ends of the literature's range. */
  curve: MarketCurve;
  steep: MarketCurve;
  flat: MarketCurve;
  /** Market: discount (USD per base unit) at which an exporter sells displaced volumes to other buyers (0 when not given). */
  discounts: Record<string, number>;
  /** Premium per base unit paid for world-market supply. */
  premium: number;
  /** Spare capacity of the world market (base unit); Infinity when not limited. */
  spare: number;
  /**
   * The world market's baseline volume to the network's importers: the sum of their unrecorded imports. It is shared:
   * what one importer gives up another may take at no premium; only purchases beyond it pay the premium.
   */
  pool: number;
}

/** Where each modelling figure came from: the dataset, a scenario or a default. */
export interface NetworkSetting {
  name: string;
  value: number;
  unit: string;
  origin: 'dataset' | 'scenario' | 'default';
  note: string;
}

export interface FlowNetwork {
  commodity: string;
  year: number;
  /** Base unit of the commodity (all volumes). */
  unit: string;
  fungible: boolean;
  exporters: NetworkExporter[];
  importers: NetworkImporter[];
  routes: NetworkRoute[];
  assets: NetworkAsset[];
  /** Sea chokepoints of the dataset, and the sea lanes the arcs use. */
  chokepoints: NetworkChokepoint[];
  lanes: NetworkLane[];
  arcs: NetworkArc[];
  blocs: NetworkBloc[];
  /** Blocs that are not importers themselves but whose members are: bloc → those members (a bloc covers its members). */
  blocMembers: Record<string, string[]>;
  commitments: NetworkCommitment[];
  world: NetworkWorld;
  costs: NetworkCosts;
  /** Price per base unit (USD) where the dataset has one, for values. */
  price?: number;
  /**
   * The unit in which money per quantity (prices, costs, premiums, shadow prices) is reported: the
   * dataset's price unit, else USD per the base unit's natural quantity (src/model/units.ts naturalPriceUnit).
   */
  priceUnit: string;
  /** USD per base unit in one `priceUnit` (e.g. 1e6 for USD/t with volumes in Mt): reported = per base unit ÷ this. */
  priceUnitFactor: number;
  /** Transit fee per base unit by transit state, where the dataset has one. */
  transitFees: Record<string, number>;
  /** Modelling figures used, with their origin (reported in results). */
  settings: NetworkSetting[];
  /** Assumptions and data caveats, in plain sentences (reported in results). */
  assumptions: string[];
  /** Cost and world-market figures given by the dataset or a scenario (the rest are defaults). */
  given: GivenParameters;
  /** Export discounts a scenario sets, by exporter (in place of the dataset's export_discount). */
  givenDiscounts?: Record<string, GivenParameter>;
}

/**
 * A cost or world-market figure as given (value and unit, for the settings reported) and in base units
 * (USD per base unit, per day for time_value, a volume for world_market_spare or world_demand, the number
 * itself for an elasticity), converted where it was read: the dataset by the Model, a scenario when its
 * change is applied. A figure whose unit does not convert holds the error, raised when the costs are resolved.
 */
export interface GivenParameter {
  value: number;
  unit: string;
  origin: 'dataset' | 'scenario';
  base: Converted;
}

export type GivenParameters = Partial<Record<FlowParameter, GivenParameter>>;

/** Settings a dataset (parameters.csv) or a scenario (`set_parameter`) may give. */
export const FLOW_PARAMETERS = {
  price: 'Price of the commodity (USD per unit given), used to value volume changes; in a two-sided market, the world price.',
  world_market_premium: 'Premium (USD per unit given) paid for residual world-market supply of a fungible commodity.',
  world_market_spare: 'Spare capacity of the residual world market (a volume per year).',
  world_market_access: 'Share (0–1) of an importer\'s demand that the world market can reach (0 for a refinery on one pipeline).',
  baseline_stickiness: 'Cost (USD per unit given) of moving a flow below its baseline: how sticky trade partners are.',
  stock_draw_cost: 'Cost (USD per unit given) of drawing stocks.',
  unserved_penalty: 'Cost (USD per unit given) of demand left unserved.',
  agreement_shortfall_penalty: 'Cost (USD per unit given) of an agreement\'s committed volume left undelivered.',
  time_value: 'Cost of time in transit (USD per unit given per day), added to route costs.',
  export_capacity: 'Export capacity of an exporter (a volume per year); the default is its baseline exports.',
  stock_release: 'Share (0–1) of an importer\'s stock that can be released in one year; the default is all of it.',
  transit_fee: 'Fee a transit state earns (USD per unit given), used to value changes in volume carried.',
  world_demand: 'World demand (a volume per year): less the network\'s demand, the buyers outside the network whose demand answers the price.',
  supply_elasticity: 'Short-run price elasticity of world supply (≥ 0) in a two-sided market.',
  supply_elasticity_low: 'Least elastic end of the supply elasticity\'s range (≥ 0).',
  supply_elasticity_high: 'Most elastic end of the supply elasticity\'s range (≥ 0).',
  demand_elasticity: 'Short-run price elasticity of demand (≤ 0) of the buyers outside the network.',
  demand_elasticity_low: 'Least elastic end of the demand elasticity\'s range (≤ 0).',
  demand_elasticity_high: 'Most elastic end of the demand elasticity\'s range (≤ 0).',
  opec_spare_capacity: 'OPEC+ spare capacity (a volume per year): with non-OPEC spare capacity, bounds the supply response.',
  nonopec_spare_capacity: 'Non-OPEC spare capacity (a volume per year).',
  export_discount: 'Discount (USD per unit given) at which an exporter sells displaced volumes to other buyers.',
} as const;

export type FlowParameter = keyof typeof FLOW_PARAMETERS;

/** The parameters that set costs and the world market for the whole network. */
export const COST_PARAMETERS = [
  'world_market_premium', 'world_market_spare', 'baseline_stickiness', 'stock_draw_cost', 'unserved_penalty',
  'agreement_shortfall_penalty', 'time_value',
] as const satisfies readonly FlowParameter[];

export type CostParameter = (typeof COST_PARAMETERS)[number];

/**
 * The figures of the two-sided world market (src/solve/market.ts) and how each is meant: money per quantity, a volume
 * per year, or a plain number (an elasticity). A scenario that sets one has the market worked out again.
 */
export const MARKET_PARAMETER_READING = {
  price: 'money', world_demand: 'volume', supply_elasticity: 'plain', supply_elasticity_low: 'plain', supply_elasticity_high: 'plain',
  demand_elasticity: 'plain', demand_elasticity_low: 'plain', demand_elasticity_high: 'plain',
  opec_spare_capacity: 'volume', nonopec_spare_capacity: 'volume', export_discount: 'money',
} as const satisfies Partial<Record<FlowParameter, keyof ParameterInBase | 'plain'>>;

export type MarketParameter = keyof typeof MARKET_PARAMETER_READING;

export const MARKET_PARAMETERS = Object.keys(MARKET_PARAMETER_READING) as MarketParameter[];

/** How each cost parameter's value is meant in base units: money per quantity, per day in transit, or a volume. */
export const COST_PARAMETER_READING = {
  world_market_premium: 'money', world_market_spare: 'volume', baseline_stickiness: 'money', stock_draw_cost: 'money',
  unserved_penalty: 'money', agreement_shortfall_penalty: 'money', time_value: 'moneyPerDay',
} as const satisfies Record<CostParameter, keyof ParameterInBase>;
