// `corridor compare A.yaml B.yaml …`: runs each scenario and prints one table with the baseline and
// every scenario side by side, then the changes each scenario makes to its inputs.
import type { Command } from 'commander';
import { compareScenarios, runScenario, type ScenarioResult } from '../../scenario/index.ts';
import { loadSolver } from '../../solve/index.ts';
import { printOutput, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { comparisonTables, formatComparison } from '../views/compare.ts';
import { openScenario } from '../scenario-file.ts';

export function register(program: Command, context: RunContext): void {
  withOutput(program.command('compare'), ['comparison'])
    .description('run several scenarios and compare them side by side with the baseline')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--dataset <dir>', "dataset folder for every scenario (default: each scenario's `dataset`, else $CORRIDOR_DATASET, else the embedded default dataset)")
    .action(async (files: string[], options: OutputOptions & { dataset?: string }) => {
      loadSolver().catch(() => undefined); // compiles in the background while the files are read
      const results: ScenarioResult[] = [];
      for (const file of files) {
        const { scenario, model } = openScenario(file, options.dataset);
        results.push(await runScenario(model, scenario));
      }
      const comparison = compareScenarios(results);
      printOutput(context, options, { json: () => comparison, text: () => formatComparison(comparison), tables: () => comparisonTables(comparison) });
    });
}
