// Text and tables of a value chain: each stage, who holds it in the world, and where an importer's deliveries come from.
import type { StageMetrics, ValueChain } from '../../metrics/index.ts';
import { formatPercent, formatTable, formatVolume, noteLines, type DataTable } from '../format.ts';

const holdersText = (holders: { country: string; share: number }[], max = 4): string =>
  holders.slice(0, max).map((h) => `${h.country} ${formatPercent(h.share)}`).join(', ') + (holders.length > max ? ', …' : '');

export function formatValueChain(c: ValueChain): string[] {
  const lines = [
    `Value chain of ${c.name} (${c.commodity})${c.importer ? `, deliveries to ${c.importer}` : ''}${c.year ? `, up to ${c.year}` : ''}`,
    '',
    ...formatTable(
      [{ header: '#', align: 'right' }, { header: 'Stage' }, { header: 'Unit' }, { header: 'Input per unit', align: 'right' },
        { header: 'World (year, kind)' }, { header: 'Held by' }, { header: 'HHI', align: 'right' }],
      c.stages.map((s) => [
        String(s.sequence), s.stage, s.unit,
        s.predecessor ? `${formatVolume(s.inputPerUnit, 3)} ${c.stages.find((p) => p.stage === s.predecessor)?.unit ?? ''}` : '–',
        s.world ? `${s.world.year} ${s.world.kind}` : 'no data',
        s.world ? holdersText(s.world.holders) : '–',
        s.world ? String(Math.round(s.world.hhi)) : '–',
      ]),
    ),
  ];
  if (c.importer) {
    lines.push('', `Deliveries to ${c.importer} by origin of each stage (CRMA benchmark: at most ${formatPercent(c.crmaLimit, 0)} from one third country)`, ...formatTable(
      [{ header: 'Stage' }, { header: 'Year', align: 'right' }, { header: 'Suppliers' }, { header: 'HHI', align: 'right' }, { header: 'Largest third country' }, { header: 'CRMA 65%' }],
      c.stages.map((s) => s.importer
        ? [s.stage, String(s.importer.year), holdersText(s.importer.suppliers, 5), String(Math.round(s.importer.hhi)),
          s.importer.largestThirdCountry ? `${s.importer.largestThirdCountry.country} ${formatPercent(s.importer.largestThirdCountry.share)}` : '–',
          s.importer.crmaBenchmarkMet ? 'met' : 'NOT MET']
        : [s.stage, '–', 'no data', '–', '–', '–']),
    ));
  }
  lines.push('', c.bottleneck ? `Most concentrated stage (world): ${c.bottleneck}` : 'No stage has world figures.');
  lines.push(...noteLines(c.notes));
  return lines;
}

/** `stages`: one row per stage; `holders`: one row per stage and holder; `deliveries`: one row per stage and supplier. */
export function valueChainTables(c: ValueChain): DataTable[] {
  return [
    {
      name: 'stages',
      columns: ['commodity', 'sequence', 'stage', 'name', 'unit', 'predecessor', 'input_per_unit', 'world_year', 'world_kind', 'world_total', 'world_hhi', 'top_holder', 'top_share', 'importer', 'importer_year', 'importer_hhi', 'largest_third_country', 'largest_third_country_share', 'crma_benchmark_met'],
      rows: c.stages.map((s) => [c.commodity, s.sequence, s.stage, s.name, s.unit, s.predecessor, s.inputPerUnit,
        s.world?.year ?? null, s.world?.kind ?? null, s.world?.total ?? null, s.world?.hhi ?? null, s.world?.top?.country ?? null, s.world?.top?.share ?? null,
        c.importer ?? null, s.importer?.year ?? null, s.importer?.hhi ?? null, s.importer?.largestThirdCountry?.country ?? null,
        s.importer?.largestThirdCountry?.share ?? null, s.importer ? s.importer.crmaBenchmarkMet : null]),
    },
    {
      name: 'holders',
      columns: ['stage', 'year', 'kind', 'country', 'operators', 'volume', 'unit', 'share'],
      rows: c.stages.flatMap((s) => (s.world?.holders ?? []).map((h) => [s.stage, s.world!.year, s.world!.kind, h.country, h.operators.join('; '), h.volume, s.world!.unit, h.share])),
    },
    {
      name: 'deliveries',
      columns: ['stage', 'year', 'importer', 'supplier', 'share'],
      rows: c.stages.flatMap((s) => (s.importer?.suppliers ?? []).map((x) => [s.stage, s.importer!.year, c.importer ?? '', x.country, x.share])),
    },
  ];
}

/** One stage: who holds it in the world and where the importer's deliveries of it come from. */
export function formatStageMetrics(m: StageMetrics): string[] {
  const lines = [`${m.commodity}, stage ${m.sequence} ${m.stage} (${m.name}), in ${m.unit}`, ''];
  if (m.world) {
    lines.push(`World ${m.world.kind} ${m.world.year} (${m.world.table}): total ${formatVolume(m.world.total)} ${m.world.unit}, HHI ${Math.round(m.world.hhi)}`, ...formatTable(
      [{ header: 'Country' }, { header: `Volume (${m.world.unit})`, align: 'right' }, { header: 'Share', align: 'right' }, { header: 'Operators' }],
      m.world.holders.map((h) => [h.country, formatVolume(h.volume), formatPercent(h.share), h.operators.join('; ')]),
    ));
  } else lines.push('World: no production or capacity by country.');
  if (m.importerId !== undefined) {
    lines.push('');
    if (m.importer) {
      const third = m.importer.largestThirdCountry;
      lines.push(`Deliveries to ${m.importerId}, ${m.importer.year}: HHI ${Math.round(m.importer.hhi)}; CRMA benchmark (at most ${formatPercent(m.crmaLimit, 0)} from one third country) ${m.importer.crmaBenchmarkMet ? 'met' : 'NOT MET'}${third ? ` (largest ${third.country} ${formatPercent(third.share)})` : ''}`,
        ...formatTable([{ header: 'Supplier' }, { header: 'Share', align: 'right' }], m.importer.suppliers.map((s) => [s.country, formatPercent(s.share)])));
    } else lines.push(`Deliveries to ${m.importerId}: no shares by origin for this stage.`);
  }
  lines.push(...noteLines(m.notes));
  return lines;
}

export function stageMetricsTables(m: StageMetrics): DataTable[] {
  const chain: ValueChain = { commodity: m.commodity, name: m.commodity, importer: m.importerId, year: undefined, crmaLimit: m.crmaLimit, stages: [m], bottleneck: undefined, notes: m.notes };
  return valueChainTables(chain);
}
