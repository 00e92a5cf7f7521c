// `corridor crm`: the EU criticality assessment (supply risk per stage, bottleneck, EI, verdict).
import type { Command } from 'commander';
import { CorridorError, available } from '../../errors.ts';
import { crmAssessment, type CrmAssessment } from '../../metrics/index.ts';
import type { Model } from '../../model/model.ts';
import { openDataset, parseIntegerOption, printJson, withDataset, withJson } from '../common.ts';
import type { RunContext } from '../main.ts';
import { formatTable } from './metrics.ts';

export function formatCrmAssessment(a: CrmAssessment): string[] {
  const lines = [
    `EU criticality assessment: supply risk (SR) per stage, bottleneck, economic importance (EI)`,
    `critical when EI ≥ ${a.thresholds.economicImportance.toFixed(1)} and SR ≥ ${a.thresholds.supplyRisk.toFixed(1)}   [method ${a.method.name} ${a.method.version}, dataset ${a.dataset}]`,
    '',
    ...formatTable(
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
    ),
  ];
  if (a.skipped.length > 0) lines.push('', 'Not assessed (incomplete inputs):', ...a.skipped.map((x) => `  - ${x.material}: ${x.reason}`));
  const notes = a.materials.flatMap((m) => m.notes.map((n) => `${m.material}: ${n}`));
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((n) => `  - ${n}`));
  return lines;
}

export function registerCrm(program: Command, context: RunContext): void {
  withDataset(withJson(program.command('crm')))
    .description('EU criticality assessment: supply risk per stage, bottleneck, economic importance and verdict')
    .option('--material <id>', 'one material (default: every material with inputs)')
    .option('--year <year>', "year of the inputs (default: each material's latest)")
    .action((options: { material?: string; year?: string; json: boolean; dataset?: string }) => {
      const model = openDataset(options);
      const result = crmAssessment(model, { material: options.material, year: yearOption(model, options.year) });
      if (options.json) printJson(context.io, result);
      else context.io.out(formatCrmAssessment(result).join('\n'));
    });
}

/** Parses --year; a bad value is an error that also lists the years with EU criticality inputs. */
function yearOption(model: Model, value: string | undefined): number | undefined {
  try {
    return parseIntegerOption('--year', value);
  } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    const years = [...new Set(model.tables.crmMaterial.map((r) => r.year))].sort((a, b) => a - b);
    throw new CorridorError(error.code, `${error.message}; years with EU criticality inputs: ${available(years)}`);
  }
}
