// Generates data/default/*.csv (the Corridor default dataset) and shows how every derived figure is computed.
// Run from the repository: node --import tsx scripts/build-default-dataset.ts, then `corridor package data/default`.
// Reads nothing outside the repository: the figures are written below, and the WGI file is data/wgi/ (see its README).
//
// The files are compared byte for byte with data/default by test/default-dataset.test.ts, so numbers are written
// the way the dataset has always written them: a figure is rounded to 3 decimals (4 for shares and WGI values,
// 1 for prices) half-to-even on its exact binary value, and trailing zeros are dropped.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCsv, parseCsv } from '../src/data/csv.ts';
import { buildStages } from './dataset/stages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = process.env.CORRIDOR_DATASET_OUT || join(ROOT, 'data', 'default'); // a test writes elsewhere
const WGI_FILE = join(ROOT, 'data', 'wgi', 'wgi-2022-mean-normalised.csv');

const HEAD = {
  'sources.csv': 'id,title,publisher,url,year,note',
  'countries.csv': 'id,name,kind,region',
  'blocs.csv': 'id,name',
  'bloc_members.csv': 'bloc,country',
  'governance.csv': 'country,indicator,year,value,source,estimated,note',
  'commodities.csv': 'id,name,group,unit,allowed_units,barrels_per_tonne,twh_per_bcm,toe_per_tonne,fungible,source,estimated,note',
  'production.csv': 'year,commodity,country,stage,operator,volume,unit,source,estimated,note',
  'demand.csv': 'year,commodity,country,kind,volume,unit,source,estimated,note',
  'stocks.csv': 'year,commodity,country,volume,unit,source,estimated,note',
  'nodes.csv': 'id,name,kind,country,lat,lon,source,estimated,note',
  'assets.csv': 'id,name,kind,commodity,capacity,unit,year,operator,source,estimated,note',
  'routes.csv': 'id,name,commodity,mode,from,to,capacity,unit,year,transit_days,cost,cost_unit,operator,status,source,estimated,note',
  'legs.csv': 'route,sequence,from,to,country,mode,asset,length_km,source,estimated,note',
  'flows.csv': 'year,commodity,exporter,importer,route,volume,unit,source,estimated,note',
  'agreements.csv': 'id,date,parties,type,commodities,volume,unit,summary,source,estimated,note',
  'events.csv': 'id,date,actor,targets,type,tone,commodities,routes,summary,source,estimated,note',
  'parameters.csv': 'name,commodity,country,year,value,unit,source,estimated,note',
  'crm_materials.csv': 'material,year,economic_importance,import_reliance,import_reliance_extraction,import_reliance_processing,eol_rir,substitution_index,source,estimated,note',
  'crm_supply.csv': 'material,year,stage,scope,country,share,trade_parameter,source,estimated,note',
  'crma_list.csv': 'material,list,commodity,source,estimated,note',
  'chokepoints.csv': 'id,name,kind,country,commodity,capacity,unit,year,source,estimated,note',
  'sea_lanes.csv': 'id,from,to,commodity,chokepoints,cost,cost_unit,transit_days,alternative,year,source,estimated,note',
} as const;
type TableFile = keyof typeof HEAD;
/** A cell: text as written, or a number that the writer formats with r(). */
type Cell = string | number;
type Row = Record<string, Cell>;

const T = new Map<TableFile, Row[]>();
function add(table: TableFile, row: Row): void {
  const rows = T.get(table) ?? [];
  rows.push(row);
  T.set(table, rows);
}

// ---------------------------------------------------------------- number formatting
/** The exact value of a finite double as mantissa × 2^exponent (both integers). */
function exactParts(x: number): [mantissa: bigint, exponent: number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // Subnormals have no implicit leading 1 and the exponent of the smallest normal.
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

/**
 * x with `digits` decimals, rounded half-to-even on its exact binary value: "%.{digits}f" in C and Python.
 * Number.prototype.toFixed rounds exact ties away from zero instead (0.125 -> "0.13", not "0.12").
 */
function fixed(x: number, digits: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa, exponent] = exactParts(Math.abs(x));
  let num = mantissa * 10n ** BigInt(digits);
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(digits + 1, '0');
  return sign + (digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s);
}

/** A figure as the tables write it: rounded to `digits` decimals (see fixed()), trailing zeros dropped. */
function r(x: number, digits = 3): string {
  return fixed(x, digits).replace(/\.?0+$/, '');
}

/** x rounded to a whole number, ties to even (as fixed(x, 0)); used where a derived count is rounded. */
function roundHalfEven(x: number): number {
  return Number(fixed(x, 0));
}

/** x rounded to `digits` decimals (as fixed()), kept as a number. */
function roundTo(x: number, digits: number): number {
  return Number(fixed(x, digits));
}

/** Thousands separators in the whole part of a number written in decimal: 49355 -> "49,355", 6.0 stays "6.0". */
function thousands(n: number | string): string {
  const [whole, part] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return part === undefined ? grouped : `${grouped}.${part}`;
}

/** Left-to-right sum from 0; a compensated sum could move the last digit of a remainder. */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** A country's figure as the source prints it ("6.0", "63000"): notes quote the text, tables get its value. */
type Printed = readonly [country: string, printed: string];

// ---------------------------------------------------------------- sources
function src(id: string, title: string, publisher: string, url: string, year: number, note = ''): void {
  add('sources.csv', { id, title, publisher, url, year, note });
}
src('wgi2023', 'Worldwide Governance Indicators, 2023 update (2022 data): mean of the six estimates, normalised to 0-1', 'World Bank (Kaufmann & Kraay), file from lukaszgajewski/pytradeshifts', 'github.com/lukaszgajewski/pytradeshifts/blob/main/data/stability_index/worldbank_governence_indicator_2022_normalised.csv', 2023, 'Normalised as (x+2.5)/5; values here are transcribed back to the -2.5..+2.5 scale');
src('astanatimes_oil_2022', 'Kazakhstan exceeds oil extraction expectations in 2022', 'The Astana Times (Energy Minister Akchulakov)', 'astanatimes.com/2023/01/kazakhstan-exceeds-oil-extraction-expectations-in-2022/', 2023, 'Oil + condensate output and exports 2022, field split');
src('trend_kz_oil_2023', 'Kazakhstan oil and gas production in 2023', 'Trend News Agency', 'en.trend.az/casia/kazakhstan/3918770.html', 2024, 'Oil 90.0 Mt in 2023 (B)');
src('reuters_kz_oil_2024', 'Kazakhstan oil output hits record high after Tengiz expansion', 'Reuters via fintechnews.site', 'fintechnews.site/kazakhstan-oil-output-hits-record-high-after-tengiz-expansion', 2025, 'Oil 87.56 Mt in 2024 (B)');
src('trend_kz_exports_2022', 'Kazakhstan oil exports in 2022', 'Trend News Agency', 'en.trend.az/casia/kazakhstan/3786173.html', 2023, '64.3 Mt exports; more than 80% via CPC; main EU buyers Italy, Netherlands, France');
src('reuters_kz_bypass_2024', 'Kasachstan verdoppelt Menge an Oel, das Russland umgeht', 'Reuters via MarketScreener', 'at.marketscreener.com/kurs/rohstoff/BRENT-OIL-4948/news/Kasachstan-verdoppelt-Menge-an-Ol-das-Russland-umgeht-45891566/', 2024, 'Exports 70.5 Mt (2023); 3.73 Mt bypassing Russian ports (2023) vs 1.91 (2022); 1.2 Mt to China');
src('tass_cpc_2026', 'CPC throughput 2024-2025, length and capacity', 'TASS/Interfax via tportal.hr', 'tportal.hr', 2026, 'CPC 1,511 km; 63.01 Mt (2024); 70.52 Mt (2025); 72.5 Mt/yr from Kazakhstan, up to 83 incl. Russia');
src('reuters_cpc_2022', 'CPC throughput 2022 and shareholders', 'Reuters (French service) via zonebourse', 'ch.zonebourse.com', 2023, 'CPC 58.7 Mt in 2022, of which 52.2 Mt from Kazakhstan');
src('kmg_ar2024', 'KazMunayGas Annual Report 2024: midstream operating review', 'KazMunayGas', 'ar2024.kmg.kz/en/strategic-report/operating-review/midstream', 2025, 'Pipeline capacities and 2022-2024 volumes (KazTransOil, KCP, CPC)');
src('newscentralasia_2024', 'Load of Kazakh oil pipelines (Competition Agency via Kazinform)', 'News Central Asia', 'newscentralasia.net/2024/08/19/', 2024, 'Atyrau-Samara 9.2 Mt (2023); Atasu-Alashankou 11.2 Mt (2023), capacity 20 Mt/yr');
src('inform_smailov_2022', 'Kazakhstan to expand Atyrau-Kenkiyak-Kumkol oil pipeline', 'Kazinform', 'inform.kz/en/kazakhstan-to-expand-atyrau-kenkiyak-kumkol-oil-pipeline_a3935353', 2022, 'Atyrau-Samara about 11 Mt in 2022 (PM Smailov) (B)');
src('tass_druzhba_2024', 'Kazakhstan oil transit via Druzhba to Germany', 'TASS', 'tass.com/economy/1818697', 2024, '0.993 Mt to Germany in 2023; 1.2 Mt quota in 2024 and 2025');
src('interfax_druzhba_2024', 'Kazakh oil supplies to Germany via Druzhba', 'Interfax', 'interfax.com/newsroom/top-stories/91145/', 2024, '');
src('kaztransoil_aktau_2023', 'Kazakh oil shipped from Aktau in 2023 (KazTransOil to Trend)', 'Trend via MENAFN; today.az', 'menafn.com/1107722129', 2024, '3.376 Mt loaded at Aktau in 2023: 1.392 Mt towards BTC, 1.984 Mt to Makhachkala');
src('reuters_btc_2025', 'Kazakh oil via BTC (Azerbaijani Energy Minister Shahbazov)', 'Reuters via Pipeline & Gas Journal', 'pgjonline.com/news/2025/october', 2025, '1.7 Mt in 2024; 3.4 Mt cumulative since March 2023');
src('trend_kmg_btc_2025', 'About 3.4 million tons of Kazakh oil transported via BTC', 'Trend News Agency (KazMunayGas)', 'trend.az/azerbaijan/business/4098410.html', 2025, '');
src('bp_btc', 'Baku-Tbilisi-Ceyhan pipeline', 'bp Azerbaijan', 'bp.com/en_az/azerbaijan/home/who-we-are/operationsprojects/pipelines/btc.html', 2024, 'Capacity 1.2 mb/d since 2009 (drag-reducing agents); length 1,768 km (AZ 443, GE 249, TR 1,076)');
src('gov_kz_cpc_2025', 'Kazakhstan, CPC aim to boost oil transit to 1 billion tonnes (Prime Minister Bektenov meets CPC General Director Gorban)', 'Government of Kazakhstan via Orda.kz and Daryo', 'en.orda.kz/kazakhstan-cpc-aim-to-boost-oil-transit-to-1-billion-tonnes-6562', 2025, 'CPC capacity 81.5 Mt/yr overall after debottlenecking; the Kazakh section 72.5 Mt/yr (from 53.7)');
src('kazinform_cpc_tariff', 'Nikolay Gorban: CPC oil pumping tariff is the most attractive', 'Kazinform (CPC General Director N. Gorban)', 'inform.kz/ru/nikolay-gorban-tarif-za-prokachku-nefti-po-ktk-samyy-privlekatel-nyy_a3074404', 2017, 'CPC tariff Tengiz-Novorossiysk 38 USD/t, unchanged "for several years" (publication year not shown on the copy; about 2017; C)');
src('egemen_btc_tariff', 'Why BTC is unprofitable (BTZh nege tiimsiz)', 'Egemen Qazaqstan', 'egemen.kz/article/360461-btzh-nege-tiimsiz', 2023, 'BTC charges 24 USD/t, CPC 38 USD/t; the Tengiz-Aktau rail haul and Aktau loading add to the BTC route (publication year not shown; C)');
src('rosinvest_fst_2005', 'FST approves transit tariffs for Kazakh and Turkmen oil', 'RosInvest', 'rosinvest.com/novosti/61031', 2005, 'Transneft transit Makhachkala-Novorossiysk 7.06 USD/t (2005; C: old)');
src('azstat_btc_2023', 'Azerbaijan reveals volume of Kazakh, Turkmen oil transported via BTC (State Statistics Committee)', 'AzerNews via MENAFN', 'menafn.com/1107239737/Azerbaijan-Reveals-Volume-Of-Kazakh-Turkmen-Oil-Transported-Via-BTC', 2023, 'BTC Jan-Sep 2023: 22.665 Mt, of which Azerbaijani crude 18.844 Mt and Kazakh/Turkmen 3.820 Mt');
src('eia_brent_2024', 'A look back at our forecast for global crude oil prices in 2024 (Today in Energy)', 'U.S. Energy Information Administration (copy on airfreight.news)', 'airfreight.news/articles/full/today-in-energy-a-look-back-at-our-forecast-for-global-crude-oil-prices-in-2024', 2025, 'Brent averaged $81/b in 2024 (spot; futures $80/b)');
src('era_cn_eu_2024', 'China-EU rail box volume nears record high in 2024 (OTLK ERA)', 'AzerNews/Seanews via maritime-network.com (OTLK ERA General Director A. Grom)', 'news.maritime-network.com/2025/03/16/china-eu-rail-box-volume-nears-record-high-in-2024', 2025, 'Transit China to Europe via Kazakhstan, Russia and Belarus (ERA) 412,000 TEU in 2024, nearly doubled; record 420,000 TEU in 2021; about 15 containers eastbound per 100 westbound');
src('kursiv_kcp_transit_2024', 'Kazakhstan expands its arrangement with Russia related to oil transit to China', 'Kursiv', 'kz.kursiv.media/en/2024-05-02/kazakhstan-expands-its-arrangement-with-russia-related-to-oil-transit-to-china', 2024, 'Transit of Russian crude to China 10 Mt/yr to 2034; 15 USD/t through Kazakhstan, 2.10 USD/t on the TON-2 Kazakh section');
src('eia_chokepoints_2024', 'World Oil Transit Chokepoints (Table 1, 2018-2023)', 'U.S. Energy Information Administration', 'eia.gov/international/content/analysis/special_topics/World_Oil_Transit_Chokepoints', 2024, 'Crude and petroleum liquids through each chokepoint, mb/d (Vortexa tanker tracking): Malacca 23.7, Hormuz 20.9, Suez+SUMED 8.8, Bab el-Mandeb 8.6, Danish 4.9, Turkish 3.4 (2023)');
src('eia_red_sea_2023', 'Red Sea chokepoints are critical for international oil and natural gas flows (Today in Energy)', 'U.S. Energy Information Administration', 'eia.gov/todayinenergy/detail.php?id=61025', 2023, 'SUMED capacity 2.5 mb/d');
src('eia_red_sea_2024', 'Oil flows through the Red Sea down by more than 50% (EIA Today in Energy, via NAM)', 'U.S. Energy Information Administration via nam.org', 'nam.org/oil-flows-down-by-more-than-50-in-red-sea-32328', 2024, 'Bab el-Mandeb 4.0 mb/d Jan-Aug 2024 vs 8.7 in 2023; Cape of Good Hope 9.2 vs 6.0');
src('eia_hormuz_2025', 'Amid regional conflict, the Strait of Hormuz remains critical oil chokepoint (Today in Energy)', 'U.S. Energy Information Administration via en.portnews.ru', 'en.portnews.ru/news/378176', 2025, 'Hormuz 20 mb/d in 2024');
src('reuters_cape_voyage_2024', 'VLCC Grand Bonanza sails Abu Dhabi to France round the Cape (Reuters)', 'Reuters via uagkh.com', 'uagkh.com/?p=19365', 2024, 'About 40 days, at least two weeks longer than via Suez; about USD 5.7 million, nearly 80% more (1.8 million bbl)');
src('globalenergyprize_cape_2024', 'Crude oil transit through Cape of Good Hope rises by nearly 50%', 'Global Energy Prize', 'globalenergyprize.org/en/2024/06/13/crude-oil-transit-through-cape-of-good-hope-rises-by-nearly-50/', 2024, 'Persian Gulf to Europe: 19 days via Suez, 34 days round the Cape');
src('reuters_china_crude_2023', 'China crude oil imports set new record high in 2023 (Reuters, General Administration of Customs data)', 'MNI Markets', 'mnimarkets.com/articles/china-crude-oil-imports-set-new-record-high-in-2023', 2024, 'China crude imports 563.99 Mt (11.28 mb/d) in 2023, +11% y/y');
src('searates_era_2024', 'Eurasian Railway Corridor: overview of 2024 trends in rail freight from China to Europe', 'SeaRates (citing the Eurasian Rail Alliance Index and Drewry WCI)', 'searates.com/th/blog/post/eurasian-railway-corridor-overview-of-2024-trends-in-rail-freight-from-china-to-europe', 2025, 'Average China-Europe rail rate about 3,240 USD per FEU for most of 2024; Shanghai-Rotterdam sea rate up 78% to 7,961 USD per FEU at the Red Sea peak');
src('socar_midstream', 'BTC pipeline and Kazakh oil transit', 'SOCAR Midstream', 'socarmidstream.az', 2024, 'BTC about 50 Mt/yr; SOCAR-KMG transit agreements');
src('reuters_btc_owners_2024', 'BTC ownership and Azeri crude exports', 'Reuters via dfwatch.net', 'dfwatch.net', 2024, '');
src('seanews_aktau_2023', 'Aktau port oil berths capacity (Ministry of Industry)', 'sea-news.az', 'sea-news.az/2023/08/09/', 2023, 'Oil berths nos. 4, 5, 8: 7.5 Mt/yr; 12.5 Mt/yr after rebuilding berths 9-10');
src('portnews_aktau_2023', 'Aktau Sea Commercial Port obtains status of internationally important port', 'PortNews', 'en.portnews.ru/news/353983/', 2023, 'Oil berths 7.5 Mt/yr; container hub up to 300k TEU/yr planned for 2025; 3.8 Mt handled in 2022');
src('wiki_aktau', 'Aktau (coordinates 43.650 N, 51.150 E)', 'Wikipedia (mirror)', 'wiki-gateway.eudic.net/wikipedia_en/Aktau.html', 2024, 'Gazetteer coordinates');
src('unn_cpc_2025', 'Russian Federation says drone attack on oil pumping station in Krasnodar region', 'UNN (quoting CPC)', 'unn.ua/en/news/russian-federation-says-drone-attack-on-oil-pumping-station-in-krasnodar-region', 2025, 'Kropotkinskaya attacked by seven UAVs on 17 Feb 2025; station taken out of service');
src('dagens_cpc_2025', 'Ukraine targets Russia energy lifeline: major oil station disabled', 'Dagens', 'dagens.com/war/ukraine-targets-russias-energy-lifeline-major-oil-station-disabled', 2025, 'Attribution of the 17 Feb 2025 strike to Ukrainian drones');
src('namnews_cpc_2025', 'CPC disruptions 2025', 'NAM News Network', 'namnewsnetwork.org/?p=294876', 2025, 'SPM-2 at the Novorossiysk terminal damaged on 29 Nov 2025');
src('newspravda_cpc_2026', 'CPC loadings December 2025', 'news-pravda.com', 'news-pravda.com/world/2026/01/14/2000528.html', 2026, 'December 2025 loadings cut from 6.7 to 4.5 Mt (C: Russian outlet)');
src('eurostat_oil_2022', 'Oil and petroleum products - a statistical overview (2022 data), summary', 'Eurostat via Aenert', 'aenert.com/news-events/energy-news-monitoring/n/oil-and-petroleum-products-in-the-eu-russia-is-still-the-main-oil-importer/', 2023, 'EU crude imports 2022: 479.6 Mt; Russia 88.4, Norway 54.1, USA 48.3, Iraq 37.2, Kazakhstan 36.6 Mt');
src('eurostat_oil_2023', 'Oil and petroleum products - a statistical overview (2023 data), summary', 'Eurostat via Aenert', 'ec.europa.eu/eurostat/statistics-explained', 2024, 'EU crude imports 2023: 471.5 Mt; USA 67.2 Mt; changes 2022->2023: USA +18.9, Norway +11.5, Kazakhstan +8.4, Russia -74.1 Mt');
src('econovis_eu_crude_2024', 'Kazakhstan among top 3 oil suppliers to the EU (Kazinform citing Econovis)', 'Ratel.kz', 'ratel.kz/raw/kazakhstan_among_top_3_oil_suppliers_to_eu', 2025, '2024 EU crude imports 9.1 mb/d by supplier (B: secondary aggregator)');
src('eurostat_energy_imports_2024', 'EU imports of energy products fell in 2024 (Eurostat release, March 2025)', 'Eurostat via economica.net', 'economica.net', 2025, 'Partner shares 2024: petroleum oils US 16.1%, NO 13.5%, KZ 11.5%; gas pipeline NO 45.6%, DZ 19.3%, RU 16.6%; LNG US 45.3%, RU 17.5%, DZ 10.7%');
src('eurostat_russia_share', 'Russia share of EU petroleum-oil imports', 'Eurostat via sofiaglobe.com; EPRS', 'sofiaglobe.com/2023/09/25/eu-imports-of-petroleum-oil-from-russia-in-q2-2023-down-82-y-y/', 2023, 'Embargo dates; Russia 21.6% (Q2 2022) -> 4% (Q2 2023)');
src('connaissance_fr_crude', "D'ou vient le petrole brut importe en France ?", 'Connaissance des Energies', 'connaissancedesenergies.org/d-ou-vient-le-petrole-brut-importe-en-france-120209', 2023, 'France crude imports 41.1 Mtoe (about 40 Mt) in 2022 with shares; 2020 shares of 33.9 Mtoe');
src('actuenergie_fr', 'France energy imports 2022 (Ministry of Energy Transition)', 'actuenergie.fr', 'actuenergie.fr', 2023, 'Crude volumes by origin in Mtoe (2022); gas import shares (2022)');
src('unstats_conversion', 'Energy Statistics Yearbook: conversion factors', 'United Nations Statistics Division', 'unstats.un.org/unsd/energy/yearbook/conversion.htm', 2020, 'Crude petroleum (average specific gravity): 7.32 barrels per metric ton');
src('eia_brent_2022', 'Crude oil prices increased in first-half 2022 and declined in second-half 2022', 'U.S. Energy Information Administration', 'eia.gov/todayinenergy/detail.php?id=55079', 2023, 'Brent spot averaged $100/b in 2022');
src('dowjones_brent_2021', 'Front Month ICE Brent Crude Rose 50.15% This Year (Data Talk)', 'Dow Jones Market Data via MarketScreener', 'marketscreener.com/quote/commodity/WTI-2355639/news/Front-Month-ICE-Brent-Crude-Rose-50-15-This-Year-to-Settle-at-77-78-Data-Talk-37447779/', 2021, 'Average front-month ICE Brent 2021: $70.95/bbl');
src('statistico_brent', 'Brent crude oil: price, by year', 'Statistico', 'statistico.com/s/brent-crude-oil-price-by-year', 2024, 'Brent average $82.49/bbl in 2023 (C: secondary compilation)');
src('eurlex_2009_119', 'Directive 2009/119/EC obliging EU countries to maintain minimum stocks of crude oil and/or petroleum products (summary)', 'EUR-Lex', 'eur-lex.europa.eu/legal-content/EN/TXT/?uri=LEGISSUM%3Aen0006', 2009, '90 days of average daily net imports or 61 days of consumption, whichever is higher');
src('iea_stocks', 'Oil stocks of IEA countries', 'International Energy Agency', 'iea.org/data-and-statistics/data-tools/oil-stocks-of-iea-countries', 2024, 'IEA members hold stocks of at least 90 days of net imports');
src('iea_collective_2022', 'IEA Governing Board concludes 2022 collective actions', 'International Energy Agency (copy at 4matifoundation.com)', '4matifoundation.com/iea-governing-board-concludes-2022-collective-actions.html', 2023, 'The two collective actions of 2022 released 182.7 million barrels, the largest volume of emergency stocks ever released; terminated June 2023');
src('iea_stocks_march_2022', 'Report on the IEA collective action of 1 March 2022', 'International Energy Agency via The National News', 'thenationalnews.com', 2022, 'Article of 4 March 2022 (the exact address is not recorded): IEA members held 1.5 billion barrels of public emergency stocks and 575 million barrels of industry stocks under obligation');
src('ec_gas_storage_2024', 'Report from the Commission on certain aspects concerning gas storage, COM(2024) 89', 'European Commission', 'energy.ec.europa.eu/publications/commission-report-certain-aspects-concerning-gas-storage_en', 2024, 'EU storage capacity about 1,100 TWh or 100 bcm; storage provides 25-30% of the gas consumed in the EU in winter');
src('gie_agsi_2022', 'European Union gas storage facilities 95% full (citing GIE AGSI+)', 'Sputnik via UrduPoint', 'urdupoint.com/en/business/european-union-gas-storage-facilities-95-ful-1589334.html', 2022, 'European storage 95.02% full on the 2 November 2022 gas day (103 bcm, Europe as GIE counts it)');
src('ec_gas_storage_2023', 'Intermediate gas storage filling targets for 2024 announced', 'European Commission, DG Energy', 'energy.ec.europa.eu/news/intermediate-gas-storage-filling-targets-2024-announced-2023-11-20_en', 2023, 'EU-wide gas storage filled to 100% by 1 November 2023');
src('ec_gas_storage_2024_level', 'Report quoting the European Commission spokesperson on EU gas storage, 31 October 2024', 'European Pravda', 'pravda.com.ua/eng/news/2024/10/31/7482299/', 2024, 'Storage level EU-wide over 95%, around 100 bcm, about one third of annual consumption');
src('eu_gas_storage_regulation_2022', 'EU reached 90% gas storage target two months early (Regulation (EU) 2022/1032)', 'Modern Power Systems', 'modernpowersystems.com/news/newseu-reached-90-gas-storage-target-2-months-early-11158147', 2023, 'The Gas Storage Regulation set a binding target of 90% filling of storage facilities by 1 November each year; at least 80% for the 2022-2023 winter (TASS, 2022)');
src('sfen_esa_2023', 'Euratom calls for strengthening conversion and enrichment capacities in Europe (ESA Annual Report 2023)', 'SFEN', 'sfeninenglish.org/euratom-calls-for-strengthening-conversion-and-enrichment-capacities-in-europe/', 2024, 'Inventories of EU utilities 37,655 tU natural-uranium equivalent at the end of 2023 (+5.45%)');
src('wna_mining_2023', 'World Uranium Mining Production', 'World Nuclear Association', 'world-nuclear.org/information-library/nuclear-fuel-cycle/mining-of-uranium/world-uranium-mining-production.aspx', 2023, 'Country table 2013-2022 (tU)');
src('kun_uranium_2022', 'Kazakhstan share of world uranium output 2021', 'kun.uz', 'kun.uz/2022/07/07/', 2022, 'World 2021 47,808 tU; Kazakhstan 45%');
src('nucnet_esa_2022', '97% of Europe natural uranium comes from overseas, but Russia deliveries fall (ESA Annual Report 2022)', 'NucNet', 'nucnet.org/news/97-of-europe-s-natural-uranium-comes-from-overseas-but-russia-deliveries-fall-10-4-2023', 2023, 'Shares of deliveries 2022 by origin; CIS 5,565 tU; Russia -16% and Kazakhstan +14% vs 2021');
src('reuters_esa_2023', 'Euratom sees no immediate risk from Niger uranium cut', 'Reuters via Bizcommunity', 'test.bizcommunity.com/ContentShareRedirect.aspx?ci=240650', 2023, 'Niger 2,975 tU = 25.4% (2022); EU utility inventories 35,710 tU vs consumption about 12,500 tU/yr');
src('checknews_esa_2021', 'Does the uranium imported into Europe come largely from Russia? (Liberation CheckNews, citing ESA)', 'Liberation via spamchronicles.com', 'spamchronicles.com/does-the-uranium-imported-into-europe-and-france-come-very-largely-from-russia-as-yannick-jadot-claims-liberation', 2022, '2021 shares: Niger 24.26%, Kazakhstan 22.99%, Russia 19.69%; top five 96%');
src('trend_kap_2023', 'Kazatomprom production 2023', 'Trend via MENAFN', 'menafn.com/1107816682', 2024, 'Group production 21,112 tU (100% basis)');
src('orano_katco_2024', 'Orano Kazakhstan: new mining permit granted to KATCO', 'Orano (via abwr.org)', 'abwr.org/orano-kazakhstan-new-mining-permit-granted-to-katco/', 2024, 'KATCO nominal 4,000 tU/yr; output limited to about 65% during the South Tortkuduk transition; back to 4,000 from 2026');
src('astanatimes_katco_2023', 'Kazakh-French joint venture KATCO', 'The Astana Times', 'astanatimes.com/2023/11/', 2023, 'Orano Mining 51%, Kazatomprom 49%; founded 1996');
src('wnn_tortkuduk_2025', 'South Tortkuduk uranium mine fully operational', 'World Nuclear News', 'world-nuclear-news.org/articles/south-tortkuduk-uranium-mine-fully-operational', 2025, '');
src('rawmaterials_fr_kz_2023', 'Critical raw materials: France and Kazakhstan to cooperate', 'rawmaterials.net', 'rawmaterials.net/critical-raw-materials-france-and-kazakhstan-to-cooperate/', 2023, '');
src('reuters_macron_2023', 'Macron in Astana (Reuters text)', 'Reuters via rnbo.org', 'rnbo.org/2023/11/01/83866.html', 2023, '');
src('mid_lavrov_2023', 'Interview of Sergey Lavrov, programme Moscow. Kremlin. Putin (transcript)', 'Ministry of Foreign Affairs of the Russian Federation', 'rfembassy.ru/eng/lm/news/press_releases/?cid=0&rid=518', 2023, '');
src('energynews_tokayev_2024', 'Macron and Tokayev praise growing Franco-Kazakh collaboration', 'energynews.pro', 'energynews.pro/en/macron-and-tokayev-praise-growing-franco-kazakh-collaboration', 2024, 'State visit to Paris, 5 Nov 2024');
src('trend_socar_kmg_2023', 'SOCAR and KazMunayGas sign memorandum of strategic cooperation on Kazakh oil transit', 'Trend; Interfax', 'en.trend.az/business/energy/3764865.html', 2023, 'Memorandum 22 Jun 2023; earlier 1.5 Mt/yr agreement for Tengiz oil via BTC');
src('trend_socar_kmg_2024', 'KazMunayGas and SOCAR to sign agreement to boost Kazakh oil transit (interview with M. Mirzagaliyev)', 'Trend News Agency', 'en.trend.az/azerbaijan/business/3872293.html', 2024, 'Signed with the state visit of 11 Mar 2024; from 120 kt to 180 kt per month');
src('newsaz_kashagan_2025', 'SOCAR begins transit of crude oil from Kazakhstan Kashagan field', 'News.az', 'news.az/news/socar-begins-transit-of-crude-oil-from-kazakhstan-s-kashagan-field', 2025, 'Agreement 15 Jan 2025 for 240,000 t/yr of Kashagan oil; Nov 2022 agreement 1.5 Mt/yr Tengiz oil; Mar 2024 up to 2.2 Mt/yr');
src('usgs_chromium_2025', 'List of countries by chromium production (USGS Mineral Commodity Summaries, January 2025)', 'Wikipedia (mirror), citing USGS', 'l.global.ssl.fastly.net/List_of_countries_by_chromium_production', 2025, 'Marketable chromite ore, gross weight; the page labels the figures 2023 (C: year label uncertain)');
src('usgs_chromite_2018', 'Kazakhstan third in chromite production (USGS)', 'AKIpress', 'akipress.com', 2019, 'Kazakhstan 4.6 Mt (2018); reserves 230 Mt');
src('argus_tisponge_2025', 'Aerospace-approved Ti sponge supply up in 2024', 'Argus Media (USGS and UKTMP data)', 'argusmedia.com/en/news-and-insights/latest-market-news/2659047-aerospace-approved-ti-sponge-supply-up-in-2024', 2025, 'Titanium sponge 2023-2024 by producer');
src('reuters_tisponge_2022', 'Titanium sponge production 2021 (Reuters citing USGS)', 'Reuters via MarketScreener', 'marketscreener.com', 2022, 'China 210,000 t (57% of world), Kazakhstan 16,000 t, Ukraine 3,700 t (2021)');
src('inn_tungsten_2024', 'Top 10 tungsten-producing countries (USGS MCS 2024 data)', 'Investing News Network via dailymarketsolution.com', 'dailymarketsolution.com/top-10-tungsten-paeroducing-countries-updated-2024/amp', 2024, 'World 78,000 t (2023); China 63,000; Vietnam 3,500; Russia 2,000; North Korea 1,700; Bolivia 1,500 t (W content)');
src('usgs_ree_2024', "China's dominance in rare earth production (USGS MCS January 2024)", 'Mining Visuals / Investing News Network', 'miningvisuals.com/post/chinas-dominance-in-rare-earth-production', 2024, 'World 350,000 t REO (2023); China 240,000; USA 43,000; Myanmar 38,000; Australia 18,000; Thailand 7,100');
src('usgs_ree_2025', 'USGS latest data: top 10 rare earth producers in 2024', 'NAI500', 'nai500.com/blog/2025/03/usgs-latest-data-top-10-rare-earth-producers-in-2024/', 2025, 'World 390,000 t REO (2024); China 270,000; USA 45,000');
src('usgs_copper_2024', 'Visualizing copper production by country in 2023 (USGS MCS January 2024)', 'Visual Capitalist via yokaspace.com', 'yokaspace.com/visualizing-copper-production-by-country-in-2023', 2024, 'Mine production 2023 (Mt Cu); world 22 Mt per USGS (Investing News Network)');
src('kursiv_kazminerals_2022', 'KAZ Minerals copper output 2021', 'Kursiv', 'kz.kursiv.media/2022-02-10/', 2022, '299 kt copper (2021)');
src('usgs_mcs2025_manganese', 'Mineral Commodity Summaries 2025: Manganese (pp. 116-117)', 'U.S. Geological Survey', 'pubs.usgs.gov/periodicals/mcs2025/mcs2025-manganese.pdf', 2025, 'World mine production 2024e 20,000 kt Mn content; South Africa 7,400, Gabon 4,600, Australia 2,800, Ghana 820, India 800, China 770, Brazil 590, Malaysia 410, Cote d\'Ivoire 360, other 1,300 (Kazakhstan not listed separately); data release doi:10.5066/P13XCP3R');
src('usgs_manganese_2016', 'Manganese production by country (USGS, 2015 data)', 'Wikipedia (mirror), citing USGS', 'en.m.wiki.x.io/wiki/Manganese_production_by_country', 2016, 'Manganese mine production 2015, Mn content (C: old)');
src('critmat_eu2023', 'Study on the critical raw materials for the EU 2023: EI, import reliance, EoL-RIR, SI and trade parameters as transcribed in CritMAT', 'European Commission (DG GROW); transcription in meyerdata/CritMAT input_data/seeds/eureport_results.csv and eureport_tradeparameters.csv', 'github.com/meyerdata/CritMAT', 2023, 'B: repository transcription of the 2023 factsheets, not checked word for word against the PDF');
src('crma_annex', 'Critical Raw Materials Act has entered into force (Regulation (EU) 2024/1252, Annexes I and II)', 'nicola-bernard.de citing EUR-Lex/DIHK; globalpccs.com', 'nicola-bernard.de/en/critical-raw-materials-act-crma-has-entered-into-force/', 2024, 'Strategic (17) and critical (34) lists; tail of Annex II completed from the 2023 list (B)');
src('trend_titr_2024', 'Middle Corridor cargo Jan-Nov 2024 (Kazakh government)', 'Trend News Agency', 'en.trend.az/business/3982954.html', 2024, '4.1 Mt and 50,500 TEU (x2.6) in Jan-Nov 2024; capacity 6 Mt/yr incl. 100,000 TEU by end-2024');
src('vestikavkaza_titr_2025', 'Middle Corridor results 2024', 'Vestnik Kavkaza', 'en.vestikavkaza.ru/material/176148', 2025, 'About 4.5 Mt and about 55,000 TEU in 2024 (B)');
src('worldbank_mc_2023', 'Middle Trade and Transport Corridor: policies and investments to triple freight volumes and halve travel time by 2030', 'World Bank', 'openknowledge.worldbank.org/handle/10986/40626', 2023, 'Middle Corridor takes three times longer than the Northern route');
src('index1520_dhl_2024', 'Rail freight market review, June 2024 (DHL)', 'Index 1520', 'index1520.com/en/analytics/obzor-rynka-zheleznodorozhnykh-perevozok-iyun-2024/', 2024, 'Transit times: CN-KZ-RU-BY-PL 28-30 d; CN-RU-BY-PL 30-32 d; Middle (Trans-Caspian) 50-55 d');
src('railjournal_cre_2021', 'China-Europe Railway Express 2021', 'International Railway Journal (China Railway data)', 'railjournal.com', 2022, 'About 15,000 trains / 1.46 M TEU in 2021 (full year, estimate)');
src('cgtn_cre_2024', 'China-Europe freight trains hit record 19,000 trips in 2024', 'CGTN via amigonews.net', 'amigonews.net/video/20250106-china-europe-freight-trains-hit-record-19000-trips-in-2024', 2025, 'Over 2 million TEU in 2024, +9% y/y (B)');
src('jiffa_cts_2023', 'Container exports from Asia to Europe 2023 (JMC from Container Trades Statistics)', 'Japan International Freight Forwarders Association', 'jiffa.or.jp/en/news/entry-8744.html', 2024, 'Asia to Europe 16.58 M TEU (2023); from China (incl. Hong Kong) 12.5 M TEU');
src('rodrigue_routing', 'Routing options between Shanghai, Rotterdam and New York', 'The Geography of Transport Systems / Port Economics (J.-P. Rodrigue)', 'porteconomicsmanagement.org/pemp/contents/part1/interoceanic-passages/routing-options-shanghai-rotterdam', 2024, 'Suez route about 10,600 nm / 27 days at 16 knots without calls; typical service 35 days with 5-10 calls; Cape route adds 7-14 days');
src('iea_eu_gas_2021', 'EU reliance on Russian gas (IEA 10-point plan)', 'IEA via Energy Digital', 'energydigital.com/top10/top-10-ways-eu-can-reduce-reliance-on-russia-natural-gas', 2022, '2021: about 140 bcm by pipeline + about 15 bcm LNG from Russia = 155 bcm, about 45% of EU gas imports');
src('ec_gas_shares_2021', 'REPowerEU analysis: EU gas import shares 2021', 'European Commission via geagency.it', 'geagency.it', 2022, 'Russia 43.5%, Norway 23.6%, Algeria 12.6%, US 6.6% (2021)');
src('kpler_lng_share_2021', 'Europe gas supply mix (Kpler and Eurostat data)', 'Bunker Ports News', 'bunkerportsnews.com/News.aspx?ElementId=93498e3c-a329-403a-bc99-fa171e47e763', 2024, '2021: 41% of EU gas imports by pipeline from Russia, 40% other pipeline, 19% LNG');
src('ec_russian_lng_2023', 'EU Russian LNG imports (European Commission spokesperson)', 'Sputnik', 'sputnikglobe.com/amp/20230831/', 2023, 'Russian LNG 13.5 bcm (2021), 19.3 (2022) (B)');
src('bruegel_gas_2024', 'EU gas imports by supplier 2024 (analysis of Bruegel data)', 'TASS/Sputnik via noticiabrasil.net.br; teleborsa.it', 'noticiabrasil.net.br/amp/20250103/russia-se-torna-o-segundo-maior-exportador-de-gas-para-a-ue-em-2024-mostra-dados-37968369.html', 2025, '2024: total 297.9 bcm; Norway 93.3; Russia 54.45 (of which LNG 21.5); US 51.3; Algeria 32 bcm (B/C: Russian outlets citing Bruegel)');
src('ieefa_lng_2024', 'Europe LNG imports hit 3-year low in 2024 (IEEFA European LNG Tracker)', 'Anadolu Agency', 'aa.com.tr/en/energy/natural-gas/europe-lng-imports-hit-3-year-low-in-2024-report/47582', 2025, 'EU LNG imports 112 bcm in 2024 (-16%)');
src('iea_bcm_energy', 'Billion cubic metres of natural gas (IEA energy content standard)', 'Wikipedia (mirror), citing IEA', 'wikizero.net/wiki/es/Millardo_de_metros_c%C3%BAbicos_de_gas_natural', 2023, '1 bcm of Russian gas = 38.2 PJ = 1.06e10 kWh; Qatari gas 41.4 PJ = 1.15e10 kWh');
src('gem_kcp', 'Kazakhstan-China Pipeline', 'Global Energy Monitor wiki', 'gem.wiki/Kazakhstan-China_Pipeline', 2024, '');
src('editor', 'Corridor dataset editors', 'Corridor', '', 2025, 'Approximate map coordinates and tone scores assigned by the editors; always marked estimated');

// ---------------------------------------------------------------- countries
const EU27: [id: string, name: string][] = [['AUT', 'Austria'], ['BEL', 'Belgium'], ['BGR', 'Bulgaria'], ['HRV', 'Croatia'], ['CYP', 'Cyprus'], ['CZE', 'Czechia'], ['DNK', 'Denmark'], ['EST', 'Estonia'], ['FIN', 'Finland'], ['FRA', 'France'], ['DEU', 'Germany'], ['GRC', 'Greece'], ['HUN', 'Hungary'], ['IRL', 'Ireland'], ['ITA', 'Italy'], ['LVA', 'Latvia'], ['LTU', 'Lithuania'], ['LUX', 'Luxembourg'], ['MLT', 'Malta'], ['NLD', 'Netherlands'], ['POL', 'Poland'], ['PRT', 'Portugal'], ['ROU', 'Romania'], ['SVK', 'Slovakia'], ['SVN', 'Slovenia'], ['ESP', 'Spain'], ['SWE', 'Sweden']];
const OTHERS: [id: string, name: string, region: string][] = [
  ['KAZ', 'Kazakhstan', 'Central Asia'], ['UZB', 'Uzbekistan', 'Central Asia'], ['TKM', 'Turkmenistan', 'Central Asia'], ['KGZ', 'Kyrgyzstan', 'Central Asia'], ['TJK', 'Tajikistan', 'Central Asia'],
  ['RUS', 'Russia', 'Eastern Europe'], ['BLR', 'Belarus', 'Eastern Europe'], ['UKR', 'Ukraine', 'Eastern Europe'],
  ['CHN', 'China', 'East Asia'], ['PRK', 'North Korea', 'East Asia'], ['JPN', 'Japan', 'East Asia'],
  ['AZE', 'Azerbaijan', 'South Caucasus'], ['GEO', 'Georgia', 'South Caucasus'], ['TUR', 'Türkiye', 'Middle East'],
  ['NOR', 'Norway', 'Europe'], ['GBR', 'United Kingdom', 'Europe'],
  ['USA', 'United States', 'North America'], ['CAN', 'Canada', 'North America'], ['MEX', 'Mexico', 'North America'],
  ['LBY', 'Libya', 'North Africa'], ['DZA', 'Algeria', 'North Africa'], ['EGY', 'Egypt', 'North Africa'],
  ['SAU', 'Saudi Arabia', 'Middle East'], ['OMN', 'Oman', 'Middle East'], ['IRQ', 'Iraq', 'Middle East'], ['QAT', 'Qatar', 'Middle East'], ['YEM', 'Yemen', 'Middle East'],
  ['NGA', 'Nigeria', 'Sub-Saharan Africa'], ['NER', 'Niger', 'Sub-Saharan Africa'], ['NAM', 'Namibia', 'Sub-Saharan Africa'], ['ZAF', 'South Africa', 'Sub-Saharan Africa'], ['AGO', 'Angola', 'Sub-Saharan Africa'], ['COD', 'DR Congo', 'Sub-Saharan Africa'], ['ZMB', 'Zambia', 'Sub-Saharan Africa'], ['GAB', 'Gabon', 'Sub-Saharan Africa'], ['GHA', 'Ghana', 'Sub-Saharan Africa'],
  ['BRA', 'Brazil', 'South America'], ['CHL', 'Chile', 'South America'], ['PER', 'Peru', 'South America'], ['BOL', 'Bolivia', 'South America'],
  ['AUS', 'Australia', 'Oceania'],
  ['VNM', 'Vietnam', 'South-East Asia'], ['MMR', 'Myanmar', 'South-East Asia'], ['THA', 'Thailand', 'South-East Asia'], ['IDN', 'Indonesia', 'South-East Asia'], ['MYS', 'Malaysia', 'South-East Asia'],
  ['IND', 'India', 'South Asia'],
  ['MDG', 'Madagascar', 'Sub-Saharan Africa'], ['MOZ', 'Mozambique', 'Sub-Saharan Africa'], ['KOR', 'South Korea', 'East Asia'],
];
for (const [c, n] of EU27) {
  add('countries.csv', { id: c, name: n, kind: 'country', region: 'EU' });
}
for (const [c, n, reg] of OTHERS) {
  add('countries.csv', { id: c, name: n, kind: 'country', region: reg });
}
add('countries.csv', { id: 'OTHER', name: 'Other (remainder not broken down by the source)', kind: 'aggregate', region: '' });
add('countries.csv', { id: 'WLD', name: 'World', kind: 'aggregate', region: '' });
add('blocs.csv', { id: 'EU27', name: 'European Union (27 member states)' });
for (const [c] of EU27) {
  add('bloc_members.csv', { bloc: 'EU27', country: c });
}

// ---------------------------------------------------------------- governance
// The World Bank's names where they differ from countries.csv.
const WGI_NAMES: Record<string, string> = { CZE: 'Czech Republic', SVK: 'Slovak Republic', KGZ: 'Kyrgyz Republic', RUS: 'Russian Federation', PRK: 'Korea, Dem. Rep.', EGY: 'Egypt, Arab Rep.', YEM: 'Yemen, Rep.', COD: 'Congo, Dem. Rep.', TUR: 'Türkiye', USA: 'United States', GBR: 'United Kingdom', KOR: 'Korea, Rep.' };

/** Normalised (0-1) WGI mean by World Bank country name, from data/wgi/. */
function readWgi(file: string): Map<string, number> {
  const { table, problems } = parseCsv(readFileSync(file, 'utf8'));
  if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  return new Map(table.rows.map((row) => [row[0], Number(row[1])]));
}
const wgi = readWgi(WGI_FILE);
const names = new Map<string, string>([...EU27, ...OTHERS.map(([c, n]): [string, string] => [c, n])]);
const missing: string[] = [];
for (const [cid, nm] of names) {
  const normalised = wgi.get(WGI_NAMES[cid] ?? nm);
  if (normalised === undefined) {
    missing.push(cid);
    continue;
  }
  const v = normalised * 5 - 2.5;
  add('governance.csv', { country: cid, indicator: 'wgi_mean', year: 2022, value: r(v, 4), source: 'wgi2023', estimated: 'true',
    note: `normalised ${fixed(normalised, 4)} in the source file; value = normalised*5 - 2.5` });
}
console.log('WGI missing:', missing);

// ---------------------------------------------------------------- commodities
add('commodities.csv', { id: 'crude_oil', name: 'Crude oil (incl. condensate)', group: 'energy', unit: 'Mt/yr', allowed_units: 'Mt/yr;kb/d;mb/d;Mtoe', barrels_per_tonne: '7.3', twh_per_bcm: '', toe_per_tonne: '1.03', fungible: 'true', source: 'unstats_conversion;connaissance_fr_crude', estimated: 'true', note: 'barrels_per_tonne 7.3 = UN world-average crude factor 7.32 bbl/t, rounded; Reuters uses 7.5 for Kazakh crude and the light CPC Blend gives somewhat more barrels per tonne. toe_per_tonne 1.03 = 41.1 Mtoe / 40 Mt (French crude imports 2022, Connaissance des Energies)' });
add('commodities.csv', { id: 'pipeline_gas', name: 'Natural gas by pipeline', group: 'energy', unit: 'bcm/yr', allowed_units: 'bcm/yr;TWh/yr', barrels_per_tonne: '', twh_per_bcm: '10.6', toe_per_tonne: '', fungible: 'false', source: 'iea_bcm_energy', estimated: 'false', note: 'IEA standard: 1 bcm of Russian gas = 38.2 PJ = 10.6 TWh (Qatari gas 11.5 TWh/bcm). Not fungible: fixed infrastructure' });
add('commodities.csv', { id: 'lng', name: 'Liquefied natural gas (as regasified gas)', group: 'energy', unit: 'bcm/yr', allowed_units: 'bcm/yr;TWh/yr', barrels_per_tonne: '', twh_per_bcm: '10.6', toe_per_tonne: '', fungible: 'true', source: 'iea_bcm_energy', estimated: 'false', note: 'Same energy factor as pipeline gas (IEA, 38.2 PJ/bcm). Fungible: traded on a world market' });
add('commodities.csv', { id: 'uranium', name: 'Natural uranium', group: 'energy', unit: 'tU/yr', allowed_units: 'tU/yr;ktU/yr', fungible: 'false', source: 'wna_mining_2023', estimated: 'false', note: 'Tonnes of uranium content' });
add('commodities.csv', { id: 'chromium', name: 'Chromite ore (marketable, gross weight)', group: 'mineral', unit: 'Mt/yr', allowed_units: 'Mt/yr;kt/yr;t/yr', fungible: 'false', source: 'usgs_chromium_2025', estimated: 'false', note: 'USGS reports marketable chromite ore, gross weight' });
add('commodities.csv', { id: 'titanium_sponge', name: 'Titanium sponge metal', group: 'mineral', unit: 't/yr', allowed_units: 't/yr;kt/yr', fungible: 'false', source: 'argus_tisponge_2025', estimated: 'false', note: 'Processing stage product; matches "titanium metal" of the CRM Act' });
add('commodities.csv', { id: 'tungsten', name: 'Tungsten (W content of concentrates)', group: 'mineral', unit: 't/yr', allowed_units: 't/yr;kt/yr', fungible: 'false', source: 'inn_tungsten_2024', estimated: 'false', note: 'USGS mine production, tungsten content' });
add('commodities.csv', { id: 'beryllium', name: 'Beryllium (Be content)', group: 'mineral', unit: 't/yr', allowed_units: 't/yr', fungible: 'false', source: 'critmat_eu2023', estimated: 'false', note: 'Declared for the CRM lists; no sourced production figures in this dataset' });
add('commodities.csv', { id: 'rare_earths', name: 'Rare earths (rare-earth oxide equivalent)', group: 'mineral', unit: 't/yr', allowed_units: 't/yr;kt/yr', fungible: 'false', source: 'usgs_ree_2024', estimated: 'false', note: 'USGS mine production, t REO' });
add('commodities.csv', { id: 'copper', name: 'Copper (mine production, Cu content)', group: 'mineral', unit: 'Mt/yr', allowed_units: 'Mt/yr;kt/yr;t/yr', fungible: 'false', source: 'usgs_copper_2024', estimated: 'false', note: '' });
add('commodities.csv', { id: 'manganese', name: 'Manganese (mine production, Mn content)', group: 'mineral', unit: 't/yr', allowed_units: 't/yr;kt/yr;Mt/yr', fungible: 'false', source: 'usgs_manganese_2016', estimated: 'false', note: '' });
add('commodities.csv', { id: 'containers', name: 'Containerised freight', group: 'freight', unit: 'TEU/yr', allowed_units: 'TEU/yr;kTEU/yr', fungible: 'false', source: 'jiffa_cts_2023', estimated: 'false', note: 'Twenty-foot equivalent units' });

// ---------------------------------------------------------------- helpers
interface FigureOptions { est?: boolean; note?: string }
const estimated = (est: boolean | undefined) => (est ? 'true' : 'false');
function prod(year: number, com: string, country: string, vol: number, unit: string, source: string,
  { est, note = '', stage = 'extraction', operator = '' }: FigureOptions & { stage?: string; operator?: string } = {}): void {
  add('production.csv', { year, commodity: com, country, stage, operator, volume: vol, unit, source, estimated: estimated(est), note });
}
function flow(year: number, com: string, exp: string, imp: string, vol: number, unit: string, source: string,
  { est, note = '', route = '' }: FigureOptions & { route?: string } = {}): void {
  add('flows.csv', { year, commodity: com, exporter: exp, importer: imp, route, volume: vol, unit, source, estimated: estimated(est), note });
}
function demand(year: number, com: string, country: string, vol: number, unit: string, source: string,
  { est, note = '', kind = 'imports' }: FigureOptions & { kind?: string } = {}): void {
  add('demand.csv', { year, commodity: com, country, kind, volume: vol, unit, source, estimated: estimated(est), note });
}

// ---------------------------------------------------------------- crude oil: production
prod(2022, 'crude_oil', 'KAZ', 84.2, 'Mt/yr', 'astanatimes_oil_2022', { note: 'Oil and gas condensate' });
prod(2022, 'crude_oil', 'KAZ', 29.2, 'Mt/yr', 'astanatimes_oil_2022', { operator: 'Tengizchevroil (Tengiz)' });
prod(2022, 'crude_oil', 'KAZ', 12.7, 'Mt/yr', 'astanatimes_oil_2022', { operator: 'NCOC (Kashagan)' });
prod(2022, 'crude_oil', 'KAZ', 11.3, 'Mt/yr', 'astanatimes_oil_2022', { operator: 'KPO (Karachaganak)' });
prod(2023, 'crude_oil', 'KAZ', 90.0, 'Mt/yr', 'trend_kz_oil_2023', { note: 'Actual 2023 outturn (+6.9% y/y); the plan was 90.5 Mt' });
prod(2024, 'crude_oil', 'KAZ', 87.56, 'Mt/yr', 'reuters_kz_oil_2024', { note: '2025 plan 96.2 Mt after the Tengiz FGP start' });

// ---------------------------------------------------------------- crude oil: EU27 imports by supplier
// 2022 (Eurostat via Aenert)
const eu22: [string, number][] = [['RUS', 88.4], ['NOR', 54.1], ['USA', 48.3], ['IRQ', 37.2]];
const kz22 = 36.6;
const tot22 = 479.6;
for (const [c, v] of eu22) {
  flow(2022, 'crude_oil', c, 'EU27', v, 'Mt/yr', 'eurostat_oil_2022', { note: 'Eurostat crude imports 2022' + (c === 'RUS' ? '; seaborne Russian crude embargoed from 5 Dec 2022' : '') });
}
flow(2022, 'crude_oil', 'KAZ', 'EU27', kz22, 'Mt/yr', 'eurostat_oil_2022;reuters_cpc_2022', { est: true, route: 'cpc',
      note: 'EU imports from Kazakhstan 36.6 Mt (Eurostat) attributed to the CPC route: CPC carried 52.2 Mt of Kazakh crude in 2022 and the routes bypassing Russia only 1.91 Mt, so a small part may have come via BTC/Batumi' });
const o22 = tot22 - sum(eu22.map(([, v]) => v)) - kz22;
flow(2022, 'crude_oil', 'OTHER', 'EU27', o22, 'Mt/yr', 'eurostat_oil_2022', { est: true, note: `Remainder: total 479.6 - (88.4+54.1+48.3+37.2+36.6) = ${fixed(o22, 1)} Mt; includes Libya, Saudi Arabia, Nigeria, UK and others` });
demand(2022, 'crude_oil', 'EU27', tot22, 'Mt/yr', 'eurostat_oil_2022', { note: 'EU crude imports 2022 (Eurostat)' });
// 2023
const us23 = 67.2;
const no23 = 54.1 + 11.5;
const kz23 = 36.6 + 8.4;
const ru23 = 88.4 - 74.1;
const tot23 = 471.5;
flow(2023, 'crude_oil', 'USA', 'EU27', us23, 'Mt/yr', 'eurostat_oil_2023', { note: 'Eurostat crude imports 2023' });
flow(2023, 'crude_oil', 'NOR', 'EU27', no23, 'Mt/yr', 'eurostat_oil_2022;eurostat_oil_2023', { est: true, note: '54.1 Mt (2022) + 11.5 Mt change 2022->2023 (Eurostat) = 65.6 Mt' });
flow(2023, 'crude_oil', 'RUS', 'EU27', ru23, 'Mt/yr', 'eurostat_oil_2022;eurostat_oil_2023', { est: true, note: '88.4 Mt (2022) - 74.1 Mt change 2022->2023 (Eurostat) = 14.3 Mt; mostly Druzhba pipeline deliveries, exempt from the embargo' });
const kz23Druzhba = 0.993;
const kz23CpcEu = kz23 - kz23Druzhba;
flow(2023, 'crude_oil', 'KAZ', 'EU27', kz23Druzhba, 'Mt/yr', 'tass_druzhba_2024', { route: 'druzhba_schwedt', note: 'Kazakh crude to PCK Schwedt (Germany) via Atyrau-Samara and Druzhba' });
flow(2023, 'crude_oil', 'KAZ', 'EU27', kz23CpcEu, 'Mt/yr', 'eurostat_oil_2022;eurostat_oil_2023;tass_druzhba_2024', { est: true, route: 'cpc',
      note: `EU imports from Kazakhstan 36.6 + 8.4 = 45.0 Mt (Eurostat) minus 0.993 Mt via Druzhba = ${fixed(kz23CpcEu, 3)} Mt, attributed to CPC (the buyers of the 1.392 Mt shipped via BTC are not known)` });
const o23 = tot23 - us23 - no23 - ru23 - kz23;
flow(2023, 'crude_oil', 'OTHER', 'EU27', o23, 'Mt/yr', 'eurostat_oil_2023', { est: true, note: `Remainder: 471.5 - (67.2+65.6+14.3+45.0) = ${fixed(o23, 1)} Mt; Iraq, Libya, Saudi Arabia, Nigeria, Brazil, UK and others not broken down` });
demand(2023, 'crude_oil', 'EU27', tot23, 'Mt/yr', 'eurostat_oil_2023', { note: 'EU crude imports 2023 (Eurostat)' });
// 2024 (mb/d, Econovis via Kazinform)
const eu24: [string, number][] = [['USA', 1.40], ['NOR', 1.10], ['KAZ', 1.05], ['LBY', 0.67], ['SAU', 0.66], ['IRQ', 0.57], ['NGA', 0.54], ['BRA', 0.45], ['GBR', 0.41]];
for (const [c, v] of eu24) {
  let n = 'EU crude imports 2024 (Econovis aggregator, B)';
  if (c === 'USA') {
    n += '; Eurostat gives the US 16.1% of petroleum-oil imports vs 15.4% here';
  }
  if (c === 'NOR') {
    n += '; Eurostat: 13.5%';
  }
  if (c === 'KAZ') {
    // No route split is published for 2024: put the Druzhba quota on its route and the rest on the CPC,
    // the way 2023 is split (the CPC carries about 80% of Kazakh exports).
    const kz24 = v * 1e6 * 365 / 7.3 / 1e6;
    flow(2024, 'crude_oil', 'KAZ', 'EU27', 1.2, 'Mt/yr', 'tass_druzhba_2024;interfax_druzhba_2024', { est: true, route: 'druzhba_schwedt',
        note: 'Druzhba quota to PCK Schwedt for 2024 (1.2 Mt), assumed delivered in full' });
    flow(2024, 'crude_oil', 'KAZ', 'EU27', roundTo(kz24 - 1.2, 3), 'Mt/yr', 'econovis_eu_crude_2024;eurostat_energy_imports_2024;tass_druzhba_2024;reuters_kz_bypass_2024', { est: true, route: 'cpc',
        note: `EU imports from Kazakhstan 1.05 mb/d x 365 / 7.3 bbl/t = ${fixed(kz24, 1)} Mt (Econovis; Eurostat share 11.5%) minus 1.2 Mt via Druzhba = ${fixed(kz24 - 1.2, 1)} Mt, attributed to the CPC as in 2023 (route split not published for 2024)` });
    continue;
  }
  flow(2024, 'crude_oil', c, 'EU27', v, 'mb/d', 'econovis_eu_crude_2024' + (['USA', 'NOR', 'KAZ'].includes(c) ? ';eurostat_energy_imports_2024' : ''), { note: n });
}
const o24 = 9.1 - sum(eu24.map(([, v]) => v));
flow(2024, 'crude_oil', 'OTHER', 'EU27', o24, 'mb/d', 'econovis_eu_crude_2024', { est: true, note: `Remainder: 9.1 - 6.85 = ${fixed(o24, 2)} mb/d; includes Russia (about 1% of EU petroleum-oil imports in Q2 2024), Algeria, Azerbaijan and others` });
demand(2024, 'crude_oil', 'EU27', 9.1, 'mb/d', 'econovis_eu_crude_2024', { note: 'EU crude imports 2024; Eurostat: petroleum-oil import volume -2.4% vs 2023' });

// ---------------------------------------------------------------- crude oil: France
const fr22: [string, number][] = [['USA', 6.2], ['KAZ', 5.7], ['NGA', 4.2], ['DZA', 3.7], ['RUS', 2.2]];
for (const [c, v] of fr22) {
  flow(2022, 'crude_oil', c, 'FRA', v, 'Mtoe', 'actuenergie_fr;connaissance_fr_crude', { note: 'French crude imports 2022 by origin (Ministry of Energy Transition)' });
}
const ago = 0.045 * 41.1;
flow(2022, 'crude_oil', 'AGO', 'FRA', ago, 'Mtoe', 'connaissance_fr_crude', { est: true, note: `4.5% x 41.1 Mtoe = ${fixed(ago, 2)} Mtoe` });
const ofr = 41.1 - sum(fr22.map(([, v]) => v)) - ago;
flow(2022, 'crude_oil', 'OTHER', 'FRA', ofr, 'Mtoe', 'connaissance_fr_crude', { est: true, note: `Remainder: 41.1 - (6.2+5.7+4.2+3.7+2.2+${fixed(ago, 2)}) = ${fixed(ofr, 2)} Mtoe; includes Norway, Saudi Arabia, Libya, Iraq and others` });
demand(2022, 'crude_oil', 'FRA', 41.1, 'Mtoe', 'connaissance_fr_crude', { note: 'About 40 Mt' });
const fr20: [string, number][] = [['KAZ', 15.6], ['USA', 12.7], ['SAU', 11.8], ['NOR', 10.7], ['DZA', 10.3], ['NGA', 9.6], ['RUS', 8.7]];
for (const [c, s] of fr20) {
  flow(2020, 'crude_oil', c, 'FRA', s / 100 * 33.9, 'Mtoe', 'connaissance_fr_crude', { est: true, note: `${s}% x 33.9 Mtoe (2020)` });
}
const o20 = 100 - sum(fr20.map(([, s]) => s));
flow(2020, 'crude_oil', 'OTHER', 'FRA', o20 / 100 * 33.9, 'Mtoe', 'connaissance_fr_crude', { est: true, note: `Remainder ${fixed(o20, 1)}% x 33.9 Mtoe` });
demand(2020, 'crude_oil', 'FRA', 33.9, 'Mtoe', 'connaissance_fr_crude', { note: 'French crude imports 2020' });

// ---------------------------------------------------------------- crude oil: Kazakhstan exports by route (2022, 2023)
// 2022
const cpc22 = 52.2;
flow(2022, 'crude_oil', 'KAZ', 'OTHER', cpc22 - kz22, 'Mt/yr', 'reuters_cpc_2022;eurostat_oil_2022', { est: true, route: 'cpc', note: `Kazakh crude via CPC 52.2 Mt minus 36.6 Mt attributed to the EU = ${fixed(cpc22 - kz22, 1)} Mt to other buyers (not identified)` });
flow(2022, 'crude_oil', 'KAZ', 'OTHER', 11.0, 'Mt/yr', 'inform_smailov_2022', { route: 'atyrau_samara', note: 'About 11 Mt into the Transneft system (rounded figure, B); buyers not identified' });
const rem22 = 64.3 - cpc22 - 11.0;
flow(2022, 'crude_oil', 'KAZ', 'OTHER', rem22, 'Mt/yr', 'trend_kz_exports_2022;reuters_cpc_2022;inform_smailov_2022', { est: true, note: `Remainder of exports: 64.3 - 52.2 - 11.0 = ${fixed(rem22, 1)} Mt (Aktau, rail, China). Sources do not reconcile exactly: routes bypassing Russia carried 1.91 Mt` });
// 2023
flow(2023, 'crude_oil', 'KAZ', 'OTHER', 9.2 - kz23Druzhba, 'Mt/yr', 'newscentralasia_2024;tass_druzhba_2024', { est: true, route: 'atyrau_samara', note: 'Atyrau-Samara load 9.2 Mt minus 0.993 Mt continuing to Germany = 8.207 Mt into the Transneft system; buyers not identified' });
flow(2023, 'crude_oil', 'KAZ', 'OTHER', 1.392, 'Mt/yr', 'kaztransoil_aktau_2023', { route: 'aktau_btc', note: 'Loaded at Aktau towards Baku/BTC (1.057 Mt from Tengiz); buyers at Ceyhan not identified' });
flow(2023, 'crude_oil', 'KAZ', 'OTHER', 1.984, 'Mt/yr', 'kaztransoil_aktau_2023', { route: 'aktau_makhachkala', note: 'Loaded at Aktau for Makhachkala (Russia)' });
flow(2023, 'crude_oil', 'KAZ', 'CHN', 1.209, 'Mt/yr', 'kmg_ar2024', { route: 'kcp', note: 'KCP export volume (KMG); Reuters gives 1.2 Mt. Transit of Russian crude (9.979 Mt) on the same pipeline is not a Kazakh export' });
demand(2023, 'crude_oil', 'CHN', 563.99, 'Mt/yr', 'reuters_china_crude_2023', { note: 'China crude imports 2023, a record (General Administration of Customs): 11.28 mb/d. Only the Kazakh and the Russian KCP flows are recorded bilaterally here; the rest comes from the world market' });
flow(2023, 'crude_oil', 'RUS', 'CHN', 9.979, 'Mt/yr', 'kmg_ar2024', { route: 'ton2_kcp', note: 'Transit of Russian crude through Kazakhstan to China on the KCP (KMG; 9.989 Mt per KazTransOil): it fills part of the 20 Mt/yr. Contract 10 Mt/yr to 2034' });
const cpc23Kz = 70.5 - 9.2 - 1.392 - 1.984 - 1.209;
const cpc23Other = cpc23Kz - kz23CpcEu;
flow(2023, 'crude_oil', 'KAZ', 'OTHER', cpc23Other, 'Mt/yr', 'reuters_kz_bypass_2024;newscentralasia_2024;kaztransoil_aktau_2023;kmg_ar2024;eurostat_oil_2023', { est: true, route: 'cpc',
      note: `Kazakh CPC volume estimated as exports 70.5 - 9.2 (Atyrau-Samara) - 3.376 (Aktau) - 1.209 (China) = ${fixed(cpc23Kz, 2)} Mt (about 80% of exports, as reported), minus ${fixed(kz23CpcEu, 3)} Mt attributed to the EU = ${fixed(cpc23Other, 2)} Mt. CPC total throughput was about 61 Mt incl. Russian crude` });

// ---------------------------------------------------------------- crude oil: nodes, assets, routes, legs
function node(id: string, name: string, kind: string, country: string, lat: number, lon: number, source: string, note: string,
  { est = true }: { est?: boolean } = {}): void {
  add('nodes.csv', { id, name, kind, country, lat, lon, source, estimated: estimated(est), note });
}
const APPROX = 'Approximate coordinates (about 0.1 deg) of the well-known place, for drawing only';
const APPROX_B = 'Approximate point on the border crossed by the line (about 0.5 deg), for drawing only';
node('tengiz', 'Tengiz oil field', 'field', 'KAZ', 46.15, 53.38, 'tass_cpc_2026;editor', APPROX);
node('atyrau', 'Atyrau (KazTransOil hub)', 'pumping_station', 'KAZ', 47.11, 51.92, 'kmg_ar2024;editor', APPROX);
node('kaz_rus_cpc_border', 'CPC Kazakhstan-Russia border crossing', 'border_crossing', 'KAZ', 46.6, 49.2, 'tass_cpc_2026;editor', APPROX_B);
node('kropotkinskaya', 'Kropotkinskaya pumping station (CPC)', 'pumping_station', 'RUS', 45.44, 40.57, 'unn_cpc_2025;editor', APPROX);
node('cpc_terminal', 'CPC marine terminal near Novorossiysk', 'terminal', 'RUS', 44.67, 37.64, 'tass_cpc_2026;editor', APPROX);
node('kaz_rus_samara_border', 'Atyrau-Samara line at the Kazakhstan-Russia border', 'border_crossing', 'KAZ', 51.5, 50.8, 'kmg_ar2024;editor', APPROX_B);
node('samara', 'Samara (Transneft junction)', 'pumping_station', 'RUS', 53.2, 50.15, 'kmg_ar2024;editor', APPROX);
node('unecha', 'Unecha (Druzhba junction)', 'pumping_station', 'RUS', 52.85, 32.68, 'tass_druzhba_2024;editor', APPROX);
node('mozyr', 'Mozyr (Druzhba, Belarus)', 'pumping_station', 'BLR', 52.05, 29.25, 'tass_druzhba_2024;editor', APPROX);
node('adamowo', 'Adamowo (Druzhba entry into Poland)', 'border_crossing', 'POL', 52.45, 23.0, 'tass_druzhba_2024;editor', APPROX_B);
node('plock', 'Plock (Druzhba, Poland)', 'pumping_station', 'POL', 52.55, 19.7, 'tass_druzhba_2024;editor', APPROX);
node('schwedt', 'PCK Schwedt refinery', 'refinery', 'DEU', 53.06, 14.28, 'tass_druzhba_2024;editor', APPROX);
node('aktau', 'Aktau sea port', 'port', 'KAZ', 43.65, 51.15, 'wiki_aktau', 'Gazetteer coordinates of the city', { est: false });
node('caspian_kaz_aze', 'Caspian Sea, Kazakh/Azerbaijani sector line on the Aktau-Baku crossing', 'border_crossing', 'KAZ', 42.3, 50.6, 'kaztransoil_aktau_2023;editor', 'Approximate point where the Aktau-Baku crossing leaves Kazakh waters; for drawing only');
node('sangachal', 'Sangachal terminal (BTC head)', 'terminal', 'AZE', 40.18, 49.47, 'bp_btc;editor', APPROX);
node('btc_aze_geo', 'BTC at the Azerbaijan-Georgia border', 'border_crossing', 'AZE', 41.3, 45.1, 'bp_btc;editor', APPROX_B);
node('btc_geo_tur', 'BTC at the Georgia-Türkiye border', 'border_crossing', 'GEO', 41.55, 42.8, 'bp_btc;editor', APPROX_B);
node('ceyhan', 'Ceyhan marine terminal', 'terminal', 'TUR', 36.88, 35.93, 'bp_btc;editor', APPROX);
node('caspian_kaz_rus', 'Caspian Sea, Kazakh/Russian sector line on the Aktau-Makhachkala crossing', 'border_crossing', 'KAZ', 43.4, 49.6, 'kaztransoil_aktau_2023;editor', 'Approximate point where the crossing leaves Kazakh waters; for drawing only');
node('makhachkala', 'Makhachkala sea port', 'port', 'RUS', 42.98, 47.5, 'kaztransoil_aktau_2023;editor', APPROX);
node('atasu', 'Atasu pumping station', 'pumping_station', 'KAZ', 48.7, 71.6, 'newscentralasia_2024;editor', 'Approximate location (about 0.5 deg), for drawing only');
node('dostyk', 'Dostyk (Kazakhstan-China border)', 'border_crossing', 'KAZ', 45.25, 82.48, 'newscentralasia_2024;editor', APPROX);
node('alashankou', 'Alashankou', 'border_crossing', 'CHN', 45.17, 82.57, 'newscentralasia_2024;editor', APPROX);
node('omsk', 'Omsk (Transneft, head of TON-2)', 'pumping_station', 'RUS', 54.98, 73.37, 'kursiv_kcp_transit_2024;editor', APPROX);
node('rus_kaz_ton2_border', 'TON-2 at the Russia-Kazakhstan border (towards Pavlodar)', 'border_crossing', 'RUS', 53.9, 75.0, 'kursiv_kcp_transit_2024;editor', APPROX_B);

function asset(id: string, name: string, kind: string, com: string, cap: number, unit: string, year: number, operator: string,
  source: string, note: string, { est = false }: { est?: boolean } = {}): void {
  add('assets.csv', { id, name, kind, commodity: com, capacity: cap, unit, year, operator, source, estimated: estimated(est), note });
}
asset('aktau_oil_berths', 'Aktau port oil berths (nos. 4, 5, 8)', 'port', 'crude_oil', 7.5, 'Mt/yr', 2023, 'Aktau Sea Commercial Port (KTZ)', 'seanews_aktau_2023;portnews_aktau_2023', 'Shared by the Aktau-Baku-BTC and Aktau-Makhachkala routes. KMG gives an oil-loading capacity of 5.2 Mt/yr; 12.5 Mt/yr planned after rebuilding berths 9-10');
// BTC is mostly filled with Azerbaijani crude, which is not in flows.csv: only what it leaves free limits Kazakh oil.
const btcSocar = 50;
const btcAze23 = 18.844 * 12 / 9;
asset('kcp_atasu_alashankou', 'Atasu-Alashankou pipeline (KCP)', 'pipeline', 'crude_oil', 20, 'Mt/yr', 2024, 'Kazakhstan-China Pipeline LLP', 'kmg_ar2024;newscentralasia_2024',
  'Shared by Kazakh exports (route kcp) and the transit of Russian crude (route ton2_kcp)');
asset('cpc_kazakh_section', 'CPC pipeline, Kazakh section (Tengiz to the Russian border)', 'pipeline', 'crude_oil', 72.5, 'Mt/yr', 2025, 'Caspian Pipeline Consortium', 'gov_kz_cpc_2025;tass_cpc_2026',
  'Capacity of the Kazakh section after debottlenecking (Government of Kazakhstan, 2025): 72.5 of the 81.5 Mt/yr total; the rest carries Russian crude (not in flows.csv) injected in Russia (about 6.5 Mt in 2022, 58.7 - 52.2)');
asset('btc_pipeline', 'Baku-Tbilisi-Ceyhan pipeline, capacity left to transit oil', 'pipeline', 'crude_oil', roundTo(btcSocar - btcAze23, 1), 'Mt/yr', 2023, 'BTC Co.: SOCAR 32.96%, BP 30.1%, MOL 8.9%, TPAO 6.53%, Eni 5%, TotalEnergies 5%, Itochu 3.4%, ONGC 3.11%, ExxonMobil 2.5%, Inpex 2.5%', 'bp_btc;socar_midstream;azstat_btc_2023;reuters_btc_owners_2024', `SOCAR capacity 50 Mt/yr minus Azerbaijani crude ${fixed(btcAze23, 1)} Mt/yr (18.844 Mt in Jan-Sep 2023 x 12/9, State Statistics Committee) = ${fixed(btcSocar - btcAze23, 1)} Mt/yr left to transit oil; bp gives 1.2 mb/d (60 Mt/yr), SOCAR says 15 Mt/yr are available for transit oil`, { est: true });
asset('atyrau_samara_pipeline', 'Uzen-Atyrau-Samara pipeline (Kazakh section)', 'pipeline', 'crude_oil', 17.5, 'Mt/yr', 2024, 'KazTransOil', 'kmg_ar2024', 'Shared by the Atyrau-Samara route and the Druzhba route to Schwedt; also quoted as 17 Mt/yr');

/** A leg: from, to, country, mode, asset, length in km, note ('' = the route's leg note). */
type Leg = [from: string, to: string, country: string, mode: string, asset: string, km: number | '', note: string];
function route(id: string, name: string, com: string, mode: string, frm: string, to: string, cap: number | '', unit: string, year: number,
  days: number | '', operator: string, source: string, note: string,
  { est = false, status = 'operating', cost = '', costUnit = '' }: { est?: boolean; status?: string; cost?: number | ''; costUnit?: string } = {}): void {
  add('routes.csv', { id, name, commodity: com, mode, from: frm, to, capacity: cap, unit, year, transit_days: days, cost, cost_unit: costUnit, operator, status, source, estimated: estimated(est), note });
}
function legs(rid: string, seq: Leg[], source: string, note = ''): void {
  seq.forEach(([a, b, c, mode, asset, km, n], i) => {
    add('legs.csv', { route: rid, sequence: i + 1, from: a, to: b, country: c, mode, asset, length_km: km, source, estimated: 'false', note: n || note });
  });
}
route('cpc', 'CPC pipeline Tengiz-Novorossiysk', 'crude_oil', 'pipeline', 'tengiz', 'cpc_terminal', 81.5, 'Mt/yr', 2024, '', 'Caspian Pipeline Consortium: Transneft 24% + CPC Co 7%, KMG 20.75%, Chevron 15%, Lukoil 12.5%, Mobil 7.5%, Rosneft-Shell 7.5% and others', 'kmg_ar2024;tass_cpc_2026;reuters_cpc_2022',
      'Capacity 81.5 Mt/yr (KMG, 2024) incl. Russian crude; Kazakh oil is limited by the Kazakh section (72.5 Mt/yr, shared asset cpc_kazakh_section). 67 Mt/yr design after 2018. Length 1,511 km. Throughput 58.7 (2022), 63.47 (2023, CPC), 63.01 (2024), 70.52 Mt (2025). Cost: the CPC tariff for Kazakh shippers, 38 USD/t Tengiz-Novorossiysk (CPC General Director, about 2017; no later figure found; C). Ends at a sea terminal: sea lanes carry it to importers',
      { cost: 38, costUnit: 'USD/t' });
legs('cpc', [['tengiz', 'kaz_rus_cpc_border', 'KAZ', '', 'cpc_kazakh_section', '', ''], ['kaz_rus_cpc_border', 'kropotkinskaya', 'RUS', '', '', '', ''], ['kropotkinskaya', 'cpc_terminal', 'RUS', '', '', '', '']], 'tass_cpc_2026;unn_cpc_2025', 'Total length 1,511 km; the split by leg is not sourced');
route('atyrau_samara', 'Atyrau-Samara pipeline into the Transneft system', 'crude_oil', 'pipeline', 'atyrau', 'samara', 17.5, 'Mt/yr', 2024, '', 'KazTransOil; Transneft beyond the border', 'kmg_ar2024;newscentralasia_2024', 'Load 9.2 Mt (2023), about 11 Mt (2022). Beyond Samara the crude is exported via Transneft ports (Ust-Luga, Primorsk, Novorossiysk) as part of Russian blends. No cost: KazTransOil export tariffs are not published and the leg lengths for the Transneft rate are not sourced (free in the model)');
legs('atyrau_samara', [['atyrau', 'kaz_rus_samara_border', 'KAZ', '', 'atyrau_samara_pipeline', '', ''], ['kaz_rus_samara_border', 'samara', 'RUS', '', '', '', '']], 'kmg_ar2024');
route('druzhba_schwedt', 'Atyrau-Samara and Druzhba to PCK Schwedt (Germany)', 'crude_oil', 'pipeline', 'atyrau', 'schwedt', 1.2, 'Mt/yr', 2024, '', 'KazTransOil, Transneft, Gomeltransneft Druzhba, PERN', 'tass_druzhba_2024;interfax_druzhba_2024',
      'Capacity here is the agreed transit quota for Kazakh crude (1.2 Mt in 2024 and 2025), not the pipeline capacity; 0.993 Mt delivered in 2023; about 10 Mt/yr of Kazakh transit via Druzhba planned in total (2025). No cost: the Transneft and Druzhba tariffs by leg are not sourced (free in the model)');
legs('druzhba_schwedt', [['atyrau', 'kaz_rus_samara_border', 'KAZ', '', 'atyrau_samara_pipeline', '', ''], ['kaz_rus_samara_border', 'samara', 'RUS', '', '', '', ''], ['samara', 'unecha', 'RUS', '', '', '', ''], ['unecha', 'mozyr', 'RUS', '', '', '', 'Unecha to the Belarus border, then Mozyr'], ['mozyr', 'adamowo', 'BLR', '', '', '', ''], ['adamowo', 'plock', 'POL', '', '', '', ''], ['plock', 'schwedt', 'POL', '', '', '', 'Polish section of Druzhba; the last kilometres are in Germany']], 'tass_druzhba_2024');
route('aktau_btc', 'Aktau tankers to Baku (Sangachal), then BTC to Ceyhan', 'crude_oil', 'multimodal', 'aktau', 'ceyhan', '', 'Mt/yr', 2024, '', 'KazMorTransFlot/ASCO tankers; SOCAR; BTC Co.', 'kaztransoil_aktau_2023;reuters_btc_2025;bp_btc;trend_socar_kmg_2024',
      'No route capacity of its own: limited by the Aktau oil berths and BTC (shared assets) and by the SOCAR-KMG transit agreements (1.5 Mt/yr, 2.2 Mt/yr from 2024). Volumes 1.392 Mt (2023), about 1.7 Mt (2024). Cost: the BTC tariff 24 USD/t (Egemen Qazaqstan; C) only: the Caspian tanker freight Aktau-Baku and the Tengiz-Aktau haul are not found, so the route is cheaper here than it is. Ends at a sea terminal',
      { est: true, cost: 24, costUnit: 'USD/t' });
legs('aktau_btc', [['aktau', 'caspian_kaz_aze', 'KAZ', 'sea', 'aktau_oil_berths', '', 'Loading at Aktau, crossing of Kazakh waters'], ['caspian_kaz_aze', 'sangachal', 'AZE', 'sea', '', '', 'Azerbaijani waters to the Sangachal terminal'], ['sangachal', 'btc_aze_geo', 'AZE', 'pipeline', 'btc_pipeline', 443, 'BTC Azerbaijani section'], ['btc_aze_geo', 'btc_geo_tur', 'GEO', 'pipeline', 'btc_pipeline', 249, 'BTC Georgian section'], ['btc_geo_tur', 'ceyhan', 'TUR', 'pipeline', 'btc_pipeline', 1076, 'BTC Turkish section']], 'kaztransoil_aktau_2023;bp_btc');
route('aktau_makhachkala', 'Aktau tankers to Makhachkala (Russia)', 'crude_oil', 'sea', 'aktau', 'makhachkala', '', 'Mt/yr', 2023, '', 'KazMorTransFlot; Transneft beyond Makhachkala', 'kaztransoil_aktau_2023;rosinvest_fst_2005', 'Limited by the shared Aktau oil berths; 1.984 Mt in 2023. Beyond Makhachkala the crude enters the Transneft system to Novorossiysk. Cost: the Transneft transit tariff Makhachkala-Novorossiysk 7.06 USD/t (2005, the latest found; C); the Caspian tanker freight is not found',
  { est: true, cost: 7.06, costUnit: 'USD/t' });
legs('aktau_makhachkala', [['aktau', 'caspian_kaz_rus', 'KAZ', '', 'aktau_oil_berths', '', 'Loading at Aktau, Kazakh waters'], ['caspian_kaz_rus', 'makhachkala', 'RUS', '', '', '', 'Russian waters']], 'kaztransoil_aktau_2023');
route('kcp', 'Kazakhstan-China pipeline (Atasu-Alashankou)', 'crude_oil', 'pipeline', 'atasu', 'alashankou', 10, 'Mt/yr', 2024, '', 'Kazakhstan-China Pipeline LLP (KazTransOil 50%, CNODC 50%)', 'kmg_ar2024;newscentralasia_2024;gem_kcp;kursiv_kcp_transit_2024',
      'Capacity for Kazakh shippers: the 20 Mt/yr pipeline (asset kcp_atasu_alashankou) less the 10 Mt/yr contracted for Russian transit to 1 Jan 2034 (route ton2_kcp); the Kenkiyak-Kumkol feed may limit it further (not sourced). Load 11.2 Mt (2023): KCP volumes 18.806 Mt on the whole system incl. 9.979 Mt transit of Russian crude (in flows.csv, RUS to CHN) and 1.209 Mt Kazakh export. GEM: 400,000 b/d, 2,228 km. No cost: the KazTransOil export tariff is not published (Russian transit pays 15 USD/t through Kazakhstan, a transit rate, not a cost of Kazakh oil; free in the model)',
      { est: true });
legs('kcp', [['atasu', 'dostyk', 'KAZ', '', 'kcp_atasu_alashankou', '', ''], ['dostyk', 'alashankou', 'CHN', '', '', '', 'Border crossing into China']], 'newscentralasia_2024');
route('ton2_kcp', 'Russian crude to China through Kazakhstan (TON-2, then Atasu-Alashankou)', 'crude_oil', 'pipeline', 'omsk', 'alashankou', 10, 'Mt/yr', 2024, '', 'Transneft; KazTransOil; Kazakhstan-China Pipeline LLP', 'kursiv_kcp_transit_2024;kmg_ar2024',
  'Capacity: the intergovernmental transit volume, 10 Mt/yr to 1 Jan 2034 (7 Mt/yr in 2014-2023). Cost: the transit fee through Kazakhstan, 15 USD/t (2024 protocol); the Russian tariff to Omsk is not included',
  { cost: 15, costUnit: 'USD/t' });
legs('ton2_kcp', [['omsk', 'rus_kaz_ton2_border', 'RUS', '', '', '', ''], ['rus_kaz_ton2_border', 'atasu', 'KAZ', '', '', '', 'TON-2 Kazakh section (2.10 USD/t) and on to Atasu'], ['atasu', 'dostyk', 'KAZ', '', 'kcp_atasu_alashankou', '', ''], ['dostyk', 'alashankou', 'CHN', '', '', '', 'Border crossing into China']], 'kursiv_kcp_transit_2024');

// ---------------------------------------------------------------- sea chokepoints and lanes
// EIA counts the oil that passes each chokepoint (crude and products, all trade), not a capacity: the figures go in the
// notes, and a chokepoint limits the model's flows only where a capacity is published (none here: SUMED's 2.5 mb/d is a
// pipeline beside the Suez Canal, not the canal's capacity). The coastal state is the transit state of every flow through it.
function chokepoint(id: string, name: string, kind: 'strait' | 'canal', country: string, year: number, source: string, note: string): void {
  add('chokepoints.csv', { id, name, kind, country, commodity: '', capacity: '', unit: '', year, source, estimated: 'false', note });
}
chokepoint('turkish_straits', 'Turkish Straits (Bosporus and Dardanelles)', 'strait', 'TUR', 2023, 'eia_chokepoints_2024', 'EIA: 3.4 mb/d of crude and petroleum liquids in 2023 (3.2 in 2022). Passage governed by Türkiye under the Montreux Convention. All Black Sea exports (CPC, Novorossiysk) pass it');
chokepoint('suez', 'Suez Canal (and SUMED pipeline)', 'canal', 'EGY', 2023, 'eia_chokepoints_2024;eia_red_sea_2023', 'EIA: 8.8 mb/d through the Suez Canal and SUMED in 2023 (7.3 in 2022); SUMED capacity 2.5 mb/d');
chokepoint('bab_el_mandeb', 'Bab el-Mandeb', 'strait', 'YEM', 2023, 'eia_chokepoints_2024;eia_red_sea_2024', 'EIA: 8.6 mb/d in 2023 (8.7 in a later revision); 4.0 mb/d in Jan-Aug 2024 after the attacks on shipping. Coastal states Yemen, Djibouti and Eritrea; Yemen is counted');
chokepoint('hormuz', 'Strait of Hormuz', 'strait', 'OMN', 2024, 'eia_hormuz_2025', 'EIA: 20 mb/d in 2024 (20.9 in 2023). The shipping lanes lie in Omani waters (Iran holds the northern shore); no lane of this dataset passes it yet');
chokepoint('malacca', 'Strait of Malacca', 'strait', 'MYS', 2023, 'eia_chokepoints_2024', 'EIA: 23.7 mb/d in 2023. Coastal states Malaysia, Indonesia and Singapore; Malaysia is counted');
chokepoint('danish_straits', 'Danish Straits', 'strait', 'DNK', 2023, 'eia_chokepoints_2024', 'EIA: 4.9 mb/d in 2023 (excluding the Kiel Canal). Baltic exports (Primorsk, Ust-Luga) pass it; no lane of this dataset passes it yet');

/** A sea lane from a port or terminal to an importer ('' = any importer without a lane of its own). */
function lane(id: string, from: string, to: string, com: string, chokepoints: string[], source: string, note: string,
  { cost = '', costUnit = '', days = '', alternative = '', est = false, year = 2024 }: { cost?: number | ''; costUnit?: string; days?: number | ''; alternative?: string; est?: boolean; year?: number } = {}): void {
  add('sea_lanes.csv', { id, from, to, commodity: com, chokepoints: chokepoints.join(';'), cost, cost_unit: costUnit, transit_days: days, alternative, year, source, estimated: estimated(est), note });
}
// One VLCC voyage Abu Dhabi to France round the Cape (Reuters, Jan 2024): USD 5.7 million for 1.8 million bbl, "nearly 80%" more than via Suez.
const capeVoyage = 5.7 / 1.8;
const suezVoyage = capeVoyage / 1.8;
const capeExtraPerT = (capeVoyage - suezVoyage) * 7.3;
const CAPE_NOTE = `Only the extra cost of the Cape is in the model: one VLCC voyage Abu Dhabi-France (Reuters, Jan 2024) cost USD 5.7 M for 1.8 M bbl = ${fixed(capeVoyage, 2)} USD/bbl round the Cape, "nearly 80%" more than the ${fixed(suezVoyage, 2)} USD/bbl via Suez: ${fixed(capeVoyage - suezVoyage, 2)} USD/bbl x 7.3 bbl/t = ${fixed(capeExtraPerT, 1)} USD/t (one spot voyage on another lane; C). 15 more days (Persian Gulf-Europe, 19 vs 34 days). The base freight of the lane is not found`;
const NO_FREIGHT = 'Tanker freight for the lane not found for 2022-2024 (only Worldscale flat rates and single-week quotes): no cost in the model';
lane('cpc_terminal_any', 'cpc_terminal', '', 'crude_oil', ['turkish_straits'], 'eia_chokepoints_2024;editor', `Black Sea to the Mediterranean and beyond: every cargo passes the Turkish Straits; further chokepoints of buyers not identified are unknown. ${NO_FREIGHT}`);
lane('cpc_terminal_eu', 'cpc_terminal', 'EU27', 'crude_oil', ['turkish_straits'], 'eia_chokepoints_2024;editor', `Novorossiysk to EU ports (Mediterranean, north-west Europe via Gibraltar, not an EIA chokepoint). ${NO_FREIGHT}`);
lane('cpc_terminal_china_suez', 'cpc_terminal', 'CHN', 'crude_oil', ['turkish_straits', 'suez', 'bab_el_mandeb', 'malacca'], 'eia_chokepoints_2024;editor', `Black Sea to China via Suez. ${NO_FREIGHT}`, { alternative: 'cpc_terminal_china_cape' });
lane('cpc_terminal_china_cape', 'cpc_terminal', 'CHN', 'crude_oil', ['turkish_straits', 'malacca'], 'reuters_cape_voyage_2024;globalenergyprize_cape_2024;editor', CAPE_NOTE, { est: true, cost: roundTo(capeExtraPerT, 1), costUnit: 'USD/t', days: 15 });
lane('makhachkala_any', 'makhachkala', '', 'crude_oil', ['turkish_straits'], 'kaztransoil_aktau_2023;editor', `Makhachkala is on the Caspian: the crude goes on by Transneft pipeline to Novorossiysk and leaves by tanker through the Turkish Straits. ${NO_FREIGHT}`);
lane('ceyhan_any', 'ceyhan', '', 'crude_oil', [], 'bp_btc;editor', `Ceyhan is on the Mediterranean: no EIA chokepoint to European buyers. ${NO_FREIGHT}`);
lane('ceyhan_china_suez', 'ceyhan', 'CHN', 'crude_oil', ['suez', 'bab_el_mandeb', 'malacca'], 'eia_chokepoints_2024;editor', `Mediterranean to China via Suez. ${NO_FREIGHT}`, { alternative: 'ceyhan_china_cape' });
lane('ceyhan_china_cape', 'ceyhan', 'CHN', 'crude_oil', ['malacca'], 'reuters_cape_voyage_2024;globalenergyprize_cape_2024;editor', CAPE_NOTE, { est: true, cost: roundTo(capeExtraPerT, 1), costUnit: 'USD/t', days: 15 });

// ---------------------------------------------------------------- crude oil: stocks/params
add('parameters.csv', { name: 'stock_days', commodity: 'crude_oil', country: 'EU27', year: 2009, value: 90, unit: 'day', source: 'eurlex_2009_119;iea_stocks', estimated: 'false', note: 'EU and IEA obligation: stocks of at least 90 days of average daily net imports (or 61 days of consumption if higher), crude and products together' });
// What the IEA released in 2022, the largest release ever, as a share of what its members held when it began.
const ieaReleased2022 = 182.7;
const ieaHeld2022 = 1500 + 575;
add('parameters.csv', { name: 'stock_release', commodity: 'crude_oil', country: 'EU27', year: 2022, value: r(ieaReleased2022 / ieaHeld2022, 4), unit: 'share', source: 'iea_collective_2022;iea_stocks_march_2022', estimated: 'true', note: `Share of emergency stocks released in one year: the IEA's 2022 collective actions released ${ieaReleased2022} mb of the ${thousands(fixed(ieaHeld2022, 0))} mb its members held (1,500 public + 575 industry) = ${fixed(ieaReleased2022 / ieaHeld2022, 4)}. The fastest rate of 2022 (240 mb over six months with the US programme) would be about 0.23 a year` });
const BRENT: [year: number, usdPerBarrel: number, source: string, note: string][] = [[2021, 70.95, 'dowjones_brent_2021', 'front-month ICE Brent annual average $70.95/bbl'], [2022, 100.0, 'eia_brent_2022', 'Brent spot average $100/bbl (EIA; $100.94 in another EIA release)'], [2023, 82.49, 'statistico_brent', 'Brent average $82.49/bbl (secondary compilation, C)'], [2024, 81, 'eia_brent_2024', 'Brent spot average $81/bbl (EIA; futures $80/bbl)']];
for (const [y, usd, s, n] of BRENT) {
  add('parameters.csv', { name: 'price', commodity: 'crude_oil', country: '', year: y, value: r(usd * 7.3, 1), unit: 'USD/t', source: s + ';unstats_conversion', estimated: 'true', note: `${n} x 7.3 bbl/t = ${fixed(usd * 7.3, 1)} USD/t` });
}

// ---------------------------------------------------------------- uranium
const wna22: [string, number, string][] = [['KAZ', 21227, ''], ['CAN', 7351, ''], ['NAM', 5613, ''], ['AUS', 4553, 'Other sources give 4,087 tU'], ['UZB', 3300, 'WNA estimate'], ['RUS', 2508, ''], ['NER', 2020, ''], ['CHN', 1700, 'WNA estimate']];
for (const [c, v, n] of wna22) {
  prod(2022, 'uranium', c, v, 'tU/yr', 'wna_mining_2023', { est: c === 'UZB' || c === 'CHN', note: n || 'WNA table' });
}
prod(2022, 'uranium', 'WLD', 49355, 'tU/yr', 'wna_mining_2023', { note: '58,201 t U3O8; covered 74% of reactor requirements' });
const wna22Listed = sum(wna22.map(([, v]) => v));
const ou = 49355 - wna22Listed;
prod(2022, 'uranium', 'OTHER', ou, 'tU/yr', 'wna_mining_2023', { est: true, note: `Remainder: 49,355 - ${thousands(wna22Listed)} = ${thousands(ou)} tU (India, South Africa, Ukraine, USA and others)` });
[22451, 23127, 23607, 24689, 23321, 21705, 22808, 19477, 21819].forEach((v, i) => {
  prod(2013 + i, 'uranium', 'KAZ', v, 'tU/yr', 'wna_mining_2023', { note: 'WNA table' });
});
prod(2021, 'uranium', 'WLD', 47808, 'tU/yr', 'wna_mining_2023;kun_uranium_2022', { note: 'Kazakhstan 45%' });
prod(2023, 'uranium', 'KAZ', 21112, 'tU/yr', 'trend_kap_2023', { operator: 'Kazatomprom group (100% basis)', note: 'Group production on a 100% basis; guidance 2024 21,000-22,500 tU' });
prod(2024, 'uranium', 'KAZ', 2600, 'tU/yr', 'orano_katco_2024;astanatimes_katco_2023', { est: true, operator: 'KATCO', note: '65% x 4,000 tU/yr nominal = 2,600 tU: output limited during the South Tortkuduk transition (2023-2025); back to 4,000 tU/yr from 2026' });
// EU deliveries 2022
const totU22 = 2975 / 0.2538;
const esa22: [string, number][] = [['KAZ', 26.82], ['CAN', 21.99], ['RUS', 16.89], ['UZB', 3.76]];
flow(2022, 'uranium', 'NER', 'EU27', 2975, 'tU/yr', 'reuters_esa_2023;nucnet_esa_2022', { note: '25.38% of deliveries to EU utilities (ESA)' });
for (const [c, s] of esa22) {
  flow(2022, 'uranium', c, 'EU27', s / 100 * totU22, 'tU/yr', 'nucnet_esa_2022', { est: true, note: `${s}% x ${thousands(fixed(totU22, 0))} tU (total implied by Niger 2,975 tU = 25.38%)` + (c === 'RUS' ? '; includes natural uranium in enriched products' : '') });
}
const ous = 100 - 25.38 - sum(esa22.map(([, s]) => s));
flow(2022, 'uranium', 'OTHER', 'EU27', ous / 100 * totU22, 'tU/yr', 'nucnet_esa_2022', { est: true, note: `Remainder ${fixed(ous, 2)}% x ${thousands(fixed(totU22, 0))} tU; includes South Africa + Namibia 2.23% and Australia` });
demand(2022, 'uranium', 'EU27', totU22, 'tU/yr', 'reuters_esa_2023;nucnet_esa_2022', { est: true, note: 'Deliveries implied by Niger 2,975 tU = 25.38%: 2,975 / 0.2538; cross-check: CIS 5,565 tU = 47.47% gives 11,723 tU' });
// EU deliveries 2021: total from Russia -16% and Kazakhstan +14% (2022 vs 2021)
const ru21 = 16.89 / 100 * totU22 / 0.84;
const totU21 = ru21 / 0.1969;
const esa21: [string, number][] = [['NER', 24.26], ['KAZ', 22.99], ['RUS', 19.69]];
for (const [c, s] of esa21) {
  flow(2021, 'uranium', c, 'EU27', s / 100 * totU21, 'tU/yr', 'checknews_esa_2021;nucnet_esa_2022', { est: true, note: `${s}% x ${thousands(fixed(totU21, 0))} tU (2021 total estimated from Russian deliveries: 2022 volume / 0.84, as ESA reports -16%, divided by the 19.69% share)` });
}
flow(2021, 'uranium', 'OTHER', 'EU27', (100 - 24.26 - 22.99 - 19.69) / 100 * totU21, 'tU/yr', 'checknews_esa_2021;nucnet_esa_2022', { est: true, note: `Remainder 33.06% x ${thousands(fixed(totU21, 0))} tU; Australia and Canada (top five = 96%) plus others, not broken down` });
demand(2021, 'uranium', 'EU27', totU21, 'tU/yr', 'checknews_esa_2021;nucnet_esa_2022', { est: true, note: `Russian deliveries 2022 (${thousands(fixed(16.89 / 100 * totU22, 0))} tU) / 0.84 / 0.1969; cross-check with Kazakhstan +14%: ${thousands(fixed(26.82 / 100 * totU22 / 1.14 / 0.2299, 0))} tU` });
add('stocks.csv', { year: 2022, commodity: 'uranium', country: 'EU27', volume: 35710, unit: 'tU', source: 'reuters_esa_2023', estimated: 'false', note: 'Natural-uranium equivalent in inventories owned by EU utilities at the end of 2022, about three years of consumption (about 12,500 tU/yr)' });
add('stocks.csv', { year: 2023, commodity: 'uranium', country: 'EU27', volume: 37655, unit: 'tU', source: 'sfen_esa_2023', estimated: 'false', note: 'Natural-uranium equivalent in inventories held by EU industry at the end of 2023 (+5.45%; 35,710 x 1.0545 = 37,656)' });
demand(2022, 'uranium', 'EU27', 12500, 'tU/yr', 'reuters_esa_2023', { kind: 'consumption', note: 'Average annual consumption of EU utilities, about 12,500 tU' });

// ---------------------------------------------------------------- gas
// Working gas in EU storage at the start of winter: working capacity (about 100 bcm, Commission) × filling level.
const storageCapacity = 100;
const storage: [year: number, filling: number, source: string, note: string][] = [
  [2022, 0.9502, 'gie_agsi_2022', '95.02% full on 2 November 2022 (GIE AGSI+, Europe as GIE counts it)'],
  [2023, 1.0, 'ec_gas_storage_2023', 'filled to 100% by 1 November 2023 (Commission)'],
  [2024, 0.95, 'ec_gas_storage_2024_level', '"over 95%" on 31 October 2024 (Commission spokesperson; "around 100 bcm"): 95% taken, a lower bound'],
];
for (const [y, filling, source, note] of storage) {
  add('stocks.csv', { year: y, commodity: 'pipeline_gas', country: 'EU27', volume: r(storageCapacity * filling), unit: 'bcm', source: `ec_gas_storage_2024;${source}`, estimated: 'true', note: `Working gas in EU storage at the start of winter: capacity about ${storageCapacity} bcm (Commission, COM(2024) 89) x filling ${fixed(filling * 100, 2)}% = ${fixed(storageCapacity * filling, 1)} bcm; ${note}. Storage serves gas from any source, LNG included` });
}
// Storage balances the seasons: what is drawn in a year must be back by the next 1 November, when the Gas Storage
// Regulation wants it 90% full (80% in 2022). So a year's net release is at most the cushion above that target.
for (const [y, filling] of storage) {
  const target = y === 2022 ? 0.8 : 0.9;
  add('parameters.csv', { name: 'stock_release', commodity: 'pipeline_gas', country: 'EU27', year: y, value: r(1 - target / filling, 4), unit: 'share', source: 'eu_gas_storage_regulation_2022', estimated: 'true', note: `Net release in a year limited to the cushion above the 1 November filling target (${fixed(target * 100, 0)}%, Regulation (EU) 2022/1032): 1 - ${fixed(target, 2)} / ${fixed(filling, 4)} = ${fixed(1 - target / filling, 4)}. Storage moves gas between seasons; a larger draw would leave the next winter short` });
}
// 2021
const T21 = 155 / 0.45;
const L21 = 0.19 * T21;
const P21 = T21 - L21;
const no21 = 0.236 * T21;
const dz21 = 0.126 * T21;
const us21 = 0.066 * T21;
flow(2021, 'pipeline_gas', 'RUS', 'EU27', 140, 'bcm/yr', 'iea_eu_gas_2021', { note: 'About 380 mcm/d by pipeline (IEA)' });
flow(2021, 'lng', 'RUS', 'EU27', 15, 'bcm/yr', 'iea_eu_gas_2021;ec_russian_lng_2023', { note: 'IEA: about 15 bcm; the Commission gives 13.5 bcm' });
flow(2021, 'pipeline_gas', 'NOR', 'EU27', no21, 'bcm/yr', 'ec_gas_shares_2021;iea_eu_gas_2021', { est: true, note: `23.6% (Commission) x ${fixed(T21, 1)} bcm total imports implied by IEA (155 bcm = 45%); Norwegian LNG (Hammerfest) not separated` });
flow(2021, 'pipeline_gas', 'DZA', 'EU27', dz21, 'bcm/yr', 'ec_gas_shares_2021;iea_eu_gas_2021', { est: true, note: `12.6% x ${fixed(T21, 1)} bcm; Algeria supplies by pipeline and LNG and the source does not split it: all counted here, so OTHER LNG is understated and OTHER pipeline overstated by Algeria LNG volume` });
flow(2021, 'lng', 'USA', 'EU27', us21, 'bcm/yr', 'ec_gas_shares_2021;iea_eu_gas_2021', { est: true, note: `6.6% x ${fixed(T21, 1)} bcm; all US gas reaches the EU as LNG` });
const ol21 = L21 - 15 - us21;
const op21 = P21 - 140 - no21 - dz21;
flow(2021, 'lng', 'OTHER', 'EU27', ol21, 'bcm/yr', 'kpler_lng_share_2021;iea_eu_gas_2021;ec_gas_shares_2021', { est: true, note: `LNG total 19% x ${fixed(T21, 1)} = ${fixed(L21, 1)} bcm minus Russia 15 and US ${fixed(us21, 1)}: Qatar, Nigeria, Algeria LNG and others` });
flow(2021, 'pipeline_gas', 'OTHER', 'EU27', op21, 'bcm/yr', 'kpler_lng_share_2021;iea_eu_gas_2021;ec_gas_shares_2021', { est: true, note: `Pipeline total ${fixed(P21, 1)} bcm minus Russia 140, Norway ${fixed(no21, 1)}, Algeria ${fixed(dz21, 1)}: UK, Azerbaijan, Libya and others; may be negative-biased because Algeria LNG is in the Algeria pipeline row` });
demand(2021, 'pipeline_gas', 'EU27', P21, 'bcm/yr', 'iea_eu_gas_2021;kpler_lng_share_2021', { est: true, note: `Total imports 155/0.45 = ${fixed(T21, 1)} bcm x 81% by pipeline` });
demand(2021, 'lng', 'EU27', L21, 'bcm/yr', 'iea_eu_gas_2021;kpler_lng_share_2021', { est: true, note: `Total imports 155/0.45 = ${fixed(T21, 1)} bcm x 19% LNG (Kpler/Eurostat)` });
// 2024
const T24 = 297.9;
const L24 = 112.0;
const P24 = T24 - L24;
const ruLng24 = 21.5;
const ruPipe24 = 54.45 - ruLng24;
const dzLng24 = 0.107 * L24;
const dzPipe24 = 32 - dzLng24;
flow(2024, 'pipeline_gas', 'NOR', 'EU27', 93.3, 'bcm/yr', 'bruegel_gas_2024;eurostat_energy_imports_2024', { est: true, note: 'Bruegel total for Norway (90.3 in 2023) counted as pipeline gas; Norwegian LNG (Hammerfest, about 5.7 bcm/yr of capacity) is not separated, so the pipeline figure is high. Eurostat: 45.6% of EU gaseous imports, most likely a share of value (C)' });
flow(2024, 'pipeline_gas', 'RUS', 'EU27', ruPipe24, 'bcm/yr', 'bruegel_gas_2024', { est: true, note: 'Russia total 54.45 bcm minus 21.5 bcm LNG = 32.95 bcm (TurkStream and Ukraine transit)' });
flow(2024, 'lng', 'RUS', 'EU27', ruLng24, 'bcm/yr', 'bruegel_gas_2024', { note: 'Russian LNG (17.8 bcm in 2023); Rystad gives 17.8 Mt for Europe in 2024' });
flow(2024, 'lng', 'USA', 'EU27', 51.3, 'bcm/yr', 'bruegel_gas_2024;eurostat_energy_imports_2024', { note: 'All US gas reaches the EU as LNG; Eurostat: 45.3% of EU LNG imports' });
flow(2024, 'lng', 'DZA', 'EU27', dzLng24, 'bcm/yr', 'eurostat_energy_imports_2024;ieefa_lng_2024', { est: true, note: `10.7% (Eurostat share of EU LNG imports) x 112 bcm (IEEFA) = ${fixed(dzLng24, 1)} bcm` });
flow(2024, 'pipeline_gas', 'DZA', 'EU27', dzPipe24, 'bcm/yr', 'bruegel_gas_2024;eurostat_energy_imports_2024;ieefa_lng_2024', { est: true, note: `Algeria total 32 bcm (Bruegel) minus ${fixed(dzLng24, 1)} bcm LNG = ${fixed(dzPipe24, 1)} bcm (Transmed, Medgaz). Eurostat gives Algeria 19.3% of EU gaseous imports in 2024, which would be about 35.9 bcm if it were a share of volume; it is most likely a share of value, and Eurostat's volumes by partner are not in this dataset (C)` });
const ol24 = L24 - ruLng24 - 51.3 - dzLng24;
const op24 = P24 - 93.3 - ruPipe24 - dzPipe24;
flow(2024, 'lng', 'OTHER', 'EU27', ol24, 'bcm/yr', 'ieefa_lng_2024;bruegel_gas_2024', { est: true, note: `EU LNG 112 bcm (IEEFA) minus Russia 21.5, US 51.3, Algeria ${fixed(dzLng24, 1)} = ${fixed(ol24, 1)} bcm: Qatar, Nigeria, Norway LNG and others` });
flow(2024, 'pipeline_gas', 'OTHER', 'EU27', op24, 'bcm/yr', 'ieefa_lng_2024;bruegel_gas_2024', { est: true, note: `Pipeline total 297.9 - 112 = ${fixed(P24, 1)} bcm minus Norway 93.3, Russia ${fixed(ruPipe24, 2)}, Algeria ${fixed(dzPipe24, 1)} = ${fixed(op24, 1)} bcm: Azerbaijan (TAP), UK, Libya and others` });
demand(2024, 'pipeline_gas', 'EU27', P24, 'bcm/yr', 'bruegel_gas_2024;ieefa_lng_2024', { est: true, note: 'Total imports 297.9 bcm (Bruegel) minus LNG 112 bcm (IEEFA)' });
demand(2024, 'lng', 'EU27', L24, 'bcm/yr', 'ieefa_lng_2024', { note: 'EU LNG imports 2024 (IEEFA), -16% y/y' });
console.log('gas 2021', T21, L21, P21, ol21, op21, '2024', P24, ol24, op24);

// ---------------------------------------------------------------- minerals
prod(2023, 'chromium', 'WLD', 41, 'Mt/yr', 'usgs_chromium_2025', { note: 'Country rows as rounded by the source add up to 41.4 Mt. Year labelled 2023 by the page citing USGS MCS (Jan 2025); may be the 2024 estimate (C)' });
const chr23: Printed[] = [['ZAF', '18'], ['KAZ', '6.0'], ['TUR', '6.0'], ['IND', '4.2'], ['FIN', '2.0']];
for (const [c, v] of chr23) {
  prod(2023, 'chromium', c, Number(v), 'Mt/yr', 'usgs_chromium_2025', { note: 'Marketable chromite ore, gross weight; year label uncertain (C)' });
}
prod(2023, 'chromium', 'OTHER', 5.2, 'Mt/yr', 'usgs_chromium_2025', { note: '"Other countries" as given by the source' });
prod(2018, 'chromium', 'KAZ', 4.6, 'Mt/yr', 'usgs_chromite_2018', { note: 'USGS via AKIpress (B); no. 3 after South Africa 16 and Turkey 6.5 Mt' });
prod(2018, 'chromium', 'ZAF', 16, 'Mt/yr', 'usgs_chromite_2018', { note: 'USGS via AKIpress (B)' });
prod(2018, 'chromium', 'TUR', 6.5, 'Mt/yr', 'usgs_chromite_2018', { note: 'USGS via AKIpress (B)' });
prod(2023, 'titanium_sponge', 'KAZ', 16000, 't/yr', 'argus_tisponge_2025', { stage: 'processing', operator: 'UKTMP', note: 'Ust-Kamenogorsk Titanium-Magnesium Plant, the only producer' });
prod(2024, 'titanium_sponge', 'KAZ', 19000, 't/yr', 'argus_tisponge_2025', { stage: 'processing', operator: 'UKTMP', note: '' });
prod(2024, 'titanium_sponge', 'CHN', 220000, 't/yr', 'argus_tisponge_2025', { stage: 'processing', note: 'Capacity 260-320 kt/yr' });
prod(2023, 'titanium_sponge', 'JPN', 57000, 't/yr', 'argus_tisponge_2025', { stage: 'processing' });
prod(2024, 'titanium_sponge', 'JPN', 55000, 't/yr', 'argus_tisponge_2025', { stage: 'processing' });
prod(2023, 'titanium_sponge', 'SAU', 11000, 't/yr', 'argus_tisponge_2025', { stage: 'processing' });
prod(2024, 'titanium_sponge', 'SAU', 15000, 't/yr', 'argus_tisponge_2025', { stage: 'processing' });
prod(2021, 'titanium_sponge', 'CHN', 210000, 't/yr', 'reuters_tisponge_2022', { stage: 'processing', note: '57% of world output' });
prod(2021, 'titanium_sponge', 'KAZ', 16000, 't/yr', 'reuters_tisponge_2022', { stage: 'processing' });
prod(2021, 'titanium_sponge', 'UKR', 3700, 't/yr', 'reuters_tisponge_2022', { stage: 'processing' });
prod(2021, 'titanium_sponge', 'WLD', roundHalfEven(210000 / 0.57 / 1000) * 1000, 't/yr', 'reuters_tisponge_2022', { stage: 'processing', est: true, note: 'China 210,000 t = 57% of world: 210,000 / 0.57 = 368,421, rounded to 368,000 t' });
const w23: Printed[] = [['CHN', '63000'], ['VNM', '3500'], ['RUS', '2000'], ['PRK', '1700'], ['BOL', '1500']];
prod(2023, 'tungsten', 'WLD', 78000, 't/yr', 'inn_tungsten_2024', { note: 'USGS MCS 2024 (via INN); 2022 quoted as 79,800 t by the same page and 84,000 t elsewhere' });
for (const [c, v] of w23) {
  prod(2023, 'tungsten', c, Number(v), 't/yr', 'inn_tungsten_2024');
}
const w23Listed = sum(w23.map(([, v]) => Number(v)));
const ow = 78000 - w23Listed;
prod(2023, 'tungsten', 'OTHER', ow, 't/yr', 'inn_tungsten_2024', { est: true, note: `Remainder 78,000 - ${thousands(w23Listed)} = ${thousands(ow)} t (Rwanda, Austria, Portugal, Spain, Australia and others)` });
const ree23: [string, number][] = [['CHN', 240000], ['USA', 43000], ['MMR', 38000], ['AUS', 18000], ['THA', 7100]];
prod(2023, 'rare_earths', 'WLD', 350000, 't/yr', 'usgs_ree_2024', { note: 'USGS MCS 2024, t REO' });
for (const [c, v] of ree23) {
  prod(2023, 'rare_earths', c, v, 't/yr', 'usgs_ree_2024');
}
const ree23Listed = sum(ree23.map(([, v]) => v));
const ore = 350000 - ree23Listed;
prod(2023, 'rare_earths', 'OTHER', ore, 't/yr', 'usgs_ree_2024', { est: true, note: `Remainder 350,000 - ${thousands(ree23Listed)} = ${thousands(ore)} t (India, Russia, Vietnam and others; the page lists "Other 4,320")` });
prod(2024, 'rare_earths', 'WLD', 390000, 't/yr', 'usgs_ree_2025', { note: 'USGS MCS 2025, t REO' });
prod(2024, 'rare_earths', 'CHN', 270000, 't/yr', 'usgs_ree_2025');
prod(2024, 'rare_earths', 'USA', 45000, 't/yr', 'usgs_ree_2025');
prod(2024, 'rare_earths', 'OTHER', 75000, 't/yr', 'usgs_ree_2025', { est: true, note: 'Remainder 390,000 - 270,000 - 45,000 = 75,000 t (Myanmar, Australia, Nigeria, Thailand and others)' });
const cu23: Printed[] = [['CHL', '5.0'], ['PER', '2.6'], ['COD', '2.5'], ['CHN', '1.7'], ['USA', '1.1'], ['RUS', '0.9'], ['AUS', '0.8'], ['IDN', '0.8'], ['ZMB', '0.8'], ['MEX', '0.7'], ['KAZ', '0.6'], ['CAN', '0.5'], ['POL', '0.4']];
prod(2023, 'copper', 'WLD', 22, 'Mt/yr', 'usgs_copper_2024', { note: 'USGS MCS 2024 world mine production 22 Mt (the chart sums rounded figures to 21.5)' });
for (const [c, v] of cu23) {
  prod(2023, 'copper', c, Number(v), 'Mt/yr', 'usgs_copper_2024');
}
const cu23Listed = sum(cu23.map(([, v]) => Number(v)));
const ocu = 22 - cu23Listed;
prod(2023, 'copper', 'OTHER', ocu, 'Mt/yr', 'usgs_copper_2024', { est: true, note: `Remainder 22 - ${fixed(cu23Listed, 1)} = ${fixed(ocu, 1)} Mt (the chart shows "Rest of world" 3.1 against a rounded total of 21.5)` });
prod(2021, 'copper', 'KAZ', 299, 'kt/yr', 'kursiv_kazminerals_2022', { operator: 'KAZ Minerals', note: 'Company output (B)' });
const mn15: [string, number][] = [['ZAF', 6200000], ['CHN', 3000000], ['AUS', 2900000], ['GAB', 1800000], ['BRA', 1000000], ['IND', 950000], ['UKR', 390000], ['KAZ', 390000], ['GHA', 390000], ['MEX', 240000], ['MMR', 100000]];
prod(2015, 'manganese', 'WLD', 18000000, 't/yr', 'usgs_manganese_2016', { note: 'USGS 2015 (C: old figures; no recent Kazakh figure found)' });
for (const [c, v] of mn15) {
  prod(2015, 'manganese', c, v, 't/yr', 'usgs_manganese_2016');
}
const mn15Listed = sum(mn15.map(([, v]) => v));
const omn = 18000000 - mn15Listed;
prod(2015, 'manganese', 'OTHER', omn, 't/yr', 'usgs_manganese_2016', { est: true, note: `Remainder 18,000,000 - ${thousands(mn15Listed)} = ${thousands(omn)} t (Malaysia 400,000 t and others; the page lists "Other countries" 740,000)` });
// USGS Mineral Commodity Summaries 2025: 2024 estimates, thousand t of Mn content. Kazakhstan is inside "Other countries".
const mn24: [country: string, kt: number, usgsEstimate: boolean][] = [['ZAF', 7400, false], ['GAB', 4600, true], ['AUS', 2800, false], ['GHA', 820, false], ['IND', 800, false], ['CHN', 770, false], ['BRA', 590, true], ['MYS', 410, false]];
prod(2024, 'manganese', 'WLD', 20000 * 1000, 't/yr', 'usgs_mcs2025_manganese', { est: true, note: 'World total, rounded (USGS estimate for 2024; 19,600 kt in 2023). Mn content' });
for (const [c, kt, e] of mn24) {
  prod(2024, 'manganese', c, kt * 1000, 't/yr', 'usgs_mcs2025_manganese', { est: true, note: `USGS estimate for 2024 (MCS 2025)${e ? ', marked "e" by USGS' : ''}; Mn content` });
}
prod(2024, 'manganese', 'OTHER', (1300 + 360) * 1000, 't/yr', 'usgs_mcs2025_manganese', { est: true, note: 'Other countries 1,300 kt (incl. Kazakhstan, Ukraine, Mexico, Myanmar) + Cote d\'Ivoire 360 kt (not in countries.csv) = 1,660 kt; named rows sum to 19,850 of the rounded 20,000' });

// ---------------------------------------------------------------- CRM inputs (EU 2023 study via CritMAT)
function crm(mat: string, ei: number, ir: number, ire: number, irp: number, eol: number, si: number, note: string): void {
  add('crm_materials.csv', { material: mat, year: 2023, economic_importance: ei, import_reliance: ir, import_reliance_extraction: ire, import_reliance_processing: irp, eol_rir: eol, substitution_index: si, source: 'critmat_eu2023', estimated: 'false', note });
}
crm('tungsten', 8.7, 0.80, 0.21, 0.80, 0.42, 0.96, 'Bottleneck stage in the study: processing; import_reliance is that stage\'s IR. SI(EI) 0.95');
crm('chromium', 7.2, 0.07, 0.07, 0.42, 0.21, 0.93, 'Bottleneck stage in the study: extraction. SI(EI) 0.93');
crm('copper', 4.0, 0.48, 0.48, 0.17, 0.55, 0.71, 'Bottleneck stage in the study: extraction. SI(EI) 0.70');
crm('manganese', 6.9, 0.96, 0.96, 0.66, 0.09, 1.0, 'Bottleneck stage in the study: extraction. SI(EI) 1.00');
// Trade parameters (export restrictions) of the EU 2023 study, by material and country.
const TP: Record<string, number> = { 'tungsten:CHN': 1.1, 'tungsten:VNM': 1.2, 'tungsten:RUS': 1.1, 'tungsten:BOL': 1.1, 'copper:CHN': 1.1, 'copper:COD': 1.1, 'copper:ZMB': 1.1, 'copper:IDN': 1.2 };
/** Global extraction shares of a material: each listed country's figure / the world total, and the remainder as OTHER. */
function supply(mat: string, rows: readonly Printed[], world: number, srcs: string, what: string): void {
  let tot = 0;
  for (const [c, v] of rows) {
    const s = Number(v) / world;
    tot += s;
    const tp = TP[`${mat}:${c}`];
    add('crm_supply.csv', { material: mat, year: 2023, stage: 'extraction', scope: 'global', country: c, share: r(s, 4), trade_parameter: tp ?? '', source: srcs + (tp ? ';critmat_eu2023' : ''), estimated: 'true',
      note: `${what}: ${thousands(v)} / ${thousands(world)}` + (tp ? `; trade parameter ${tp} (export restrictions, EU 2023 study)` : '') });
  }
  const o = 1 - tot;
  add('crm_supply.csv', { material: mat, year: 2023, stage: 'extraction', scope: 'global', country: 'OTHER', share: r(o, 4), trade_parameter: '', source: srcs, estimated: 'true', note: `Remainder 1 - ${fixed(tot, 4)}; dispersed producers` });
}
supply('tungsten', w23, 78000, 'inn_tungsten_2024', 'USGS 2023 mine production share');
supply('copper', cu23, 22, 'usgs_copper_2024', 'USGS 2023 mine production share');
supply('chromium', chr23, 41, 'usgs_chromium_2025', 'USGS chromite ore share (year label uncertain)');

// ---------------------------------------------------------------- CRMA lists
const STRAT: [material: string, commodity: string][] = [['Bauxite/alumina/aluminium', ''], ['Bismuth', ''], ['Boron (metallurgy grade)', ''], ['Cobalt', ''], ['Copper', 'copper'], ['Gallium', ''], ['Germanium', ''], ['Lithium (battery grade)', ''], ['Magnesium metal', ''], ['Manganese (battery grade)', 'manganese'], ['Graphite (battery grade)', 'graphite'], ['Nickel (battery grade)', ''], ['Platinum group metals', ''], ['Rare earth elements for magnets (Nd, Pr, Tb, Dy, Gd, Sm, Ce)', 'rare_earths'], ['Silicon metal', ''], ['Titanium metal', 'titanium_sponge'], ['Tungsten', 'tungsten']];
const CRIT: [material: string, commodity: string][] = [['Antimony', ''], ['Arsenic', ''], ['Bauxite/alumina/aluminium', ''], ['Baryte', ''], ['Beryllium', 'beryllium'], ['Bismuth', ''], ['Boron', ''], ['Cobalt', ''], ['Coking coal', ''], ['Copper', 'copper'], ['Feldspar', ''], ['Fluorspar', ''], ['Gallium', ''], ['Germanium', ''], ['Hafnium', ''], ['Helium', ''], ['Heavy rare earth elements', 'rare_earths'], ['Light rare earth elements', 'rare_earths'], ['Lithium', ''], ['Magnesium', ''], ['Manganese', 'manganese'], ['Natural graphite', 'graphite'], ['Nickel (battery grade)', ''], ['Niobium', ''], ['Phosphate rock', ''], ['Phosphorus', ''], ['Platinum group metals', ''], ['Scandium', ''], ['Silicon metal', ''], ['Strontium', ''], ['Tantalum', ''], ['Titanium metal', 'titanium_sponge'], ['Tungsten', 'tungsten'], ['Vanadium', '']];
if (STRAT.length !== 17 || CRIT.length !== 34) throw new Error('the CRM Act lists 17 strategic and 34 critical materials');
for (const [m, c] of STRAT) {
  add('crma_list.csv', { material: m, list: 'strategic', commodity: c, source: 'crma_annex', estimated: 'false', note: 'Annex I' + (c === 'titanium_sponge' ? '; mapped to titanium sponge, the feedstock of titanium metal' : '') });
}
CRIT.forEach(([m, c], i) => {
  add('crma_list.csv', { material: m, list: 'critical', commodity: c, source: 'crma_annex', estimated: 'false', note: 'Annex II' + (i > 16 ? '; entries after "heavy rare earth elements" completed from the 2023 list (B)' : '') });
});

// ---------------------------------------------------------------- containers
node('xian', "Xi'an (China-Europe Railway Express hub)", 'rail_hub', 'CHN', 34.27, 108.95, 'index1520_dhl_2024;editor', APPROX);
node('khorgos', 'Khorgos / Altynkol (China-Kazakhstan border)', 'border_crossing', 'CHN', 44.2, 80.4, 'trend_titr_2024;editor', APPROX);
node('petropavl', 'Petropavl (Kazakhstan, near the Russian border)', 'rail_hub', 'KAZ', 54.87, 69.15, 'index1520_dhl_2024;editor', APPROX);
node('rus_blr_border', 'Russia-Belarus border (Smolensk-Orsha line)', 'border_crossing', 'RUS', 54.6, 31.0, 'index1520_dhl_2024;editor', APPROX_B);
node('brest', 'Brest (Belarus-Poland border)', 'border_crossing', 'BLR', 52.1, 23.69, 'index1520_dhl_2024;editor', APPROX);
node('malaszewicze', 'Malaszewicze terminal', 'rail_hub', 'POL', 52.03, 23.53, 'index1520_dhl_2024;editor', APPROX);
node('frankfurt_oder', 'Frankfurt (Oder) (Poland-Germany border)', 'border_crossing', 'POL', 52.34, 14.55, 'index1520_dhl_2024;editor', APPROX);
node('duisburg', 'Duisburg', 'rail_hub', 'DEU', 51.43, 6.76, 'index1520_dhl_2024;editor', APPROX);
node('alat', 'Port of Baku (Alat)', 'port', 'AZE', 39.95, 49.4, 'trend_titr_2024;editor', APPROX);
node('aze_geo_rail', 'Azerbaijan-Georgia rail border (Beyuk Kesik)', 'border_crossing', 'AZE', 41.35, 45.07, 'trend_titr_2024;editor', APPROX_B);
node('poti', 'Poti sea port', 'port', 'GEO', 42.15, 41.67, 'trend_titr_2024;editor', APPROX);
node('constanta', 'Constanta sea port', 'port', 'ROU', 44.17, 28.65, 'trend_titr_2024;editor', APPROX);
node('shanghai', 'Port of Shanghai', 'port', 'CHN', 31.23, 121.5, 'rodrigue_routing;editor', APPROX);
node('malacca', 'Strait of Malacca', 'chokepoint', 'MYS', 2.5, 101.3, 'rodrigue_routing;editor', APPROX);
node('bab_el_mandeb', 'Bab-el-Mandeb', 'chokepoint', 'YEM', 12.6, 43.3, 'rodrigue_routing;editor', APPROX);
node('suez', 'Suez Canal (Port Said)', 'chokepoint', 'EGY', 31.26, 32.3, 'rodrigue_routing;editor', APPROX);
node('gibraltar', 'Strait of Gibraltar', 'chokepoint', 'ESP', 35.95, -5.6, 'rodrigue_routing;editor', APPROX);
node('rotterdam', 'Port of Rotterdam', 'port', 'NLD', 51.95, 4.14, 'rodrigue_routing;editor', APPROX);
route('northern_rail', 'Northern rail route China-Kazakhstan-Russia-Belarus-Poland', 'containers', 'rail', 'xian', 'duisburg', '', 'TEU/yr', 2024, 29, 'China Railway, KTZ, RZD, BCh, PKP and operators', 'index1520_dhl_2024;searates_era_2024',
      'transit_days: midpoint of 28-30 days (DHL, June 2024) for the western variant via Kazakhstan; via Russia only (Zabaikalsk) 30-32 days; terminal-to-terminal 18-20 days to Germany (Jan 2024). Capacity not sourced. Cost: ERA Index about 3,240 USD per FEU for most of 2024 / 2 TEU per FEU = 1,620 USD/TEU', { est: true, cost: 3240 / 2, costUnit: 'USD/TEU' });
legs('northern_rail', [['xian', 'khorgos', 'CHN', '', '', '', ''], ['khorgos', 'petropavl', 'KAZ', '', '', '', 'Across Kazakhstan (via Khorgos/Altynkol or Dostyk)'], ['petropavl', 'rus_blr_border', 'RUS', '', '', '', ''], ['rus_blr_border', 'brest', 'BLR', '', '', '', ''], ['brest', 'malaszewicze', 'POL', '', '', '', 'Gauge change 1520/1435 mm'], ['malaszewicze', 'frankfurt_oder', 'POL', '', '', '', ''], ['frankfurt_oder', 'duisburg', 'DEU', '', '', '', '']], 'index1520_dhl_2024');
route('middle_corridor', 'Middle Corridor (Trans-Caspian International Transport Route)', 'containers', 'multimodal', 'xian', 'constanta', 100000, 'TEU/yr', 2024, 52.5, 'TITR association members (KTZ, ADY, Georgian Railway, ports, ferry lines)', 'trend_titr_2024;index1520_dhl_2024;worldbank_mc_2023',
      'Capacity 6 Mt/yr incl. 100,000 TEU by end-2024 (Kazakh government); transit_days: midpoint of 50-55 days (DHL, June 2024); the World Bank says about three times the Northern route; targets of 10-15 days are aspirational. No cost: a rate China-Europe by the Middle Corridor is not found (Argus: 5,350-5,400 USD per 40HQ to Almaty and Aktau only, undated); free in the model', { est: true });
legs('middle_corridor', [['xian', 'khorgos', 'CHN', 'rail', '', '', ''], ['khorgos', 'aktau', 'KAZ', 'rail', '', '', 'Kazakh rail to Aktau/Kuryk'], ['aktau', 'caspian_kaz_aze', 'KAZ', 'ferry', '', '', 'Caspian ferry, Kazakh waters'], ['caspian_kaz_aze', 'alat', 'AZE', 'ferry', '', '', 'Caspian ferry, Azerbaijani waters, to Alat'], ['alat', 'aze_geo_rail', 'AZE', 'rail', '', '', ''], ['aze_geo_rail', 'poti', 'GEO', 'rail', '', '', 'Georgian rail to Poti (or Batumi)'], ['poti', 'constanta', 'ROU', 'sea', '', '', 'Black Sea crossing, attributed to the destination state (open sea)']], 'trend_titr_2024');
route('sea_suez', 'Sea route Shanghai-Malacca-Suez-Rotterdam', 'containers', 'sea', 'shanghai', 'rotterdam', '', 'TEU/yr', 2023, 35, 'Container lines', 'rodrigue_routing',
      'transit_days: typical service with 5-10 port calls (27 days at 16 knots without calls); the Cape of Good Hope diversion since Dec 2023 adds 7-14 days. Capacity not limited by the route itself. No cost: no annual sea rate found (Shanghai-Rotterdam 3,200 USD/TEU in May 2024, 8,500 at the August peak); free in the model');
legs('sea_suez', [['shanghai', 'malacca', 'CHN', '', '', '', 'East and South China Sea, attributed to the origin'], ['malacca', 'bab_el_mandeb', 'MYS', '', '', '', 'Strait of Malacca, then the Indian Ocean'], ['bab_el_mandeb', 'suez', 'YEM', '', '', '', 'Bab-el-Mandeb and the Red Sea'], ['suez', 'gibraltar', 'EGY', '', '', '', 'Suez Canal and the Mediterranean'], ['gibraltar', 'rotterdam', 'ESP', '', '', '', 'Strait of Gibraltar and the Atlantic to Rotterdam']], 'rodrigue_routing', 'Leg country: the chokepoint state passed (open sea attributed to the strait)');
flow(2023, 'containers', 'CHN', 'EU27', 12500000, 'TEU/yr', 'jiffa_cts_2023', { est: true, route: 'sea_suez', note: 'Containers from China incl. Hong Kong to Europe (CTS) in 2023; Europe includes the UK, Norway and Türkiye, so the EU27 figure is lower' });
// China Railway's totals (about 2 M TEU in 2024, railjournal 1.46 M in 2021) count both directions and Russian, Belarusian and
// Central Asian destinations; the ERA transit figures count only China to Europe through Kazakhstan, Russia and Belarus.
flow(2024, 'containers', 'CHN', 'EU27', 412000, 'TEU/yr', 'era_cn_eu_2024;cgtn_cre_2024', { route: 'northern_rail', note: 'ERA transit China to Europe, 412,000 TEU in 2024 (westbound only). China Railway: over 2 million TEU, both directions and all destinations incl. Russia/Belarus' });
flow(2023, 'containers', 'CHN', 'EU27', 412000 / 2, 'TEU/yr', 'era_cn_eu_2024', { est: true, route: 'northern_rail', note: 'ERA China to Europe 2024 (412,000 TEU) "nearly doubled" from 2023: 412,000 / 2 = 206,000 TEU, a lower bound' });
flow(2021, 'containers', 'CHN', 'EU27', 420000, 'TEU/yr', 'era_cn_eu_2024;railjournal_cre_2021', { route: 'northern_rail', note: 'ERA China to Europe record 420,000 TEU (2021). China Railway: about 1.46 M TEU, both directions and all destinations' });
flow(2024, 'containers', 'CHN', 'EU27', 55000, 'TEU/yr', 'vestikavkaza_titr_2025;trend_titr_2024', { est: true, route: 'middle_corridor', note: 'All TITR container traffic 2024 (about 55,000 TEU; 50,500 TEU in Jan-Nov per the Kazakh government), not only China-EU' });
flow(2023, 'containers', 'CHN', 'EU27', roundHalfEven(50500 / 2.6), 'TEU/yr', 'trend_titr_2024', { est: true, route: 'middle_corridor', note: 'Jan-Nov 2024 volume 50,500 TEU / 2.6 (x2.6 y/y): Jan-Nov 2023 only; all TITR traffic' });

// ---------------------------------------------------------------- agreements
function agr(id: string, date: string, parties: string, typ: string, coms: string, vol: number | '', unit: string, summary: string, source: string,
  note = '', { est = false }: { est?: boolean } = {}): void {
  add('agreements.csv', { id, date, parties, type: typ, commodities: coms, volume: vol, unit, summary, source, estimated: estimated(est), note });
}
agr('fra_kaz_crm_2023', '2023-11-01', 'FRA;KAZ', 'cooperation', 'rare_earths;tungsten;titanium_sponge', '', '', 'During Macron\'s visit to Astana, France and Kazakhstan signed a critical-raw-materials cooperation agreement and a declaration of intent on a rare-earths/rare-metals partnership, with deals on energy and aerospace.', 'rawmaterials_fr_kz_2023;reuters_macron_2023', 'Commodities listed are the dataset\'s matching ones; the text names critical raw materials and rare earths/rare metals');
agr('eu_embargo_russian_crude', '2022-12-05', 'EU27;RUS', 'embargo', 'crude_oil', '', '', 'EU ban on imports of Russian seaborne crude oil (sixth sanctions package); pipeline deliveries via Druzhba exempted.', 'eurostat_russia_share');
agr('eu_embargo_russian_products', '2023-02-05', 'EU27;RUS', 'embargo', '', '', '', 'EU ban on imports of Russian refined petroleum products by sea.', 'eurostat_russia_share');
agr('socar_kmg_memorandum_2023', '2023-06-22', 'AZE;KAZ', 'transit', 'crude_oil', 1.5, 'Mt/yr', 'SOCAR and KazMunayGas memorandum of strategic cooperation on transit of Kazakh oil through Azerbaijan, building on the agreement (Nov 2022) to ship 1.5 Mt/yr of Tengiz oil via BTC.', 'trend_socar_kmg_2023;newsaz_kashagan_2025', 'Volume is that of the underlying 1.5 Mt/yr agreement');
agr('socar_kmg_2024', '2024-03-11', 'AZE;KAZ', 'transit', 'crude_oil', 2.2, 'Mt/yr', 'SOCAR and KMG agreement to raise Kazakh oil transit through Azerbaijan gradually, up to 2.2 Mt/yr (from 120 to 180 kt per month first), signed with Tokayev\'s state visit to Baku.', 'trend_socar_kmg_2024;newsaz_kashagan_2025');
agr('socar_kmg_kashagan_2025', '2025-01-15', 'AZE;KAZ', 'transit', 'crude_oil', 0.24, 'Mt/yr', 'SOCAR Midstream and KMG Trading agreement for the transit of 240,000 t/yr of Kashagan oil via BTC; first cargo loaded at Aktau on 25 Jan 2025.', 'newsaz_kashagan_2025');
agr('katco_jv', '1996-01-01', 'FRA;KAZ', 'joint_venture', 'uranium', 4000, 'tU/yr', 'KATCO, joint venture of Orano Mining (51%) and Kazatomprom (49%) mining the Muyunkum and Tortkuduk deposits; nominal capacity about 4,000 tU/yr.', 'astanatimes_katco_2023;orano_katco_2024', 'Founded in 1996; the sources give the year only, so 1 January is a placeholder date', { est: true });
agr('fra_kaz_paris_2024', '2024-11-05', 'FRA;KAZ', 'cooperation', 'rare_earths;uranium', '', '', 'Joint statement at Tokayev\'s state visit to Paris on critical raw materials incl. rare earths and on civil nuclear cooperation; Alstom locomotive contract.', 'energynews_tokayev_2024');

// ---------------------------------------------------------------- events
function ev(id: string, date: string, actor: string, targets: string, typ: string, tone: number, coms: string, routes: string, summary: string,
  source: string, note: string): void {
  add('events.csv', { id, date, actor, targets, type: typ, tone, commodities: coms, routes, summary, source: source + ';editor', estimated: 'true', note });
}
const TN = 'Tone scored by the dataset editors on the -10..+10 scale';
ev('macron_astana_2023', '2023-11-01', 'FRA', 'KAZ', 'AGREE', 6, 'rare_earths;uranium', '', 'Macron visits Astana and signs agreements with Tokayev on critical raw materials, energy, pharma and aerospace.', 'rawmaterials_fr_kz_2023;reuters_macron_2023', TN);
ev('lavrov_criticises_macron_2023', '2023-11-12', 'RUS', 'FRA;EU27', 'DISAPPROVE', -5, '', '', 'Lavrov calls Macron\'s "never anyone\'s vassal" remark arrogant and says the EU seeks to push Russia out of Central Asia and the South Caucasus.', 'mid_lavrov_2023', TN);
ev('eu_embargo_crude_2022', '2022-12-05', 'EU27', 'RUS', 'SANCTION', -6, 'crude_oil', '', 'EU embargo on Russian seaborne crude oil takes effect.', 'eurostat_russia_share', TN);
ev('eu_embargo_products_2023', '2023-02-05', 'EU27', 'RUS', 'SANCTION', -6, '', '', 'EU embargo on Russian seaborne petroleum products takes effect.', 'eurostat_russia_share', TN);
ev('socar_kmg_2023', '2023-06-22', 'AZE', 'KAZ', 'COOPERATE', 5, 'crude_oil', 'aktau_btc', 'SOCAR and KMG sign a memorandum on Kazakh oil transit through Azerbaijan (BTC).', 'trend_socar_kmg_2023', TN);
ev('socar_kmg_2024', '2024-03-11', 'AZE', 'KAZ', 'AGREE', 5, 'crude_oil', 'aktau_btc', 'SOCAR and KMG agree to raise Kazakh oil transit via BTC up to 2.2 Mt/yr.', 'trend_socar_kmg_2024', TN);
ev('cpc_kropotkinskaya_strike_2025', '2025-02-17', 'UKR', 'RUS', 'DISRUPTION', -7, 'crude_oil', 'cpc', 'Seven drones strike the CPC Kropotkinskaya pumping station; the station is taken out of service and CPC pumps at reduced rates.', 'unn_cpc_2025;dagens_cpc_2025', TN + '; strike attributed to Ukrainian drones by CPC reports and media');
ev('cpc_spm2_damage_2025', '2025-11-29', 'UKR', 'RUS', 'DISRUPTION', -7, 'crude_oil', 'cpc', 'Single-point mooring SPM-2 at the CPC Novorossiysk terminal is damaged; December loadings cut from 6.7 to 4.5 Mt.', 'namnews_cpc_2025;newspravda_cpc_2026', TN + '; actor as reported (attack attributed to Ukraine), C');
ev('tokayev_paris_2024', '2024-11-05', 'KAZ', 'FRA', 'AGREE', 6, 'rare_earths;uranium', '', 'Tokayev\'s state visit to Paris: joint statement on critical raw materials and civil nuclear cooperation.', 'energynews_tokayev_2024', TN);
ev('kashagan_btc_2025', '2025-01-15', 'AZE', 'KAZ', 'SUPPLY', 4, 'crude_oil', 'aktau_btc', 'Agreement for 240,000 t/yr of Kashagan oil via BTC; first cargo loaded at Aktau on 25 Jan 2025.', 'newsaz_kashagan_2025', TN);

// ---------------------------------------------------------------- world market and LNG regasification (flow model 2.1.0)
src('iea_omr_dec_2023', 'Oil Market Report - December 2023', 'International Energy Agency', 'iea.org/reports/oil-market-report-december-2023', 2023, 'World oil demand is on track to rise 2.3 mb/d to 101.7 mb/d in 2023');
src('trend_eia_steo_nov_2023', 'EIA: OPEC spare crude oil production capacity (Short-Term Energy Outlook November 2023)', 'Trend News Agency citing the U.S. EIA', 'en.trend.az/business/3822461.html', 2023, "OPEC's spare crude oil production capacity has increased from 2.4 mb/d in 2022 to a projected 4.3 mb/d in 2024");
src('trend_iea_omr_jul_2023', 'IEA: OPEC+ effective spare capacity (Oil Market Report July 2023)', 'Trend News Agency citing the IEA', 'en.trend.az/business/3774077.html', 2023, 'the effective spare capacity of the bloc, excluding crude oil volumes impacted by sanctions in Iran and Russia, stood at 4.6 mb/d (June 2023); Saudi Arabia and the UAE about 70%');
src('eia_steo_may_2024', 'Short-Term Energy Outlook May 2024: Global oil markets', 'U.S. Energy Information Administration', 'eia.gov/outlooks/steo/report/global_oil.php', 2024, 'We estimate OPEC spare production capacity will be around 4 million barrels per day (b/d) through 2025');
src('ajot_eia_surplus_2022', 'EIA estimates show a decrease in global surplus crude oil production capacity in 2022', 'American Journal of Transportation citing the U.S. EIA', 'ajot.com/news/eia-estimates-show-a-decrease-in-global-surplus-crude-oil-production-capacity-in-2022', 2022, 'Non-OPEC surplus capacity 1.4 mb/d in 2021 (about 60% in Russia), about 0.28 mb/d by May 2022; surplus = capacity that can be online within 30 days and sustained 90 days');
src('wen_iea_spare_2025', 'OPEC and Saudi Arabia spare oil production capacity (factbox of IEA data)', 'World Energy News (Reuters)', 'worldenergynews.com/news/opec-and-saudi-arabia-spare-oil-production-757363', 2025, 'OPEC spare 5.3 mb/d (Saudi Arabia 3.1, UAE 1.1, Iraq 0.6, Kuwait 0.4); non-OPEC idle capacity Kazakhstan 0.2 mb/d, Oman 0.1 mb/d (end-2024)');
src('caldara_2019_elasticities', 'Oil price elasticities and oil price fluctuations (International Finance Discussion Papers 1173)', 'Federal Reserve Board (Caldara, Cavallo & Iacoviello; Journal of Monetary Economics 2019)', 'dx.doi.org/10.17016/IFDP.2016.1173', 2016, 'Short-run (impact) price elasticity of global oil supply 0.11 and of demand -0.13, targeted to a survey of relevant studies');
src('bilgin_ellwanger_elasticities', 'The simple economics of global fuel consumption (slides comparing SVAR oil elasticities)', 'Bank of Canada (Bilgin & Ellwanger), copy on businessdocbox.com', 'businessdocbox.com/Green_Solutions/127769706-The-simple-economics-of-global-fuel-consumption.html', 2019, 'Kilian & Murphy 2014: supply 1.5%, demand -26%; Baumeister & Hamilton 2017: 15%, -35%; Caldara, Cavallo & Iacoviello 2017: 11%, -13%; fuel demand -2.3% (publication year of the slides not shown: the symposium edition is assumed, C)');
src('minfin_urals_2023', 'Average Urals price in 2023 fell 17.2% (Ministry of Finance of Russia figures)', '3E news', '3e-news.net/bg/a/view/50108/srednata-cena-na-petrola-sort-urals-prez-2023-g-e-spadnala-sys-17-2', 2024, 'Urals averaged 62.99 USD/bbl in 2023 and 76.09 USD/bbl in 2022 (Ministry of Finance of Russia)');
src('prime_urals_2024', 'Bank of Russia raises its Urals forecast', '1prime.ru (RIA Novosti)', '1prime.ru/20251024/neft-863891119.html', 2025, 'The average Urals price in 2024 was 68 USD/bbl');
src('gem_europe_gas_tracker_2024', 'Europe Gas Tracker: data file (LNG terminals)', 'Global Energy Monitor (CC BY 4.0)', 'github.com/GlobalEnergyMonitor/europe_gas_tracker/blob/main/docs/static/data/data.csv', 2024, 'Operating LNG import terminals and their capacity in MTPA, by country (commit of 16 May 2024); EU27 total 167.52 MTPA');
src('lng_mtpa_bcm', 'One ton of LNG / one million tons of LNG (conversion)', 'Hebrew Energy', 'hebrewenergy.com/one-ton-of-liquefied-natural-gas-one-million-ton-of-liquefied-natural-gas/', 2010, '1 mtpa of LNG requires 48 bcf (1.36 bcm) of natural gas per year; Enerdynamics gives 1.379 bcm per Mt (within 1.4%)');

const crudeParam = (name: string, country: string, year: number, value: number, unit: string, source: string, est: boolean, note: string) =>
  add('parameters.csv', { name, commodity: 'crude_oil', country, year, value, unit, source, estimated: estimated(est), note });
const worldDemand23 = 101.7;
crudeParam('world_demand', '', 2022, 99.4, 'mb/d', 'iea_omr_dec_2023', true, 'World oil demand 2023 101.7 mb/d minus its growth of 2.3 mb/d over 2022 (IEA, December 2023) = 99.4 mb/d; all liquids, the quantity the short-run elasticities are estimated on');
crudeParam('world_demand', '', 2023, worldDemand23, 'mb/d', 'iea_omr_dec_2023', false, 'World oil demand 2023 (IEA, December 2023 estimate); all liquids');
crudeParam('world_demand', '', 2024, 102.8, 'mb/d', 'iea_omr_dec_2023', true, '101.7 mb/d (2023) + 1.1 mb/d growth forecast for 2024 (IEA, December 2023) = 102.8 mb/d; a forecast, not an outturn');
crudeParam('opec_spare_capacity', '', 2022, 2.4, 'mb/d', 'trend_eia_steo_nov_2023', false, 'OPEC spare crude production capacity 2022 (EIA; excludes offline Iranian, Libyan, Venezuelan and Russian output). The UAE said in mid-2022 it was near its maximum (disputed figure, B)');
crudeParam('opec_spare_capacity', '', 2023, 4.6, 'mb/d', 'trend_iea_omr_jul_2023', false, 'IEA effective OPEC+ spare capacity in June 2023, excluding volumes under sanctions (Iran, Russia); Saudi Arabia and the UAE about 70%');
crudeParam('opec_spare_capacity', '', 2024, 4, 'mb/d', 'eia_steo_may_2024', false, 'EIA: OPEC spare production capacity around 4 mb/d through 2025 (IEA gives 5.3 mb/d at end-2024)');
crudeParam('nonopec_spare_capacity', '', 2022, 0.28, 'mb/d', 'ajot_eia_surplus_2022', false, 'EIA non-OPEC surplus capacity (online within 30 days, sustained 90 days) as of May 2022, after Russia\'s surplus was lost; used for 2023 too (no 2023 figure found)');
crudeParam('nonopec_spare_capacity', '', 2024, 0.3, 'mb/d', 'wen_iea_spare_2025', true, 'IEA idle non-OPEC capacity at end-2024: Kazakhstan 0.2 + Oman 0.1 = 0.3 mb/d');
crudeParam('supply_elasticity', '', 2016, 0.11, 'elasticity', 'caldara_2019_elasticities;bilgin_ellwanger_elasticities', true, 'Short-run (impact) price elasticity of global oil supply, Caldara, Cavallo & Iacoviello (targeted to a survey of studies); an assumption from the literature. Range 0.015 (Kilian & Murphy 2014) to 0.15 (Baumeister & Hamilton 2019) in supply_elasticity_low and _high');
crudeParam('supply_elasticity_low', '', 2016, 0.015, 'elasticity', 'bilgin_ellwanger_elasticities', true, 'Kilian & Murphy (2014) impact supply elasticity; the least elastic estimate quoted');
crudeParam('supply_elasticity_high', '', 2016, 0.15, 'elasticity', 'bilgin_ellwanger_elasticities', true, 'Baumeister & Hamilton (2019) impact supply elasticity; the most elastic estimate quoted');
crudeParam('demand_elasticity', '', 2016, -0.13, 'elasticity', 'caldara_2019_elasticities;bilgin_ellwanger_elasticities', true, 'Short-run (impact) price elasticity of global oil demand, Caldara, Cavallo & Iacoviello (targeted to a survey of studies); an assumption from the literature. Range -0.023 (Bilgin & Ellwanger, fuel demand) to -0.35 (Baumeister & Hamilton 2019)');
crudeParam('demand_elasticity_low', '', 2016, -0.023, 'elasticity', 'bilgin_ellwanger_elasticities', true, 'Bilgin & Ellwanger (Bank of Canada), global fuel demand; the least elastic estimate quoted');
crudeParam('demand_elasticity_high', '', 2016, -0.35, 'elasticity', 'bilgin_ellwanger_elasticities', true, 'Baumeister & Hamilton (2019) impact demand elasticity; the most elastic estimate quoted');
// The Urals discount: EIA Brent less the Urals average, two price series (about +-1-2 USD/bbl).
const URALS: [year: number, brent: number, urals: number, source: string, who: string, extra: string][] = [
  [2022, 100, 76.09, 'minfin_urals_2023;eia_brent_2022', 'Ministry of Finance of Russia', '. Most of it is buyers\' self-sanctioning from March 2022, before the EU embargo'],
  [2023, 82, 62.99, 'minfin_urals_2023;eia_brent_2024', 'Ministry of Finance of Russia', ''],
  [2024, 81, 68, 'prime_urals_2024;eia_brent_2024', 'Bank of Russia', ''],
];
for (const [y, brent, urals, source, who, extra] of URALS) {
  crudeParam('export_discount', 'RUS', y, Number(fixed(brent - urals, 1)), 'USD/bbl', source, true,
    `Brent ${brent} USD/bbl (EIA) minus Urals ${urals} USD/bbl (${who}) = ${fixed(brent - urals, 1)} USD/bbl; two price series, about +-1-2 USD/bbl${extra}`);
}
// EU LNG regasification by terminal group: GEM operating capacity (MTPA, May 2024) x 1.36 bcm per MTPA.
const BCM_PER_MTPA = 1.36;
const REGAS: [id: string, name: string, mtpa: number, operator: string, detail: string][] = [
  ['regas_iberia', 'LNG regasification, Spain and Portugal', 49.98 + 5.60, 'Enagás, Reganosa, Saggas, BBG, REN', 'Operating terminals (GEM, May 2024): Spain 49.98 MTPA (Barcelona, Huelva, Cartagena, Sagunto, El Musel, Bilbao, Mugardos) + Portugal 5.60 (Sines) = 55.58 MTPA'],
  ['regas_france', 'LNG regasification, France', 31.33, 'Elengy, Dunkerque LNG, TotalEnergies', 'Dunkirk, Montoir, Fos Cavaou, Le Havre FSRU, Fos Tonkin: 31.33 MTPA (GEM, May 2024)'],
  ['regas_benelux', 'LNG regasification, Netherlands and Belgium', 17.64 + 11.30, 'Gate terminal, EemsEnergyTerminal, Fluxys', 'Gate, Eemshaven FSRU 17.64 MTPA + Zeebrugge 11.30 MTPA = 28.94 MTPA (GEM, May 2024)'],
  ['regas_italy', 'LNG regasification, Italy', 16.50, 'Adriatic LNG, Snam, OLT', 'Adriatic, Piombino FSRU, Toscana FSRU, Panigaglia, Ravenna, HIGAS: 16.50 MTPA (GEM, May 2024)'],
  ['regas_germany', 'LNG regasification, Germany', 15.08, 'Deutsche ReGas, Uniper, DET', 'Lubmin, Wilhelmshaven and Brunsbüttel FSRUs: 15.08 MTPA (GEM, May 2024)'],
  ['regas_baltic_nordic', 'LNG regasification, Poland, Finland, Lithuania and Sweden', 4.58 + 4.28 + 2.90 + 0.60, 'Gaz-System, Gasgrid, KN Energies', 'Świnoujście 4.58 + Inkoo FSRU and small terminals 4.28 + Klaipėda FSRU 2.90 + Sweden 0.60 = 12.36 MTPA (GEM, May 2024)'],
  ['regas_south_east', 'LNG regasification, Greece, Croatia and Malta', 5.10 + 2.13 + 0.50, 'DESFA, LNG Hrvatska, Electrogas', 'Revithoussa 5.10 + Krk FSRU 2.13 + Delimara FSRU 0.50 = 7.73 MTPA (GEM, May 2024)'],
];
const REGAS_EXTRA: Record<string, string> = {
  regas_iberia: '. Poorly connected to the rest of the EU by pipeline (not modelled)',
  regas_germany: '; Stade and Mukran are not listed as operating in the file, so understated',
  regas_south_east: ' (Alexandroupolis FSRU listed as under construction)',
};
for (const [id, name, mtpa, operator, detail] of REGAS) {
  const bcm = Number(fixed(mtpa * BCM_PER_MTPA, 1));
  asset(id, name, 'terminal', 'lng', bcm, 'bcm/yr', 2024, operator, 'gem_europe_gas_tracker_2024;lng_mtpa_bcm', `${detail} x 1.36 = ${fixed(mtpa * BCM_PER_MTPA, 1)} bcm/yr${REGAS_EXTRA[id] ?? ''}`, { est: true });
}

// ---------------------------------------------------------------- write
/** A cell as written: numbers through r() (a whole number prints as itself), text as is. */
const cell = (v: Cell): string => (typeof v === 'number' ? r(v) : v);

mkdirSync(OUT, { recursive: true });
buildStages(src, OUT, cell, add); // before the tables are written: it adds sources, and criticality inputs per stage
for (const [fname, head] of Object.entries(HEAD) as [TableFile, string][]) {
  const cols = head.split(',');
  const rows = T.get(fname) ?? [];
  // formatCsv quotes a field that holds a comma, a quote or a line break (or starts or ends with a space; none
  // here does), doubles inner quotes and ends every line with \n.
  writeFileSync(join(OUT, fname), formatCsv(cols, rows.map((row) => cols.map((c) => cell(row[c] ?? '')))));
  console.log(fname, rows.length);
}
