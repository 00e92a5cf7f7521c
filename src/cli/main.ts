// The `corridor` command: a thin face over the library. Each command lives in ./commands/.
import { Command, CommanderError } from 'commander';
import { processIo, reportError, type Io } from './common.ts';
import { registerValidate } from './commands/validate.ts';
import { registerReport } from './commands/report.ts';
import { registerDocs } from './commands/docs.ts';
import { registerPackage } from './commands/package.ts';
import { registerMetrics } from './commands/metrics.ts';
import { registerCrm } from './commands/crm.ts';
import { registerScenario } from './commands/scenario.ts';
import { registerCompare } from './commands/compare.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerEvents } from './commands/events.ts';

/** Shared state of one run: the exit code that commands set. */
export interface RunContext {
  io: Io;
  exitCode: number;
}

export function buildProgram(context: RunContext): Command {
  const program = new Command('corridor')
    .description('Security of energy and critical-mineral supply: dependence, routes, scenarios and events')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => context.io.out(s),
      writeErr: (s) => context.io.err(s),
      // One line, like every other error: "corridor: error: unknown option '--yaer' (see --help)".
      outputError: (s, write) => write(`corridor: ${s.trim().replace(/\n+/g, ' ')} (see --help)\n`),
    });
  registerValidate(program, context);
  registerReport(program, context);
  registerDocs(program, context);
  registerPackage(program, context);
  registerMetrics(program, context);
  registerCrm(program, context);
  registerScenario(program, context);
  registerCompare(program, context);
  registerIngest(program, context);
  registerEvents(program, context);
  return program;
}

/** Runs the CLI with the given argv (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const context: RunContext = { io, exitCode: 0 };
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; anything else commander rejects is a bad argument.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    return reportError(io, error, argv.includes('--json'));
  }
}
