// Picks the flows a metric works on, and turns a bad query into a one-line CorridorError that
// names what is missing and what is available.
import { CorridorError, available } from '../errors.ts';
import type { BaseFlow, Model } from '../model/model.ts';
import { flowIndex } from './flow-index.ts';
import { lookups } from './lookups.ts';

export interface FlowQuery {
  /** Whose flows: the importer's (what it buys) or the exporter's (what it sells). */
  role: 'importer' | 'exporter';
  actor: string;
  commodity: string;
  /** Year; the latest year with data when omitted. */
  year?: number;
}

export interface SelectedFlows {
  flows: BaseFlow[];
  year: number;
  /** Members whose rows were summed because the bloc has no rows of its own for the year. */
  summedMembers: string[];
  notes: string[];
}

const uniqueSorted = <T extends string | number>(values: Iterable<T>): T[] =>
  [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));

/**
 * Selects the flows of one importer or exporter of one commodity in one year, in base units.
 * A bloc importer with no rows of its own for the commodity gets the sum of its members' rows (trade
 * between members left out), with a note; a bloc with rows of its own is never summed from members.
 * With `given` flows (e.g. re-optimised ones), those replace the dataset's flows and an empty
 * selection is not an error.
 */
export function selectFlows(model: Model, query: FlowQuery, given?: readonly BaseFlow[]): SelectedFlows {
  const { role, actor, commodity } = query;
  const allOfCommodity = given ? given.filter((f) => f.commodity === commodity) : flowIndex(model).byCommodity.get(commodity) ?? [];
  if (!model.commodity(commodity)) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID',
      `unknown commodity "${commodity}"; available: ${available(uniqueSorted(model.tables.commodity.map((c) => c.id)))}`);
  }
  // Actors that have flows in this role, plus blocs whose members import (their rows can be summed).
  const actorsOfRole = () => {
    const ids = allOfCommodity.map((f) => f[role]);
    if (role === 'importer') ids.push(...ids.flatMap((id) => model.blocsOf(id)));
    return uniqueSorted(ids);
  };
  if (!lookups(model).actors.has(actor)) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID',
      `unknown ${role} "${actor}"; ${role}s of ${commodity}: ${available(actorsOfRole())}`);
  }
  const own = given ? allOfCommodity.filter((f) => f[role] === actor) : flowIndex(model).byActor.get(`${role}|${actor}|${commodity}`) ?? [];
  // A bloc with rows of its own for the commodity is never summed from its members.
  const members = role === 'importer' && own.length === 0 ? model.blocMembers(actor) : [];
  const memberRows = members.length > 0
    ? allOfCommodity.filter((f) => members.includes(f.importer) && !members.includes(f.exporter))
    : [];
  const years = uniqueSorted([...own, ...memberRows].map((f) => f.year));
  const noun = role === 'importer' ? 'imports' : 'exports';

  if (years.length === 0) {
    if (given) return { flows: [], year: query.year ?? NaN, summedMembers: [], notes: [`no ${commodity} ${noun} of ${actor} in the given flows`] };
    const theirs = uniqueSorted(model.tables.flow.filter((f) => f[role] === actor).map((f) => f.commodity));
    const also = theirs.length > 0 ? `; ${actor} has ${noun} of: ${available(theirs)}` : '';
    throw new CorridorError('CORRIDOR_ERR_NO_DATA',
      `no ${commodity} ${noun} of ${actor} in the dataset; ${role}s of ${commodity}: ${available(actorsOfRole())}${also}`);
  }
  const year = query.year ?? years[years.length - 1];
  if (!years.includes(year)) {
    if (given) return { flows: [], year, summedMembers: [], notes: [`no ${commodity} ${noun} of ${actor} in ${year} in the given flows`] };
    throw new CorridorError('CORRIDOR_ERR_NO_DATA',
      `no ${commodity} ${noun} of ${actor} in ${year}; years with data: ${available(years)}`);
  }
  const notes: string[] = [];
  if (members.length === 0) return { flows: own.filter((f) => f.year === year), year, summedMembers: [], notes };
  const flows = memberRows.filter((f) => f.year === year);
  const summedMembers = uniqueSorted(flows.map((f) => f.importer));
  notes.push(
    `${actor} has no ${commodity} rows of its own in ${year}: summed from its members' rows ` +
      `(${summedMembers.join(', ')}; ${summedMembers.length} of ${members.length} members), trade between members left out`,
  );
  return { flows, year, summedMembers, notes };
}
