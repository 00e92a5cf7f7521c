// The page's state: what is selected and the what-if being tried. It lives in the URL's query string (a view can be
// shared as a link) and becomes the YAML of a scenario, the same text `corridor scenario run` reads.
import type { Model } from '../../src/model/model.ts';

export const VIEWS = ['dependence', 'whatif', 'flows', 'risk', 'timeline'] as const;
export type View = (typeof VIEWS)[number];

export interface Embargo { exporter: string; importer: string }

export interface WhatIf {
  closedRoutes: string[];
  closedNodes: string[];
  /** Sea chokepoints closed (chokepoints.csv ids): `close_chokepoint`. */
  closedChokepoints: string[];
  lostTransit: string[];
  /** Route id → capacity tried, in the route's own unit (routes.csv `unit`). */
  capacities: Record<string, number>;
  embargoes: Embargo[];
}

export interface ViewState {
  view: View;
  importer: string;
  commodity: string;
  year: number;
  stage: string;
  /** Selected flow `EXPORTER>IMPORTER` (its transit states are highlighted), '' for none. */
  flow: string;
  whatIf: WhatIf;
  /** Value chains: each stage's world holders (default) or the importer's deliveries by origin. */
  chain?: 'world' | 'deliveries';
  /** Value chains: figures up to this year (default: the latest). */
  chainYear?: number;
}

export const emptyWhatIf = (): WhatIf => ({ closedRoutes: [], closedNodes: [], closedChokepoints: [], lostTransit: [], capacities: {}, embargoes: [] });

export function isEmpty(w: WhatIf): boolean {
  return !w.closedRoutes.length && !w.closedNodes.length && !w.closedChokepoints.length && !w.lostTransit.length && !Object.keys(w.capacities).length && !w.embargoes.length;
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const ID = /^[A-Za-z0-9_.:>-]+$/;

/** Reads the state from a query string; anything malformed or unknown falls back to `fallback`'s value. */
export function readState(search: string, fallback: ViewState): ViewState {
  const q = new URLSearchParams(search);
  const view = VIEWS.find((v) => v === q.get('view')) ?? fallback.view;
  const year = Number(q.get('year'));
  const capacities: Record<string, number> = {};
  for (const pair of list(q.get('cap'))) {
    const [route, value] = pair.split(':');
    if (route && ID.test(route) && Number.isFinite(Number(value)) && Number(value) >= 0) capacities[route] = Number(value);
  }
  const ids = (name: string) => list(q.get(name)).filter((id) => ID.test(id));
  const chainYear = Number(q.get('chainyear'));
  return {
    ...(q.get('chain') === 'world' || q.get('chain') === 'deliveries' ? { chain: q.get('chain') as 'world' | 'deliveries' } : {}),
    ...(Number.isInteger(chainYear) && chainYear > 1900 ? { chainYear } : {}),
    view,
    importer: ids('importer')[0] ?? fallback.importer,
    commodity: ids('commodity')[0] ?? fallback.commodity,
    year: Number.isInteger(year) && year > 1900 ? year : fallback.year,
    stage: ids('stage')[0] ?? fallback.stage,
    flow: ids('flow')[0] ?? '',
    whatIf: {
      closedRoutes: ids('close'),
      closedNodes: ids('node'),
      closedChokepoints: ids('choke'),
      lostTransit: ids('transit'),
      capacities,
      embargoes: ids('embargo').map((e) => e.split('>')).filter((p) => p.length === 2 && p[0] && p[1]).map(([exporter, importer]) => ({ exporter, importer })),
    },
  };
}

/** The query string of a state (empty parts left out). */
export function writeState(s: ViewState): string {
  const q = new URLSearchParams();
  q.set('view', s.view);
  q.set('importer', s.importer);
  q.set('commodity', s.commodity);
  q.set('year', String(s.year));
  q.set('stage', s.stage);
  if (s.flow) q.set('flow', s.flow);
  if (s.chain) q.set('chain', s.chain);
  if (s.chainYear !== undefined) q.set('chainyear', String(s.chainYear));
  const w = s.whatIf;
  if (w.closedRoutes.length) q.set('close', w.closedRoutes.join(','));
  if (w.closedNodes.length) q.set('node', w.closedNodes.join(','));
  if (w.closedChokepoints.length) q.set('choke', w.closedChokepoints.join(','));
  if (w.lostTransit.length) q.set('transit', w.lostTransit.join(','));
  const caps = Object.entries(w.capacities);
  if (caps.length) q.set('cap', caps.map(([r, v]) => `${r}:${v}`).join(','));
  if (w.embargoes.length) q.set('embargo', w.embargoes.map((e) => `${e.exporter}>${e.importer}`).join(','));
  return `?${q.toString().replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%3E', '>')}`;
}

const quote = (text: string) => JSON.stringify(text);
/** A fraction written with enough digits to give back the capacity tried, without float noise. */
const fraction = (x: number) => String(Number(x.toPrecision(12)));

/**
 * The what-if as scenario YAML. A capacity below the route's is a `cut_capacity` by the fraction lost, one above it
 * a `raise_capacity` to the new figure, in the route's unit.
 */
export function whatIfYaml(model: Model, s: Pick<ViewState, 'commodity' | 'year' | 'whatIf'>, name = 'What-if from the workbench'): string {
  const w = s.whatIf;
  const lines = [`name: ${quote(name)}`, `commodity: ${s.commodity}`, `year: ${s.year}`];
  const changes: string[] = [];
  for (const route of w.closedRoutes) changes.push(`  - type: close_route\n    route: ${quote(route)}`);
  for (const node of w.closedNodes) changes.push(`  - type: close_node\n    node: ${quote(node)}`);
  for (const chokepoint of w.closedChokepoints) changes.push(`  - type: close_chokepoint\n    chokepoint: ${quote(chokepoint)}`);
  for (const country of w.lostTransit) changes.push(`  - type: lose_transit\n    country: ${quote(country)}`);
  for (const [id, value] of Object.entries(w.capacities)) {
    const route = model.route(id);
    if (!route || route.capacity === undefined || w.closedRoutes.includes(id)) continue;
    if (value < route.capacity) changes.push(`  - type: cut_capacity\n    route: ${quote(id)}\n    fraction: ${fraction(1 - value / route.capacity)}`);
    else if (value > route.capacity) changes.push(`  - type: raise_capacity\n    route: ${quote(id)}\n    capacity: ${fraction(value)}\n    unit: ${quote(route.unit)}`);
  }
  for (const e of w.embargoes) changes.push(`  - type: embargo\n    exporter: ${quote(e.exporter)}\n    importer: ${quote(e.importer)}`);
  lines.push(changes.length ? `changes:\n${changes.join('\n')}` : 'changes: []');
  return `${lines.join('\n')}\n`;
}
