// Scenario files under generated junk (fast-check): random YAML text, random change lists with unknown types,
// wrong types, negative, NaN and huge numbers, empty lists and duplicated keys. The parser never crashes: it
// accepts the file or reports every problem as `file:line: message`, and the CLI exits with code 2 and one
// line per problem, no stack trace. Then random valid scenarios on the tiny fixture: the LP is always optimal
// and its result is feasible (unserved ≥ 0, flows within capacities, served + unserved = demand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { CHANGE_TYPES, LEG_FIELDS } from '../src/scenario/schema.ts';
import { checkScenario, readScenario, scenarioError, type ScenarioResult } from '../src/scenario/index.ts';
import { runScenarioWith } from '../src/scenario/index.ts';
import { loadSolver } from '../src/solve/index.ts';
import { FIXTURES, runCli } from './helpers.ts';

const TINY = join(FIXTURES, 'tiny');
const model = loadDataset(TINY);
const FILE = 'fuzz.yaml';
const LINE_MESSAGE = /^fuzz\.yaml:\d+: \S/;
/** CORRIDOR_FUZZ_RUNS=10 runs every property ten times as often (for a longer search by hand). */
const SCALE = Math.max(1, Number(process.env.CORRIDOR_FUZZ_RUNS ?? 1) || 1);

// --- Junk -------------------------------------------------------------------------------------------------

const ids = ['cpc', 'aktau_btc', 'cpk', 'KAZ', 'FRA', 'ITA', 'EU27', 'RUS', 'ATLANTIS', 'direct:USA>FRA', 'direct:>', 'tengiz', '', ' ', 'Mt/yr', 'kb/d', 'bcm/yr', 'USD/t', 'USD/t/day', 'EUR/t', 'world_market_premium', 'price'];
const numbers = [0, -1, -0.5, 0.3, 1, 1.5, 7, 2024, 1e300, -1e300, 1e20, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, 1e-300];
const fieldNames = [...new Set(CHANGE_TYPES.flatMap((c) => c.fields.map((f) => f.name)).concat(LEG_FIELDS.map((f) => f.name), ['type', 'note', 'colour', '', 'changes', 'name']))];
const typeNames = [...CHANGE_TYPES.map((c) => c.type), 'close_pipe', '', 'CLOSE_ROUTE', '42'];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ids), fc.constantFrom(...numbers), fc.boolean(), fc.constant(null),
  fc.double(), fc.integer(), fc.string({ maxLength: 8 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('country', 'asset', 'from', 'x'), leaf, { maxKeys: 2 }) },
  { weight: 1, arbitrary: fc.array(fc.dictionary(fc.constantFrom(...LEG_FIELDS.map((f) => f.name), 'y'), leaf, { maxKeys: 3 }), { maxLength: 3 }) },
);
const change = fc.record(
  { type: fc.oneof(fc.constantFrom(...typeNames), leaf), fields: fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 5 }) },
).map(({ type, fields }) => ({ type, ...fields }));
const document = fc.record({
  name: fc.option(leaf, { nil: undefined }),
  commodity: fc.option(fc.oneof(fc.constant('crude_oil'), leaf), { nil: undefined }),
  year: fc.option(fc.oneof(fc.constant(2024), leaf), { nil: undefined }),
  extra: fc.option(fc.dictionary(fc.constantFrom('when', 'observed_year', 'description', 'dataset'), leaf, { maxKeys: 2 }), { nil: undefined }),
  changes: fc.oneof({ weight: 5, arbitrary: fc.array(change, { maxLength: 5 }) }, { weight: 1, arbitrary: value }),
}).map(({ name, commodity, year, extra, changes }) => {
  const doc: Record<string, unknown> = { ...(extra ?? {}) };
  if (name !== undefined) doc.name = name;
  if (commodity !== undefined) doc.commodity = commodity;
  if (year !== undefined) doc.year = year;
  doc.changes = changes;
  return doc;
});

/** A YAML text of a generated document, sometimes with a line repeated (a duplicated key) or cut short. */
const documentText = fc.tuple(document, fc.nat(), fc.constantFrom('none', 'duplicate', 'truncate', 'tab')).map(([doc, pick, damage]) => {
  let text = stringify(doc);
  const lines = text.split('\n');
  const k = pick % Math.max(1, lines.length - 1);
  if (damage === 'duplicate' && /^\s*[\w-]+:/.test(lines[k])) lines.splice(k, 0, lines[k]);
  if (damage === 'truncate') lines.length = k + 1;
  if (damage === 'tab') lines[k] = `\t${lines[k]}`;
  text = lines.join('\n');
  return text;
});
/** Line-shaped junk: scenario-like and YAML-breaking tokens. */
const junkText = fc.array(fc.oneof(
  fc.constantFrom('name: x', 'commodity: crude_oil', 'year: 2024', 'year: .nan', 'changes:', '  - type: close_route', '    route: cpc',
    '    route: cpc', '  - type: cut_capacity', '    fraction: -1e999', '    fraction: .inf', '  -', '- [', '{', '}', ': :', '&a x', '*b',
    '---', '...', '%YAML 1.2', '"unclosed', "'", '  - type:', '    legs: []', '    volume: 1e400', '    unit: Mt/yr', '? [a]', '!!binary x', '\t'),
  fc.string({ maxLength: 20 }),
), { maxLength: 12 }).map((lines) => lines.join('\n'));

/** Parses and checks as the CLI does; returns the problems' lines (empty when the file is valid). */
function problemsOf(text: string): string[] {
  const { scenario, problems } = readScenario(text, FILE);
  try {
    if (!scenario) throw scenarioError(FILE, problems);
    checkScenario(model, scenario, problems);
    return [];
  } catch (error) {
    assert.ok(error instanceof CorridorError, `not a CorridorError: ${(error as Error)?.stack ?? String(error)}\n--- text:\n${text}`);
    assert.equal(error.code, 'CORRIDOR_ERR_SCENARIO_INVALID', `${error.code}: ${error.message}`);
    const lines = error.details.length ? error.details : [error.message];
    for (const line of lines) assert.match(line, LINE_MESSAGE, `message without file:line: ${line}\n--- text:\n${text}`);
    return lines;
  }
}

test('the parser never crashes on generated scenario documents: every problem is file:line: message', () => {
  fc.assert(fc.property(documentText, (text) => { problemsOf(text); }), { numRuns: 600 * SCALE });
});

test('the parser never crashes on line-shaped YAML junk', () => {
  fc.assert(fc.property(junkText, (text) => { problemsOf(text); }), { numRuns: 600 * SCALE });
});

test('known junk: duplicated keys, NaN, huge and negative numbers, empty lists are reported with their line', () => {
  const head = 'name: t\ncommodity: crude_oil\nyear: 2024\nchanges:\n';
  const says = (text: string, pattern: RegExp) => {
    const lines = problemsOf(text);
    assert.ok(lines.some((l) => pattern.test(l)), `expected ${pattern} in:\n${lines.join('\n')}`);
  };
  says('name: t\nname: u\ncommodity: crude_oil\nyear: 2024\nchanges: []\n', /^fuzz\.yaml:2: not valid YAML: Map keys must be unique/);
  says(`${head}  - type: cut_capacity\n    route: cpc\n    fraction: .nan\n`, /^fuzz\.yaml:7: cut_capacity: fraction: expected a number from 0 to 1, found NaN/);
  says(`${head}  - type: cap_exports\n    exporter: KAZ\n    volume: -5\n    unit: Mt/yr\n`, /^fuzz\.yaml:7: cap_exports: volume: expected a number ≥ 0, found -5/);
  says(`${head}  - type: cap_exports\n    exporter: KAZ\n    volume: 1e400\n    unit: Mt/yr\n`, /^fuzz\.yaml:7: cap_exports: volume: expected a number ≥ 0, found Infinity/);
  says(`${head}  - type: raise_capacity\n    route: cpc\n    capacity: 1e20\n    unit: Mt/yr\n`, /^fuzz\.yaml:7: raise_capacity: capacity: expected a number of at most 1e\+12, found 1e\+20/);
  says(`${head}  - type: add_route\n    id: x\n    exporter: KAZ\n    legs: []\n`, /^fuzz\.yaml:8: add_route: legs: expected a list of legs, found an empty list/);
  says('name: t\ncommodity: crude_oil\nyear: 2024\nchanges: {}\n', /^fuzz\.yaml:4: changes: expected a list of changes, found a mapping/);
  says('name: t\ncommodity: crude_oil\nyear: 1e20\nchanges: []\n', /^fuzz\.yaml:3: year: expected a whole number from 1900 to 2100, found 100000000000000000000/);
});

test('corridor scenario run on generated junk: exit code 2 with file:line lines, or a valid run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-fuzz-'));
  const file = join(dir, FILE);
  const escaped = file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  let invalid = 0;
  try {
    await fc.assert(fc.asyncProperty(fc.oneof(documentText, junkText), async (text) => {
      writeFileSync(file, text);
      const { code, stdout, stderr } = await runCli('scenario', 'run', file, '--dataset', TINY);
      assert.ok(code === 0 || code === 2, `exit ${code}: ${stderr}\n--- text:\n${text}`);
      assert.doesNotMatch(stderr, /internal error|\bat \w+ \(/, 'no internal error, no stack trace');
      if (code === 0) {
        assert.match(stdout, /^Scenario "/);
        return;
      }
      invalid += 1;
      assert.equal(stdout, '');
      const [first, ...rest] = stderr.trimEnd().split('\n');
      assert.match(first, new RegExp(`^corridor: ${escaped}:\\d+: \\S`), first);
      for (const line of rest) assert.match(line, new RegExp(`^  ${escaped}:\\d+: \\S`), line);
    }), { numRuns: 150 * SCALE });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(invalid > 100 * SCALE, `most junk is invalid (${invalid} of ${150 * SCALE})`);
});

// --- Valid scenarios on the tiny fixture ------------------------------------------------------------------
// tiny: crude_oil 2024; KAZ → FRA (cpc 6, aktau_btc 1), KAZ → ITA (cpc 14), USA → FRA 5, OTHER → FRA 8 (direct);
// routes cpc (60 Mt/yr) and aktau_btc (5 Mt/yr); EU27 = FRA, DEU, ITA.

const ROUTES = ['cpc', 'aktau_btc', 'direct:USA>FRA', 'direct:OTHER>FRA'];
const NODES = ['tengiz', 'kaz_rus_border', 'novorossiysk', 'aktau', 'baku', 'tbilisi', 'ceyhan', 'caspian_mid'];
const COUNTRIES = ['KAZ', 'RUS', 'AZE', 'GEO', 'TUR', 'FRA', 'DEU', 'ITA', 'USA'];
const EXPORTERS = ['KAZ', 'USA', 'OTHER'];
const IMPORTERS = ['FRA', 'ITA', 'EU27'];
const UNITS = ['Mt/yr', 'kb/d', 'Mtoe'];
const volume = fc.tuple(fc.double({ min: 0, max: 80, noNaN: true }), fc.constantFrom(...UNITS)).map(([v, unit]) => ({ volume: Math.round(v * 100) / 100, unit }));
const share = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => Math.round(v * 1000) / 1000);

const validChange: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('close_route'), route: fc.constantFrom(...ROUTES) }),
  fc.record({ type: fc.constant('close_node'), node: fc.constantFrom(...NODES) }),
  fc.record({ type: fc.constant('cut_capacity'), route: fc.constantFrom(...ROUTES), fraction: share }),
  fc.record({ type: fc.constant('lose_transit'), country: fc.constantFrom(...COUNTRIES) }),
  fc.record({ type: fc.constant('embargo'), exporter: fc.constantFrom(...EXPORTERS), importer: fc.constantFrom(...IMPORTERS), share }),
  fc.record({ type: fc.constant('ban_exports'), exporter: fc.constantFrom(...EXPORTERS) }),
  fc.oneof(
    fc.tuple(fc.constantFrom(...EXPORTERS), volume).map(([exporter, v]) => ({ type: 'cap_exports', exporter, ...v })),
    fc.record({ type: fc.constant('cap_exports'), exporter: fc.constantFrom(...EXPORTERS), fraction: share }),
  ),
  fc.oneof(
    fc.record({ type: fc.constant('change_demand'), importer: fc.constantFrom(...IMPORTERS), change: fc.double({ min: -1, max: 2, noNaN: true }) }),
    fc.tuple(fc.constantFrom(...IMPORTERS), volume).map(([importer, v]) => ({ type: 'change_demand', importer, ...v })),
  ),
  fc.record({
    type: fc.constant('add_route'), exporter: fc.constantFrom('KAZ', 'USA'), transit: fc.subarray(['RUS', 'AZE', 'GEO', 'TUR']),
    importers: fc.option(fc.subarray(IMPORTERS, { minLength: 1 }), { nil: undefined }), capacity: fc.option(volume, { nil: undefined }),
    cost: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  }).map(({ exporter, transit, importers, capacity, cost }) => ({
    type: 'add_route', id: 'new_route', exporter, legs: [exporter, ...transit].map((country) => ({ country })),
    ...(importers ? { importers } : {}), ...(capacity ? { capacity: capacity.volume, unit: capacity.unit } : {}),
    ...(cost !== undefined ? { cost: Math.round(cost * 100) / 100, cost_unit: 'USD/t' } : {}),
  })),
  fc.tuple(fc.constantFrom(...ROUTES), volume, fc.boolean()).map(([route, v, by]) => ({ type: 'raise_capacity', route, [by ? 'by' : 'capacity']: v.volume, unit: v.unit })),
  fc.record({ type: fc.constant('open_route'), route: fc.constantFrom(...ROUTES) }),
  fc.record({
    type: fc.constant('sign_agreement'), exporter: fc.constantFrom(...EXPORTERS), importer: fc.constantFrom(...IMPORTERS), v: volume,
    commit: fc.boolean(), displaces: fc.subarray(EXPORTERS), route: fc.option(fc.constantFrom('cpc', 'aktau_btc'), { nil: undefined }),
  }).map(({ v, route, ...rest }) => ({ ...rest, volume: v.volume, unit: v.unit, ...(route ? { route } : {}) })),
  fc.oneof(
    fc.record({ type: fc.constant('set_parameter'), name: fc.constantFrom('world_market_premium', 'baseline_stickiness', 'stock_draw_cost', 'unserved_penalty', 'agreement_shortfall_penalty'), value: fc.integer({ min: 0, max: 5000 }), unit: fc.constantFrom('USD/t', 'USD/bbl') }),
    fc.record({ type: fc.constant('set_parameter'), name: fc.constant('time_value'), value: fc.integer({ min: 0, max: 5 }), unit: fc.constant('USD/t/day') }),
    fc.tuple(volume).map(([v]) => ({ type: 'set_parameter', name: 'world_market_spare', value: v.volume, unit: v.unit })),
    fc.record({ type: fc.constant('set_parameter'), name: fc.constant('world_market_access'), country: fc.constantFrom(...IMPORTERS), value: share }),
    fc.tuple(fc.constantFrom(...EXPORTERS), volume).map(([country, v]) => ({ type: 'set_parameter', name: 'export_capacity', country, value: v.volume, unit: v.unit })),
  ),
);

const validScenario = fc.array(validChange, { maxLength: 6 }).map((changes) => {
  let k = 0;
  // add_route ids must be new and distinct.
  const named = changes.map((c) => (c.type === 'add_route' ? { ...c, id: `new_route_${++k}` } : c));
  return stringify({ name: 'random', commodity: 'crude_oil', year: 2024, changes: named });
});

/** Checks a result for feasibility: what it reports must add up. */
function assertFeasible(r: ScenarioResult, text: string): void {
  const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));
  const where = `\n--- scenario:\n${text}`;
  assert.equal(r.solver.status, 'optimal', where);
  const inflow = new Map<string, number>();
  for (const f of r.flows) {
    assert.ok(f.flowScenario >= -1e-9, `negative flow ${f.exporter}>${f.importer} ${f.route}${where}`);
    inflow.set(f.importer, (inflow.get(f.importer) ?? 0) + f.flowScenario);
  }
  for (const i of r.importers) {
    assert.ok(i.unserved >= -1e-9, `${i.importer} unserved ${i.unserved}${where}`);
    assert.ok(Math.abs(i.servedScenario + i.unserved - i.demand) <= tol(i.demand), `${i.importer}: served + unserved ≠ demand${where}`);
    if (i.parts) continue; // a bloc's flows are its parts'
    const supplied = (inflow.get(i.importer) ?? 0) + i.worldMarket + i.stockDraw;
    assert.ok(Math.abs(supplied - i.servedScenario) <= tol(i.demand), `${i.importer}: flows ${supplied} ≠ served ${i.servedScenario}${where}`);
    assert.ok(i.stockDraw <= i.stock + tol(i.stock), `${i.importer}: stock drawn beyond what is held${where}`);
  }
  for (const route of r.routes) {
    if (route.capacity !== null) assert.ok(route.flowScenario <= route.capacity + tol(route.capacity), `${route.route}: flow ${route.flowScenario} > capacity ${route.capacity}${where}`);
    if (route.status === 'closed') assert.ok(Math.abs(route.flowScenario) <= 1e-9, `${route.route} is closed but carries ${route.flowScenario}${where}`);
  }
  for (const a of r.actors) assert.ok(a.volumeScenario >= -1e-9, `${a.country} ${a.role} volume${where}`);
  if (r.worldMarket.spare !== null) assert.ok(r.worldMarket.scenario <= r.worldMarket.spare + tol(r.worldMarket.spare), `world market above its spare capacity${where}`);
}

test('random valid scenarios on the tiny fixture: the LP is always optimal and its result feasible', async () => {
  const highs = await loadSolver();
  let runs = 0;
  fc.assert(fc.property(validScenario, (text) => {
    const { scenario, problems } = readScenario(text, FILE);
    assert.deepEqual(problems, [], `a generated valid scenario was refused:\n${text}`);
    const r = runScenarioWith(highs, model, scenario!, { metrics: false });
    assertFeasible(r, text);
    runs += 1;
  }), { numRuns: 300 * SCALE });
  assert.equal(runs, 300 * SCALE);
});
