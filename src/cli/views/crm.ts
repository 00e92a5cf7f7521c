// Text and tables of the EU criticality assessment (supply risk per stage, bottleneck, EI, verdict).
import type { CrmAssessment } from '../../metrics/index.ts';
import { formatTable, noteLines, type DataTable } from '../format.ts';

export function formatCrmAssessment(a: CrmAssessment): string[] {
  return [
    `EU criticality assessment: supply risk (SR) per stage, bottleneck, economic importance (EI)`,
    `critical when EI ≥ ${a.thresholds.economicImportance.toFixed(1)} and SR ≥ ${a.thresholds.supplyRisk.toFixed(1)}   [method ${a.method.name} ${a.method.version}, dataset ${a.dataset}]`,
    '',
    ...crmLines(a),
  ];
}

/** The assessment without its heading: the verdict table, the materials not assessed, the notes. */
export function crmLines(a: CrmAssessment): string[] {
  const lines = formatTable(
    [
      { header: 'Material' }, { header: 'Year', align: 'right' }, { header: 'SR extraction', align: 'right' },
      { header: 'SR processing', align: 'right' }, { header: 'Bottleneck' }, { header: 'SR', align: 'right' },
      { header: 'EI', align: 'right' }, { header: 'Verdict' },
    ],
    a.materials.map((m) => {
      const sr = (stage: string) => m.stages.find((s) => s.stage === stage)?.supplyRisk.toFixed(2) ?? '–';
      return [m.material, String(m.year), sr('extraction'), sr('processing'), m.bottleneck + (m.bottleneckChainStages.length > 0 ? ` (${m.bottleneckChainStages.join(', ')})` : ''), m.supplyRisk.toFixed(2),
        m.economicImportance.toFixed(1), m.critical ? 'CRITICAL' : 'not critical'];
    }),
  );
  if (a.skipped.length > 0) lines.push('', 'Not assessed (incomplete inputs):', ...a.skipped.map((x) => `  - ${x.material}: ${x.reason}`));
  lines.push(...noteLines(a.materials.flatMap((m) => m.notes.map((n) => `${m.material}: ${n}`))));
  return lines;
}

/** One row per material: supply risk per stage, bottleneck, EI and verdict. */
export function crmTables(a: CrmAssessment): DataTable[] {
  const sr = (m: CrmAssessment['materials'][number], stage: string) => m.stages.find((s) => s.stage === stage)?.supplyRisk ?? null;
  return [{
    name: 'materials',
    columns: ['material', 'name', 'year', 'sr_extraction', 'sr_processing', 'bottleneck', 'supply_risk', 'economic_importance', 'critical', 'bottleneck_chain_stages'],
    rows: a.materials.map((m) => [m.material, m.name, m.year, sr(m, 'extraction'), sr(m, 'processing'), m.bottleneck, m.supplyRisk, m.economicImportance, m.critical, m.bottleneckChainStages.join(';')]),
  }];
}
