// What every command shares: the --dataset option, JSON output and turning errors into messages.
import { Command, Option } from 'commander';
import { DEFAULT_DATASET_DIR, loadDataset } from '../data/read.ts';
import type { Model } from '../model/model.ts';
import { CorridorError } from '../errors.ts';

/** Output streams, replaceable in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Adds `--dataset DIR` (default: the embedded default dataset). */
export function withDataset(command: Command): Command {
  return command.addOption(new Option('--dataset <dir>', 'dataset folder (a data package)').default(DEFAULT_DATASET_DIR, 'the embedded default dataset'));
}

/** Adds `--json`. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print the result as JSON', false);
}

/** The dataset folder a command works on: --dataset, else the embedded default dataset. */
export function datasetDir(options: { dataset?: string }): string {
  return options.dataset ?? DEFAULT_DATASET_DIR;
}

export function openDataset(options: { dataset?: string }): Model {
  return loadDataset(datasetDir(options));
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Parses an integer option or fails with a message naming the option. */
export function parseIntegerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${name} expects a whole number, found "${value}"`);
  return Number(value);
}

/** Prints a user-facing error (no stack trace) and returns the exit code. */
export function reportError(io: Io, error: unknown, json: boolean): number {
  if (error instanceof CorridorError) {
    io.err(`corridor: ${error.message}`);
    for (const line of error.details) io.err(`  ${line}`);
    if (json) printJson(io, { error: { code: error.code, message: error.message, details: error.details } });
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`corridor: internal error: ${message}`);
  if (process.env.CORRIDOR_DEBUG && error instanceof Error) io.err(error.stack ?? '');
  return 70;
}
