// The scenario file format, declared once: top-level fields and every change type with its fields.
// This table drives parsing and validation (src/scenario/parse.ts) and the reference part of
// docs/scenarios.md (src/scenario/docs.ts).

/** How a field's value is written and checked. */
export type FieldType =
  | 'string'
  | 'integer'
  | 'number' // any finite number
  | 'volume' // a number ≥ 0, with the change's `unit`
  | 'fraction' // a number from 0 to 1
  | 'share' // a number ≥ −1 (a relative change: −0.2 = 20% less)
  | 'boolean'
  | 'unit' // one of the commodity's allowed units
  | 'list' // a list of strings
  | 'legs'; // a list of legs: {country, asset?, from?, to?, mode?, length_km?}

/** What a field's value must name in the dataset. */
export type FieldRef = 'route' | 'asset' | 'node' | 'chokepoint' | 'country' | 'exporter' | 'importer' | 'actor' | 'agreement' | 'commodity' | 'parameter';

export interface ScenarioField {
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  ref?: FieldRef;
  default?: string | number | boolean;
}

export interface ChangeType {
  type: string;
  kind: 'shock' | 'policy' | 'setting';
  description: string;
  fields: readonly ScenarioField[];
  /** Groups of fields of which exactly one must be given. */
  oneOf?: readonly (readonly string[])[];
  /** A short YAML example (a list item). */
  example: string;
}

/** Top-level fields of a scenario file. */
export const SCENARIO_FIELDS: readonly ScenarioField[] = [
  { name: 'name', type: 'string', required: true, description: 'Short name of the scenario, shown in results and comparisons.' },
  { name: 'description', type: 'string', required: false, default: '', description: 'What the scenario represents and where its figures come from.' },
  { name: 'dataset', type: 'string', required: false, description: 'Dataset folder, relative to the scenario file; the embedded default dataset when left out.' },
  { name: 'commodity', type: 'string', required: true, ref: 'commodity', description: 'Commodity id (commodities.csv).' },
  { name: 'year', type: 'integer', required: true, description: 'Year of the baseline flows the scenario changes.' },
  { name: 'observed_year', type: 'integer', required: false, description: 'A later year whose observed flows are reported beside the result, to compare the model with what happened.' },
  { name: 'changes', type: 'list', required: true, description: 'The changes, applied in order (see the change types below). An empty list runs the baseline.' },
];

const volumeFields = (what: string): ScenarioField[] => [
  { name: 'volume', type: 'volume', required: false, description: `${what}, per year, in \`unit\`.` },
  { name: 'unit', type: 'unit', required: false, description: 'Unit of `volume`; one of the commodity\'s allowed units (required with `volume`).' },
];

/** Changes of a value chain's stage network (src/scenario/stage-changes.ts; docs/methods/value-chains.md). */
const stageCommodity: ScenarioField = {
  name: 'commodity', type: 'string', required: false, ref: 'commodity',
  description: 'Commodity whose value chain is changed (stages.csv); the scenario\'s commodity when left out.',
};
const stageField: ScenarioField = { name: 'stage', type: 'string', required: true, description: 'Stage id of the commodity\'s chain (stages.csv).' };
const stageUnit: ScenarioField = { name: 'unit', type: 'string', required: false, description: 'Unit of the volume: the stage\'s unit as stages.csv declares it (tU, tSWU, t W …), with or without "/yr".' };

const STAGE_CHANGE_TYPES: readonly ChangeType[] = [
  {
    type: 'stage_demand', kind: 'setting',
    description:
      'Puts a buyer on a commodity\'s value chain: its demand per year at a stage (by default the last), which material must reach ' +
      'through every stage before it. The stage network is solved beside the flow LP and reported under `stages`; every other stage ' +
      'change of the commodity needs one.',
    fields: [
      stageCommodity,
      { name: 'importer', type: 'string', required: true, ref: 'actor', description: 'Buyer: a country, a bloc, or OTHER for the rest of the world.' },
      { name: 'stage', type: 'string', required: false, description: 'Stage the demand is counted at (default: the chain\'s last stage); later stages are left out.' },
      { name: 'volume', type: 'volume', required: true, description: 'Demand per year, in `unit`.' },
      { ...stageUnit, required: true },
      { name: 'year', type: 'integer', required: false, description: 'Year of the stage figures (stage_supply.csv): each stage takes its latest rows up to it (default: the scenario\'s year).' },
    ],
    example: '- type: stage_demand\n  commodity: uranium\n  importer: EU27\n  stage: enrichment\n  volume: 6968\n  unit: tSWU\n  year: 2024',
  },
  {
    type: 'set_stage_capacity', kind: 'setting',
    description:
      'Sets what a country can supply at a stage, before and in the scenario alike: a figure the dataset lacks, given with its source in `note`.',
    fields: [
      stageCommodity, stageField,
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country performing the stage (OTHER for the rest).' },
      { name: 'capacity', type: 'volume', required: true, description: 'Capacity per year, in `unit`.' },
      { ...stageUnit, required: true },
    ],
    example: '- type: stage_demand\n  commodity: titanium_sponge\n  importer: OTHER\n  stage: sponge\n  volume: 89000\n  unit: t Ti\n- type: set_stage_capacity\n  commodity: titanium_sponge\n  stage: sponge\n  country: KAZ\n  capacity: 19000\n  unit: t Ti\n  note: UKTMP output 2024 (Argus, USGS)',
  },
  {
    type: 'cut_stage_capacity', kind: 'shock',
    description: 'Cuts what a country can supply at a stage by a fraction (an outage, a plant closure).',
    fields: [
      stageCommodity, stageField,
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country performing the stage.' },
      { name: 'fraction', type: 'fraction', required: true, description: 'Share of the capacity lost, 0–1.' },
    ],
    example: '- type: stage_demand\n  commodity: uranium\n  importer: EU27\n  stage: enrichment\n  volume: 6968\n  unit: tSWU\n- type: cut_stage_capacity\n  commodity: uranium\n  stage: conversion\n  country: CAN\n  fraction: 0.5',
  },
  {
    type: 'lose_stage_supplier', kind: 'shock',
    description:
      'A buyer can no longer use a country\'s capacity at a stage (sanctions, a ban): the capacity stays and may serve other buyers. ' +
      'A bloc covers the buyers that are its members.',
    fields: [
      stageCommodity, stageField,
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country whose stage is lost to the buyer.' },
      { name: 'importer', type: 'string', required: true, ref: 'actor', description: 'Buyer (with a `stage_demand`) or bloc of buyers.' },
    ],
    example: '- type: stage_demand\n  commodity: uranium\n  importer: EU27\n  stage: enrichment\n  volume: 6968\n  unit: tSWU\n- type: lose_stage_supplier\n  commodity: uranium\n  stage: enrichment\n  country: RUS\n  importer: EU27',
  },
  {
    type: 'raise_stage_capacity', kind: 'policy',
    description: 'Raises what a country can supply at a stage (a new plant, an extension): to a new total with `capacity`, or by an amount with `by`.',
    fields: [
      stageCommodity, stageField,
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country performing the stage.' },
      { name: 'capacity', type: 'volume', required: false, description: 'New capacity per year, in `unit`.' },
      { name: 'by', type: 'volume', required: false, description: 'Increase per year, in `unit`.' },
      { ...stageUnit, required: true },
    ],
    oneOf: [['capacity', 'by']],
    example: '- type: stage_demand\n  commodity: uranium\n  importer: EU27\n  stage: enrichment\n  volume: 6968\n  unit: tSWU\n- type: raise_stage_capacity\n  commodity: uranium\n  stage: enrichment\n  country: FRA\n  by: 2500\n  unit: tSWU',
  },
  {
    type: 'stage_agreement', kind: 'policy',
    description:
      'An agreement opens supply at a named stage: `volume` more of the stage in the exporter\'s country, for the importer alone, ' +
      'taken before other supply. `via` lists the transit states the material crosses, which gain what it carries.',
    fields: [
      stageCommodity, stageField,
      { name: 'exporter', type: 'string', required: true, ref: 'country', description: 'Country where the agreed stage takes place.' },
      { name: 'importer', type: 'string', required: true, ref: 'actor', description: 'Buyer (with a `stage_demand`), or a member of a bloc that is one.' },
      { name: 'volume', type: 'volume', required: true, description: 'Volume per year the agreement opens, in `unit`.' },
      { ...stageUnit, required: true },
      { name: 'agreement', type: 'string', required: false, ref: 'agreement', description: 'Agreement id (agreements.csv) it stands for.' },
      { name: 'via', type: 'list', required: false, ref: 'country', description: 'Transit states on the way to the importer, in order.' },
    ],
    example: '- type: stage_demand\n  commodity: uranium\n  importer: EU27\n  stage: enrichment\n  volume: 6968\n  unit: tSWU\n- type: stage_agreement\n  commodity: uranium\n  stage: mining\n  exporter: KAZ\n  importer: FRA\n  volume: 714\n  unit: tU\n  via: [AZE, GEO]',
  },
];

/** Every change a scenario can make. */
export const CHANGE_TYPES: readonly ChangeType[] = [
  {
    type: 'close_route', kind: 'shock',
    description: 'Closes a route: no flow may use it.',
    fields: [{ name: 'route', type: 'string', required: true, ref: 'route', description: 'Route id (routes.csv), or `direct:EXPORTER>IMPORTER` for flows without a route.' }],
    example: '- type: close_route\n  route: cpc',
  },
  {
    type: 'close_node', kind: 'shock',
    description: 'Closes a node (a port, terminal, pumping station, border crossing): every route through it is closed.',
    fields: [{ name: 'node', type: 'string', required: true, ref: 'node', description: 'Node id (nodes.csv).' }],
    example: '- type: close_node\n  node: cpc_terminal',
  },
  {
    type: 'close_chokepoint', kind: 'shock',
    description:
      'Closes a sea chokepoint (chokepoints.csv): flows whose sea lane passes it move to the lane\'s alternative (round the Cape) ' +
      'at its cost where there is one, and stop where there is none; routes through a node of the same id close.',
    fields: [{ name: 'chokepoint', type: 'string', required: true, ref: 'chokepoint', description: 'Chokepoint id (chokepoints.csv).' }],
    example: '- type: close_chokepoint\n  chokepoint: bab_el_mandeb',
  },
  {
    type: 'cut_capacity', kind: 'shock',
    description:
      'Cuts the capacity of a route or a shared asset by a fraction. A route without a capacity is cut relative to its baseline flow.',
    fields: [
      { name: 'route', type: 'string', required: false, ref: 'route', description: 'Route id.' },
      { name: 'asset', type: 'string', required: false, ref: 'asset', description: 'Shared asset id (assets.csv).' },
      { name: 'fraction', type: 'fraction', required: true, description: 'Share of the capacity lost, 0–1 (0.3 = 30% less).' },
    ],
    oneOf: [['route', 'asset']],
    example: '- type: cut_capacity\n  route: cpc\n  fraction: 0.3',
  },
  {
    type: 'lose_transit', kind: 'shock',
    description: 'A transit state is lost: every flow that crosses it as a transit state stops (flows to or from the state itself continue).',
    fields: [{ name: 'country', type: 'string', required: true, ref: 'country', description: 'Country id of the transit state.' }],
    example: '- type: lose_transit\n  country: RUS',
  },
  {
    type: 'embargo', kind: 'shock',
    description: 'Stops the flows from an exporter to an importer (a bloc covers its members): all of them, or a share of the baseline flow (e.g. the seaborne part when pipeline deliveries are exempted).',
    fields: [
      { name: 'exporter', type: 'string', required: true, ref: 'exporter', description: 'Exporting country.' },
      { name: 'importer', type: 'string', required: true, ref: 'importer', description: 'Importing country or bloc.' },
      { name: 'share', type: 'fraction', required: false, default: 1, description: 'Share of the pair\'s baseline flow that stops, 0–1 (the rest may continue on the same routes).' },
    ],
    example: '- type: embargo\n  exporter: RUS\n  importer: EU27',
  },
  {
    type: 'ban_exports', kind: 'shock',
    description: 'An exporter stops all exports of the commodity.',
    fields: [{ name: 'exporter', type: 'string', required: true, ref: 'exporter', description: 'Exporting country.' }],
    example: '- type: ban_exports\n  exporter: RUS',
  },
  {
    type: 'cap_exports', kind: 'shock',
    description: 'Caps an exporter\'s exports at a volume, or cuts them by a fraction of its baseline exports.',
    fields: [
      { name: 'exporter', type: 'string', required: true, ref: 'exporter', description: 'Exporting country.' },
      ...volumeFields('Maximum exports'),
      { name: 'fraction', type: 'fraction', required: false, description: 'Share of the baseline exports lost, 0–1.' },
    ],
    oneOf: [['volume', 'fraction']],
    example: '- type: cap_exports\n  exporter: KAZ\n  volume: 50\n  unit: Mt/yr',
  },
  {
    type: 'change_demand', kind: 'shock',
    description: 'Changes an importer\'s demand, by a relative change or to a new volume (a bloc changes every part in proportion).',
    fields: [
      { name: 'importer', type: 'string', required: true, ref: 'importer', description: 'Importing country or bloc.' },
      { name: 'change', type: 'share', required: false, description: 'Relative change: 0.1 = 10% more, −0.2 = 20% less.' },
      ...volumeFields('New demand'),
    ],
    oneOf: [['change', 'volume']],
    example: '- type: change_demand\n  importer: FRA\n  change: 0.1',
  },
  {
    type: 'add_route', kind: 'policy',
    description:
      'Adds a route from an exporter, made of legs through countries (and shared assets), with a capacity and a cost. ' +
      'It can serve the listed importers, or every importer when `importers` is left out.',
    fields: [
      { name: 'id', type: 'string', required: true, description: 'New route id (must not exist yet).' },
      { name: 'name', type: 'string', required: false, description: 'Name of the route.' },
      { name: 'exporter', type: 'string', required: true, ref: 'country', description: 'Exporting country the route starts in.' },
      { name: 'importers', type: 'list', required: false, ref: 'importer', description: 'Importers it can serve (default: all).' },
      { name: 'legs', type: 'legs', required: true, description: 'Legs in order; each names the `country` it crosses and optionally an `asset` it uses.' },
      { name: 'capacity', type: 'volume', required: false, description: 'Capacity per year in `unit` (unlimited when left out).' },
      { name: 'unit', type: 'unit', required: false, description: 'Unit of `capacity` (required with it).' },
      { name: 'cost', type: 'volume', required: false, default: 0, description: 'Transport cost, in `cost_unit`.' },
      { name: 'cost_unit', type: 'string', required: false, description: 'Unit of `cost` (required with it): money per quantity, e.g. USD/t, USD/bbl, USD/TEU, USD/MWh, as routes.csv `cost_unit`.' },
      { name: 'transit_days', type: 'volume', required: false, description: 'Typical transit time in days.' },
      { name: 'mode', type: 'string', required: false, default: 'multimodal', description: 'Main transport mode.' },
    ],
    example: '- type: add_route\n  id: aktau_btc_new\n  exporter: KAZ\n  legs:\n    - {country: KAZ}\n    - {country: AZE}\n    - {country: GEO}\n    - {country: TUR}\n  capacity: 5\n  unit: Mt/yr\n  cost: 20\n  cost_unit: USD/t',
  },
  {
    type: 'raise_capacity', kind: 'policy',
    description:
      'Raises (or sets) the capacity of a route or a shared asset: to a new total with `capacity`, or by an amount with `by`. ' +
      'A planned route is opened.',
    fields: [
      { name: 'route', type: 'string', required: false, ref: 'route', description: 'Route id.' },
      { name: 'asset', type: 'string', required: false, ref: 'asset', description: 'Shared asset id.' },
      { name: 'capacity', type: 'volume', required: false, description: 'New capacity per year, in `unit`.' },
      { name: 'by', type: 'volume', required: false, description: 'Increase per year, in `unit` (an unlimited capacity stays unlimited).' },
      { name: 'unit', type: 'unit', required: true, description: 'Unit of `capacity` or `by`.' },
    ],
    oneOf: [['route', 'asset'], ['capacity', 'by']],
    example: '- type: raise_capacity\n  route: aktau_btc\n  capacity: 7\n  unit: Mt/yr',
  },
  {
    type: 'open_route', kind: 'policy',
    description: 'Opens a route that is planned or closed in the dataset, optionally with a capacity.',
    fields: [
      { name: 'route', type: 'string', required: true, ref: 'route', description: 'Route id.' },
      { name: 'capacity', type: 'volume', required: false, description: 'Capacity per year, in `unit` (default: the dataset\'s).' },
      { name: 'unit', type: 'unit', required: false, description: 'Unit of `capacity` (required with it).' },
    ],
    example: '- type: open_route\n  route: trans_caspian_pipeline',
  },
  {
    type: 'sign_agreement', kind: 'policy',
    description:
      'An agreement opens supply between two parties: the exporter gets `volume` more export capacity and the pair gets a ' +
      'route for it (the given route, or the direct route). With `commit: true` the importer takes the volume, in place ' +
      'of other suppliers (those named in `displaces` first); with `commit: false` the capacity is only available.',
    fields: [
      { name: 'exporter', type: 'string', required: true, ref: 'exporter', description: 'Supplying party.' },
      { name: 'importer', type: 'string', required: true, ref: 'importer', description: 'Buying party (country or bloc).' },
      ...volumeFields('Volume the agreement opens'),
      { name: 'agreement', type: 'string', required: false, ref: 'agreement', description: 'Agreement id (agreements.csv) it stands for; its volume is used when `volume` is left out.' },
      { name: 'route', type: 'string', required: false, ref: 'route', description: 'Route the volume travels on (default: the direct route of the pair).' },
      { name: 'commit', type: 'boolean', required: false, default: true, description: 'The importer commits to take the volume.' },
      { name: 'displaces', type: 'list', required: false, ref: 'exporter', description: 'Suppliers the importer gives up first to make room.' },
    ],
    example: '- type: sign_agreement\n  exporter: KAZ\n  importer: FRA\n  volume: 1\n  unit: Mt/yr\n  displaces: [RUS]',
  },
  {
    type: 'set_parameter', kind: 'setting',
    description:
      'Sets a modelling figure for this scenario (docs/methods/flow-model.md lists them): `world_market_premium`, ' +
      '`world_market_spare`, `baseline_stickiness`, `stock_draw_cost`, `unserved_penalty`, `agreement_shortfall_penalty`, ' +
      '`time_value`, or per country `world_market_access`, `export_capacity`, `stock_release`; and the figures of a ' +
      'two-sided world market: `price` (money per quantity), `world_demand`, `opec_spare_capacity`, ' +
      '`nonopec_spare_capacity` (volumes), `supply_elasticity` (≥ 0), `demand_elasticity` (≤ 0) and the `_low` and `_high` ' +
      'ends of their ranges (no unit), and per exporter `export_discount` (money per quantity). Settings hold for the ' +
      'baseline too, so before and after are solved under the same assumptions.',
    fields: [
      { name: 'name', type: 'string', required: true, ref: 'parameter', description: 'Parameter name.' },
      { name: 'value', type: 'number', required: true, description: 'Value.' },
      { name: 'unit', type: 'string', required: false, default: '', description: 'Unit of the value (USD/t, USD/TEU/day, Mt/yr, mb/d, share …; none for an elasticity).' },
      { name: 'country', type: 'string', required: false, ref: 'actor', description: 'Country or bloc, for per-country parameters.' },
    ],
    example: '- type: set_parameter\n  name: world_market_premium\n  value: 8\n  unit: USD/bbl\n- type: set_parameter\n  name: demand_elasticity\n  value: -0.26',
  },
  ...STAGE_CHANGE_TYPES,
];

export function changeType(type: string): ChangeType | undefined {
  return CHANGE_TYPES.find((c) => c.type === type);
}

/** Fields that are reserved on every change. */
export const COMMON_CHANGE_FIELDS: readonly ScenarioField[] = [
  { name: 'type', type: 'string', required: true, description: 'The change type.' },
  { name: 'note', type: 'string', required: false, description: 'Free text: why, and the source of the figures.' },
];

export const LEG_FIELDS: readonly ScenarioField[] = [
  { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country the leg crosses.' },
  { name: 'asset', type: 'string', required: false, ref: 'asset', description: 'Shared asset it uses.' },
  { name: 'from', type: 'string', required: false, ref: 'node', description: 'Start node (optional).' },
  { name: 'to', type: 'string', required: false, ref: 'node', description: 'End node (optional).' },
  { name: 'mode', type: 'string', required: false, description: 'Mode of the leg.' },
  { name: 'length_km', type: 'volume', required: false, description: 'Length in km.' },
];
