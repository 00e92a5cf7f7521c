// `corridor scenario run FILE` and `corridor scenario check FILE`: read a scenario file, load its
// dataset, run it through the library (src/scenario) and print the result.
import type { Command } from 'commander';
import { runScenario } from '../../scenario/index.ts';
import { loadSolver } from '../../solve/index.ts';
import { printJson, printOutput, withJson, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openScenario } from '../scenario-file.ts';
import { SCENARIO_TABLES, formatScenarioResult, scenarioTables } from '../views/scenario.ts';

const DATASET_HELP = "dataset folder (default: the scenario's `dataset`, else $CORRIDOR_DATASET, else the embedded default dataset)";

export function register(program: Command, context: RunContext): void {
  const scenario = program.command('scenario').description('run what-if scenarios written as YAML files (docs/scenarios.md)').exitOverride();
  withOutput(scenario.command('run').exitOverride(), SCENARIO_TABLES)
    .description('re-optimise flows under a scenario and report importers, routes, actors and metrics before and after')
    .argument('<file>', 'scenario file (YAML)')
    .option('--dataset <dir>', DATASET_HELP)
    .option('--no-metrics', 'leave out the dependence metrics')
    .action(async (file: string, options: OutputOptions & { dataset?: string; metrics: boolean }) => {
      // The solver's WebAssembly compiles in the background while the dataset and the file are read.
      loadSolver().catch(() => undefined);
      const { scenario: s, model } = openScenario(file, options.dataset);
      const result = await runScenario(model, s, { metrics: options.metrics });
      printOutput(context, options, { json: () => result, text: () => formatScenarioResult(result), tables: () => scenarioTables(result) });
    });
  withJson(scenario.command('check').exitOverride())
    .description('check a scenario file against its dataset without solving')
    .argument('<file>', 'scenario file (YAML)')
    .option('--dataset <dir>', DATASET_HELP)
    .action((file: string, options: { dataset?: string; json: boolean }) => {
      // openScenario has checked the file against its dataset.
      const { scenario: s, model } = openScenario(file, options.dataset);
      if (options.json) printJson(context.io, { valid: true, scenario: s.name, changes: s.changes.length, dataset: model.info.hash });
      else context.io.out(`${file}: valid (${s.changes.length} change(s); dataset ${model.info.hash})`);
    });
}
