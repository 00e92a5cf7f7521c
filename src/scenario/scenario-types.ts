// A scenario as read from YAML, its changes and legs, and the problems found in it: the shapes that
// parsing, checking against a dataset and applying share.
import { CorridorError } from '../errors.ts';

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

/** What a scenario file and a risk spec both start with: their name and the commodity and year they are about. */
export interface InputFileHeader {
  /** File name used in messages ('' when built in code). */
  file: string;
  name: string;
  description: string;
  /** Dataset folder, relative to the file. */
  dataset?: string;
  commodity: string;
  year: number;
}

export interface Scenario extends InputFileHeader {
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
