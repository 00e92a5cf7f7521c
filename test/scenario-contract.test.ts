// The JSON contract of `corridor scenario run --json` and `corridor compare --json`: every field the
// documentation names is there, with its type and unit, and the text report says what binds in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FLOW_METHOD } from '../src/solve/index.ts';
import { FIXTURES, runCli } from './helpers.ts';

const SCENARIOS = join(FIXTURES, 'scenarios');
const ROOT = resolve(import.meta.dirname, '..');

type Json = Record<string, unknown>;

function hasFields(object: unknown, fields: Record<string, (v: unknown) => boolean>, where: string): void {
  assert.ok(object !== null && typeof object === 'object', `${where} is an object`);
  for (const [name, ok] of Object.entries(fields)) {
    assert.ok(name in (object as Json), `${where}.${name} is missing`);
    assert.ok(ok((object as Json)[name]), `${where}.${name} has the wrong type: ${JSON.stringify((object as Json)[name])}`);
  }
}

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown) => v === null || isNumber(v);
const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const isBoolean = (v: unknown) => typeof v === 'boolean';

/** The fields docs/scenarios.md names for one scenario result. */
function assertScenarioContract(r: Json, where: string, hash: string): void {
  hasFields(r, {
    method: (v) => JSON.stringify(v) === JSON.stringify(FLOW_METHOD),
    dataset: (v) => v === hash,
    unit: isString, valueUnit: (v) => v === 'USD million', priceUnit: (v) => typeof v === 'string' && /^USD\//.test(v),
    importers: (v) => Array.isArray(v) && v.length > 0,
    routes: (v) => Array.isArray(v) && v.length > 0,
    actors: (v) => Array.isArray(v) && v.length > 0,
    whatBinds: Array.isArray,
    stocks: Array.isArray,
    solver: (v) => v !== null && typeof v === 'object',
  }, where);
  for (const [k, i] of (r.importers as Json[]).entries()) {
    hasFields(i, { importer: isString, demand: isNumber, servedBaseline: isNumber, servedScenario: isNumber, unserved: isNumber }, `${where}.importers[${k}]`);
  }
  for (const [k, x] of (r.routes as Json[]).entries()) {
    hasFields(x, { route: isString, flowBaseline: isNumber, flowScenario: isNumber, capacity: isNumberOrNull, binding: isBoolean, shadowPrice: isNumberOrNull }, `${where}.routes[${k}]`);
  }
  for (const [k, a] of (r.actors as Json[]).entries()) {
    hasFields(a, { country: isString, role: (v) => v === 'exporter' || v === 'importer' || v === 'transit', volumeChange: isNumber, valueChange: isNumberOrNull }, `${where}.actors[${k}]`);
  }
  for (const [k, b] of (r.whatBinds as Json[]).entries()) {
    hasFields(b, { kind: isString, id: isString, capacity: isNumber, shadowPrice: isNumber, valuePerYear: isNumber, alternative: isString, text: isString }, `${where}.whatBinds[${k}]`);
  }
  hasFields(r.solver, { status: (v) => v === 'optimal', objective: isNumber, seconds: (v) => isNumber(v) && (v as number) >= 0 }, `${where}.solver`);
}

async function validateHash(dir: string): Promise<string> {
  const { stdout } = await runCli('validate', dir);
  return /hash ([0-9a-f]{16})/.exec(stdout)![1];
}

test('the method version in outputs is the one docs/methods/flow-model.md states', () => {
  const page = readFileSync(join(ROOT, 'docs', 'methods', 'flow-model.md'), 'utf8');
  assert.match(page, new RegExp(`^# Flow model \\(\`${FLOW_METHOD.name}\` ${FLOW_METHOD.version.replace(/\./g, '\\.')}\\)`));
  assert.match(page, new RegExp(`^- ${FLOW_METHOD.version.replace(/\./g, '\\.')} — `, 'm'), 'a changelog entry for the version');
});

test('corridor scenario run --json has every field the documentation names', async () => {
  const hash = await validateHash(join(FIXTURES, 'lp-gas'));
  const { code, stdout, stderr } = await runCli('scenario', 'run', join(SCENARIOS, 'gas-ukraine-transit-lost.yaml'), '--json');
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout) as Json;
  assertScenarioContract(r, 'result', hash);
  assert.equal(r.priceUnit, 'USD/MWh');
});

test('corridor compare --json has the table and, per scenario, every field of a scenario result', async () => {
  const hash = await validateHash(join(FIXTURES, 'lp-bloc'));
  const files = ['bloc-pipe-shut.yaml', 'bloc-agreement.yaml'].map((f) => join(SCENARIOS, f));
  const { code, stdout, stderr } = await runCli('compare', ...files, '--json');
  assert.equal(code, 0, stderr);
  const c = JSON.parse(stdout) as Json;
  hasFields(c, {
    method: (v) => JSON.stringify(v) === JSON.stringify(FLOW_METHOD), dataset: (v) => v === hash,
    columns: Array.isArray, rows: Array.isArray, changes: Array.isArray, scenarios: (v) => Array.isArray(v) && v.length === 2,
  }, 'comparison');
  (c.scenarios as Json[]).forEach((r, k) => assertScenarioContract(r, `comparison.scenarios[${k}]`, hash));
  // Shadow prices in the table are in the price unit (lp-bloc prices crude in USD/t), not "USD million per Mt".
  const units = new Set((c.rows as Json[]).filter((row) => row.section === 'binding').map((row) => row.unit));
  for (const unit of units) assert.equal(unit, 'USD/t');
});

test('the text report says what binds and what one more unit is worth, in the price unit', async () => {
  // tiny, CPC shut: aktau_btc (5 Mt/yr) binds; one more Mt/yr replaces 1 Mt of world-market crude at 30 USD/t
  // over a route costing 15 USD/t: worth 15 USD/t, USD 15 million a year.
  const { code, stdout } = await runCli('scenario', 'run', join(SCENARIOS, 'tiny-cpc-shut.yaml'));
  assert.equal(code, 0);
  assert.match(stdout, /\nWhat binds:\n  route aktau_btc \(5 Mt\/yr\) binds: one more Mt\/yr is worth 15\.00 USD\/t \(USD 15 million a year\): the world-market premium it saves/);
  assert.match(stdout, /Shadow price \(USD\/t\)/);
  assert.match(stdout, /World market: 0\.00 → 16\.00 Mt\/yr at a premium of 30\.00 USD\/t/);
  assert.doesNotMatch(stdout, /USD million per/);
  const compare = await runCli('compare', join(SCENARIOS, 'tiny-cpc-shut.yaml'));
  assert.match(compare.stdout, /shadow price aktau_btc +USD\/t +– +15\.00/);
});
