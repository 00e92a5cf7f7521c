// A risk spec read from YAML: per element, a probability of failure in the year and the distribution of the
// capacity lost when it fails; correlated events that take several elements down together. Every problem is
// reported as `file:line: message` (CORRIDOR_ERR_SCENARIO_INVALID), like scenarios. Pure: the caller reads the file.
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { scenarioError, type InputFileHeader, type ScenarioProblem } from '../scenario/scenario-types.ts';
import { readYamlDocument } from '../scenario/yaml-document.ts';
import { parseElementId } from './elements.ts';

/** Fraction of capacity lost when an element fails. */
export type LossDistribution =
  | { kind: 'all' }
  | { kind: 'fraction'; value: number }
  | { kind: 'uniform'; a: number; b: number }
  | { kind: 'beta'; alpha: number; beta: number };

export interface RiskFailure {
  /** Element ids (`kind:name`) that fail together. */
  elements: string[];
  /** Probability of failure in the year. */
  probability: number;
  loss: LossDistribution;
  /** Name shown in results: the element id, or the event's name. */
  name: string;
  line: number;
  /** Lines of each listed element, for problems found against the network. */
  elementLines: number[];
}

export interface RiskSpec extends InputFileHeader {
  draws?: number;
  seed?: number;
  /** Elements and events, in file order (draws are taken in this order). */
  failures: RiskFailure[];
}

const TOP_FIELDS = ['name', 'description', 'dataset', 'commodity', 'year', 'draws', 'seed', 'elements', 'events'];

/** Parses a risk spec; throws CORRIDOR_ERR_SCENARIO_INVALID listing every problem. */
export function parseRiskSpec(text: string, file = 'risk.yaml'): RiskSpec {
  const { spec, problems } = readRiskSpec(text, file);
  if (problems.length || !spec) throw scenarioError(file, problems);
  return spec;
}

/** Parses a risk spec and returns its problems (with the spec as far as it could be read). */
export function readRiskSpec(text: string, file = 'risk.yaml'): { spec: RiskSpec | null; problems: ScenarioProblem[] } {
  const { doc, lineCounter: lc, problems: yamlProblems } = readYamlDocument(text);
  if (!doc) return { spec: null, problems: yamlProblems };
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lc.linePos(range[0]).line : 1;
  };
  const problems: ScenarioProblem[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { spec: null, problems: [{ line: lineOf(root), message: 'expected a mapping with commodity, year and elements or events' }] };
  const map = root as YAMLMap;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_FIELDS.includes(key)) problems.push({ line: lineOf(pair.key), message: `unknown field "${key}" (fields: ${TOP_FIELDS.join(', ')})` });
  }
  const field = (m: YAMLMap, name: string): YamlNode | undefined => m.get(name, true) as YamlNode | undefined;
  const scalar = (m: YAMLMap, name: string): unknown => { const n = field(m, name); return isScalar(n) ? n.value : n === undefined ? undefined : n; };
  const str = (m: YAMLMap, name: string, required: boolean, where: number): string | undefined => {
    const v = scalar(m, name);
    if (v === undefined || v === null) { if (required) problems.push({ line: where, message: `missing field "${name}"` }); return undefined; }
    if (typeof v !== 'string') { problems.push({ line: lineOf(field(m, name)), message: `"${name}" must be text` }); return undefined; }
    return v;
  };
  const whole = (m: YAMLMap, name: string, what: string): number | undefined => {
    const v = scalar(m, name);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < (name === 'draws' ? 1 : 0)) {
      problems.push({ line: lineOf(field(m, name)), message: `"${name}" must be ${what}, found ${JSON.stringify(v)}` });
      return undefined;
    }
    return v;
  };
  const commodity = str(map, 'commodity', true, lineOf(root));
  const yearValue = scalar(map, 'year');
  let year: number | undefined;
  if (yearValue === undefined) problems.push({ line: lineOf(root), message: 'missing field "year"' });
  else if (typeof yearValue !== 'number' || !Number.isInteger(yearValue)) problems.push({ line: lineOf(field(map, 'year')), message: `"year" must be a whole number, found ${JSON.stringify(yearValue)}` });
  else year = yearValue;
  const draws = whole(map, 'draws', 'a whole number of at least 1');
  const seed = whole(map, 'seed', 'a whole number of at least 0');
  if (seed !== undefined && seed > 0xffffffff) problems.push({ line: lineOf(field(map, 'seed')), message: '"seed" must be below 2^32' });

  const failures: RiskFailure[] = [];
  const readFailure = (node: YamlNode, event: boolean) => {
    const line = lineOf(node);
    if (!isMap(node)) { problems.push({ line, message: `expected a mapping with ${event ? 'name, probability, elements' : 'element, probability'} and loss` }); return; }
    const m = node as YAMLMap;
    const allowed = event ? ['name', 'probability', 'elements', 'loss', 'note'] : ['element', 'probability', 'loss', 'note'];
    for (const pair of m.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) problems.push({ line: lineOf(pair.key), message: `unknown field "${key}" (fields: ${allowed.join(', ')})` });
    }
    const p = scalar(m, 'probability');
    let probability = NaN;
    if (p === undefined) problems.push({ line, message: 'missing field "probability"' });
    else if (typeof p !== 'number' || !(p >= 0 && p <= 1)) problems.push({ line: lineOf(field(m, 'probability')), message: `"probability" must be a number from 0 to 1, found ${JSON.stringify(p)}` });
    else probability = p;
    const ids: string[] = [];
    const idLines: number[] = [];
    if (event) {
      const list = field(m, 'elements');
      if (!isSeq(list) || list.items.length === 0) problems.push({ line: list ? lineOf(list) : line, message: '"elements" must be a non-empty list of element ids (kind:name)' });
      else for (const item of list.items) { ids.push(isScalar(item) ? String(item.value) : ''); idLines.push(lineOf(item)); }
    } else {
      const id = str(m, 'element', true, line);
      if (id !== undefined) { ids.push(id); idLines.push(lineOf(field(m, 'element'))); }
    }
    ids.forEach((id, k) => {
      if (!parseElementId(id)) problems.push({ line: idLines[k], message: `element "${id}" must be kind:name with kind route, asset, transit, exporter or node` });
    });
    const loss = readLoss(field(m, 'loss'), line);
    const name = event ? str(m, 'name', true, line) ?? '' : ids[0] ?? '';
    if (loss) failures.push({ elements: ids, probability, loss, name, line, elementLines: idLines });
  };
  const readLoss = (node: YamlNode | undefined, line: number): LossDistribution | undefined => {
    if (node === undefined) return { kind: 'all' };
    const at = lineOf(node);
    if (isScalar(node)) {
      if (node.value === 'all') return { kind: 'all' };
      if (typeof node.value === 'number' && node.value > 0 && node.value <= 1) return { kind: 'fraction', value: node.value };
      problems.push({ line: at, message: `unknown loss ${JSON.stringify(node.value)}: use all, a fraction in (0, 1], {uniform: [a, b]} or {beta: [alpha, beta]}` });
      return undefined;
    }
    if (isMap(node) && (node as YAMLMap).items.length === 1) {
      const pair = (node as YAMLMap).items[0];
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode;
      const nums = isSeq(value) ? value.items.map((i) => (isScalar(i) && typeof i.value === 'number' ? i.value : NaN)) : isScalar(value) && typeof value.value === 'number' ? [value.value] : [];
      if (key === 'fraction' && nums.length === 1 && nums[0] > 0 && nums[0] <= 1) return { kind: 'fraction', value: nums[0] };
      if (key === 'uniform' && nums.length === 2 && nums[0] >= 0 && nums[0] < nums[1] && nums[1] <= 1) return { kind: 'uniform', a: nums[0], b: nums[1] };
      if (key === 'beta' && nums.length === 2 && nums[0] > 0 && nums[1] > 0) return { kind: 'beta', alpha: nums[0], beta: nums[1] };
      const what: Record<string, string> = { fraction: 'a number in (0, 1]', uniform: 'two numbers 0 ≤ a < b ≤ 1', beta: 'two positive numbers alpha, beta' };
      problems.push({ line: at, message: key in what ? `loss ${key} takes ${what[key]}` : `unknown distribution "${key}": use all, fraction, uniform or beta` });
      return undefined;
    }
    problems.push({ line: at ?? line, message: 'loss must be all, a fraction, {uniform: [a, b]} or {beta: [alpha, beta]}' });
    return undefined;
  };
  const elements = field(map, 'elements');
  const events = field(map, 'events');
  if (elements !== undefined && !isSeq(elements)) problems.push({ line: lineOf(elements), message: '"elements" must be a list' });
  if (events !== undefined && !isSeq(events)) problems.push({ line: lineOf(events), message: '"events" must be a list' });
  if (isSeq(elements)) for (const item of elements.items) readFailure(item as YamlNode, false);
  if (isSeq(events)) for (const item of events.items) readFailure(item as YamlNode, true);
  if (failures.length === 0 && !problems.length) problems.push({ line: lineOf(root), message: 'the spec gives no elements or events' });
  problems.sort((a, b) => a.line - b.line);
  if (commodity === undefined || year === undefined) return { spec: null, problems };
  return {
    spec: {
      file, name: str(map, 'name', false, 1) ?? file, description: str(map, 'description', false, 1) ?? '', dataset: str(map, 'dataset', false, 1),
      commodity, year, ...(draws !== undefined ? { draws } : {}), ...(seed !== undefined ? { seed } : {}), failures,
    },
    problems,
  };
}

/** Problems of a spec against the elements of a network: unknown elements, a partial loss of a transit state. */
export function checkRiskSpec(spec: RiskSpec, known: ReadonlySet<string>, problems: ScenarioProblem[] = []): void {
  for (const f of spec.failures) {
    f.elements.forEach((id, k) => {
      const parsed = parseElementId(id);
      if (!parsed) return; // reported when parsed
      if (!known.has(id)) problems.push({ line: f.elementLines[k], message: `unknown element "${id}" for ${spec.commodity} ${spec.year}` });
      else if (parsed.kind === 'transit' && f.loss.kind !== 'all') problems.push({ line: f.elementLines[k], message: `a transit state is lost in full: ${id} takes loss "all"` });
      else if (parsed.kind === 'chokepoint' && f.loss.kind !== 'all') problems.push({ line: f.elementLines[k], message: `a chokepoint is closed in full: ${id} takes loss "all"` });
    });
  }
  if (problems.length) throw scenarioError(spec.file, problems.sort((a, b) => a.line - b.line));
}
