// Policies and settings: changes that add capacity or supply (add, open or raise a route or asset, sign
// an agreement) and set_parameter, which sets a modelling figure for before and after alike. Pure: no I/O.
import { readingsInBase } from '../model/base-values.ts';
import { moneyPerBaseUnit } from '../model/units.ts';
import { directRoute, WORLD } from '../solve/network.ts';
import {
  COST_PARAMETER_READING, DIRECT_PREFIX, MARKET_PARAMETER_READING, type CostParameter, type FlowParameter, type GivenParameter, type MarketParameter, type NetworkRoute,
} from '../solve/network-types.ts';
import type { ScenarioLeg } from './scenario-types.ts';
import { fmt, type ChangeStep, type NetworkEdit } from './network-edit.ts';

/** A new route serves the importers it names (else every importer) and respects the nodes closed before it. */
export function addRoute(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
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
  // Like the dataset's port routes, a new one reaches other buyers through the world market (src/solve/market.ts addWorldArcs).
  if (net.world.mode === 'market' && route.endsAtPort) edit.ensureArc(exporter, WORLD, r);
  record(route.id, `route ${route.id} added from ${exporter} through ${countries.join(' → ')}${assets.length ? ` (assets ${assets.join(', ')})` : ''}: capacity ${fmt(route.capacity)} ${edit.unit}, cost ${v.cost === undefined ? '0' : `${fmt(Number(v.cost))} ${String(v.cost_unit)}`}` +
    `${route.transitDays !== undefined ? `, ${fmt(route.transitDays)} days` : ''}, serving ${v.importers !== undefined ? (v.importers as string[]).join(', ') : 'every importer'}` +
    (blockedBy.length ? `; closed: it crosses ${blockedBy.join(', ')}, closed by an earlier change` : ''));
}

/** Raising or opening a route does not reopen one that an earlier change closed. */
export function raiseCapacity(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
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
export function signAgreement(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
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
  return edit.model.agreementVolume(row, edit.net.commodity);
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
export function setParameter(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const name = String(v.name) as FlowParameter;
  const value = Number(v.value);
  const u = String(v.unit ?? '');
  if (name === 'world_market_access') {
    const parts = edit.net.importers.filter((i) => edit.partsOf(String(v.country)).includes(i.id));
    for (const p of parts) p.worldAccess = value;
    record(String(v.country), `world-market access of ${String(v.country)} set to ${fmt(value)} of demand`);
  } else if (name === 'stock_release') {
    const parts = edit.net.importers.filter((i) => edit.partsOf(String(v.country)).includes(i.id));
    for (const p of parts) p.stock = (p.stockHeld ?? p.stock) * value;
    record(String(v.country), `stock release of ${String(v.country)} set to ${fmt(value)} of the stock a year`);
  } else if (name === 'export_capacity') {
    const e = edit.ensureExporter(String(v.country));
    const before = e.supply;
    e.supply = edit.toBase(value, u);
    record(e.id, `export capacity of ${e.id}: ${fmt(before)} → ${fmt(e.supply)} ${edit.unit}`);
  } else if (name in MARKET_PARAMETER_READING) {
    setMarketParameter(edit, name as MarketParameter, value, u, v.country === undefined ? undefined : String(v.country));
    record(v.country === undefined ? name : String(v.country), `${name}${v.country === undefined ? '' : ` of ${String(v.country)}`} set to ${fmt(value)}${u ? ` ${u}` : ''}`);
  } else {
    // Converted here, at the scenario's edge: the solver takes figures in base units.
    const reading = COST_PARAMETER_READING[name as CostParameter] ?? 'money';
    edit.net.given[name] = { value, unit: u, origin: 'scenario', base: readingsInBase(value, u, edit.commodity)[reading] };
    edit.costsChanged = true;
    record(name, `${name} set to ${fmt(value)} ${u}`);
  }
}

/** A market figure (price, world demand, an elasticity, spare capacity, a discount) in base units; the market is worked out again at the end. */
function setMarketParameter(edit: NetworkEdit, name: MarketParameter, value: number, unit: string, country: string | undefined): void {
  const reading = MARKET_PARAMETER_READING[name];
  const base = reading === 'plain' ? value : readingsInBase(value, unit, edit.commodity)[reading];
  const given: GivenParameter = { value, unit: reading === 'plain' ? 'elasticity' : unit, origin: 'scenario', base };
  if (name === 'export_discount') edit.net.givenDiscounts = { ...edit.net.givenDiscounts, [country!]: given };
  else edit.net.given[name] = given;
  edit.marketChanged = true;
  edit.costsChanged = true;
}
