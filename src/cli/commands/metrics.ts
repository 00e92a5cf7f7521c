// `corridor metrics`: the importer view (--importer) or the exporter view (--exporter) of dependence.
import type { Command } from 'commander';
import { CorridorError, available } from '../../errors.ts';
import type { Model } from '../../model/model.ts';
import { exporterMetrics, importerMetrics, stageMetrics } from '../../metrics/index.ts';
import { formatStageMetrics, stageMetricsTables } from '../views/chain.ts';
import { printOutput, withDataset, withOutput, yearOption, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { EXPORTER_TABLES, IMPORTER_TABLES, exporterTables, formatExporterMetrics, formatImporterMetrics, importerTables } from '../views/metrics.ts';

interface MetricsOptions extends OutputOptions {
  importer?: string;
  exporter?: string;
  commodity?: string;
  year?: string;
  stage?: string;
  dataset?: string;
}

export function register(program: Command, context: RunContext): void {
  withDataset(withOutput(program.command('metrics'), [...new Set([...IMPORTER_TABLES, ...EXPORTER_TABLES, 'stages', 'holders', 'deliveries'])]))
    .description('dependence metrics: an importer\'s suppliers, HHI, CRMA benchmark, transit exposure; or an exporter\'s destinations and routes')
    .option('--importer <id>', 'importer (country or bloc), e.g. EU27, FRA')
    .option('--exporter <id>', 'exporter, e.g. KAZ')
    .option('--commodity <id>', 'commodity id, e.g. crude_oil')
    .option('--year <year>', 'year (default: the latest year with data)')
    .option('--stage <id>', 'one stage of the commodity\'s value chain (stages.csv): world holders, HHI, the importer\'s deliveries of that stage and the CRMA benchmark')
    .action((options: MetricsOptions) => {
      if (options.importer !== undefined && options.exporter !== undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give --importer <id> or --exporter <id>, not both (the importer view and the exporter view are separate results)');
      }
      const model = openDataset(options);
      const { commodity } = options;
      if (commodity === undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `give --commodity <id>; commodities with flows: ${available(commoditiesWithFlows(model))}`);
      }
      if (options.stage !== undefined) {
        if (options.exporter !== undefined) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', '--stage goes with --importer (or neither), not --exporter: deliveries per stage are counted at the importer');
        const stageYear = yearOption(options.year, `${commodity} stage data`, () => []);
        const result = stageMetrics(model, { commodity, stage: options.stage, importer: options.importer, year: stageYear });
        printOutput(context, options, { json: () => result, text: () => formatStageMetrics(result), tables: () => stageMetricsTables(result) });
        return;
      }
      if (options.importer === undefined && options.exporter === undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `give --importer <id> or --exporter <id>; ${actorsOf(model, commodity)}`);
      }
      const year = yearOption(options.year, `${commodity} flows`, () => model.flowYears(commodity));
      if (options.importer !== undefined) {
        const result = importerMetrics(model, { importer: options.importer, commodity, year });
        printOutput(context, options, { json: () => result, text: () => formatImporterMetrics(result), tables: () => importerTables(result) });
      } else {
        const result = exporterMetrics(model, { exporter: options.exporter!, commodity, year });
        printOutput(context, options, { json: () => result, text: () => formatExporterMetrics(result), tables: () => exporterTables(result) });
      }
    });
}

const commoditiesWithFlows = (model: Model): string[] => [...new Set(model.tables.flow.map((f) => f.commodity))].sort();

/** Who imports and exports a commodity, for a message (or the commodities with flows, when it has none). */
function actorsOf(model: Model, commodity: string): string {
  const flows = model.tables.flow.filter((f) => f.commodity === commodity);
  if (flows.length === 0) return `commodities with flows: ${available(commoditiesWithFlows(model))}`;
  const ids = (role: 'importer' | 'exporter') => available([...new Set(flows.map((f) => f[role]))].sort());
  return `importers of ${commodity}: ${ids('importer')}; exporters of ${commodity}: ${ids('exporter')}`;
}
