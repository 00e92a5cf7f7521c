// `corridor compare A.yaml B.yaml …`: runs each scenario and prints one table with the baseline and
// every scenario side by side, then the changes each scenario makes to its inputs.
import type { Command } from 'commander';
import { compareScenarios, runScenario, type Comparison, type ScenarioResult } from '../../scenario/index.ts';
import { printJson, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';
import { formatTable } from './metrics.ts';
import { money, openScenario } from './scenario.ts';

const SECTION_TITLES: Record<string, string> = {
  demand: 'demand', unserved: 'unserved', route: 'flow', asset: 'asset flow', binding: 'shadow price', transit: 'transit', metric: 'metric', cost: 'cost',
};

/** The text form of a comparison. */
export function formatComparison(c: Comparison): string[] {
  const lines = [`Comparison of ${c.columns.filter((x) => x.kind === 'scenario').length} scenario(s)   [method ${c.method.name} ${c.method.version}, dataset ${Array.isArray(c.dataset) ? c.dataset.join(', ') : c.dataset}]`, ''];
  const show = (v: number | null, unit: string) =>
    v === null ? '–' : unit === 'share' ? `${(v * 100).toFixed(1)}%` : Math.abs(v) >= 1000 ? v.toFixed(0) : v !== 0 && Math.abs(v) < 0.01 ? v.toPrecision(3) : v.toFixed(2);
  // Demand, route and asset rows that are the same in every column are left out of the text table.
  const same = (r: Comparison['rows'][number]) => new Set(r.values.filter((v) => v !== null).map((v) => v!.toFixed(6))).size <= 1;
  const rows = c.rows.filter((r) => !(['demand', 'route', 'asset'].includes(r.section) && same(r)));
  lines.push(...formatTable(
    [{ header: 'What' }, { header: 'Unit' }, ...c.columns.map((col) => ({ header: col.id, align: 'right' as const }))],
    rows.map((r) => [`${SECTION_TITLES[r.section]} ${r.id}`, r.unit, ...r.values.map((v) => show(v, r.unit))]),
  ));
  lines.push('  (flows that are the same in every column are not listed)', '');
  for (const s of c.changes) {
    lines.push(`${s.scenario} (${s.file}):`);
    for (const ch of s.changes) lines.push(`  ${ch.kind === 'shock' ? '−' : ch.kind === 'policy' ? '+' : '·'} ${ch.summary}`);
    if (s.changes.length === 0) lines.push('  (no changes)');
    // What binds, with what one more unit is worth (those worth nothing at the margin are left out here).
    const result = c.scenarios.find((r) => r.scenario.name === s.scenario && r.scenario.file === s.file);
    const valued = result?.whatBinds.filter((b) => b.shadowPrice > 0) ?? [];
    if (result && valued.length) {
      lines.push(`  what binds (one more ${result.unit.replace(/\/yr$/, '')}/yr is worth): ${valued.map((b) => `${b.kind === 'worldMarket' ? 'world-market spare capacity' : b.id} ${money(b.shadowPrice)} ${result.priceUnit}`).join(', ')}`);
    }
  }
  return lines;
}

export function registerCompare(program: Command, context: RunContext): void {
  withJson(program.command('compare'))
    .description('run several scenarios and compare them side by side with the baseline')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--dataset <dir>', "dataset folder for every scenario (default: each scenario's `dataset`, else the embedded default dataset)")
    .action(async (files: string[], options: { dataset?: string; json: boolean }) => {
      const results: ScenarioResult[] = [];
      for (const file of files) {
        const { scenario, model } = openScenario(file, options.dataset);
        results.push(await runScenario(model, scenario));
      }
      const comparison = compareScenarios(results);
      if (options.json) printJson(context.io, comparison);
      else context.io.out(formatComparison(comparison).join('\n'));
    });
}
