// Reads a scenario from YAML text and checks it on its own (fields, types, values); check.ts then checks
// it against a dataset (ids, units, years). Every problem is reported as `file:line: message`.
// Pure: the caller reads the file.
import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Node as YamlNode, type YAMLError, type YAMLMap } from 'yaml';
import { SCENARIO_FIELDS } from './schema.ts';
import { describeValue, StructureReader } from './structure-reader.ts';
import { scenarioError, type Scenario, type ScenarioProblem } from './scenario-types.ts';

export { scenarioError } from './scenario-types.ts';
export type { Scenario, ScenarioChange, ScenarioLeg, ScenarioProblem } from './scenario-types.ts';
export { checkScenario } from './check.ts';

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
  if (isBinary(text)) throw new PartialScenario(null, [{ line: 1, message: 'expected a YAML text file, found binary data (a NUL byte or bytes that are not UTF-8 text)' }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlProblems = yamlErrors(doc.errors, text, lineCounter);
  if (yamlProblems.length) throw new PartialScenario(null, yamlProblems);
  const shared = sharedValues(doc, lineCounter);
  if (shared.length) throw new PartialScenario(null, shared);
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

/** Text read from a binary file: a NUL byte, or the replacement character that undecodable bytes become. */
const isBinary = (text: string): boolean => /[\u0000\uFFFD]/.test(text);

/**
 * Anchors, aliases and merge keys (&a, *a, <<) are refused: each figure of a scenario is written where it applies,
 * so that every problem can name the line that sets it.
 */
function sharedValues(doc: Document, lineCounter: LineCounter): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const line = (node: { range?: [number, number, number] | null }) => (node.range ? lineCounter.linePos(node.range[0]).line : 1);
  visit(doc, {
    Alias: (_key, node) => { problems.push({ line: line(node), message: `the alias *${node.source} is not read in scenario files: write the value out where it applies (anchors and aliases are not supported)` }); },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === '<<') problems.push({ line: line(pair.key), message: 'the merge key << is not read in scenario files: write the fields out in each change' });
    },
  });
  return problems.sort((a, b) => a.line - b.line);
}

/** A message quotes at most this much of YAML's own text. */
const LONGEST_MESSAGE = 200;

/** YAML syntax errors come first: nothing else can be read reliably until they are fixed. */
function yamlErrors(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): ScenarioProblem[] {
  return errors.map((error) => {
    const at = error.pos?.[0];
    // An error found at the end of the text (an unclosed bracket) is reported on the last line that has text.
    const line = at === undefined ? 1 : lineCounter.linePos(Math.max(0, Math.min(at, text.trimEnd().length - 1))).line;
    const key = error.code === 'DUPLICATE_KEY' && at !== undefined ? /^[^:\n]*/.exec(text.slice(at))![0].trim() : '';
    const first = error.message.split('\n')[0];
    const message = first.length > LONGEST_MESSAGE ? `${first.slice(0, LONGEST_MESSAGE)}…` : first;
    return { line, message: `not valid YAML: ${message}${key ? ` (key "${key.slice(0, 60)}" appears twice)` : ''}` };
  });
}
