// The Model: a dataset's tables with the lookups every analysis needs. Pure: no I/O.
import { BaseValues, valueOrThrow, type Converted, type ParameterInBase, type QuantityRow } from './base-values.ts';
import type { AgreementRow, BlocRow, ChokepointRow, CommodityRow, CountryRow, FlowRow, LegRow, ParameterRow, RouteRow, SeaLaneRow, Tables } from './types.ts';
import { moneyPerBaseUnit, toBaseUnit } from './units.ts';

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
  /** Countries (and aggregates) and blocs by id: names and kinds are looked up in hot loops. */
  private readonly countries = new Map<string, CountryRow>();
  private readonly blocs = new Map<string, BlocRow>();
  /** Every quantity in its commodity's base unit, converted once here: nothing after the Model converts. */
  private readonly base: BaseValues;

  /** A Model is not mutated after construction (scenarios pass re-optimised flows, they do not edit tables): the lookups and base-unit values stay valid. */
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
    for (const c of tables.country) if (!this.countries.has(c.id)) this.countries.set(c.id, c);
    for (const b of tables.bloc) if (!this.blocs.has(b.id)) this.blocs.set(b.id, b);
    for (const m of tables.blocMember) {
      const list = this.members.get(m.bloc) ?? [];
      list.push(m.country);
      this.members.set(m.bloc, list);
    }
    this.base = new BaseValues(tables, (id) => this.commodities.get(id));
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
    return this.members.has(id) || this.blocs.has(id);
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
    return this.countries.get(id)?.kind === 'aggregate';
  }

  /** Whether the id names a known country, aggregate or bloc. */
  hasActor(id: string): boolean {
    return this.countries.has(id) || this.isBloc(id);
  }

  actorName(id: string): string {
    return this.countries.get(id)?.name ?? this.blocs.get(id)?.name ?? id;
  }

  /** Converts a volume of a commodity to its base unit (for quantities that are not in the tables). */
  toBase(volume: number, unit: string, commodityId: string): number {
    return this.base.toBase(volume, unit, commodityId);
  }

  /**
   * Every flow row's volume in its commodity's base unit, indexed like `tables.flow`, converted when the
   * Model was built. A row that cannot be converted (unknown commodity or unit) holds NaN: `flowVolume(i)`
   * throws its error.
   */
  baseVolumes(): Float64Array {
    return this.base.flowVolumes;
  }

  /** The base volume of flow row `index`; throws the row's conversion error. */
  flowVolume(index: number): number {
    return this.base.flowVolume(index);
  }

  /** A demand, production or stock row's volume, or an asset's capacity, in base units; throws the row's conversion error. */
  baseQuantity(row: QuantityRow): number {
    return valueOrThrow(this.base.quantity(row));
  }

  /** A route's capacity in base units per year, undefined when the route gives none; throws the conversion error. */
  routeCapacity(route: RouteRow): number | undefined {
    const converted = this.base.routeCapacity(route);
    return converted === undefined ? undefined : valueOrThrow(converted);
  }

  /** An agreement's volume (0 when it gives none) in base units of a commodity; throws the conversion error. */
  agreementVolume(row: AgreementRow, commodityId: string): number {
    return valueOrThrow(this.base.agreementVolume(row, commodityId));
  }

  /** A route's transport cost in USD per base unit (0 when it gives none), or the error that says why its unit does not convert. */
  routeCost(route: RouteRow): Converted {
    return this.base.routeCost(route);
  }

  /** A sea lane's freight in USD per base unit of its commodity (0 when it gives none), or the error that says why its unit does not convert. */
  laneCost(lane: SeaLaneRow): Converted {
    if (lane.cost === undefined) return 0;
    const commodity = this.commodities.get(lane.commodity);
    if (!commodity) return new Error(`unknown commodity "${lane.commodity}"`);
    try {
      return moneyPerBaseUnit(lane.cost, lane.cost_unit, commodity);
    } catch (e) {
      return e as Error;
    }
  }

  /** A chokepoint's capacity in base units of `commodityId` per year, undefined when none is given for that commodity; throws the conversion error. */
  chokepointCapacity(chokepoint: ChokepointRow, commodityId: string): number | undefined {
    const commodity = this.commodities.get(commodityId);
    if (chokepoint.capacity === undefined || chokepoint.commodity !== commodityId || !commodity) return undefined;
    return toBaseUnit(chokepoint.capacity, chokepoint.unit, commodity);
  }

  /**
   * The sea lanes from a port or terminal to an importer for a commodity: the lane named for the importer (or for a
   * bloc it belongs to), else the lane for any importer, with the alternative of each. Empty when the node has none.
   */
  seaLanes(fromNode: string, commodity: string, importer: string, importerCountries: readonly string[] = [importer]): SeaLaneRow[] {
    const fromHere = this.tables.seaLane.filter((l) => l.from === fromNode && l.commodity === commodity);
    const serves = (to: string) => to === importer || (this.isBloc(to) && importerCountries.length > 0 && importerCountries.every((c) => c === to || this.blocMembers(to).includes(c)));
    const named = fromHere.filter((l) => l.to !== '' && serves(l.to));
    return named.length > 0 ? named : fromHere.filter((l) => l.to === '');
  }

  /**
   * The unit in which money per quantity of a commodity is shown (`given` when it converts, else USD per the
   * base unit's natural quantity: USD/t, USD/MWh …) and the USD per base unit in one of it, for faces.
   */
  priceUnit(commodityId: string, given?: string): { unit: string; perBase: number } {
    return this.base.priceUnit(commodityId, given);
  }

  /** Flows matching the filter, with volumes in the commodity's base unit (new objects on each call). */
  flows(filter: Partial<Pick<FlowRow, 'year' | 'commodity' | 'exporter' | 'importer' | 'route'>> = {}): BaseFlow[] {
    const wanted = Object.entries(filter).filter(([, v]) => v !== undefined);
    const result: BaseFlow[] = [];
    this.tables.flow.forEach((f, i) => {
      if (!wanted.every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v)) return;
      result.push({ ...f, baseVolume: this.flowVolume(i) });
    });
    return result;
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
    const p = this.parameterRow(name, opts);
    return p ? { value: p.value, unit: p.unit, year: p.year } : undefined;
  }

  /**
   * A named parameter of a commodity (as `parameter`), with its value in base units read as a volume, as
   * money per quantity and as money per quantity per day: the caller picks the reading the parameter means.
   */
  parameterInBase(name: string, opts: { commodity: string; country?: string; year?: number }): ({ value: number; unit: string; year: number } & ParameterInBase) | undefined {
    const p = this.parameterRow(name, opts);
    const converted = p && this.base.parameter(p, opts.commodity);
    return p && converted ? { value: p.value, unit: p.unit, year: p.year, ...converted } : undefined;
  }

  private parameterRow(name: string, opts: { commodity?: string; country?: string; year?: number }): ParameterRow | undefined {
    const candidates = this.tables.parameter
      .filter((p) => p.name === name)
      .filter((p) => p.commodity === '' || p.commodity === opts.commodity)
      .filter((p) => p.country === '' || p.country === opts.country)
      .filter((p) => opts.year === undefined || p.year <= opts.year)
      .sort((a, b) => Number(b.commodity !== '') + Number(b.country !== '') - (Number(a.commodity !== '') + Number(a.country !== '')) || b.year - a.year);
    return candidates[0];
  }
}
