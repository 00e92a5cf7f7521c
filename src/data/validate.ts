// Domain checks on typed tables: keys, references, units, routes whose legs must join, sources.
// Type and range checks of single cells happen while reading (src/schema/coerce.ts).
import { ENTITIES } from '../schema/entities.ts';
import type { Attribute, Entity, EntityName } from '../schema/types.ts';
import type { CommodityRow, LegRow, Tables } from '../model/types.ts';
import { canConvert, isKnownUnit, moneyPerBaseUnit } from '../model/units.ts';
import type { ProblemList } from './problems.ts';
import { checkChains } from './chains.ts';

/** Line numbers of the rows of each table, for locating problems found after reading. */
export type RowLines = Record<EntityName, number[]>;

type Row = Record<string, unknown>;

/**
 * What reading could not bring into the tables: tables that could not be read at all (references to them and
 * checks across their rows cannot be made), and the key cells of rows left out for a bad cell (they exist:
 * references to them are not errors, and checks across rows skip what they belong to).
 */
export interface ReadGaps {
  unreadable: Set<EntityName>;
  dropped: Map<EntityName, Record<string, string>[]>;
}

const NO_GAPS: ReadGaps = { unreadable: new Set(), dropped: new Map() };

/** Values of one key column of the rows of a table left out for a bad cell. */
function droppedValues(gaps: ReadGaps, name: EntityName, column: string): string[] {
  return (gaps.dropped.get(name) ?? []).map((k) => k[column]).filter((v): v is string => Boolean(v));
}

const ISO_ALPHA3 = /^[A-Z]{3}$/;
const SHARE_TOLERANCE = 1e-3;

function rowsOf(tables: Tables, name: EntityName): Row[] {
  return (tables as unknown as Record<string, Row[]>)[name];
}

/** The sets of ids that references may point to; undefined for a target whose table could not be read. */
function idSets(tables: Tables, gaps: ReadGaps): Record<string, Set<string> | undefined> {
  const ids = (name: EntityName, rows: { id: string }[]) =>
    gaps.unreadable.has(name) ? undefined : new Set([...rows.map((r) => r.id), ...droppedValues(gaps, name, 'id')]);
  const countries = ids('country', tables.country);
  const blocs = ids('bloc', tables.bloc);
  return {
    source: ids('source', tables.source),
    country: countries,
    bloc: blocs,
    actor: countries && blocs ? new Set([...countries, ...blocs]) : undefined,
    commodity: ids('commodity', tables.commodity),
    node: ids('node', tables.node),
    asset: ids('asset', tables.asset),
    route: ids('route', tables.route),
    chokepoint: ids('chokepoint', tables.chokepoint),
    seaLane: ids('seaLane', tables.seaLane),
  };
}

function checkKeys(entity: Entity, rows: Row[], lines: number[], problems: ProblemList): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = entity.key.map((k) => String(row[k] ?? '')).join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.error(entity.file, lines[i], entity.key[0], `expected a unique ${entity.key.join(' + ')}, found a duplicate of line ${first} (${key.replace(/\|/g, ', ')})`);
    } else seen.set(key, lines[i]);
  });
}

function checkReferences(entity: Entity, rows: Row[], lines: number[], ids: Record<string, Set<string> | undefined>, problems: ProblemList): void {
  const refAttrs = entity.attributes.filter((a): a is Attribute & { ref: string } => a.ref !== undefined && ids[a.ref] !== undefined);
  rows.forEach((row, i) => {
    for (const attr of refAttrs) {
      const value = row[attr.name];
      const values = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [String(value)];
      for (const v of values) {
        if (!ids[attr.ref]!.has(v)) {
          const what = attr.ref === 'actor' ? 'a country or bloc id' : `a ${attr.ref} id`;
          problems.error(entity.file, lines[i], attr.name, `expected ${what} declared in the dataset, found unknown "${v}"`);
        }
      }
    }
  });
}

function checkProvenance(entity: Entity, rows: Row[], lines: number[], problems: ProblemList): void {
  if (!entity.sourced) return;
  rows.forEach((row, i) => {
    if (row.estimated === true) {
      if (!String(row.note ?? '').trim()) {
        problems.error(entity.file, lines[i], 'note', 'expected a note saying how the estimated figure was derived, found an empty cell');
      } else {
        problems.warning(entity.file, lines[i], 'estimated', `estimated figure: ${row.note}`);
      }
    }
  });
}

function checkCountries(tables: Tables, lines: RowLines, problems: ProblemList): void {
  tables.country.forEach((c, i) => {
    if (c.kind === 'country' && !ISO_ALPHA3.test(c.id)) {
      problems.error('countries.csv', lines.country[i], 'id', `expected an ISO 3166-1 alpha-3 code (three capital letters), found "${c.id}"`);
    }
  });
  const countryIds = new Set(tables.country.map((c) => c.id));
  tables.bloc.forEach((b, i) => {
    if (countryIds.has(b.id)) problems.error('blocs.csv', lines.bloc[i], 'id', `expected a bloc id distinct from every country id, found "${b.id}" in both`);
  });
}

function checkCommodityUnits(tables: Tables, lines: RowLines, problems: ProblemList): void {
  tables.commodity.forEach((c, i) => {
    for (const unit of [c.unit, ...c.allowed_units]) {
      if (!isKnownUnit(unit)) problems.error('commodities.csv', lines.commodity[i], unit === c.unit ? 'unit' : 'allowed_units', `expected a known unit, found "${unit}"`);
      else if (!canConvert(unit, c)) problems.error('commodities.csv', lines.commodity[i], 'allowed_units', `expected a factor that converts ${unit} to ${c.unit} for ${c.id} (barrels_per_tonne, twh_per_bcm or toe_per_tonne), found none`);
    }
    if (!c.allowed_units.includes(c.unit)) problems.error('commodities.csv', lines.commodity[i], 'allowed_units', `expected the base unit ${c.unit} among the allowed units, found ${c.allowed_units.join(';') || 'none'}`);
  });
}

/** Every table whose rows hold a volume or capacity in a unit of their commodity. */
const VOLUME_TABLES: { name: EntityName; commodityColumn: string }[] = [
  { name: 'production', commodityColumn: 'commodity' },
  { name: 'demand', commodityColumn: 'commodity' },
  { name: 'stock', commodityColumn: 'commodity' },
  { name: 'flow', commodityColumn: 'commodity' },
  { name: 'asset', commodityColumn: 'commodity' },
  { name: 'route', commodityColumn: 'commodity' },
];

function checkUnits(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const commodities = new Map<string, CommodityRow>(tables.commodity.map((c) => [c.id, c]));
  for (const { name, commodityColumn } of VOLUME_TABLES) {
    const entity = ENTITIES.find((e) => e.name === name)!;
    rowsOf(tables, name).forEach((row, i) => {
      const commodity = commodities.get(String(row[commodityColumn]));
      if (!commodity) return; // reported as an unknown reference
      const unit = String(row.unit);
      if (name === 'stock') {
        checkStockUnit(commodity, unit, entity.file, lines[name][i], problems);
      } else if (!commodity.allowed_units.includes(unit)) {
        problems.error(entity.file, lines[name][i], 'unit', `expected a unit allowed for ${commodity.id} (${commodity.allowed_units.join(', ')}), found "${unit}"`);
      }
    });
  }
}

/** A stock is a quantity held, not a rate: an allowed unit of the commodity without "/yr" (Mt, bcm, tU). */
export function stockUnits(commodity: CommodityRow): string[] {
  return commodity.allowed_units.filter((u) => /\/(yr|year|a)$/.test(u.trim())).map((u) => u.trim().replace(/\/(yr|year|a)$/, ''));
}

function checkStockUnit(commodity: CommodityRow, unit: string, file: string, line: number, problems: ProblemList): void {
  const units = stockUnits(commodity);
  if (units.includes(unit.trim())) return;
  const rate = commodity.allowed_units.includes(unit.trim()) || /\/(yr|year|a|d|day)$/.test(unit.trim());
  problems.error(file, line, 'unit', `expected a stock unit for ${commodity.id} (${units.join(', ') || 'none: its allowed units are not per year'})${rate ? ': a quantity held, not a rate' : ''}, found "${unit}"`);
}

/** The stock parameters: `stock_release` is a share of the stock released in a year, `stock_days` a number of days. */
function checkStockParameters(tables: Tables, lines: RowLines, problems: ProblemList): void {
  tables.parameter.forEach((p, i) => {
    if (p.name === 'stock_release') {
      if (p.unit !== 'share') problems.error('parameters.csv', lines.parameter[i], 'unit', `expected the unit "share" for stock_release (the share of the stock that can be released in one year), found "${p.unit}"`);
      if (!(p.value >= 0 && p.value <= 1)) problems.error('parameters.csv', lines.parameter[i], 'value', `expected a share between 0 and 1 for stock_release, found ${p.value}`);
    } else if (p.name === 'stock_days') {
      if (p.unit !== 'day') problems.error('parameters.csv', lines.parameter[i], 'unit', `expected the unit "day" for stock_days (days of average daily imports), found "${p.unit}"`);
      if (!(p.value >= 0 && p.value <= 3650)) problems.error('parameters.csv', lines.parameter[i], 'value', `expected between 0 and 3650 days for stock_days, found ${p.value}`);
    }
  });
}

function checkRoutes(tables: Tables, lines: RowLines, problems: ProblemList, gaps: ReadGaps): void {
  // Without legs.csv nothing can be said about how routes are made up; a route with a leg left out for a bad
  // cell is not checked further (its other legs would seem not to join).
  if (gaps.unreadable.has('leg')) return;
  const incomplete = new Set(droppedValues(gaps, 'leg', 'route'));
  const nodes = new Map(tables.node.map((n) => [n.id, n]));
  // Legs grouped by route once (not scanned again for every route), in sequence order.
  const legsByRoute = new Map<string, { leg: LegRow; line: number }[]>();
  tables.leg.forEach((leg, j) => {
    const list = legsByRoute.get(leg.route) ?? [];
    list.push({ leg, line: lines.leg[j] });
    legsByRoute.set(leg.route, list);
  });
  for (const list of legsByRoute.values()) list.sort((a, b) => a.leg.sequence - b.leg.sequence);
  tables.route.forEach((route, i) => {
    const legs = legsByRoute.get(route.id) ?? [];
    const line = lines.route[i];
    if (incomplete.has(route.id)) return;
    if (legs.length === 0) {
      problems.error('routes.csv', line, 'id', `expected at least one leg in legs.csv for route "${route.id}", found none`);
      return;
    }
    if (route.from === route.to) problems.error('routes.csv', line, 'to', `expected a last node different from the first, found "${route.to}" for both`);
    legs.forEach(({ leg, line: legLine }, k) => {
      if (leg.sequence !== k + 1) problems.error('legs.csv', legLine, 'sequence', `expected sequence ${k + 1} for route "${route.id}" (1, 2, 3 … without gaps), found ${leg.sequence}`);
      const previous = legs[k - 1]?.leg;
      if (k === 0 && leg.from !== route.from) problems.error('legs.csv', legLine, 'from', `expected the first leg of "${route.id}" to start at the route's first node "${route.from}", found "${leg.from}"`);
      if (previous && previous.to !== leg.from) problems.error('legs.csv', legLine, 'from', `expected leg ${leg.sequence} of "${route.id}" to start where leg ${previous.sequence} ends ("${previous.to}"), found "${leg.from}"`);
    });
    const last = legs[legs.length - 1];
    if (last.leg.to !== route.to) problems.error('legs.csv', last.line, 'to', `expected the last leg of "${route.id}" to end at the route's last node "${route.to}", found "${last.leg.to}"`);
    const start = nodes.get(route.from);
    if (start && legs[0].leg.country !== start.country) {
      problems.error('legs.csv', legs[0].line, 'country', `expected the first leg of "${route.id}" to be in ${start.country} (country of node "${start.id}"), found ${legs[0].leg.country}`);
    }
  });
}

/** A route's cost needs its unit, money per a quantity that converts for the route's commodity. */
function checkRouteCosts(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const commodities = new Map<string, CommodityRow>(tables.commodity.map((c) => [c.id, c]));
  tables.route.forEach((route, i) => {
    const unit = (route.cost_unit ?? '').trim();
    if (route.cost === undefined) return;
    if (!unit) {
      problems.error('routes.csv', lines.route[i], 'cost_unit', `expected the unit of cost ${route.cost} (money per quantity, e.g. USD/t, USD/bbl, USD/TEU, USD/MWh), found an empty cell`);
      return;
    }
    const commodity = commodities.get(route.commodity);
    if (!commodity) return; // reported as an unknown reference
    try {
      moneyPerBaseUnit(1, unit, commodity);
    } catch (e) {
      problems.error('routes.csv', lines.route[i], 'cost_unit', `${(e as Error).message} for ${commodity.id}`);
    }
  });
}

/** A chokepoint's capacity needs its commodity and a unit of it. */
function checkChokepoints(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const commodities = new Map<string, CommodityRow>(tables.commodity.map((c) => [c.id, c]));
  tables.chokepoint.forEach((c, i) => {
    if (c.capacity === undefined) return;
    const line = lines.chokepoint[i];
    const commodity = commodities.get(c.commodity);
    if (!c.commodity) problems.error('chokepoints.csv', line, 'commodity', `expected the commodity that capacity ${c.capacity} is given for, found an empty cell`);
    else if (commodity && !commodity.allowed_units.includes(c.unit)) {
      problems.error('chokepoints.csv', line, 'unit', `expected a unit allowed for ${commodity.id} (${commodity.allowed_units.join(', ')}), found "${c.unit}"`);
    }
  });
}

/** A sea lane starts at a port or terminal; its cost converts for its commodity; its alternative joins the same places. */
function checkSeaLanes(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const commodities = new Map<string, CommodityRow>(tables.commodity.map((c) => [c.id, c]));
  const nodes = new Map(tables.node.map((n) => [n.id, n]));
  const lanes = new Map(tables.seaLane.map((l) => [l.id, l]));
  tables.seaLane.forEach((lane, i) => {
    const line = lines.seaLane[i];
    const start = nodes.get(lane.from);
    if (start && start.kind !== 'port' && start.kind !== 'terminal') {
      problems.error('sea_lanes.csv', line, 'from', `expected a node of kind port or terminal, found "${lane.from}" of kind ${start.kind}`);
    }
    const commodity = commodities.get(lane.commodity);
    if (lane.cost !== undefined && commodity) {
      if (!lane.cost_unit.trim()) problems.error('sea_lanes.csv', line, 'cost_unit', `expected the unit of cost ${lane.cost} (money per quantity, e.g. USD/t, USD/TEU), found an empty cell`);
      else {
        try {
          moneyPerBaseUnit(1, lane.cost_unit, commodity);
        } catch (e) {
          problems.error('sea_lanes.csv', line, 'cost_unit', `${(e as Error).message} for ${commodity.id}`);
        }
      }
    }
    if (!lane.alternative) return;
    const alt = lanes.get(lane.alternative);
    if (!alt) return; // reported as an unknown reference
    if (alt.id === lane.id) problems.error('sea_lanes.csv', line, 'alternative', `expected another lane than "${lane.id}" itself, found its own id`);
    else if (alt.from !== lane.from || alt.to !== lane.to || alt.commodity !== lane.commodity) {
      problems.error('sea_lanes.csv', line, 'alternative', `expected a lane from "${lane.from}" to "${lane.to || 'any importer'}" for ${lane.commodity}, found "${alt.id}" from "${alt.from}" to "${alt.to || 'any importer'}" for ${alt.commodity}`);
    }
  });
}

function checkFlows(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const routes = new Map(tables.route.map((r) => [r.id, r]));
  const nodes = new Map(tables.node.map((n) => [n.id, n]));
  const aggregates = new Set(tables.country.filter((c) => c.kind === 'aggregate').map((c) => c.id));
  tables.flow.forEach((flow, i) => {
    const line = lines.flow[i];
    if (flow.exporter === flow.importer) problems.error('flows.csv', line, 'importer', `expected an importer other than the exporter, found "${flow.importer}" for both`);
    if (!flow.route) return;
    const route = routes.get(flow.route);
    if (!route) return; // reported as an unknown reference
    if (route.commodity !== flow.commodity) {
      problems.error('flows.csv', line, 'route', `expected a route that carries ${flow.commodity}, found "${route.id}" which carries ${route.commodity}`);
    }
    const origin = nodes.get(route.from)?.country;
    if (origin && !aggregates.has(flow.exporter) && origin !== flow.exporter) {
      problems.error('flows.csv', line, 'route', `expected a route that starts in the exporter ${flow.exporter}, found "${route.id}" which starts in ${origin}`);
    }
  });
}

function checkShares(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const sums = new Map<string, { sum: number; line: number }>();
  tables.crmSupply.forEach((row, i) => {
    const key = `${row.material} ${row.year} ${row.stage} ${row.scope}`;
    const entry = sums.get(key) ?? { sum: 0, line: lines.crmSupply[i] };
    entry.sum += row.share;
    sums.set(key, entry);
  });
  for (const [key, { sum, line }] of sums) {
    if (sum > 1 + SHARE_TOLERANCE) problems.error('crm_supply.csv', line, 'share', `expected the shares of ${key} to add up to at most 1, found ${sum.toFixed(4)}`);
  }
}

/** Runs every domain check and adds what it finds to `problems`. */
export function validateTables(tables: Tables, lines: RowLines, problems: ProblemList, gaps: ReadGaps = NO_GAPS): void {
  const ids = idSets(tables, gaps);
  for (const entity of ENTITIES) {
    const rows = rowsOf(tables, entity.name);
    checkKeys(entity, rows, lines[entity.name], problems);
    checkReferences(entity, rows, lines[entity.name], ids, problems);
    checkProvenance(entity, rows, lines[entity.name], problems);
  }
  checkCountries(tables, lines, problems);
  checkCommodityUnits(tables, lines, problems);
  checkUnits(tables, lines, problems);
  checkStockParameters(tables, lines, problems);
  checkRoutes(tables, lines, problems, gaps);
  checkRouteCosts(tables, lines, problems);
  checkFlows(tables, lines, problems);
  checkChokepoints(tables, lines, problems);
  checkSeaLanes(tables, lines, problems);
  checkShares(tables, lines, problems);
  checkChains(tables, lines, problems);
}
