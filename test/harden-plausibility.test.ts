// Plausibility: figures that are each valid but do not fit together are warnings (errors when reading strictly),
// located at the row to check: flows over their route's capacity, exports over production, imports over demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatProblem } from '../src/data/problems.ts';
import { PLAUSIBILITY_TOLERANCE } from '../src/data/plausibility.ts';
import { runCli } from './helpers.ts';

const DEFAULT = resolve(import.meta.dirname, '..', 'data', 'default');

function copyDefault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-default-'));
  cpSync(DEFAULT, dir, { recursive: true });
  return dir;
}

/** Replaces the start of the line that starts with `prefix` (a unique row) with `replacement`. */
function editRow(dir: string, file: string, prefix: string, replacement: string): number {
  const path = join(dir, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const n = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(n > 0 && lines.filter((l) => l.startsWith(prefix)).length === 1, `no unique row ${prefix} in ${file}`);
  lines[n] = replacement + lines[n].slice(prefix.length);
  writeFileSync(path, lines.join('\n'));
  return n + 1;
}

function findings(dir: string, strict = false): { errors: string[]; plausibility: string[] } {
  const { problems } = readDataset(dir, { strict });
  return { errors: problems.errors.map(formatProblem), plausibility: problems.plausibilityFindings.map(formatProblem) };
}

test('a CPC flow of 500 Mt against a capacity of 81.5 is a warning at the flow; strict makes it an error', () => {
  const dir = copyDefault();
  const line = editRow(dir, 'flows.csv', '2024,crude_oil,KAZ,EU27,cpc,51.3,Mt/yr', '2024,crude_oil,KAZ,EU27,cpc,500,Mt/yr');
  const loose = findings(dir);
  assert.deepEqual(loose.errors, []);
  assert.ok(loose.plausibility.includes(`flows.csv:${line}:volume: warning: a flow of 500 Mt/yr on route "cpc" in 2024 is 6.135 times its capacity of 81.5 Mt/yr (routes.csv:2); check the figures and their units`), loose.plausibility.join('\n'));
  const strict = findings(dir, true);
  assert.ok(strict.errors.some((e) => e.startsWith(`flows.csv:${line}:volume: `) && /route "cpc"/.test(e)), strict.errors.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('a production of 52.5 entered in kb/d instead of Mt/yr is noticed: exports are then over production', () => {
  const dir = copyDefault();
  const line = editRow(dir, 'production.csv', '2024,crude_oil,KAZ,extraction,,87.56,Mt/yr', '2024,crude_oil,KAZ,extraction,,52.5,kb/d');
  const { errors, plausibility } = findings(dir);
  assert.deepEqual(errors, []);
  assert.ok(plausibility.some((p) => p.startsWith(`production.csv:${line}:volume: warning: exports of crude_oil from KAZ in 2024 `) && /20 times its extraction of 2\.625 Mt\/yr \(about the factor between Mt\/yr and kb\/d: is a figure in the wrong unit\?\)/.test(p)), plausibility.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('EU crude imports given as 9.1 Mt/yr instead of 9.1 mb/d: flows into the EU are over its imports', () => {
  const dir = copyDefault();
  const line = editRow(dir, 'demand.csv', '2024,crude_oil,EU27,imports,9.1,mb/d', '2024,crude_oil,EU27,imports,9.1,Mt/yr');
  const { errors, plausibility } = findings(dir);
  assert.deepEqual(errors, []);
  assert.ok(plausibility.some((p) => p.startsWith(`demand.csv:${line}:volume: warning: imports of crude_oil into EU27 in 2024 `) && /times its total imports of 9\.1 Mt\/yr/.test(p)), plausibility.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('flows through a shared asset over its capacity are a warning', () => {
  const dir = copyDefault();
  // The Aktau oil berths (7.5 Mt/yr) serve aktau_btc and aktau_makhachkala.
  const line = editRow(dir, 'flows.csv', '2023,crude_oil,KAZ,OTHER,aktau_btc,1.392,', '2023,crude_oil,KAZ,OTHER,aktau_btc,13.92,');
  const { plausibility } = findings(dir);
  assert.ok(plausibility.some((p) => p.startsWith(`flows.csv:${line}:volume: warning: 2 flows through the shared asset "aktau_oil_berths" in 2023 add up to 15.9 Mt/yr`)), plausibility.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test(`figures within ${PLAUSIBILITY_TOLERANCE * 100}% of each other are not flagged (sources differ by a few percent)`, () => {
  const dir = copyDefault();
  // 81.5 × 1.08 = 88.0: 8% over the CPC capacity, within the tolerance.
  editRow(dir, 'flows.csv', '2024,crude_oil,KAZ,EU27,cpc,51.3,Mt/yr', '2024,crude_oil,KAZ,EU27,cpc,88,Mt/yr');
  const { plausibility } = findings(dir);
  assert.ok(!plausibility.some((p) => /route "cpc"/.test(p)), plausibility.join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

test('the default dataset has no errors; its plausibility findings are the known ones', () => {
  const { errors, plausibility } = findings(DEFAULT);
  assert.deepEqual(errors, []);
  // A real finding: the EU's deliveries from Niger in 2022 (ESA) exceed Niger's mine output that year (WNA);
  // deliveries can come from earlier years' output held in stock.
  assert.deepEqual(plausibility, [
    'production.csv:14:volume: warning: exports of uranium from NER in 2022 (1 flow in flows.csv) add up to 2975 tU/yr, 47% over its extraction of 2020 tU/yr; check the figures and their units (re-exports aside)',
  ]);
  // Strictly, the same findings are the only errors.
  assert.equal(findings(DEFAULT, true).errors.length, plausibility.length);
});

test('corridor validate lists implausible figures without --verbose, and --strict turns them into errors (exit 1)', async () => {
  // The default dataset: the EU's 2022 deliveries from Niger (2,975 tU, ESA) exceed Niger's 2022 extraction
  // (2,020 tU, WNA) by 2975 / 2020 − 1 = 47%, past the 10% tolerance (deliveries may come from stock).
  const plain = await runCli('validate');
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /^production\.csv:14:volume: warning: exports of uranium from NER in 2022 .* 47% over its extraction of 2020 tU\/yr/m);
  assert.match(plain.stdout, /1 implausible figure\(s\), errors with --strict/);
  const strict = await runCli('validate', '--strict');
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, /^production\.csv:14:volume: exports of uranium from NER in 2022/m);
  assert.match(strict.stdout, /INVALID: 1 error\(s\)/);
});
