// Importers with their demand, stocks and access to the world market, and exporters with their supply,
// read from the dataset in base units (converted by the Model). A split bloc's rest gets the bloc's
// figures less its members'. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { round, type BlocSplit, type BuildContext } from './build-context.ts';
import { restBlocs } from './blocs.ts';
import type { NetworkExporter, NetworkImporter } from './network-types.ts';

/** Days in the year by which stocks are turned into days of imports (365, as in the stockholding directive's daily averages). */
export const DAYS_PER_YEAR = 365;

/** demand.csv imports in base units, where the dataset gives them. */
function demandOf(context: BuildContext, country: string): number | undefined {
  const { model, query } = context;
  const row = model.tables.demand.find((d) => d.commodity === query.commodity && d.year === query.year && d.kind === 'imports' && d.country === country);
  return row ? model.baseQuantity(row) : undefined;
}

/** Importers are those with flows, plus those with demand but no flows (the world market or stocks may serve them). */
export function buildImporters(context: BuildContext, splitOf: Map<string, BlocSplit>, importerBaseline: Map<string, number>): NetworkImporter[] {
  const { model, query } = context;
  const restOf = restBlocs(splitOf);
  for (const d of model.tables.demand) {
    if (d.commodity === query.commodity && d.year === query.year && d.kind === 'imports' && !importerBaseline.has(d.country) && !splitOf.has(d.country)) {
      importerBaseline.set(d.country, 0);
    }
  }
  for (const [bloc, { rest }] of splitOf) if (!importerBaseline.has(rest) && demandOf(context, bloc) !== undefined) importerBaseline.set(rest, 0);

  const importers: NetworkImporter[] = [];
  for (const [id, baseline] of [...importerBaseline].sort(([a], [b]) => a.localeCompare(b))) {
    const bloc = restOf.get(id);
    const demand = importerDemand(context, id, bloc, splitOf, importerBaseline);
    const unrecorded = context.commodity.fungible && demand !== undefined && demand > baseline * (1 + 1e-9) ? demand - baseline : 0;
    if (unrecorded > 0) {
      context.assumptions.push(`${id}: demand ${round(demand!)} ${context.base} (demand.csv) exceeds its recorded flows ${round(baseline)} ${context.base}; the other ${round(unrecorded)} ${context.base} come from the world market in the baseline (its pool), and spare routes to ${id} may replace them.`);
    } else if (demand !== undefined && Math.abs(demand - baseline) > 1e-9 * Math.max(1, baseline)) {
      context.assumptions.push(`${id}: demand ${round(demand)} ${context.base} (demand.csv) differs from its baseline imports ${round(baseline)} ${context.base}; the difference is served or left unserved by the LP in the baseline too.`);
    }
    const access = worldAccessOf(context, restOf.get(id) ?? id);
    if (access.origin === 'dataset') context.settings.push({ name: 'world_market_access', value: access.value, unit: 'share', origin: 'dataset', note: id });
    importers.push({
      id,
      name: bloc ? `${model.actorName(bloc)} without ${splitOf.get(bloc)!.members.join(', ')}` : model.actorName(id),
      baseline,
      demand: demand ?? baseline,
      unrecorded,
      stock: 0,
      worldAccess: access.value,
      bloc: bloc ?? [...splitOf].find(([, s]) => s.members.includes(id))?.[0] ?? '',
      countries: importerCountries(model, id, bloc, splitOf),
    });
  }
  return importers;
}

/** A bloc's rest demands the bloc's demand less its members' (their demand, else their imports). */
function importerDemand(context: BuildContext, id: string, bloc: string | undefined, splitOf: Map<string, BlocSplit>, importerBaseline: Map<string, number>): number | undefined {
  if (!bloc) return demandOf(context, id);
  const whole = demandOf(context, bloc);
  if (whole === undefined) return undefined;
  const members = splitOf.get(bloc)!.members;
  return Math.max(0, whole - members.reduce((s, m) => s + (demandOf(context, m) ?? importerBaseline.get(m) ?? 0), 0));
}

/** Transit states are counted against these: a route country that is one of them is not a transit state. */
function importerCountries(model: Model, id: string, bloc: string | undefined, splitOf: Map<string, BlocSplit>): string[] {
  if (bloc) return model.blocMembers(bloc).filter((m) => !splitOf.get(bloc)!.members.includes(m));
  if (model.isBloc(id)) return model.blocMembers(id).length ? model.blocMembers(id) : [id];
  return [id];
}

/** An importer on a single pipeline may reach only part of the world market; full access unless the dataset says so. */
function worldAccessOf(context: BuildContext, country: string): { value: number; origin: 'dataset' | 'default' } {
  const p = context.model.parameter('world_market_access', { commodity: context.query.commodity, country, year: context.query.year });
  return p ? { value: Math.min(1, Math.max(0, p.value)), origin: 'dataset' } : { value: 1, origin: 'default' };
}

/**
 * Stocks an importer can draw on in the year. The stock held is stocks.csv's figure (the latest not after the year,
 * split like demand for a bloc's parts); where there is none and a stockholding obligation applies (`stock_days`,
 * the oil stocks of the EU and the IEA), it is that many days of the importer's imports. The LP may draw at most
 * the share of it that can be released in one year (`stock_release`; all of it when not given).
 */
export function addStocks(context: BuildContext, importers: NetworkImporter[], splitOf: Map<string, BlocSplit>): void {
  const held = heldStocks(context, importers, splitOf);
  const blocOf = blocOfPart(splitOf);
  for (const imp of importers) {
    const stock = held.get(imp.id) ?? obligationStock(context, imp, blocOf.get(imp.id));
    imp.stockHeld = stock;
    imp.stock = stock > 0 ? stock * releaseShare(context, imp.id, blocOf.get(imp.id)) : 0;
  }
}

/** The bloc a part of a split bloc (its rest or a member) belongs to. */
function blocOfPart(splitOf: Map<string, BlocSplit>): Map<string, string> {
  const blocOf = new Map<string, string>();
  for (const [bloc, { rest, members }] of splitOf) for (const id of [rest, ...members]) blocOf.set(id, bloc);
  return blocOf;
}

/** Stocks from stocks.csv: a bloc's figure less its members', or shared in proportion to demand. */
function heldStocks(context: BuildContext, importers: NetworkImporter[], splitOf: Map<string, BlocSplit>): Map<string, number> {
  const restOf = restBlocs(splitOf);
  const held = new Map<string, number>();
  const stockOf = (country: string) => latestStock(context, country);
  for (const imp of importers) {
    const own = restOf.has(imp.id) ? undefined : stockOf(imp.id);
    if (own !== undefined) held.set(imp.id, own);
  }
  for (const imp of importers) {
    const bloc = restOf.get(imp.id);
    if (!bloc) continue;
    const whole = stockOf(bloc);
    if (whole === undefined) continue;
    const members = splitOf.get(bloc)!.members;
    const memberStocks = members.map((m) => stockOf(m));
    if (memberStocks.every((s) => s !== undefined)) {
      held.set(imp.id, Math.max(0, whole - memberStocks.reduce((a, b) => a + (b ?? 0), 0)));
    } else {
      // Members without their own figure get a share of the bloc's stock in proportion to demand.
      const parts = [imp, ...importers.filter((i) => members.includes(i.id))];
      const sum = parts.reduce((s, p) => s + p.demand, 0);
      for (const p of parts) {
        if (p.id !== imp.id && stockOf(p.id) !== undefined) continue;
        held.set(p.id, sum > 0 ? (whole * p.demand) / sum : 0);
      }
      context.assumptions.push(`stocks of ${bloc} split between its parts in proportion to demand.`);
    }
  }
  return held;
}

/** An older stock figure is better than none, but the result says which year it is from. */
function latestStock(context: BuildContext, country: string): number | undefined {
  const { model, query } = context;
  const rows = model.tables.stock
    .filter((s) => s.commodity === query.commodity && s.country === country && s.year <= query.year)
    .sort((a, b) => b.year - a.year);
  const row = rows[0];
  if (!row) return undefined;
  if (row.year !== query.year) context.assumptions.push(`stocks of ${country}: figure of ${row.year} used for ${query.year}.`);
  return model.baseQuantity(row);
}

/**
 * Without a published stock figure, an importer bound by a stockholding obligation (`stock_days`, for itself or
 * its bloc) holds that many days of its imports in the year: the 90 days of net imports of the EU directive.
 */
function obligationStock(context: BuildContext, imp: NetworkImporter, bloc: string | undefined): number {
  const { model, query } = context;
  const opts = { commodity: query.commodity, year: query.year };
  const days = model.parameter('stock_days', { ...opts, country: imp.id }) ?? (bloc ? model.parameter('stock_days', { ...opts, country: bloc }) : undefined);
  if (!days || !(days.value > 0) || !(imp.demand > 0)) return 0;
  const stock = (days.value * imp.demand) / DAYS_PER_YEAR;
  context.assumptions.push(`stocks of ${imp.id}: no published figure; its obligation of ${round(days.value)} days (stock_days, ${days.year}) of its imports ${round(imp.demand)} ${context.base} is held: ${round(stock)} ${context.base.replace(/\/(yr|year|a)$/, '')}.`);
  return stock;
}

/** The share of a stock that can be released in one year: `stock_release` for the holder or its bloc, else all of it. */
function releaseShare(context: BuildContext, id: string, bloc: string | undefined): number {
  const { model, query } = context;
  const opts = { commodity: query.commodity, year: query.year };
  const given = model.parameter('stock_release', { ...opts, country: id }) ?? (bloc ? model.parameter('stock_release', { ...opts, country: bloc }) : undefined);
  if (given) {
    context.settings.push({ name: 'stock_release', value: given.value, unit: 'share', origin: 'dataset', note: `${id}${given.year === query.year ? '' : `, figure of ${given.year}`}` });
    return Math.min(1, Math.max(0, given.value));
  }
  context.assumptions.push(`stocks of ${id}: no release rate in the dataset (stock_release); all of the stock may be drawn in the year.`);
  return 1;
}

/** Without an export_capacity figure an exporter can supply no more than it did in the baseline. */
export function buildExporters(context: BuildContext, exporterBaseline: Map<string, number>): NetworkExporter[] {
  const { model, query, base } = context;
  const exporters: NetworkExporter[] = [];
  for (const [id, baseline] of [...exporterBaseline].sort(([a], [b]) => a.localeCompare(b))) {
    const given = model.parameterInBase('export_capacity', { commodity: query.commodity, country: id, year: query.year })?.volume;
    let supply = baseline;
    if (given instanceof Error) {
      context.assumptions.push(`parameter export_capacity of ${id}: ${given.message}; its baseline exports are used.`);
    } else if (given !== undefined) {
      supply = given;
      context.settings.push({ name: 'export_capacity', value: round(supply), unit: base, origin: 'dataset', note: id });
    }
    exporters.push({ id, baseline, supply });
  }
  return exporters;
}
