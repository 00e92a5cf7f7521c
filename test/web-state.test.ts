// The workbench's page state (web/src/state.ts): the URL round trip, malformed addresses falling back to the
// defaults, and the what-if written as a scenario file that the scenario layer accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset } from '../src/data/read.ts';
import { checkScenario, parseScenario } from '../src/scenario/index.ts';
import { emptyWhatIf, readState, whatIfYaml, writeState, type ViewState } from '../web/src/state.ts';
import { chainSankeyLinks, stageColumn } from '../web/src/chain-data.ts';
import { valueChain } from '../src/metrics/chain.ts';
import { marketRows } from '../web/src/market.ts';
import type { Comparison } from '../src/scenario/compare.ts';

const DEFAULTS: ViewState = { view: 'dependence', importer: 'EU27', commodity: 'crude_oil', year: 2023, stage: 'imports', flow: '', whatIf: emptyWhatIf() };
const model = loadDataset();

test('a state survives the round trip through the address', () => {
  const state: ViewState = {
    view: 'whatif', importer: 'FRA', commodity: 'crude_oil', year: 2022, stage: 'imports', flow: 'KAZ>EU27',
    whatIf: { closedRoutes: ['cpc'], closedNodes: ['cpc_terminal'], closedChokepoints: ['turkish_straits'], lostTransit: ['RUS', 'GEO'], capacities: { btc: 12.5 }, embargoes: [{ exporter: 'RUS', importer: 'EU27' }] },
  };
  const search = writeState(state);
  assert.equal(search, '?view=whatif&importer=FRA&commodity=crude_oil&year=2022&stage=imports&flow=KAZ>EU27&close=cpc&node=cpc_terminal&choke=turkish_straits&transit=RUS,GEO&cap=btc:12.5&embargo=RUS>EU27');
  assert.deepEqual(readState(search, DEFAULTS), state);
  // Encoded by a browser or a mail client, it reads the same.
  assert.deepEqual(readState(new URLSearchParams(search.slice(1)).toString(), DEFAULTS), state);
});

test('the value chain\'s choice of figures and year survive the address; malformed ones are left out', () => {
  const state: ViewState = { ...DEFAULTS, commodity: 'uranium', stage: 'enrichment', chain: 'deliveries', chainYear: 2021 };
  const search = writeState(state);
  assert.match(search, /&chain=deliveries&chainyear=2021/);
  assert.deepEqual(readState(search, DEFAULTS), state);
  const bad = readState('?commodity=uranium&chain=all&chainyear=21x', DEFAULTS);
  assert.deepEqual([bad.chain, bad.chainYear], [undefined, undefined]);
});

test('malformed parts of an address fall back to the defaults, one by one', () => {
  const state = readState('?view=admin&year=abc&importer=<script>&cap=cpc:-5,btc:x,aktau_btc:3&embargo=RUS,>EU27,KAZ>CHN&close=cpc;rm', DEFAULTS);
  assert.equal(state.view, 'dependence');
  assert.equal(state.year, 2023);
  assert.equal(state.importer, 'EU27');
  assert.deepEqual(state.whatIf.capacities, { aktau_btc: 3 });
  assert.deepEqual(state.whatIf.embargoes, [{ exporter: 'KAZ', importer: 'CHN' }]);
  assert.deepEqual(state.whatIf.closedRoutes, []);
});

test('the what-if as scenario YAML: capacities below a route\'s are cuts, above it raises; the scenario layer accepts it', () => {
  const yaml = whatIfYaml(model, { commodity: 'crude_oil', year: 2023, whatIf: { ...emptyWhatIf(), capacities: { cpc: 40.75, atyrau_samara: 20 }, lostTransit: ['GEO'], closedChokepoints: ['turkish_straits'] } });
  // routes.csv: cpc 81.5 Mt/yr → 40.75 is a cut of 1 − 40.75/81.5 = 0.5; atyrau_samara 17.5 → 20 is a raise to 20 Mt/yr.
  assert.equal(yaml, [
    'name: "What-if from the workbench"', 'commodity: crude_oil', 'year: 2023', 'changes:',
    '  - type: close_chokepoint', '    chokepoint: "turkish_straits"',
    '  - type: lose_transit', '    country: "GEO"',
    '  - type: cut_capacity', '    route: "cpc"', '    fraction: 0.5',
    '  - type: raise_capacity', '    route: "atyrau_samara"', '    capacity: 20', '    unit: "Mt/yr"', '',
  ].join('\n'));
  const scenario = parseScenario(yaml, 'what-if.yaml');
  checkScenario(model, scenario);
  assert.deepEqual(scenario.changes.map((c) => c.type), ['close_chokepoint', 'lose_transit', 'cut_capacity', 'raise_capacity']);
  assert.equal(whatIfYaml(model, { commodity: 'crude_oil', year: 2023, whatIf: emptyWhatIf() }).endsWith('changes: []\n'), true);
});

test('the value chain\'s stage → stage Sankey: each stage is a column at 100%, joined through one pooled node per stage', () => {
  const chain = valueChain(model, { commodity: 'uranium', importer: 'EU27' });
  const world = chain.stages.map((s) => stageColumn(s, 'world', 'EU27'));
  // stage_supply.csv, uranium mining 2024: KAZ 23,270 of the world's 60,213 tU = 38.65%; the countries listed add up
  // to the world row (23,270 + 14,309 + 7,333 + 4,598 + 4,000 + 2,738 + 1,600 + 962 + 500 + 200 + 288 + 260 + 155 = 60,213): no remainder.
  assert.equal(world[0].year, 2024);
  assert.ok(Math.abs(world[0].shares.find((s) => s.country === 'KAZ')!.share - 23270 / 60213) < 1e-12);
  assert.ok(world[0].rest < 1e-9);
  // Fuel fabrication has no figures: one "no data" node at 100%.
  assert.deepEqual([world[3].shares.length, world[3].rest, world[3].restShort], [0, 1, 'no data']);
  const { nodes, links } = chainSankeyLinks(model, world);
  const into = (id: string) => links.filter((l) => l.target === id).reduce((a, l) => a + l.value, 0);
  const outOf = (id: string) => links.filter((l) => l.source === id).reduce((a, l) => a + l.value, 0);
  // Three pooled nodes (between four stages), each taking in and giving out one whole stage.
  const pools = nodes.filter((n) => n.kind === 'pool').map((n) => n.id);
  assert.deepEqual(pools, ['p:0', 'p:1', 'p:2']);
  for (const p of pools) { assert.ok(Math.abs(into(p) - 1) < 1e-9, p); assert.ok(Math.abs(outOf(p) - 1) < 1e-9, p); }
  // No link pairs a country of one stage with a country of the next.
  assert.ok(links.every((l) => l.source.startsWith('p:') || l.target.startsWith('p:')));
  // Deliveries to the EU (stage_flows.csv): conversion 2021 only Russia's 25% is known, the other 75% is not broken down.
  const conversion = stageColumn(chain.stages[1], 'deliveries', 'EU27');
  assert.deepEqual([conversion.year, conversion.shares.map((s) => [s.country, s.share]), conversion.rest, conversion.restShort], [2021, [['RUS', 0.25]], 0.75, 'unknown']);
});

test('the comparison\'s price and exporter rows: shown for results that have market and exporters[], absent otherwise', () => {
  const column = (kind: 'baseline' | 'scenario', id: string) => ({ id, kind, commodity: 'crude_oil', year: 2024, file: `${id}.yaml` });
  const plain = { unit: 'Mt/yr', valueUnit: 'USD million' };
  const withMarket = {
    ...plain,
    market: { priceChange: 12.5, priceChangeLow: 5, priceChangeHigh: 20, priceUnit: 'USD/t' },
    exporters: [{ exporter: 'KAZ', volumeChange: -51.3, revenueChange: -30000, discountLoss: 10, transportCostChange: -1949.4 }, { exporter: 'bad' }],
  };
  const comparison = { columns: [column('baseline', 'baseline'), column('scenario', 'before'), column('scenario', 'after')], scenarios: [plain, withMarket], rows: [] } as unknown as Comparison;
  const rows = marketRows(comparison);
  // One row per figure; the baseline and the result without the fields have none (null, shown as —).
  assert.deepEqual(rows.map((r) => [r.section, r.id, r.unit, r.values]), [
    ['price change', 'world market', 'USD/t', [null, null, 12.5]],
    ['price change', 'world market (low)', 'USD/t', [null, null, 5]],
    ['price change', 'world market (high)', 'USD/t', [null, null, 20]],
    ['exporter revenue', 'KAZ', 'USD million', [null, null, -30000]],
    ['exporter volume', 'KAZ', 'Mt/yr', [null, null, -51.3]],
  ]);
  assert.deepEqual(marketRows({ ...comparison, scenarios: [plain, plain] } as unknown as Comparison), []);
});
