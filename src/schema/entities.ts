// Every entity of a Corridor dataset, declared once. This table drives validation, defaults,
// reading and writing of CSV files, the datapackage.json table schemas and docs/dataset.md.
import type { Attribute, Entity, EntityName } from './types.ts';
import { MONEY_LIMITS, OTHER_LIMIT, QUANTITY_LIMITS } from './limits.ts';
import { STAGE_ENTITIES } from './stages.ts';
import { provenance } from './provenance.ts';

export const MODES = ['pipeline', 'rail', 'sea', 'ferry', 'road', 'multimodal'] as const;
export const NODE_KINDS = [
  'field', 'mine', 'port', 'terminal', 'pumping_station', 'border_crossing', 'chokepoint',
  'refinery', 'rail_hub', 'city', 'plant',
] as const;
export const STAGES = ['extraction', 'processing'] as const;
export const EVENT_TYPES = [
  'AGREE', 'COOPERATE', 'CONSULT', 'DISAPPROVE', 'ACCUSE', 'THREATEN', 'SANCTION', 'PROTEST',
  'SUPPLY', 'DISRUPTION', 'INVEST', 'STATEMENT',
] as const;
export const AGREEMENT_TYPES = [
  'cooperation', 'supply', 'investment', 'joint_venture', 'transit', 'sanction', 'embargo', 'trade',
] as const;


const commodityRef: Attribute = {
  name: 'commodity', type: 'string', ref: 'commodity', required: true, description: 'Commodity id (commodities.csv).',
};
const yearAttr: Attribute = {
  name: 'year', type: 'year', required: true, min: 1900, max: 2100, description: 'Year the figure refers to.',
};
const unitAttr: Attribute = {
  name: 'unit', type: 'string', required: true,
  description: "Unit of the volume; must be one of the commodity's allowed units.",
};

export const ENTITIES: readonly Entity[] = [
  {
    name: 'source', file: 'sources.csv', title: 'Sources', sourced: false, key: ['id'], requiredTable: true,
    description: 'Publications and data sets that the figures come from. Every figure of a dataset names one or more of these.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Short id, referred to by the `source` column of other tables.' },
      { name: 'title', type: 'string', required: true, description: 'Title of the publication, page or data set.' },
      { name: 'publisher', type: 'string', required: false, default: '', description: 'Who published it (agency, company, newspaper).' },
      { name: 'url', type: 'string', required: false, default: '', description: 'Where it can be found (address without scheme is allowed).' },
      { name: 'year', type: 'year', required: true, min: 1900, max: 2100, description: 'Year of publication.' },
      { name: 'note', type: 'string', required: false, default: '', description: 'What the source is used for, and caveats.' },
    ],
  },
  {
    name: 'country', file: 'countries.csv', title: 'Countries and aggregates', sourced: false, key: ['id'], requiredTable: true,
    description:
      'States (ISO 3166-1 alpha-3) and explicit aggregates. An aggregate such as OTHER stands for a remainder that a source ' +
      'does not break down; metrics treat it as dispersed, never as one supplier.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'ISO 3166-1 alpha-3 code for a state; an upper-case id for an aggregate (e.g. OTHER, WLD).' },
      { name: 'name', type: 'string', required: true, description: 'English short name.' },
      { name: 'kind', type: 'string', required: false, default: 'country', enum: ['country', 'aggregate'], description: '`country` for a state, `aggregate` for a remainder or total.' },
      { name: 'region', type: 'string', required: false, default: '', description: 'Region, for grouping in reports (e.g. Central Asia, EU).' },
    ],
  },
  {
    name: 'bloc', file: 'blocs.csv', title: 'Blocs', sourced: false, key: ['id'],
    description: 'Groups of countries that act as one importer or exporter (EU27). Members are listed in bloc_members.csv.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Bloc id, upper case (e.g. EU27).' },
      { name: 'name', type: 'string', required: true, description: 'Name of the bloc.' },
    ],
  },
  {
    name: 'blocMember', file: 'bloc_members.csv', title: 'Bloc members', sourced: false, key: ['bloc', 'country'],
    description: 'Which countries make up each bloc. A bloc and one of its members may both appear in flows; the model never counts the member twice.',
    attributes: [
      { name: 'bloc', type: 'string', required: true, ref: 'bloc', description: 'Bloc id (blocs.csv).' },
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Member country (countries.csv).' },
    ],
  },
  {
    name: 'governance', file: 'governance.csv', title: 'Governance indicators', sourced: true, key: ['country', 'indicator', 'year'],
    description: 'Governance indicators per country, e.g. the World Bank WGI mean of the six estimates (range -2.5 to +2.5, higher is better).',
    attributes: [
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country id.' },
      { name: 'indicator', type: 'string', required: true, enum: ['wgi_mean'], description: 'Indicator id. `wgi_mean`: mean of the six WGI estimates.' },
      yearAttr,
      { name: 'value', type: 'number', required: true, min: -2.5, max: 2.5, unit: 'index', description: 'Value of the indicator.' },
      ...provenance,
    ],
  },
  {
    name: 'commodity', file: 'commodities.csv', title: 'Commodities', sourced: true, key: ['id'], requiredTable: true,
    description:
      'Energy carriers, minerals and freight. Each declares its base unit, the units it may be given in, and the physical ' +
      'factors that convert between them (declared here once, used everywhere).',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Commodity id, snake_case (crude_oil, natural_gas, uranium, tungsten, containers …).' },
      { name: 'name', type: 'string', required: true, description: 'English name.' },
      { name: 'group', type: 'string', required: true, enum: ['energy', 'mineral', 'freight'], description: 'Kind of commodity.' },
      { name: 'unit', type: 'string', required: true, description: 'Base unit: all volumes are converted to it for analysis.' },
      { name: 'allowed_units', type: 'list', required: true, description: 'Units in which volumes of this commodity may be given (the base unit included).' },
      { name: 'barrels_per_tonne', type: 'number', required: false, unit: 'bbl/t', min: 0.1, max: 20, maxReason: 'crude oils have 6–8.5 bbl/t and the lightest liquids (LPG) about 12',  description: 'Barrels per tonne (crude oil): converts kb/d and mb/d to Mt/yr.' },
      { name: 'twh_per_bcm', type: 'number', required: false, unit: 'TWh/bcm', min: 0.1, max: 20, maxReason: 'natural gases hold 9–12 TWh per bcm',  description: 'Energy content of gas: converts bcm to TWh.' },
      { name: 'toe_per_tonne', type: 'number', required: false, unit: 'toe/t', min: 0.1, max: 1e5, maxReason: 'fuels hold at most ~3 toe/t (hydrogen); natural uranium in a reactor ~14,000',  description: 'Tonnes of oil equivalent per tonne: converts Mtoe to Mt.' },
      { name: 'fungible', type: 'boolean', required: false, default: false, description: 'Traded on a world market: an importer cut off from one supplier can buy elsewhere at a premium.' },
      ...provenance,
    ],
  },
  {
    name: 'production', file: 'production.csv', title: 'Production', sourced: true, key: ['year', 'commodity', 'country', 'stage', 'operator'],
    description: 'Production per country (or WLD for the world total), commodity, stage and year.',
    attributes: [
      yearAttr, commodityRef,
      { name: 'country', type: 'string', required: true, ref: 'actor', description: 'Producing country or aggregate (WLD = world).' },
      { name: 'stage', type: 'string', required: false, default: 'extraction', enum: STAGES, description: 'Supply-chain stage: extraction (mining) or processing (refining, sponge).' },
      { name: 'operator', type: 'string', required: false, default: '', description: 'Producing company or joint venture, when the row is one operator’s share.' },
      { name: 'volume', type: 'number', required: true, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Quantity produced in the year.' },
      unitAttr,
      ...provenance,
    ],
  },
  {
    name: 'demand', file: 'demand.csv', title: 'Demand', sourced: true, key: ['year', 'commodity', 'country', 'kind'],
    description: 'Consumption or total import demand per importer, commodity and year.',
    attributes: [
      yearAttr, commodityRef,
      { name: 'country', type: 'string', required: true, ref: 'actor', description: 'Importer: country or bloc.' },
      { name: 'kind', type: 'string', required: false, default: 'imports', enum: ['imports', 'consumption'], description: '`imports`: total imports; `consumption`: gross inland consumption.' },
      { name: 'volume', type: 'number', required: true, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Quantity in the year.' },
      unitAttr,
      ...provenance,
    ],
  },
  {
    name: 'stock', file: 'stocks.csv', title: 'Stocks', sourced: true, key: ['year', 'commodity', 'country'],
    description:
      'Strategic or commercial stocks an importer can draw on in a disruption: a quantity held (not a flow). How much of it ' +
      'can be released in one year is the parameter `stock_release` (parameters.csv); an oil importer without a row here holds ' +
      'its obligation, `stock_days` × its daily imports.',
    attributes: [
      yearAttr, commodityRef,
      { name: 'country', type: 'string', required: true, ref: 'actor', description: 'Holder: country or bloc.' },
      { name: 'volume', type: 'number', required: true, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Quantity held at the start of the year (e.g. working gas in storage, inventories).' },
      {
        name: 'unit', type: 'string', required: true,
        description: "Unit of the quantity held: one of the commodity's allowed units without \"/yr\" (Mt, bcm, tU), not a rate.",
      },
      ...provenance,
    ],
  },
  {
    name: 'node', file: 'nodes.csv', title: 'Nodes', sourced: true, key: ['id'],
    description: 'Points on routes: fields, mines, ports, terminals, pumping stations, border crossings, chokepoints, with coordinates.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Node id, snake_case.' },
      { name: 'name', type: 'string', required: true, description: 'Name.' },
      { name: 'kind', type: 'string', required: true, enum: NODE_KINDS, description: 'Kind of node.' },
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country the node lies in (for sea chokepoints, the nearest coastal state).' },
      { name: 'lat', type: 'number', required: true, min: -90, max: 90, unit: 'degree', description: 'Latitude (WGS 84).' },
      { name: 'lon', type: 'number', required: true, min: -180, max: 180, unit: 'degree', description: 'Longitude (WGS 84).' },
      ...provenance,
    ],
  },
  {
    name: 'asset', file: 'assets.csv', title: 'Shared assets', sourced: true, key: ['id'],
    description: 'Infrastructure that several routes share (a port’s oil berths, a trunk pipeline, a ferry line): its capacity limits all the routes that use it together.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Asset id, snake_case.' },
      { name: 'name', type: 'string', required: true, description: 'Name.' },
      { name: 'kind', type: 'string', required: true, enum: ['pipeline', 'port', 'terminal', 'rail_line', 'ferry', 'border_crossing', 'strait'], description: 'Kind of asset.' },
      commodityRef,
      { name: 'capacity', type: 'number', required: true, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Capacity per year.' },
      unitAttr,
      yearAttr,
      { name: 'operator', type: 'string', required: false, default: '', description: 'Operator and owners.' },
      ...provenance,
    ],
  },
  {
    name: 'route', file: 'routes.csv', title: 'Routes', sourced: true, key: ['id'],
    description:
      'A way a commodity travels from an exporting country to importers: a chain of legs from the `from` node to the `to` node. ' +
      'A route that ends at a port can serve any importer by sea; otherwise it serves the country of its last node.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Route id, snake_case.' },
      { name: 'name', type: 'string', required: true, description: 'Name.' },
      commodityRef,
      { name: 'mode', type: 'string', required: true, enum: MODES, description: 'Main transport mode.' },
      { name: 'from', type: 'string', required: true, ref: 'node', description: 'First node (in the exporting country).' },
      { name: 'to', type: 'string', required: true, ref: 'node', description: 'Last node.' },
      { name: 'capacity', type: 'number', required: false, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Capacity per year; empty means not limited by the route itself.' },
      unitAttr,
      yearAttr,
      { name: 'transit_days', type: 'number', required: false, min: 0, max: 365, maxReason: 'a year; the longest sea voyages take about two months',  unit: 'day', description: 'Typical transit time from the first to the last node.' },
      { name: 'cost', type: 'number', required: false, min: 0, maxPerUnit: MONEY_LIMITS, unit: 'cost_unit', description: 'Transport cost, in `cost_unit`, where known.' },
      { name: 'cost_unit', type: 'string', required: false, default: '', description: 'Unit of `cost`: money per quantity of the commodity, e.g. USD/t, USD/bbl, USD/TEU, USD/tU, USD/MWh, USD/1000 m3. Required when `cost` is given.' },
      { name: 'operator', type: 'string', required: false, default: '', description: 'Operator and owners.' },
      { name: 'status', type: 'string', required: false, default: 'operating', enum: ['operating', 'planned', 'closed'], description: 'Whether the route is in use.' },
      ...provenance,
    ],
  },
  {
    name: 'leg', file: 'legs.csv', title: 'Legs', sourced: true, key: ['route', 'sequence'],
    description: 'The segments of a route, in order. Consecutive legs must join (one leg’s `to` is the next leg’s `from`).',
    attributes: [
      { name: 'route', type: 'string', required: true, ref: 'route', description: 'Route id.' },
      { name: 'sequence', type: 'integer', required: true, min: 1, max: 1000, maxReason: 'no route has anywhere near a thousand legs',  description: 'Position of the leg in the route, from 1.' },
      { name: 'from', type: 'string', required: true, ref: 'node', description: 'Start node.' },
      { name: 'to', type: 'string', required: true, ref: 'node', description: 'End node.' },
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Country the leg crosses (its territory or waters); a transit state when it is neither the exporter nor the importer.' },
      { name: 'mode', type: 'string', required: false, default: '', enum: ['', ...MODES], description: 'Mode of this leg when it differs from the route’s.' },
      { name: 'asset', type: 'string', required: false, default: '', ref: 'asset', description: 'Shared asset this leg uses (assets.csv), if any.' },
      { name: 'length_km', type: 'number', required: false, min: 0, max: 40075, maxReason: 'the Earth’s circumference at the equator',  unit: 'km', description: 'Length of the leg.' },
      ...provenance,
    ],
  },
  {
    name: 'flow', file: 'flows.csv', title: 'Flows', sourced: true, key: ['year', 'commodity', 'exporter', 'importer', 'route'],
    description: 'Observed trade: volume moved from an exporter to an importer in a year, by route where known.',
    attributes: [
      yearAttr, commodityRef,
      { name: 'exporter', type: 'string', required: true, ref: 'actor', description: 'Exporting country (or OTHER for an undivided remainder).' },
      { name: 'importer', type: 'string', required: true, ref: 'actor', description: 'Importing country or bloc (or OTHER).' },
      { name: 'route', type: 'string', required: false, default: '', ref: 'route', description: 'Route id; empty when the route is not known.' },
      { name: 'volume', type: 'number', required: true, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Quantity moved in the year.' },
      unitAttr,
      ...provenance,
    ],
  },
  {
    name: 'agreement', file: 'agreements.csv', title: 'Agreements', sourced: true, key: ['id'],
    description: 'Agreements, sanctions and embargoes that bind actors, with what they cover.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Agreement id, snake_case.' },
      { name: 'date', type: 'date', required: true, description: 'Date signed or in force.' },
      { name: 'parties', type: 'list', required: true, ref: 'actor', description: 'Countries or blocs that are party to it.' },
      { name: 'type', type: 'string', required: true, enum: AGREEMENT_TYPES, description: 'Kind of agreement.' },
      { name: 'commodities', type: 'list', required: false, default: '', ref: 'commodity', description: 'Commodities it covers.' },
      { name: 'volume', type: 'number', required: false, min: 0, unit: 'unit', maxPerUnit: [...QUANTITY_LIMITS, OTHER_LIMIT], description: 'Volume it commits, where it names one.' },
      { name: 'unit', type: 'string', required: false, default: '', description: 'Unit of the volume.' },
      { name: 'summary', type: 'string', required: true, description: 'What it says, in one or two sentences.' },
      ...provenance,
    ],
  },
  {
    name: 'event', file: 'events.csv', title: 'Events', sourced: true, key: ['id'],
    description: 'Dated events between actors (visits, statements, criticism, disruptions), with a tone from -10 (conflictual) to +10 (cooperative).',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Event id.' },
      { name: 'date', type: 'date', required: true, description: 'Date of the event.' },
      { name: 'actor', type: 'string', required: true, ref: 'actor', description: 'The acting state (or bloc).' },
      { name: 'targets', type: 'list', required: false, default: '', ref: 'actor', description: 'States acted upon or agreed with.' },
      { name: 'type', type: 'string', required: true, enum: EVENT_TYPES, description: 'Event type (a small scale in the spirit of PLOVER; see docs/methods/events.md).' },
      { name: 'tone', type: 'number', required: true, min: -10, max: 10, description: 'Tone from -10 (conflictual) to +10 (cooperative).' },
      { name: 'commodities', type: 'list', required: false, default: '', ref: 'commodity', description: 'Commodities concerned.' },
      { name: 'routes', type: 'list', required: false, default: '', ref: 'route', description: 'Routes concerned.' },
      { name: 'summary', type: 'string', required: true, description: 'What happened, in one sentence.' },
      ...provenance,
    ],
  },
  {
    name: 'parameter', file: 'parameters.csv', title: 'Parameters', sourced: true, key: ['name', 'commodity', 'country', 'year'],
    description:
      'Named model figures that are not flows: prices (`price`, USD per base unit), the world market of a fungible commodity ' +
      '(`world_demand`, `supply_elasticity`, `demand_elasticity` and their `_low`/`_high` ends, `opec_spare_capacity`, `nonopec_spare_capacity`, ' +
      'an exporter\'s `export_discount`; without them a residual market at `world_market_premium` up to `world_market_spare`), ' +
      'stockholding obligations (`stock_days`), the share of a stock that can be released in one year (`stock_release`, unit `share`).',
    attributes: [
      { name: 'name', type: 'string', required: true, description: 'Parameter name.' },
      { name: 'commodity', type: 'string', required: false, default: '', ref: 'commodity', description: 'Commodity it applies to, if any.' },
      { name: 'country', type: 'string', required: false, default: '', ref: 'actor', description: 'Country or bloc it applies to, if any.' },
      yearAttr,
      { name: 'value', type: 'number', required: true, unit: 'unit', maxPerUnit: [...QUANTITY_LIMITS, ...MONEY_LIMITS, OTHER_LIMIT], description: 'Value.' },
      { name: 'unit', type: 'string', required: true, description: 'Unit of the value (e.g. USD/t, Mt/yr, day).' },
      ...provenance,
    ],
  },
  {
    name: 'crmMaterial', file: 'crm_materials.csv', title: 'EU criticality inputs per material', sourced: true, key: ['material', 'year'],
    description: 'Inputs of the EU criticality method per material: economic importance and the supply-risk factors that are not country shares.',
    attributes: [
      { name: 'material', type: 'string', required: true, ref: 'commodity', description: 'Material (a commodity id).' },
      yearAttr,
      { name: 'economic_importance', type: 'number', required: true, min: 0, max: 10, description: 'EI, an input figure (0–10 scale).' },
      { name: 'import_reliance', type: 'number', required: true, min: 0, max: 1, description: 'IR = net imports / apparent consumption (0–1).' },
      { name: 'import_reliance_extraction', type: 'number', required: false, min: 0, max: 1, description: 'IR at the extraction stage, where the source gives one per stage (`import_reliance` then holds the IR of the stage the source reports as the bottleneck).' },
      { name: 'import_reliance_processing', type: 'number', required: false, min: 0, max: 1, description: 'IR at the processing stage, where the source gives one per stage.' },
      { name: 'eol_rir', type: 'number', required: true, min: 0, max: 1, description: 'End-of-life recycling input rate (0–1).' },
      { name: 'substitution_index', type: 'number', required: true, min: 0, max: 1, description: 'Substitution index for supply risk, SI(SR) (0–1).' },
      ...provenance,
    ],
  },
  {
    name: 'crmSupply', file: 'crm_supply.csv', title: 'EU criticality supply shares', sourced: true, key: ['material', 'year', 'stage', 'scope', 'country'],
    description: 'Country shares of a material’s supply per stage and scope (global supply, or actual EU sourcing), with the trade parameter.',
    attributes: [
      { name: 'material', type: 'string', required: true, ref: 'commodity', description: 'Material (a commodity id).' },
      yearAttr,
      { name: 'stage', type: 'string', required: true, enum: STAGES, description: 'Stage: extraction or processing.' },
      { name: 'scope', type: 'string', required: true, enum: ['global', 'eu_sourcing'], description: '`global`: share of world supply; `eu_sourcing`: share of EU sourcing (domestic + imports).' },
      { name: 'country', type: 'string', required: true, ref: 'actor', description: 'Supplying country (or OTHER).' },
      { name: 'share', type: 'number', required: true, min: 0, max: 1, description: 'Share of supply, 0–1.' },
      { name: 'trade_parameter', type: 'number', required: false, default: 1, min: 0.5, max: 2, description: 'Trade parameter t: 1 by default, 0.8 with an EU trade agreement, 1.1–1.5 with export restrictions.' },
      ...provenance,
    ],
  },
  {
    name: 'crmaList', file: 'crma_list.csv', title: 'EU Critical Raw Materials Act lists', sourced: true, key: ['material', 'list'],
    description: 'The strategic (Annex I) and critical (Annex II) raw materials of Regulation (EU) 2024/1252.',
    attributes: [
      { name: 'material', type: 'string', required: true, description: 'Material name as written in the Regulation.' },
      { name: 'list', type: 'string', required: true, enum: ['strategic', 'critical'], description: 'Which annex lists it.' },
      { name: 'commodity', type: 'string', required: false, default: '', ref: 'commodity', description: 'Matching commodity id in this dataset, if any.' },
      ...provenance,
    ],
  },
  ...STAGE_ENTITIES,
  {
    name: 'chokepoint', file: 'chokepoints.csv', title: 'Sea chokepoints', sourced: true, key: ['id'],
    description:
      'Straits and canals that sea lanes pass. The coastal state (`country`) is counted as a transit state of every flow whose lane passes it; ' +
      'a scenario can close a chokepoint (`close_chokepoint`).',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Chokepoint id, snake_case (e.g. turkish_straits, suez).' },
      { name: 'name', type: 'string', required: true, description: 'Name.' },
      { name: 'kind', type: 'string', required: true, enum: ['strait', 'canal'], description: 'A natural strait or a canal.' },
      { name: 'country', type: 'string', required: true, ref: 'country', description: 'Coastal state that controls passage (Türkiye for the Turkish Straits, Egypt for Suez), counted in transit exposure.' },
      { name: 'commodity', type: 'string', required: false, default: '', ref: 'commodity', description: 'Commodity the capacity is given for (required with `capacity`).' },
      { name: 'capacity', type: 'number', required: false, min: 0, unit: 'unit', maxPerUnit: QUANTITY_LIMITS, description: 'Capacity per year for the commodity, where one is published; empty means not limited.' },
      { name: 'unit', type: 'string', required: false, default: '', description: 'Unit of the capacity; one of the commodity\'s allowed units.' },
      yearAttr,
      ...provenance,
    ],
  },
  {
    name: 'seaLane', file: 'sea_lanes.csv', title: 'Sea lanes', sourced: true, key: ['id'],
    description:
      'How cargo loaded at a port or marine terminal reaches an importer by sea: the chokepoints passed in order, the freight where sourced, ' +
      'and an alternative lane (round the Cape) taken when a chokepoint closes. A route ending at the `from` node serves the importer over the lane.',
    attributes: [
      { name: 'id', type: 'string', required: true, description: 'Lane id, snake_case.' },
      { name: 'from', type: 'string', required: true, ref: 'node', description: 'Port or marine terminal where the cargo is loaded (nodes.csv).' },
      { name: 'to', type: 'string', required: false, default: '', ref: 'actor', description: 'Importer (country or bloc) the lane serves; empty for every importer without a lane of its own.' },
      commodityRef,
      { name: 'chokepoints', type: 'list', required: false, default: '', ref: 'chokepoint', description: 'Chokepoints passed, in order, separated by ";" (empty: none).' },
      { name: 'cost', type: 'number', required: false, min: 0, maxPerUnit: MONEY_LIMITS, unit: 'cost_unit', description: 'Freight (and canal dues) in `cost_unit`, where sourced; empty means no cost in the model.' },
      { name: 'cost_unit', type: 'string', required: false, default: '', description: 'Unit of `cost`: money per quantity of the commodity (USD/t, USD/bbl, USD/TEU …). Required when `cost` is given.' },
      { name: 'transit_days', type: 'number', required: false, min: 0, max: 365, maxReason: 'a year; the longest sea voyages take about two months', unit: 'day', description: 'Typical days at sea.' },
      { name: 'alternative', type: 'string', required: false, default: '', ref: 'seaLane', description: 'Lane taken when a chokepoint of this one is closed (same `from`, `to` and commodity); empty: none.' },
      yearAttr,
      ...provenance,
    ],
  },
];

export function entityByName(name: EntityName): Entity {
  const entity = ENTITIES.find((e) => e.name === name);
  if (!entity) throw new Error(`unknown entity: ${name}`);
  return entity;
}

export function entityByFile(file: string): Entity | undefined {
  return ENTITIES.find((e) => e.file === file);
}
