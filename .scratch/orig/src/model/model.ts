// The Model: a dataset's tables with the lookups every analysis needs. Pure: no I/O.
import type { CommodityRow, FlowRow, LegRow, RouteRow, Tables } from './types.ts';
import { toBaseUnit } from './units.ts';

export interface ModelInfo {
  /** Name of the data package. */
  name: string;
  /** Folder it was read from ('' when built in memory). */
  dir: string;
  /** Content hash of the data files (sha256 of the canonical CSV texts), first 16 hex digits. */
  hash: string;
}

/** A flow with its volume converted to the commodity's base unit. */
export interface BaseFlow extends FlowRow {
  /** Volume in the commodity's base unit. */
  baseVolume: number;
}

export class Model {
  readonly tables: Tables;
  readonly info: ModelInfo;
  private readonly commodities = new Map<string, CommodityRow>();
  private readonly routes = new Map<string, RouteRow>();
  private readonly legsByRoute = new Map<string, LegRow[]>();
  private readonly members = new Map<string, string[]>();

  constructor(tables: Tables, info: ModelInfo) {
    this.tables = tables;
    this.info = info;
    for (const c of tables.commodity) this.commodities.set(c.id, c);
    for (const r of tables.route) this.routes.set(r.id, r);
    for (const leg of tables.leg) {
      const list = this.legsByRoute.get(leg.route) ?? [];
      list.push(leg);
      this.legsByRoute.set(leg.route, list);
    }
    for (const list of this.legsByRoute.values()) list.sort((a, b) => a.sequence - b.sequence);
    for (const m of tables.blocMember) {
      const list = this.members.get(m.bloc) ?? [];
      list.push(m.country);
      this.members.set(m.bloc, list);
    }
  }

  commodity(id: string): CommodityRow | undefined {
    return this.commodities.get(id);
  }

  route(id: string): RouteRow | undefined {
    return this.routes.get(id);
  }

  /** The legs of a route in order (empty when it has none). */
  legs(routeId: string): LegRow[] {
    return this.legsByRoute.get(routeId) ?? [];
  }

  /** Countries a route crosses, in order of first appearance, including its own start and end countries. */
  routeCountries(routeId: string): string[] {
    const seen: string[] = [];
    for (const leg of this.legs(routeId)) if (!seen.includes(leg.country)) seen.push(leg.country);
    return seen;
  }

  isBloc(id: string): boolean {
    return this.members.has(id) || this.tables.bloc.some((b) => b.id === id);
  }

  /** Member countries of a bloc ([] for anything else). */
  blocMembers(id: string): string[] {
    return this.members.get(id) ?? [];
  }

  /** Blocs that a country belongs to. */
  blocsOf(country: string): string[] {
    return [...this.members].filter(([, list]) => list.includes(country)).map(([bloc]) => bloc);
  }

  /** Whether an id is an aggregate (OTHER, WLD …) rather than one state. */
  isAggregate(id: string): boolean {
    return this.tables.country.some((c) => c.id === id && c.kind === 'aggregate');
  }

  /** Whether the id names a known country, aggregate or bloc. */
  hasActor(id: string): boolean {
    return this.tables.country.some((c) => c.id === id) || this.isBloc(id);
  }

  actorName(id: string): string {
    return this.tables.country.find((c) => c.id === id)?.name ?? this.tables.bloc.find((b) => b.id === id)?.name ?? id;
  }

  /** Converts a volume of a commodity to its base unit. */
  toBase(volume: number, unit: string, commodityId: string): number {
    const commodity = this.commodity(commodityId);
    if (!commodity) throw new Error(`unknown commodity: ${commodityId}`);
    return toBaseUnit(volume, unit, commodity);
  }

  /** Flows matching the filter, with volumes in the commodity's base unit. */
  flows(filter: Partial<Pick<FlowRow, 'year' | 'commodity' | 'exporter' | 'importer' | 'route'>> = {}): BaseFlow[] {
    return this.tables.flow
      .filter((f) => Object.entries(filter).every(([k, v]) => v === undefined || (f as unknown as Record<string, unknown>)[k] === v))
      .map((f) => ({ ...f, baseVolume: this.toBase(f.volume, f.unit, f.commodity) }));
  }

  /** Years that have flows of a commodity, ascending. */
  flowYears(commodityId?: string): number[] {
    const years = new Set(this.tables.flow.filter((f) => !commodityId || f.commodity === commodityId).map((f) => f.year));
    return [...years].sort((a, b) => a - b);
  }

  /** The WGI mean estimate of a country for a year, or the latest year before it. */
  wgi(country: string, year = 9999): { value: number; year: number } | undefined {
    const rows = this.tables.governance
      .filter((g) => g.country === country && g.indicator === 'wgi_mean' && g.year <= year)
      .sort((a, b) => b.year - a.year);
    const row = rows[0] ?? this.tables.governance.find((g) => g.country === country && g.indicator === 'wgi_mean');
    return row ? { value: row.value, year: row.year } : undefined;
  }

  /** A named parameter (most specific match on commodity and country, latest year not after `year`). */
  parameter(name: string, opts: { commodity?: string; country?: string; year?: number } = {}): { value: number; unit: string; year: number } | undefined {
    const candidates = this.tables.parameter
      .filter((p) => p.name === name)
      .filter((p) => p.commodity === '' || p.commodity === opts.commodity)
      .filter((p) => p.country === '' || p.country === opts.country)
      .filter((p) => opts.year === undefined || p.year <= opts.year)
      .sort((a, b) => Number(b.commodity !== '') + Number(b.country !== '') - (Number(a.commodity !== '') + Number(a.country !== '')) || b.year - a.year);
    const p = candidates[0];
    return p ? { value: p.value, unit: p.unit, year: p.year } : undefined;
  }
}
