// Opening a scenario file with the dataset it names (kept apart from dataset.ts so that commands that do not
// run scenarios do not load the scenario layer).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { checkScenario, readScenario, scenarioError, type Scenario } from '../scenario/index.ts';
import { openDataset } from './dataset.ts';

/** Reads and parses a scenario file, and loads the dataset it names (or `datasetOption`). */
export function openScenario(file: string, datasetOption?: string): { scenario: Scenario; model: Model } {
  if (!existsSync(file)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `scenario file not found: ${file}`);
  const text = readFileSync(file, 'utf8');
  const { scenario, problems } = readScenario(text, file);
  if (!scenario) throw scenarioError(file, problems);
  const model = openDataset({ dataset: datasetOption ?? (scenario.dataset ? resolve(dirname(file), scenario.dataset) : undefined) });
  // Every problem at once: those of the file's structure and those against the dataset.
  checkScenario(model, scenario, problems);
  return { scenario, model };
}
