// docs/scenarios.md: its reference part is generated from the scenario schema (no drift), and it
// explains every example in examples/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REFERENCE_BEGIN, REFERENCE_END, renderScenarioReference } from '../src/scenario/docs.ts';
import { CHANGE_TYPES } from '../src/scenario/schema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const page = readFileSync(join(ROOT, 'docs', 'scenarios.md'), 'utf8');

test('the reference part of docs/scenarios.md matches src/scenario/schema.ts (run `npm run docs` if this fails)', () => {
  const start = page.indexOf(REFERENCE_BEGIN);
  const end = page.indexOf(REFERENCE_END);
  assert.ok(start >= 0 && end > start, 'markers present');
  assert.equal(page.slice(start, end + REFERENCE_END.length), renderScenarioReference());
});

test('every change type has a section and an example that parses', () => {
  for (const c of CHANGE_TYPES) assert.ok(page.includes(`#### ${c.type}\n`), c.type);
});

test('every example in examples/ is explained in docs/scenarios.md and summarised in docs/tour/scenarios.md', () => {
  const tour = readFileSync(join(ROOT, 'docs', 'tour', 'scenarios.md'), 'utf8');
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))) {
    assert.ok(page.includes(`examples/${file}`), `docs/scenarios.md mentions examples/${file}`);
    assert.ok(tour.includes(`examples/${file}`), `docs/tour/scenarios.md mentions examples/${file}`);
  }
});
