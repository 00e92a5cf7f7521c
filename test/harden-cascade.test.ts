// One bad cell gives one error: a row left out for a bad cell still exists, so rows that refer to it are not
// reported as referring to something unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatProblem } from '../src/data/problems.ts';

const DEFAULT = resolve(import.meta.dirname, '..', 'data', 'default');

function copyDefault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-default-'));
  cpSync(DEFAULT, dir, { recursive: true });
  return dir;
}

/** Sets one cell of the row whose first cell is `id` (files without quoted commas before the cell). */
function setCell(dir: string, file: string, id: string, column: string, value: string): void {
  const path = join(dir, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines[0].split(',').indexOf(column);
  const n = lines.findIndex((l) => l.startsWith(`${id},`));
  assert.ok(index >= 0 && n > 0, `no ${column} for ${id} in ${file}`);
  const cells = lines[n].split(',');
  cells[index] = value;
  lines[n] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
}

const EDITS = [
  { name: 'barrels_per_tonne=0 for crude oil', file: 'commodities.csv', id: 'crude_oil', column: 'barrels_per_tonne', value: '0', at: 'commodities.csv:2:barrels_per_tonne', says: /expected a number ≥ 0\.1, found "0"/ },
  { name: 'a capacity of -5 on the CPC route', file: 'routes.csv', id: 'cpc', column: 'capacity', value: '-5', at: 'routes.csv:2:capacity', says: /expected a number ≥ 0, found "-5"/ },
  { name: 'a latitude of 95 on a node', file: 'nodes.csv', id: 'tengiz', column: 'lat', value: '95', at: 'nodes.csv:', says: /≤ 90, found "95"/ },
];

for (const edit of EDITS) {
  test(`one bad cell gives exactly one error: ${edit.name}`, () => {
    const dir = copyDefault();
    setCell(dir, edit.file, edit.id, edit.column, edit.value);
    const errors = readDataset(dir).problems.errors.map(formatProblem);
    assert.equal(errors.length, 1, errors.slice(0, 20).join('\n'));
    assert.ok(errors[0].startsWith(edit.at) && edit.says.test(errors[0]), errors[0]);
    rmSync(dir, { recursive: true, force: true });
  });
}

test('a reference to an id that no row has is still an error', () => {
  const dir = copyDefault();
  setCell(dir, 'routes.csv', 'cpc', 'id', 'cpc_renamed');
  const errors = readDataset(dir).problems.errors.map(formatProblem);
  assert.ok(errors.some((e) => e.startsWith('legs.csv:') && /unknown "cpc"/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('flows.csv:') && /unknown "cpc"/.test(e)), errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a bad cell in a leg gives one error, not a complaint about the legs of its route that no longer join', () => {
  const dir = copyDefault();
  const path = join(dir, 'legs.csv');
  const lines = readFileSync(path, 'utf8').split('\n');
  const n = lines.findIndex((l) => l.startsWith('cpc,2,'));
  lines[n] = lines[n].replace(/^cpc,2,([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),/, 'cpc,2,$1,$2,$3,$4,$5,-7,');
  writeFileSync(path, lines.join('\n'));
  const errors = readDataset(dir).problems.errors.map(formatProblem);
  assert.deepEqual(errors, [`legs.csv:${n + 1}:length_km: expected a number ≥ 0, found "-7"`]);
  rmSync(dir, { recursive: true, force: true });
});

test('a table that cannot be read gives one error, not one per row that depends on it', () => {
  for (const file of ['legs.csv', 'routes.csv', 'commodities.csv', 'countries.csv', 'nodes.csv', 'sources.csv']) {
    const dir = copyDefault();
    rmSync(join(dir, file));
    mkdirSync(join(dir, file));
    const errors = readDataset(dir).problems.errors.map(formatProblem);
    assert.deepEqual(errors, [`${file}: expected a regular file, found a directory`], file);
    rmSync(dir, { recursive: true, force: true });
  }
});
