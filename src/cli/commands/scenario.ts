// `corridor scenario run FILE` and `corridor scenario check FILE`: read a scenario file, load its
// dataset, run it through the library (src/scenario) and print the result.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CorridorError } from '../../errors.ts';
import type { Model } from '../../model/model.ts';
import { checkScenario, readScenario, runScenario, scenarioError, type Scenario, type ScenarioResult } from '../../scenario/index.ts';
import { openDataset, printJson, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';
import { formatTable, formatVolume, volumeDigits } from './metrics.ts';

/** Reads and parses a scenario file, and loads the dataset it names (or `datasetOption`). */
export function openScenario(file: string, datasetOption?: string): { scenario: Scenario; model: Model } {
  if (!existsSync(file)) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `scenario file not found: ${file}`);
  const text = readFileSync(file, 'utf8');
  const { scenario, problems } = readScenario(text, file);
  if (!scenario) throw scenarioError(file, problems);
  const model = openDataset({ dataset: datasetOption ?? (scenario.dataset ? resolve(dirname(file), scenario.dataset) : undefined) });
  // Every problem at once: those of the file's structure and those against the dataset.
  checkScenario(model, scenario, problems);
  return { scenario, model };
}

const num = (v: number | null, digits = 2): string => (v === null ? '–' : Number.isFinite(v) ? v.toFixed(digits) : 'unlimited');
/** Money: 4 significant digits below 1, else 2 decimals. */
export const money = (v: number | null): string => (v === null ? '–' : v !== 0 && Math.abs(v) < 1 ? v.toPrecision(4) : v.toFixed(2));
const signed = (v: number | null, digits = 2): string => (v === null ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(digits)}`);

/** The text form of a scenario result. */
export function formatScenarioResult(r: ScenarioResult): string[] {
  const u = r.unit;
  // Volumes: digits that suit the largest volume of the result, en-GB grouping.
  const digits = volumeDigits(r.importers.map((i) => i.demand));
  const vol = (v: number | null) => (v === null ? '–' : Number.isFinite(v) ? formatVolume(v, digits) : 'unlimited');
  const dvol = (v: number) => `${v > 0 ? '+' : ''}${formatVolume(v, digits)}`;
  const lines = [
    `Scenario "${r.scenario.name}": ${r.scenario.commodity} ${r.scenario.year}, volumes in ${u}   [method ${r.method.name} ${r.method.version}, dataset ${r.dataset}]`,
  ];
  if (r.scenario.description) lines.push(r.scenario.description.trim().replace(/\s+/g, ' '));
  lines.push('', 'Changes:');
  for (const c of r.changes) lines.push(`  ${c.kind === 'shock' ? '−' : c.kind === 'policy' ? '+' : '·'} ${c.summary}`);
  if (r.changes.length === 0) lines.push('  (none: the baseline)');
  lines.push('', 'Importers:');
  lines.push(...formatTable(
    [{ header: 'Importer' }, { header: 'Demand', align: 'right' }, { header: 'Served before', align: 'right' }, { header: 'Served after', align: 'right' },
      { header: 'Unserved', align: 'right' }, { header: 'World market', align: 'right' }, { header: 'Stock draw', align: 'right' }, { header: 'Days before', align: 'right' }, { header: 'Days after', align: 'right' }],
    r.importers.map((i) => [i.parts ? `${i.importer} (sum)` : i.importer, vol(i.demand), vol(i.servedBaseline), vol(i.servedScenario), vol(i.unserved),
      vol(i.worldMarket), vol(i.stockDraw), num(i.transitDaysBaseline, 1), num(i.transitDaysScenario, 1)]),
  ));
  lines.push('', 'Routes (direct:E>I = flows whose route the dataset does not give; those that do not change are not listed):');
  lines.push(...formatTable(
    [{ header: 'Route' }, { header: 'Flow before', align: 'right' }, { header: 'Flow after', align: 'right' }, { header: 'Capacity', align: 'right' },
      { header: 'Binds' }, { header: `Shadow price (${r.priceUnit})`, align: 'right' }, { header: 'Status' }],
    r.routes.filter((x) => !x.direct || x.binding || Math.abs(x.flowScenario - x.flowBaseline) > 1e-9).map((x) => [x.route, vol(x.flowBaseline), vol(x.flowScenario), x.capacity === null ? 'unlimited' : vol(x.capacity), x.binding ? 'yes' : '',
      money(x.shadowPrice), x.status]),
  ));
  if (r.assets.length) {
    lines.push('', 'Shared assets:');
    lines.push(...formatTable(
      [{ header: 'Asset' }, { header: 'Flow before', align: 'right' }, { header: 'Flow after', align: 'right' }, { header: 'Capacity', align: 'right' }, { header: 'Binds' }, { header: `Shadow price (${r.priceUnit})`, align: 'right' }],
      r.assets.map((a) => [a.asset, vol(a.flowBaseline), vol(a.flowScenario), vol(a.capacity), a.binding ? 'yes' : '', money(a.shadowPrice)]),
    ));
  }
  lines.push('', 'What binds:');
  if (r.whatBinds.length === 0) lines.push('  nothing: no route, shared asset, export capacity or world-market limit is reached.');
  for (const b of r.whatBinds) lines.push(`  ${b.text}`);
  const priced = r.settings.some((x) => x.name === 'price');
  lines.push('', `Actors whose volume changes (value = volume change × ${priced ? 'price' : 'price: none in the dataset'}, ${r.valueUnit}):`);
  const moved = r.actors.filter((a) => Math.abs(a.volumeChange) > 1e-9);
  if (moved.length === 0) lines.push('  (none)');
  else lines.push(...formatTable(
    [{ header: 'Country' }, { header: 'Role' }, { header: 'Before', align: 'right' }, { header: 'After', align: 'right' }, { header: 'Change', align: 'right' }, { header: 'Value', align: 'right' }],
    moved.map((a) => [a.country, a.role === 'transit' ? 'transit (carried)' : a.role === 'exporter' ? 'exporter' : 'importer (received)', vol(a.volumeBaseline), vol(a.volumeScenario), dvol(a.volumeChange), signed(a.valueChange, 1)]),
  ));
  if (r.metrics.length) {
    lines.push('', 'Dependence before → after:');
    lines.push(...formatTable(
      [{ header: 'Importer' }, { header: 'HHI', align: 'right' }, { header: 'Top supplier' }, { header: 'Top share', align: 'right' }, { header: 'Top transit' }],
      r.metrics.map((m) => [
        m.importer,
        `${m.baseline.hhi.toFixed(0)} → ${m.scenario.hhi.toFixed(0)}`,
        `${m.baseline.topSupplier ?? '–'} → ${m.scenario.topSupplier ?? '–'}`,
        `${(m.baseline.topShare * 100).toFixed(1)}% → ${(m.scenario.topShare * 100).toFixed(1)}%`,
        `${m.baseline.topTransit ? `${m.baseline.topTransit.country} ${(m.baseline.topTransit.share * 100).toFixed(1)}%` : '–'} → ${m.scenario.topTransit ? `${m.scenario.topTransit.country} ${(m.scenario.topTransit.share * 100).toFixed(1)}%` : '–'}`,
      ]),
    ));
  }
  if (r.observed) {
    lines.push('', `Observed in ${r.observed.year} (dataset flows, for comparison):`);
    lines.push(...formatTable(
      [{ header: 'Exporter → importer' }, { header: 'Model before', align: 'right' }, { header: 'Model after', align: 'right' }, { header: `Observed ${r.observed.year}`, align: 'right' }],
      r.observed.flows.map((o) => [`${o.exporter} → ${o.importer}`, vol(o.flowBaseline), vol(o.flowScenario), vol(o.volume)]),
    ));
  }
  const w = r.worldMarket;
  lines.push('');
  if (w.enabled) lines.push(`World market: ${vol(w.baseline)} → ${vol(w.scenario)} ${u} at a premium of ${money(w.premium)} ${r.priceUnit}${w.spare === null ? ' (spare capacity not limited)' : `, spare ${vol(w.spare)}`}`);
  const c = r.solver.costs;
  lines.push(`Solver: ${r.solver.status}; objective ${money(r.solver.baselineObjective)} → ${money(r.solver.objective)} ${r.valueUnit} (transport ${money(c.transport)}, stickiness ${money(c.stickiness)}, world market ${money(c.world)}, stocks ${money(c.stock)}, unserved ${money(c.unserved)}${c.shortfall ? `, agreement shortfall ${money(c.shortfall)}` : ''})`);
  const defaults = r.settings.filter((s) => s.origin !== 'dataset');
  if (defaults.length) {
    lines.push('', 'Assumptions (settings not from the dataset):');
    for (const s of defaults) lines.push(`  ${s.name} = ${Number.isFinite(s.value) ? s.value : 'unlimited'} ${s.unit} [${s.origin}]${s.note ? `: ${s.note}` : ''}`);
  }
  if (r.assumptions.length) {
    lines.push('', 'Notes:');
    for (const a of r.assumptions) lines.push(`  ${a}`);
  }
  return lines;
}

export function registerScenario(program: Command, context: RunContext): void {
  const scenario = program.command('scenario').description('run what-if scenarios written as YAML files (docs/scenarios.md)').exitOverride();
  withJson(scenario.command('run').exitOverride())
    .description('re-optimise flows under a scenario and report importers, routes, actors and metrics before and after')
    .argument('<file>', 'scenario file (YAML)')
    .option('--dataset <dir>', "dataset folder (default: the scenario's `dataset`, else the embedded default dataset)")
    .option('--no-metrics', 'leave out the dependence metrics')
    .action(async (file: string, options: { dataset?: string; json: boolean; metrics: boolean }) => {
      const { scenario: s, model } = openScenario(file, options.dataset);
      const result = await runScenario(model, s, { metrics: options.metrics });
      if (options.json) printJson(context.io, result);
      else context.io.out(formatScenarioResult(result).join('\n'));
    });
  withJson(scenario.command('check').exitOverride())
    .description('check a scenario file against its dataset without solving')
    .argument('<file>', 'scenario file (YAML)')
    .option('--dataset <dir>', "dataset folder (default: the scenario's `dataset`, else the embedded default dataset)")
    .action((file: string, options: { dataset?: string; json: boolean }) => {
      // openScenario has checked the file against its dataset.
      const { scenario: s, model } = openScenario(file, options.dataset);
      if (options.json) printJson(context.io, { valid: true, scenario: s.name, changes: s.changes.length, dataset: model.info.hash });
      else context.io.out(`${file}: valid (${s.changes.length} change(s); dataset ${model.info.hash})`);
    });
}
