// The network a scenario is changing, with the lookups every change needs and the shocks applied so far,
// and what one change being applied gets: its fields, how to report it, and its volumes in base units.
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import { toBaseUnit } from '../model/units.ts';
import { arcPassage, cloneNetwork, directRoute, importerParts, laneChoices } from '../solve/network.ts';
import { DIRECT_PREFIX, type FlowNetwork, type NetworkExporter } from '../solve/network-types.ts';

/** Made once: toLocaleString with options builds a new number format on every call (slow). */
const FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return 'unlimited';
  return FORMAT.format(v);
}

/** The network a scenario is changing, with the lookups every change needs and the shocks applied so far. */
export class NetworkEdit {
  readonly net: FlowNetwork;
  readonly model: Model;
  readonly commodity: CommodityRow;
  /** Base unit of the network's volumes. */
  readonly unit: string;
  readonly routeIndex: Map<string, number>;
  readonly arcIndex: Map<string, number>;
  // Shocks hold for the whole scenario: an arc or route added by a later change does not get around a
  // lost transit state, an embargo or a closed node, and a later deal does not lift an export ban or cap.
  readonly lostTransit = new Set<string>();
  readonly embargoes: { exporter: string; parts: string[]; share: number }[] = [];
  readonly closedNodes = new Set<string>();
  readonly closedRoutes = new Set<number>();
  readonly closedChokepoints = new Set<string>();
  readonly exportCaps = new Map<string, number>();
  /** A cost or world-market figure was set: the costs are worked out again at the end. */
  costsChanged = false;
  /** A world-market figure was set: the market is worked out again at the end, before the costs. */
  marketChanged = false;

  constructor(model: Model, network: FlowNetwork) {
    this.net = cloneNetwork(network);
    this.model = model;
    this.commodity = model.commodity(this.net.commodity)!;
    this.unit = this.net.unit;
    this.routeIndex = new Map(this.net.routes.map((r, i) => [r.id, i]));
    // An arc of a port-ending route on its importer's main sea lane comes before the one on the alternative lane.
    this.arcIndex = new Map();
    this.net.arcs.forEach((a, i) => {
      const key = `${a.exporter}\u0000${a.importer}\u0000${a.route}`;
      if (!this.arcIndex.has(key)) this.arcIndex.set(key, i);
    });
  }

  /** Scenario volumes come in any of the commodity's units; the network counts in its base unit. */
  toBase(value: number, from: string): number {
    return toBaseUnit(value, from, this.commodity);
  }

  /** A scenario may name the implicit route of a pair (`direct:E>I`) even before any flow uses it. */
  routeOf(id: string): number | undefined {
    const index = this.routeIndex.get(id);
    if (index !== undefined) return index;
    if (id.startsWith(DIRECT_PREFIX)) {
      const [e, i] = id.slice(DIRECT_PREFIX.length).split('>');
      return directRoute(this.net.routes, this.routeIndex, e, i);
    }
    return undefined;
  }

  /** Baseline flow on a route, reported beside its capacity. */
  routeLoad(r: number): number {
    return this.net.arcs.filter((a) => a.route === r).reduce((s, a) => s + a.baseline, 0);
  }

  /** Baseline flow through a shared asset, reported beside its capacity. */
  assetLoad(id: string): number {
    return this.net.routes.reduce((s, r, i) => (r.assets.includes(id) ? s + this.routeLoad(i) : s), 0);
  }

  /** A bloc acts through its parts in the network (its members and its rest). */
  partsOf(id: string): string[] {
    return importerParts(this.net, id);
  }

  /**
   * A new arc is born under the shocks so far: closed across a lost transit state, a closed chokepoint or under a full
   * embargo. A port-ending route gets an arc on the importer's sea lane and one on its alternative; the first is returned.
   */
  ensureArc(exporter: string, importer: string, route: number): number {
    const key = `${exporter}\u0000${importer}\u0000${route}`;
    const existing = this.arcIndex.get(key);
    if (existing !== undefined) return existing;
    const net = this.net;
    this.arcIndex.set(key, net.arcs.length);
    const imp = net.importers.find((i) => i.id === importer);
    const lanes = laneChoices(this.model, net, net.routes[route], imp, importer);
    const embargo = this.embargoes.find((x) => x.exporter === exporter && x.parts.includes(importer));
    for (const lane of lanes.length > 0 ? lanes : [-1]) {
      const { chokepoints, transit } = arcPassage(net, net.routes[route], lane, exporter, imp?.countries ?? [importer]);
      // A new arc has no baseline flow: under a partial embargo nothing may be added to the pair either.
      const open = !transit.some((c) => this.lostTransit.has(c)) && !chokepoints.some((c) => this.closedChokepoints.has(c)) && !(embargo && embargo.share >= 1);
      net.arcs.push({ exporter, importer, route, baseline: 0, capacity: embargo ? 0 : Infinity, open, transit, stickiness: 1, lane, chokepoints });
    }
    return this.arcIndex.get(key)!;
  }

  /** A scenario may give supply to a country that exported nothing in the baseline. */
  ensureExporter(id: string): NetworkExporter {
    let e = this.net.exporters.find((x) => x.id === id);
    if (!e) { e = { id, baseline: 0, supply: 0 }; this.net.exporters.push(e); }
    return e;
  }
}

/** One change being applied: its fields, how to report what it did, and its volumes in base units. */
export interface ChangeStep {
  v: Record<string, unknown>;
  record(target: string, summary: string): void;
  volume(field?: string): number;
}
