// Opening a scenario file with the dataset it names (kept apart from dataset.ts so that commands that do not
// run scenarios do not load the scenario layer).
import { dirname, resolve } from 'node:path';
import { readRegularFile } from '../data/files.ts';
import { CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { checkScenario, readScenario, scenarioError, type Scenario } from '../scenario/index.ts';
import { openDataset } from './dataset.ts';

/** Scenario files larger than this are refused: the largest real one is a few kilobytes. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Reads a scenario file: only a regular file, and no more than the limit (data/files.ts reads dataset tables so too). */
export function readScenarioFile(file: string): string {
  const read = readRegularFile(file, MAX_SCENARIO_BYTES);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.missing) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `scenario file not found: ${file}`);
  if (read.expected.startsWith('a file of at most')) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB: not a scenario file`);
  if (read.expected === 'a regular file') throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is not a regular file (found ${read.found}); give a scenario file (YAML)`);
  throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `cannot read scenario file ${file}: expected ${read.expected}, found ${read.found}`);
}

/** Reads and parses a scenario file, and loads the dataset it names (or `datasetOption`). */
export function openScenario(file: string, datasetOption?: string): { scenario: Scenario; model: Model } {
  const text = readScenarioFile(file);
  const { scenario, problems } = readScenario(text, file);
  if (!scenario) throw scenarioError(file, problems);
  const model = openDataset({ dataset: datasetOption ?? (scenario.dataset ? resolve(dirname(file), scenario.dataset) : undefined) });
  // Every problem at once: those of the file's structure and those against the dataset.
  checkScenario(model, scenario, problems);
  return { scenario, model };
}
