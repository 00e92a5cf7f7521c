// Text and tables of a comparison of scenarios (`corridor compare`).
import type { Comparison } from '../../scenario/index.ts';
import { formatMoney, formatTable, type DataTable } from '../format.ts';
import { changeMark } from './scenario.ts';

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
    for (const ch of s.changes) lines.push(`  ${changeMark(ch.kind)} ${ch.summary}`);
    if (s.changes.length === 0) lines.push('  (no changes)');
    // What binds, with what one more unit is worth (those worth nothing at the margin are left out here).
    const result = c.scenarios.find((r) => r.scenario.name === s.scenario && r.scenario.file === s.file);
    const valued = result?.whatBinds.filter((b) => b.shadowPrice > 0) ?? [];
    if (result && valued.length) {
      lines.push(`  what binds (one more ${result.unit.replace(/\/yr$/, '')}/yr is worth): ${valued.map((b) => `${b.kind === 'worldMarket' ? 'world-market spare capacity' : b.id} ${formatMoney(b.shadowPrice)} ${result.priceUnit}`).join(', ')}`);
    }
  }
  return lines;
}

/** The comparison as one long table: what, unit, then one column per baseline or scenario. */
export function comparisonTables(c: Comparison): DataTable[] {
  return [{
    name: 'comparison',
    columns: ['section', 'id', 'unit', ...c.columns.map((col) => col.id)],
    rows: c.rows.map((r) => [r.section, r.id, r.unit, ...r.values]),
  }];
}
