// `corridor worker --queue postgres://…`: serve Monte Carlo batches from the job queue until SIGTERM or Ctrl-C
// (the batch in hand is finished and written first; exit 0). Start as many as you like, on any machine that
// reaches the database. See docs/methods/risk.md "Beyond one machine".
import type { Command } from 'commander';
import { CorridorError } from '../../errors.ts';
import { parseQueueUrl, runWorker } from '../../queue/index.ts';
import type { RunContext } from '../common.ts';

export const QUEUE_HELP = 'job queue: a PostgreSQL URL, postgres://user:password@host:5432/database (?schema=NAME picks the schema; default corridor_queue)';

interface WorkerCliOptions { queue?: string; quiet?: boolean }

export function register(program: Command, context: RunContext): void {
  program.command('worker').exitOverride()
    .description('solve Monte Carlo batches from a job queue on PostgreSQL, sent by `corridor risk montecarlo SPEC --queue URL`; stops after its batch on SIGTERM or Ctrl-C')
    .option('--queue <url>', QUEUE_HELP)
    .option('--quiet', 'no line per batch on stderr')
    .addHelpText('after', '\nStart as many workers as you like, on any machine that reaches the database. A worker that is killed loses\nnothing: its batch is given to another worker when its time runs out (`--batch-timeout` of the run).\nExample:\n  corridor worker --queue postgres://corridor:secret@db.example:5432/corridor')
    .action(async (options: WorkerCliOptions) => {
      if (options.queue === undefined) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'give --queue postgres://user:password@host:5432/database');
      const target = parseQueueUrl(options.queue);
      let stopping = false;
      const onSignal = () => { stopping = true; };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        const log = options.quiet ? undefined : (line: string) => context.io.err(`corridor worker: ${line}`);
        log?.(`waiting for batches on ${target.shown}`);
        const done = await runWorker({ url: options.queue, stop: () => stopping, log });
        log?.(`stopped after ${done} batch${done === 1 ? '' : 'es'}`);
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
}
