// Aliases for commodities and routes as news text names them. Each alias links to a dataset id when the
// dataset has a commodity or route that it matches (by id, or by a pattern on the id and name), so the
// same lexicon serves any dataset.

export interface CommodityAlias {
  /** Canonical name reported when the dataset has no match. */
  name: string;
  phrases: string[];
  /** Dataset ids it links to, in order of preference (the first one the dataset has wins). */
  ids: string[];
  /** Phrases written in capitals that must match exactly (LNG, REE). */
  exact?: string[];
}

export const COMMODITY_ALIASES: CommodityAlias[] = [
  { name: 'crude oil', phrases: ['crude oil', 'crude', 'oil', 'petroleum', 'CPC Blend', 'Urals', 'Brent', 'barrels'], ids: ['crude_oil', 'oil', 'crude'] },
  { name: 'natural gas', phrases: ['natural gas', 'gas', 'pipeline gas'], ids: ['natural_gas', 'pipeline_gas', 'gas'] },
  { name: 'liquefied natural gas', phrases: ['liquefied natural gas'], exact: ['LNG'], ids: ['lng', 'natural_gas'] },
  { name: 'oil products', phrases: ['oil products', 'petroleum products', 'refined products', 'diesel', 'gasoline', 'jet fuel', 'fuel oil'], ids: ['oil_products', 'petroleum_products'] },
  { name: 'uranium', phrases: ['uranium', 'yellowcake', 'uranium concentrate', 'natural uranium'], ids: ['uranium'] },
  { name: 'enriched uranium', phrases: ['enriched uranium', 'nuclear fuel'], ids: ['enriched_uranium', 'uranium'] },
  { name: 'rare earths', phrases: ['rare earths', 'rare earth', 'rare-earth', 'rare earth elements', 'rare-earth elements', 'rare earth metals'], exact: ['REE', 'REEs'], ids: ['rare_earths', 'rare_earth_elements', 'ree'] },
  { name: 'critical minerals', phrases: ['critical minerals', 'critical raw materials', 'strategic minerals', 'strategic raw materials', 'critical metals'], exact: ['CRM', 'CRMs'], ids: ['critical_minerals'] },
  { name: 'tungsten', phrases: ['tungsten', 'wolfram'], ids: ['tungsten'] },
  { name: 'lithium', phrases: ['lithium'], ids: ['lithium'] },
  { name: 'copper', phrases: ['copper'], ids: ['copper'] },
  { name: 'chromium', phrases: ['chromium', 'chrome', 'chromite', 'ferrochrome'], ids: ['chromium', 'chromite', 'chrome'] },
  { name: 'titanium', phrases: ['titanium', 'titanium sponge'], ids: ['titanium', 'titanium_sponge'] },
  { name: 'manganese', phrases: ['manganese'], ids: ['manganese'] },
  { name: 'cobalt', phrases: ['cobalt'], ids: ['cobalt'] },
  { name: 'nickel', phrases: ['nickel'], ids: ['nickel'] },
  { name: 'zinc', phrases: ['zinc'], ids: ['zinc'] },
  { name: 'beryllium', phrases: ['beryllium'], ids: ['beryllium'] },
  { name: 'tantalum', phrases: ['tantalum'], ids: ['tantalum'] },
  { name: 'niobium', phrases: ['niobium'], ids: ['niobium'] },
  { name: 'gallium', phrases: ['gallium'], ids: ['gallium'] },
  { name: 'germanium', phrases: ['germanium'], ids: ['germanium'] },
  { name: 'antimony', phrases: ['antimony'], ids: ['antimony'] },
  { name: 'vanadium', phrases: ['vanadium'], ids: ['vanadium'] },
  { name: 'graphite', phrases: ['graphite'], ids: ['graphite'] },
  { name: 'aluminium', phrases: ['aluminium', 'aluminum', 'bauxite', 'alumina'], ids: ['aluminium', 'aluminum', 'bauxite'] },
  { name: 'silicon', phrases: ['silicon', 'silicon metal'], ids: ['silicon', 'silicon_metal'] },
  { name: 'magnesium', phrases: ['magnesium'], ids: ['magnesium'] },
  { name: 'coal', phrases: ['coal', 'coking coal', 'thermal coal'], ids: ['coal'] },
  { name: 'hydrogen', phrases: ['hydrogen', 'green hydrogen'], ids: ['hydrogen'] },
  { name: 'electricity', phrases: ['electricity'], ids: ['electricity'] },
  { name: 'grain', phrases: ['grain', 'wheat'], ids: ['grain', 'wheat'] },
  { name: 'containers', phrases: ['containers', 'container', 'container freight', 'container cargo'], exact: ['TEU', 'TEUs'], ids: ['containers', 'freight'] },
  { name: 'iron ore', phrases: ['iron ore'], ids: ['iron_ore'] },
  { name: 'gold', phrases: ['gold'], ids: ['gold'] },
  { name: 'fertilisers', phrases: ['fertiliser', 'fertilizer', 'fertilisers', 'fertilizers', 'potash'], ids: ['fertilisers', 'fertilizers', 'potash'] },
];

export interface RouteAlias {
  name: string;
  phrases: string[];
  /** Phrases written in capitals that must match exactly (CPC, BTC). */
  exact?: string[];
  /** A dataset route links when this pattern matches its "id name" text. */
  match: RegExp;
}

export const ROUTE_ALIASES: RouteAlias[] = [
  { name: 'CPC pipeline', phrases: ['Caspian Pipeline Consortium', 'CPC pipeline', 'Tengiz-Novorossiysk pipeline', 'CPC terminal'], exact: ['CPC'], match: /\bcpc\b|caspian pipeline/i },
  { name: 'Middle Corridor', phrases: ['Middle Corridor', 'Trans-Caspian International Transport Route', 'Trans-Caspian route', 'Trans-Caspian corridor', 'Trans-Caspian International Route'], exact: ['TITR'], match: /middle.corridor|titr|trans.caspian/i },
  { name: 'Baku-Tbilisi-Ceyhan pipeline', phrases: ['Baku-Tbilisi-Ceyhan', 'Baku-Tbilisi-Ceyhan pipeline', 'BTC pipeline'], exact: ['BTC'], match: /\bbtc\b|baku.tbilisi.ceyhan/i },
  { name: 'Aktau-Baku route', phrases: ['Aktau-Baku', 'Aktau-Baku-BTC'], match: /aktau/i },
  { name: 'Druzhba pipeline', phrases: ['Druzhba', 'Druzhba pipeline', 'Friendship pipeline'], match: /druzhba/i },
  { name: 'Atyrau-Samara pipeline', phrases: ['Atyrau-Samara', 'Atyrau-Samara pipeline'], match: /atyrau.?samara/i },
  { name: 'Kazakhstan-China pipeline', phrases: ['Kazakhstan-China pipeline', 'Kazakhstan-China oil pipeline', 'Atasu-Alashankou', 'Atasu-Alashankou pipeline'], match: /atasu|alashankou|kaz.*chin|kazakhstan.china/i },
  { name: 'Baku-Tbilisi-Kars railway', phrases: ['Baku-Tbilisi-Kars', 'Baku-Tbilisi-Kars railway'], exact: ['BTK'], match: /\bbtk\b|baku.tbilisi.kars/i },
  { name: 'Southern Gas Corridor', phrases: ['Southern Gas Corridor', 'Trans-Anatolian pipeline', 'Trans Adriatic Pipeline'], exact: ['TANAP', 'TAP', 'SGC'], match: /southern.gas|tanap|\btap\b/i },
  { name: 'TurkStream', phrases: ['TurkStream', 'Turkish Stream'], match: /turk.?stream/i },
  { name: 'Nord Stream', phrases: ['Nord Stream'], match: /nord.?stream/i },
  { name: 'Power of Siberia', phrases: ['Power of Siberia'], match: /power.of.siberia/i },
  { name: 'Central Asia-China gas pipeline', phrases: ['Central Asia-China gas pipeline', 'Central Asia-China pipeline'], match: /central.asia.china/i },
  { name: 'International North-South Transport Corridor', phrases: ['North-South Transport Corridor', 'International North-South Transport Corridor', 'North-South corridor'], exact: ['INSTC'], match: /north.south|instc/i },
  { name: 'Northern route', phrases: ['Northern route', 'Northern Corridor', 'Trans-Siberian Railway', 'Trans-Siberian'], match: /northern.(?:route|corridor)|trans.siberian/i },
  { name: 'China-Europe Railway Express', phrases: ['China-Europe Railway Express', 'China-Europe rail', 'China-Europe freight trains'], match: /china.europe/i },
  { name: 'Suez Canal', phrases: ['Suez Canal', 'Suez'], match: /suez/i },
  { name: 'Turkish Straits', phrases: ['Bosphorus', 'Bosporus', 'Turkish Straits', 'Dardanelles'], match: /bosp|turkish.straits|dardanelles/i },
  { name: 'Strait of Hormuz', phrases: ['Strait of Hormuz', 'Hormuz'], match: /hormuz/i },
  { name: 'Red Sea route', phrases: ['Red Sea', 'Bab el-Mandeb', 'Bab al-Mandab'], match: /red.sea|mandeb|mandab/i },
  { name: 'Northern Sea Route', phrases: ['Northern Sea Route'], match: /northern.sea/i },
];

/** Words of a node name too common to stand for the node on their own. */
export const NODE_STOPWORDS = new Set([
  'caspian', 'black', 'red', 'north', 'south', 'east', 'west', 'new', 'port', 'lake', 'mount', 'saint', 'sea', 'central', 'upper', 'lower',
  'great', 'little', 'old', 'big', 'gulf', 'cape', 'bay', 'strait', 'the', 'georgian', 'russian', 'kazakh', 'chinese', 'turkish', 'border',
  'terminal', 'field', 'station', 'crossing', 'median', 'line', 'section', 'hub', 'city', 'western', 'eastern', 'northern', 'southern',
]);

/** Ports, terminals, fields and border towns of the energy and transport routes news text names, with their state. */
export const PLACES: [string, string][] = [
  ['Novorossiysk', 'RUS'], ['Ust-Luga', 'RUS'], ['Primorsk', 'RUS'], ['Samara', 'RUS'], ['Makhachkala', 'RUS'], ['Astrakhan', 'RUS'],
  ['Tikhoretsk', 'RUS'], ['Kozmino', 'RUS'], ['Vladivostok', 'RUS'], ['Saint Petersburg', 'RUS'], ['St Petersburg', 'RUS'],
  ['Tengiz', 'KAZ'], ['Kashagan', 'KAZ'], ['Karachaganak', 'KAZ'], ['Atyrau', 'KAZ'], ['Aktau', 'KAZ'], ['Kuryk', 'KAZ'], ['Khorgos', 'KAZ'],
  ['Dostyk', 'KAZ'], ['Almaty', 'KAZ'], ['Shymkent', 'KAZ'], ['Pavlodar', 'KAZ'], ['Atasu', 'KAZ'], ['Ust-Kamenogorsk', 'KAZ'], ['Oskemen', 'KAZ'],
  ['Alashankou', 'CHN'], ['Horgos', 'CHN'], ['Urumqi', 'CHN'], ['Xi\'an', 'CHN'], ['Shanghai', 'CHN'],
  ['Sangachal', 'AZE'], ['Alat', 'AZE'], ['Sumgait', 'AZE'], ['Ceyhan', 'TUR'], ['Kars', 'TUR'], ['Istanbul', 'TUR'], ['Mersin', 'TUR'],
  ['Batumi', 'GEO'], ['Poti', 'GEO'], ['Supsa', 'GEO'], ['Kulevi', 'GEO'], ['Anaklia', 'GEO'],
  ['Turkmenbashi', 'TKM'], ['Navoi', 'UZB'], ['Samarkand', 'UZB'], ['Bandar Abbas', 'IRN'], ['Constanta', 'ROU'], ['Rotterdam', 'NLD'],
  ['Trieste', 'ITA'], ['Schwedt', 'DEU'], ['Gdansk', 'POL'], ['Odesa', 'UKR'], ['Odessa', 'UKR'], ['Brest', 'BLR'], ['Malaszewicze', 'POL'],
];
