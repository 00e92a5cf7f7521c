// What every command shares: output streams, the --dataset, --json and --csv options, and turning errors into
// messages. Kept light: the top-level help and the argument parser load this file, not the library.
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { CorridorError, INTERNAL_ERROR_EXIT_CODE, available } from '../errors.ts';
import { DEFAULT_DATASET_DIR } from '../paths.ts';
import { colourWanted, paint, sanitize, toCsv, type DataTable, type Style } from './format.ts';

/** Output streams, replaceable in tests. `colour` says whether each stream may be coloured. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  colour?: { out: boolean; err: boolean };
}

/** What commands print through: every text is sanitised, and coloured only where the stream allows it. */
export interface Printer {
  out: (text: string, style?: Style) => void;
  err: (text: string, style?: Style) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  colour: { out: colourWanted(process.stdout.isTTY), err: colourWanted(process.stderr.isTTY) },
};

export function printerOf(io: Io): Printer {
  return {
    out: (text, style) => io.out(paint(sanitize(text), style, io.colour?.out ?? false)),
    err: (text, style) => io.err(paint(sanitize(text), style, io.colour?.err ?? false)),
  };
}

/** Shared state of one run: where to print and the exit code that commands set. */
export interface RunContext {
  io: Printer;
  exitCode: number;
}


/** The dataset used when a command is given none: $CORRIDOR_DATASET, else the embedded default dataset. */
export function defaultDatasetDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CORRIDOR_DATASET ? resolve(env.CORRIDOR_DATASET) : DEFAULT_DATASET_DIR;
}

/** Adds `--dataset DIR` (default: $CORRIDOR_DATASET, else the embedded default dataset). */
export function withDataset(command: Command): Command {
  return command.option('--dataset <dir>', 'dataset folder (a data package) (default: $CORRIDOR_DATASET, else the embedded default dataset)');
}

/** The dataset folder a command works on: --dataset, else the default (see defaultDatasetDir). */
export function datasetDir(options: { dataset?: string }): string {
  return options.dataset ?? defaultDatasetDir();
}

/** Adds `--json`. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print the result as JSON', false);
}

/** Adds `--json`, `--csv` and `--table NAME` (which table --csv prints; `tables` names them, the first is the default). */
export function withOutput(command: Command, tables: string[]): Command {
  return withJson(command)
    .addOption(new Option('--csv', `print a table of the result as CSV, for a spreadsheet (${tables.length > 1 ? `--table picks which; default ${tables[0]}` : tables[0]})`).default(false).conflicts('json'))
    .addOption(new Option('--table <name>', 'which table --csv prints').choices(tables));
}

export interface OutputOptions {
  json?: boolean;
  csv?: boolean;
  table?: string;
}

/** The forms of one result: its JSON value, its text lines, its tables (built only for the form asked for). */
export interface Output {
  json: () => unknown;
  text: () => string[];
  tables?: () => DataTable[];
}

/** Prints a result as JSON, CSV or text, whichever the options ask for. */
export function printOutput(context: RunContext, options: OutputOptions, output: Output): void {
  if (options.table !== undefined && !options.csv) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', '--table goes with --csv');
  if (options.json) printJson(context.io, output.json());
  else if (options.csv) context.io.out(csvOf(output, options.table));
  else context.io.out(output.text().join('\n'));
}

function csvOf(output: Output, name: string | undefined): string {
  const tables = output.tables?.() ?? [];
  const table = name === undefined ? tables[0] : tables.find((t) => t.name === name);
  if (!table) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `no table "${name ?? ''}" in this result (tables: ${available(tables.map((t) => t.name))})`);
  return toCsv(table);
}

export function printJson(io: Printer, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Parses an integer option or fails with a message naming the option. */
export function parseIntegerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${name} expects a whole number, found "${value}"`);
  return Number(value);
}

/** Parses --year; a bad value is an error that also lists the years with `what` (e.g. "crude_oil flows"). */
export function yearOption(value: string | undefined, what: string, years: () => Iterable<number>): number | undefined {
  try {
    return parseIntegerOption('--year', value);
  } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    throw new CorridorError(error.code, `${error.message}; years with ${what}: ${available(years())}`);
  }
}

/** Prints a user-facing error (no stack trace) and returns the exit code. */
export function reportError(io: Printer, error: unknown, json: boolean): number {
  if (error instanceof CorridorError) {
    io.err(`corridor: ${error.message}`, 'error');
    for (const line of error.details) io.err(`  ${line}`);
    if (json) printJson(io, { error: { code: error.code, message: error.message, details: error.details } });
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`corridor: internal error: ${message} (this is a fault in Corridor; CORRIDOR_DEBUG=1 prints where it happened)`, 'error');
  if (process.env.CORRIDOR_DEBUG && error instanceof Error) io.err(error.stack ?? '');
  return INTERNAL_ERROR_EXIT_CODE;
}
