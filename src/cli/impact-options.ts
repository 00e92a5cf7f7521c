// The options `corridor ingest --impact` and `corridor events impact` share: --assume (repeatable) and --rules, and
// running the impact of events against a dataset (kept apart so that commands that do not use it do not load it).
import type { Command } from 'commander';
import { parse } from 'yaml';
import { readRegularFile } from '../data/files.ts';
import { CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { defaultRules, parseAssumptions, readRules, runImpacts, type ImpactEvent, type ImpactReport, type ImpactRule } from '../impact/index.ts';
import { loadSolver } from '../solve/highs.ts';

/** Rules files larger than this are refused: the shipped one is a few kilobytes. */
const MAX_RULES_BYTES = 1024 * 1024;

export interface ImpactCliOptions {
  assume: string[];
  rules?: string;
  metrics?: boolean;
}

export function withImpactOptions(command: Command): Command {
  return command
    .option('--assume <key=value>', 'answer a question the impact asks, or override what was read: route=ID, months=N, volume="7 Mt/yr" … (EVENT:key=value for one event; repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--rules <file>', 'mapping rules from events to scenario changes (YAML or JSON; default: the shipped rules, see docs/methods/impact.md)');
}

/** Reads a user's rules file: a regular file of YAML or JSON, checked rule by rule. */
export function readRulesFile(file: string): ImpactRule[] {
  const read = readRegularFile(file, MAX_RULES_BYTES);
  if (!read.ok) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', read.missing ? `rules file not found: ${file}` : `cannot read rules file ${file}: expected ${read.expected}, found ${read.found}`);
  let value: unknown;
  try {
    value = parse(read.bytes.toString('utf8'));
  } catch (e) {
    const at = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${file}${at ? `:${at}` : ''}: not YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  return readRules(value, file);
}

/** Maps and runs the impact of the events, with the user's answers and rules. */
export async function impactOf(model: Model, events: readonly ImpactEvent[], options: ImpactCliOptions): Promise<ImpactReport> {
  const answers = parseAssumptions(options.assume);
  const rules = options.rules ? readRulesFile(options.rules) : defaultRules();
  const highs = await loadSolver();
  return runImpacts(highs, model, events, { answers, rules, metrics: options.metrics });
}
