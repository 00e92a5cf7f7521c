// Applies a scenario's changes to a copy of the flow network. Pure: no I/O.
import type { Model } from '../model/model.ts';
import type { CommodityRow } from '../model/types.ts';
import { readingsInBase } from '../model/base-values.ts';
import { moneyPerBaseUnit, toBaseUnit } from '../model/units.ts';
import {
  cloneNetwork, directRoute, importerParts, resolveCosts, transitStates, COST_PARAMETER_READING, DIRECT_PREFIX,
  type CostParameter, type FlowNetwork, type FlowParameter, type NetworkExporter, type NetworkRoute,
} from '../solve/network.ts';
import { changeType } from './schema.ts';
import type { Scenario, ScenarioChange, ScenarioLeg } from './scenario-types.ts';

/** What one change did to the model's inputs, in words and numbers. */
export interface AppliedChange {
  type: string;
  kind: 'shock' | 'policy' | 'setting';
  /** The route, asset, node, country or pair it acts on. */
  target: string;
  /** One sentence: what changed, with figures before → after. */
  summary: string;
  note?: string;
}

/** Made once: toLocaleString with options builds a new number format on every call (slow). */
const FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

function fmt(v: number): string {
  if (!Number.isFinite(v)) return 'unlimited';
  return FORMAT.format(v);
}

/**
 * Applies the changes of `kinds` to a copy of the network. Settings (set_parameter) are applied to the
 * baseline too, so that before and after are solved under the same assumptions.
 */
export function applyChanges(
  model: Model,
  network: FlowNetwork,
  scenario: Scenario,
  kinds: readonly ('shock' | 'policy' | 'setting')[],
): { network: FlowNetwork; applied: AppliedChange[] } {
  const edit = new NetworkEdit(model, network);
  const applied: AppliedChange[] = [];
  for (const change of scenario.changes) {
    const spec = changeType(change.type)!;
    if (!kinds.includes(spec.kind)) continue;
    const v = change.values as Record<string, unknown>;
    const note = typeof v.note === 'string' ? v.note : undefined;
    APPLY[change.type]?.(edit, {
      v,
      record: (target, summary) => applied.push({ type: change.type, kind: spec.kind, target, summary, ...(note ? { note } : {}) }),
      volume: (field = 'volume') => edit.toBase(Number(v[field]), String(v.unit ?? edit.commodity.unit)),
    });
  }
  if (edit.costsChanged) resolveCosts(edit.net);
  return { network: edit.net, applied };
}

/** The network a scenario is changing, with the lookups every change needs and the shocks applied so far. */
class NetworkEdit {
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
  readonly exportCaps = new Map<string, number>();
  /** A cost or world-market figure was set: the costs are worked out again at the end. */
  costsChanged = false;

  constructor(model: Model, network: FlowNetwork) {
    this.net = cloneNetwork(network);
    this.model = model;
    this.commodity = model.commodity(this.net.commodity)!;
    this.unit = this.net.unit;
    this.routeIndex = new Map(this.net.routes.map((r, i) => [r.id, i]));
    this.arcIndex = new Map(this.net.arcs.map((a, i) => [`${a.exporter}\u0000${a.importer}\u0000${a.route}`, i]));
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

  /** A new arc is born under the shocks so far: closed across a lost transit state or under a full embargo. */
  ensureArc(exporter: string, importer: string, route: number): number {
    const key = `${exporter}\u0000${importer}\u0000${route}`;
    const existing = this.arcIndex.get(key);
    if (existing !== undefined) return existing;
    const net = this.net;
    this.arcIndex.set(key, net.arcs.length);
    const transit = transitStates(net.routes[route], exporter, net.importers.find((i) => i.id === importer)?.countries ?? [importer]);
    const embargo = this.embargoes.find((x) => x.exporter === exporter && x.parts.includes(importer));
    // A new arc has no baseline flow: under a partial embargo nothing may be added to the pair either.
    net.arcs.push({
      exporter, importer, route, baseline: 0, capacity: embargo ? 0 : Infinity, open: !transit.some((c) => this.lostTransit.has(c)) && !(embargo && embargo.share >= 1),
      transit, stickiness: 1,
    });
    return net.arcs.length - 1;
  }

  /** A scenario may give supply to a country that exported nothing in the baseline. */
  ensureExporter(id: string): NetworkExporter {
    let e = this.net.exporters.find((x) => x.id === id);
    if (!e) { e = { id, baseline: 0, supply: 0 }; this.net.exporters.push(e); }
    return e;
  }
}

/** One change being applied: its fields, how to report what it did, and its volumes in base units. */
interface ChangeStep {
  v: Record<string, unknown>;
  record(target: string, summary: string): void;
  volume(field?: string): number;
}

/** Each change type's effect on the network, looked up by the `type` declared in schema.ts. */
const APPLY: Record<string, (edit: NetworkEdit, change: ChangeStep) => void> = {
  close_route: closeRoute,
  close_node: closeNode,
  cut_capacity: cutCapacity,
  lose_transit: loseTransit,
  embargo,
  ban_exports: banExports,
  cap_exports: capExports,
  change_demand: changeDemand,
  add_route: addRoute,
  raise_capacity: raiseCapacity,
  open_route: raiseCapacity,
  sign_agreement: signAgreement,
  set_parameter: setParameter,
};

/** A closed route stays closed even if a later change raises its capacity. */
function closeRoute(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const r = edit.routeOf(String(v.route))!;
  const route = edit.net.routes[r];
  route.open = false;
  edit.closedRoutes.add(r);
  record(String(v.route), `route ${route.id} (${route.name}) closed; it carried ${fmt(edit.routeLoad(r))} ${edit.unit} in the baseline`);
}

/** A closed node closes every route through it, and any route added later through it. */
function closeNode(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const node = String(v.node);
  const closed: string[] = [];
  edit.closedNodes.add(node);
  edit.net.routes.forEach((r, i) => { if (r.nodes.includes(node) && r.open) { r.open = false; edit.closedRoutes.add(i); closed.push(r.id); } });
  record(node, `node ${node} closed: routes ${closed.join(', ') || '(none of this commodity)'} closed`);
}

/** A route without a capacity is cut from its baseline flow, so that the cut still bites. */
function cutCapacity(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const f = Number(v.fraction);
  const unit = edit.unit;
  if (v.route !== undefined) {
    const r = edit.routeOf(String(v.route))!;
    const route = edit.net.routes[r];
    const before = route.capacity;
    const basis = Number.isFinite(before) ? before : edit.routeLoad(r);
    route.capacity = basis * (1 - f);
    record(route.id, `capacity of route ${route.id} cut by ${fmt(f * 100)}%: ${fmt(before)} → ${fmt(route.capacity)} ${unit}` +
      (Number.isFinite(before) ? '' : ' (no capacity in the dataset: cut from its baseline flow)'));
  } else {
    const asset = edit.net.assets.find((a) => a.id === v.asset)!;
    const before = asset.capacity;
    asset.capacity = before * (1 - f);
    record(asset.id, `capacity of asset ${asset.id} cut by ${fmt(f * 100)}%: ${fmt(before)} → ${fmt(asset.capacity)} ${unit} (baseline load ${fmt(edit.assetLoad(asset.id))})`);
  }
}

/** Losing a transit state stops every flow that crosses it, whatever the route. */
function loseTransit(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const country = String(v.country);
  edit.lostTransit.add(country);
  let volumeLost = 0;
  const routes = new Set<string>();
  for (const arc of edit.net.arcs) {
    if (!arc.transit.includes(country) || !arc.open) continue;
    arc.open = false;
    volumeLost += arc.baseline;
    routes.add(edit.net.routes[arc.route].id);
  }
  record(country, `transit through ${country} lost: flows on ${[...routes].join(', ') || '(no route)'} that cross it stop (${fmt(volumeLost)} ${edit.unit} in the baseline)`);
}

/** A partial embargo leaves the rest of the pair's baseline flow on the same arcs. */
function embargo(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const exporter = String(v.exporter);
  const parts = edit.partsOf(String(v.importer));
  const share = v.share === undefined ? 1 : Number(v.share);
  edit.embargoes.push({ exporter, parts, share });
  let lost = 0;
  for (const arc of edit.net.arcs) {
    if (arc.exporter !== exporter || !parts.includes(arc.importer)) continue;
    lost += arc.baseline * share;
    if (share >= 1) arc.open = false;
    else arc.capacity = Math.min(arc.capacity, arc.baseline * (1 - share));
  }
  record(`${exporter}>${String(v.importer)}`, `embargo on ${exporter} → ${String(v.importer)}${share < 1 ? ` (${fmt(share * 100)}% of the baseline flow)` : ''}: ${fmt(lost)} ${edit.unit} of baseline flows stop`);
}

/** A ban is a cap of zero that a later agreement cannot lift. */
function banExports(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const e = edit.ensureExporter(String(v.exporter));
  const before = e.supply;
  e.supply = 0;
  edit.exportCaps.set(e.id, 0);
  record(e.id, `exports of ${e.id} banned: export capacity ${fmt(before)} → 0 ${edit.unit}`);
}

/** A cap only lowers supply, and it still holds when a later agreement adds supply. */
function capExports(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const e = edit.ensureExporter(String(v.exporter));
  const before = e.supply;
  const cap = v.volume !== undefined ? volume() : e.baseline * (1 - Number(v.fraction));
  e.supply = Math.min(e.supply, cap);
  edit.exportCaps.set(e.id, Math.min(cap, edit.exportCaps.get(e.id) ?? Infinity));
  record(e.id, `exports of ${e.id} capped: export capacity ${fmt(before)} → ${fmt(e.supply)} ${edit.unit} (baseline exports ${fmt(e.baseline)})`);
}

/** A bloc's new demand is spread over its parts in proportion to their demand. */
function changeDemand(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const id = String(v.importer);
  const parts = edit.net.importers.filter((i) => edit.partsOf(id).includes(i.id));
  const before = parts.reduce((s, p) => s + p.demand, 0);
  if (v.change !== undefined) {
    for (const p of parts) p.demand *= 1 + Number(v.change);
  } else {
    const target = volume();
    for (const p of parts) p.demand = before > 0 ? (p.demand * target) / before : target / parts.length;
  }
  const after = parts.reduce((s, p) => s + p.demand, 0);
  record(id, `demand of ${id}: ${fmt(before)} → ${fmt(after)} ${edit.unit}`);
}

/** A new route serves the importers it names (else every importer) and respects the nodes closed before it. */
function addRoute(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const net = edit.net;
  const legs = v.legs as ScenarioLeg[];
  const exporter = String(v.exporter);
  const countries = [...new Set(legs.map((l) => l.country))];
  const assets = [...new Set(legs.map((l) => l.asset).filter((a): a is string => Boolean(a)))];
  const nodes = [...new Set(legs.flatMap((l) => [l.from, l.to]).filter((n): n is string => Boolean(n)))];
  const route: NetworkRoute = {
    id: String(v.id), name: String(v.name ?? v.id), mode: String(v.mode ?? 'multimodal'),
    capacity: v.capacity !== undefined ? volume('capacity') : Infinity,
    cost: v.cost === undefined ? 0 : moneyPerBaseUnit(Number(v.cost), String(v.cost_unit), edit.commodity), transitDays: v.transit_days !== undefined ? Number(v.transit_days) : undefined,
    countries, nodes, assets, start: exporter, end: countries[countries.length - 1], endsAtPort: v.importers === undefined,
    open: true, status: 'operating', direct: false, added: true,
  };
  const blockedBy = nodes.filter((n) => edit.closedNodes.has(n));
  if (blockedBy.length) route.open = false;
  edit.routeIndex.set(route.id, net.routes.length);
  net.routes.push(route);
  const r = net.routes.length - 1;
  if (blockedBy.length) edit.closedRoutes.add(r);
  const targets = v.importers !== undefined ? (v.importers as string[]).flatMap((id) => edit.partsOf(id)) : net.importers.map((i) => i.id);
  edit.ensureExporter(exporter);
  for (const imp of targets) edit.ensureArc(exporter, imp, r);
  record(route.id, `route ${route.id} added from ${exporter} through ${countries.join(' → ')}${assets.length ? ` (assets ${assets.join(', ')})` : ''}: capacity ${fmt(route.capacity)} ${edit.unit}, cost ${v.cost === undefined ? '0' : `${fmt(Number(v.cost))} ${String(v.cost_unit)}`}` +
    `${route.transitDays !== undefined ? `, ${fmt(route.transitDays)} days` : ''}, serving ${v.importers !== undefined ? (v.importers as string[]).join(', ') : 'every importer'}` +
    (blockedBy.length ? `; closed: it crosses ${blockedBy.join(', ')}, closed by an earlier change` : ''));
}

/** Raising or opening a route does not reopen one that an earlier change closed. */
function raiseCapacity(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const given = v.capacity !== undefined ? volume('capacity') : undefined;
  const by = v.by !== undefined ? volume('by') : undefined;
  const unit = edit.unit;
  if (v.asset !== undefined) {
    const asset = edit.net.assets.find((a) => a.id === v.asset)!;
    const before = asset.capacity;
    asset.capacity = given ?? before + (by ?? 0);
    record(asset.id, `capacity of asset ${asset.id}: ${fmt(before)} → ${fmt(asset.capacity)} ${unit} (baseline load ${fmt(edit.assetLoad(asset.id))})`);
    return;
  }
  const r = edit.routeOf(String(v.route))!;
  const route = edit.net.routes[r];
  const before = route.capacity;
  const wasOpen = route.open;
  route.capacity = given ?? before + (by ?? 0);
  const shut = edit.closedRoutes.has(r);
  if (!shut) route.open = true;
  record(route.id, `${wasOpen || shut ? '' : `route ${route.id} opened; `}capacity of route ${route.id}: ${fmt(before)} → ${fmt(route.capacity)} ${unit} (baseline flow ${fmt(edit.routeLoad(r))})` +
    (shut ? '; it stays closed: an earlier change closed it' : ''));
}

/**
 * An agreement adds supply (within any earlier ban or cap), a way to deliver it, and, when committed, a
 * target the LP must meet or pay for.
 */
function signAgreement(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const net = edit.net;
  const exporterId = String(v.exporter);
  const importerId = String(v.importer);
  const amount = v.volume !== undefined ? volume() : agreementVolume(edit, v.agreement);
  const label = v.agreement !== undefined ? String(v.agreement) : `${exporterId}–${importerId}`;
  const exporter = edit.ensureExporter(exporterId);
  const supplyBefore = exporter.supply;
  exporter.supply = Math.min(exporter.supply + amount, edit.exportCaps.get(exporterId) ?? Infinity);
  const parts = edit.partsOf(importerId);
  const via = agreementRoutes(edit, exporterId, parts, amount, v.route === undefined ? undefined : String(v.route));
  const baselinePair = net.arcs.filter((a) => a.exporter === exporterId && parts.includes(a.importer)).reduce((s, a) => s + a.baseline, 0);
  const commit = v.commit !== false;
  if (commit) net.commitments.push({ label, exporter: exporterId, importers: parts, target: baselinePair + amount });
  const displaces = (v.displaces as string[] | undefined) ?? [];
  for (const arc of net.arcs) if (displaces.includes(arc.exporter) && parts.includes(arc.importer)) arc.stickiness = 0.5;
  record(label, `agreement ${label}: ${exporterId} export capacity ${fmt(supplyBefore)} → ${fmt(exporter.supply)} ${edit.unit} via ${[...new Set(via)].join(', ')}` +
    (commit ? `; ${importerId} commits to take ${fmt(baselinePair + amount)} ${edit.unit} from ${exporterId} (baseline ${fmt(baselinePair)})` : '; capacity only (no commitment)') +
    (displaces.length ? `, giving up ${displaces.join(', ')} first` : '') +
    (edit.exportCaps.has(exporterId) ? ` (${exporterId}'s exports are ${edit.exportCaps.get(exporterId) === 0 ? 'banned' : 'capped'} by an earlier change)` : ''));
}

/** Without its own volume, an agreement signs for the volume agreements.csv gives. */
function agreementVolume(edit: NetworkEdit, id: unknown): number {
  const row = edit.model.tables.agreement.find((a) => a.id === id)!;
  return edit.toBase(row.volume ?? 0, row.unit);
}

/**
 * The agreed volume travels on the named route, else on the pair's direct route, which grows by the
 * volume (capped at it when the exporter has declared routes, so that it cannot bypass them).
 */
function agreementRoutes(edit: NetworkEdit, exporterId: string, parts: string[], amount: number, routeId: string | undefined): string[] {
  const net = edit.net;
  const routed = net.routes.some((rt) => !rt.direct && rt.start === exporterId);
  const via: string[] = [];
  for (const part of parts) {
    let r: number;
    if (routeId !== undefined) r = edit.routeOf(routeId)!;
    else {
      const existed = edit.routeIndex.has(`${DIRECT_PREFIX}${exporterId}>${part}`);
      r = directRoute(net.routes, edit.routeIndex, exporterId, part);
      const route = net.routes[r];
      if (!existed) route.capacity = routed ? amount : Infinity;
      else if (Number.isFinite(route.capacity)) route.capacity += amount;
      if (!edit.closedRoutes.has(r)) route.open = true;
    }
    edit.ensureArc(exporterId, part, r);
    via.push(net.routes[r].id);
  }
  return via;
}

/** Access and export capacity act on importers and exporters at once; cost figures wait for resolveCosts at the end. */
function setParameter(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const name = String(v.name) as FlowParameter;
  const value = Number(v.value);
  const u = String(v.unit ?? '');
  if (name === 'world_market_access') {
    const parts = edit.net.importers.filter((i) => edit.partsOf(String(v.country)).includes(i.id));
    for (const p of parts) p.worldAccess = value;
    record(String(v.country), `world-market access of ${String(v.country)} set to ${fmt(value)} of demand`);
  } else if (name === 'export_capacity') {
    const e = edit.ensureExporter(String(v.country));
    const before = e.supply;
    e.supply = edit.toBase(value, u);
    record(e.id, `export capacity of ${e.id}: ${fmt(before)} → ${fmt(e.supply)} ${edit.unit}`);
  } else {
    // Converted here, at the scenario's edge: the solver takes figures in base units.
    const reading = COST_PARAMETER_READING[name as CostParameter] ?? 'money';
    edit.net.given[name] = { value, unit: u, origin: 'scenario', base: readingsInBase(value, u, edit.commodity)[reading] };
    edit.costsChanged = true;
    record(name, `${name} set to ${fmt(value)} ${u}`);
  }
}
