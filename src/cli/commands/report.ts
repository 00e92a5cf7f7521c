// `corridor report`: the baseline report (filled in with the metrics layer).
import type { Command } from 'commander';
import type { RunContext } from '../main.ts';

export function registerReport(program: Command, context: RunContext): void {
  program.command('report').description('baseline report').action(() => { context.io.out('report: pending'); });
}
