// The whole code base type-checks under strict TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('tsc --noEmit reports no type errors', () => {
  const root = join(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('the web workbench (web/, its own DOM and JSX settings) type-checks too', () => {
  const root = join(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(root, 'web')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
