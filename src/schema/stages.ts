// Value chains as data: the ordered stages of a commodity (uranium: mining → conversion → enrichment → fuel
// fabrication), what each stage produces or can produce per country, and where an importer's deliveries of each
// stage come from. The chain itself (order, predecessor, unit conversion) is checked in src/data/chains.ts.
import type { Attribute, Entity } from './types.ts';
import { provenance } from './provenance.ts';

const commodity: Attribute = { name: 'commodity', type: 'string', ref: 'commodity', required: true, description: 'Commodity id (commodities.csv).' };
const stageRef: Attribute = { name: 'stage', type: 'string', required: true, description: 'Stage id, declared for the commodity in stages.csv.' };
const year: Attribute = { name: 'year', type: 'year', required: true, min: 1900, max: 2100, description: 'Year the figure refers to.' };

/** How a stage maps onto the two stages of the EU criticality method. */
export const EU_METHOD_STAGES = ['', 'extraction', 'processing'] as const;

export const STAGE_ENTITIES: readonly Entity[] = [
  {
    name: 'stage', file: 'stages.csv', title: 'Value-chain stages', sourced: true, key: ['commodity', 'stage'],
    description:
      'The ordered stages a commodity passes through (a value chain), each with its own unit and how much of the ' +
      'previous stage’s output one unit of it takes. A chain is linear: stage 1 has no predecessor, every later ' +
      'stage names the stage just before it.',
    attributes: [
      commodity,
      { name: 'stage', type: 'string', required: true, description: 'Stage id, snake_case (mining, conversion, enrichment …).' },
      { name: 'sequence', type: 'integer', required: true, min: 1, max: 20, maxReason: 'no value chain has anywhere near twenty stages', description: 'Position of the stage in the chain, from 1, without gaps.' },
      { name: 'name', type: 'string', required: true, description: 'English name of the stage and its product.' },
      { name: 'unit', type: 'string', required: true, description: 'Unit in which the stage’s output is counted (tU, tSWU, tHM, t W content …).' },
      { name: 'predecessor', type: 'string', required: false, default: '', description: 'The stage just before (empty for stage 1).' },
      { name: 'input_per_unit', type: 'number', required: false, min: 0, max: 1e6, maxReason: 'a generous bound; real ratios lie between 0.01 and 100', description: 'Units of the predecessor’s output that one unit of this stage takes. Required when the unit differs from the predecessor’s; 1 when empty and the units are the same.' },
      { name: 'eu_method_stage', type: 'string', required: false, default: '', enum: EU_METHOD_STAGES, description: 'The stage of the EU criticality method this stage belongs to (extraction or processing), if any.' },
      ...provenance,
    ],
  },
  {
    name: 'stageSupply', file: 'stage_supply.csv', title: 'Production and capacity per stage', sourced: true,
    key: ['year', 'commodity', 'stage', 'country', 'operator', 'kind'],
    description: 'Output or nameplate capacity of one stage of a value chain, per country (and operator where known) and year.',
    attributes: [
      year, commodity, stageRef,
      { name: 'country', type: 'string', required: true, ref: 'actor', description: 'Country where the stage takes place (OTHER for an undivided remainder).' },
      { name: 'operator', type: 'string', required: false, default: '', description: 'Company or plant, when the row is one operator’s.' },
      { name: 'kind', type: 'string', required: true, enum: ['production', 'capacity'], description: '`production`: output in the year; `capacity`: nameplate capacity.' },
      { name: 'volume', type: 'number', required: true, min: 0, max: 1e9, maxReason: 'a generous bound for any stage of any chain', description: 'Quantity, in the stage’s unit.' },
      { name: 'unit', type: 'string', required: true, description: 'Unit; must be the unit the stage declares in stages.csv.' },
      ...provenance,
    ],
  },
  {
    name: 'stageFlow', file: 'stage_flows.csv', title: 'Deliveries per stage', sourced: true,
    key: ['year', 'commodity', 'stage', 'importer', 'supplier'],
    description:
      'Where an importer’s deliveries of one stage come from: the country in which that stage was performed ' +
      '(or, for the first stage, where the material was mined), as a share of the importer’s deliveries of the stage.',
    attributes: [
      year, commodity, stageRef,
      { name: 'importer', type: 'string', required: true, ref: 'actor', description: 'Importer: country or bloc.' },
      { name: 'supplier', type: 'string', required: true, ref: 'actor', description: 'Country where the stage was performed (OTHER for an undivided remainder).' },
      { name: 'share', type: 'number', required: true, min: 0, max: 1, description: 'Share of the importer’s deliveries of this stage, 0–1.' },
      ...provenance,
    ],
  },
];
