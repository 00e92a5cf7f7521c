// The elements of a flow network that can fail: routes, shared assets, transit states, exporters, nodes and sea
// chokepoints. Each has an id `kind:name` (route:cpc, asset:aktau_oil_berths, transit:RUS, exporter:KAZ, node:alat,
// chokepoint:turkish_straits).
// Pure: no I/O. See docs/methods/risk.md.
import type { FlowNetwork } from '../solve/network-types.ts';

export const ELEMENT_KINDS = ['route', 'asset', 'transit', 'exporter', 'node', 'chokepoint'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export interface RiskElement {
  /** `kind:name`. */
  id: string;
  kind: ElementKind;
  name: string;
}

/**
 * Every element of the network that can fail on its own: routes given by the dataset (not the implicit direct
 * routes) that are open, shared assets, transit states crossed by an open arc, exporters, and the nodes in
 * `nodes` (e.g. the dataset's chokepoints) that an open route passes through. Exporters for which `isAggregate`
 * holds (OTHER: the remainder a source does not break down) are left out: they are many suppliers, not one that
 * can fail. The sea chokepoints (chokepoints.csv) that an open arc passes, on its sea lane or its route, are elements
 * of their own; a node with a chokepoint's id is then that chokepoint, not a node element.
 */
export function networkElements(network: FlowNetwork, nodes: readonly string[] = [], isAggregate: (id: string) => boolean = () => false): RiskElement[] {
  const out: RiskElement[] = [];
  const add = (kind: ElementKind, name: string) => out.push({ id: `${kind}:${name}`, kind, name });
  const openRoutes = network.routes.filter((r) => r.open && !r.direct);
  for (const r of openRoutes) add('route', r.id);
  const usedAssets = new Set(openRoutes.flatMap((r) => r.assets));
  for (const a of network.assets) if (usedAssets.has(a.id)) add('asset', a.id);
  const transit = new Set<string>();
  for (const arc of network.arcs) if (arc.open && network.routes[arc.route].open) for (const c of arc.transit) transit.add(c);
  for (const c of [...transit].sort()) add('transit', c);
  for (const e of network.exporters) if (!isAggregate(e.id)) add('exporter', e.id);
  const onRoutes = new Set(openRoutes.flatMap((r) => r.nodes));
  const chokepoints = new Set(network.chokepoints.map((c) => c.id));
  for (const n of nodes) if (onRoutes.has(n) && !chokepoints.has(n)) add('node', n);
  const passed = new Set<string>();
  for (const arc of network.arcs) if (arc.open && network.routes[arc.route].open) for (const c of arc.chokepoints) passed.add(c);
  for (const c of network.chokepoints) if (passed.has(c.id)) add('chokepoint', c.id);
  return out;
}

/** Splits `kind:name`; undefined when the kind is not one of ELEMENT_KINDS. */
export function parseElementId(id: string): { kind: ElementKind; name: string } | undefined {
  const at = id.indexOf(':');
  if (at <= 0) return undefined;
  const kind = id.slice(0, at) as ElementKind;
  return ELEMENT_KINDS.includes(kind) ? { kind, name: id.slice(at + 1) } : undefined;
}
