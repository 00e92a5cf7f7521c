// Scenarios: apply a scenario's changes to the flow network of a dataset, re-optimise the flows and
// report what changed — per importer, route, asset and actor, with the dependence metrics before and
// after. `runScenario` is the library entry point; the CLI only prints its result. Pure: no I/O.
//
// parse.ts reads the YAML, check.ts checks it against the dataset, apply.ts edits a copy of the network,
// assemble.ts (with what-binds.ts and metrics-change.ts) reports the two solutions side by side.
import type { Highs } from 'highs';
import type { Model } from '../model/model.ts';
import { buildNetwork } from '../solve/network.ts';
import { loadSolver } from '../solve/highs.ts';
import { solveFlows } from '../solve/index.ts';
import { applyChanges } from './apply.ts';
import { parseScenario } from './parse.ts';
import { checkScenario } from './check.ts';
import type { Scenario } from './scenario-types.ts';
import type { RunOptions, ScenarioResult } from './results.ts';
import { assemble } from './assemble.ts';
import { applyStageChanges, buildStageNetworks } from './stage-changes.ts';
import { stageResults } from './stage-results.ts';

export { parseScenario, readScenario } from './parse.ts';
export { checkScenario } from './check.ts';
export { scenarioError } from './scenario-types.ts';
export type { Scenario, ScenarioChange, ScenarioProblem } from './scenario-types.ts';
export { applyChanges } from './apply.ts';
export type { AppliedChange } from './apply.ts';
export { CHANGE_TYPES, SCENARIO_FIELDS } from './schema.ts';
export { compareScenarios } from './compare.ts';
export type { Comparison } from './compare.ts';
export type {
  ActorResult, AssetResult, BindingResult, FlowResult, ImporterMetricsChange, ImporterResult, MetricsSnapshot, ObservedFlows, RouteResult,
  RunOptions, ScenarioResult,
} from './results.ts';
export type { StageChainResult } from './stage-results.ts';

/** Parses, checks and runs a scenario given as YAML text. */
export async function runScenarioText(model: Model, text: string, file = 'scenario.yaml', options: RunOptions = {}): Promise<ScenarioResult> {
  const scenario = parseScenario(text, file);
  return runScenario(model, scenario, options);
}

/** Runs a scenario on a dataset: the baseline and the changed network, both re-optimised. */
export async function runScenario(model: Model, scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const highs = options.highs ?? (await loadSolver());
  return runScenarioWith(highs, model, scenario, options);
}

/** Synchronous core of runScenario, for a loaded solver. */
export function runScenarioWith(highs: Highs, model: Model, scenario: Scenario, options: RunOptions = {}): ScenarioResult {
  checkScenario(model, scenario);
  const built = buildNetwork(model, { commodity: scenario.commodity, year: scenario.year });
  const settings = applyChanges(model, built, scenario, ['setting']);
  const changed = applyChanges(model, settings.network, scenario, ['shock', 'policy']);
  const before = solveFlows(highs, settings.network);
  const after = solveFlows(highs, changed.network);
  // Value chains with a buyer (stage_demand) are solved beside the flow LP, with their own changes.
  const stageSettings = buildStageNetworks(model, scenario);
  const stageChanged = applyStageChanges(model, stageSettings.networks, scenario, ['shock', 'policy']);
  const result = assemble(model, scenario, before, after, [...settings.applied, ...stageSettings.applied, ...changed.applied, ...stageChanged.applied], options);
  result.stages = stageResults(model, highs, stageSettings.networks, stageChanged.networks);
  return result;
}
export { runBacktest, runBacktestWith, BACKTEST_METHOD } from './backtest.ts';
export type { BacktestResult, BacktestSupplier } from './backtest.ts';
