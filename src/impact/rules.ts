// The mapping rules from coded events to scenario changes are data (rules.json, or a file the user gives with
// --rules). This module reads them and checks every field, against the event scale and the scenario format, so a
// rule can only name event types, changes and fields that exist. Pure: the caller reads a user's file.
import { EVENT_TYPES } from '../schema/entities.ts';
import { changeType } from '../scenario/schema.ts';
import { CorridorError } from '../errors.ts';
import DEFAULT_RULES_JSON from './rules.json';

/**
 * Where a field of the change comes from. Each reading is resolved from the event and the dataset, or asked
 * (docs/methods/impact.md says how each one is read).
 */
export const READINGS = [
  'source', 'target', 'route', 'planned_route', 'node', 'chokepoint', 'transit_state',
  'exporting_party', 'importing_party', 'volume', 'fraction', 'share',
] as const;
export type Reading = (typeof READINGS)[number];

/** What a rule may require the event to name before it applies (else the next rule is tried). */
export const REQUIREMENTS = ['target', 'route', 'node', 'chokepoint', 'volume'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface ImpactRule {
  id: string;
  description: string;
  /** Event types the rule applies to. */
  types: string[];
  /** Stems of which one must start a word of the trigger (of the text when the event has no trigger); empty: any. */
  triggerWords: string[];
  /** Stems of which one must start a word of the sentence; empty: any. */
  sentenceWords: string[];
  requires: Requirement[];
  /** What the event must not name for the rule to apply ("halted exports through the CPC" is about the route, not all exports). */
  unless: Requirement[];
  /** The scenario change type (docs/scenarios.md). */
  change: string;
  /** Field of the change -> the reading it is filled from. */
  fields: Record<string, Reading>;
  /** Words that say only part of the flows is meant: the share is asked rather than taken as 1. */
  partialWords: string[];
  /** Whether the change lasts for a number of months of the year (asked when the text does not say). */
  duration: boolean;
}

const RULE_KEYS = ['id', 'description', 'types', 'trigger_words', 'sentence_words', 'requires', 'unless', 'change', 'fields', 'partial_words', 'duration'];

/** Reads and checks a rules document (parsed JSON or YAML); throws one error listing every problem, each with its place. */
export function readRules(value: unknown, name: string): ImpactRule[] {
  const problems: string[] = [];
  const fail = (at: string, message: string) => { problems.push(`${name}: ${at}: ${message}`); };
  const list = isObject(value) ? value.rules : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${name}: expected an object with a non-empty list "rules", found ${describe(isObject(value) ? value.rules : value)}`);
  }
  const rules: ImpactRule[] = [];
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    const at = `rules[${i}]`;
    if (!isObject(raw)) { fail(at, `expected an object, found ${describe(raw)}`); return; }
    for (const key of Object.keys(raw)) if (!RULE_KEYS.includes(key)) fail(`${at}.${key}`, `unknown key (keys: ${RULE_KEYS.join(', ')})`);
    const id = text(raw.id, `${at}.id`, fail);
    if (id && ids.has(id)) fail(`${at}.id`, `"${id}" is used by an earlier rule`);
    ids.add(id);
    const types = words(raw.types, `${at}.types`, fail, true);
    for (const t of types) if (!(EVENT_TYPES as readonly string[]).includes(t)) fail(`${at}.types`, `unknown event type "${t}" (types: ${EVENT_TYPES.join(', ')})`);
    const requires = words(raw.requires, `${at}.requires`, fail) as Requirement[];
    for (const r of requires) if (!(REQUIREMENTS as readonly string[]).includes(r)) fail(`${at}.requires`, `unknown requirement "${r}" (one of ${REQUIREMENTS.join(', ')})`);
    const unless = words(raw.unless, `${at}.unless`, fail) as Requirement[];
    for (const r of unless) if (!(REQUIREMENTS as readonly string[]).includes(r)) fail(`${at}.unless`, `unknown requirement "${r}" (one of ${REQUIREMENTS.join(', ')})`);
    const change = text(raw.change, `${at}.change`, fail);
    const fields = readFields(raw.fields, change, `${at}`, fail);
    if (raw.duration !== undefined && typeof raw.duration !== 'boolean') fail(`${at}.duration`, `expected true or false, found ${describe(raw.duration)}`);
    if (raw.duration === true && !['close_route', 'cut_capacity'].includes(change)) fail(`${at}.duration`, `only close_route and cut_capacity can last part of a year, not ${change}`);
    rules.push({
      id, description: typeof raw.description === 'string' ? raw.description : '', types,
      triggerWords: words(raw.trigger_words, `${at}.trigger_words`, fail).map((w) => w.toLowerCase()),
      sentenceWords: words(raw.sentence_words, `${at}.sentence_words`, fail).map((w) => w.toLowerCase()),
      requires, unless, change, fields,
      partialWords: words(raw.partial_words, `${at}.partial_words`, fail).map((w) => w.toLowerCase()),
      duration: raw.duration === true,
    });
  });
  if (problems.length) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''), problems.length > 1 ? problems : []);
  return rules;
}

/** The change's fields: each must be a field of the change type, every required field of it must be given. */
function readFields(value: unknown, change: string, at: string, fail: (at: string, m: string) => void): Record<string, Reading> {
  const spec = change ? changeType(change) : undefined;
  if (change && !spec) { fail(`${at}.change`, `unknown change type "${change}" (see docs/scenarios.md)`); return {}; }
  if (!isObject(value)) { fail(`${at}.fields`, `expected an object of field: reading, found ${describe(value)}`); return {}; }
  const fields: Record<string, Reading> = {};
  for (const [field, reading] of Object.entries(value)) {
    if (spec && !spec.fields.some((f) => f.name === field)) fail(`${at}.fields.${field}`, `${change} has no field "${field}" (fields: ${spec.fields.map((f) => f.name).join(', ')})`);
    if (typeof reading !== 'string' || !(READINGS as readonly string[]).includes(reading)) { fail(`${at}.fields.${field}`, `expected one of ${READINGS.join(', ')}, found ${describe(reading)}`); continue; }
    const type = spec?.fields.find((f) => f.name === field)?.type;
    const wants = reading === 'volume' ? 'volume' : reading === 'fraction' || reading === 'share' ? 'fraction' : 'string';
    if (type && type !== wants) fail(`${at}.fields.${field}`, `${change}.${field} is a ${type}, which the reading "${reading}" (a ${wants === 'string' ? 'id' : wants}) cannot fill`);
    else fields[field] = reading as Reading;
  }
  // `unit` goes with a volume, and raise_capacity's `capacity` or `by` are filled from one volume reading.
  const filled = new Set([...Object.keys(fields), ...(Object.values(fields).includes('volume') ? ['unit', 'by', 'capacity'] : [])]);
  for (const f of spec?.fields ?? []) if (f.required && !filled.has(f.name)) fail(`${at}.fields`, `${change} needs its field "${f.name}"`);
  return fields;
}

function text(value: unknown, at: string, fail: (at: string, m: string) => void): string {
  if (typeof value === 'string' && /^[a-z][a-z0-9_]*$/.test(value)) return value;
  fail(at, `expected a name of lower-case letters, digits and _, found ${describe(value)}`);
  return '';
}

function words(value: unknown, at: string, fail: (at: string, m: string) => void, required = false): string[] {
  if (value === undefined && !required) return [];
  if (Array.isArray(value) && value.every((w) => typeof w === 'string' && w.trim() !== '') && (value.length > 0 || !required)) return value as string[];
  fail(at, `expected a ${required ? 'non-empty ' : ''}list of words, found ${describe(value)}`);
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'an object' : String(value);
}

let defaults: ImpactRule[] | undefined;
/** The rules that ship with Corridor (src/impact/rules.json), checked on first use. */
export function defaultRules(): ImpactRule[] {
  return (defaults ??= readRules(DEFAULT_RULES_JSON, 'rules.json'));
}
