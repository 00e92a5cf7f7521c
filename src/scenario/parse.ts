// Reads a scenario from YAML text and checks it on its own (fields, types, values); check.ts then checks
// it against a dataset (ids, units, years). Every problem is reported as `file:line: message`.
// Pure: the caller reads the file.
import { isMap, type Node as YamlNode, type YAMLMap } from 'yaml';
import { readYamlDocument } from './yaml-document.ts';
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
  const { doc, lineCounter, problems: yamlProblems } = readYamlDocument(text);
  if (!doc) throw new PartialScenario(null, yamlProblems);
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
