// Reads a scenario from YAML text and checks it, first on its own (fields, types, values) and then
// against a dataset (ids, units, years). Every problem is reported as `file:line: message`.
// Pure: the caller reads the file.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import { isKnownUnit, convert, moneyPerBaseUnit, naturalPriceUnit } from '../model/units.ts';
import { CorridorError, available } from '../errors.ts';
import { CHANGE_TYPES, COMMON_CHANGE_FIELDS, LEG_FIELDS, SCENARIO_FIELDS, changeType, type ChangeType, type FieldType, type ScenarioField } from './schema.ts';
import { COST_PARAMETERS, DIRECT_PREFIX, FLOW_PARAMETERS } from '../solve/network.ts';

export interface ScenarioLeg {
  country: string;
  asset?: string;
  from?: string;
  to?: string;
  mode?: string;
  length_km?: number;
  line: number;
}

export interface ScenarioChange {
  type: string;
  /** Field values, typed per the schema (numbers, strings, booleans, string lists, legs). */
  values: Record<string, string | number | boolean | string[] | ScenarioLeg[]>;
  /** Line of the change and of each field. */
  line: number;
  lines: Record<string, number>;
}

export interface Scenario {
  /** File name used in messages ('' when built in code). */
  file: string;
  name: string;
  description: string;
  dataset?: string;
  commodity: string;
  year: number;
  observedYear?: number;
  changes: ScenarioChange[];
  lines: Record<string, number>;
}

export interface ScenarioProblem {
  line: number;
  message: string;
}

/** The error for a scenario with problems: the first as the message, all as details. */
export function scenarioError(file: string, problems: ScenarioProblem[]): CorridorError {
  const lines = problems.map((p) => `${file}:${p.line}: ${p.message}`);
  return new CorridorError('CORRIDOR_ERR_SCENARIO_INVALID', lines[0] + (lines.length > 1 ? ` (and ${lines.length - 1} more problem(s))` : ''), lines.length > 1 ? lines : []);
}

function describeValue(node: unknown): string {
  if (isScalar(node)) {
    const v = node.value;
    return v === null ? 'nothing' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  }
  if (isSeq(node)) return node.items.length === 0 ? 'an empty list' : 'a list';
  if (isMap(node)) return 'a mapping';
  return 'nothing';
}

/** Numbers beyond this size are refused: no real figure is that large, and the solver's tolerances could not honour it. */
const LARGEST_NUMBER = 1e12;

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'text', integer: 'a whole number from 1900 to 2100', number: 'a number', volume: 'a number ≥ 0', fraction: 'a number from 0 to 1',
  share: 'a number ≥ -1 (a relative change)', boolean: 'true or false', unit: 'a unit', list: 'a list of ids', legs: 'a list of legs',
};

/** Parses and checks the structure of a scenario; throws CORRIDOR_ERR_SCENARIO_INVALID listing every problem. */
export function parseScenario(text: string, file = 'scenario.yaml'): Scenario {
  const { scenario, problems } = readScenario(text, file);
  if (problems.length || !scenario) throw scenarioError(file, problems);
  return scenario;
}

/**
 * Parses a scenario and returns the structural problems instead of throwing, with the scenario as far as
 * it could be read (null when the YAML itself is broken), so that checkScenario can add the problems it
 * finds against the dataset and every problem is reported at once.
 */
export function readScenario(text: string, file = 'scenario.yaml'): { scenario: Scenario | null; problems: ScenarioProblem[] } {
  try {
    return { scenario: parseStructure(text, file), problems: [] };
  } catch (error) {
    if (error instanceof PartialScenario) return { scenario: error.scenario, problems: error.problems };
    throw error;
  }
}

/** Thrown inside parseStructure to hand back what was read along with the problems. */
class PartialScenario extends Error {
  constructor(readonly scenario: Scenario | null, readonly problems: ScenarioProblem[]) { super('scenario has problems'); }
}

/** The file is checked on its own first (YAML, fields, types, ranges), so its problems need no dataset. */
function parseStructure(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlProblems = yamlErrors(doc.errors, text, lineCounter);
  if (yamlProblems.length) throw new PartialScenario(null, yamlProblems);
  const reader = new StructureReader(lineCounter);
  const root = doc.contents;
  if (!isMap(root)) throw new PartialScenario(null, [{ line: reader.lineOf(root), message: `expected a mapping with ${SCENARIO_FIELDS.filter((f) => f.required).map((f) => f.name).join(', ')}, found ${describeValue(root)}` }]);
  const topLines: Record<string, number> = {};
  const top = reader.readMap(root as YAMLMap, SCENARIO_FIELDS, 'scenario', topLines);
  const changes = reader.readChanges((root as YAMLMap).get('changes', true) as YamlNode | undefined);
  const scenario: Scenario = {
    file,
    name: String(top.name),
    description: (top.description as string | undefined) ?? '',
    dataset: top.dataset as string | undefined,
    commodity: String(top.commodity),
    year: Number(top.year),
    observedYear: top.observed_year as number | undefined,
    changes,
    lines: topLines,
  };
  const problems = reader.problems;
  if (problems.length) throw new PartialScenario(top.commodity !== undefined && top.year !== undefined ? scenario : null, problems.sort((a, b) => a.line - b.line));
  return scenario;
}

/** YAML syntax errors come first: nothing else can be read reliably until they are fixed. */
function yamlErrors(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): ScenarioProblem[] {
  return errors.map((error) => {
    const at = error.pos?.[0];
    // An error found at the end of the text (an unclosed bracket) is reported on the last line that has text.
    const line = at === undefined ? 1 : lineCounter.linePos(Math.max(0, Math.min(at, text.trimEnd().length - 1))).line;
    const key = error.code === 'DUPLICATE_KEY' && at !== undefined ? /^[^:\n]*/.exec(text.slice(at))![0].trim() : '';
    return { line, message: `not valid YAML: ${error.message.split('\n')[0]}${key ? ` (key "${key}" appears twice)` : ''}` };
  });
}

/** Reads YAML nodes against the field declarations of schema.ts, collecting every problem instead of stopping at the first. */
class StructureReader {
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

/** What a dataset offers for a commodity and year, for checking ids. */
interface Context {
  exporters: Set<string>;
  importers: Set<string>;
  routes: Set<string>;
}

function contextOf(model: Model, commodity: string, year: number): Context {
  const flows = model.tables.flow.filter((f) => f.commodity === commodity && f.year === year);
  const exporters = new Set(flows.map((f) => f.exporter));
  const importers = new Set(flows.map((f) => f.importer));
  for (const d of model.tables.demand) if (d.commodity === commodity && d.year === year && d.kind === 'imports') importers.add(d.country);
  for (const b of model.tables.bloc) if (model.blocMembers(b.id).some((m) => importers.has(m))) importers.add(b.id);
  for (const i of [...importers]) for (const bloc of model.blocsOf(i)) importers.add(bloc);
  const routes = new Set(model.tables.route.filter((r) => r.commodity === commodity).map((r) => r.id));
  return { exporters, importers, routes };
}

/**
 * Checks a parsed scenario against a dataset; throws CORRIDOR_ERR_SCENARIO_INVALID listing every problem,
 * those given (from readScenario) included.
 */
export function checkScenario(model: Model, scenario: Scenario, given: ScenarioProblem[] = []): void {
  const problems: ScenarioProblem[] = [...given];
  const file = scenario.file || 'scenario';
  const commodity = checkCommodityAndYears(model, scenario, problems, file);
  const check: DatasetCheck = {
    model, scenario, commodity, problems,
    ctx: contextOf(model, scenario.commodity, scenario.year),
    allowed: commodity.allowed_units.map((u) => u.trim()),
    addedRoutes: new Set<string>(),
  };
  for (const change of scenario.changes) {
    checkFields(check, change);
    if (change.type === 'add_route') checkAddRoute(check, change);
    if (change.type === 'sign_agreement' && change.values.volume === undefined) checkAgreementVolume(check, change);
    if (change.type === 'set_parameter') checkSetParameter(check, change);
    checkUnitConverts(check, change);
  }
  if (problems.length) throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
}

/** What the checks of one scenario against a dataset share. */
interface DatasetCheck {
  model: Model;
  scenario: Scenario;
  commodity: CommodityRow;
  problems: ScenarioProblem[];
  ctx: Context;
  /** The commodity's allowed units. */
  allowed: string[];
  /** Routes added by earlier changes: later changes may name them. */
  addedRoutes: Set<string>;
}

/** Without the commodity and the year's flows no id can be checked: stop there, with every problem so far. */
function checkCommodityAndYears(model: Model, scenario: Scenario, problems: ScenarioProblem[], file: string): CommodityRow {
  const commodity = model.commodity(scenario.commodity);
  if (!commodity) {
    problems.push({ line: scenario.lines.commodity ?? 1, message: `unknown commodity "${scenario.commodity}" (available: ${available(model.tables.commodity.map((c) => c.id))})` });
    throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
  }
  const years = model.flowYears(scenario.commodity);
  if (!years.includes(scenario.year)) {
    problems.push({ line: scenario.lines.year ?? 1, message: `no ${scenario.commodity} flows in ${scenario.year} (years with flows: ${available(years)})` });
  }
  if (scenario.observedYear !== undefined && !years.includes(scenario.observedYear)) {
    problems.push({ line: scenario.lines.observed_year ?? 1, message: `observed_year: no ${scenario.commodity} flows in ${scenario.observedYear} (years with flows: ${available(years)})` });
  }
  if (!years.includes(scenario.year)) throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
  return commodity;
}

/** "Mt/yr" and "Mt/a" name the same unit: only the per-year suffix differs. */
function sameUnit(a: string, b: string): boolean {
  return a.replace(/\/(yr|year|a)$/, '') === b.replace(/\/(yr|year|a)$/, '');
}

/** Every unit and every id a change's fields (and its legs) name must exist for this commodity and year. */
function checkFields(check: DatasetCheck, change: ScenarioChange): void {
  const { scenario, allowed, problems } = check;
  const spec = changeType(change.type)!;
  for (const field of spec.fields) {
    const value = change.values[field.name];
    const line = change.lines[field.name] ?? change.line;
    if (value === undefined) continue;
    if (field.type === 'unit' && typeof value === 'string' && !allowed.some((u) => sameUnit(u, value))) {
      problems.push({ line, message: `${change.type}: unit: expected one of ${scenario.commodity}'s units (${allowed.join(', ')}), found "${value}"` });
    }
    if (field.type === 'legs') {
      for (const leg of value as ScenarioLeg[]) {
        for (const lf of LEG_FIELDS) {
          const v = (leg as unknown as Record<string, unknown>)[lf.name];
          if (lf.ref && typeof v === 'string') checkRef(check, lf.ref, v, leg.line, `legs: ${lf.name}`, change.type);
        }
      }
    }
    if (!field.ref) continue;
    if (field.ref === 'route' && change.type === 'add_route') continue;
    for (const v of Array.isArray(value) ? (value as string[]) : [String(value)]) checkRef(check, field.ref, v, line, field.name, change.type);
  }
}

/** An unknown id is reported with the ids that would have been accepted. */
function checkRef(check: DatasetCheck, ref: string, value: string, line: number, field: string, type: string): void {
  const { model, scenario, ctx, problems } = check;
  const fail = (what: string, list: Iterable<string>): void => { problems.push({ line, message: `${type}: ${field}: unknown ${what} "${value}" (available: ${available(list)})` }); };
  switch (ref) {
    case 'route':
      return checkRouteRef(check, value, line, field, type, fail);
    case 'asset':
      if (model.tables.asset.some((a) => a.id === value && a.commodity === scenario.commodity)) return;
      return fail(`${scenario.commodity} asset`, model.tables.asset.filter((a) => a.commodity === scenario.commodity).map((a) => a.id));
    case 'node':
      if (model.tables.node.some((n) => n.id === value)) return;
      return fail('node', model.tables.node.map((n) => n.id));
    case 'country':
      if (model.tables.country.some((c) => c.id === value)) return;
      return fail('country', model.tables.country.map((c) => c.id));
    case 'actor':
      if (model.hasActor(value)) return;
      return fail('country or bloc', [...model.tables.country.map((c) => c.id), ...model.tables.bloc.map((b) => b.id)]);
    case 'exporter':
      if (ctx.exporters.has(value)) return;
      if (type === 'sign_agreement' && model.hasActor(value)) return;
      return fail(`exporter of ${scenario.commodity} in ${scenario.year}`, [...ctx.exporters].sort());
    case 'importer':
      if (ctx.importers.has(value)) return;
      return fail(`importer of ${scenario.commodity} in ${scenario.year}`, [...ctx.importers].sort());
    case 'agreement':
      if (model.tables.agreement.some((a) => a.id === value)) return;
      return fail('agreement', model.tables.agreement.map((a) => a.id));
    case 'parameter':
      if (value in FLOW_PARAMETERS && value !== 'price' && value !== 'transit_fee') return;
      return fail('parameter', Object.keys(FLOW_PARAMETERS).filter((p) => p !== 'price' && p !== 'transit_fee'));
  }
}

/** A route may be the commodity's, one added earlier, or the direct route of a pair that trades; another commodity's route is named as such. */
function checkRouteRef(check: DatasetCheck, value: string, line: number, field: string, type: string, fail: (what: string, list: Iterable<string>) => void): void {
  const { model, scenario, ctx, addedRoutes } = check;
  if (ctx.routes.has(value) || addedRoutes.has(value)) return;
  if (value.startsWith(DIRECT_PREFIX)) {
    const [e, i] = value.slice(DIRECT_PREFIX.length).split('>');
    if (e && i && ctx.exporters.has(e) && ctx.importers.has(i)) return;
  }
  if (model.route(value)) { check.problems.push({ line, message: `${type}: ${field}: route "${value}" carries ${model.route(value)!.commodity}, not ${scenario.commodity}` }); return; }
  return fail(`${scenario.commodity} route`, [...ctx.routes, ...addedRoutes]);
}

/** A new route needs a cost the LP can compare, a new id, and must start where its exporter is. */
function checkAddRoute(check: DatasetCheck, change: ScenarioChange): void {
  const { model, commodity, problems, addedRoutes } = check;
  const id = String(change.values.id);
  const costUnit = change.values.cost_unit;
  if (change.values.cost !== undefined && costUnit === undefined && change.lines.cost_unit === undefined) {
    problems.push({ line: change.lines.cost ?? change.line, message: `add_route: cost needs a cost_unit (money per quantity, e.g. "${naturalPriceUnit(commodity)}")` });
  }
  if (typeof costUnit === 'string') {
    try { moneyPerBaseUnit(1, costUnit, commodity); } catch (e) { problems.push({ line: change.lines.cost_unit ?? change.line, message: `add_route: cost_unit: ${(e as Error).message}` }); }
  }
  if (model.route(id) || addedRoutes.has(id)) problems.push({ line: change.lines.id ?? change.line, message: `add_route: id: route "${id}" exists already; pick a new id` });
  addedRoutes.add(id);
  const legs = change.values.legs as ScenarioLeg[] | undefined;
  if (legs?.length && legs[0].country !== change.values.exporter) {
    problems.push({ line: legs[0].line, message: `add_route: the first leg must be in the exporter's country ${String(change.values.exporter)}, found ${legs[0].country}` });
  }
}

/** An agreement without its own volume takes the agreement row's, which must exist in a unit of the commodity. */
function checkAgreementVolume(check: DatasetCheck, change: ScenarioChange): void {
  const { model, scenario, allowed, problems } = check;
  const id = change.values.agreement as string | undefined;
  const agreement = id ? model.tables.agreement.find((a) => a.id === id) : undefined;
  if (!id) problems.push({ line: change.line, message: 'sign_agreement: give `volume` and `unit`, or an `agreement` whose row has a volume' });
  else if (agreement && (agreement.volume === undefined || !agreement.unit)) {
    problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" names no volume; give \`volume\` and \`unit\`` });
  } else if (agreement && !allowed.some((u) => sameUnit(u, agreement.unit))) {
    problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" is in ${agreement.unit}, not one of ${scenario.commodity}'s units (${allowed.join(', ')})` });
  }
}

/** Each parameter has its own scope (per country or whole network) and its own kind of unit (share, volume, money). */
function checkSetParameter(check: DatasetCheck, change: ScenarioChange): void {
  const { commodity, allowed, problems } = check;
  const name = String(change.values.name);
  const unit = String(change.values.unit ?? '');
  const line = change.lines.unit ?? change.lines.name ?? change.line;
  const perCountry = name === 'world_market_access' || name === 'export_capacity';
  if (perCountry && change.values.country === undefined) problems.push({ line: change.line, message: `set_parameter: ${name} applies per country; add "country:"` });
  if (!perCountry && change.values.country !== undefined) problems.push({ line: change.lines.country, message: `set_parameter: ${name} applies to the whole network; remove "country:"` });
  const negative = () => {
    if (Number(change.values.value) < 0) problems.push({ line: change.lines.value, message: `set_parameter: ${name}: expected a value ≥ 0, found ${String(change.values.value)}` });
  };
  if (name === 'world_market_access') {
    const v = Number(change.values.value);
    if (!(v >= 0 && v <= 1)) problems.push({ line: change.lines.value, message: `set_parameter: world_market_access: expected a share from 0 to 1, found ${v}` });
  } else if (name === 'world_market_spare' || name === 'export_capacity') {
    if (!allowed.some((u) => sameUnit(u, unit))) problems.push({ line, message: `set_parameter: ${name}: expected a unit among ${allowed.join(', ')}, found "${unit}"` });
    negative();
  } else if ((COST_PARAMETERS as readonly string[]).includes(name)) {
    try {
      moneyPerBaseUnit(1, unit, commodity, name === 'time_value');
    } catch {
      const example = `${naturalPriceUnit(commodity)}${name === 'time_value' ? '/day' : ''}`;
      problems.push({ line, message: `set_parameter: ${name}: expected a unit like "${example}" (USD per a quantity that converts to ${commodity.unit}), found "${unit}"` });
    }
    negative();
  }
}

/** A unit the commodity allows must still convert to its base unit (e.g. kb/d needs a density). */
function checkUnitConverts(check: DatasetCheck, change: ScenarioChange): void {
  const unit = change.values.unit;
  const { commodity, allowed } = check;
  if (typeof unit === 'string' && change.type !== 'set_parameter' && isKnownUnit(unit) && allowed.some((u) => sameUnit(u, unit))) {
    try { convert(1, unit, commodity.unit, commodity); } catch (e) { check.problems.push({ line: change.lines.unit, message: `${change.type}: unit: ${(e as Error).message}` }); }
  }
}
