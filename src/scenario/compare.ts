// Side-by-side comparison of scenario results: one table with the baseline and every scenario as
// columns (unserved demand by importer, flows by route, dependence metrics, cost), plus the changes
// each scenario makes to its inputs. Pure: no I/O.
import type { AppliedChange } from './apply.ts';
import type { ScenarioResult } from './results.ts';

export interface ComparisonColumn {
  /** 'baseline' (or 'baseline:COMMODITY:YEAR' when scenarios differ in commodity or year), else the scenario name. */
  id: string;
  kind: 'baseline' | 'scenario';
  commodity: string;
  year: number;
  file: string;
}

export interface ComparisonRow {
  section: 'demand' | 'unserved' | 'route' | 'asset' | 'binding' | 'metric' | 'cost' | 'transit';
  /** What the row is about: an importer, a route, or `importer:metric`. */
  id: string;
  unit: string;
  /** One value per column (null when not applicable to that column). */
  values: (number | null)[];
}

export interface Comparison {
  method: { name: string; version: string };
  dataset: string | string[];
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  changes: { scenario: string; file: string; changes: AppliedChange[] }[];
  /** Every scenario's full result (importers, routes, assets, whatBinds, actors, solver …), in column order. */
  scenarios: ScenarioResult[];
}

/** Compares results of several scenarios (run on the same dataset or not). */
export function compareScenarios(results: ScenarioResult[]): Comparison {
  const keys = [...new Set(results.map((r) => `${r.scenario.commodity}:${r.scenario.year}`))];
  const single = keys.length === 1;
  const columns: ComparisonColumn[] = [];
  const baselineOf = new Map<string, number>();
  for (const key of keys) {
    const [commodity, year] = key.split(':');
    const first = results.find((r) => `${r.scenario.commodity}:${r.scenario.year}` === key)!;
    baselineOf.set(key, columns.length);
    columns.push({ id: single ? 'baseline' : `baseline:${key}`, kind: 'baseline', commodity, year: Number(year), file: first.scenario.file });
  }
  const scenarioColumn = results.map((r) => {
    columns.push({ id: r.scenario.name, kind: 'scenario', commodity: r.scenario.commodity, year: r.scenario.year, file: r.scenario.file });
    return columns.length - 1;
  });

  const rows: ComparisonRow[] = [];
  const rowIndex = new Map<string, ComparisonRow>();
  const set = (section: ComparisonRow['section'], id: string, unit: string, column: number, value: number | null) => {
    const key = `${section}\u0000${id}\u0000${unit}`;
    let row = rowIndex.get(key);
    if (!row) {
      row = { section, id, unit, values: columns.map(() => null) };
      rowIndex.set(key, row);
      rows.push(row);
    }
    row.values[column] = value;
  };
  results.forEach((r, k) => {
    const base = baselineOf.get(`${r.scenario.commodity}:${r.scenario.year}`)!;
    const col = scenarioColumn[k];
    const unit = r.unit;
    for (const imp of r.importers) {
      set('demand', imp.importer, unit, base, imp.demandBaseline);
      set('demand', imp.importer, unit, col, imp.demand);
      set('unserved', imp.importer, unit, base, imp.unservedBaseline);
      set('unserved', imp.importer, unit, col, imp.unserved);
      if (imp.transitDaysBaseline !== null || imp.transitDaysScenario !== null) {
        set('transit', `${imp.importer}:days`, 'day', base, imp.transitDaysBaseline);
        set('transit', `${imp.importer}:days`, 'day', col, imp.transitDaysScenario);
      }
    }
    for (const route of r.routes) {
      if (route.status !== 'added') set('route', route.route, unit, base, route.flowBaseline);
      set('route', route.route, unit, col, route.flowScenario);
      if (route.binding) set('binding', route.route, r.priceUnit, col, route.shadowPrice);
    }
    for (const asset of r.assets) {
      set('asset', asset.asset, unit, base, asset.flowBaseline);
      set('asset', asset.asset, unit, col, asset.flowScenario);
      if (asset.binding) set('binding', asset.asset, r.priceUnit, col, asset.shadowPrice);
    }
    for (const m of r.metrics) {
      set('metric', `${m.importer}:hhi`, 'index 0–10000', base, m.baseline.hhi);
      set('metric', `${m.importer}:hhi`, 'index 0–10000', col, m.scenario.hhi);
      set('metric', `${m.importer}:topShare`, 'share', base, m.baseline.topShare);
      set('metric', `${m.importer}:topShare`, 'share', col, m.scenario.topShare);
      if (m.baseline.hhiWgi !== null || m.scenario.hhiWgi !== null) {
        set('metric', `${m.importer}:hhiWgi`, 'index 0–10', base, m.baseline.hhiWgi);
        set('metric', `${m.importer}:hhiWgi`, 'index 0–10', col, m.scenario.hhiWgi);
      }
    }
    set('cost', 'objective', r.valueUnit, base, r.solver.baselineObjective);
    set('cost', 'objective', r.valueUnit, col, r.solver.objective);
    set('cost', 'worldMarket', unit, base, r.worldMarket.baseline);
    set('cost', 'worldMarket', unit, col, r.worldMarket.scenario);
  });
  const order: ComparisonRow['section'][] = ['demand', 'unserved', 'route', 'asset', 'binding', 'transit', 'metric', 'cost'];
  rows.sort((x, y) => order.indexOf(x.section) - order.indexOf(y.section));
  const datasets = [...new Set(results.map((r) => r.dataset))];
  return {
    method: results[0]?.method ?? { name: 'flow-lp', version: '' },
    dataset: datasets.length === 1 ? datasets[0] : datasets,
    columns,
    rows,
    changes: results.map((r) => ({ scenario: r.scenario.name, file: r.scenario.file, changes: r.changes })),
    scenarios: results,
  };
}
