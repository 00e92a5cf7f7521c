// `corridor backtest [FILE]`: from a year's observed flows, apply what happened next (a scenario with
// `observed_year`), solve, and compare an importer's supplier shares with those observed in that year.
// Without FILE, the bundled EU crude backtest (examples/backtests/eu-crude-2023.yaml).
import { join } from 'node:path';
import type { Command } from 'commander';
import { PACKAGE_ROOT } from '../../paths.ts';
import { runBacktest } from '../../scenario/index.ts';
import { loadSolver } from '../../solve/index.ts';
import { printOutput, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openScenario } from '../scenario-file.ts';
import { backtestTables, formatBacktest } from '../views/backtest.ts';

/** The bundled backtest: EU crude imports, 2022 flows with the embargo and the CPC's recovery, against 2023. */
export const DEFAULT_BACKTEST = join(PACKAGE_ROOT, 'examples', 'backtests', 'eu-crude-2023.yaml');

export function register(program: Command, context: RunContext): void {
  withOutput(program.command('backtest'), ['suppliers'])
    .description("compare the model's supplier shares after what happened next with the shares observed in the following year")
    .argument('[file]', 'scenario file with `observed_year` (default: the EU crude 2022 → 2023 backtest, examples/backtests/eu-crude-2023.yaml)')
    .option('--importer <id>', 'importer whose supplier shares are compared', 'EU27')
    .option('--dataset <dir>', "dataset folder (default: the scenario's `dataset`, else $CORRIDOR_DATASET, else the embedded default dataset)")
    .action(async (file: string | undefined, options: OutputOptions & { importer: string; dataset?: string }) => {
      loadSolver().catch(() => undefined); // compiles in the background while the files are read
      const { scenario, model } = openScenario(file ?? DEFAULT_BACKTEST, options.dataset);
      const result = await runBacktest(model, scenario, options.importer);
      printOutput(context, options, { json: () => result, text: () => formatBacktest(result), tables: () => backtestTables(result) });
    });
}
