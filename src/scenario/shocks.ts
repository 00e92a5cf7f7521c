// Shocks: changes that take capacity or supply away (close a route or node, cut a capacity, lose a
// transit state, embargo a pair, ban or cap exports) or change demand. They hold for the whole scenario:
// a later change does not get around them. Pure: no I/O.
import { fmt, type ChangeStep, type NetworkEdit } from './network-edit.ts';

/** A closed route stays closed even if a later change raises its capacity. */
export function closeRoute(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const r = edit.routeOf(String(v.route))!;
  const route = edit.net.routes[r];
  route.open = false;
  edit.closedRoutes.add(r);
  record(String(v.route), `route ${route.id} (${route.name}) closed; it carried ${fmt(edit.routeLoad(r))} ${edit.unit} in the baseline`);
}

/** A closed node closes every route through it, and any route added later through it. */
export function closeNode(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const node = String(v.node);
  const closed: string[] = [];
  edit.closedNodes.add(node);
  edit.net.routes.forEach((r, i) => { if (r.nodes.includes(node) && r.open) { r.open = false; edit.closedRoutes.add(i); closed.push(r.id); } });
  record(node, `node ${node} closed: routes ${closed.join(', ') || '(none of this commodity)'} closed`);
}

/**
 * A closed chokepoint stops every arc through it, and any arc added later through it. A flow on a sea lane with an
 * alternative (round the Cape) can move to the alternative's arc, which stays open unless it passes the chokepoint too.
 */
export function closeChokepoint(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const id = String(v.chokepoint);
  edit.closedChokepoints.add(id);
  const chokepoint = edit.net.chokepoints.find((c) => c.id === id);
  if (chokepoint) chokepoint.open = false;
  let volume = 0;
  const routes = new Set<string>();
  const rerouted = new Set<string>();
  edit.net.arcs.forEach((arc) => {
    if (!arc.chokepoints.includes(id) || !arc.open) return;
    arc.open = false;
    volume += arc.baseline;
    routes.add(edit.net.routes[arc.route].id);
    const lane = arc.lane >= 0 ? edit.net.lanes[arc.lane] : undefined;
    const alternative = lane && lane.alternative >= 0 ? edit.net.lanes[lane.alternative] : undefined;
    if (alternative && !alternative.chokepoints.includes(id)) rerouted.add(`${lane!.id} → ${alternative.id}`);
  });
  record(id, `chokepoint ${id}${chokepoint ? ` (${chokepoint.name})` : ''} closed: flows through it on ${[...routes].join(', ') || '(no route of this commodity)'} stop ` +
    `(${fmt(volume)} ${edit.unit} in the baseline)` + (rerouted.size > 0 ? `; they may take ${[...rerouted].join(', ')}` : ''));
}

/** A route without a capacity is cut from its baseline flow, so that the cut still bites. */
export function cutCapacity(edit: NetworkEdit, { v, record }: ChangeStep): void {
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
export function loseTransit(edit: NetworkEdit, { v, record }: ChangeStep): void {
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
export function embargo(edit: NetworkEdit, { v, record }: ChangeStep): void {
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
export function banExports(edit: NetworkEdit, { v, record }: ChangeStep): void {
  const e = edit.ensureExporter(String(v.exporter));
  const before = e.supply;
  e.supply = 0;
  edit.exportCaps.set(e.id, 0);
  record(e.id, `exports of ${e.id} banned: export capacity ${fmt(before)} → 0 ${edit.unit}`);
}

/** A cap only lowers supply, and it still holds when a later agreement adds supply. */
export function capExports(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
  const e = edit.ensureExporter(String(v.exporter));
  const before = e.supply;
  const cap = v.volume !== undefined ? volume() : e.baseline * (1 - Number(v.fraction));
  e.supply = Math.min(e.supply, cap);
  edit.exportCaps.set(e.id, Math.min(cap, edit.exportCaps.get(e.id) ?? Infinity));
  record(e.id, `exports of ${e.id} capped: export capacity ${fmt(before)} → ${fmt(e.supply)} ${edit.unit} (baseline exports ${fmt(e.baseline)})`);
}

/** A bloc's new demand is spread over its parts in proportion to their demand. */
export function changeDemand(edit: NetworkEdit, { v, record, volume }: ChangeStep): void {
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
