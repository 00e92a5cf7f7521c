// `corridor validate [DIR]`: checks a dataset and prints every problem as file:row:column.
import type { Command } from 'commander';
import { DEFAULT_DATASET_DIR, readDataset } from '../../data/read.ts';
import { formatProblem } from '../../data/problems.ts';
import { printJson, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';

export function registerValidate(program: Command, context: RunContext): void {
  withJson(program.command('validate'))
    .description('check a dataset folder: structure, types, units, references, legs, sources')
    .argument('[dir]', 'dataset folder (default: the embedded default dataset)')
    .option('--dataset <dir>', 'dataset folder (same as the argument)')
    .option('--verbose', 'also list warnings (estimated figures, ignored columns)', false)
    .action((dir: string | undefined, options: { dataset?: string; json: boolean; verbose: boolean }) => {
      const folder = dir ?? options.dataset ?? DEFAULT_DATASET_DIR;
      const { model, problems } = readDataset(folder);
      const errors = problems.errors;
      const warnings = problems.warnings;
      if (options.json) {
        printJson(context.io, { dataset: model.info.hash, valid: errors.length === 0, errors, warnings });
      } else {
        for (const p of errors) context.io.out(formatProblem(p));
        if (options.verbose) for (const p of warnings) context.io.out(formatProblem(p));
        const estimated = warnings.filter((w) => w.column === 'estimated').length;
        const tables = Object.entries(model.tables).filter(([, rows]) => rows.length > 0).length;
        const rows = Object.values(model.tables).reduce((n, t) => n + t.length, 0);
        context.io.out(
          `${folder}: ${errors.length === 0 ? 'valid' : 'INVALID'}: ${errors.length} error(s), ${warnings.length} warning(s) ` +
            `(${estimated} estimated figure(s) flagged${options.verbose ? '' : '; --verbose lists them'}); ${tables} tables, ${rows} rows; hash ${model.info.hash}`,
        );
      }
      context.exitCode = errors.length === 0 ? 0 : 1;
    });
}
