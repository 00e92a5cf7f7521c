// `corridor report`: the baseline report of a dataset, built on the metrics layer.
import type { Command } from 'commander';
import { baselineReport } from '../../metrics/index.ts';
import { printOutput, withDataset, withOutput, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { REPORT_TABLES, formatBaselineReport, reportTables } from '../views/report.ts';

export function register(program: Command, context: RunContext): void {
  withDataset(withOutput(program.command('report'), REPORT_TABLES))
    .description('baseline report: suppliers of the EU and France, Kazakhstan\'s export routes, route utilisation, EU criticality')
    .action((options: OutputOptions & { dataset?: string }) => {
      const report = baselineReport(openDataset(options));
      printOutput(context, options, { json: () => report, text: () => formatBaselineReport(report), tables: () => reportTables(report) });
    });
}
