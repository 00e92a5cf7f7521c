// Numbers out of range: every figure has a finite, generous maximum declared in the schema (per unit for
// volumes, capacities, costs and prices), and a value past it is an error at its file, row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatProblem } from '../src/data/problems.ts';
import { ENTITIES } from '../src/schema/entities.ts';
import { copyFixture, editFile, runCli } from './helpers.ts';

function setCell(text: string, n: number, column: string, value: string): string {
  const lines = text.split('\n');
  const cells = lines[n - 1].split(',');
  cells[lines[0].split(',').indexOf(column)] = value;
  lines[n - 1] = cells.join(',');
  return lines.join('\n');
}

function errorsAfter(file: string, n: number, column: string, value: string, unit?: { column: string; value: string }): string[] {
  const dir = copyFixture('tiny');
  editFile(dir, file, (t) => {
    const edited = setCell(t, n, column, value);
    return unit ? setCell(edited, n, unit.column, unit.value) : edited;
  });
  const errors = readDataset(dir).problems.errors.map(formatProblem);
  rmSync(dir, { recursive: true, force: true });
  return errors;
}

const CASES = [
  { what: 'a flow of 1e308 Mt/yr', file: 'flows.csv', n: 2, column: 'volume', value: '1e308', says: /^flows\.csv:2:volume: expected a number ≤ 100000 for Mt\/yr \(.*\), found "1e308"$/ },
  { what: 'a flow of 2e5 Mt/yr (more than the world extracts of everything)', file: 'flows.csv', n: 2, column: 'volume', value: '200000', says: /^flows\.csv:2:volume: expected a number ≤ 100000 for Mt\/yr/ },
  { what: 'a flow of 1e9 mb/d', file: 'flows.csv', n: 2, column: 'volume', value: '1e9', unit: { column: 'unit', value: 'mb/d' }, says: /^flows\.csv:2:volume: expected a number ≤ 273\.9\d* for mb\/d/ },
  { what: 'a route capacity of 1e300', file: 'routes.csv', n: 2, column: 'capacity', value: '1e300', says: /^routes\.csv:2:capacity: expected a number ≤ 100000 for Mt\/yr/ },
  { what: 'a route cost of 1e20 USD/t', file: 'routes.csv', n: 2, column: 'cost', value: '1e20', says: /^routes\.csv:2:cost: expected a number ≤ 1e10 for USD\/t/ },
  { what: 'a transit time of 1e308 days', file: 'routes.csv', n: 2, column: 'transit_days', value: '1e308', says: /^routes\.csv:2:transit_days: expected a number ≤ 365, found "1e308"$/ },
  { what: 'a leg of 1e9 km', file: 'legs.csv', n: 2, column: 'length_km', value: '1e9', says: /^legs\.csv:2:length_km: expected a number ≤ 40075, found "1e9"$/ },
  { what: 'a leg sequence of 10^22', file: 'legs.csv', n: 2, column: 'sequence', value: '10000000000000000000000', says: /^legs\.csv:2:sequence: expected a number ≤ 1000/ },
];

for (const c of CASES) {
  test(`out of range: ${c.what} is an error at its cell`, () => {
    const errors = errorsAfter(c.file, c.n, c.column, c.value, c.unit);
    assert.ok(errors.some((e) => c.says.test(e)), errors.join('\n'));
  });
}

test('a price parameter of 1e308 USD/t and a stock_days of 1e308 are errors', () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'parameters.csv'), 'name,commodity,country,year,value,unit,source,estimated,note\nprice,crude_oil,,2024,1e308,USD/t,hand,,\nstock_days,crude_oil,FRA,2024,1e308,day,hand,,\n');
  const errors = readDataset(dir).problems.errors.map(formatProblem);
  assert.ok(errors.some((e) => /^parameters\.csv:2:value: expected a number ≤ 1e10 for USD\/t/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /^parameters\.csv:3:value: expected a number ≤ 1e9 for day/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('an agreement volume of 1e308 with no unit is an error too', () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'agreements.csv'), 'id,date,parties,type,commodities,volume,unit,summary,source,estimated,note\na1,2024-01-01,FRA;KAZ,supply,crude_oil,1e308,,Supply,hand,,\n');
  const errors = readDataset(dir).problems.errors.map(formatProblem);
  assert.ok(errors.includes('agreements.csv:2:volume: expected a number ≤ 1e9 with no unit (a bound for units that are neither quantities nor money; see docs/dataset.md), found "1e308"'), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a flow of 1e308 makes report fail with the located error instead of printing Total ∞', async () => {
  const dir = copyFixture('tiny');
  editFile(dir, 'flows.csv', (t) => setCell(t, 2, 'volume', '1e308'));
  const result = await runCli('report', '--dataset', dir);
  assert.equal(result.code, 1);
  assert.doesNotMatch(result.stdout, /∞|NaN/);
  assert.match(result.stderr, /flows\.csv:2:volume: expected a number ≤ 100000/);
  rmSync(dir, { recursive: true, force: true });
});

test('every number column of the schema has a finite maximum (a fixed one or one per unit)', () => {
  for (const entity of ENTITIES) {
    for (const attr of entity.attributes.filter((a) => a.type === 'number' || a.type === 'integer' || a.type === 'year')) {
      assert.ok(attr.max !== undefined || attr.maxPerUnit !== undefined, `${entity.file}: ${attr.name} has no maximum`);
    }
  }
});
