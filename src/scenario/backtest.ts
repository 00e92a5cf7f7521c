// A backtest: from a year's observed flows, apply what happened next (a scenario whose `observed_year` is the
// following year), solve, and compare the model's supplier shares of one importer with the shares observed in
// that year, supplier by supplier: the error of each share, the mean absolute error, and whether each supplier's
// change has the observed sign. "Nothing changes" (the base year's shares) is reported beside it as the benchmark
// the model should beat. Method: docs/methods/backtest.md. Pure: no I/O.
import type { Highs } from 'highs';
import { available, CorridorError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { FLOW_METHOD } from '../solve/network-types.ts';
import { buildNetwork } from '../solve/network.ts';
import { loadSolver } from '../solve/highs.ts';
import { solveFlows, type FlowSolution } from '../solve/index.ts';
import { applyChanges, type AppliedChange } from './apply.ts';
import { checkScenario } from './check.ts';
import { partsOf, roundTo } from './result-helpers.ts';
import type { Scenario } from './scenario-types.ts';

/** Name and version of the backtest method (docs/methods/backtest.md). */
export const BACKTEST_METHOD = { name: 'backtest', version: '1.0.0' } as const;

/** The group every supplier not named in both years falls into, with world-market purchases. */
export const OTHER_SUPPLIERS = 'OTHER';

/** A change in share smaller than this (0.01 percentage point) has no sign. */
const NO_CHANGE = 1e-4;

export interface BacktestSupplier {
  supplier: string;
  /** Observed share in the base year (0–1). */
  baseShare: number;
  /** The model's share after the changes. */
  modelShare: number;
  /** Observed share in the following year. */
  observedShare: number;
  /** modelShare − observedShare. */
  error: number;
  modelChange: number;
  observedChange: number;
  /** Whether the model's change has the observed sign (−1, 0 or +1 each). */
  signMatches: boolean;
  /** Volumes behind the shares, in `unit`: a share may move because the total does while the volume does not. */
  baseVolume: number;
  modelVolume: number;
  observedVolume: number;
}

export interface BacktestResult {
  method: { name: string; version: string };
  flowMethod: { name: string; version: string };
  dataset: string;
  scenario: { name: string; file: string; commodity: string; year: number };
  importer: string;
  baseYear: number;
  observedYear: number;
  /** Unit of the volumes (the commodity's base unit). */
  unit: string;
  changes: AppliedChange[];
  suppliers: BacktestSupplier[];
  /** Mean over suppliers of |model share − observed share| (0–1). */
  meanAbsoluteError: number;
  /** The same for "nothing changes": the base year's shares taken as the forecast. */
  persistenceError: number;
  signsMatched: number;
  signsTotal: number;
  /** Imports the shares are of, in `unit`: observed in the base year, the model's, observed in the following year. */
  totals: { base: number; model: number; observed: number };
  /** Suppliers grouped into OTHER: named in only one of the two years, aggregates, and the world market. */
  grouped: string[];
  settings: FlowSolution['network']['settings'];
  assumptions: string[];
}

/** Runs a backtest of `scenario` (which must give `observed_year`) for `importer`. */
export async function runBacktest(model: Model, scenario: Scenario, importer: string, highs?: Highs): Promise<BacktestResult> {
  return runBacktestWith(highs ?? (await loadSolver()), model, scenario, importer);
}

/** Synchronous core of runBacktest, for a loaded solver. */
export function runBacktestWith(highs: Highs, model: Model, scenario: Scenario, importer: string): BacktestResult {
  checkScenario(model, scenario);
  const observedYear = scenario.observedYear;
  if (observedYear === undefined) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${scenario.file}: a backtest needs \`observed_year\`, the year whose observed flows the model is compared with`);
  }
  const base = observedByExporter(model, scenario.commodity, scenario.year, importer);
  const observed = observedByExporter(model, scenario.commodity, observedYear, importer);
  const built = buildNetwork(model, { commodity: scenario.commodity, year: scenario.year });
  const settings = applyChanges(model, built, scenario, ['setting']);
  const changed = applyChanges(model, settings.network, scenario, ['shock', 'policy']);
  const after = solveFlows(highs, changed.network);
  const modelled = modelByExporter(after, importer);

  const named = [...base.keys()].filter((e) => observed.has(e) && !model.isAggregate(e)).sort();
  const group = (volumes: Map<string, number>) => groupShares(volumes, named);
  const [b, m, o] = [group(base), group(modelled), group(observed)];
  const suppliers = [...named, OTHER_SUPPLIERS].map((supplier) => compareSupplier(supplier, b, m, o));
  const mean = (f: (s: BacktestSupplier) => number) => roundTo(suppliers.reduce((sum, s) => sum + f(s), 0) / suppliers.length, 6);
  const grouped = [...new Set([...base.keys(), ...observed.keys(), ...modelled.keys()])].filter((e) => !named.includes(e)).sort();
  return {
    method: { ...BACKTEST_METHOD },
    flowMethod: { ...FLOW_METHOD },
    dataset: model.info.hash,
    scenario: { name: scenario.name, file: scenario.file, commodity: scenario.commodity, year: scenario.year },
    importer,
    baseYear: scenario.year,
    observedYear,
    unit: after.network.unit,
    changes: [...settings.applied, ...changed.applied],
    suppliers,
    meanAbsoluteError: mean((s) => Math.abs(s.error)),
    persistenceError: mean((s) => Math.abs(s.baseShare - s.observedShare)),
    signsMatched: suppliers.filter((s) => s.signMatches).length,
    signsTotal: suppliers.length,
    totals: { base: roundTo(b.total), model: roundTo(m.total), observed: roundTo(o.total) },
    grouped,
    settings: after.network.settings,
    assumptions: after.network.assumptions,
  };
}

/** The importer's own observed flows of the year by exporter (a bloc's rows, not its members' rows), in base units. */
function observedByExporter(model: Model, commodity: string, year: number, importer: string): Map<string, number> {
  const flows = model.flows({ commodity, year });
  const volumes = new Map<string, number>();
  for (const f of flows) if (f.importer === importer) volumes.set(f.exporter, (volumes.get(f.exporter) ?? 0) + f.baseVolume);
  if (volumes.size === 0) {
    const importers = [...new Set(flows.map((f) => f.importer))];
    throw new CorridorError('CORRIDOR_ERR_NO_DATA', `no ${commodity} flows into ${importer} in ${year} (importers with flows: ${available(importers)})`);
  }
  return volumes;
}

/** The model's imports of the importer (a bloc: the sum of its parts) by exporter; world-market purchases count as OTHER. */
function modelByExporter(solution: FlowSolution, importer: string): Map<string, number> {
  const net = solution.network;
  const parts = partsOf(net, importer);
  const volumes = new Map<string, number>();
  const add = (e: string, v: number) => { if (v > 1e-12) volumes.set(e, (volumes.get(e) ?? 0) + v); };
  net.arcs.forEach((arc, k) => { if (parts.includes(arc.importer)) add(arc.exporter, solution.arcFlow[k]); });
  net.importers.forEach((imp, i) => { if (parts.includes(imp.id)) add(OTHER_SUPPLIERS, solution.world[i] + solution.worldPool[i]); });
  return volumes;
}

/** Shares of the named suppliers, everything else in OTHER. */
interface Grouped { shares: Map<string, number>; volumes: Map<string, number>; total: number }

function groupShares(volumes: Map<string, number>, named: string[]): Grouped {
  const grouped = new Map<string, number>();
  let total = 0;
  for (const [e, v] of volumes) {
    const key = named.includes(e) ? e : OTHER_SUPPLIERS;
    grouped.set(key, (grouped.get(key) ?? 0) + v);
    total += v;
  }
  const shares = new Map([...grouped].map(([k, v]) => [k, total > 0 ? v / total : 0]));
  return { shares, volumes: grouped, total };
}

function sign(change: number): number {
  return Math.abs(change) < NO_CHANGE ? 0 : Math.sign(change);
}

function compareSupplier(supplier: string, base: Grouped, modelled: Grouped, observed: Grouped): BacktestSupplier {
  const baseShare = base.shares.get(supplier) ?? 0;
  const modelShare = modelled.shares.get(supplier) ?? 0;
  const observedShare = observed.shares.get(supplier) ?? 0;
  return {
    supplier,
    baseShare: roundTo(baseShare, 6),
    modelShare: roundTo(modelShare, 6),
    observedShare: roundTo(observedShare, 6),
    error: roundTo(modelShare - observedShare, 6),
    modelChange: roundTo(modelShare - baseShare, 6),
    observedChange: roundTo(observedShare - baseShare, 6),
    signMatches: sign(modelShare - baseShare) === sign(observedShare - baseShare),
    baseVolume: roundTo(base.volumes.get(supplier) ?? 0),
    modelVolume: roundTo(modelled.volumes.get(supplier) ?? 0),
    observedVolume: roundTo(observed.volumes.get(supplier) ?? 0),
  };
}
