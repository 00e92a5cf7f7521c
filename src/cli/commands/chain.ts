// `corridor chain`: a commodity's value chain stage by stage, who holds each stage, and an importer's deliveries per stage.
import type { Command } from 'commander';
import { CorridorError, available } from '../../errors.ts';
import { valueChain } from '../../metrics/index.ts';
import { printOutput, withDataset, withOutput, yearOption, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { formatValueChain, valueChainTables } from '../views/chain.ts';

export function register(program: Command, context: RunContext): void {
  withDataset(withOutput(program.command('chain'), ['stages', 'holders', 'deliveries']))
    .description('value chain of a commodity stage by stage (mining, conversion, enrichment …): who holds each stage, HHI, and an importer\'s deliveries per stage with the CRMA 65% benchmark')
    .option('--commodity <id>', 'commodity with a value chain, e.g. uranium')
    .option('--importer <id>', 'importer whose deliveries per stage are shown, e.g. EU27')
    .option('--year <year>', 'each stage uses its latest year with data up to this one (default: the latest)')
    .action((options: OutputOptions & { commodity?: string; importer?: string; year?: string; dataset?: string }) => {
      const model = openDataset(options);
      if (options.commodity === undefined) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `give --commodity <id>; commodities with a value chain: ${available([...new Set(model.tables.stage.map((s) => s.commodity))].sort())}`);
      }
      const year = yearOption(options.year, 'value-chain data', () => [...new Set([...model.tables.stageSupply, ...model.tables.stageFlow].map((r) => r.year))].sort((a, b) => a - b));
      const result = valueChain(model, { commodity: options.commodity, importer: options.importer, year });
      printOutput(context, options, { json: () => result, text: () => formatValueChain(result), tables: () => valueChainTables(result) });
    });
}
