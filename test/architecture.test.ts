// Layer rules: data flows one way. The pure core (schema, model, metrics, solve, scenario, events, risk)
// never imports a face (cli, server, web) and does no I/O of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

const PURE_LAYERS = ['schema', 'model', 'metrics', 'solve', 'scenario', 'events', 'risk'];
const FACES = ['cli', 'server', 'web'];

test('no layer below the faces imports the CLI, the server or the web workbench', () => {
  const offenders: string[] = [];
  for (const file of files(SRC)) {
    const layer = relative(SRC, file).split('/')[0];
    if (FACES.includes(layer)) continue;
    for (const spec of imports(file)) {
      if (FACES.some((face) => spec.includes(`/${face}/`))) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the pure layers do no file, network or process I/O', () => {
  const offenders: string[] = [];
  for (const layer of PURE_LAYERS) {
    for (const file of files(join(SRC, layer))) {
      for (const spec of imports(file)) {
        if (/^(node:)?(fs|fs\/promises|net|http|https|child_process)$/.test(spec)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
