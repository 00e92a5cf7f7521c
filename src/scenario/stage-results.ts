// The `stages` section of a scenario result: each value chain with a buyer, solved before and after the
// scenario's changes with the stage LP (src/solve/stage-lp.ts), stage by stage: what each stage can pass in
// units of the final product, what it passes, whether it binds, who holds it; per buyer what it gets (and
// the range it could get where the LP does not decide between buyers); what each agreement adds; which
// transit states carry agreed material; and findings in words. Pure: no I/O.
import type { Highs } from 'highs';
import type { Model } from '../model/model.ts';
import { servedRange, solveStageNetwork, type StageSolution } from '../solve/stage-lp.ts';
import { cloneStageNetwork, inputToLast, isLimited, type StageNetwork } from '../solve/stage-network.ts';
import { fmt } from './network-edit.ts';
import { roundTo as roundDigits } from './result-helpers.ts';

/** Differences below this (in a stage's unit) are the solver's tolerance, not a change worth a sentence. */
const VISIBLE = 0.01;

/** Stage volumes are rounded to thousandths of their unit: the LP's later steps hold earlier ones to a tolerance of about that. */
const roundTo = (v: number, digits = 3) => roundDigits(v, digits);

export interface StageHolderResult {
  country: string;
  operators: string[];
  capacityBaseline: number;
  capacity: number;
  outputBaseline: number;
  outputScenario: number;
  /** Buyers that may not use this country's stage in the scenario. */
  closedTo: string[];
  /** Final product one more unit of its capacity delivers in the scenario (0 when it does not bind). */
  shadowPrice: number;
}

export interface StageLevelResult {
  stage: string;
  name: string;
  unit: string;
  inputPerUnit: number;
  /** Year and kind of the figures; null when the stage has none (it then does not limit). */
  dataYear: number | null;
  kind: 'capacity' | 'production' | null;
  limited: boolean;
  /** Capacity of the stage (every country's, agreements included), in its unit; null when unlimited. */
  capacityBaseline: number | null;
  capacity: number | null;
  /** The same in units of the final product: capacity / (input per unit of every later stage). */
  finalEquivalentBaseline: number | null;
  finalEquivalent: number | null;
  outputBaseline: number;
  outputScenario: number;
  /** Some country's capacity binds in the scenario: one more unit of it would deliver more. */
  binding: boolean;
  holders: StageHolderResult[];
}

export interface StageBuyerResult {
  importer: string;
  name: string;
  demand: number;
  servedBaseline: number;
  servedScenario: number;
  unserved: number;
  /** What the buyer gets at least and at most among the solutions with the least shortfall (other buyers may take the rest). */
  servedMin: number;
  servedMax: number;
}

export interface StageAgreementResult {
  agreement: string;
  stage: string;
  exporter: string;
  importer: string;
  volume: number;
  /** Volume of the agreement taken in the scenario. */
  used: number;
  /** Final product the agreement adds: delivered with it minus delivered without it. */
  adds: number;
  via: string[];
}

export interface StageChainResult {
  commodity: string;
  name: string;
  /** Year of the stage figures. */
  year: number;
  demandStage: string;
  /** Unit of demand and final-product figures (the demand stage's). */
  unit: string;
  buyers: StageBuyerResult[];
  stages: StageLevelResult[];
  /** The stage that can pass the least final product (the chain's narrowest point), before and in the scenario. */
  bottleneckBaseline: string | null;
  bottleneck: string | null;
  agreements: StageAgreementResult[];
  /** Transit states that carry agreed material, and how much (in the unit of the agreement's stage). */
  transit: { country: string; stage: string; volume: number }[];
  /** Final product not delivered, summed over buyers (the LP's objective). */
  objectiveBaseline: number;
  objective: number;
  findings: string[];
  assumptions: string[];
}

/** Solves each chain before and after, and reports it. */
export function stageResults(model: Model, highs: Highs, before: Map<string, StageNetwork>, after: Map<string, StageNetwork>): StageChainResult[] {
  return [...after.keys()].map((commodity) => chainResult(model, highs, before.get(commodity)!, after.get(commodity)!));
}

function chainResult(model: Model, highs: Highs, netB: StageNetwork, netA: StageNetwork): StageChainResult {
  const solB = solveStageNetwork(highs, netB);
  const solA = solveStageNetwork(highs, netA);
  const ranges = servedRange(highs, netA, solA.objective);
  const last = netA.stages.at(-1)!;
  const stages = netA.stages.map((level, s) => levelResult(netB, netA, solB, solA, s));
  const agreements = agreementResults(highs, netA, solA);
  const transit = new Map<string, { country: string; stage: string; volume: number }>();
  for (const a of agreements) {
    for (const c of a.via) {
      const key = `${c} ${a.stage}`;
      const t = transit.get(key) ?? { country: c, stage: a.stage, volume: 0 };
      t.volume += a.used;
      transit.set(key, t);
    }
  }
  const buyers = netA.buyers.map((b, i): StageBuyerResult => ({
    importer: b.importer,
    name: model.actorName(b.importer),
    demand: roundTo(b.demand),
    servedBaseline: roundTo(solB.served[netB.buyers.findIndex((x) => x.importer === b.importer)] ?? 0),
    servedScenario: roundTo(solA.served[i]),
    unserved: roundTo(solA.unserved[i]),
    servedMin: roundTo(ranges[i].min),
    servedMax: roundTo(ranges[i].max),
  }));
  const narrowest = (levels: StageLevelResult[], pick: (l: StageLevelResult) => number | null) => {
    const limited = levels.filter((l) => pick(l) !== null);
    return limited.length === 0 ? null : limited.reduce((best, l) => (pick(l)! < pick(best)! ? l : best)).stage;
  };
  const result: StageChainResult = {
    commodity: netA.commodity,
    name: model.commodity(netA.commodity)?.name ?? netA.commodity,
    year: netA.year,
    demandStage: last.stage,
    unit: last.unit,
    buyers,
    stages,
    bottleneckBaseline: narrowest(stages, (l) => l.finalEquivalentBaseline),
    bottleneck: narrowest(stages, (l) => l.finalEquivalent),
    agreements,
    transit: [...transit.values()].map((t) => ({ ...t, volume: roundTo(t.volume) })),
    objectiveBaseline: roundTo(solB.objective),
    objective: roundTo(solA.objective),
    findings: [],
    assumptions: [...new Set([...netA.assumptions,
      ...netA.stages.filter((l) => !isLimited(l)).map((l) => `${l.stage}: no capacity figures up to ${netA.year}; the stage does not limit the chain.`),
      'Where a stage has spare capacity, which country produces is not decided: the holders\' outputs are one of the best solutions.'])],
  };
  result.findings = findings(result, netA);
  return result;
}

function levelResult(netB: StageNetwork, netA: StageNetwork, solB: StageSolution, solA: StageSolution, s: number): StageLevelResult {
  const a = netA.stages[s];
  const b = netB.stages[s];
  const capacity = (level: typeof a) => (isLimited(level) ? level.nodes.reduce((sum, n) => sum + n.capacity, 0) : null);
  const ratioA = inputToLast(netA, s);
  const ratioB = inputToLast(netB, s);
  const capA = capacity(a);
  const capB = capacity(b);
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  // Holders by country: a country's agreement supply is added to its own row.
  const countries = [...new Set([...b.nodes.map((n) => n.country), ...a.nodes.map((n) => n.country)])];
  const holders = countries.map((country): StageHolderResult => {
    const nodesA = a.nodes.map((n, i) => [n, i] as const).filter(([n]) => n.country === country);
    const nodesB = b.nodes.map((n, i) => [n, i] as const).filter(([n]) => n.country === country);
    return {
      country,
      operators: [...new Set(nodesA.flatMap(([n]) => n.operators))],
      capacityBaseline: roundTo(sum(nodesB.map(([n]) => n.capacity))),
      capacity: roundTo(sum(nodesA.map(([n]) => n.capacity))),
      outputBaseline: roundTo(sum(nodesB.map(([, i]) => solB.nodeOutput[s][i]))),
      outputScenario: roundTo(sum(nodesA.map(([, i]) => solA.nodeOutput[s][i]))),
      closedTo: netA.closures.filter((c) => c.stage === a.stage && c.country === country).map((c) => c.importer),
      shadowPrice: roundDigits(Math.max(0, ...nodesA.map(([, i]) => solA.nodeShadow[s][i])), 9),
    };
  }).sort((x, y) => y.capacity - x.capacity || x.country.localeCompare(y.country));
  return {
    stage: a.stage, name: a.name, unit: a.unit, inputPerUnit: a.inputPerUnit,
    dataYear: a.dataYear ?? null, kind: a.kind ?? null, limited: isLimited(a),
    capacityBaseline: capB === null ? null : roundTo(capB),
    capacity: capA === null ? null : roundTo(capA),
    finalEquivalentBaseline: capB === null ? null : roundTo(capB / ratioB),
    finalEquivalent: capA === null ? null : roundTo(capA / ratioA),
    outputBaseline: roundTo(sum(solB.nodeOutput[s]) + solB.freeOutput[s]),
    outputScenario: roundTo(sum(solA.nodeOutput[s]) + solA.freeOutput[s]),
    binding: holders.some((h) => h.shadowPrice > 1e-9),
    holders,
  };
}

/** Each agreement's take, and what it adds: the scenario solved again without it. */
function agreementResults(highs: Highs, net: StageNetwork, sol: StageSolution): StageAgreementResult[] {
  const out: StageAgreementResult[] = [];
  net.stages.forEach((level, s) => level.nodes.forEach((node, n) => {
    if (!node.agreement) return;
    const without = cloneStageNetwork(net);
    without.stages[s].nodes[n].capacity = 0;
    const rest = solveStageNetwork(highs, without);
    out.push({
      agreement: node.agreement.id, stage: level.stage, exporter: node.country, importer: node.onlyFor!,
      volume: roundTo(node.capacity), used: roundTo(sol.nodeOutput[s][n]),
      adds: roundTo(rest.objective - sol.objective), via: [...node.agreement.via],
    });
  }));
  return out;
}

/** The chain in sentences: each stage's room and what binds, what each agreement's exporter can and cannot replace, who gains. */
function findings(r: StageChainResult, net: StageNetwork): string[] {
  const lines: string[] = [];
  const wanted = r.buyers.reduce((a, b) => a + b.demand, 0);
  for (const l of r.stages) {
    if (!l.limited) { lines.push(`${l.stage}: no capacity figures, not limiting.`); continue; }
    const closed = l.holders.filter((h) => h.closedTo.length > 0);
    const lost = closed.map((h) => `${h.country} (${fmt(h.capacity)} ${l.unit}) closed to ${h.closedTo.join(', ')}`);
    lines.push(`${l.stage}: capacity ${fmt(l.capacity!)} ${l.unit} = ${fmt(l.finalEquivalent!)} ${r.unit} of final product for ${fmt(wanted)} wanted` +
      `${l.binding ? '; binds' : ''}${lost.length ? `; ${lost.join('; ')}` : ''}.`);
  }
  const binding = r.stages.filter((l) => l.binding).map((l) => l.stage);
  lines.push(binding.length ? `What remains a bottleneck: ${binding.join(', ')} (one more unit of it delivers more final product).` : 'Nothing binds: every buyer is served.');
  // What the exporter of each agreement holds at every stage: where it holds nothing, it cannot replace anyone.
  for (const exporter of [...new Set(r.agreements.map((a) => a.exporter))]) {
    const held = r.stages.map((l) => {
      const h = l.holders.find((x) => x.country === exporter);
      const share = h && l.capacity ? ` (${fmt((h.capacity / l.capacity) * 100)}%)` : '';
      return h && h.capacity > 0 ? `${l.stage} ${fmt(h.capacity)} ${l.unit}${share}` : `no ${l.stage}`;
    });
    const cannot = r.stages.filter((l) => !(l.holders.find((x) => x.country === exporter)?.capacity)).map((l) => l.stage);
    lines.push(`${exporter} holds ${held.join(', ')}${cannot.length ? `: it cannot replace anyone at ${cannot.join(', ')}` : ''}.`);
  }
  for (const a of r.agreements) {
    const verdict = a.adds > VISIBLE ? `adds ${fmt(a.adds)} ${r.unit} of final product` : `adds no final product${binding.length ? ` (${binding.join(', ')} binds)` : ' (nothing is short)'}`;
    lines.push(`${a.agreement}: ${a.exporter} → ${a.importer} at ${a.stage}, ${fmt(a.volume)} opened, ${fmt(a.used)} taken; ${verdict}.`);
  }
  // Who gains: the exporters of agreements (what they sell), the buyers (what they receive), the transit states (what they carry).
  const gains = [
    ...r.agreements.filter((a) => a.used > VISIBLE).map((a) => `${a.exporter} sells ${fmt(a.used)} ${unitOf(r, a.stage)} of ${a.stage} to ${a.importer}`),
    ...r.buyers.filter((b) => Math.abs(b.servedScenario - b.servedBaseline) > VISIBLE).map((b) => `${b.importer} receives ${fmt(Math.abs(b.servedScenario - b.servedBaseline))} ${r.unit} ${b.servedScenario > b.servedBaseline ? 'more' : 'less'}`),
    ...r.transit.map((t) => `${t.country} carries ${fmt(t.volume)} ${unitOf(r, t.stage)} in transit`),
  ];
  // A buyer whose agreements bring it nothing more at the end of the chain gains diversification, not volume.
  for (const importer of new Set(r.agreements.map((a) => a.importer))) {
    const b = r.buyers.find((x) => x.importer === importer);
    if (b && Math.abs(b.servedScenario - b.servedBaseline) <= VISIBLE) gains.push(`${importer} receives no more ${r.unit}${binding.length ? ` (${binding.join(', ')} binds)` : ''}, from other suppliers`);
  }
  if (gains.length) lines.push(`Who gains and who loses: ${gains.join('; ')}.`);
  for (const b of r.buyers) {
    const range = b.servedMin < b.servedMax - VISIBLE ? `; between ${fmt(b.servedMin)} and ${fmt(b.servedMax)} depending on who outbids whom` : '';
    lines.push(`${b.importer} receives ${fmt(b.servedScenario)} of ${fmt(b.demand)} ${r.unit} (baseline ${fmt(b.servedBaseline)}${range}).`);
  }
  if (net.buyers.length > 1 && r.objective > VISIBLE) lines.push('Where capacity is short, the shortage is shared in proportion to demand as far as each buyer\'s access allows (no prices decide it); the range says how far it could fall otherwise.');
  return lines;
}

function unitOf(r: StageChainResult, stage: string): string {
  return r.stages.find((l) => l.stage === stage)?.unit ?? '';
}
