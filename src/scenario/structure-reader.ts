// Reads a scenario's YAML nodes against the field declarations of schema.ts: types, ranges, required and
// unknown fields, collecting every problem with its line instead of stopping at the first.
import { LineCounter, isAlias, isMap, isSeq, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { CHANGE_TYPES, COMMON_CHANGE_FIELDS, LEG_FIELDS, SCENARIO_FIELDS, changeType, type ChangeType, type FieldType, type ScenarioField } from './schema.ts';
import type { ScenarioChange, ScenarioLeg, ScenarioProblem } from './scenario-types.ts';

export function describeValue(node: unknown): string {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string' && v.length > SHOWN_TEXT) return `${JSON.stringify(v.slice(0, SHOWN_TEXT))}… (${v.length.toLocaleString('en-GB')} characters)`;
    return v === null ? 'nothing' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  }
  if (isAlias(node)) return `the alias *${node.source}`;
  if (isSeq(node)) return node.items.length === 0 ? 'an empty list' : 'a list';
  if (isMap(node)) return 'a mapping';
  return 'nothing';
}

/** A message quotes at most this many characters of a value. */
const SHOWN_TEXT = 60;

/** Text fields (a name, a description) longer than this are refused: a scenario file is not a place for documents. */
export const LONGEST_TEXT = 10_000;

/** Numbers beyond this size are refused: no real figure is that large, and the solver's tolerances could not honour it. */
const LARGEST_NUMBER = 1e12;

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'text', integer: 'a whole number from 1900 to 2100', number: 'a number', volume: 'a number ≥ 0', fraction: 'a number from 0 to 1',
  share: 'a number ≥ -1 (a relative change)', boolean: 'true or false', unit: 'a unit', list: 'a list of ids', legs: 'a list of legs',
};

/** Reads YAML nodes against the field declarations of schema.ts, collecting every problem instead of stopping at the first. */
export class StructureReader {
  readonly problems: ScenarioProblem[] = [];

  constructor(private readonly lineCounter: LineCounter) {}

  /** Every problem names the line of the node it is about. */
  lineOf(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? this.lineCounter.linePos(range[0]).line : 1;
  }

  /** Reads a mapping against a field list; records line numbers in `lines` when given. */
  readMap(map: YAMLMap, fields: readonly ScenarioField[], what: string, lines?: Record<string, number>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of map.items as Pair<unknown, unknown>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = this.lineOf(pair.key);
      const field = fields.find((f) => f.name === key);
      if (!field) {
        this.problems.push({ line, message: `${what}: unknown field "${key}" (expected: ${fields.map((f) => f.name).join(', ')})` });
        continue;
      }
      seen.add(key);
      if (lines) lines[key] = line;
      if (fields === SCENARIO_FIELDS && key === 'changes') continue; // read by readChanges, change by change
      const value = this.readValue(field, pair.value, this.lineOf(pair.value ?? pair.key), what);
      if (value !== undefined) out[key] = value;
    }
    for (const f of fields) {
      if (f.required && !seen.has(f.name)) this.problems.push({ line: this.lineOf(map), message: `${what}: missing required field "${f.name}"` });
    }
    return out;
  }

  /** A value of the wrong type is reported and left out, so the rest of the file is still checked. */
  readValue(field: ScenarioField, node: unknown, where: number, what: string): unknown {
    const prefix = what === 'scenario' ? '' : `${what}: `;
    const bad = () => { this.problems.push({ line: where, message: `${prefix}${field.name}: expected ${TYPE_WORDS[field.type]}, found ${describeValue(node)}` }); return undefined; };
    if (field.type === 'legs') return isSeq(node) && node.items.length > 0 ? this.readLegs(node.items) : bad();
    if (field.type === 'list') {
      if (isScalar(node) && typeof node.value === 'string') return [node.value];
      return isSeq(node) ? this.readList(node.items, `${prefix}${field.name}`) : bad();
    }
    if (!isScalar(node)) return bad();
    const v = node.value;
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) > LARGEST_NUMBER && ['number', 'volume', 'share'].includes(field.type)) {
      this.problems.push({ line: where, message: `${prefix}${field.name}: expected a number of at most ${LARGEST_NUMBER.toExponential()}, found ${v.toExponential()}` });
      return undefined;
    }
    if (typeof v === 'string' && v.length > LONGEST_TEXT) {
      this.problems.push({ line: where, message: `${prefix}${field.name}: expected text of at most ${LONGEST_TEXT.toLocaleString('en-GB')} characters, found ${v.length.toLocaleString('en-GB')}` });
      return undefined;
    }
    const value = scalarValue(field.type, v);
    return value === undefined ? bad() : value;
  }

  /** A leg without a country cannot be placed on the route: it is dropped (its problem is reported). */
  private readLegs(items: unknown[]): ScenarioLeg[] {
    const legs: ScenarioLeg[] = [];
    for (const item of items) {
      const line = this.lineOf(item);
      if (!isMap(item)) { this.problems.push({ line, message: `legs: expected a mapping like {country: AZE}, found ${describeValue(item)}` }); continue; }
      const leg = this.readMap(item as YAMLMap, LEG_FIELDS, 'leg') as Partial<ScenarioLeg>;
      if (leg.country !== undefined) legs.push({ ...(leg as ScenarioLeg), line });
    }
    return legs;
  }

  /** Ids may be written as numbers in YAML; they are kept as text. */
  private readList(items: unknown[], name: string): string[] {
    const out: string[] = [];
    for (const item of items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
      else this.problems.push({ line: this.lineOf(item), message: `${name}: expected a list of ids, found ${describeValue(item)} in it` });
    }
    return out;
  }

  /** `changes:` left empty runs the baseline; anything else must be a list of changes. */
  readChanges(changesNode: YamlNode | undefined): ScenarioChange[] {
    const changes: ScenarioChange[] = [];
    if (changesNode === undefined || changesNode === null) return changes;
    if (!isSeq(changesNode)) {
      if (!(isScalar(changesNode) && changesNode.value === null)) this.problems.push({ line: this.lineOf(changesNode), message: `changes: expected a list of changes, found ${describeValue(changesNode)}` });
      return changes;
    }
    for (const item of changesNode.items) {
      const change = this.readChange(item);
      if (change) changes.push(change);
    }
    return changes;
  }

  /** A change's `type` decides which fields it may have, so it is read first. */
  private readChange(item: unknown): ScenarioChange | undefined {
    const line = this.lineOf(item);
    if (!isMap(item)) { this.problems.push({ line, message: `changes: expected a change (a mapping with a "type"), found ${describeValue(item)}` }); return undefined; }
    const typeNode = (item as YAMLMap).get('type', true);
    const typeName = isScalar(typeNode) ? String(typeNode.value) : '';
    const spec = changeType(typeName);
    if (!spec) {
      this.problems.push({ line: typeNode ? this.lineOf(typeNode) : line, message: `unknown change type "${typeName}" (available: ${CHANGE_TYPES.map((c) => c.type).join(', ')})` });
      return undefined;
    }
    const lines: Record<string, number> = {};
    const values = this.readMap(item as YAMLMap, [...COMMON_CHANGE_FIELDS, ...spec.fields], spec.type, lines) as ScenarioChange['values'];
    this.checkOneOf(spec, lines, line);
    this.checkVolumeUnits(spec, values, lines);
    return { type: spec.type, values, line, lines };
  }

  /** Some changes act on a route or an asset, never both: exactly one of such a group must be given. */
  private checkOneOf(spec: ChangeType, lines: Record<string, number>, line: number): void {
    for (const group of spec.oneOf ?? []) {
      const given = group.filter((g) => lines[g] !== undefined);
      if (given.length !== 1) {
        this.problems.push({ line: given.length ? lines[given[1]] : line, message: `${spec.type}: expected exactly one of ${group.join(', ')}, found ${given.length ? given.join(' and ') : 'none'}` });
      }
    }
  }

  /** A volume without its unit would be read in the base unit silently: ask for the unit instead. */
  private checkVolumeUnits(spec: ChangeType, values: ScenarioChange['values'], lines: Record<string, number>): void {
    for (const f of spec.fields) {
      if (f.type === 'volume' && values[f.name] !== undefined && f.name !== 'cost' && f.name !== 'transit_days' && spec.fields.some((u) => u.name === 'unit') && values.unit === undefined && lines.unit === undefined) {
        this.problems.push({ line: lines[f.name], message: `${spec.type}: ${f.name} needs a unit (add "unit:", e.g. the commodity's base unit)` });
      }
    }
  }
}

/** A scalar of the field's type, or undefined when the value does not fit it. */
function scalarValue(type: FieldType, v: unknown): unknown {
  switch (type) {
    case 'string':
    case 'unit':
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
      if (typeof v === 'number' && type === 'string') return String(v);
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : undefined;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'volume':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
    case 'fraction':
      return typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined;
    case 'share':
      return typeof v === 'number' && Number.isFinite(v) && v >= -1 ? v : undefined;
  }
  return undefined;
}
