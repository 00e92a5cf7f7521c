// Layer rules: data flows one way. Each folder of src/ may import only the folders listed for it below (the same
// rules docs/architecture.md states in words); the pure core does no I/O of its own; and no module imports itself
// through a chain of others (no import cycles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(import.meta.dirname, '..', 'src');

/** What each folder of src/ may import, besides itself and the shared files at the top of src/ (errors, paths). */
const MAY_IMPORT: Record<string, string[]> = {
  schema: ['model'],
  model: [],
  data: ['schema', 'model'],
  metrics: ['schema', 'model'],
  solve: ['model'],
  scenario: ['schema', 'model', 'metrics', 'solve'],
  risk: ['schema', 'model', 'solve', 'scenario'],
  events: ['schema'],
  impact: ['schema', 'model', 'scenario', 'events'],
  store: ['schema', 'model', 'data', 'events'],
  server: ['schema', 'model', 'data', 'metrics', 'solve', 'scenario', 'risk', 'events', 'store'],
  queue: ['solve', 'risk'],
  cli: ['schema', 'model', 'data', 'metrics', 'solve', 'scenario', 'risk', 'events', 'impact', 'store', 'server', 'queue'],
};

/** Layers that do no file, network or process I/O: reading and writing happen in data/, store/ and the faces. */
const PURE_LAYERS = ['schema', 'model', 'metrics', 'solve', 'scenario', 'events', 'impact'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports: static imports and re-exports, and dynamic import() of a literal path. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...statics, ...dynamics];
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0];
const ALL = files(SRC);
/** Relative imports resolved to files under src/. */
const GRAPH = new Map(ALL.map((file) => [file, imports(file).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s))]));

test('every folder of src/ has its import rule (a new folder needs a decision on what it may import)', () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory()).sort();
  assert.deepEqual(folders, Object.keys(MAY_IMPORT).sort());
});

test('each folder imports only the folders it may import', () => {
  const offenders: string[] = [];
  for (const [file, targets] of GRAPH) {
    const from = layerOf(file);
    if (!(from in MAY_IMPORT)) continue; // the shared files at the top of src/
    for (const target of targets) {
      const to = layerOf(target);
      if (to === from || to.endsWith('.ts')) continue;
      if (!MAY_IMPORT[from].includes(to)) offenders.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the shared files at the top of src/ import no layer', () => {
  const offenders = [...GRAPH].filter(([file]) => !(layerOf(file) in MAY_IMPORT)).flatMap(([file, targets]) =>
    targets.filter((t) => !layerOf(t).endsWith('.ts')).map((t) => `${relative(SRC, file)} imports ${relative(SRC, t)}`));
  assert.deepEqual(offenders, []);
});

test('the pure layers do no file, network or process I/O', () => {
  const offenders: string[] = [];
  for (const file of ALL.filter((f) => PURE_LAYERS.includes(layerOf(f)))) {
    for (const spec of imports(file)) {
      if (/^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads)$/.test(spec)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

/** The import cycles of the graph, each as the list of files around it (depth-first search, one cycle per back edge). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

test('the cycle finder finds a cycle of three and none in a chain (checked on a made-up graph)', () => {
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
});

test('no import cycles anywhere in src/', () => {
  const cycles = findCycles(GRAPH).map((cycle) => cycle.map((f) => relative(SRC, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});

test('docs/architecture.md describes every folder of src/', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'architecture.md'), 'utf8');
  const missing = Object.keys(MAY_IMPORT).filter((folder) => !doc.includes(`## ${folder}/`));
  assert.deepEqual(missing, []);
});

/** What the web workbench (web/src/) may import from src/: the pure layers, and risk/ without its worker threads. */
const WEB_MAY_IMPORT = ['schema', 'model', 'metrics', 'solve', 'scenario', 'risk', 'errors.ts'];
const WEB_SRC = join(import.meta.dirname, '..', 'web', 'src');

test('web/ imports only the pure layers of src/, and nothing it reaches does file, network, process or thread I/O', () => {
  const webFiles = readdirSync(WEB_SRC).filter((n) => /\.tsx?$/.test(n)).map((n) => join(WEB_SRC, n));
  const offenders: string[] = [];
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const next of GRAPH.get(file) ?? []) visit(next);
  };
  for (const file of webFiles) {
    for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const layer = layerOf(target);
      if (!WEB_MAY_IMPORT.includes(layer) || target.endsWith(join('risk', 'parallel.ts'))) offenders.push(`web/src/${relative(WEB_SRC, file)} imports ${relative(SRC, target)}`);
      visit(target);
    }
  }
  for (const file of reached) {
    for (const spec of imports(file)) if (/^node:|^(fs|net|http|https|child_process|worker_threads)$/.test(spec)) offenders.push(`${relative(SRC, file)} (reached from web/) imports ${spec}`);
  }
  assert.ok(reached.size > 20, 'web/ reaches the library');
  assert.deepEqual(offenders, []);
});
