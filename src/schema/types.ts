// The vocabulary in which every entity of a dataset is declared (schema as data).
import type { UnitLimit } from './limits.ts';

/** The type of one attribute, as it is written in a CSV cell. */
export type AttributeType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean' // true/false, yes/no, 1/0 (empty = default)
  | 'date' // ISO 8601 calendar date, YYYY-MM-DD
  | 'year' // four-digit year
  | 'list'; // several values in one cell, separated by ';'

export interface Attribute {
  /** Column name in the CSV file (snake_case) and key in the model. */
  name: string;
  type: AttributeType;
  description: string;
  required: boolean;
  /** Unit of the value, or the name of the column that holds the unit. */
  unit?: string;
  default?: string | number | boolean;
  /** Allowed values (for string and list attributes). */
  enum?: readonly string[];
  /** Entity whose `id` (or key column) the value must refer to. */
  ref?: EntityName | 'actor';
  /** Inclusive numeric bounds. */
  min?: number;
  max?: number;
  /** Why `max` is what it is (shown in docs/dataset.md). */
  maxReason?: string;
  /**
   * Maxima per kind of unit, for a figure whose unit is in the column named by `unit`: the value is converted to
   * the listed unit of its kind and compared with that unit's maximum (see src/schema/limits.ts).
   */
  maxPerUnit?: readonly UnitLimit[];
}

export type EntityName =
  | 'source'
  | 'country'
  | 'bloc'
  | 'blocMember'
  | 'governance'
  | 'commodity'
  | 'production'
  | 'demand'
  | 'stock'
  | 'node'
  | 'asset'
  | 'route'
  | 'leg'
  | 'flow'
  | 'agreement'
  | 'event'
  | 'parameter'
  | 'crmMaterial'
  | 'crmSupply'
  | 'crmaList'
  | 'stage'
  | 'stageSupply'
  | 'stageFlow'
  | 'chokepoint'
  | 'seaLane';

export interface Entity {
  name: EntityName;
  /** CSV file name inside the data package, also the Frictionless resource name without `.csv`. */
  file: string;
  title: string;
  description: string;
  attributes: readonly Attribute[];
  /** Columns whose values together identify a row (checked for duplicates). */
  key: readonly string[];
  /** Rows carry figures: every row needs a `source`, and may be marked `estimated`. */
  sourced: boolean;
  /** The table must have at least one row for a dataset to be usable. */
  requiredTable?: boolean;
}
