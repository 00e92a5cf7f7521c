// Checks of value chains (stages.csv) and of the tables that refer to their stages: a chain is numbered 1, 2, 3 …
// without gaps, stage 1 has no predecessor, every later stage names the stage just before it, and a stage whose
// unit differs from its predecessor's says how many units of the predecessor's output one unit of it takes.
import type { StageRow, Tables } from '../model/types.ts';
import type { ProblemList } from './problems.ts';
import type { EntityName } from '../schema/types.ts';

/** Line numbers of the rows of each table (the RowLines of ./validate.ts, which calls these checks). */
type RowLines = Record<EntityName, number[]>;

const SHARE_TOLERANCE = 1e-3;

/** Stages of each commodity, by stage id. */
function stagesByCommodity(tables: Tables): Map<string, Map<string, StageRow>> {
  const chains = new Map<string, Map<string, StageRow>>();
  for (const s of tables.stage) {
    const chain = chains.get(s.commodity) ?? new Map<string, StageRow>();
    if (!chain.has(s.stage)) chain.set(s.stage, s);
    chains.set(s.commodity, chain);
  }
  return chains;
}

function checkOrder(tables: Tables, lines: RowLines, problems: ProblemList, chains: Map<string, Map<string, StageRow>>): void {
  tables.stage.forEach((s, i) => {
    const line = lines.stage[i];
    const chain = chains.get(s.commodity)!;
    const count = chain.size;
    const atSequence = [...chain.values()].filter((o) => o.sequence === s.sequence);
    if (s.sequence > count) {
      problems.error('stages.csv', line, 'sequence', `expected a sequence from 1 to ${count} for the ${count} stage(s) of ${s.commodity} (1, 2, 3 … without gaps), found ${s.sequence}`);
    } else if (atSequence.length > 1 && atSequence[0] !== s) {
      problems.error('stages.csv', line, 'sequence', `expected one stage of ${s.commodity} at sequence ${s.sequence}, found "${atSequence[0].stage}" there too`);
    }
    if (s.sequence === 1) {
      if (s.predecessor !== '') problems.error('stages.csv', line, 'predecessor', `expected no predecessor for the first stage of ${s.commodity}, found "${s.predecessor}"`);
      if (s.input_per_unit !== undefined) problems.error('stages.csv', line, 'input_per_unit', `expected an empty cell for the first stage of ${s.commodity} (it has no predecessor to take input from), found ${s.input_per_unit}`);
      return;
    }
    if (s.predecessor === '') {
      problems.error('stages.csv', line, 'predecessor', `expected the stage before "${s.stage}" (sequence ${s.sequence - 1} of ${s.commodity}), found an empty cell: a stage after the first needs a predecessor`);
      return;
    }
    const before = chain.get(s.predecessor);
    if (!before) {
      problems.error('stages.csv', line, 'predecessor', `expected a stage of ${s.commodity} declared in stages.csv, found unknown "${s.predecessor}" (stages of ${s.commodity}: ${[...chain.keys()].join(', ')})`);
      return;
    }
    if (before.sequence !== s.sequence - 1) {
      problems.error('stages.csv', line, 'predecessor', `expected the stage at sequence ${s.sequence - 1} of ${s.commodity}, found "${before.stage}" at sequence ${before.sequence}`);
    }
    if (before.unit !== s.unit && s.input_per_unit === undefined) {
      problems.error('stages.csv', line, 'input_per_unit', `expected how many ${before.unit} of "${before.stage}" one ${s.unit} of "${s.stage}" takes (the units differ and do not convert by themselves), found an empty cell`);
    }
    if (s.input_per_unit === 0) problems.error('stages.csv', line, 'input_per_unit', `expected a positive quantity of "${before.stage}" per ${s.unit}, found 0`);
  });
}

/** Rows of stage_supply.csv and stage_flows.csv name a declared stage; supply is counted in the stage's unit. */
function checkStageReferences(tables: Tables, lines: RowLines, problems: ProblemList, chains: Map<string, Map<string, StageRow>>): void {
  const stageOf = (file: string, line: number, commodity: string, stage: string): StageRow | undefined => {
    const chain = chains.get(commodity);
    const found = chain?.get(stage);
    if (!found) {
      const known = chain ? `stages of ${commodity}: ${[...chain.keys()].join(', ')}` : `${commodity} has no stages in stages.csv`;
      problems.error(file, line, 'stage', `expected a stage declared for ${commodity} in stages.csv, found "${stage}" (${known})`);
    }
    return found;
  };
  tables.stageSupply.forEach((row, i) => {
    const line = lines.stageSupply[i];
    const stage = stageOf('stage_supply.csv', line, row.commodity, row.stage);
    if (stage && stage.unit !== row.unit) {
      problems.error('stage_supply.csv', line, 'unit', `expected the unit of stage "${stage.stage}" of ${row.commodity} (${stage.unit}), found "${row.unit}"`);
    }
  });
  const sums = new Map<string, { sum: number; line: number }>();
  tables.stageFlow.forEach((row, i) => {
    const line = lines.stageFlow[i];
    stageOf('stage_flows.csv', line, row.commodity, row.stage);
    if (row.importer === row.supplier) problems.error('stage_flows.csv', line, 'supplier', `expected a supplier other than the importer, found "${row.supplier}" for both`);
    const key = `${row.year} ${row.commodity} ${row.stage} ${row.importer}`;
    const entry = sums.get(key) ?? { sum: 0, line };
    entry.sum += row.share;
    sums.set(key, entry);
  });
  for (const [key, { sum, line }] of sums) {
    if (sum > 1 + SHARE_TOLERANCE) problems.error('stage_flows.csv', line, 'share', `expected the shares of ${key} to add up to at most 1, found ${sum.toFixed(4)}`);
  }
}

/** Checks every value chain and the rows that refer to its stages. */
export function checkChains(tables: Tables, lines: RowLines, problems: ProblemList): void {
  const chains = stagesByCommodity(tables);
  checkOrder(tables, lines, problems, chains);
  checkStageReferences(tables, lines, problems, chains);
}
