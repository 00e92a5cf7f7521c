// `corridor validate [DIR]`: checks a dataset and prints every problem as file:row:column.
import type { Command } from 'commander';
import { readDataset } from '../../data/read.ts';
import { formatProblem } from '../../data/problems.ts';
import { datasetDir, printOutput, withOutput, type OutputOptions, type RunContext } from '../common.ts';

export function register(program: Command, context: RunContext): void {
  withOutput(program.command('validate'), ['problems'])
    .description('check a dataset folder: structure, types, units, references, legs, sources')
    .argument('[dir]', 'dataset folder (default: $CORRIDOR_DATASET, else the embedded default dataset)')
    .option('--dataset <dir>', 'dataset folder (same as the argument)')
    .option('--verbose', 'also list the other warnings (estimated figures, ignored columns)', false)
    .option('--strict', 'treat implausible figures (flows over capacity, exports over production, imports over demand) as errors', false)
    .action((dir: string | undefined, options: OutputOptions & { dataset?: string; verbose: boolean; strict: boolean }) => {
      const folder = dir ?? datasetDir(options);
      const { model, problems } = readDataset(folder, { strict: options.strict });
      const errors = problems.errors;
      const warnings = problems.warnings;
      // Implausible figures are always listed; other warnings (mostly estimated figures) with --verbose.
      const shown = [...errors, ...warnings.filter((w) => options.verbose || w.check === 'plausibility')];
      const implausible = warnings.filter((w) => w.check === 'plausibility').length;
      const summary = () => {
        const estimated = warnings.filter((w) => w.column === 'estimated').length;
        const tables = Object.entries(model.tables).filter(([, rows]) => rows.length > 0).length;
        const rows = Object.values(model.tables).reduce((n, t) => n + t.length, 0);
        return `${folder}: ${errors.length === 0 ? 'valid' : 'INVALID'}: ${errors.length} error(s), ${warnings.length} warning(s) ` +
          `(${estimated} estimated figure(s) flagged${options.verbose ? '' : '; --verbose lists them'}${implausible ? `; ${implausible} implausible figure(s), errors with --strict` : ''}); ${tables} tables, ${rows} rows; hash ${model.info.hash}`;
      };
      printOutput(context, options, {
        json: () => ({ dataset: model.info.hash, valid: errors.length === 0, errors, warnings }),
        text: () => [...shown.map(formatProblem), summary()],
        tables: () => [{
          name: 'problems',
          columns: ['severity', 'file', 'row', 'column', 'message'],
          rows: shown.map((p) => [p.severity, p.file, p.row, p.column, p.message]),
        }],
      });
      context.exitCode = errors.length === 0 ? 0 : 1;
    });
}
