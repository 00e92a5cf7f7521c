// The `corridor` command: a thin face over the library. Each command lives in ./commands/ and is loaded only when
// it is the one asked for, so that `corridor --help` or `corridor metrics` never load the solver or the news reader.
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../paths.ts';
import { printerOf, processIo, reportError, type Io, type RunContext } from './common.ts';

/** A command module registers its command (options, arguments, action) on the program. */
export interface CommandModule {
  register: (program: Command, context: RunContext) => void;
}

interface CommandEntry {
  name: string;
  /** Shown by `corridor --help` without loading the command. */
  summary: string;
  load: () => Promise<CommandModule>;
}

/** Every command, in the order `corridor --help` lists them. */
export const COMMANDS: CommandEntry[] = [
  { name: 'validate', summary: 'check a dataset folder: structure, types, units, references, legs, sources', load: () => import('./commands/validate.ts') },
  { name: 'report', summary: 'baseline report: suppliers of the EU and France, Kazakhstan\'s export routes, route utilisation, EU criticality', load: () => import('./commands/report.ts') },
  { name: 'docs', summary: 'write the generated reference pages (docs/dataset.md, docs/errors.md)', load: () => import('./commands/docs.ts') },
  { name: 'package', summary: 'write datapackage.json for the Corridor CSV tables present in a folder', load: () => import('./commands/package.ts') },
  { name: 'metrics', summary: 'dependence metrics: an importer\'s suppliers, HHI, CRMA benchmark, transit exposure; or an exporter\'s destinations and routes', load: () => import('./commands/metrics.ts') },
  { name: 'chain', summary: 'value chain of a commodity stage by stage: who holds each stage, HHI, an importer\'s deliveries per stage and the CRMA benchmark', load: () => import('./commands/chain.ts') },
  { name: 'crm', summary: 'EU criticality assessment: supply risk per stage, bottleneck, economic importance and verdict', load: () => import('./commands/crm.ts') },
  { name: 'scenario', summary: 'run what-if scenarios written as YAML files (docs/scenarios.md)', load: () => import('./commands/scenario.ts') },
  { name: 'backtest', summary: 'backtest: from a year\'s observed flows and what happened next, the model\'s supplier shares against those observed the following year', load: () => import('./commands/backtest.ts') },
  { name: 'compare', summary: 'run several scenarios and compare them side by side with the baseline', load: () => import('./commands/compare.ts') },
  { name: 'risk', summary: 'supply risk: N-1 losses of every route, asset, transit state and exporter, and Monte Carlo over failure probabilities', load: () => import('./commands/risk.ts') },
  { name: 'worker', summary: 'solve Monte Carlo batches from a job queue on PostgreSQL (`corridor risk montecarlo SPEC --queue URL`)', load: () => import('./commands/worker.ts') },
  { name: 'ingest', summary: 'read English news (an article, a folder, an RSS/Atom feed or JSON lines) and list candidate events; --impact runs them as scenarios', load: () => import('./commands/ingest.ts') },
  { name: 'events', summary: 'review candidate events from `corridor ingest --save`, export them (PLOVER, CSV), run one as a scenario, and list the dataset\'s events by date', load: () => import('./commands/events.ts') },
  { name: 'init', summary: 'copy the default dataset into a new or empty folder, to change it there (the packaged one is read-only)', load: () => import('./commands/init.ts') },
  { name: 'db', summary: 'the store of datasets, scenarios and runs (SQLite or PostgreSQL): migrate, status, backup, import, datasets', load: () => import('./commands/db.ts') },
  { name: 'serve', summary: 'serve the web workbench and the HTTP API (datasets, metrics, scenarios, runs, compare, ingest) on 127.0.0.1', load: () => import('./commands/serve.ts') },
  { name: 'token', summary: 'API tokens for writes to the server: create NAME, list, revoke ID', load: () => import('./commands/token.ts') },
  { name: 'completion', summary: 'print a shell completion script: corridor completion bash|zsh|fish', load: () => import('./commands/completion.ts') },
];

function newProgram(context: RunContext): Command {
  return new Command('corridor')
    .description('Security of energy and critical-mineral supply: dependence, routes, scenarios and events')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (s) => context.io.out(s),
      writeErr: (s) => context.io.err(s),
      // One line, like every other error: "corridor: error: unknown option '--yaer' (see --help)".
      outputError: (s, write) => write(`corridor: ${s.trim().replace(/\n+/g, ' ')} (see --help)\n`),
    });
}

/** The command a command line asks for: its first word that is not an option (`help X` asks for X). */
function requestedCommand(args: string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Builds the program with `load` commands fully registered and the others as stubs that only name themselves for
 * the help. `load` is the requested command, or 'all' (the completion scripts need every option).
 */
export async function buildProgram(context: RunContext, load: string | 'all' | undefined): Promise<Command> {
  const program = newProgram(context);
  for (const entry of COMMANDS) {
    if (load === 'all' || entry.name === load) (await entry.load()).register(program, context);
    else program.command(entry.name).description(entry.summary);
  }
  return program;
}

/** Runs the CLI with the given argv (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const context: RunContext = { io: printerOf(io), exitCode: 0 };
  const args = argv.slice(2);
  try {
    const requested = requestedCommand(args);
    const program = await buildProgram(context, requested === 'completion' ? 'all' : requested);
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; anything else commander rejects is a bad argument.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    return reportError(context.io, error, args.includes('--json'));
  }
}
