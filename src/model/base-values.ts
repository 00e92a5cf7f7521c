// Every quantity of a dataset in its commodity's base unit, converted once when the Model is built, so
// that the metrics and the solver never convert (src/model/units.ts holds the factors). A value whose
// unit does not convert keeps its error instead of a number: a dataset with one bad row can still be
// read and validated, and the error is raised, or noted, only where that value is used.
import type { AgreementRow, AssetRow, CommodityRow, DemandRow, FlowRow, ParameterRow, ProductionRow, RouteRow, StockRow, Tables } from './types.ts';
import { moneyPerBaseUnit, naturalPriceUnit, toBaseUnit } from './units.ts';

/** A value in base units, or the error that says why the value could not be converted. */
export type Converted = number | Error;

/** The value, or the conversion error thrown. */
export function valueOrThrow(converted: Converted): number {
  if (converted instanceof Error) throw converted;
  return converted;
}

/** Rows whose `volume` (or an asset's `capacity`) is a quantity of their commodity. */
export type QuantityRow = DemandRow | ProductionRow | StockRow | AssetRow;

/**
 * A parameter's value in base units, read each way a parameter can be meant: a volume per year, money
 * per quantity (USD per base unit) and money per quantity per day in transit. Which one applies depends
 * on the parameter, so the reader picks; the other two are usually errors.
 */
export interface ParameterInBase {
  volume: Converted;
  money: Converted;
  moneyPerDay: Converted;
}

/** A value given with its unit (a parameter, a scenario's figure) read each way a parameter can be meant. */
export function readingsInBase(value: number, unit: string, commodity: CommodityRow): ParameterInBase {
  return {
    volume: attempt(() => toBaseUnit(value, unit, commodity)),
    money: attempt(() => moneyPerBaseUnit(value, unit, commodity)),
    moneyPerDay: attempt(() => moneyPerBaseUnit(value, unit, commodity, true)),
  };
}

type CommodityLookup = (id: string) => CommodityRow | undefined;

/** Runs a conversion, keeping the error rather than throwing it. */
function attempt(convert: () => number): Converted {
  try {
    return convert();
  } catch (e) {
    return e as Error;
  }
}

/** The base-unit values of every table that holds quantities or money per quantity. */
export class BaseValues {
  /** Each flow row's volume, indexed like `tables.flow`; NaN where the row does not convert (see flowErrors). */
  readonly flowVolumes: Float64Array;
  private readonly flowErrors = new Map<number, Error>();
  private readonly quantities = new Map<QuantityRow, Converted>();
  private readonly routeCapacities = new Map<RouteRow, Converted | undefined>();
  private readonly routeCosts = new Map<RouteRow, Converted>();
  /** By agreement row, then by commodity: a scenario may sign an agreement for any commodity its unit converts for. */
  private readonly agreements = new Map<AgreementRow, Map<string, Converted>>();
  /** By parameter row, then by commodity (a row without a commodity applies to every commodity). */
  private readonly parameters = new Map<ParameterRow, Map<string, ParameterInBase>>();
  private readonly commodityOf: CommodityLookup;

  constructor(tables: Tables, commodityOf: CommodityLookup) {
    this.commodityOf = commodityOf;
    this.flowVolumes = this.convertFlows(tables.flow);
    for (const rows of [tables.demand, tables.production, tables.stock]) {
      for (const row of rows) this.quantities.set(row, attempt(() => this.toBase(row.volume, row.unit, row.commodity)));
    }
    for (const a of tables.asset) this.quantities.set(a, attempt(() => this.toBase(a.capacity, a.unit, a.commodity)));
    for (const r of tables.route) {
      this.routeCapacities.set(r, r.capacity === undefined ? undefined : attempt(() => this.toBase(r.capacity!, r.unit, r.commodity)));
      this.routeCosts.set(r, r.cost === undefined ? 0 : attempt(() => moneyPerBaseUnit(r.cost!, r.cost_unit ?? '', this.known(r.commodity))));
    }
    // Parameters and agreements are not tied to one commodity: each is converted for a commodity the first time
    // it is asked for (then kept), since converting every row for every commodity would mostly make errors.
  }

  /** Converts a volume of a commodity to its base unit (throws for an unknown commodity or unit). */
  toBase(volume: number, unit: string, commodityId: string): number {
    return toBaseUnit(volume, unit, this.known(commodityId));
  }

  /** A flow row's volume in base units; throws the row's conversion error. */
  flowVolume(index: number): number {
    const volume = this.flowVolumes[index];
    const error = Number.isNaN(volume) ? this.flowErrors.get(index) : undefined;
    if (error) throw error;
    return volume;
  }

  /** A demand, production or stock row's volume, or an asset's capacity, in base units (or its error). */
  quantity(row: QuantityRow): Converted {
    return this.quantities.get(row) ?? attempt(() => this.toBase('volume' in row ? row.volume : row.capacity, row.unit, row.commodity));
  }

  /** A route's capacity in base units per year (or its error); undefined when the route gives none. */
  routeCapacity(route: RouteRow): Converted | undefined {
    return this.routeCapacities.has(route) ? this.routeCapacities.get(route) : undefined;
  }

  /** A route's transport cost in USD per base unit (0 when it gives none), or its error. */
  routeCost(route: RouteRow): Converted {
    return this.routeCosts.get(route) ?? 0;
  }

  /** An agreement's volume in base units of a commodity (or its error). */
  agreementVolume(row: AgreementRow, commodityId: string): Converted {
    const byCommodity = this.agreements.get(row) ?? new Map<string, Converted>();
    this.agreements.set(row, byCommodity);
    // An agreement without a volume counts as 0 in its unit (which must still convert).
    if (!byCommodity.has(commodityId)) byCommodity.set(commodityId, attempt(() => this.toBase(row.volume ?? 0, row.unit, commodityId)));
    return byCommodity.get(commodityId)!;
  }

  /** A parameter row's value in base units for a commodity it applies to. */
  parameter(row: ParameterRow, commodityId: string): ParameterInBase | undefined {
    if (row.commodity !== '' && row.commodity !== commodityId) return undefined;
    const commodity = this.commodityOf(commodityId);
    if (!commodity) return undefined;
    const byCommodity = this.parameters.get(row) ?? new Map<string, ParameterInBase>();
    this.parameters.set(row, byCommodity);
    if (!byCommodity.has(commodityId)) byCommodity.set(commodityId, readingsInBase(row.value, row.unit, commodity));
    return byCommodity.get(commodityId);
  }

  /**
   * The unit in which a commodity's money per quantity is shown (the given price unit when it converts,
   * else USD per the base unit's natural quantity) and how many USD per base unit one of it is.
   */
  priceUnit(commodityId: string, given?: string): { unit: string; perBase: number } {
    const commodity = this.known(commodityId);
    const unit = naturalPriceUnit(commodity, given);
    return { unit, perBase: moneyPerBaseUnit(1, unit, commodity) };
  }

  private known(commodityId: string): CommodityRow {
    const commodity = this.commodityOf(commodityId);
    if (!commodity) throw new Error(`unknown commodity: ${commodityId}`);
    return commodity;
  }

  private convertFlows(rows: FlowRow[]): Float64Array {
    const volumes = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i];
      try {
        volumes[i] = this.toBase(f.volume, f.unit, f.commodity);
      } catch (e) {
        volumes[i] = NaN;
        this.flowErrors.set(i, e as Error);
      }
    }
    return volumes;
  }
}
