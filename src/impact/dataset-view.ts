// What the dataset offers an impact for one commodity and year: the ids each reading may take (the candidates a
// question lists), the ids the event proposes, and the commodity's units. Pure.
import type { Model } from '../model/model.ts';
import { convert } from '../model/units.ts';
import type { ImpactEvent } from './event.ts';
import type { Reading } from './rules.ts';

/** The route name of flows whose route the dataset does not give (as in scenario files). */
const DIRECT = 'direct:';

/** Stem of a unit without its per-year suffix: "Mt/yr" and "Mt" name the same unit. */
const stem = (unit: string) => unit.replace(/\/(yr|year|a)$/, '');

export interface DatasetView {
  allowedUnits: string[];
  /** The commodity's own spelling of a unit ("Mt" -> "Mt/yr"), or null when it does not take it. */
  allowedUnit(unit: string): string | null;
  /** A stated volume in one of the commodity's units (converted when needed), or null when it does not convert. */
  inAllowedUnit<T extends { value: number; unit: string }>(v: T): (T & { unit: string }) | null;
  candidates(reading: Reading, ref: string | undefined, e: ImpactEvent): string[];
  proposed(reading: Reading, e: ImpactEvent): string[];
  isDirectRoute(id: string): boolean;
  what(reading: Reading, ref: string | undefined): string;
  question(reading: Reading, ref: string | undefined): string;
  basis(reading: Reading): string;
}

/** Chokepoints of the dataset the text names: by the name before any parenthesis, or by the id written as words. */
export function chokepointsNamed(model: Model, text: string): string[] {
  const lower = text.toLowerCase().replace(/[-\s]+/g, ' ');
  return model.tables.chokepoint.filter((c) => {
    const names = [c.name.replace(/\s*\(.*$/, ''), c.id.replace(/_/g, ' ')].map((n) => n.toLowerCase().replace(/[-\s]+/g, ' '));
    return names.some((n) => n.length > 3 && new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower));
  }).map((c) => c.id);
}

export function datasetView(model: Model, commodity: string, year: number): DatasetView {
  const row = model.commodity(commodity)!;
  const allowedUnits = row.allowed_units.map((u) => u.trim());
  const flows = model.flows({ commodity, year });
  const exporters = [...new Set(flows.map((f) => f.exporter))].sort();
  const importerSet = new Set(flows.map((f) => f.importer));
  for (const d of model.tables.demand) if (d.commodity === commodity && d.year === year && d.kind === 'imports') importerSet.add(d.country);
  for (const i of [...importerSet]) for (const bloc of model.blocsOf(i)) importerSet.add(bloc);
  const importers = [...importerSet].sort();
  const routes = model.tables.route.filter((r) => r.commodity === commodity);
  const directPairs = [...new Set(flows.filter((f) => !f.route).map((f) => `${DIRECT}${f.exporter}>${f.importer}`))].sort();
  // Transit states: the countries a route's legs cross that are neither the exporter nor the importer of a flow on it.
  const transit = new Set<string>();
  for (const f of flows) {
    if (!f.route) continue;
    const ends = new Set([f.exporter, f.importer, ...model.blocMembers(f.importer)]);
    for (const c of model.routeCountries(f.route)) if (!ends.has(c)) transit.add(c);
  }
  const routeNodes = new Set(routes.flatMap((r) => [r.from, r.to, ...model.legs(r.id).flatMap((l) => [l.from, l.to])]).filter(Boolean));
  const parties = (e: ImpactEvent) => [...new Set([e.source, ...e.targets].filter((s): s is string => !!s))];
  const states = (e: ImpactEvent) => [e.source, ...e.targets, ...e.placeStates].filter((s): s is string => !!s);

  const allowedUnit = (unit: string): string | null => allowedUnits.find((u) => stem(u) === stem(unit)) ?? null;

  return {
    allowedUnits,
    allowedUnit,
    inAllowedUnit(v) {
      const own = allowedUnit(v.unit);
      if (own) return { ...v, unit: own };
      // Prefer a unit of the same kind ("b/d" -> "kb/d", "kt" -> "Mt/yr"), then any the commodity converts to.
      const sameKind = allowedUnits.filter((u) => stem(u).slice(-1) === stem(v.unit).slice(-1));
      for (const to of [...sameKind, ...allowedUnits]) {
        try {
          return { ...v, value: Number(convert(v.value, v.unit, to, row).toPrecision(6)), unit: to };
        } catch { /* not convertible to this one; try the next */ }
      }
      return null;
    },
    candidates(reading, ref, e) {
      switch (reading) {
        case 'route': {
          const own = routes.map((r) => r.id);
          const mine = directPairs.filter((p) => states(e).some((s) => p.includes(`:${s}>`) || p.endsWith(`>${s}`)));
          return [...own, ...(mine.length ? mine : own.length ? [] : directPairs)];
        }
        case 'planned_route': return routes.filter((r) => r.status !== 'operating').map((r) => r.id);
        case 'node': return [...routeNodes].sort();
        case 'chokepoint': return model.tables.chokepoint.map((c) => c.id);
        case 'transit_state': return [...transit].sort();
        case 'exporting_party': return exporters;
        case 'importing_party': return importers;
        default: return ref === 'importer' ? importers : ref === 'exporter' ? exporters : ref === 'country' ? [...transit].sort() : [];
      }
    },
    proposed(reading, e) {
      switch (reading) {
        case 'source': return e.source ? [e.source] : [];
        case 'target': return e.targets;
        case 'route': case 'planned_route': return e.routes.filter((id) => model.route(id) !== undefined);
        case 'node': return e.nodes.filter((id) => model.tables.node.some((n) => n.id === id));
        case 'chokepoint': return chokepointsNamed(model, e.text);
        case 'transit_state': return [...new Set(states(e))];
        case 'exporting_party': return parties(e).filter((s) => exporters.includes(s));
        case 'importing_party': {
          // A party that exports the commodity is the buyer only when no other party can be.
          const buyers = parties(e).filter((s) => importers.includes(s));
          const pure = buyers.filter((s) => !exporters.includes(s));
          return pure.length ? pure : buyers;
        }
        default: return [];
      }
    },
    isDirectRoute: (id) => directPairs.includes(id),
    what(reading, ref) {
      const map: Partial<Record<Reading, string>> = {
        route: `a route of ${commodity}`, planned_route: `a planned or closed route of ${commodity}`, node: `a node on a route of ${commodity}`,
        chokepoint: 'a chokepoint', transit_state: `a transit state of ${commodity} flows in ${year}`,
        exporting_party: `an exporter of ${commodity} in ${year}`, importing_party: `an importer of ${commodity} in ${year}`,
      };
      return map[reading] ?? (ref === 'importer' ? `an importer of ${commodity} in ${year}` : ref === 'exporter' ? `an exporter of ${commodity} in ${year}` : `a transit state of ${commodity} flows in ${year}`);
    },
    question(reading, ref) {
      const map: Partial<Record<Reading, string>> = {
        route: 'Which route?', planned_route: 'Which planned route opens?', node: 'Which node (port, terminal, station)?', chokepoint: 'Which chokepoint?',
        transit_state: 'Which transit state?', exporting_party: 'Which party exports?', importing_party: 'Which party imports?',
      };
      return map[reading] ?? (ref === 'importer' ? 'Which importer?' : ref === 'exporter' ? 'Which exporter?' : 'Which transit state?');
    },
    basis(reading) {
      return reading === 'source' ? 'the event\'s source' : reading === 'target' ? 'the event\'s target' : 'named in the text';
    },
  };
}
