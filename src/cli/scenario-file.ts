// Opening a scenario file with the dataset it names (kept apart from dataset.ts so that commands that do not
// run scenarios do not load the scenario layer).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { checkScenario, readScenario, scenarioError, type Scenario } from '../scenario/index.ts';
import { openDataset } from './dataset.ts';

/** Scenario files larger than this are refused: the largest real one is a few kilobytes. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * Reads a scenario file: only a regular file (a FIFO or a device is refused, not waited on), and no more than the
 * limit, counted while reading rather than trusted from the file's reported size.
 */
export function readScenarioFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', code === 'ENOENT' ? `scenario file not found: ${file}` : `cannot read scenario file ${file} (${code})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is not a regular file; give a scenario file (YAML)`);
    const buffer = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let size = 0;
    for (let n = 1; n > 0 && size <= MAX_SCENARIO_BYTES; size += n) n = readSync(fd, buffer, size, buffer.length - size, null);
    if (size > MAX_SCENARIO_BYTES) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file} is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB: not a scenario file`);
    return buffer.subarray(0, size).toString('utf8');
  } finally {
    closeSync(fd);
  }
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
