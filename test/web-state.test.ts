// The workbench's page state (web/src/state.ts): the URL round trip, malformed addresses falling back to the
// defaults, and the what-if written as a scenario file that the scenario layer accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset } from '../src/data/read.ts';
import { checkScenario, parseScenario } from '../src/scenario/index.ts';
import { emptyWhatIf, readState, whatIfYaml, writeState, type ViewState } from '../web/src/state.ts';

const DEFAULTS: ViewState = { view: 'dependence', importer: 'EU27', commodity: 'crude_oil', year: 2023, stage: 'imports', flow: '', whatIf: emptyWhatIf() };
const model = loadDataset();

test('a state survives the round trip through the address', () => {
  const state: ViewState = {
    view: 'whatif', importer: 'FRA', commodity: 'crude_oil', year: 2022, stage: 'imports', flow: 'KAZ>EU27',
    whatIf: { closedRoutes: ['cpc'], closedNodes: ['cpc_terminal'], lostTransit: ['RUS', 'GEO'], capacities: { btc: 12.5 }, embargoes: [{ exporter: 'RUS', importer: 'EU27' }] },
  };
  const search = writeState(state);
  assert.equal(search, '?view=whatif&importer=FRA&commodity=crude_oil&year=2022&stage=imports&flow=KAZ>EU27&close=cpc&node=cpc_terminal&transit=RUS,GEO&cap=btc:12.5&embargo=RUS>EU27');
  assert.deepEqual(readState(search, DEFAULTS), state);
  // Encoded by a browser or a mail client, it reads the same.
  assert.deepEqual(readState(new URLSearchParams(search.slice(1)).toString(), DEFAULTS), state);
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
  const yaml = whatIfYaml(model, { commodity: 'crude_oil', year: 2023, whatIf: { ...emptyWhatIf(), capacities: { cpc: 40.75, atyrau_samara: 20 }, lostTransit: ['GEO'] } });
  // routes.csv: cpc 81.5 Mt/yr → 40.75 is a cut of 1 − 40.75/81.5 = 0.5; atyrau_samara 17.5 → 20 is a raise to 20 Mt/yr.
  assert.equal(yaml, [
    'name: "What-if from the workbench"', 'commodity: crude_oil', 'year: 2023', 'changes:',
    '  - type: lose_transit', '    country: "GEO"',
    '  - type: cut_capacity', '    route: "cpc"', '    fraction: 0.5',
    '  - type: raise_capacity', '    route: "atyrau_samara"', '    capacity: 20', '    unit: "Mt/yr"', '',
  ].join('\n'));
  const scenario = parseScenario(yaml, 'what-if.yaml');
  checkScenario(model, scenario);
  assert.deepEqual(scenario.changes.map((c) => c.type), ['lose_transit', 'cut_capacity', 'raise_capacity']);
  assert.equal(whatIfYaml(model, { commodity: 'crude_oil', year: 2023, whatIf: emptyWhatIf() }).endsWith('changes: []\n'), true);
});
