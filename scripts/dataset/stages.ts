// Value chains of the default dataset: stages.csv, stage_supply.csv and stage_flows.csv. Called by
// scripts/build-default-dataset.ts, which passes its `src()` (sources.csv) and its number formatting, so the files
// stay byte-for-byte reproducible. Production of a stage that the EU method calls extraction or processing stays in
// production.csv (the chain reads it from there); this file holds what production.csv cannot say: the later stages,
// their units and conversions, capacities by company, and deliveries per stage.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv } from '../../src/data/csv.ts';

type Cell = string | number;
type Row = Record<string, Cell>;
type Src = (id: string, title: string, publisher: string, url: string, year: number, note?: string) => void;
/** The build script's `add`, for rows of its own tables (the EU criticality inputs of the materials added here). */
type Add = (table: 'commodities.csv' | 'crm_materials.csv' | 'crm_supply.csv', row: Row) => void;

const HEAD = {
  'stages.csv': 'commodity,stage,sequence,name,unit,predecessor,input_per_unit,eu_method_stage,source,estimated,note',
  'stage_supply.csv': 'year,commodity,stage,country,operator,kind,volume,unit,source,estimated,note',
  'stage_flows.csv': 'year,commodity,stage,importer,supplier,share,source,estimated,note',
} as const;
type StageFile = keyof typeof HEAD;

/** Builds the value-chain tables, registers their sources through `src`, and writes the files into `out`. */
export function buildStages(src: Src, out: string, cell: (v: Cell) => string, addToDataset: Add): void {
  const T = new Map<StageFile, Row[]>();
  const add = (file: StageFile, row: Row) => T.set(file, [...(T.get(file) ?? []), row]);
  const flag = (estimated: boolean) => (estimated ? 'true' : 'false');

  src('esa_obs_conversion_2017', 'Nuclear fuel cycle, front end: conversion (commercial UF6 conversion facilities, nameplate capacity 2017)', 'Euratom Supply Agency, Nuclear Market Observatory (table from WNA, The Nuclear Fuel Report 2017-2035)', 'ec.europa.eu/euratom/observatory_segments_c.html', 2017, 'Nameplate capacity by company in tU as UF6: Rosatom 18,000 (assumed from production targets), Orano (Comurhex) 15,000, Cameco 12,500, ConverDyn 7,000, CNNC 5,000; total 57,500. Page undated; the year is that of the figures');
  src('esa_obs_enrichment_2015', 'Nuclear fuel cycle, front end: enrichment (operating commercial enrichment facilities, capacity 2015)', 'Euratom Supply Agency, Nuclear Market Observatory (table from WNA, The Nuclear Fuel Report 2015-2035)', 'ec.europa.eu/euratom/observatory_segments_e.html', 2015, 'Nameplate capacity in tSW: TVEL/Tenex 26,600, Urenco (UK/DE/NL/USA) 19,100, Areva GB II 7,000, CNNC 4,220, others (CNEA, INB, JNFL) 175. The page prints a world total of 65,600, which is not the sum of its rows (57,095); the rows are used. Page undated; the year is that of the figures');
  src('esa_ar2007_wonk', '2007 Euratom Supply Agency Annual Report (summary)', 'Arms Control Wonk (totalwonkerr.net), quoting ESA', 'totalwonkerr.net/2008/07/04/report-on-u-in-the-eu/', 2008, 'Russian separative work delivered to EU utilities: some 4,528 tSWU, almost 31% of the enrichment services supplied (2007)');
  src('nfc_swu_example', 'Worked example: SWU calculation (1 kg of 3.5% enriched uranium, 0.3% tails)', 'Nuclear Fuel Cycle (nfc.rizgarmella.com)', 'nfc.rizgarmella.com/ch02/worked-example-swu-calculation', 2024, 'Feed 7.785 kg natural U and 4.34 kg-SWU per kg of 3.5% product at 0.3% tails (standard mass balance and value function)');
  src('iupac_atomic_weights', 'Standard atomic weights (Ti 47.867, O 15.999)', 'IUPAC Commission on Isotopic Abundances and Atomic Weights', 'ciaaw.org/atomic-weights.htm', 2021, 'Used for the TiO2 content of one tonne of titanium');

  // ------------------------------------------------------------ stages
  const stage = (commodity: string, id: string, sequence: number, name: string, unit: string, predecessor: string, input: Cell, euStage: string, source: string, estimated: boolean, note: string) =>
    add('stages.csv', { commodity, stage: id, sequence, name, unit, predecessor, input_per_unit: input, eu_method_stage: euStage, source, estimated: flag(estimated), note });
  // Uranium: the EU criticality method does not cover it (Euratom does), so eu_method_stage only says which stage
  // production.csv's extraction rows are.
  stage('uranium', 'mining', 1, 'Mining and milling (U3O8, uranium ore concentrate)', 'tU', '', '', 'extraction', 'wna_mining_2023', false, 'Counted in tonnes of uranium contained; 1 tU = 1.1792 t U3O8');
  stage('uranium', 'conversion', 2, 'Conversion (UF6)', 'tU', 'mining', 1, 'processing', 'esa_obs_conversion_2017', true, 'Same uranium content as the concentrate converted: 1 tU as UF6 takes 1 tU as U3O8 (process losses, well under 1%, neglected)');
  stage('uranium', 'enrichment', 3, 'Enrichment (separative work)', 'tSWU', 'conversion', 7.785 / 4.34, '', 'nfc_swu_example', true, `Natural UF6 feed per tSWU when enriching to 3.5% U-235 at 0.3% tails: 7.785 tU feed / 4.34 tSWU = ${cell(7.785 / 4.34)} tU; depends on the product and tails assays`);
  stage('uranium', 'fuel_fabrication', 4, 'Fuel fabrication (enriched uranium in assemblies)', 'tHM', 'enrichment', 4.34, '', 'nfc_swu_example', true, 'Separative work per tonne of heavy metal at 3.5% U-235 and 0.3% tails: 4.34 tSWU/tHM; depends on the assays');
  // Tungsten, counted in tungsten content at every stage (so the stages convert 1:1; process losses neglected).
  stage('tungsten', 'concentrate', 1, 'Mining: tungsten concentrate', 't W', '', '', 'extraction', 'inn_tungsten_2024', false, 'Tonnes of tungsten content (USGS basis)');
  stage('tungsten', 'apt', 2, 'Processing: ammonium paratungstate (APT) and oxides', 't W', 'concentrate', 1, 'processing', 'critmat_eu2023', true, 'Counted in tungsten content: 1 t W in APT takes 1 t W in concentrate (losses neglected)');
  stage('tungsten', 'metal_carbide', 3, 'Tungsten metal powder and carbide', 't W', 'apt', 1, '', 'critmat_eu2023', true, 'Counted in tungsten content (losses neglected)');
  // Rare earths, counted in rare-earth oxide (REO) equivalent throughout.
  stage('rare_earths', 'mining', 1, 'Mining: mixed rare-earth concentrate', 't REO', '', '', 'extraction', 'usgs_ree_2024', false, 'Tonnes of rare-earth oxide equivalent (USGS basis)');
  stage('rare_earths', 'separation', 2, 'Separation into individual oxides', 't REO', 'mining', 1, 'processing', 'critmat_eu2023', true, 'Counted in REO equivalent (losses neglected)');
  stage('rare_earths', 'metals_magnets', 3, 'Metals, alloys and permanent magnets', 't REO', 'separation', 1, '', 'critmat_eu2023', true, 'Counted in REO equivalent of the rare earths they contain (losses neglected)');
  // Titanium: feedstock in TiO2 content, sponge and metal in Ti.
  const tio2PerTi = (47.867 + 2 * 15.999) / 47.867;
  stage('titanium_sponge', 'feedstock', 1, 'Mining: ilmenite and rutile (TiO2 content)', 't TiO2', '', '', 'extraction', 'critmat_eu2023', false, 'Tonnes of TiO2 contained');
  stage('titanium_sponge', 'sponge', 2, 'Titanium sponge (Kroll process)', 't Ti', 'feedstock', tio2PerTi, 'processing', 'iupac_atomic_weights;argus_tisponge_2025', true, `Stoichiometric: one tonne of Ti is contained in (47.867 + 2 x 15.999) / 47.867 = ${cell(tio2PerTi)} t TiO2 (losses neglected)`);
  stage('titanium_sponge', 'metal', 3, 'Titanium metal (ingot, mill products)', 't Ti', 'sponge', 1, '', 'argus_tisponge_2025', true, 'Counted in titanium content (scrap and losses neglected)');

  // Manganese and natural graphite: one stage each, the mining the EU method assesses (their later stages, such as
  // manganese sulphate or spherical graphite for battery anodes, have no sourced figures here).
  stage('manganese', 'mining', 1, 'Mining: manganese ore (Mn content)', 't Mn', '', '', 'extraction', 'usgs_mcs2025_manganese', false, 'Tonnes of manganese content (USGS basis); production by country in production.csv');
  stage('graphite', 'mining', 1, 'Mining: natural graphite (flake and amorphous)', 't', '', '', 'extraction', 'bhcarbons_graphite_2024', false, 'Tonnes of graphite concentrate (USGS basis)');

  // ------------------------------------------------------------ uranium mining 2023-2024 (2022 and before: production.csv)
  src('wna_mining_2025', 'World Uranium Mining Production (country table 2015-2024)', 'World Nuclear Association (page as relayed by newsfilecorp.com)', 'api.newsfilecorp.com/redirect/MAynzHzXZ3', 2025, 'tU by country; world 54,433 tU (2023) and 60,213 tU (2024); Kazakhstan 39% of world supply in 2024. This edition revises 2022 (49,614 tU); the dataset keeps the 2023 edition for 2022');
  const wna: [string, number, number, boolean][] = [
    ['KAZ', 21109, 23270, false], ['CAN', 11001, 14309, false], ['NAM', 6986, 7333, false], ['AUS', 4693, 4598, false],
    ['UZB', 4000, 4000, true], ['RUS', 2710, 2738, false], ['CHN', 1600, 1600, true], ['NER', 1130, 962, false],
    ['IND', 485, 500, true], ['ZAF', 200, 200, true], ['UKR', 340, 288, true], ['USA', 19, 260, false], ['OTHER', 161, 155, false],
  ];
  for (const [i, year] of [2023, 2024].entries()) {
    for (const [c, v23, v24, est] of wna) {
      add('stage_supply.csv', { year, commodity: 'uranium', stage: 'mining', country: c, operator: '', kind: 'production', volume: i === 0 ? v23 : v24, unit: 'tU', source: 'wna_mining_2025', estimated: flag(est), note: est ? 'WNA estimate' : c === 'OTHER' ? 'WNA "Others"' : '' });
    }
    add('stage_supply.csv', { year, commodity: 'uranium', stage: 'mining', country: 'WLD', operator: '', kind: 'production', volume: i === 0 ? 54433 : 60213, unit: 'tU', source: 'wna_mining_2025', estimated: 'false', note: 'World total (the countries may not add up exactly, as WNA rounds)' });
  }

  // ------------------------------------------------------------ capacity per stage
  const supply = (year: number, commodity: string, stageId: string, country: string, operator: string, kind: string, volume: number, unit: string, source: string, estimated: boolean, note: string) =>
    add('stage_supply.csv', { year, commodity, stage: stageId, country, operator, kind, volume, unit, source, estimated: flag(estimated), note });
  supply(2017, 'uranium', 'conversion', 'RUS', 'Rosatom (Atomenergoprom)', 'capacity', 18000, 'tU', 'esa_obs_conversion_2017', true, 'WNA: nameplate capacity unknown, assumed from announced production targets');
  supply(2017, 'uranium', 'conversion', 'FRA', 'Orano (Comurhex, Malvesi and Tricastin)', 'capacity', 15000, 'tU', 'esa_obs_conversion_2017', false, '');
  supply(2017, 'uranium', 'conversion', 'CAN', 'Cameco (Port Hope)', 'capacity', 12500, 'tU', 'esa_obs_conversion_2017', false, '');
  supply(2017, 'uranium', 'conversion', 'USA', 'ConverDyn (Metropolis)', 'capacity', 7000, 'tU', 'esa_obs_conversion_2017', false, 'Metropolis was idle from late 2017 and restarted in 2023');
  supply(2017, 'uranium', 'conversion', 'CHN', 'CNNC', 'capacity', 5000, 'tU', 'esa_obs_conversion_2017', false, '');
  supply(2015, 'uranium', 'enrichment', 'RUS', 'TVEL/Tenex (Rosatom)', 'capacity', 26600, 'tSWU', 'esa_obs_enrichment_2015', false, '');
  supply(2015, 'uranium', 'enrichment', 'OTHER', 'Urenco (United Kingdom, Germany, Netherlands, United States)', 'capacity', 19100, 'tSWU', 'esa_obs_enrichment_2015', false, 'The source gives no split of Urenco by country; counted as OTHER, so metrics treat it as dispersed and understate concentration');
  supply(2015, 'uranium', 'enrichment', 'FRA', 'Orano (Georges Besse II)', 'capacity', 7000, 'tSWU', 'esa_obs_enrichment_2015', false, '');
  supply(2015, 'uranium', 'enrichment', 'CHN', 'CNNC', 'capacity', 4220, 'tSWU', 'esa_obs_enrichment_2015', false, '');
  supply(2015, 'uranium', 'enrichment', 'OTHER', 'CNEA, INB, JNFL', 'capacity', 175, 'tSWU', 'esa_obs_enrichment_2015', false, 'Argentina, Brazil, Japan');

  enrichment2023(src, supply);
  graphiteMining(supply);

  // ------------------------------------------------------------ EU deliveries per stage (ESA)
  const delivery = (year: number, stageId: string, supplier: string, share: number, source: string, estimated: boolean, note: string) =>
    add('stage_flows.csv', { year, commodity: 'uranium', stage: stageId, importer: 'EU27', supplier, share: String(Number(share.toFixed(4))), source, estimated: flag(estimated), note });
  const esa2022: [string, number][] = [['KAZ', 26.82], ['NER', 25.38], ['CAN', 21.99], ['RUS', 16.89], ['UZB', 3.76]];
  for (const [c, s] of esa2022) delivery(2022, 'mining', c, s / 100, 'nucnet_esa_2022', false, `${s}% of natural uranium delivered to EU utilities, by country of origin` + (c === 'RUS' ? '; includes natural uranium contained in enriched uranium products' : ''));
  const rest22 = 100 - esa2022.reduce((a, [, s]) => a + s, 0);
  delivery(2022, 'mining', 'OTHER', Number(rest22.toFixed(2)) / 100, 'nucnet_esa_2022', true, `Remainder 100 - ${esa2022.map(([, s]) => s).join(' - ')} = ${rest22.toFixed(2)}%: South Africa + Namibia 2.23%, Australia and others`);
  const esa2021: [string, number][] = [['NER', 24.26], ['KAZ', 22.99], ['RUS', 19.69]];
  for (const [c, s] of esa2021) delivery(2021, 'mining', c, s / 100, 'checknews_esa_2021', false, `${s}% of natural uranium delivered to EU utilities (ESA, as quoted)`);
  const rest21 = 100 - esa2021.reduce((a, [, s]) => a + s, 0);
  delivery(2021, 'mining', 'OTHER', Number(rest21.toFixed(2)) / 100, 'checknews_esa_2021', true, `Remainder 100 - 24.26 - 22.99 - 19.69 = ${rest21.toFixed(2)}%: Australia and Canada (top five 96%) and others, not broken down`);
  src('politico_esa_2021', 'EU cannot shake off its dependence on Russian nuclear fuel (Politico, citing ESA figures for 2021)', 'Sputnik Brasil (noticiabrasil.net.br), relaying Politico', 'noticiabrasil.net.br/amp/20230228/ue-nao-pode-se-livrar-da-dependencia-do-combustivel-nuclear-russo-diz-midia-27864503.html', 2023, 'In 2021 Rosatom supplied EU reactors 20% of their natural uranium, a quarter of conversion services and a third of enrichment services (ESA). C: relayed by a Russian state outlet; the shares are given in words');
  delivery(2021, 'conversion', 'RUS', 0.25, 'politico_esa_2021', true, '"A quarter" of the conversion services supplied to EU reactors in 2021 (ESA via Politico), written as 25%');
  delivery(2021, 'enrichment', 'RUS', 1 / 3, 'politico_esa_2021', true, '"A third" of the enrichment services supplied to EU reactors in 2021 (ESA via Politico), written as 33.33%');
  src('bne_euratom_2020', 'Special report: uranium (bne IntelliNews magazine, August 2022, p. 43), quoting Euratom figures for 2020', 'bne IntelliNews', 'online.flipbuilder.com/myab/uhdc/files/basic-html/page43.html', 2022, 'Euratom estimates that Russian companies provided about 24% of uranium conversion services and 25% of enrichment services to EU utilities in 2020; France\'s Orano supplies the majority of enrichment services and the largest share of conversion services');
  delivery(2020, 'conversion', 'RUS', 0.24, 'bne_euratom_2020', false, 'About 24% of the conversion services supplied to EU utilities in 2020 came from Russian companies (Euratom estimate, as quoted)');
  delivery(2020, 'enrichment', 'RUS', 0.25, 'bne_euratom_2020', false, 'About 25% of the enrichment services supplied to EU utilities in 2020 came from Russian companies (Euratom estimate, as quoted)');
  src('nuklearforum_esa_2010', 'L\'uranium russe détient la part du lion dans l\'UE (ESA annual report 2010)', 'Nuklearforum Schweiz', 'nuklearforum.ch/fr/nouvelles/luranium-russe-detient-la-part-du-lion-dans-lue', 2011, 'Enrichment supplied to EU utilities in 2010: Eurodif (Areva) and Urenco 59.1% (8,785 tSWU), Russia\'s Tenex 33% (4,896 tSWU); more than a quarter of natural uranium from Russia');
  delivery(2010, 'enrichment', 'RUS', 0.33, 'nuklearforum_esa_2010', false, 'Tenex 33% (4,896 tSWU) of the enrichment supplied to EU utilities in 2010 (ESA annual report, as quoted); Eurodif and Urenco 59.1% inside the EU, not split by country');
  delivery(2007, 'enrichment', 'RUS', 0.31, 'esa_ar2007_wonk', false, 'Russian separative work, some 4,528 tSWU: almost 31% of enrichment services supplied to EU utilities ');

  addCriticalityInputs(src, addToDataset);

  for (const [file, head] of Object.entries(HEAD) as [StageFile, string][]) {
    const cols = head.split(',');
    const rows = T.get(file) ?? [];
    writeFileSync(join(out, file), formatCsv(cols, rows.map((row) => cols.map((c) => cell(row[c] ?? '')))));
    console.log(file, rows.length);
  }
}

type Supply = (year: number, commodity: string, stageId: string, country: string, operator: string, kind: string, volume: number, unit: string, source: string, estimated: boolean, note: string) => void;

/**
 * World enrichment capacity in 2023 by company and, where a plant's figure is published, by country. Orano gives
 * each enricher's share of world capacity (Rosatom 43%, Urenco 31%, CNNC 13%, Orano 12%); Georges Besse II's
 * 7,500 tSWU are its 12%, which fixes the world total at 7,500 / 0.12 = 62,500 tSWU. Urenco is split where its plants
 * are: Eunice (USA) 4,600 tSWU; Almelo (Netherlands) about 5,000, as a 15% expansion of it adds about 750 tSWU; the
 * rest of Urenco's 31% (Gronau, Germany, and Capenhurst, United Kingdom) is not split by the sources and counts as
 * OTHER, like the 1% left by the four shares.
 */
function enrichment2023(src: Src, supply: Supply): void {
  src('rbc_bloomberg_orano_2023', 'France expands uranium enrichment plant to decrease dependency on Russia (Bloomberg report, citing Orano)', 'RBC-Ukraine, relaying Bloomberg', 'newsukraine.rbc.ua/news/france-expands-uranium-enrichment-plant-to-1697827783.html', 2023, 'According to Orano, Rosatom has 43% of world enrichment production capacity, Urenco 31%, CNNC 13% and Orano 12% (October 2023)');
  src('sfen_gb2_2024', 'Orano launches expansion of the Georges Besse II enrichment plant', 'SFEN (French Nuclear Energy Society)', 'sfeninenglish.org/orano-launches-expansion-of-the-georges-besse-ii-enrichment-plant/', 2024, 'Georges Besse II: 7.5 million SWU/yr, 12% of world enrichment capacity; the extension takes it to 10 million SWU/yr (from 2028)');
  src('wnn_urenco_almelo_2023', 'Urenco to expand capacity at Dutch facility', 'World Nuclear News', 'world-nuclear-news.org/Articles/Urenco-to-expand-capacity-at-Dutch-facility', 2023, 'Almelo capacity +15%, about 750 tSWU/yr (first cascades 2027); Eunice, New Mexico: production capacity 4,600 tSWU/yr (14 Dec 2023)');
  const world = 7500 / 0.12;
  const share = (company: string, s: number) => `${company} ${s * 100}% of world capacity (Orano) x ${world.toLocaleString('en-GB')} tSWU`;
  const worldNote = 'World total derived from Georges Besse II: 7,500 tSWU = 12% of world capacity, so 7,500 / 0.12';
  const almelo = 750 / 0.15;
  const urencoRest = 0.31 * world - 4600 - almelo;
  supply(2023, 'uranium', 'enrichment', 'WLD', '', 'capacity', world, 'tSWU', 'sfen_gb2_2024', true, `${worldNote} = ${world.toLocaleString('en-GB')} tSWU`);
  supply(2023, 'uranium', 'enrichment', 'RUS', 'Rosatom (TVEL)', 'capacity', 0.43 * world, 'tSWU', 'rbc_bloomberg_orano_2023;sfen_gb2_2024', true, share('Rosatom', 0.43));
  supply(2023, 'uranium', 'enrichment', 'FRA', 'Orano (Georges Besse II)', 'capacity', 7500, 'tSWU', 'sfen_gb2_2024', false, '7.5 million SWU/yr, 12% of world capacity');
  supply(2023, 'uranium', 'enrichment', 'CHN', 'CNNC', 'capacity', 0.13 * world, 'tSWU', 'rbc_bloomberg_orano_2023;sfen_gb2_2024', true, share('CNNC', 0.13));
  supply(2023, 'uranium', 'enrichment', 'NLD', 'Urenco (Almelo)', 'capacity', almelo, 'tSWU', 'wnn_urenco_almelo_2023', true, `A 15% expansion adds about 750 tSWU, so the plant has about 750 / 0.15 = ${almelo.toLocaleString('en-GB')} tSWU`);
  supply(2023, 'uranium', 'enrichment', 'USA', 'Urenco USA (Eunice)', 'capacity', 4600, 'tSWU', 'wnn_urenco_almelo_2023', false, 'Production capacity 4,600 tSWU/yr');
  supply(2023, 'uranium', 'enrichment', 'OTHER', 'Urenco (Gronau, Germany; Capenhurst, United Kingdom)', 'capacity', urencoRest, 'tSWU', 'rbc_bloomberg_orano_2023;sfen_gb2_2024;wnn_urenco_almelo_2023', true,
    `Urenco's 31% (${(0.31 * world).toLocaleString('en-GB')} tSWU) less Eunice 4,600 and Almelo ${almelo.toLocaleString('en-GB')} = ${urencoRest.toLocaleString('en-GB')} tSWU; not split between Germany and the United Kingdom by the sources, so counted as OTHER (dispersed), which understates concentration`);
  supply(2023, 'uranium', 'enrichment', 'OTHER', 'Others', 'capacity', 0.01 * world, 'tSWU', 'rbc_bloomberg_orano_2023;sfen_gb2_2024', true, `Remainder 100 - 43 - 31 - 13 - 12 = 1% of ${world.toLocaleString('en-GB')} tSWU (Argentina, Brazil, Japan and others, not broken down)`);
}

/** A share written with four decimals at most, as crm_supply.csv writes shares. */
const share4 = (x: number): string => String(Number(x.toFixed(4)));

/**
 * EU criticality inputs per stage for materials the dataset had no inputs for: gallium and germanium (processing),
 * rare earths (extraction and processing). EI, IR per stage, EoL-RIR and SI(SR) are those of the EU 2023 study
 * (critmat_eu2023); global shares per stage come from USGS and IEA. No EU-sourcing shares were found for them, so the
 * method's stand-in (global supply for EU sourcing) applies and says so.
 */
function addCriticalityInputs(src: Src, add: Add): void {
  src('mining_gage_2024', 'Graphite news: China share of refined germanium and gallium output in 2023', 'MINING.COM', 'mining.com/commodity/graphite/page/2', 2024, 'China: 59.2% of global refined germanium production and 98.8% of refined gallium output in 2023');
  src('iea_gcmo_2024_ree', 'IEA Global Critical Minerals Outlook 2024: rare earth elements (summary)', 'Wayen (summary of the IEA report)', 'wayenind.com/china-continues-to-dominate-rare-earth-element-extraction-for-another-decade/', 2024, '2023: China 62% of mining and 92% of refined production; China, Malaysia and Australia 98% of refining');
  add('commodities.csv', { id: 'gallium', name: 'Gallium', group: 'mineral', unit: 't/yr', allowed_units: 't/yr', fungible: 'false', source: 'mining_gage_2024', estimated: 'false', note: 'Refined (primary) gallium' });
  add('commodities.csv', { id: 'germanium', name: 'Germanium', group: 'mineral', unit: 't/yr', allowed_units: 't/yr', fungible: 'false', source: 'mining_gage_2024', estimated: 'false', note: 'Refined germanium' });
  const material = (m: string, ei: number, ir: number, irE: Cell, irP: Cell, eol: number, si: number, estimated: boolean, note: string) =>
    add('crm_materials.csv', { material: m, year: 2023, economic_importance: ei, import_reliance: ir, import_reliance_extraction: irE, import_reliance_processing: irP, eol_rir: eol, substitution_index: si, source: 'critmat_eu2023', estimated: estimated ? 'true' : 'false', note });
  material('gallium', 3.7, 0.98, '', 0.98, 0, 0.98, false, 'Assessed at processing only in the study (SR 3.9). SI(EI) 0.98');
  material('germanium', 3.6, 0.42, '', 0.42, 0.02, 0.94, false, 'Assessed at processing only in the study (SR 1.8). SI(EI) 0.92');
  material('rare_earths', 7.2, 0.8, 0.8, 1, 0.01, 0.99, true, 'The study assesses each rare earth separately; these are the inputs of neodymium (SR 4.5 at extraction, 3.7 at processing), the magnet rare earth that dominates the value of the REO mix. SI(EI) 0.97');
  const supply = (m: string, stage: string, country: string, x: number, source: string, estimated: boolean, note: string) =>
    add('crm_supply.csv', { material: m, year: 2023, stage, scope: 'global', country, share: share4(x), trade_parameter: '', source, estimated: estimated ? 'true' : 'false', note });
  supply('gallium', 'processing', 'CHN', 0.988, 'mining_gage_2024', false, '98.8% of refined gallium output in 2023');
  supply('gallium', 'processing', 'OTHER', 1 - 0.988, 'mining_gage_2024', true, 'Remainder 100% - 98.8% = 1.2% (Japan, Korea, Russia and others, not broken down)');
  supply('germanium', 'processing', 'CHN', 0.592, 'mining_gage_2024', false, '59.2% of refined germanium production in 2023');
  supply('germanium', 'processing', 'OTHER', 1 - 0.592, 'mining_gage_2024', true, 'Remainder 100% - 59.2% = 40.8%, not broken down (metrics treat it as dispersed, so the HHI is a lower bound)');
  const ree: [string, number][] = [['CHN', 240000], ['USA', 43000], ['MMR', 38000], ['AUS', 18000], ['THA', 7100]];
  for (const [c, v] of ree) supply('rare_earths', 'extraction', c, v / 350000, 'usgs_ree_2024', true, `USGS 2023 mine production share: ${v.toLocaleString('en-GB')} / 350,000 t REO`);
  const reeRest = 350000 - ree.reduce((a, [, v]) => a + v, 0);
  supply('rare_earths', 'extraction', 'OTHER', reeRest / 350000, 'usgs_ree_2024', true, `Remainder ${reeRest.toLocaleString('en-GB')} / 350,000 t REO (India, Russia, Vietnam and others)`);
  supply('rare_earths', 'processing', 'CHN', 0.92, 'iea_gcmo_2024_ree', false, '92% of refined rare-earth production in 2023 (IEA)');
  // Titanium sponge: the study's "titanium metal" (assessed at processing, SR 1.6). The latest complete split by
  // country found is of 2021; it stands in for 2023 (marked estimated).
  material('titanium_sponge', 6.3, 1, '', 1, 0.01, 1, false, 'Inputs of "titanium metal" in the study (SR 0.5 at extraction, 1.6 at processing, the bottleneck). SI(EI) 1.00');
  const world21 = 210000 / 0.57;
  const sponge: [string, number, string, Cell][] = [
    ['CHN', 0.57, '57% of world sponge output in 2021', ''],
    ['JPN', 0.17, 'about 17% of world sponge output in 2021', ''],
    ['RUS', 0.13, 'about 13% of world sponge output in 2021; trade parameter 1.1 (EU 2023 study)', 1.1],
    ['KAZ', 16000 / world21, `16,000 t of a world ${Math.round(world21).toLocaleString('en-GB')} t (210,000 t / 0.57) in 2021`, ''],
    ['UKR', 3700 / world21, `3,700 t of a world ${Math.round(world21).toLocaleString('en-GB')} t in 2021; trade parameter 1.1 (EU 2023 study)`, 1.1],
  ];
  for (const [c, x, note, t] of sponge) {
    add('crm_supply.csv', { material: 'titanium_sponge', year: 2023, stage: 'processing', scope: 'global', country: c, share: share4(x), trade_parameter: t, source: t === '' ? 'reuters_tisponge_2022' : 'reuters_tisponge_2022;critmat_eu2023', estimated: 'true', note: `${note}; 2021 shares standing in for 2023 (the latest complete split by country found)` });
  }
  const spongeRest = 1 - sponge.reduce((a, [, x]) => a + Number(share4(x)), 0);
  supply('titanium_sponge', 'processing', 'OTHER', spongeRest, 'reuters_tisponge_2022', true, `Remainder 1 - ${sponge.map(([, x]) => share4(x)).join(' - ')} = ${share4(spongeRest)} (Saudi Arabia, India and others, not broken down); 2021 standing in for 2023`);
  supply('rare_earths', 'processing', 'OTHER', 0.08, 'iea_gcmo_2024_ree', true, 'Remainder 8%: Malaysia and Australia (with China 98% of refining) and others; the summary gives no split, so it counts as dispersed');
  // Tungsten at processing (APT, oxides and powders), the study's bottleneck: no split by country was found, only
  // China's share as a lower bound ("exceeding 90%" of deep processing, next to 83% of concentrate); the rest counts as
  // OTHER (dispersed), so the stage's HHI is a lower bound too. The study gives China no trade parameter for refined
  // tungsten (only Vietnam, 1.1), so none is applied.
  src('sscollege_tungsten_2025', 'Analysis of the international tungsten market (China: about 83% of concentrate, over 90% of deep processing)', 'sscollege.cn (news page, citing USGS 2025 for concentrate)', 'sscollege.cn/en/info/44949.html', 2025, 'China accounts for approximately 83% of global tungsten concentrate production (USGS 2025), with deep processing accounting for an even higher proportion, exceeding 90%. C: a Chinese news page; the processing share is stated as a lower bound without its source');
  supply('tungsten', 'processing', 'CHN', 0.9, 'sscollege_tungsten_2025', true, 'China "exceeding 90%" of tungsten deep processing (APT, oxides, powders), written as 90% (a lower bound); stated in 2025, standing in for 2023');
  supply('tungsten', 'processing', 'OTHER', 0.1, 'sscollege_tungsten_2025', true, 'Remainder 1 - 0.9 (Vietnam, the EU, Japan and others; not split by the source, counted as dispersed)');
  addFerrochrome(src, add);
  addEuSourcingRareEarths(src, add);
  addManganese(add);
  addGraphite(src, add);
}

/**
 * Chromium at processing (ferrochrome), where Kazakhstan is third. The figures (2023, t) come from a data page that
 * calls them "chromite production", but they cannot be chromite ore: USGS's chromite table (usgs_chromium_2025) has no
 * Chinese mining and a world of 41 Mt, against 7.4 Mt for China and 0.48 Mt for Finland here. They match ferrochrome:
 * 10.6 Mt in 2016 with Kazakhstan 11%, India 10% and Finland 5% (portnex_ferrochrome_2016). Shares are over the sum of
 * the listed countries (the page gives no world total); Zimbabwe, Brazil and Albania are not in countries.csv and
 * count as OTHER. Trade parameters: the EU study's 1.1 for China and Russia at the refined stage.
 */
function addFerrochrome(src: Src, add: Add): void {
  src('reportlinker_chromium_2024', 'Global chromite production by country (2023)', 'ReportLinker (data page)', 'reportlinker.com/dataset/f66960339e016deac1a40014e40846f06d806741', 2024, 'Labelled "chromite production", t, 2023: China 7,399,500; South Africa 2,193,200; Kazakhstan 1,292,400; Finland 478,330; India 387,770; Russia 346,810; Zimbabwe 269,100; Brazil 49,420; Albania 23,900. C: the magnitudes are those of ferrochrome, not chromite ore (see the note of the rows)');
  src('portnex_ferrochrome_2016', 'Producer of high carbon ferrochrome: ferrochrome production', 'Portnex (trader page)', 'portnex.com/producer-of-high-carbon-ferrochrome/', 2017, 'High-carbon ferrochrome 10.589 Mt in 2016: South Africa and China 68% together, Kazakhstan 11%, India 10%, Finland 5%, rest 6%');
  const rows: [string, number][] = [['CHN', 7399500], ['ZAF', 2193200], ['KAZ', 1292400], ['FIN', 478330], ['IND', 387770], ['RUS', 346810]];
  const others: [string, number][] = [['Zimbabwe', 269100], ['Brazil', 49420], ['Albania', 23900]];
  const total = [...rows, ...others].reduce((a, [, t]) => a + t, 0);
  const tp: Record<string, number> = { CHN: 1.1, RUS: 1.1 };
  const why = 'ferrochrome output 2023 (the source labels it chromite; see sources.csv)';
  for (const [c, t] of rows) {
    add('crm_supply.csv', { material: 'chromium', year: 2023, stage: 'processing', scope: 'global', country: c, share: share4(t / total), trade_parameter: tp[c] ?? '', source: 'reportlinker_chromium_2024;portnex_ferrochrome_2016' + (tp[c] ? ';critmat_eu2023' : ''), estimated: 'true',
      note: `${t.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} t, ${why}` + (tp[c] ? `; trade parameter ${tp[c]} (refined chromium, EU 2023 study)` : '') });
  }
  const rest = others.reduce((a, [, t]) => a + t, 0);
  add('crm_supply.csv', { material: 'chromium', year: 2023, stage: 'processing', scope: 'global', country: 'OTHER', share: share4(rest / total), trade_parameter: '', source: 'reportlinker_chromium_2024', estimated: 'true',
    note: `${others.map(([n, t]) => `${n} ${t.toLocaleString('en-GB')}`).join(', ')} = ${rest.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} t (countries not in countries.csv), ${why}` });
}

/**
 * Rare earths at processing, EU sourcing: Eurostat's 2024 EU imports of rare-earth compounds and metals (REE+, by
 * weight). The EU separates almost none itself (the study's import reliance at processing is 100%), so imports stand
 * for EU sourcing; 2024 is the nearest year published with a split by partner and stands in for 2023.
 */
function addEuSourcingRareEarths(src: Src, add: Add): void {
  src('eurostat_ree_2024', 'Imports of rare earth elements saw 30% drop in 2024 (Eurostat news, dataset ds-045409)', 'Eurostat (news item ddn-20250409-1, as relayed by openstats.eu and WAM)', 'ec.europa.eu/eurostat/web/products-eurostat-news/w/ddn-20250409-1', 2025, 'EU imports of REE+ 12,900 t in 2024 (-29.3%): China 46.3% (6,000 t), Russia 28.4% (3,700 t), Malaysia 19.9% (2,600 t); exports 5,500 t');
  const partners: [string, number, string][] = [['CHN', 0.463, '46.3% (6,000 t)'], ['RUS', 0.284, '28.4% (3,700 t)'], ['MYS', 0.199, '19.9% (2,600 t)']];
  const standIn = '2024 imports standing in for 2023 EU sourcing (import reliance at processing 100% in the EU study)';
  for (const [c, x, what] of partners) {
    add('crm_supply.csv', { material: 'rare_earths', year: 2023, stage: 'processing', scope: 'eu_sourcing', country: c, share: share4(x), trade_parameter: '', source: 'eurostat_ree_2024', estimated: 'true', note: `${what} of EU imports of rare-earth compounds and metals by weight; ${standIn}` });
  }
  const rest = 1 - partners.reduce((a, [, x]) => a + x, 0);
  add('crm_supply.csv', { material: 'rare_earths', year: 2023, stage: 'processing', scope: 'eu_sourcing', country: 'OTHER', share: share4(rest), trade_parameter: '', source: 'eurostat_ree_2024', estimated: 'true', note: `Remainder 1 - 0.463 - 0.284 - 0.199 = ${share4(rest)}, not broken down; ${standIn}` });
}

/**
 * Manganese at extraction: USGS Mineral Commodity Summaries 2025 (2024 estimates, kt Mn content; the source is already
 * registered by the build script). The split by country is of 2024 and stands in for 2023, the year of the EU study's
 * inputs; the study gives no trade parameter for manganese ore.
 */
function addManganese(add: Add): void {
  const world = 20000;
  const mn: [string, number][] = [['ZAF', 7400], ['GAB', 4600], ['AUS', 2800], ['GHA', 820], ['IND', 800], ['CHN', 770], ['BRA', 590], ['MYS', 410]];
  for (const [c, kt] of mn) {
    add('crm_supply.csv', { material: 'manganese', year: 2023, stage: 'extraction', scope: 'global', country: c, share: share4(kt / world), trade_parameter: '', source: 'usgs_mcs2025_manganese', estimated: 'true', note: `USGS 2024 mine production share: ${kt.toLocaleString('en-GB')} / ${world.toLocaleString('en-GB')} kt Mn; 2024 standing in for 2023` });
  }
  const listed = mn.reduce((a, [, kt]) => a + kt, 0);
  add('crm_supply.csv', { material: 'manganese', year: 2023, stage: 'extraction', scope: 'global', country: 'OTHER', share: share4((world - listed) / world), trade_parameter: '', source: 'usgs_mcs2025_manganese', estimated: 'true', note: `Remainder ${world.toLocaleString('en-GB')} - ${listed.toLocaleString('en-GB')} = ${(world - listed).toLocaleString('en-GB')} kt (Kazakhstan, Cote d'Ivoire, Ukraine and others); 2024 standing in for 2023` });
}

/** Natural graphite mine production 2023, kt, by country (bhcarbons_graphite_2024), and USGS's world total. */
const GRAPHITE_2023: [country: string, kt: number, mark: string][] = [
  ['CHN', 1230, ''], ['MDG', 96, '; marked by the page (Phase I commissioning)'], ['MOZ', 96, ''], ['BRA', 73, ''], ['KOR', 27, ''],
  ['CAN', 16.2, ''], ['RUS', 14.5, '; marked by the page'], ['IND', 11.5, ''], ['PRK', 8.1, ''], ['NOR', 7.2, ''],
];
const GRAPHITE_WORLD_2023 = 1600;

/** The graphite mining stage's holders: the same 2023 figures, in tonnes. */
function graphiteMining(supply: Supply): void {
  for (const [c, kt, mark] of GRAPHITE_2023) {
    supply(2023, 'graphite', 'mining', c, '', 'production', kt * 1000, 't', 'bhcarbons_graphite_2024', false, mark.replace(/^; /, ''));
  }
  supply(2023, 'graphite', 'mining', 'WLD', '', 'production', GRAPHITE_WORLD_2023 * 1000, 't', 'statranker_graphite_2025', false, 'World total 1.6 million t (USGS), rounded');
}

/**
 * Natural graphite at extraction (the EU study assesses it there only, SR 1.8): mine production of 2023 by country
 * over USGS's world total of 1.6 Mt. EI, IR, EoL-RIR and SI are the study's (critmat_eu2023); it lists no trade
 * parameter for graphite.
 */
function addGraphite(src: Src, add: Add): void {
  src('bhcarbons_graphite_2024', 'Global graphite production: top 10 nations (2022-2024 data)', 'BH Carbons', 'bhcarbons.com/global-graphite-production-top-10-nations-2022-2024-data', 2024, 'Natural graphite mine production 2023 (kt): China 1,230, Madagascar 96 (marked: Phase I commissioning), Mozambique 96, Brazil 73, South Korea 27, Russia 14.5 (marked), Canada 16.2, Norway 7.2, India 11.5, North Korea 8.1. B: the page does not name its source');
  src('statranker_graphite_2025', 'Top 10 graphite producing countries in 2025 (USGS Mineral Commodity Summaries data)', 'StatRanker', 'statranker.org/?p=3927', 2025, 'Global natural graphite production 1.6 million t in 2023 (1.68 million t in 2022), USGS');
  add('commodities.csv', { id: 'graphite', name: 'Natural graphite', group: 'mineral', unit: 't/yr', allowed_units: 't/yr;kt/yr', fungible: 'false', source: 'bhcarbons_graphite_2024', estimated: 'false', note: 'Mine production of natural graphite (synthetic graphite not included)' });
  add('crm_materials.csv', { material: 'graphite', year: 2023, economic_importance: 3.4, import_reliance: 0.99, import_reliance_extraction: 0.99, import_reliance_processing: '', eol_rir: 0.03, substitution_index: 0.98, source: 'critmat_eu2023', estimated: 'false', note: 'Inputs of "natural graphite" in the study, assessed at extraction only (SR 1.8). SI(EI) 0.97' });
  const world = GRAPHITE_WORLD_2023;
  const rows = GRAPHITE_2023;
  for (const [c, kt, mark] of rows) {
    add('crm_supply.csv', { material: 'graphite', year: 2023, stage: 'extraction', scope: 'global', country: c, share: share4(kt / world), trade_parameter: '', source: 'bhcarbons_graphite_2024;statranker_graphite_2025', estimated: 'true', note: `2023 mine production ${kt.toLocaleString('en-GB')} kt / world ${world.toLocaleString('en-GB')} kt (USGS)${mark}` });
  }
  const listed = rows.reduce((a, [, kt]) => a + kt, 0);
  // EU sourcing: EU imports of natural graphite in 2023, 76,000 t, of which China 21,000 t. The EU mines almost none
  // (import reliance 99% in the study), so imports stand for EU sourcing; the rest is not split by partner in the source.
  src('soapbox_graphite_2024', 'One year after China\'s graphite export controls, the EU remains highly dependent (Soapbox Trade, issue 166)', 'Soapbox Trade (newsletter, EU trade statistics)', 'soapboxtrade.substack.com/p/one-year-after-chinas-graphite-export', 2024, 'EU natural graphite imports 76,000 t in 2023 (China 21,000 t) and 83,000 t in 2024 (China 35,000 t, 42%). B: a newsletter quoting EU trade data');
  const fromChina = 21 / 76;
  add('crm_supply.csv', { material: 'graphite', year: 2023, stage: 'extraction', scope: 'eu_sourcing', country: 'CHN', share: share4(fromChina), trade_parameter: '', source: 'soapbox_graphite_2024;critmat_eu2023', estimated: 'true', note: `EU natural graphite imports 2023 from China: 21,000 / 76,000 t; imports stand for EU sourcing (import reliance 99% in the EU study)` });
  add('crm_supply.csv', { material: 'graphite', year: 2023, stage: 'extraction', scope: 'eu_sourcing', country: 'OTHER', share: share4(1 - fromChina), trade_parameter: '', source: 'soapbox_graphite_2024', estimated: 'true', note: `Remainder 55,000 / 76,000 t of EU imports, not split by partner in the source (counted as dispersed, so the EU-sourcing term is a lower bound)` });
  add('crm_supply.csv', { material: 'graphite', year: 2023, stage: 'extraction', scope: 'global', country: 'OTHER', share: share4((world - listed) / world), trade_parameter: '', source: 'bhcarbons_graphite_2024;statranker_graphite_2025', estimated: 'true', note: `Remainder ${world.toLocaleString('en-GB')} - ${listed.toLocaleString('en-GB')} = ${(world - listed).toLocaleString('en-GB', { maximumFractionDigits: 1 })} kt, not broken down` });
}
