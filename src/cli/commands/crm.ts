// `corridor crm`: the EU criticality assessment (supply risk per stage, bottleneck, EI, verdict).
import type { Command } from 'commander';
import { crmAssessment } from '../../metrics/index.ts';
import { printOutput, withDataset, withOutput, yearOption, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { crmTables, formatCrmAssessment } from '../views/crm.ts';

export function register(program: Command, context: RunContext): void {
  withDataset(withOutput(program.command('crm'), ['materials']))
    .description('EU criticality assessment: supply risk per stage, bottleneck, economic importance and verdict')
    .option('--material <id>', 'one material (default: every material with inputs)')
    .option('--year <year>', "year of the inputs (default: each material's latest)")
    .action((options: OutputOptions & { material?: string; year?: string; dataset?: string }) => {
      const model = openDataset(options);
      const year = yearOption(options.year, 'EU criticality inputs', () => [...new Set(model.tables.crmMaterial.map((r) => r.year))].sort((a, b) => a - b));
      const result = crmAssessment(model, { material: options.material, year });
      printOutput(context, options, { json: () => result, text: () => formatCrmAssessment(result), tables: () => crmTables(result) });
    });
}
