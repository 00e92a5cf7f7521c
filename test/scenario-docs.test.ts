// docs/scenarios.md: its reference part is generated from the scenario schema (no drift), every YAML
// example in it and in docs/tour/scenarios.md parses and checks against the default dataset (the invalid
// one fails with the problems the page shows), every change type has an example, and it explains every
// example in examples/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/data/read.ts';
import { CorridorError } from '../src/errors.ts';
import { REFERENCE_BEGIN, REFERENCE_END, renderScenarioReference } from '../src/scenario/docs.ts';
import { checkScenario, parseScenario, readScenario } from '../src/scenario/index.ts';
import { CHANGE_TYPES } from '../src/scenario/schema.ts';
import { Model } from '../src/model/model.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = ['docs/scenarios.md', 'docs/tour/scenarios.md'];
const page = readFileSync(join(ROOT, 'docs', 'scenarios.md'), 'utf8');
const model = loadDataset();
/**
 * open_route opens a planned or closed route, and the default dataset has none: its example is checked
 * against the default dataset with the route it names added as a planned crude route (Aktau–Sangachal).
 */
const PLANNED_ROUTE = 'trans_caspian_pipeline';
const withPlannedRoute = new Model({
  ...model.tables,
  route: [...model.tables.route, {
    id: PLANNED_ROUTE, name: 'Trans-Caspian pipeline (planned)', commodity: 'crude_oil', mode: 'pipeline', from: 'aktau', to: 'sangachal',
    unit: 'Mt/yr', year: 2024, cost_unit: '', operator: '', status: 'planned', source: [], estimated: true, note: '',
  }],
}, model.info);

interface YamlBlock {
  page: string;
  /** Line of the opening fence. */
  line: number;
  text: string;
}

/** Every fenced ```yaml block of a page, with the line it starts on. */
function yamlBlocks(file: string): YamlBlock[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    blocks.push({ page: file, line: start + 1, text: `${body.join('\n')}\n` });
  }
  return blocks;
}

const blocks = PAGES.flatMap(yamlBlocks);
/** A whole scenario starts with its fields; a change type's example is a list of changes. */
const scenarios = blocks.filter((b) => !b.text.trimStart().startsWith('- '));
const changeLists = blocks.filter((b) => b.text.trimStart().startsWith('- '));
/** The example of a file with problems: the page shows what `corridor scenario run bad.yaml` prints. */
const isInvalidExample = (b: YamlBlock) => /^name: bad$/m.test(b.text);

/** Commodity and year pairs of the default dataset that have flows: a change example must check in one of them. */
const flowYears = model.tables.commodity.flatMap((c) => model.flowYears(c.id).map((year) => ({ commodity: c.id, year })));

/** The problems checkScenario finds (none: []). */
function problemsOf(text: string, file: string, dataset: Model = model): string[] {
  const { scenario, problems } = readScenario(text, file);
  if (!scenario) return problems.map((p) => `${file}:${p.line}: ${p.message}`);
  try {
    checkScenario(dataset, scenario, problems);
    return [];
  } catch (e) {
    if (!(e instanceof CorridorError)) throw e;
    return e.details.length ? e.details : [e.message];
  }
}

test('the reference part of docs/scenarios.md matches src/scenario/schema.ts (run `npm run docs` if this fails)', () => {
  const start = page.indexOf(REFERENCE_BEGIN);
  const end = page.indexOf(REFERENCE_END);
  assert.ok(start >= 0 && end > start, 'markers present');
  assert.equal(page.slice(start, end + REFERENCE_END.length), renderScenarioReference());
});

test('the YAML examples of the scenario pages are found', () => {
  assert.ok(scenarios.length >= 2, `whole scenarios found: ${scenarios.length}`);
  assert.ok(changeLists.length >= CHANGE_TYPES.length, `change examples found: ${changeLists.length}`);
  assert.equal(scenarios.filter(isInvalidExample).length, 1, 'one example of a file with problems');
});

test('every whole scenario shown in the docs parses and checks against the default dataset', () => {
  for (const block of scenarios.filter((b) => !isInvalidExample(b))) {
    const where = `${block.page}:${block.line}`;
    const scenario = parseScenario(block.text, where);
    assert.ok(scenario.changes.length > 0, `${where}: has changes`);
    assert.deepEqual(problemsOf(block.text, where), [], where);
  }
});

test('the scenario with problems in docs/scenarios.md is refused with the problems the page shows', () => {
  const block = scenarios.find(isInvalidExample)!;
  const shown = page.split('\n').filter((l) => /^ {2}bad\.yaml:\d+: /.test(l)).map((l) => l.trim());
  assert.ok(shown.length >= 2, 'the page lists the problems');
  assert.deepEqual(problemsOf(block.text, 'bad.yaml'), shown);
});

test('every change example parses and checks against the default dataset for some commodity and year', () => {
  for (const block of changeLists) {
    const where = `${block.page}:${block.line}`;
    const dataset = /^- type: open_route$/m.test(block.text) && block.text.includes(PLANNED_ROUTE) ? withPlannedRoute : model;
    const tried = flowYears.map(({ commodity, year }) => {
      const text = `name: docs example\ncommodity: ${commodity}\nyear: ${year}\nchanges:\n${block.text}`;
      return { commodity, year, problems: problemsOf(text, where, dataset) };
    });
    const fits = tried.filter((t) => t.problems.length === 0);
    assert.ok(fits.length > 0, `${where} checks for no commodity and year:\n${tried.map((t) => `  ${t.commodity} ${t.year}: ${t.problems[0]}`).join('\n')}`);
  }
});

test('every change type has a section in docs/scenarios.md and appears in a YAML example', () => {
  const shownTypes = new Set(blocks.flatMap((b) => [...b.text.matchAll(/^\s*-?\s*type:\s*(\w+)/gm)].map((m) => m[1])));
  for (const c of CHANGE_TYPES) {
    assert.ok(page.includes(`#### ${c.type}\n`), `section for ${c.type}`);
    assert.ok(shownTypes.has(c.type), `a YAML example uses ${c.type}`);
  }
  for (const type of shownTypes) assert.ok(CHANGE_TYPES.some((c) => c.type === type), `${type} shown in the docs is a change type`);
});

test('every example in examples/ is explained in docs/scenarios.md and summarised in docs/tour/scenarios.md', () => {
  const tour = readFileSync(join(ROOT, 'docs', 'tour', 'scenarios.md'), 'utf8');
  // examples/risk-*.yaml are risk specs, explained in docs/methods/risk.md.
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml') && !f.startsWith('risk-'))) {
    assert.ok(page.includes(`examples/${file}`), `docs/scenarios.md mentions examples/${file}`);
    assert.ok(tour.includes(`examples/${file}`), `docs/tour/scenarios.md mentions examples/${file}`);
  }
});
