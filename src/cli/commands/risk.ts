// `corridor risk n1` and `corridor risk montecarlo SPEC`: supply risk on the flow model (src/risk,
// docs/methods/risk.md). The library does the work; this file reads the spec, shows progress and handles Ctrl-C.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { CorridorError, available } from '../../errors.ts';
import { buildNetwork, loadSolver } from '../../solve/index.ts';
import { scenarioError } from '../../scenario/index.ts';
import { checkRiskSpec, networkElements, readRiskSpec, reportedImporters, runMonteCarlo, runN1 } from '../../risk/index.ts';
import { runMonteCarloParallel } from '../../risk/parallel.ts';
import { parseQueueUrl, runMonteCarloQueued } from '../../queue/index.ts';
import { QUEUE_HELP } from './worker.ts';
import { parseIntegerOption, printOutput, withDataset, withOutput, yearOption, type OutputOptions, type RunContext } from '../common.ts';
import { openDataset } from '../dataset.ts';
import { MONTECARLO_TABLES, N1_TABLES, formatMonteCarlo, formatN1, monteCarloTables, n1Tables } from '../views/risk.ts';

interface N1CliOptions extends OutputOptions { commodity?: string; year?: string; importer?: string; dataset?: string }
interface McCliOptions extends OutputOptions { draws?: string; seed?: string; workers?: string; dataset?: string; progress: boolean; queue?: string; batchSize?: string; batchTimeout?: string }

export function register(program: Command, context: RunContext): void {
  const risk = program.command('risk').description('supply risk: N-1 losses of every element, and Monte Carlo over failure probabilities (docs/methods/risk.md)').exitOverride();
  withDataset(withOutput(risk.command('n1').exitOverride(), N1_TABLES))
    .description('lose every route, shared asset, transit state, exporter and chokepoint on its own, re-optimise, and rank by unserved demand and cost')
    .option('--commodity <id>', 'commodity id, e.g. crude_oil')
    .option('--year <year>', 'year (default: the latest year with flows)')
    .option('--importer <id>', 'rank by the unserved demand of this importer (country or bloc) only')
    .action(async (options: N1CliOptions) => {
      const model = openDataset(options);
      const commodity = options.commodity;
      const commodities = [...new Set(model.tables.flow.map((f) => f.commodity))].sort();
      if (commodity === undefined || !commodities.includes(commodity)) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${commodity === undefined ? 'give --commodity <id>' : `no flows of commodity "${commodity}"`}; commodities with flows: ${available(commodities)}`);
      }
      const years = model.flowYears(commodity);
      const year = yearOption(options.year, `${commodity} flows`, () => years) ?? Math.max(...years);
      if (!years.includes(year)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `no ${commodity} flows in ${year}; years with ${commodity} flows: ${available(years)}`);
      const result = runN1(await loadSolver(), model, { commodity, year, importer: options.importer });
      if (options.importer !== undefined && !(options.importer in result.baselineUnserved)) {
        const importers = Object.keys(runN1Importers(model, commodity, year));
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `--importer ${options.importer} does not import ${commodity} in ${year}; importers: ${available(importers)}`);
      }
      printOutput(context, options, { json: () => result, text: () => formatN1(result), tables: () => n1Tables(result) });
    });

  withOutput(risk.command('montecarlo').exitOverride(), MONTECARLO_TABLES)
    .description('draw failures from a risk spec (YAML), re-optimise each draw, and report expected unserved demand, P50/P95/P99 and the worst drivers per importer')
    .argument('<spec>', 'risk spec (YAML)')
    .option('--draws <n>', 'number of draws (default: the spec\'s draws, else 10000)')
    .option('--seed <n>', 'seed (default: the spec\'s seed, else 1)')
    .option('--workers <n>', 'worker threads (default: one per core); the result does not depend on it')
    .option('--dataset <dir>', "dataset folder (default: the spec's `dataset`, else $CORRIDOR_DATASET, else the embedded default dataset)")
    .option('--no-progress', 'no progress line on stderr')
    .option('--queue <url>', `spread the draws over \`corridor worker\` processes through a ${QUEUE_HELP}`)
    .option('--batch-size <n>', 'with --queue: draws per batch job (default 2000)')
    .option('--batch-timeout <s>', 'with --queue: seconds a worker may hold a batch before another worker gets it (default 600)')
    .action(async (file: string, options: McCliOptions) => {
      if (options.queue !== undefined && options.workers !== undefined) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', '--queue and --workers do not go together: with --queue the draws are solved by `corridor worker` processes (start more of them instead)');
      if (options.queue === undefined && (options.batchSize !== undefined || options.batchTimeout !== undefined)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${options.batchSize !== undefined ? '--batch-size' : '--batch-timeout'} goes with --queue`);
      if (options.queue !== undefined) parseQueueUrl(options.queue);
      const batchSize = countOption('--batch-size', options.batchSize, 1);
      const batchTimeout = countOption('--batch-timeout', options.batchTimeout, 1);
      const draws = countOption('--draws', options.draws, 1);
      const seed = countOption('--seed', options.seed, 0);
      const workers = countOption('--workers', options.workers, 1) ?? Math.max(1, availableParallelism());
      if (!existsSync(file)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `risk spec not found: ${file}`);
      const specText = readFileSync(file, 'utf8');
      const { spec, problems } = readRiskSpec(specText, file);
      if (!spec) throw scenarioError(file, problems);
      const model = openDataset({ dataset: options.dataset ?? (spec.dataset ? resolve(dirname(file), spec.dataset) : undefined) });
      if (!model.flowYears(spec.commodity).includes(spec.year)) {
        problems.push({ line: 1, message: `no ${spec.commodity} flows in ${spec.year} in dataset ${model.info.hash}` });
        throw scenarioError(file, problems);
      }
      const network = buildNetwork(model, { commodity: spec.commodity, year: spec.year });
      const nodes = [...new Set(network.routes.flatMap((r) => r.nodes))];
      checkRiskSpec(spec, new Set(networkElements(network, nodes).map((e) => e.id)), problems);
      const total = draws ?? spec.draws ?? 10000;
      const runSeed = seed ?? spec.seed ?? 1;
      if (runSeed > 0xffffffff) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', '--seed must be below 2^32');

      let interrupted = false;
      const onSigint = () => { interrupted = true; };
      process.on('SIGINT', onSigint);
      const progress = options.progress && process.stderr.isTTY ? progressLine(total) : undefined;
      try {
        const run = { draws: total, seed: runSeed, dataset: model.info.hash, stop: () => interrupted, onProgress: progress?.update, pause: () => new Promise<void>((r) => setImmediate(r)) };
        const result = options.queue !== undefined
          ? (await runMonteCarloQueued(network, spec, { ...run, url: options.queue, specText, batch: batchSize, batchTimeout })).result
          : workers > 1 ? await runMonteCarloParallel(network, spec, { ...run, workers }) : await runMonteCarlo(await loadSolver(), network, spec, run);
        progress?.clear();
        if (result.stopped) context.io.err(`corridor: stopped by Ctrl-C after ${result.draws} of ${result.drawsRequested} draws; the result covers the draws done`);
        printOutput(context, options, { json: () => result, text: () => formatMonteCarlo(result), tables: () => monteCarloTables(result) });
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}

/** The importers N-1 reports for a commodity and year (a split bloc once). */
function runN1Importers(model: Parameters<typeof runN1>[1], commodity: string, year: number): Record<string, true> {
  return Object.fromEntries(reportedImporters(buildNetwork(model, { commodity, year })).map((r) => [r.id, true as const]));
}

/** A whole-number option of at least `min`. */
function countOption(name: string, value: string | undefined, min: number): number | undefined {
  const n = parseIntegerOption(name, value);
  if (n !== undefined && n < min) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${name} must be at least ${min}, found ${n}`);
  return n;
}

/** A progress line on stderr (a terminal only): draws done, rate and the time left. */
function progressLine(total: number): { update: (done: number) => void; clear: () => void } {
  const started = performance.now();
  let last = 0;
  return {
    update: (done) => {
      const now = performance.now();
      if (now - last < 200 && done < total) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      const left = rate > 0 ? (total - done) / rate : 0;
      process.stderr.write(`\r  ${done}/${total} draws, ${Math.round(rate)} draws/s, about ${left < 60 ? `${left.toFixed(0)} s` : `${(left / 60).toFixed(1)} min`} left  `);
    },
    clear: () => { process.stderr.write('\r\x1b[2K'); },
  };
}
