// Checks a parsed scenario against a dataset: the commodity and years exist, every id a change names is
// an exporter, importer, route, asset or node of the commodity and year, and every unit converts for the
// commodity. Every problem is reported as `file:line: message`. Pure: no I/O.
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import { isKnownUnit, convert, moneyPerBaseUnit, naturalPriceUnit } from '../model/units.ts';
import { available } from '../errors.ts';
import { LEG_FIELDS, changeType } from './schema.ts';
import { COST_PARAMETERS, DIRECT_PREFIX, FLOW_PARAMETERS, MARKET_PARAMETER_READING, type MarketParameter } from '../solve/network-types.ts';
import { checkStageChanges } from './stage-changes.ts';
import { scenarioError, type Scenario, type ScenarioChange, type ScenarioLeg, type ScenarioProblem } from './scenario-types.ts';

/** What a dataset offers for a commodity and year, for checking ids. */
interface Context {
  exporters: Set<string>;
  importers: Set<string>;
  routes: Set<string>;
}

function contextOf(model: Model, commodity: string, year: number): Context {
  const flows = model.tables.flow.filter((f) => f.commodity === commodity && f.year === year);
  const exporters = new Set(flows.map((f) => f.exporter));
  const importers = new Set(flows.map((f) => f.importer));
  for (const d of model.tables.demand) if (d.commodity === commodity && d.year === year && d.kind === 'imports') importers.add(d.country);
  for (const b of model.tables.bloc) if (model.blocMembers(b.id).some((m) => importers.has(m))) importers.add(b.id);
  for (const i of [...importers]) for (const bloc of model.blocsOf(i)) importers.add(bloc);
  const routes = new Set(model.tables.route.filter((r) => r.commodity === commodity).map((r) => r.id));
  return { exporters, importers, routes };
}

/**
 * Checks a parsed scenario against a dataset; throws CORRIDOR_ERR_SCENARIO_INVALID listing every problem,
 * those given (from readScenario) included.
 */
export function checkScenario(model: Model, scenario: Scenario, given: ScenarioProblem[] = []): void {
  const problems: ScenarioProblem[] = [...given];
  const file = scenario.file || 'scenario';
  const commodity = checkCommodityAndYears(model, scenario, problems, file);
  const check: DatasetCheck = {
    model, scenario, commodity, problems,
    ctx: contextOf(model, scenario.commodity, scenario.year),
    allowed: commodity.allowed_units.map((u) => u.trim()),
    addedRoutes: new Set<string>(),
  };
  for (const change of scenario.changes) {
    checkFields(check, change);
    if (change.type === 'add_route') checkAddRoute(check, change);
    if (change.type === 'sign_agreement' && change.values.volume === undefined) checkAgreementVolume(check, change);
    if (change.type === 'set_parameter') checkSetParameter(check, change);
    checkUnitConverts(check, change);
  }
  checkStageChanges(model, scenario, problems);
  if (problems.length) throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
}

/** What the checks of one scenario against a dataset share. */
interface DatasetCheck {
  model: Model;
  scenario: Scenario;
  commodity: CommodityRow;
  problems: ScenarioProblem[];
  ctx: Context;
  /** The commodity's allowed units. */
  allowed: string[];
  /** Routes added by earlier changes: later changes may name them. */
  addedRoutes: Set<string>;
}

/** Without the commodity and the year's flows no id can be checked: stop there, with every problem so far. */
function checkCommodityAndYears(model: Model, scenario: Scenario, problems: ScenarioProblem[], file: string): CommodityRow {
  const commodity = model.commodity(scenario.commodity);
  if (!commodity) {
    problems.push({ line: scenario.lines.commodity ?? 1, message: `unknown commodity "${scenario.commodity}" (available: ${available(model.tables.commodity.map((c) => c.id))})` });
    throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
  }
  const years = model.flowYears(scenario.commodity);
  if (!years.includes(scenario.year)) {
    problems.push({ line: scenario.lines.year ?? 1, message: `no ${scenario.commodity} flows in ${scenario.year} (years with flows: ${available(years)})` });
  }
  if (scenario.observedYear !== undefined && !years.includes(scenario.observedYear)) {
    problems.push({ line: scenario.lines.observed_year ?? 1, message: `observed_year: no ${scenario.commodity} flows in ${scenario.observedYear} (years with flows: ${available(years)})` });
  }
  if (!years.includes(scenario.year)) throw scenarioError(file, problems.sort((a, b) => a.line - b.line));
  return commodity;
}

/** "Mt/yr" and "Mt/a" name the same unit: only the per-year suffix differs. */
function sameUnit(a: string, b: string): boolean {
  return a.replace(/\/(yr|year|a)$/, '') === b.replace(/\/(yr|year|a)$/, '');
}

/** Every unit and every id a change's fields (and its legs) name must exist for this commodity and year. */
function checkFields(check: DatasetCheck, change: ScenarioChange): void {
  const { scenario, allowed, problems } = check;
  const spec = changeType(change.type)!;
  for (const field of spec.fields) {
    const value = change.values[field.name];
    const line = change.lines[field.name] ?? change.line;
    if (value === undefined) continue;
    if (field.type === 'unit' && typeof value === 'string' && !allowed.some((u) => sameUnit(u, value))) {
      problems.push({ line, message: `${change.type}: unit: expected one of ${scenario.commodity}'s units (${allowed.join(', ')}), found "${value}"` });
    }
    if (field.type === 'legs') {
      for (const leg of value as ScenarioLeg[]) {
        for (const lf of LEG_FIELDS) {
          const v = (leg as unknown as Record<string, unknown>)[lf.name];
          if (lf.ref && typeof v === 'string') checkRef(check, lf.ref, v, leg.line, `legs: ${lf.name}`, change.type);
        }
      }
    }
    if (!field.ref) continue;
    if (field.ref === 'route' && change.type === 'add_route') continue;
    for (const v of Array.isArray(value) ? (value as string[]) : [String(value)]) checkRef(check, field.ref, v, line, field.name, change.type);
  }
}

/** An unknown id is reported with the ids that would have been accepted. */
function checkRef(check: DatasetCheck, ref: string, value: string, line: number, field: string, type: string): void {
  const { model, scenario, ctx, problems } = check;
  const fail = (what: string, list: Iterable<string>): void => { problems.push({ line, message: `${type}: ${field}: unknown ${what} "${value}" (available: ${available(list)})` }); };
  switch (ref) {
    case 'route':
      return checkRouteRef(check, value, line, field, type, fail);
    case 'asset':
      if (model.tables.asset.some((a) => a.id === value && a.commodity === scenario.commodity)) return;
      return fail(`${scenario.commodity} asset`, model.tables.asset.filter((a) => a.commodity === scenario.commodity).map((a) => a.id));
    case 'node':
      if (model.tables.node.some((n) => n.id === value)) return;
      return fail('node', model.tables.node.map((n) => n.id));
    case 'chokepoint':
      if (model.tables.chokepoint.some((c) => c.id === value)) return;
      return fail('chokepoint', model.tables.chokepoint.map((c) => c.id));
    case 'country':
      if (model.tables.country.some((c) => c.id === value)) return;
      return fail('country', model.tables.country.map((c) => c.id));
    case 'actor':
      if (model.hasActor(value)) return;
      return fail('country or bloc', [...model.tables.country.map((c) => c.id), ...model.tables.bloc.map((b) => b.id)]);
    case 'exporter':
      if (ctx.exporters.has(value)) return;
      if (type === 'sign_agreement' && model.hasActor(value)) return;
      return fail(`exporter of ${scenario.commodity} in ${scenario.year}`, [...ctx.exporters].sort());
    case 'importer':
      if (ctx.importers.has(value)) return;
      return fail(`importer of ${scenario.commodity} in ${scenario.year}`, [...ctx.importers].sort());
    case 'agreement':
      if (model.tables.agreement.some((a) => a.id === value)) return;
      return fail('agreement', model.tables.agreement.map((a) => a.id));
    case 'parameter':
      if (value in FLOW_PARAMETERS && value !== 'transit_fee') return;
      return fail('parameter', Object.keys(FLOW_PARAMETERS).filter((p) => p !== 'transit_fee'));
  }
}

/** A route may be the commodity's, one added earlier, or the direct route of a pair that trades; another commodity's route is named as such. */
function checkRouteRef(check: DatasetCheck, value: string, line: number, field: string, type: string, fail: (what: string, list: Iterable<string>) => void): void {
  const { model, scenario, ctx, addedRoutes } = check;
  if (ctx.routes.has(value) || addedRoutes.has(value)) return;
  if (value.startsWith(DIRECT_PREFIX)) {
    const [e, i] = value.slice(DIRECT_PREFIX.length).split('>');
    if (e && i && ctx.exporters.has(e) && ctx.importers.has(i)) return;
  }
  if (model.route(value)) { check.problems.push({ line, message: `${type}: ${field}: route "${value}" carries ${model.route(value)!.commodity}, not ${scenario.commodity}` }); return; }
  return fail(`${scenario.commodity} route`, [...ctx.routes, ...addedRoutes]);
}

/** A new route needs a cost the LP can compare, a new id, and must start where its exporter is. */
function checkAddRoute(check: DatasetCheck, change: ScenarioChange): void {
  const { model, commodity, problems, addedRoutes } = check;
  const id = String(change.values.id);
  const costUnit = change.values.cost_unit;
  if (change.values.cost !== undefined && costUnit === undefined && change.lines.cost_unit === undefined) {
    problems.push({ line: change.lines.cost ?? change.line, message: `add_route: cost needs a cost_unit (money per quantity, e.g. "${naturalPriceUnit(commodity)}")` });
  }
  if (typeof costUnit === 'string') {
    try { moneyPerBaseUnit(1, costUnit, commodity); } catch (e) { problems.push({ line: change.lines.cost_unit ?? change.line, message: `add_route: cost_unit: ${(e as Error).message}` }); }
  }
  if (model.route(id) || addedRoutes.has(id)) problems.push({ line: change.lines.id ?? change.line, message: `add_route: id: route "${id}" exists already; pick a new id` });
  addedRoutes.add(id);
  const legs = change.values.legs as ScenarioLeg[] | undefined;
  if (legs?.length && legs[0].country !== change.values.exporter) {
    problems.push({ line: legs[0].line, message: `add_route: the first leg must be in the exporter's country ${String(change.values.exporter)}, found ${legs[0].country}` });
  }
}

/** An agreement without its own volume takes the agreement row's, which must exist in a unit of the commodity. */
function checkAgreementVolume(check: DatasetCheck, change: ScenarioChange): void {
  const { model, scenario, allowed, problems } = check;
  const id = change.values.agreement as string | undefined;
  const agreement = id ? model.tables.agreement.find((a) => a.id === id) : undefined;
  if (!id) problems.push({ line: change.line, message: 'sign_agreement: give `volume` and `unit`, or an `agreement` whose row has a volume' });
  else if (agreement && (agreement.volume === undefined || !agreement.unit)) {
    problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" names no volume; give \`volume\` and \`unit\`` });
  } else if (agreement && !allowed.some((u) => sameUnit(u, agreement.unit))) {
    problems.push({ line: change.lines.agreement, message: `sign_agreement: agreement "${id}" is in ${agreement.unit}, not one of ${scenario.commodity}'s units (${allowed.join(', ')})` });
  }
}

/** Each parameter has its own scope (per country or whole network) and its own kind of unit (share, volume, money). */
function checkSetParameter(check: DatasetCheck, change: ScenarioChange): void {
  const { commodity, allowed, problems } = check;
  const name = String(change.values.name);
  const unit = String(change.values.unit ?? '');
  const line = change.lines.unit ?? change.lines.name ?? change.line;
  const perCountry = name === 'world_market_access' || name === 'export_capacity' || name === 'stock_release' || name === 'export_discount';
  if (perCountry && change.values.country === undefined) problems.push({ line: change.line, message: `set_parameter: ${name} applies per country; add "country:"` });
  if (!perCountry && change.values.country !== undefined) problems.push({ line: change.lines.country, message: `set_parameter: ${name} applies to the whole network; remove "country:"` });
  const negative = () => {
    if (Number(change.values.value) < 0) problems.push({ line: change.lines.value, message: `set_parameter: ${name}: expected a value ≥ 0, found ${String(change.values.value)}` });
  };
  if (name === 'world_market_access' || name === 'stock_release') {
    const v = Number(change.values.value);
    if (!(v >= 0 && v <= 1)) problems.push({ line: change.lines.value, message: `set_parameter: ${name}: expected a share from 0 to 1, found ${v}` });
  } else if (name === 'world_market_spare' || name === 'export_capacity') {
    if (!allowed.some((u) => sameUnit(u, unit))) problems.push({ line, message: `set_parameter: ${name}: expected a unit among ${allowed.join(', ')}, found "${unit}"` });
    negative();
  } else if (name in MARKET_PARAMETER_READING) {
    checkMarketParameter(check, change, name as MarketParameter);
  } else if ((COST_PARAMETERS as readonly string[]).includes(name)) {
    try {
      moneyPerBaseUnit(1, unit, commodity, name === 'time_value');
    } catch {
      const example = `${naturalPriceUnit(commodity)}${name === 'time_value' ? '/day' : ''}`;
      problems.push({ line, message: `set_parameter: ${name}: expected a unit like "${example}" (USD per a quantity that converts to ${commodity.unit}), found "${unit}"` });
    }
    negative();
  }
}

/**
 * A world-market figure: an elasticity has its sign (supply rises and demand falls with the price) and no unit but
 * `elasticity`; world demand and spare capacity are volumes in the commodity's units, ≥ 0; the price (> 0) and an
 * exporter's discount (≥ 0) are money per quantity. Only a fungible commodity has a world market.
 */
function checkMarketParameter(check: DatasetCheck, change: ScenarioChange, name: MarketParameter): void {
  const { commodity, allowed, problems, ctx, scenario } = check;
  const unit = String(change.values.unit ?? '');
  const line = change.lines.unit ?? change.lines.name ?? change.line;
  const valueLine = change.lines.value ?? change.line;
  const value = Number(change.values.value);
  const reading = MARKET_PARAMETER_READING[name];
  if (!commodity.fungible && name !== 'price') {
    problems.push({ line: change.lines.name ?? change.line, message: `set_parameter: ${name}: ${commodity.id} is not fungible, so it has no world market to set` });
    return;
  }
  if (reading === 'plain') {
    if (unit !== '' && unit !== 'elasticity') problems.push({ line, message: `set_parameter: ${name}: an elasticity has no unit (leave it out or write "elasticity"), found "${unit}"` });
    if (name.startsWith('supply') && !(value >= 0)) problems.push({ line: valueLine, message: `set_parameter: ${name}: expected a value ≥ 0 (supply rises with the price), found ${String(change.values.value)}` });
    if (name.startsWith('demand') && !(value <= 0)) problems.push({ line: valueLine, message: `set_parameter: ${name}: expected a value ≤ 0 (demand falls as the price rises), found ${String(change.values.value)}` });
    return;
  }
  if (reading === 'volume') {
    if (!allowed.some((u) => sameUnit(u, unit))) problems.push({ line, message: `set_parameter: ${name}: expected a unit among ${allowed.join(', ')}, found "${unit}"` });
    else {
      try { convert(1, unit, commodity.unit, commodity); } catch (e) { problems.push({ line, message: `set_parameter: ${name}: unit: ${(e as Error).message}` }); }
    }
  } else {
    try {
      moneyPerBaseUnit(1, unit, commodity);
    } catch {
      problems.push({ line, message: `set_parameter: ${name}: expected a unit like "${naturalPriceUnit(commodity)}" (USD per a quantity that converts to ${commodity.unit}), found "${unit}"` });
    }
  }
  if (name === 'price' && !(value > 0)) problems.push({ line: valueLine, message: `set_parameter: price: expected a value > 0, found ${String(change.values.value)}` });
  else if (!(value >= 0)) problems.push({ line: valueLine, message: `set_parameter: ${name}: expected a value ≥ 0, found ${String(change.values.value)}` });
  const country = change.values.country;
  if (name === 'export_discount' && typeof country === 'string' && !ctx.exporters.has(country)) {
    problems.push({ line: change.lines.country ?? change.line, message: `set_parameter: export_discount: ${country} is not an exporter of ${scenario.commodity} in ${scenario.year} (exporters: ${available([...ctx.exporters].sort())})` });
  }
}

/** A unit the commodity allows must still convert to its base unit (e.g. kb/d needs a density). */
function checkUnitConverts(check: DatasetCheck, change: ScenarioChange): void {
  const unit = change.values.unit;
  const { commodity, allowed } = check;
  if (typeof unit === 'string' && change.type !== 'set_parameter' && isKnownUnit(unit) && allowed.some((u) => sameUnit(u, unit))) {
    try { convert(1, unit, commodity.unit, commodity); } catch (e) { check.problems.push({ line: change.lines.unit, message: `${change.type}: unit: ${(e as Error).message}` }); }
  }
}
