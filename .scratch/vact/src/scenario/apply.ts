// Applies a scenario's changes to a copy of the flow network. Pure: no I/O.
import type { Model } from '../model/model.ts';
import { convert, moneyPerBaseUnit } from '../model/units.ts';
import {
  cloneNetwork, directRoute, importerParts, resolveCosts, transitStates, DIRECT_PREFIX,
  type FlowNetwork, type FlowParameter, type NetworkRoute,
} from '../solve/network.ts';
import { changeType } from './schema.ts';
import type { Scenario, ScenarioChange, ScenarioLeg } from './parse.ts';

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
  const net = cloneNetwork(network);
  const applied: AppliedChange[] = [];
  const commodity = model.commodity(net.commodity)!;
  const unit = net.unit;
  const toBase = (value: number, from: string) => convert(value, from, commodity.unit, commodity);
  const routeIndex = new Map(net.routes.map((r, i) => [r.id, i]));
  const routeOf = (id: string): number | undefined => {
    const index = routeIndex.get(id);
    if (index !== undefined) return index;
    if (id.startsWith(DIRECT_PREFIX)) {
      const [e, i] = id.slice(DIRECT_PREFIX.length).split('>');
      return directRoute(net.routes, routeIndex, e, i);
    }
    return undefined;
  };
  const routeLoad = (r: number) => net.arcs.filter((a) => a.route === r).reduce((s, a) => s + a.baseline, 0);
  const assetLoad = (id: string) => net.routes.reduce((s, r, i) => (r.assets.includes(id) ? s + routeLoad(i) : s), 0);
  const partsOf = (id: string) => importerParts(net, id);
  const countriesOfPart = (id: string) => net.importers.find((i) => i.id === id)?.countries ?? [id];
  const arcIndex = new Map(net.arcs.map((a, i) => [`${a.exporter}\u0000${a.importer}\u0000${a.route}`, i]));
  // Shocks hold for the whole scenario: an arc or route added by a later change does not get around a
  // lost transit state, an embargo or a closed node, and a later deal does not lift an export ban or cap.
  const lostTransit = new Set<string>();
  const embargoes: { exporter: string; parts: string[]; share: number }[] = [];
  const closedNodes = new Set<string>();
  const closedRoutes = new Set<number>();
  const exportCaps = new Map<string, number>();
  const ensureArc = (exporter: string, importer: string, route: number): number => {
    const key = `${exporter}\u0000${importer}\u0000${route}`;
    const existing = arcIndex.get(key);
    if (existing !== undefined) return existing;
    arcIndex.set(key, net.arcs.length);
    const transit = transitStates(net.routes[route], exporter, countriesOfPart(importer));
    const embargo = embargoes.find((x) => x.exporter === exporter && x.parts.includes(importer));
    // A new arc has no baseline flow: under a partial embargo nothing may be added to the pair either.
    net.arcs.push({
      exporter, importer, route, baseline: 0, capacity: embargo ? 0 : Infinity, open: !transit.some((c) => lostTransit.has(c)) && !(embargo && embargo.share >= 1),
      transit, stickiness: 1,
    });
    return net.arcs.length - 1;
  };
  const ensureExporter = (id: string) => {
    let e = net.exporters.find((x) => x.id === id);
    if (!e) { e = { id, baseline: 0, supply: 0 }; net.exporters.push(e); }
    return e;
  };
  let costsChanged = false;

  for (const change of scenario.changes) {
    const spec = changeType(change.type)!;
    if (!kinds.includes(spec.kind)) continue;
    const v = change.values as Record<string, unknown>;
    const note = typeof v.note === 'string' ? v.note : undefined;
    const record = (target: string, summary: string) => applied.push({ type: change.type, kind: spec.kind, target, summary, ...(note ? { note } : {}) });
    const volume = (field = 'volume') => toBase(Number(v[field]), String(v.unit ?? commodity.unit));
    switch (change.type) {
      case 'close_route': {
        const r = routeOf(String(v.route))!;
        net.routes[r].open = false;
        closedRoutes.add(r);
        record(String(v.route), `route ${net.routes[r].id} (${net.routes[r].name}) closed; it carried ${fmt(routeLoad(r))} ${unit} in the baseline`);
        break;
      }
      case 'close_node': {
        const node = String(v.node);
        const closed: string[] = [];
        closedNodes.add(node);
        net.routes.forEach((r, i) => { if (r.nodes.includes(node) && r.open) { r.open = false; closedRoutes.add(i); closed.push(r.id); } });
        record(node, `node ${node} closed: routes ${closed.join(', ') || '(none of this commodity)'} closed`);
        break;
      }
      case 'cut_capacity': {
        const f = Number(v.fraction);
        if (v.route !== undefined) {
          const r = routeOf(String(v.route))!;
          const route = net.routes[r];
          const before = route.capacity;
          const basis = Number.isFinite(before) ? before : routeLoad(r);
          route.capacity = basis * (1 - f);
          record(route.id, `capacity of route ${route.id} cut by ${fmt(f * 100)}%: ${fmt(before)} → ${fmt(route.capacity)} ${unit}` +
            (Number.isFinite(before) ? '' : ' (no capacity in the dataset: cut from its baseline flow)'));
        } else {
          const asset = net.assets.find((a) => a.id === v.asset)!;
          const before = asset.capacity;
          asset.capacity = before * (1 - f);
          record(asset.id, `capacity of asset ${asset.id} cut by ${fmt(f * 100)}%: ${fmt(before)} → ${fmt(asset.capacity)} ${unit} (baseline load ${fmt(assetLoad(asset.id))})`);
        }
        break;
      }
      case 'lose_transit': {
        const country = String(v.country);
        lostTransit.add(country);
        let volumeLost = 0;
        const routes = new Set<string>();
        for (const arc of net.arcs) {
          if (!arc.transit.includes(country) || !arc.open) continue;
          arc.open = false;
          volumeLost += arc.baseline;
          routes.add(net.routes[arc.route].id);
        }
        record(country, `transit through ${country} lost: flows on ${[...routes].join(', ') || '(no route)'} that cross it stop (${fmt(volumeLost)} ${unit} in the baseline)`);
        break;
      }
      case 'embargo': {
        const exporter = String(v.exporter);
        const parts = partsOf(String(v.importer));
        const share = v.share === undefined ? 1 : Number(v.share);
        embargoes.push({ exporter, parts, share });
        let lost = 0;
        for (const arc of net.arcs) {
          if (arc.exporter !== exporter || !parts.includes(arc.importer)) continue;
          lost += arc.baseline * share;
          if (share >= 1) arc.open = false;
          else arc.capacity = Math.min(arc.capacity, arc.baseline * (1 - share));
        }
        record(`${exporter}>${String(v.importer)}`, `embargo on ${exporter} → ${String(v.importer)}${share < 1 ? ` (${fmt(share * 100)}% of the baseline flow)` : ''}: ${fmt(lost)} ${unit} of baseline flows stop`);
        break;
      }
      case 'ban_exports': {
        const e = ensureExporter(String(v.exporter));
        const before = e.supply;
        e.supply = 0;
        exportCaps.set(e.id, 0);
        record(e.id, `exports of ${e.id} banned: export capacity ${fmt(before)} → 0 ${unit}`);
        break;
      }
      case 'cap_exports': {
        const e = ensureExporter(String(v.exporter));
        const before = e.supply;
        const cap = v.volume !== undefined ? volume() : e.baseline * (1 - Number(v.fraction));
        e.supply = Math.min(e.supply, cap);
        exportCaps.set(e.id, Math.min(cap, exportCaps.get(e.id) ?? Infinity));
        record(e.id, `exports of ${e.id} capped: export capacity ${fmt(before)} → ${fmt(e.supply)} ${unit} (baseline exports ${fmt(e.baseline)})`);
        break;
      }
      case 'change_demand': {
        const id = String(v.importer);
        const parts = net.importers.filter((i) => partsOf(id).includes(i.id));
        const before = parts.reduce((s, p) => s + p.demand, 0);
        if (v.change !== undefined) {
          for (const p of parts) p.demand *= 1 + Number(v.change);
        } else {
          const target = volume();
          for (const p of parts) p.demand = before > 0 ? (p.demand * target) / before : target / parts.length;
        }
        const after = parts.reduce((s, p) => s + p.demand, 0);
        record(id, `demand of ${id}: ${fmt(before)} → ${fmt(after)} ${unit}`);
        break;
      }
      case 'add_route': {
        const legs = v.legs as ScenarioLeg[];
        const exporter = String(v.exporter);
        const countries = [...new Set(legs.map((l) => l.country))];
        const assets = [...new Set(legs.map((l) => l.asset).filter((a): a is string => Boolean(a)))];
        const nodes = [...new Set(legs.flatMap((l) => [l.from, l.to]).filter((n): n is string => Boolean(n)))];
        const route: NetworkRoute = {
          id: String(v.id), name: String(v.name ?? v.id), mode: String(v.mode ?? 'multimodal'),
          capacity: v.capacity !== undefined ? volume('capacity') : Infinity,
          cost: v.cost === undefined ? 0 : moneyPerBaseUnit(Number(v.cost), String(v.cost_unit), commodity), transitDays: v.transit_days !== undefined ? Number(v.transit_days) : undefined,
          countries, nodes, assets, start: exporter, end: countries[countries.length - 1], endsAtPort: v.importers === undefined,
          open: true, status: 'operating', direct: false, added: true,
        };
        const blockedBy = nodes.filter((n) => closedNodes.has(n));
        if (blockedBy.length) route.open = false;
        routeIndex.set(route.id, net.routes.length);
        net.routes.push(route);
        const r = net.routes.length - 1;
        if (blockedBy.length) closedRoutes.add(r);
        const targets = v.importers !== undefined ? (v.importers as string[]).flatMap(partsOf) : net.importers.map((i) => i.id);
        ensureExporter(exporter);
        for (const imp of targets) ensureArc(exporter, imp, r);
        record(route.id, `route ${route.id} added from ${exporter} through ${countries.join(' → ')}${assets.length ? ` (assets ${assets.join(', ')})` : ''}: capacity ${fmt(route.capacity)} ${unit}, cost ${v.cost === undefined ? '0' : `${fmt(Number(v.cost))} ${String(v.cost_unit)}`}` +
          `${route.transitDays !== undefined ? `, ${fmt(route.transitDays)} days` : ''}, serving ${v.importers !== undefined ? (v.importers as string[]).join(', ') : 'every importer'}` +
          (blockedBy.length ? `; closed: it crosses ${blockedBy.join(', ')}, closed by an earlier change` : ''));
        break;
      }
      case 'raise_capacity':
      case 'open_route': {
        const given = v.capacity !== undefined ? volume('capacity') : undefined;
        const by = v.by !== undefined ? volume('by') : undefined;
        if (v.asset !== undefined) {
          const asset = net.assets.find((a) => a.id === v.asset)!;
          const before = asset.capacity;
          asset.capacity = given ?? before + (by ?? 0);
          record(asset.id, `capacity of asset ${asset.id}: ${fmt(before)} → ${fmt(asset.capacity)} ${unit} (baseline load ${fmt(assetLoad(asset.id))})`);
        } else {
          const r = routeOf(String(v.route))!;
          const route = net.routes[r];
          const before = route.capacity;
          const wasOpen = route.open;
          route.capacity = given ?? before + (by ?? 0);
          const shut = closedRoutes.has(r);
          if (!shut) route.open = true;
          record(route.id, `${wasOpen || shut ? '' : `route ${route.id} opened; `}capacity of route ${route.id}: ${fmt(before)} → ${fmt(route.capacity)} ${unit} (baseline flow ${fmt(routeLoad(r))})` +
            (shut ? '; it stays closed: an earlier change closed it' : ''));
        }
        break;
      }
      case 'sign_agreement': {
        const exporterId = String(v.exporter);
        const importerId = String(v.importer);
        let amount: number;
        let label = `${exporterId}–${importerId}`;
        if (v.volume !== undefined) amount = volume();
        else {
          const row = model.tables.agreement.find((a) => a.id === v.agreement)!;
          amount = toBase(row.volume ?? 0, row.unit);
        }
        if (v.agreement !== undefined) label = String(v.agreement);
        const exporter = ensureExporter(exporterId);
        const supplyBefore = exporter.supply;
        exporter.supply = Math.min(exporter.supply + amount, exportCaps.get(exporterId) ?? Infinity);
        const parts = partsOf(importerId);
        const routed = net.routes.some((rt) => !rt.direct && rt.start === exporterId);
        const via: string[] = [];
        for (const part of parts) {
          let r: number;
          if (v.route !== undefined) r = routeOf(String(v.route))!;
          else {
            const existed = routeIndex.has(`${DIRECT_PREFIX}${exporterId}>${part}`);
            r = directRoute(net.routes, routeIndex, exporterId, part);
            const route = net.routes[r];
            if (!existed) route.capacity = routed ? amount : Infinity;
            else if (Number.isFinite(route.capacity)) route.capacity += amount;
            if (!closedRoutes.has(r)) route.open = true;
          }
          ensureArc(exporterId, part, r);
          via.push(net.routes[r].id);
        }
        const baselinePair = net.arcs.filter((a) => a.exporter === exporterId && parts.includes(a.importer)).reduce((s, a) => s + a.baseline, 0);
        const commit = v.commit !== false;
        if (commit) net.commitments.push({ label, exporter: exporterId, importers: parts, target: baselinePair + amount });
        const displaces = (v.displaces as string[] | undefined) ?? [];
        for (const arc of net.arcs) if (displaces.includes(arc.exporter) && parts.includes(arc.importer)) arc.stickiness = 0.5;
        record(label, `agreement ${label}: ${exporterId} export capacity ${fmt(supplyBefore)} → ${fmt(exporter.supply)} ${unit} via ${[...new Set(via)].join(', ')}` +
          (commit ? `; ${importerId} commits to take ${fmt(baselinePair + amount)} ${unit} from ${exporterId} (baseline ${fmt(baselinePair)})` : '; capacity only (no commitment)') +
          (displaces.length ? `, giving up ${displaces.join(', ')} first` : '') +
          (exportCaps.has(exporterId) ? ` (${exporterId}'s exports are ${exportCaps.get(exporterId) === 0 ? 'banned' : 'capped'} by an earlier change)` : ''));
        break;
      }
      case 'set_parameter': {
        const name = String(v.name) as FlowParameter;
        const value = Number(v.value);
        const u = String(v.unit ?? '');
        if (name === 'world_market_access') {
          const parts = net.importers.filter((i) => partsOf(String(v.country)).includes(i.id));
          for (const p of parts) p.worldAccess = value;
          record(String(v.country), `world-market access of ${String(v.country)} set to ${fmt(value)} of demand`);
        } else if (name === 'export_capacity') {
          const e = ensureExporter(String(v.country));
          const before = e.supply;
          e.supply = toBase(value, u);
          record(e.id, `export capacity of ${e.id}: ${fmt(before)} → ${fmt(e.supply)} ${unit}`);
        } else {
          net.given[name] = { value, unit: u, origin: 'scenario' };
          costsChanged = true;
          record(name, `${name} set to ${fmt(value)} ${u}`);
        }
        break;
      }
    }
  }
  if (costsChanged) resolveCosts(net, commodity);
  return { network: net, applied };
}
