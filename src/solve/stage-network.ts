// The stage network of a value chain (docs/methods/value-chains.md, "Flows across stages"): per stage of a
// commodity, the countries that can perform it with their capacity, how much of the stage before one unit
// takes, and the buyers whose demand is counted at one named stage. Built from stages.csv and
// stage_supply.csv; scenarios add buyers, capacities, losses and agreements (src/scenario/stage-changes.ts).
// Pure: no I/O.
import type { Model } from '../model/model.ts';

/** Where a country can perform a stage, and how much. */
export interface StageNode {
  country: string;
  /** Capacity per year, in the stage's unit. */
  capacity: number;
  operators: string[];
  /** Set for the supply an agreement opens: only this buyer may use it. */
  onlyFor?: string;
  /** The agreement (scenario change) that opened it. */
  agreement?: { id: string; via: string[] };
}

export interface StageLevel {
  stage: string;
  name: string;
  unit: string;
  /** Units of the previous stage's output one unit of this stage takes (1 for the first stage). */
  inputPerUnit: number;
  /** Year and kind of the stage_supply.csv rows the capacities come from (undefined: no rows, the stage does not limit). */
  dataYear: number | undefined;
  kind: 'capacity' | 'production' | undefined;
  nodes: StageNode[];
}

/** A buyer of the chain's product at the demand stage. */
export interface StageBuyer {
  importer: string;
  /** Demand per year, in the demand stage's unit. */
  demand: number;
}

export interface StageNetwork {
  commodity: string;
  /** Year of the stage figures asked for (each stage uses its latest rows not after it). */
  year: number;
  /** The stages from the first to the demand stage, in order. */
  stages: StageLevel[];
  buyers: StageBuyer[];
  /** Countries a buyer may not use at a stage: `stage`, `country`, `importer` (the buyer). */
  closures: { stage: string; country: string; importer: string }[];
  /** Modelling choices a reader must know, in words. */
  assumptions: string[];
}

/** A stage limits the chain when some country has a capacity at it (data or a scenario's figure); supply opened by an agreement alone does not make it limited. */
export function isLimited(level: StageLevel): boolean {
  return level.nodes.some((n) => n.onlyFor === undefined);
}

/** Index of a stage in the network, or -1. */
export function stageIndex(net: StageNetwork, stage: string): number {
  return net.stages.findIndex((s) => s.stage === stage);
}

/** Units of stage `from`'s output that one unit of the last stage takes (the product of the conversions after `from`). */
export function inputToLast(net: StageNetwork, from: number): number {
  let ratio = 1;
  for (let s = from + 1; s < net.stages.length; s++) ratio *= net.stages[s].inputPerUnit;
  return ratio;
}

/**
 * The stage network of a commodity up to `demandStage` (default: its last stage), with each stage's capacities
 * from its latest stage_supply.csv rows not after `year`: capacity rows where there are, else production rows
 * (what was produced is then taken as what can be produced, an assumption listed as one). World totals (WLD) are
 * left out; an undivided remainder (OTHER) is a node like a country.
 */
export function buildStageNetwork(model: Model, commodity: string, year: number, demandStage?: string): StageNetwork {
  const chain = model.tables.stage.filter((s) => s.commodity === commodity).sort((a, b) => a.sequence - b.sequence);
  const last = demandStage === undefined ? chain.length - 1 : chain.findIndex((s) => s.stage === demandStage);
  const assumptions = [
    'Material moves between countries from one stage to the next without transport cost or limit: any country’s output can feed any other country’s next stage.',
    'No processing costs are compared: the LP maximises the final product delivered; which country serves which buyer is decided only where capacity is short.',
  ];
  const stages = chain.slice(0, last + 1).map((s, i): StageLevel => {
    const rows = model.tables.stageSupply.filter((r) => r.commodity === commodity && r.stage === s.stage && r.country !== 'WLD');
    const level: StageLevel = { stage: s.stage, name: s.name, unit: s.unit, inputPerUnit: i === 0 ? 1 : s.input_per_unit ?? 1, dataYear: undefined, kind: undefined, nodes: [] };
    for (const kind of ['capacity', 'production'] as const) {
      const years = rows.filter((r) => r.kind === kind && r.year <= year).map((r) => r.year);
      if (years.length === 0) continue;
      const y = Math.max(...years);
      level.dataYear = y;
      level.kind = kind;
      for (const r of rows.filter((x) => x.kind === kind && x.year === y)) {
        const node = level.nodes.find((n) => n.country === r.country);
        if (node) { node.capacity += r.volume; if (r.operator) node.operators.push(r.operator); } else level.nodes.push({ country: r.country, capacity: r.volume, operators: r.operator ? [r.operator] : [] });
      }
      break;
    }
    if (level.kind === 'production') assumptions.push(`${s.stage}: no capacity figures up to ${year}; the ${level.dataYear} production is taken as what each country can supply.`);
    if (level.kind !== undefined && level.dataYear! < year) assumptions.push(`${s.stage}: ${level.kind} figures of ${level.dataYear}, the latest up to ${year}.`);
    return level;
  });
  return { commodity, year, stages, buyers: [], closures: [], assumptions };
}

/** A deep copy, for applying a scenario's changes to. */
export function cloneStageNetwork(net: StageNetwork): StageNetwork {
  return {
    ...net,
    stages: net.stages.map((s) => ({ ...s, nodes: s.nodes.map((n) => ({ ...n, operators: [...n.operators], ...(n.agreement ? { agreement: { ...n.agreement, via: [...n.agreement.via] } } : {}) })) })),
    buyers: net.buyers.map((b) => ({ ...b })),
    closures: net.closures.map((c) => ({ ...c })),
    assumptions: [...net.assumptions],
  };
}
