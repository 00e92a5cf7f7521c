// The country lexicon: every ISO 3166-1 state and territory with its names, demonyms and capital, from the
// `world-countries` package (ODbL-1.0), plus the forms news text uses that the package lacks: short
// demonyms ("Kazakh"), metonyms ("the Kremlin", "Washington", "Brussels"), combining forms ("Franco-").
import { createRequire } from 'node:module';

export interface StateInfo {
  /** ISO 3166-1 alpha-3 code. */
  id: string;
  name: string;
  official: string;
  capitals: string[];
  demonyms: string[];
  region: string;
  /** Sovereign state (false for dependent territories). */
  independent: boolean;
}

interface WorldCountry {
  cca3: string;
  independent?: boolean | null;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  subregion?: string;
  region?: string;
  area?: number;
  demonyms?: { eng?: { m?: string; f?: string } };
}

/** Names the package does not carry, as news text writes them. Upper-case acronyms match exactly. */
const EXTRA_NAMES: Record<string, string[]> = {
  USA: ['United States', 'U.S.', 'US', 'USA', 'America', 'U.S.A.'],
  GBR: ['Britain', 'Great Britain', 'UK', 'U.K.'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  NLD: ['Holland', 'Netherlands'],
  CZE: ['Czech Republic'],
  KOR: ['Korea', 'Republic of Korea'],
  COD: ['DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  COG: ['Congo-Brazzaville', 'Congo'],
  CIV: ["Cote d'Ivoire", "Côte d'Ivoire"],
  MKD: ['Macedonia'],
  SWZ: ['Swaziland'],
  MMR: ['Burma'],
  CPV: ['Cape Verde'],
  TLS: ['East Timor'],
  ARE: ['UAE', 'Emirates'],
  VAT: ['Holy See'],
  RUS: ['Russian Federation'],
  PRK: ['DPRK'],
  KGZ: ['Kirghizia'],
  BLR: ['Belarus'],
  MDA: ['Moldova'],
};

/** Demonyms the package lacks or spells differently from news usage. */
const EXTRA_DEMONYMS: Record<string, string[]> = {
  KAZ: ['Kazakh'],
  UZB: ['Uzbek'],
  TJK: ['Tajik', 'Tajikistani'],
  KGZ: ['Kyrgyz', 'Kyrgyzstani'],
  TKM: ['Turkmen', 'Turkmenistani'],
  AZE: ['Azeri', 'Azerbaijani'],
  AFG: ['Afghan'],
  SAU: ['Saudi'],
  GBR: ['British'],
  NLD: ['Dutch'],
  PHL: ['Filipino', 'Philippine'],
  KOR: ['South Korean', 'Korean'],
  PRK: ['North Korean'],
  BLR: ['Belarusian', 'Belarussian'],
  CZE: ['Czech'],
  SVK: ['Slovak'],
  SVN: ['Slovenian', 'Slovene'],
  BIH: ['Bosnian'],
  USA: ['American'],
  TUR: ['Turkish'],
  CHN: ['Chinese'],
  IRN: ['Iranian'],
  ISR: ['Israeli'],
  ARE: ['Emirati'],
  NZL: ['New Zealand'],
  LUX: ['Luxembourgish'],
  MDA: ['Moldovan'],
  UKR: ['Ukrainian'],
  GEO: ['Georgian'],
  ARM: ['Armenian'],
  MNG: ['Mongolian'],
  PAK: ['Pakistani'],
  IND: ['Indian'],
  JPN: ['Japanese'],
  CHE: ['Swiss'],
  POL: ['Polish'],
  DNK: ['Danish'],
  SWE: ['Swedish'],
  FIN: ['Finnish'],
  NOR: ['Norwegian'],
  ESP: ['Spanish'],
  PRT: ['Portuguese'],
  GRC: ['Greek'],
  HUN: ['Hungarian'],
  ROU: ['Romanian'],
  BGR: ['Bulgarian'],
  SRB: ['Serbian', 'Serb'],
  HRV: ['Croatian', 'Croat'],
  IRL: ['Irish'],
  ISL: ['Icelandic'],
  LVA: ['Latvian'],
  LTU: ['Lithuanian'],
  EST: ['Estonian'],
};

/** Metonyms: places and buildings that stand for a government. Each with the role it implies. */
const METONYMS: Record<string, [string, string][]> = {
  RUS: [['Kremlin', 'presidency']],
  USA: [['Washington', 'government'], ['White House', 'presidency'], ['Pentagon', 'defence ministry'], ['State Department', 'foreign ministry']],
  GBR: [['Downing Street', 'government'], ['Whitehall', 'government'], ['Foreign Office', 'foreign ministry']],
  FRA: [['Elysee', 'presidency'], ['Élysée', 'presidency'], ['Elysée', 'presidency'], ["Quai d'Orsay", 'foreign ministry']],
  KAZ: [['Akorda', 'presidency'], ['Nur-Sultan', 'government']],
  UKR: [['Kiev', 'government'], ['Bankova', 'presidency']],
  NLD: [['The Hague', 'government']],
  CHN: [['Zhongnanhai', 'government']],
  DEU: [['Chancellery', 'chancellery']],
  TUR: [['Ankara', 'government']],
};

/** Capitals as news text spells them, where the package spells them otherwise. */
const EXTRA_CAPITALS: Record<string, string[]> = {
  MNG: ['Ulaanbaatar', 'Ulan Bator'], MDA: ['Chisinau'], IND: ['New Delhi'], UKR: ['Kyiv'], KAZ: ['Astana'], TKM: ['Ashgabat', 'Ashkhabad'],
  KGZ: ['Bishkek'], CIV: ['Abidjan'], NGA: ['Abuja'], MMR: ['Naypyidaw', 'Naypyitaw'], ISR: ['Jerusalem'], BOL: ['La Paz'],
};

/** Combining forms that stand before a hyphen: "Franco-Kazakh", "Sino-Russian". */
export const COMBINING_FORMS: Record<string, string> = {
  Franco: 'FRA', Sino: 'CHN', Russo: 'RUS', Anglo: 'GBR', Indo: 'IND', Turco: 'TUR', Italo: 'ITA', Greco: 'GRC',
  Austro: 'AUT', Hispano: 'ESP', Nippo: 'JPN', Germano: 'DEU', Serbo: 'SRB', Polono: 'POL', Americo: 'USA', Irano: 'IRN',
};

/** Capitals left out because the word is common in English or names several places. */
const SKIPPED_CAPITALS = new Set([
  'Male', 'Victoria', 'Kingston', 'Hamilton', 'Georgetown', 'Washington D.C.', 'City of Victoria', 'Jamestown', 'Road Town',
  'The Valley', 'Plymouth', 'Adamstown', 'Stanley', 'Douglas', 'Brussels', 'Saint John\'s', 'Kingstown', 'Nassau',
  'Palikir', 'Ngerulmud', 'Tarawa', 'Funafuti', 'Yaren', 'Majuro', 'Avarua', 'Alofi', 'Praia', 'Apia', 'Sucre',
]);
/** Demonyms left out because they are ambiguous or name a language more often than a state. */
const SKIPPED_DEMONYMS = new Set(['English', 'Congolese', 'Guinean', 'Dominican', 'Samoan', 'Virgin Islander', 'Cook Islander', 'Arab']);

/** The id the lexicon gives the European Union; datasets may name the bloc differently (see links.ts). */
export const EU_BLOC = 'EU27';

/** Names of the European Union and its institutions, each with its role. */
export const EU_NAMES: [string, string][] = [
  ['EU', ''], ['European Union', ''], ['E.U.', ''], ['Brussels', 'institutions'], ['European Commission', 'European Commission'],
  ['EU Commission', 'European Commission'], ['European Council', 'European Council'], ['Council of the EU', 'Council of the EU'],
  ['European Parliament', 'European Parliament'], ['EU Council', 'Council of the EU'], ['Team Europe', ''],
];

let cache: { states: Map<string, StateInfo>; entries: CountryEntry[] } | undefined;

export type CountryForm = 'name' | 'demonym' | 'capital' | 'metonym' | 'combining' | 'bloc';

export interface CountryEntry {
  phrase: string;
  state: string;
  form: CountryForm;
  /** Role implied by the form itself (a metonym), '' when none. */
  role: string;
  /** Whether the phrase must be written exactly so (acronyms). */
  exact: boolean;
}

function plural(demonym: string): string | undefined {
  if (/(?:ese|ss|sh|ch|s|z|i)$/.test(demonym) || demonym.includes(' ')) return undefined;
  return `${demonym}s`;
}

const LATIN = /^[A-Za-zÀ-ÖØ-öø-ÿ' .-]+$/;

function load(): { states: Map<string, StateInfo>; entries: CountryEntry[] } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const raw = require('world-countries/countries.json') as WorldCountry[];
  // Sovereign states first, larger ones first, so that a form shared with a territory goes to the state.
  const list = [...raw].sort((a, b) => Number(!!b.independent) - Number(!!a.independent) || (b.area ?? 0) - (a.area ?? 0));
  const states = new Map<string, StateInfo>();
  const entries: CountryEntry[] = [];
  const taken = new Map<string, string>();
  const add = (phrase: string, state: string, form: CountryForm, role = ''): void => {
    const exact = /^[A-Z.]+$/.test(phrase) && phrase.replace(/\./g, '').length <= 4;
    const key = exact ? phrase : phrase.toLowerCase();
    if (taken.has(key)) return;
    taken.set(key, state);
    entries.push({ phrase, state, form, role, exact });
  };
  // Curated forms first: they override the package where both give a form.
  for (const [state, names] of Object.entries(EXTRA_NAMES)) for (const n of names) add(n, state, 'name');
  for (const [phrase, role] of EU_NAMES) add(phrase, EU_BLOC, 'bloc', role);
  for (const [state, list2] of Object.entries(METONYMS)) for (const [n, role] of list2) add(n, state, 'metonym', role);
  for (const [state, names] of Object.entries(EXTRA_DEMONYMS)) {
    for (const n of names) { add(n, state, 'demonym'); const p = plural(n); if (p) add(p, state, 'demonym'); }
  }
  for (const c of list) {
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d && !SKIPPED_DEMONYMS.has(d));
    const info: StateInfo = {
      id: c.cca3,
      name: c.name.common,
      official: c.name.official,
      capitals: (c.capital ?? []).filter((x) => !SKIPPED_CAPITALS.has(x)),
      demonyms: [...new Set([...(EXTRA_DEMONYMS[c.cca3] ?? []), ...demonyms])],
      region: c.subregion || c.region || '',
      independent: !!c.independent,
    };
    states.set(c.cca3, info);
    add(c.name.common, c.cca3, 'name');
    add(c.name.official, c.cca3, 'name');
    for (const alt of c.altSpellings ?? []) {
      if (alt.length >= 4 && LATIN.test(alt) && !alt.includes(',') && alt !== alt.toUpperCase()) add(alt, c.cca3, 'name');
    }
  }
  for (const c of list) {
    const info = states.get(c.cca3)!;
    for (const d of info.demonyms) { add(d, c.cca3, 'demonym'); const p = plural(d); if (p) add(p, c.cca3, 'demonym'); }
    if (info.independent || ['PSE', 'TWN', 'UNK'].includes(c.cca3)) for (const cap of info.capitals) if (LATIN.test(cap)) add(cap, c.cca3, 'capital');
  }
  for (const [state, caps] of Object.entries(EXTRA_CAPITALS)) for (const cap of caps) add(cap, state, 'capital');
  for (const [form, state] of Object.entries(COMBINING_FORMS)) add(form, state, 'combining');
  // The same forms without diacritics ("Chisinau", "Turkiye", "Cote d'Ivoire").
  for (const e of [...entries]) {
    const folded = e.phrase.normalize('NFD').replace(/\p{M}/gu, '');
    if (folded !== e.phrase) add(folded, e.state, e.form, e.role);
  }
  cache = { states, entries };
  return cache;
}

/** Every state and territory of ISO 3166-1, by alpha-3 code. */
export function states(): Map<string, StateInfo> {
  return load().states;
}

/** Every written form that names a state (or the EU), most specific first. */
export function countryEntries(): readonly CountryEntry[] {
  return load().entries;
}
