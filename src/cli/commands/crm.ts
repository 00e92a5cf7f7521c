// `corridor crm`: the EU criticality assessment (supply risk per stage, bottleneck, EI, verdict).
import type { Command } from 'commander';
import { crmAssessment, type CrmAssessment } from '../../metrics/index.ts';
import { openDataset, printJson, withDataset, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';
import { formatTable, noteLines, yearOption } from './metrics.ts';

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
      return [m.material, String(m.year), sr('extraction'), sr('processing'), m.bottleneck, m.supplyRisk.toFixed(2),
        m.economicImportance.toFixed(1), m.critical ? 'CRITICAL' : 'not critical'];
    }),
  );
  if (a.skipped.length > 0) lines.push('', 'Not assessed (incomplete inputs):', ...a.skipped.map((x) => `  - ${x.material}: ${x.reason}`));
  lines.push(...noteLines(a.materials.flatMap((m) => m.notes.map((n) => `${m.material}: ${n}`))));
  return lines;
}

export function registerCrm(program: Command, context: RunContext): void {
  withDataset(withJson(program.command('crm')))
    .description('EU criticality assessment: supply risk per stage, bottleneck, economic importance and verdict')
    .option('--material <id>', 'one material (default: every material with inputs)')
    .option('--year <year>', "year of the inputs (default: each material's latest)")
    .action((options: { material?: string; year?: string; json: boolean; dataset?: string }) => {
      const model = openDataset(options);
      const year = yearOption(options.year, 'EU criticality inputs', () => [...new Set(model.tables.crmMaterial.map((r) => r.year))].sort((a, b) => a - b));
      const result = crmAssessment(model, { material: options.material, year });
      if (options.json) printJson(context.io, result);
      else context.io.out(formatCrmAssessment(result).join('\n'));
    });
}
