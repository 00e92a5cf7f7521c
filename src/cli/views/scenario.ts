// Text and tables of a scenario result (`corridor scenario run`).
import type { ScenarioResult } from '../../scenario/index.ts';
import { formatMoney, formatNumber, formatSigned, formatTable, formatVolume, volumeDigits, type DataTable } from '../format.ts';
import { formatStageChains, stageTable } from './stages.ts';

/** The sign a change is listed with: − a shock, + a policy, · anything else. */
export const changeMark = (kind: string): string => (kind === 'shock' ? '−' : kind === 'policy' ? '+' : '·');

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
  for (const c of r.changes) lines.push(`  ${changeMark(c.kind)} ${c.summary}`);
  if (r.changes.length === 0) lines.push('  (none: the baseline)');
  lines.push('', 'Importers:');
  lines.push(...formatTable(
    [{ header: 'Importer' }, { header: 'Demand', align: 'right' }, { header: 'Served before', align: 'right' }, { header: 'Served after', align: 'right' },
      { header: 'Unserved', align: 'right' }, { header: 'World market', align: 'right' }, { header: 'Stock draw', align: 'right' }, { header: 'Days before', align: 'right' }, { header: 'Days after', align: 'right' }],
    r.importers.map((i) => [i.parts ? `${i.importer} (sum)` : i.importer, vol(i.demand), vol(i.servedBaseline), vol(i.servedScenario), vol(i.unserved),
      vol(i.worldMarket), vol(i.stockDraw), formatNumber(i.transitDaysBaseline, 1), formatNumber(i.transitDaysScenario, 1)]),
  ));
  lines.push('', 'Routes (direct:E>I = flows whose route the dataset does not give; those that do not change are not listed):');
  lines.push(...formatTable(
    [{ header: 'Route' }, { header: 'Flow before', align: 'right' }, { header: 'Flow after', align: 'right' }, { header: 'Capacity', align: 'right' },
      { header: 'Binds' }, { header: `Shadow price (${r.priceUnit})`, align: 'right' }, { header: 'Status' }],
    r.routes.filter((x) => !x.direct || x.binding || Math.abs(x.flowScenario - x.flowBaseline) > 1e-9).map((x) => [x.route, vol(x.flowBaseline), vol(x.flowScenario), x.capacity === null ? 'unlimited' : vol(x.capacity), x.binding ? 'yes' : '',
      formatMoney(x.shadowPrice), x.status]),
  ));
  if (r.assets.length) {
    lines.push('', 'Shared assets:');
    lines.push(...formatTable(
      [{ header: 'Asset' }, { header: 'Flow before', align: 'right' }, { header: 'Flow after', align: 'right' }, { header: 'Capacity', align: 'right' }, { header: 'Binds' }, { header: `Shadow price (${r.priceUnit})`, align: 'right' }],
      r.assets.map((a) => [a.asset, vol(a.flowBaseline), vol(a.flowScenario), vol(a.capacity), a.binding ? 'yes' : '', formatMoney(a.shadowPrice)]),
    ));
  }
  if (r.stocks.length) {
    lines.push('', 'Stocks (days = days of the importer\'s imports):');
    lines.push(...formatTable(
      [{ header: 'Importer' }, { header: 'Held', align: 'right' }, { header: 'Releasable in the year', align: 'right' }, { header: 'Drawn before', align: 'right' },
        { header: 'Drawn after', align: 'right' }, { header: 'Days held', align: 'right' }, { header: 'Days used', align: 'right' }],
      r.stocks.map((x) => [x.importer, vol(x.held), vol(x.releasable), vol(x.drawnBaseline), vol(x.drawn), formatNumber(x.daysOfCoverHeld, 1), formatNumber(x.daysOfCoverUsed, 1)]),
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
    moved.map((a) => [a.country, a.role === 'transit' ? 'transit (carried)' : a.role === 'exporter' ? 'exporter' : 'importer (received)', vol(a.volumeBaseline), vol(a.volumeScenario), dvol(a.volumeChange), formatSigned(a.valueChange, 1)]),
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
  lines.push(...formatStageChains(r.stages ?? []));
  const w = r.worldMarket;
  lines.push('');
  if (w.enabled && r.market?.priceChange === null) lines.push(`World market: ${vol(w.baseline)} → ${vol(w.scenario)} ${u} at a premium of ${formatMoney(w.premium)} ${r.priceUnit}${w.spare === null ? ' (spare capacity not limited)' : `, spare ${vol(w.spare)}`}`);
  if (r.market && r.market.priceChange !== null) lines.push(...marketLines(r, dvol));
  const c = r.solver.costs;
  const market = c.market || c.discount ? `, world market supply and demand ${formatMoney(c.market)}, discounts ${formatMoney(c.discount)}` : '';
  lines.push(`Solver: ${r.solver.status}; objective ${formatMoney(r.solver.baselineObjective)} → ${formatMoney(r.solver.objective)} ${r.valueUnit} (transport ${formatMoney(c.transport)}, stickiness ${formatMoney(c.stickiness)}, world market ${formatMoney(c.world)}${market}, stocks ${formatMoney(c.stock)}, unserved ${formatMoney(c.unserved)}${c.shortfall ? `, agreement shortfall ${formatMoney(c.shortfall)}` : ''})`);
  const marketFigures = r.settings.filter((s) => s.origin === 'dataset' && MARKET_FIGURES.includes(s.name));
  if (marketFigures.length) {
    lines.push('', 'Market figures (from the dataset, sources in sources.csv; the elasticities are assumptions from the literature):');
    for (const s of marketFigures) lines.push(`  ${s.name} = ${s.value} ${s.unit}${s.note ? `: ${s.note}` : ''}`);
  }
  lines.push(...assumptionLines(r));
  return lines;
}

/** The settings that do not come from the dataset, and the notes, as the closing lines of a result. */
export function assumptionLines(r: Pick<ScenarioResult, 'settings' | 'assumptions'>): string[] {
  const lines: string[] = [];
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

/** The settings that make the world market's curve and the exporters' discounts. */
const MARKET_FIGURES = ['price', 'world_demand', 'supply_elasticity', 'demand_elasticity', 'opec_spare_capacity', 'nonopec_spare_capacity', 'export_discount'];

/** The world market's answer and each exporter's revenue change, in words and a table. */
function marketLines(r: ScenarioResult, dvol: (v: number) => string): string[] {
  const m = r.market;
  const signed = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${formatMoney(v)}`);
  const price = r.settings.find((s) => s.name === 'price');
  const spare = m.spareUsed ?? 0;
  const net = r.importers.filter((i) => !i.bloc).reduce((s, i) => s + i.worldMarket - i.worldMarketBaseline, 0) - (m.absorbed ?? 0);
  const lines = [
    `World market (two-sided, around the year's price${price ? ` of ${price.value} ${price.unit}` : ''}):`,
    `  price change ${signed(m.priceChange)} ${m.priceUnit}${price && m.priceChange !== null && price.unit === m.priceUnit ? ` (${m.priceChange >= 0 ? '+' : ''}${(100 * m.priceChange / price.value).toFixed(1)}%)` : ''} (range ${signed(m.priceChangeLow)} to ${signed(m.priceChangeHigh)} from the range of the elasticities; an estimate, not a forecast)`,
    `  net shortage on the world market ${dvol(net)} ${r.unit}: supply added by the rest of the world (spare capacity) ${dvol(spare)}, demand given up by buyers outside the network ${dvol(net - spare)}`,
    `  displaced exports sold to other buyers through the world market: ${dvol(m.absorbed ?? 0)} ${r.unit}`,
  ];
  const moved = r.exporters.filter((e) => e.volumeChange !== 0 || e.discountLoss !== 0 || e.transportCostChange !== 0 || (e.revenueChange ?? 0) !== 0);
  if (moved.length) {
    lines.push('', `Exporters (revenue change = volume change × price + price change × volume after − discount loss − transport cost change, ${r.valueUnit}):`);
    lines.push(...formatTable(
      [{ header: 'Exporter' }, { header: 'Volume change', align: 'right' }, { header: 'Revenue change', align: 'right' }, { header: 'Discount loss', align: 'right' }, { header: 'Transport cost change', align: 'right' }],
      moved.map((e) => [e.exporter, dvol(e.volumeChange), signed(e.revenueChange), signed(e.discountLoss), signed(e.transportCostChange)]),
    ));
  }
  return lines;
}

/** Tables of a scenario result: importers (default), routes, assets, actors, exporters, stages. */
export const SCENARIO_TABLES = ['importers', 'routes', 'assets', 'actors', 'exporters', 'stages'];

export function scenarioTables(r: ScenarioResult): DataTable[] {
  const u = r.unit;
  return [
    {
      name: 'importers',
      columns: ['importer', 'demand', 'served_baseline', 'served_scenario', 'unserved', 'world_market', 'stock_draw', 'transit_days_baseline', 'transit_days_scenario', 'unit'],
      rows: r.importers.map((i) => [i.importer, i.demand, i.servedBaseline, i.servedScenario, i.unserved, i.worldMarket, i.stockDraw, i.transitDaysBaseline, i.transitDaysScenario, u]),
    },
    {
      name: 'routes',
      columns: ['route', 'flow_baseline', 'flow_scenario', 'capacity', 'unit', 'binding', 'shadow_price', 'price_unit', 'status', 'direct'],
      rows: r.routes.map((x) => [x.route, x.flowBaseline, x.flowScenario, x.capacity, u, x.binding, x.shadowPrice, r.priceUnit, x.status, x.direct]),
    },
    {
      name: 'assets',
      columns: ['asset', 'flow_baseline', 'flow_scenario', 'capacity', 'unit', 'binding', 'shadow_price', 'price_unit'],
      rows: r.assets.map((a) => [a.asset, a.flowBaseline, a.flowScenario, a.capacity, u, a.binding, a.shadowPrice, r.priceUnit]),
    },
    {
      name: 'actors',
      columns: ['country', 'role', 'volume_baseline', 'volume_scenario', 'volume_change', 'unit', 'value_change', 'value_unit'],
      rows: r.actors.map((a) => [a.country, a.role, a.volumeBaseline, a.volumeScenario, a.volumeChange, u, a.valueChange, r.valueUnit]),
    },
    {
      name: 'exporters',
      columns: ['exporter', 'volume_change', 'unit', 'revenue_change', 'discount_loss', 'transport_cost_change', 'value_unit'],
      rows: (r.exporters ?? []).map((e) => [e.exporter, e.volumeChange, u, e.revenueChange, e.discountLoss, e.transportCostChange, r.valueUnit]),
    },
    stageTable(r.stages ?? []),
  ];
}
