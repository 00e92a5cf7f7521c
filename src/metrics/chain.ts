// A commodity's value chain stage by stage (docs/methods/value-chains.md): who holds each stage in the world
// (production or capacity by country), how concentrated it is (HHI), and, for an importer, where its deliveries
// of each stage come from, with the CRMA 65% benchmark applied to that stage. A stage may take place in another
// country than the one before it, so every stage has its own holders.
import { CorridorError, available } from '../errors.ts';
import type { Model } from '../model/model.ts';
import type { StageRow } from '../model/types.ts';
import { hhi } from './hhi.ts';
import { CRMA_SINGLE_COUNTRY_LIMIT, EU_BLOC, THRESHOLD_TOLERANCE } from './methods.ts';

export interface ChainQuery {
  commodity: string;
  /** Importer whose deliveries per stage are shown (country or bloc); none when omitted. */
  importer?: string;
  /** Each stage uses its latest year with data not after this one; the latest year of all when omitted. */
  year?: number;
}

export interface StageHolder { country: string; operators: string[]; volume: number; share: number }

export interface StageWorld {
  year: number;
  kind: 'production' | 'capacity';
  /** Where the figures come from: stage_supply.csv, or production.csv for a stage the EU method names. */
  table: 'stage_supply.csv' | 'production.csv';
  unit: string;
  total: number;
  holders: StageHolder[];
  /** HHI (0–10,000) over named countries; aggregates (OTHER) count as dispersed. */
  hhi: number;
  top: StageHolder | undefined;
}

export interface StageImporter {
  year: number;
  suppliers: { country: string; share: number }[];
  hhi: number;
  /** The largest named supplier that is not the importer (nor, for EU27, one of its members). */
  largestThirdCountry: { country: string; share: number } | undefined;
  crmaBenchmarkMet: boolean;
}

export interface ChainStage {
  stage: string;
  sequence: number;
  name: string;
  unit: string;
  predecessor: string;
  /** Units of the predecessor's output per unit of this stage (1 when the units agree). */
  inputPerUnit: number;
  euMethodStage: string;
  world: StageWorld | undefined;
  importer: StageImporter | undefined;
}

export interface ValueChain {
  commodity: string;
  name: string;
  importer: string | undefined;
  year: number | undefined;
  crmaLimit: number;
  stages: ChainStage[];
  /** The stage whose world holders are most concentrated (highest HHI), the chain's bottleneck. */
  bottleneck: string | undefined;
  notes: string[];
}

/** The value chain of a commodity, stage by stage. */
export function valueChain(model: Model, query: ChainQuery): ValueChain {
  const withChains = [...new Set(model.tables.stage.map((s) => s.commodity))].sort();
  if (!model.commodity(query.commodity)) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown commodity "${query.commodity}"; commodities with a value chain: ${available(withChains)}`);
  }
  const stages = model.tables.stage.filter((s) => s.commodity === query.commodity).sort((a, b) => a.sequence - b.sequence);
  if (stages.length === 0) {
    throw new CorridorError('CORRIDOR_ERR_NO_DATA', `no value chain for ${query.commodity} in stages.csv; commodities with a value chain: ${available(withChains)}`);
  }
  if (query.importer !== undefined && !model.tables.country.some((c) => c.id === query.importer) && !model.tables.bloc.some((b) => b.id === query.importer)) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown importer "${query.importer}"; importers with deliveries per stage: ${available([...new Set(model.tables.stageFlow.map((f) => f.importer))].sort())}`);
  }
  const chain = stages.map((s): ChainStage => ({
    stage: s.stage,
    sequence: s.sequence,
    name: s.name,
    unit: s.unit,
    predecessor: s.predecessor,
    inputPerUnit: s.input_per_unit ?? 1,
    euMethodStage: s.eu_method_stage,
    world: worldOf(model, s, query.year),
    importer: query.importer === undefined ? undefined : importerOf(model, s, query.importer, query.year),
  }));
  const notes = notesOf(model, chain, query);
  const assessed = chain.filter((s) => s.world);
  const bottleneck = assessed.length === 0 ? undefined : assessed.reduce((best, s) => (s.world!.hhi > best.world!.hhi ? s : best)).stage;
  return {
    commodity: query.commodity,
    name: model.commodity(query.commodity)?.name ?? query.commodity,
    importer: query.importer,
    year: query.year,
    crmaLimit: CRMA_SINGLE_COUNTRY_LIMIT,
    stages: chain,
    bottleneck,
    notes,
  };
}

/** What a reader of the chain needs to know: years used, missing figures, dispersed remainders, partial deliveries. */
function notesOf(model: Model, chain: ChainStage[], query: ChainQuery): string[] {
  const notes: string[] = [];
  for (const s of chain) {
    if (!s.world) notes.push(`${s.stage}: no production or capacity by country${query.year ? ` up to ${query.year}` : ''}`);
    else if (query.year !== undefined && s.world.year !== query.year) notes.push(`${s.stage}: world figures of ${s.world.year}, the latest up to ${query.year}`);
    if (query.importer !== undefined && !s.importer) notes.push(`${s.stage}: no deliveries to ${query.importer} by origin${query.year ? ` up to ${query.year}` : ''}`);
    else if (s.importer && query.year !== undefined && s.importer.year !== query.year) notes.push(`${s.stage}: deliveries to ${query.importer} of ${s.importer.year}, the latest up to ${query.year}`);
    if (s.world?.holders.some((h) => model.isAggregate(h.country))) notes.push(`${s.stage}: aggregates (OTHER) count as dispersed in the HHI`);
    const given = s.importer?.suppliers.reduce((a, x) => a + x.share, 0) ?? 1;
    if (given < 1 - 1e-3) notes.push(`${s.stage}: the deliveries by origin cover ${(given * 100).toFixed(1)}% of ${query.importer}'s; the rest is not broken down (HHI and benchmark are lower bounds)`);
  }
  return notes;
}

/** Latest year not after `year` (any year when undefined) among `years`. */
function latestYear(years: number[], year: number | undefined): number | undefined {
  const usable = years.filter((y) => year === undefined || y <= year);
  return usable.length === 0 ? undefined : Math.max(...usable);
}

/** World holders of a stage: stage_supply.csv (production before capacity), else production.csv for an EU-method stage. */
function worldOf(model: Model, stage: StageRow, year: number | undefined): StageWorld | undefined {
  const rows = model.tables.stageSupply.filter((r) => r.commodity === stage.commodity && r.stage === stage.stage);
  for (const kind of ['production', 'capacity'] as const) {
    const ofKind = rows.filter((r) => r.kind === kind);
    const y = latestYear(ofKind.map((r) => r.year), year);
    if (y === undefined) continue;
    const ofYear = ofKind.filter((r) => r.year === y);
    const world = ofYear.find((r) => r.country === 'WLD');
    return holdersOf(model, ofYear.filter((r) => r.country !== 'WLD'), world?.volume, { year: y, kind, table: 'stage_supply.csv', unit: stage.unit });
  }
  if (stage.eu_method_stage === '') return undefined;
  const production = model.tables.production.filter((p) => p.commodity === stage.commodity && p.stage === stage.eu_method_stage);
  // Shares need the world total: the latest year with a WLD row is used, else the latest year with any row.
  const y = latestYear(production.filter((p) => p.country === 'WLD').map((p) => p.year), year)
    ?? latestYear(production.filter((p) => p.country !== 'WLD').map((p) => p.year), year);
  if (y === undefined) return undefined;
  const ofYear = production.filter((p) => p.year === y);
  const world = ofYear.find((p) => p.country === 'WLD' && p.operator === '');
  const unit = (world ?? ofYear[0]).unit;
  // A country's own row when it has one; otherwise the sum of its operators' rows.
  const countries = ofYear.filter((p) => p.country !== 'WLD' && p.unit === unit);
  const hasOwn = new Set(countries.filter((p) => p.operator === '').map((p) => p.country));
  const counted = countries.filter((p) => p.operator === '' || !hasOwn.has(p.country));
  return holdersOf(model, counted, world?.volume, { year: y, kind: 'production', table: 'production.csv', unit });
}

function holdersOf(model: Model, rows: { country: string; operator: string; volume: number }[], worldTotal: number | undefined,
  meta: Pick<StageWorld, 'year' | 'kind' | 'table' | 'unit'>): StageWorld {
  const byCountry = new Map<string, StageHolder>();
  for (const r of rows) {
    const h = byCountry.get(r.country) ?? { country: r.country, operators: [], volume: 0, share: 0 };
    h.volume += r.volume;
    if (r.operator) h.operators.push(r.operator);
    byCountry.set(r.country, h);
  }
  const listed = [...byCountry.values()].reduce((a, h) => a + h.volume, 0);
  // A world total larger than the listed countries leaves an unnamed remainder, which counts as dispersed.
  const total = worldTotal !== undefined && worldTotal > listed ? worldTotal : listed;
  const holders = [...byCountry.values()].map((h) => ({ ...h, share: total > 0 ? h.volume / total : 0 }))
    .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  const named = holders.filter((h) => !model.isAggregate(h.country));
  return { ...meta, total, holders, hhi: hhi(named.map((h) => h.share)), top: named[0] };
}

function importerOf(model: Model, stage: StageRow, importer: string, year: number | undefined): StageImporter | undefined {
  const rows = model.tables.stageFlow.filter((f) => f.commodity === stage.commodity && f.stage === stage.stage && f.importer === importer);
  const y = latestYear(rows.map((r) => r.year), year);
  if (y === undefined) return undefined;
  const suppliers = rows.filter((r) => r.year === y).map((r) => ({ country: r.supplier, share: r.share }))
    .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  const named = suppliers.filter((s) => !model.isAggregate(s.country));
  const insiders = new Set([importer, ...(importer === EU_BLOC ? model.blocMembers(EU_BLOC) : [])]);
  const largestThirdCountry = named.find((s) => !insiders.has(s.country));
  return {
    year: y,
    suppliers,
    hhi: hhi(named.map((s) => s.share)),
    largestThirdCountry,
    crmaBenchmarkMet: (largestThirdCountry?.share ?? 0) <= CRMA_SINGLE_COUNTRY_LIMIT + THRESHOLD_TOLERANCE,
  };
}

export interface StageQuery extends ChainQuery { stage: string }

export interface StageMetrics extends ChainStage {
  commodity: string;
  importerId: string | undefined;
  crmaLimit: number;
  notes: string[];
}

/** One stage of a commodity's value chain: world holders and HHI, and the importer's deliveries of that stage. */
export function stageMetrics(model: Model, query: StageQuery): StageMetrics {
  const chain = valueChain(model, query);
  const stage = chain.stages.find((s) => s.stage === query.stage);
  if (!stage) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown stage "${query.stage}" of ${query.commodity}; its stages: ${available(chain.stages.map((s) => s.stage))}`);
  }
  return {
    ...stage,
    commodity: chain.commodity,
    importerId: chain.importer,
    crmaLimit: chain.crmaLimit,
    notes: [...chain.notes.filter((n) => n.startsWith(`${stage.stage}:`)),
      'transit exposure is not measured per stage: deliveries per stage carry no routes'],
  };
}
