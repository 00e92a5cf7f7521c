// Reads a scenario from YAML text and checks it, first on its own (fields, types, values) and then
// against a dataset (ids, units, years). Every problem is reported as `file:line: message`.
// Pure: the caller reads the file.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Model } from '../model/model.ts';
import { isKnownUnit, convert } from '../model/units.ts';
import { CorridorError, available } from '../errors.ts';
import { CHANGE_TYPES, COMMON_CHANGE_FIELDS, LEG_FIELDS, SCENARIO_FIELDS, changeType, type FieldType, type ScenarioField } from './schema.ts';
import { COST_PARAMETERS, DIRECT_PREFIX, FLOW_PARAMETERS, isMoneyUnit, perBaseUnit } from '../solve/network.ts';

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
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value);
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  return 'nothing';
}

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'text', integer: 'a whole number', number: 'a number', volume: 'a number ≥ 0', fraction: 'a number from 0 to 1',
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

function parseStructure(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ScenarioProblem[] = [];
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  for (const error of doc.errors) {
    problems.push({ line: error.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (problems.length) throw new PartialScenario(null, problems);
  const root = doc.contents;
  if (!isMap(root)) throw new PartialScenario(null, [{ line: lineOf(root), message: `expected a mapping with ${SCENARIO_FIELDS.filter((f) => f.required).map((f) => f.name).join(', ')}, found ${describeValue(root)}` }]);

  const readValue = (field: ScenarioField, node: unknown, where: number, what: string): unknown => {
    const prefix = what === 'scenario' ? '' : `${what}: `;
    const bad = () => { problems.push({ line: where, message: `${prefix}${field.name}: expected ${TYPE_WORDS[field.type]}, found ${describeValue(node)}` }); return undefined; };
    if (field.type === 'legs') {
      if (!isSeq(node) || node.items.length === 0) return bad();
      const legs: ScenarioLeg[] = [];
      for (const item of node.items) {
        const line = lineOf(item);
        if (!isMap(item)) { problems.push({ line, message: `legs: expected a mapping like {country: AZE}, found ${describeValue(item)}` }); continue; }
        const leg = readMap(item as YAMLMap, LEG_FIELDS, 'leg') as Partial<ScenarioLeg>;
        if (leg.country !== undefined) legs.push({ ...(leg as ScenarioLeg), line });
      }
      return legs;
    }
    if (field.type === 'list') {
      if (isScalar(node) && typeof node.value === 'string') return [node.value];
      if (!isSeq(node)) return bad();
      const out: string[] = [];
      for (const item of node.items) {
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
        else problems.push({ line: lineOf(item), message: `${prefix}${field.name}: expected a list of ids, found ${describeValue(item)} in it` });
      }
      return out;
    }
    if (!isScalar(node)) return bad();
    const v = node.value;
    switch (field.type) {
      case 'string':
      case 'unit':
        if (typeof v === 'string' && v.trim() !== '') return v.trim();
        if (typeof v === 'number' && field.type === 'string') return String(v);
        return bad();
      case 'boolean':
        return typeof v === 'boolean' ? v : bad();
      case 'integer':
        return typeof v === 'number' && Number.isInteger(v) ? v : bad();
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) ? v : bad();
      case 'volume':
        return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : bad();
      case 'fraction':
        return typeof v === 'number' && v >= 0 && v <= 1 ? v : bad();
      case 'share':
        return typeof v === 'number' && Number.isFinite(v) && v >= -1 ? v : bad();
    }
    return bad();
  };

  // Reads a mapping against a field list; records line numbers in `lines` when given.
  function readMap(map: YAMLMap, fields: readonly ScenarioField[], what: string, lines?: Record<string, number>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of map.items as Pair<unknown, unknown>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = lineOf(pair.key);
      const field = fields.find((f) => f.name === key);
      if (!field) {
        problems.push({ line, message: `${what}: unknown field "${key}" (expected: ${fields.map((f) => f.name).join(', ')})` });
        continue;
      }
      seen.add(key);
      if (lines) lines[key] = line;
      if (fields === SCENARIO_FIELDS && key === 'changes') continue; // read below, change by change
      const value = readValue(field, pair.value, lineOf(pair.value ?? pair.key), what);
      if (value !== undefined) out[key] = value;
    }
    for (const f of fields) {
      if (f.required && !seen.has(f.name)) problems.push({ line: lineOf(map), message: `${what}: missing required field "${f.name}"` });
    }
    return out;
  }

  const topLines: Record<string, number> = {};
  const top = readMap(root as YAMLMap, SCENARIO_FIELDS, 'scenario', topLines);
  const changes: ScenarioChange[] = [];
  const changesNode = (root as YAMLMap).get('changes', true) as YamlNode | undefined;
  if (changesNode !== undefined && changesNode !== null) {
    if (!isSeq(changesNode)) {
      if (!(isScalar(changesNode) && changesNode.value === null)) problems.push({ line: lineOf(changesNode), message: `changes: expected a list of changes, found ${describeValue(changesNode)}` });
    } else {
      for (const item of changesNode.items) {
        const line = lineOf(item);
        if (!isMap(item)) { problems.push({ line, message: `changes: expected a change (a mapping with a "type"), found ${describeValue(item)}` }); continue; }
        const typeNode = (item as YAMLMap).get('type', true);
        const typeName = isScalar(typeNode) ? String(typeNode.value) : '';
        const spec = changeType(typeName);
        if (!spec) {
          problems.push({ line: typeNode ? lineOf(typeNode) : line, message: `unknown change type "${typeName}" (available: ${CHANGE_TYPES.map((c) => c.type).join(', ')})` });
          continue;
        }
        const lines: Record<string, number> = {};
        const fields = [...COMMON_CHANGE_FIELDS, ...spec.fields];
        const values = readMap(item as YAMLMap, fields, spec.type, lines) as ScenarioChange['values'];
        for (const group of spec.oneOf ?? []) {
          const given = group.filter((g) => lines[g] !== undefined);
          if (given.length !== 1) {
            problems.push({ line: given.length ? lines[given[1]] : line, message: `${spec.type}: expected exactly one of ${group.join(', ')}, found ${given.length ? given.join(' and ') : 'none'}` });
          }
        }
        // A volume needs its unit.
        for (const f of spec.fields) {
          if (f.type === 'volume' && values[f.name] !== undefined && f.name !== 'cost' && f.name !== 'transit_days' && spec.fields.some((u) => u.name === 'unit') && values.unit === undefined && lines.unit === undefined) {
            problems.push({ line: lines[f.name], message: `${spec.type}: ${f.name} needs a unit (add "unit:", e.g. the commodity's base unit)` });
          }
        }
        changes.push({ type: spec.type, values, line, lines });
      }
    }
  }
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
  if (problems.length) throw new PartialScenario(top.commodity !== undefined && top.year !== undefined ? scenario : null, problems.sort((a, b) => a.line - b.line));
  return scenario;
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
  const ctx = contextOf(model, scenario.commodity, scenario.year);
  const allowed = commodity.allowed_units.map((u) => u.trim());
  const sameUnit = (a: string, b: string) => a.replace(/\/(yr|year|a)$/, '') === b.replace(/\/(yr|year|a)$/, '');
  const addedRoutes = new Set<string>();

  const checkRef = (ref: string, value: string, line: number, field: string, type: string) => {
    const fail = (what: string, list: Iterable<string>) => problems.push({ line, message: `${type}: ${field}: unknown ${what} "${value}" (available: ${available(list)})` });
    switch (ref) {
      case 'route': {
        if (ctx.routes.has(value) || addedRoutes.has(value)) return;
        if (value.startsWith(DIRECT_PREFIX)) {
          const [e, i] = value.slice(DIRECT_PREFIX.length).split('>');
          if (e && i && ctx.exporters.has(e) && ctx.importers.has(i)) return;
        }
        if (model.route(value)) { problems.push({ line, message: `${type}: ${field}: route "${value}" carries ${model.route(value)!.commodity}, not ${scenario.commodity}` }); return; }
        return fail(`${scenario.commodity} route`, [...ctx.routes, ...addedRoutes]);
      }
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
  };

  for (const change of scenario.changes) {
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
            if (lf.ref && typeof v === 'string') checkRef(lf.ref, v, leg.line, `legs: ${lf.name}`, change.type);
          }
        }
      }
      if (!field.ref) continue;
      if (field.ref === 'route' && change.type === 'add_route') continue;
      for (const v of Array.isArray(value) ? (value as string[]) : [String(value)]) checkRef(field.ref, v, line, field.name, change.type);
    }
    if (change.type === 'add_route') {
      const id = String(change.values.id);
      if (model.route(id) || addedRoutes.has(id)) problems.push({ line: change.lines.id ?? change.line, message: `add_route: id: route "${id}" exists already; pick a new id` });
      addedRoutes.add(id);
      const legs = change.values.legs as ScenarioLeg[] | undefined;
      if (legs?.length && legs[0].country !== change.values.exporter) {
        problems.push({ line: legs[0].line, message: `add_route: the first leg must be in the exporter's country ${String(change.values.exporter)}, found ${legs[0].country}` });
      }
    }
    if (change.type === 'sign_agreement' && change.values.volume === undefined) {
      const id = change.values.agreement as string | undefined;
      const agreement = id ? model.tables.agreement.find((a) => a.id === id) : undefined;
      if (!id) problems.push({ line: change.line, message: 'sign_agreement: give `volume` and `unit`, or an `agreement` whose row has a volume' });
      else if (agreement && (agreement.volume === undefined || !agreement.unit)) {
        problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" names no volume; give \`volume\` and \`unit\`` });
      } else if (agreement && !allowed.some((u) => sameUnit(u, agreement.unit))) {
        problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" is in ${agreement.unit}, not one of ${scenario.commodity}'s units (${allowed.join(', ')})` });
      }
    }
    if (change.type === 'set_parameter') {
      const name = String(change.values.name);
      const unit = String(change.values.unit ?? '');
      const line = change.lines.unit ?? change.lines.name ?? change.line;
      const perCountry = name === 'world_market_access' || name === 'export_capacity';
      if (perCountry && change.values.country === undefined) problems.push({ line: change.line, message: `set_parameter: ${name} applies per country; add "country:"` });
      if (!perCountry && change.values.country !== undefined) problems.push({ line: change.lines.country, message: `set_parameter: ${name} applies to the whole network; remove "country:"` });
      if (name === 'world_market_access') {
        const v = Number(change.values.value);
        if (!(v >= 0 && v <= 1)) problems.push({ line: change.lines.value, message: `set_parameter: world_market_access: expected a share from 0 to 1, found ${v}` });
      } else if (name === 'world_market_spare' || name === 'export_capacity') {
        if (!allowed.some((u) => sameUnit(u, unit))) problems.push({ line, message: `set_parameter: ${name}: expected a unit among ${allowed.join(', ')}, found "${unit}"` });
        if (Number(change.values.value) < 0) problems.push({ line: change.lines.value, message: `set_parameter: ${name}: expected a value ≥ 0, found ${String(change.values.value)}` });
      } else if ((COST_PARAMETERS as readonly string[]).includes(name)) {
        const check = name === 'time_value' ? unit.replace(/\s*\/\s*(day|d)\s*$/i, '') : unit;
        let ok = isMoneyUnit(check) && !(name === 'time_value' && check === unit);
        if (ok) { try { perBaseUnit(1, check, commodity); } catch { ok = false; } }
        if (!ok) {
          const example = `USD/${commodity.unit.replace(/\/yr$/, '')}${name === 'time_value' ? '/day' : ''}`;
          problems.push({ line, message: `set_parameter: ${name}: expected a unit like "${example}" (per one of ${allowed.join(', ')}), found "${unit}"` });
        }
        if (Number(change.values.value) < 0) problems.push({ line: change.lines.value, message: `set_parameter: ${name}: expected a value ≥ 0, found ${String(change.values.value)}` });
      }
    }
    // Units are known to the unit table and convertible for the commodity.
    const unit = change.values.unit;
    if (typeof unit === 'string' && change.type !== 'set_parameter' && isKnownUnit(unit) && allowed.some((u) => sameUnit(u, unit))) {
      try { convert(1, unit, commodity.unit, commodity); } catch (e) { problems.push({ line: change.lines.unit, message: `${change.type}: unit: ${(e as Error).message}` }); }
    }
  }
  if (problems.length) throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
}
