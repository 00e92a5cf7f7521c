// Small pieces every view uses: export buttons for a chart or a table, and a section heading with them.
import type { RefObject } from 'preact';
import { exportCsv, exportPng, exportSvg } from './export.ts';

export function ChartExport({ chart, name, label }: { chart: RefObject<SVGSVGElement>; name: string; label: string }) {
  return (
    <span class="exports">
      <button type="button" aria-label={`Download ${label} as SVG`} onClick={() => chart.current && exportSvg(chart.current, name)}>SVG</button>
      <button type="button" aria-label={`Download ${label} as PNG`} onClick={() => chart.current && void exportPng(chart.current, name)}>PNG</button>
    </span>
  );
}

export function TableExport({ name, label, header, rows }: { name: string; label: string; header: string[]; rows: unknown[][] }) {
  return (
    <span class="exports">
      <button type="button" aria-label={`Download ${label} as CSV`} onClick={() => exportCsv(name, header, rows)}>CSV</button>
    </span>
  );
}
