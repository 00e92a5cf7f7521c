// Who acts, besides states named outright: office holders' titles, a short dated list of office holders,
// state-owned companies and institutions, international organisations, and the news agencies whose
// names mark attribution ("Reuters reported"), never an actor.

/** Head words of a role: "Energy Minister", "the German chancellor", "Kazakh officials". */
export const ROLE_HEADS = new Set([
  'president', 'presidents', 'prime minister', 'premier', 'chancellor', 'minister', 'ministers', 'ministry', 'ministries',
  'government', 'governments', 'cabinet', 'parliament', 'lawmakers', 'legislators', 'officials', 'official', 'diplomats',
  'diplomat', 'ambassador', 'envoy', 'embassy', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'leaders', 'counterpart',
  'counterparts', 'delegation', 'authorities', 'regulator', 'army', 'military', 'forces', 'troops', 'navy', 'customs', 'king',
  'queen', 'emir', 'sultan', 'crown prince', 'vice president', 'secretary', 'senate', 'congress', 'head of state', 'foreign office',
  'administration', 'side', 'negotiators', 'company', 'companies', 'firm', 'operator', 'producer', 'exporter', 'importer',
  'state oil company', 'national oil company', 'state company', 'agency', 'regime', 'aide', 'advisor', 'adviser', 'deputy',
  'presidency', 'mission', 'consul', 'consulate', 'senator', 'governor', 'mayor', 'military', 'defence ministry', 'defense ministry',
  'central bank', 'railways', 'railway', 'state railway', 'statement',
]);

/** Words that may stand before a role head inside the role: "Deputy Energy Minister", "top diplomat". */
export const ROLE_MODIFIERS = new Set([
  'energy', 'foreign', 'finance', 'economy', 'economic', 'trade', 'defence', 'defense', 'interior', 'transport', 'industry',
  'mining', 'deputy', 'first', 'vice', 'prime', 'state', 'acting', 'top', 'senior', 'chief', 'environment', 'agriculture',
  'national', 'presidential', 'affairs', 'resources', 'natural', 'oil', 'gas', 'nuclear', 'investment', 'investments',
  'development', 'integration', 'industrial', 'infrastructure', 'digital', 'justice', 'security', 'intelligence',
  'government', 'ministry', 'energy ministry', 'foreign ministry', 'new', 'incoming', 'outgoing', 'interim', 'the', 'special',
  'chief', 'trade', 'emergency', 'ecology', 'geology', 'railway', 'rail', 'port', 'pipeline', 'logistics', 'commerce', 'labour',
  'labor', 'health', 'education', 'culture', 'science', 'technology', 'climate', 'agricultural', 'water', 'power', 'electricity',
  'mineral', 'minerals', 'metals', 'petroleum', 'hydrocarbons', 'competition', 'antimonopoly', 'anti-monopoly', 'nuclear',
  'atomic', 'uranium', 'mining', 'republic', 'federal', 'regional', 'local', 'two', 'three', 'both', 'several', 'other', 'many',
]);

export interface PersonEntry {
  names: string[];
  state: string;
  role: string;
}

/** Office holders, as of mid-2025. Kept short on purpose: the text usually names the role or the state. */
export const PEOPLE_AS_OF = '2025-06';
export const PEOPLE: PersonEntry[] = [
  { names: ['Kassym-Jomart Tokayev', 'Tokayev'], state: 'KAZ', role: 'President' },
  { names: ['Olzhas Bektenov', 'Bektenov'], state: 'KAZ', role: 'Prime Minister' },
  { names: ['Almasadam Satkaliyev', 'Satkaliyev'], state: 'KAZ', role: 'Energy Minister' },
  { names: ['Murat Nurtleu', 'Nurtleu'], state: 'KAZ', role: 'Foreign Minister' },
  { names: ['Emmanuel Macron', 'Macron'], state: 'FRA', role: 'President' },
  { names: ['Vladimir Putin', 'Putin'], state: 'RUS', role: 'President' },
  { names: ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov'], state: 'RUS', role: 'Foreign Minister' },
  { names: ['Dmitry Peskov', 'Peskov'], state: 'RUS', role: 'Kremlin spokesman' },
  { names: ['Alexander Novak', 'Novak'], state: 'RUS', role: 'Deputy Prime Minister' },
  { names: ['Ilham Aliyev', 'Aliyev'], state: 'AZE', role: 'President' },
  { names: ['Parviz Shahbazov', 'Shahbazov'], state: 'AZE', role: 'Energy Minister' },
  { names: ['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan', 'Erdogan', 'Erdoğan'], state: 'TUR', role: 'President' },
  { names: ['Hakan Fidan', 'Fidan'], state: 'TUR', role: 'Foreign Minister' },
  { names: ['Alparslan Bayraktar', 'Bayraktar'], state: 'TUR', role: 'Energy Minister' },
  { names: ['Xi Jinping', 'Xi'], state: 'CHN', role: 'President' },
  { names: ['Wang Yi'], state: 'CHN', role: 'Foreign Minister' },
  { names: ['Li Qiang'], state: 'CHN', role: 'Premier' },
  { names: ['Shavkat Mirziyoyev', 'Mirziyoyev'], state: 'UZB', role: 'President' },
  { names: ['Sadyr Japarov', 'Japarov'], state: 'KGZ', role: 'President' },
  { names: ['Serdar Berdimuhamedov', 'Berdimuhamedov'], state: 'TKM', role: 'President' },
  { names: ['Emomali Rahmon', 'Rahmon'], state: 'TJK', role: 'President' },
  { names: ['Irakli Kobakhidze', 'Kobakhidze'], state: 'GEO', role: 'Prime Minister' },
  { names: ['Nikol Pashinyan', 'Pashinyan'], state: 'ARM', role: 'Prime Minister' },
  { names: ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Zelensky', 'Zelenskyy'], state: 'UKR', role: 'President' },
  { names: ['Alexander Lukashenko', 'Lukashenko'], state: 'BLR', role: 'President' },
  { names: ['Friedrich Merz', 'Merz'], state: 'DEU', role: 'Chancellor' },
  { names: ['Olaf Scholz', 'Scholz'], state: 'DEU', role: 'Chancellor (until May 2025)' },
  { names: ['Giorgia Meloni', 'Meloni'], state: 'ITA', role: 'Prime Minister' },
  { names: ['Keir Starmer', 'Starmer'], state: 'GBR', role: 'Prime Minister' },
  { names: ['Donald Trump', 'Trump'], state: 'USA', role: 'President' },
  { names: ['Joe Biden', 'Biden'], state: 'USA', role: 'President (until January 2025)' },
  { names: ['Marco Rubio', 'Rubio'], state: 'USA', role: 'Secretary of State' },
  { names: ['Antony Blinken', 'Blinken'], state: 'USA', role: 'Secretary of State (until January 2025)' },
  { names: ['Ursula von der Leyen', 'von der Leyen'], state: 'EU27', role: 'President of the European Commission' },
  { names: ['Kaja Kallas', 'Kallas'], state: 'EU27', role: 'High Representative' },
  { names: ['Maros Sefcovic', 'Maroš Šefčovič', 'Sefcovic'], state: 'EU27', role: 'Trade Commissioner' },
  { names: ['Narendra Modi', 'Modi'], state: 'IND', role: 'Prime Minister' },
  { names: ['Masoud Pezeshkian', 'Pezeshkian'], state: 'IRN', role: 'President' },
  { names: ['Viktor Orban', 'Viktor Orbán', 'Orban', 'Orbán'], state: 'HUN', role: 'Prime Minister' },
];

/** State-owned companies and state bodies that stand for their state. */
export const STATE_BODIES: [string, string, string][] = [
  ['Gazprom', 'RUS', 'state gas company'], ['Rosneft', 'RUS', 'state oil company'], ['Transneft', 'RUS', 'state pipeline operator'],
  ['Rosatom', 'RUS', 'state nuclear company'], ['Gazprom Neft', 'RUS', 'state oil company'], ['Russian Railways', 'RUS', 'state railway'],
  ['KazMunayGas', 'KAZ', 'state oil company'], ['KMG', 'KAZ', 'state oil company'], ['Kazatomprom', 'KAZ', 'state uranium company'],
  ['KazTransOil', 'KAZ', 'state pipeline operator'], ['Samruk-Kazyna', 'KAZ', 'sovereign wealth fund'], ['QazaqGaz', 'KAZ', 'state gas company'],
  ['Kazakhstan Temir Zholy', 'KAZ', 'state railway'], ['KTZ', 'KAZ', 'state railway'], ['Tau-Ken Samruk', 'KAZ', 'state mining company'],
  ['SOCAR', 'AZE', 'state oil company'], ['Azerbaijan Railways', 'AZE', 'state railway'], ['ADY', 'AZE', 'state railway'],
  ['CNPC', 'CHN', 'state oil company'], ['Sinopec', 'CHN', 'state oil company'], ['CNOOC', 'CHN', 'state oil company'],
  ['PetroChina', 'CHN', 'state oil company'], ['COSCO', 'CHN', 'state shipping company'], ['CGN', 'CHN', 'state nuclear company'],
  ['CNNC', 'CHN', 'state nuclear company'], ['China Railway', 'CHN', 'state railway'],
  ['Orano', 'FRA', 'state nuclear company'], ['EDF', 'FRA', 'state power company'],
  ['BOTAS', 'TUR', 'state gas company'], ['BOTAŞ', 'TUR', 'state gas company'], ['TPAO', 'TUR', 'state oil company'],
  ['Uzbekneftegaz', 'UZB', 'state oil and gas company'], ['Navoiyuran', 'UZB', 'state uranium company'],
  ['Georgian Railway', 'GEO', 'state railway'], ['Georgian Oil and Gas Corporation', 'GEO', 'state gas company'],
  ['Turkmengaz', 'TKM', 'state gas company'], ['NIOC', 'IRN', 'state oil company'], ['Saudi Aramco', 'SAU', 'state oil company'],
  ['Aramco', 'SAU', 'state oil company'], ['QatarEnergy', 'QAT', 'state energy company'], ['ADNOC', 'ARE', 'state oil company'],
  ['Equinor', 'NOR', 'state oil company'], ['Eni', 'ITA', 'state-controlled energy company'], ['ONGC', 'IND', 'state oil company'],
  ['Naftogaz', 'UKR', 'state gas company'], ['Ukrtransnafta', 'UKR', 'state pipeline operator'], ['PKN Orlen', 'POL', 'state-controlled oil company'],
  ['Orlen', 'POL', 'state-controlled oil company'], ['MOL', 'HUN', 'oil company'],
];

/** Organisations and companies that act but stand for no single state. */
export const ORGANISATIONS: [string, string][] = [
  ['NATO', 'alliance'], ['OPEC', 'organisation'], ['OPEC+', 'organisation'], ['United Nations', 'organisation'], ['UN', 'organisation'],
  ['G7', 'group'], ['G20', 'group'], ['Shanghai Cooperation Organisation', 'organisation'], ['Shanghai Cooperation Organization', 'organisation'],
  ['SCO', 'organisation'], ['Eurasian Economic Union', 'organisation'], ['EAEU', 'organisation'], ['CSTO', 'alliance'], ['BRICS', 'group'],
  ['Organization of Turkic States', 'organisation'], ['Organisation of Turkic States', 'organisation'], ['IEA', 'agency'],
  ['International Energy Agency', 'agency'], ['IAEA', 'agency'], ['World Bank', 'organisation'], ['IMF', 'organisation'],
  ['Asian Development Bank', 'bank'], ['EBRD', 'bank'], ['European Bank for Reconstruction and Development', 'bank'], ['European Investment Bank', 'bank'], ['EIB', 'bank'],
  ['Caspian Pipeline Consortium', 'pipeline operator'], ['Chevron', 'company'], ['ExxonMobil', 'company'], ['Exxon', 'company'],
  ['Shell', 'company'], ['BP', 'company'], ['TotalEnergies', 'company'], ['Glencore', 'company'], ['Eurasian Resources Group', 'company'],
  ['ERG', 'company'], ['Kazakhmys', 'company'], ['Rio Tinto', 'company'], ['Maersk', 'company'], ['Alstom', 'company'],
  ['Siemens', 'company'], ['Tengizchevroil', 'company'], ['North Caspian Operating Company', 'company'], ['NCOC', 'company'],
  ['Karachaganak Petroleum Operating', 'company'], ['KPO', 'company'], ['Lukoil', 'company'], ['Novatek', 'company'],
  ['Middle Corridor Multimodal', 'company'], ['TITR Association', 'association'], ['European Commission President', 'role'],
];

/** News agencies and outlets. `ambiguous` ones count only next to a reporting word ("Trend reported"). */
export const AGENCIES: [string, boolean][] = [
  ['Reuters', false], ['Interfax', false], ['Interfax-Kazakhstan', false], ['TASS', false], ['Tass', false], ['RIA Novosti', false], ['RIA', false],
  ['AFP', false], ['Agence France-Presse', false], ['Associated Press', false], ['AP', true], ['Bloomberg', false], ['Xinhua', false],
  ['Kazinform', false], ['Trend', true], ['APA', true], ['Anadolu', false], ['Anadolu Agency', false], ['Sputnik', false], ['BBC', false],
  ['Al Jazeera', false], ['Financial Times', false], ['FT', true], ['Wall Street Journal', false], ['Kommersant', false], ['Vedomosti', false],
  ['Argus', true], ['Platts', false], ['S&P Global', false], ['Kpler', false], ['Astana Times', false], ['The Astana Times', false],
  ['AzerNews', false], ['Report.az', false], ['Tengrinews', false], ['Eurasianet', false], ['Nikkei', false], ['Caspian News', false],
  ['Dow Jones', false], ['Euronews', false], ['Politico', false], ['Izvestia', false], ['RBC', true], ['Daily Sabah', false], ['CNN', false],
  ['Le Monde', false], ['Les Echos', false], ['Handelsblatt', false], ['Turan', true], ['24.kz', false], ['Kursiv', false],
];
