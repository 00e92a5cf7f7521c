// Text and table of the value chains of a scenario result (`stages`, the stage LP): stage by stage what can pass,
// what passes and who holds it, what each buyer receives, and the findings in words.
import type { StageChainResult } from '../../scenario/index.ts';
import { formatTable, formatVolume, volumeDigits, type DataTable } from '../format.ts';

export function formatStageChains(chains: StageChainResult[]): string[] {
  const lines: string[] = [];
  for (const c of chains) {
    const digits = volumeDigits(c.buyers.map((b) => b.demand));
    const vol = (v: number | null) => (v === null ? 'not limited' : formatVolume(v, digits));
    lines.push('', `Value chain of ${c.commodity} (stage LP; stage figures up to ${c.year}, demand at ${c.demandStage} in ${c.unit}):`);
    lines.push(...formatTable(
      [{ header: 'Stage' }, { header: 'Unit' }, { header: 'Capacity before', align: 'right' }, { header: 'Capacity after', align: 'right' },
        { header: `As ${c.unit}`, align: 'right' }, { header: 'Output after', align: 'right' }, { header: 'Binds' }, { header: 'Largest holders (capacity after)' }],
      c.stages.map((s) => [s.stage, s.unit, vol(s.capacityBaseline), vol(s.capacity), vol(s.finalEquivalent), vol(s.outputScenario), s.binding ? 'yes' : '',
        s.holders.slice(0, 4).map((h) => `${h.country} ${formatVolume(h.capacity, 0)}${h.closedTo.length ? ` (closed to ${h.closedTo.join(', ')})` : ''}`).join(', ')]),
    ));
    lines.push(...formatTable(
      [{ header: 'Buyer' }, { header: 'Demand', align: 'right' }, { header: 'Served before', align: 'right' }, { header: 'Served after', align: 'right' },
        { header: 'Unserved', align: 'right' }, { header: 'Could be', align: 'right' }],
      c.buyers.map((b) => [b.importer, vol(b.demand), vol(b.servedBaseline), vol(b.servedScenario), vol(b.unserved), `${vol(b.servedMin)}–${vol(b.servedMax)}`]),
    ));
    lines.push(`  Shortfall (objective): ${formatVolume(c.objectiveBaseline, 3)} → ${formatVolume(c.objective, 3)} ${c.unit}; narrowest stage ${c.bottleneckBaseline ?? '–'} → ${c.bottleneck ?? '–'}`);
    for (const f of c.findings) lines.push(`  ${f}`);
    lines.push('  Assumptions:');
    for (const a of c.assumptions) lines.push(`    ${a}`);
  }
  return lines;
}

/** One row per commodity, stage and holder. */
export function stageTable(chains: StageChainResult[]): DataTable {
  return {
    name: 'stages',
    columns: ['commodity', 'stage', 'country', 'capacity_baseline', 'capacity', 'output_baseline', 'output_scenario', 'shadow_price', 'closed_to', 'unit'],
    rows: chains.flatMap((c) => c.stages.flatMap((s) => s.holders.map((h) => [c.commodity, s.stage, h.country, h.capacityBaseline, h.capacity, h.outputBaseline, h.outputScenario, h.shadowPrice, h.closedTo.join(';'), s.unit]))),
  };
}
