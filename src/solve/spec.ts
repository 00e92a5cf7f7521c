// A compact, JSON-friendly description of a flow network with every cost given explicitly, for
// networks that do not come from a dataset: hand-worked test cases, random instances checked against
// an independent solver, and benchmarks. Pure: no I/O.
import type { FlowNetwork, MarketCurve } from './network.ts';

export interface NetworkSpec {
  exporters: { id: string; supply: number }[];
  importers: { id: string; demand: number; stock?: number; worldAccess?: number; countries?: string[] }[];
  routes: { id: string; capacity?: number | null; cost?: number; countries?: string[]; assets?: string[]; transitDays?: number; open?: boolean }[];
  assets?: { id: string; capacity: number }[];
  /** Arcs exporter → importer on a route, with the baseline flow (0 when left out). */
  arcs: { exporter: string; importer: string; route: string; baseline?: number; open?: boolean }[];
  /** Residual world market (fungible commodities); none when left out. */
  world?: { premium: number; spare?: number | null };
  /**
   * A two-sided world market around `price` (instead of `world`): the central curve and, for the price range, its least
   * (`steep`) and most (`flat`) elastic ends (default: the central curve). Arcs to the importer "world" sell to other buyers.
   */
  market?: { price: number; curve: Partial<MarketCurve>; steep?: Partial<MarketCurve>; flat?: Partial<MarketCurve>; discounts?: Record<string, number> };
  costs: { stickiness: number; unserved: number; stockDraw?: number; shortfall?: number };
  commitments?: { exporter: string; importers: string[]; target: number }[];
}

/** Builds a FlowNetwork from a spec. Transit states are the route countries other than exporter and importer. */
export function networkFromSpec(spec: NetworkSpec): FlowNetwork {
  const routeIndex = new Map(spec.routes.map((r, i) => [r.id, i]));
  const importerCountries = new Map(spec.importers.map((i) => [i.id, i.countries ?? [i.id]]));
  const routes = spec.routes.map((r) => {
    const countries = r.countries ?? [];
    return {
      id: r.id, name: r.id, mode: 'unspecified',
      capacity: r.capacity === undefined || r.capacity === null ? Infinity : r.capacity,
      cost: r.cost ?? 0, transitDays: r.transitDays, countries, nodes: [], assets: r.assets ?? [],
      start: countries[0] ?? '', end: countries[countries.length - 1] ?? '', endsAtPort: true,
      open: r.open ?? true, status: 'operating', direct: false, added: false,
    };
  });
  const exporterBaseline = new Map<string, number>();
  const importerBaseline = new Map<string, number>();
  const arcs = spec.arcs.map((a) => {
    const route = routeIndex.get(a.route);
    if (route === undefined) throw new Error(`arc ${a.exporter}>${a.importer} names unknown route ${a.route}`);
    const baseline = a.baseline ?? 0;
    exporterBaseline.set(a.exporter, (exporterBaseline.get(a.exporter) ?? 0) + baseline);
    importerBaseline.set(a.importer, (importerBaseline.get(a.importer) ?? 0) + baseline);
    const countries = importerCountries.get(a.importer) ?? [a.importer];
    return {
      exporter: a.exporter, importer: a.importer, route, baseline, capacity: Infinity, open: a.open ?? true,
      transit: routes[route].countries.filter((c) => c !== a.exporter && !countries.includes(c)), stickiness: 1, lane: -1, chokepoints: [],
    };
  });
  return {
    commodity: 'synthetic', year: 0, unit: 'unit', fungible: spec.world !== undefined || spec.market !== undefined,
    exporters: spec.exporters.map((e) => ({ id: e.id, supply: e.supply, baseline: exporterBaseline.get(e.id) ?? 0 })),
    importers: spec.importers.map((i) => ({
      id: i.id, name: i.id, baseline: importerBaseline.get(i.id) ?? 0, demand: i.demand, unrecorded: 0, stock: i.stock ?? 0,
      worldAccess: i.worldAccess ?? 1, bloc: '', countries: i.countries ?? [i.id],
    })),
    routes,
    assets: (spec.assets ?? []).map((s) => ({ id: s.id, name: s.id, capacity: s.capacity })),
    chokepoints: [],
    lanes: [],
    arcs,
    blocs: [],
    blocMembers: {},
    commitments: (spec.commitments ?? []).map((c, k) => ({ label: `commitment ${k + 1}`, ...c })),
    world: worldFromSpec(spec),
    costs: {
      stickiness: spec.costs.stickiness, unserved: spec.costs.unserved, stockDraw: spec.costs.stockDraw ?? 0,
      shortfall: spec.costs.shortfall ?? 0, timeValue: 0,
    },
    priceUnit: 'USD/unit', priceUnitFactor: 1, transitFees: {}, settings: [], assumptions: [], given: {},
  };
}

function curveFromSpec(c: Partial<MarketCurve> | undefined, fallback: MarketCurve): MarketCurve {
  if (!c) return fallback;
  return { supplySlope: c.supplySlope ?? 0, supplyCap: c.supplyCap ?? Infinity, supplySteps: c.supplySteps ?? [], demandSlope: c.demandSlope ?? 0 };
}

function worldFromSpec(spec: NetworkSpec): FlowNetwork['world'] {
  const none: MarketCurve = { supplySlope: 0, supplyCap: 0, supplySteps: [], demandSlope: 0 };
  const base = { price: 0, curve: none, steep: none, flat: none, discounts: {}, pool: 0 };
  if (spec.market) {
    const curve = curveFromSpec(spec.market.curve, none);
    return {
      ...base, enabled: true, mode: 'market', premium: 0, spare: Infinity, price: spec.market.price, curve,
      steep: curveFromSpec(spec.market.steep, curve), flat: curveFromSpec(spec.market.flat, curve), discounts: { ...spec.market.discounts },
    };
  }
  if (spec.world) {
    return { ...base, enabled: true, mode: 'residual', premium: spec.world.premium, spare: spec.world.spare === undefined || spec.world.spare === null ? Infinity : spec.world.spare };
  }
  return { ...base, enabled: false, mode: 'residual', premium: 0, spare: Infinity };
}
