// Dependence metrics of each importer before and after a scenario, computed on the re-optimised flows,
// and the observed flows of another year beside the model's flows.
import type { BaseFlow, Model } from '../model/model.ts';
import { importerMetrics } from '../metrics/index.ts';
import type { FlowSolution } from '../solve/index.ts';
import type { ImporterMetricsChange, MetricsSnapshot, ObservedFlows } from './results.ts';
import { isBlocRest, partsOf, roundTo } from './result-helpers.ts';

/** Flows of a solution as dataset-like flows of one importer (a bloc gets the sum of its parts). */
function solutionFlows(model: Model, sol: FlowSolution, importer: string): BaseFlow[] {
  const net = sol.network;
  const ids = partsOf(net, importer);
  const out: BaseFlow[] = [];
  const make = (exporter: string, route: string, volume: number): BaseFlow => ({
    year: net.year, commodity: net.commodity, exporter, importer, route, volume, unit: net.unit, baseVolume: volume,
    source: [], estimated: false, note: '',
  });
  net.arcs.forEach((arc, k) => {
    if (!ids.includes(arc.importer) || sol.arcFlow[k] <= 1e-12) return;
    const route = net.routes[arc.route];
    out.push(make(arc.exporter, route.direct || route.added ? '' : route.id, sol.arcFlow[k]));
  });
  const worldSupplier = model.tables.country.find((c) => c.id === 'OTHER') ? 'OTHER' : 'WLD';
  net.importers.forEach((imp, i) => {
    const bought = sol.world[i] + (sol.worldPool?.[i] ?? 0);
    if (ids.includes(imp.id) && bought > 1e-12) out.push(make(worldSupplier, '', bought));
  });
  return out;
}

function snapshot(model: Model, sol: FlowSolution, importer: string): MetricsSnapshot | null {
  const flows = solutionFlows(model, sol, importer);
  if (flows.length === 0) return null;
  try {
    const m = importerMetrics(model, { importer, commodity: sol.network.commodity, year: sol.network.year }, flows);
    const top = m.transitExposure.reduce<{ country: string; share: number } | null>((best, t) => (!best || t.share > best.share ? { country: t.country, share: t.share } : best), null);
    return {
      total: roundTo(m.total), hhi: roundTo(m.hhi, 6), topSupplier: m.topSupplier, topShare: roundTo(m.topShare, 9),
      hhiWgi: m.governance.hhiWgi === null ? null : roundTo(m.governance.hhiWgi, 6), crmaBenchmarkMet: m.crmaBenchmarkMet,
      topTransit: top ? { country: top.country, share: roundTo(top.share, 9) } : null,
    };
  } catch {
    return null;
  }
}

export function metricsChanges(model: Model, before: FlowSolution, after: FlowSolution): ImporterMetricsChange[] {
  const net = after.network;
  const ids = [...net.blocs.map((bl) => bl.id), ...net.importers.filter((i) => !isBlocRest(i)).map((i) => i.id)];
  const out: ImporterMetricsChange[] = [];
  for (const id of ids) {
    if (model.isAggregate(id)) continue;
    const b = snapshot(model, before, id);
    const a = snapshot(model, after, id);
    const empty: MetricsSnapshot = { total: 0, hhi: 0, topSupplier: null, topShare: 0, hhiWgi: null, crmaBenchmarkMet: true, topTransit: null };
    if (b || a) out.push({ importer: id, baseline: b ?? empty, scenario: a ?? empty });
  }
  return out;
}

export function observedFlows(model: Model, commodity: string, year: number, before: FlowSolution, after: FlowSolution): ObservedFlows {
  const flows = model.flows({ commodity, year });
  const pairFlow = (sol: FlowSolution, exporter: string, importer: string) => {
    const net = sol.network;
    const ids = partsOf(net, importer);
    let total = 0;
    net.arcs.forEach((arc, k) => { if (arc.exporter === exporter && ids.includes(arc.importer)) total += sol.arcFlow[k]; });
    return total;
  };
  const byImporter = new Map<string, number>();
  const byExporter = new Map<string, number>();
  const byPair = new Map<string, number>();
  for (const f of flows) {
    byImporter.set(f.importer, (byImporter.get(f.importer) ?? 0) + f.baseVolume);
    byExporter.set(f.exporter, (byExporter.get(f.exporter) ?? 0) + f.baseVolume);
    const key = `${f.exporter}>${f.importer}`;
    byPair.set(key, (byPair.get(key) ?? 0) + f.baseVolume);
  }
  return {
    year,
    importers: [...byImporter].sort().map(([importer, volume]) => ({ importer, volume: roundTo(volume) })),
    exporters: [...byExporter].sort().map(([exporter, volume]) => ({ exporter, volume: roundTo(volume) })),
    flows: [...byPair].sort().map(([k, volume]) => {
      const [exporter, importer] = k.split('>');
      return { exporter, importer, volume: roundTo(volume), flowBaseline: roundTo(pairFlow(before, exporter, importer)), flowScenario: roundTo(pairFlow(after, exporter, importer)) };
    }),
  };
}
