// Picks the flows a metric works on, and turns a bad query into a one-line CorridorError that
// names what is missing and what is available.
import { CorridorError, available } from '../errors.ts';
import type { BaseFlow, Model } from '../model/model.ts';
import { flowIndex, groupByYear, type ActorFlows } from './flow-index.ts';
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

const NO_FLOWS: ActorFlows = { flows: [], years: [], byYear: new Map() };

/** Distinct values, ascending (numbers by value, strings by localeCompare): the lists error messages name. */
export const uniqueSorted = <T extends string | number>(values: Iterable<T>): T[] =>
  [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));

/** Actors that have flows in this role, plus blocs whose members import (their rows can be summed): for messages. */
function actorsOfRole(model: Model, role: FlowQuery['role'], flows: readonly BaseFlow[]): string[] {
  const ids = flows.map((f) => f[role]);
  if (role === 'importer') ids.push(...ids.flatMap((id) => model.blocsOf(id)));
  return uniqueSorted(ids);
}

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
  if (!lookups(model).actors.has(actor)) {
    throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID',
      `unknown ${role} "${actor}"; ${role}s of ${commodity}: ${available(actorsOfRole(model, role, allOfCommodity))}`);
  }
  // The dataset's flows come grouped by actor and year from the model's index (built once per model).
  const own = given ? groupByYear(allOfCommodity.filter((f) => f[role] === actor)) : flowIndex(model).actor(role, actor, commodity) ?? NO_FLOWS;
  // A bloc with rows of its own for the commodity is never summed from its members.
  const members = role === 'importer' && own.flows.length === 0 ? model.blocMembers(actor) : [];
  const memberRows = members.length > 0
    ? allOfCommodity.filter((f) => members.includes(f.importer) && !members.includes(f.exporter))
    : [];
  const years = members.length > 0 ? uniqueSorted(memberRows.map((f) => f.year)) : own.years;
  const noun = role === 'importer' ? 'imports' : 'exports';

  if (years.length === 0) {
    if (given) return { flows: [], year: query.year ?? NaN, summedMembers: [], notes: [`no ${commodity} ${noun} of ${actor} in the given flows`] };
    const theirs = uniqueSorted(model.tables.flow.filter((f) => f[role] === actor).map((f) => f.commodity));
    const also = theirs.length > 0 ? `; ${actor} has ${noun} of: ${available(theirs)}` : '';
    throw new CorridorError('CORRIDOR_ERR_NO_DATA',
      `no ${commodity} ${noun} of ${actor} in the dataset; ${role}s of ${commodity}: ${available(actorsOfRole(model, role, allOfCommodity))}${also}`);
  }
  const year = query.year ?? years[years.length - 1];
  if (!years.includes(year)) {
    if (given) return { flows: [], year, summedMembers: [], notes: [`no ${commodity} ${noun} of ${actor} in ${year} in the given flows`] };
    throw new CorridorError('CORRIDOR_ERR_NO_DATA',
      `no ${commodity} ${noun} of ${actor} in ${year}; years with data: ${available(years)}`);
  }
  const notes: string[] = [];
  // A copy: the index's lists are shared by every call.
  if (members.length === 0) return { flows: own.byYear.get(year)!.slice(), year, summedMembers: [], notes };
  const flows = memberRows.filter((f) => f.year === year);
  const summedMembers = uniqueSorted(flows.map((f) => f.importer));
  notes.push(
    `${actor} has no ${commodity} rows of its own in ${year}: summed from its members' rows ` +
      `(${summedMembers.join(', ')}; ${summedMembers.length} of ${members.length} members), trade between members left out`,
  );
  return { flows, year, summedMembers, notes };
}
