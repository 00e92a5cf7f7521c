// A scenario's changes to value chains (stage_demand, set_stage_capacity, cut_stage_capacity, lose_stage_supplier,
// raise_stage_capacity, stage_agreement; declared in schema.ts): checked against the dataset's stages, then applied
// to one stage network per commodity (src/solve/stage-network.ts). Pure: no I/O.
import type { Model } from '../model/model.ts';
import { available } from '../errors.ts';
import { buildStageNetwork, cloneStageNetwork, stageIndex, type StageNetwork } from '../solve/stage-network.ts';
import type { AppliedChange } from './apply.ts';
import { fmt } from './network-edit.ts';
import { changeType } from './schema.ts';
import type { Scenario, ScenarioChange, ScenarioProblem } from './scenario-types.ts';

export const STAGE_CHANGES = ['stage_demand', 'set_stage_capacity', 'cut_stage_capacity', 'lose_stage_supplier', 'raise_stage_capacity', 'stage_agreement'] as const;

export function isStageChange(change: ScenarioChange): boolean {
  return (STAGE_CHANGES as readonly string[]).includes(change.type);
}

/** The commodity a stage change is about: its own `commodity`, else the scenario's. */
export function commodityOf(scenario: Scenario, change: ScenarioChange): string {
  return typeof change.values.commodity === 'string' ? change.values.commodity : scenario.commodity;
}

/** "tU/yr" and "tU" name the same stage unit. */
function sameStageUnit(given: string, unit: string): boolean {
  return given.replace(/\/(yr|year|a)$/, '').trim() === unit;
}

/** Where the buyers of a commodity's chain meet: the demand stage and the year of the stage figures. */
interface ChainPlan { stage: string; year: number; line: number; buyers: string[] }

/** Checks every stage change against the dataset's chains; adds the problems found to `problems`. */
export function checkStageChanges(model: Model, scenario: Scenario, problems: ScenarioProblem[]): void {
  const plans = new Map<string, ChainPlan>();
  const stageChanges = scenario.changes.filter(isStageChange);
  for (const change of stageChanges.filter((c) => c.type === 'stage_demand')) checkDemand(model, scenario, change, plans, problems);
  for (const change of stageChanges.filter((c) => c.type !== 'stage_demand')) checkOther(model, scenario, change, plans, problems);
}

function chainOf(model: Model, commodity: string) {
  return model.tables.stage.filter((s) => s.commodity === commodity).sort((a, b) => a.sequence - b.sequence);
}

/** The commodity must have a chain, the stage must be one of it, and a volume must be in the stage's unit. */
function checkStageAndUnit(model: Model, scenario: Scenario, change: ScenarioChange, problems: ScenarioProblem[], stage: string | undefined): boolean {
  const commodity = commodityOf(scenario, change);
  const chain = chainOf(model, commodity);
  const at = (field: string) => change.lines[field] ?? change.line;
  if (chain.length === 0) {
    const withChains = [...new Set(model.tables.stage.map((s) => s.commodity))].sort();
    problems.push({ line: at('commodity'), message: `${change.type}: ${commodity} has no value chain in stages.csv (commodities with one: ${available(withChains)})` });
    return false;
  }
  if (stage === undefined) return true;
  const found = chain.find((s) => s.stage === stage);
  if (!found) {
    problems.push({ line: at('stage'), message: `${change.type}: stage: unknown stage "${stage}" of ${commodity} (its stages: ${chain.map((s) => s.stage).join(', ')})` });
    return false;
  }
  const unit = change.values.unit;
  if (typeof unit === 'string' && !sameStageUnit(unit, found.unit)) {
    problems.push({ line: at('unit'), message: `${change.type}: unit: expected the unit of stage "${stage}" of ${commodity} (${found.unit}), found "${unit}"` });
  }
  return true;
}

function checkDemand(model: Model, scenario: Scenario, change: ScenarioChange, plans: Map<string, ChainPlan>, problems: ScenarioProblem[]): void {
  const commodity = commodityOf(scenario, change);
  const chain = chainOf(model, commodity);
  const stage = typeof change.values.stage === 'string' ? change.values.stage : chain.at(-1)?.stage;
  if (!checkStageAndUnit(model, scenario, change, problems, stage)) return;
  const year = typeof change.values.year === 'number' ? change.values.year : scenario.year;
  const importer = String(change.values.importer);
  const plan = plans.get(commodity);
  if (!plan) { plans.set(commodity, { stage: stage!, year, line: change.line, buyers: [importer] }); return; }
  if (plan.stage !== stage) problems.push({ line: change.lines.stage ?? change.line, message: `stage_demand: every buyer of ${commodity} meets at one stage: expected "${plan.stage}" (line ${plan.line}), found "${stage}"` });
  if (plan.year !== year) problems.push({ line: change.lines.year ?? change.line, message: `stage_demand: the buyers of ${commodity} share the year of the stage figures: expected ${plan.year} (line ${plan.line}), found ${year}` });
  if (plan.buyers.includes(importer)) problems.push({ line: change.lines.importer ?? change.line, message: `stage_demand: ${importer} already has a demand for ${commodity}; give one per buyer` });
  else if (plan.buyers.some((b) => model.blocMembers(b).includes(importer) || model.blocMembers(importer).includes(b))) {
    problems.push({ line: change.lines.importer ?? change.line, message: `stage_demand: ${importer} and a bloc it belongs to (or a member of it) would count the same demand twice; give one of them` });
  }
  if (!plan.buyers.includes(importer)) plan.buyers.push(importer);
}

function checkOther(model: Model, scenario: Scenario, change: ScenarioChange, plans: Map<string, ChainPlan>, problems: ScenarioProblem[]): void {
  const commodity = commodityOf(scenario, change);
  const stage = String(change.values.stage);
  if (!checkStageAndUnit(model, scenario, change, problems, stage)) return;
  const plan = plans.get(commodity);
  if (!plan) {
    problems.push({ line: change.line, message: `${change.type}: ${commodity} has no buyer on its value chain; add a stage_demand for ${commodity} (who wants how much, at which stage)` });
    return;
  }
  const chain = chainOf(model, commodity);
  const position = (id: string) => chain.findIndex((s) => s.stage === id);
  if (position(stage) > position(plan.stage)) {
    problems.push({ line: change.lines.stage ?? change.line, message: `${change.type}: stage "${stage}" comes after "${plan.stage}", where the demand for ${commodity} is counted; it is not modelled` });
    return;
  }
  const country = String(change.values.country ?? change.values.exporter);
  if (change.type === 'cut_stage_capacity' || change.type === 'lose_stage_supplier') {
    // Nothing to cut or lose where the country holds nothing at the stage, in the dataset or by an earlier change.
    const net = buildStageNetwork(model, commodity, plan.year, plan.stage);
    const level = net.stages[stageIndex(net, stage)];
    const earlier = scenario.changes.slice(0, scenario.changes.indexOf(change)).some((c) =>
      ['set_stage_capacity', 'raise_stage_capacity', 'stage_agreement'].includes(c.type) && commodityOf(scenario, c) === commodity &&
      c.values.stage === stage && (c.values.country ?? c.values.exporter) === country);
    if (!earlier && !level.nodes.some((n) => n.country === country)) {
      problems.push({ line: change.lines.country ?? change.line, message: `${change.type}: ${country} has no ${stage} capacity for ${commodity} up to ${plan.year} (countries with one: ${available(level.nodes.map((n) => n.country))})` });
    }
  }
  if (change.type === 'lose_stage_supplier' && buyersCovered(model, plan.buyers, String(change.values.importer)).length === 0) {
    problems.push({ line: change.lines.importer ?? change.line, message: `lose_stage_supplier: importer: "${String(change.values.importer)}" is not a buyer of ${commodity} nor a bloc of buyers (buyers: ${plan.buyers.join(', ')})` });
  }
  if (change.type === 'stage_agreement' && buyerOf(model, plan.buyers, String(change.values.importer)) === undefined) {
    problems.push({ line: change.lines.importer ?? change.line, message: `stage_agreement: importer: "${String(change.values.importer)}" is not a buyer of ${commodity} nor a member of one (buyers: ${plan.buyers.join(', ')})` });
  }
}

/** Buyers a loss for `importer` covers: the importer itself, or the buyers that are members of it. */
function buyersCovered(model: Model, buyers: string[], importer: string): string[] {
  return buyers.filter((b) => b === importer || model.blocMembers(importer).includes(b));
}

/** The buyer an agreement with `importer` serves: the importer itself, or the bloc buyer it belongs to. */
function buyerOf(model: Model, buyers: string[], importer: string): string | undefined {
  return buyers.find((b) => b === importer) ?? buyers.find((b) => model.blocMembers(b).includes(importer));
}

/** The stage networks of a scenario, one per commodity with a stage_demand, with its settings applied. */
export function buildStageNetworks(model: Model, scenario: Scenario): { networks: Map<string, StageNetwork>; applied: AppliedChange[] } {
  const networks = new Map<string, StageNetwork>();
  for (const change of scenario.changes.filter((c) => c.type === 'stage_demand')) {
    const commodity = commodityOf(scenario, change);
    if (!networks.has(commodity)) {
      const stage = typeof change.values.stage === 'string' ? change.values.stage : undefined;
      networks.set(commodity, buildStageNetwork(model, commodity, typeof change.values.year === 'number' ? change.values.year : scenario.year, stage));
    }
  }
  return applyStageChanges(model, networks, scenario, ['setting']);
}

/** Applies the stage changes of `kinds` to copies of the networks. */
export function applyStageChanges(model: Model, networks: Map<string, StageNetwork>, scenario: Scenario, kinds: readonly string[]): { networks: Map<string, StageNetwork>; applied: AppliedChange[] } {
  const out = new Map([...networks].map(([k, net]) => [k, cloneStageNetwork(net)]));
  const applied: AppliedChange[] = [];
  for (const change of scenario.changes.filter(isStageChange)) {
    const spec = changeType(change.type)!;
    if (!kinds.includes(spec.kind)) continue;
    const net = out.get(commodityOf(scenario, change))!;
    const note = typeof change.values.note === 'string' ? change.values.note : undefined;
    const [target, summary] = applyOne(model, net, change);
    applied.push({ type: change.type, kind: spec.kind, target, summary, ...(note ? { note } : {}) });
  }
  return { networks: out, applied };
}

/** One change's effect on its network, and how it reads: [target, summary]. */
function applyOne(model: Model, net: StageNetwork, change: ScenarioChange): [string, string] {
  const v = change.values as Record<string, unknown>;
  const stage = typeof v.stage === 'string' ? v.stage : net.stages.at(-1)!.stage;
  const level = net.stages[stageIndex(net, stage)];
  const unit = level?.unit ?? '';
  const country = String(v.country ?? v.exporter ?? '');
  const node = () => {
    let found = level.nodes.find((n) => n.country === country && n.onlyFor === undefined);
    if (!found) { found = { country, capacity: 0, operators: [] }; level.nodes.push(found); }
    return found;
  };
  const where = `${net.commodity} ${stage} ${country}`;
  switch (change.type) {
    case 'stage_demand': {
      net.buyers.push({ importer: String(v.importer), demand: Number(v.volume) });
      return [`${net.commodity} ${String(v.importer)}`, `${model.actorName(String(v.importer))} wants ${fmt(Number(v.volume))} ${unit}/yr of ${net.commodity} at ${stage} (stage figures up to ${net.year})`];
    }
    case 'set_stage_capacity': {
      const n = node();
      const before = n.capacity;
      n.capacity = Number(v.capacity);
      net.assumptions.push(`${stage}: ${country}'s capacity is the scenario's figure, ${fmt(n.capacity)} ${unit}/yr${typeof v.note === 'string' ? ` (${v.note})` : ''}.`);
      return [where, `${stage} capacity of ${country} set: ${fmt(before)} → ${fmt(n.capacity)} ${unit}/yr`];
    }
    case 'cut_stage_capacity': {
      const n = node();
      const before = n.capacity;
      n.capacity = before * (1 - Number(v.fraction));
      return [where, `${stage} capacity of ${country} cut by ${fmt(Number(v.fraction) * 100)}%: ${fmt(before)} → ${fmt(n.capacity)} ${unit}/yr`];
    }
    case 'raise_stage_capacity': {
      const n = node();
      const before = n.capacity;
      n.capacity = v.capacity !== undefined ? Number(v.capacity) : before + Number(v.by);
      return [where, `${stage} capacity of ${country} raised: ${fmt(before)} → ${fmt(n.capacity)} ${unit}/yr`];
    }
    case 'lose_stage_supplier': {
      const importer = String(v.importer);
      const covered = buyersCovered(model, net.buyers.map((b) => b.importer), importer);
      for (const b of covered) net.closures.push({ stage, country, importer: b });
      const capacity = level.nodes.filter((n) => n.country === country && n.onlyFor === undefined).reduce((a, n) => a + n.capacity, 0);
      return [`${where}>${importer}`, `${covered.join(', ')} can no longer use ${country}'s ${stage} (${fmt(capacity)} ${unit}/yr, left to other buyers)`];
    }
    case 'stage_agreement': {
      const importer = String(v.importer);
      const buyer = buyerOf(model, net.buyers.map((b) => b.importer), importer)!;
      const id = typeof v.agreement === 'string' ? v.agreement : `${country}>${importer} ${stage}`;
      const via = Array.isArray(v.via) ? (v.via as string[]) : [];
      level.nodes.push({ country, capacity: Number(v.volume), operators: [], onlyFor: buyer, agreement: { id, via } });
      return [`${where}>${importer}`, `${fmt(Number(v.volume))} ${unit}/yr of ${stage} in ${country} opened for ${buyer === importer ? importer : `${importer} (in ${buyer})`}${via.length ? `, via ${via.join(', ')}` : ''}`];
    }
  }
  return [where, ''];
}
