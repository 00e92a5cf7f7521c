// The link table: commodities, routes and places as the text names them, linked to the ids of the dataset
// in use. Built from the dataset's own names and ids plus the alias lexicon, so it works on any dataset.
import { Gazetteer, type CaseRule } from './gazetteer.ts';
import { COMMODITY_ALIASES, NODE_STOPWORDS, PLACES, ROUTE_ALIASES } from './lexicon/links.ts';
import { EU_BLOC, countryEntries } from './lexicon/countries.ts';

/** What the link table is built from: plain rows of the dataset (no I/O here). */
export interface LinkSource {
  commodities: readonly { id: string; name: string }[];
  routes: readonly { id: string; name: string }[];
  nodes: readonly { id: string; name: string; country: string }[];
  countries: readonly { id: string; name: string }[];
  blocs: readonly { id: string; name: string }[];
}

export interface LinkTarget {
  kind: 'commodity' | 'route' | 'place';
  /** Canonical name (the dataset's name when linked). */
  name: string;
  /** Dataset id, or null when the dataset has nothing that matches. */
  id: string | null;
  /** Country of a place (for nodes). */
  state?: string;
}

export interface LinkTable {
  gazetteer: Gazetteer<LinkTarget[]>;
  /** The dataset's id for the European Union bloc (EU27 when the dataset has none). */
  euBloc: string;
  /** Country and bloc ids the dataset declares. */
  actors: Set<string>;
}

const EMPTY: LinkSource = { commodities: [], routes: [], nodes: [], countries: [], blocs: [] };

function ruleOf(phrase: string): CaseRule {
  return /^\p{Lu}/u.test(phrase) ? 'cap' : 'any';
}

export function buildLinks(source: LinkSource = EMPTY): LinkTable {
  const gazetteer = new Gazetteer<LinkTarget[]>();
  const commodityIds = new Map(source.commodities.map((c) => [c.id, c]));
  const covered = new Set<string>();
  for (const alias of COMMODITY_ALIASES) {
    const byId = alias.ids.map((id) => commodityIds.get(id)).find((c) => c !== undefined);
    const byName = source.commodities.find((c) => [alias.name, ...alias.phrases].includes(c.name.toLowerCase()));
    const row = byId ?? byName;
    if (row) covered.add(row.id);
    const target: LinkTarget[] = [{ kind: 'commodity', name: row ? row.name : alias.name, id: row ? row.id : null }];
    for (const p of alias.phrases) gazetteer.add(p, target, ruleOf(p));
    for (const p of alias.exact ?? []) gazetteer.add(p, target, 'exact');
  }
  for (const c of source.commodities) {
    if (covered.has(c.id)) continue;
    const target: LinkTarget[] = [{ kind: 'commodity', name: c.name, id: c.id }];
    gazetteer.add(c.name.toLowerCase(), target, 'any');
    gazetteer.add(c.id.replace(/_/g, ' '), target, 'any');
  }
  for (const alias of ROUTE_ALIASES) {
    const rows = source.routes.filter((r) => alias.match.test(`${r.id} ${r.name}`));
    const target: LinkTarget[] = rows.length
      ? rows.map((r) => ({ kind: 'route', name: r.name, id: r.id }))
      : [{ kind: 'route', name: alias.name, id: null }];
    for (const p of alias.phrases) gazetteer.add(p, target, ruleOf(p));
    for (const p of alias.exact ?? []) gazetteer.add(p, target, 'exact');
  }
  for (const r of source.routes) {
    const target: LinkTarget[] = [{ kind: 'route', name: r.name, id: r.id }];
    gazetteer.add(r.name, target, ruleOf(r.name));
    if (/^[a-z]{2,5}$/.test(r.id)) gazetteer.add(r.id.toUpperCase(), target, 'exact');
  }
  const stateWords = new Set(countryEntries().filter((e) => e.form === 'name' || e.form === 'demonym' || e.form === 'combining').map((e) => e.phrase.toLowerCase()));
  for (const n of source.nodes) {
    const target: LinkTarget[] = [{ kind: 'place', name: n.name, id: n.id, state: n.country }];
    gazetteer.add(n.name, target, 'cap');
    const firstWord = n.name.split(/[\s-]+/)[0];
    if (firstWord.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(firstWord) && !NODE_STOPWORDS.has(firstWord.toLowerCase()) && !stateWords.has(firstWord.toLowerCase())) {
      gazetteer.add(firstWord, target, 'cap');
    }
  }
  // Well-known places the dataset lacks: linked to no id, but they give the state where something happens.
  for (const [name, state] of PLACES) gazetteer.add(name, [{ kind: 'place', name, id: null, state }], 'cap');
  const eu = source.blocs.find((b) => b.id === EU_BLOC) ?? source.blocs.find((b) => /european union/i.test(b.name));
  return {
    gazetteer,
    euBloc: eu ? eu.id : EU_BLOC,
    actors: new Set([...source.countries.map((c) => c.id), ...source.blocs.map((b) => b.id)]),
  };
}

/** The link source of a dataset's tables. */
export function linkSourceOf(tables: {
  commodity: readonly { id: string; name: string }[];
  route: readonly { id: string; name: string }[];
  node: readonly { id: string; name: string; country: string }[];
  country: readonly { id: string; name: string }[];
  bloc: readonly { id: string; name: string }[];
}): LinkSource {
  return { commodities: tables.commodity, routes: tables.route, nodes: tables.node, countries: tables.country, blocs: tables.bloc };
}
