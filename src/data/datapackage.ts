// Builds the Frictionless Data Package descriptor (datapackage.json) from the schema, so that any
// Frictionless tool can open a Corridor dataset.
import { ENTITIES } from '../schema/entities.ts';
import type { Attribute, Entity } from '../schema/types.ts';

const FRICTIONLESS_TYPES: Record<Attribute['type'], string> = {
  string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', year: 'year', list: 'string',
};

function field(attr: Attribute): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (attr.required) constraints.required = true;
  if (attr.enum && attr.type !== 'list') constraints.enum = attr.enum.filter((v) => v !== '' || !attr.required);
  if (attr.min !== undefined) constraints.minimum = attr.min;
  if (attr.max !== undefined) constraints.maximum = attr.max;
  const description = attr.type === 'list' ? `${attr.description} (a list: values separated by ";")` : attr.description;
  return {
    name: attr.name,
    type: FRICTIONLESS_TYPES[attr.type],
    description,
    ...(attr.type === 'boolean' ? { trueValues: ['true', 'yes', '1'], falseValues: ['false', 'no', '0'] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Frictionless resource (path and table schema) of one entity's CSV file. */
export function resource(entity: Entity): Record<string, unknown> {
  return {
    name: entity.file.replace(/\.csv$/, ''),
    path: entity.file,
    title: entity.title,
    description: entity.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: { fields: entity.attributes.map(field), primaryKey: [...entity.key], missingValues: [''] },
  };
}

export interface PackageInfo {
  name: string;
  title: string;
  description: string;
}

/** The datapackage.json descriptor for the given tables (by default every entity). */
export function buildDatapackage(info: PackageInfo, files?: readonly string[]): Record<string, unknown> {
  const entities = ENTITIES.filter((e) => !files || files.includes(e.file));
  return {
    name: info.name,
    title: info.title,
    description: info.description,
    profile: 'tabular-data-package',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: entities.map(resource),
  };
}
