// Shared helpers for tests: temporary copies of fixture datasets and an in-process CLI runner.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/cli/common.ts';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Copies a fixture dataset to a new temporary folder, removed when the test file ends, and returns its path. */
export function copyFixture(name: string): string {
  const dir = removeAtExit(mkdtempSync(join(tmpdir(), `corridor-${name}-`)));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const scratch = new Set<string>();
let sweeping = false;

/** Removes `path` (a temporary folder) when the test file ends, whether its tests pass or fail; returns `path`. */
export function removeAtExit(path: string): string {
  scratch.add(path);
  if (!sweeping) {
    sweeping = true;
    process.once('exit', () => {
      for (const p of scratch) rmSync(p, { recursive: true, force: true });
    });
  }
  return path;
}

/** A new empty temporary folder `corridor-NAME-…`, removed when the test file ends. */
export function scratchDir(name: string): string {
  return removeAtExit(mkdtempSync(join(tmpdir(), `corridor-${name}-`)));
}

/**
 * Copies a fixture dataset (or any dataset folder, given its path) to a temporary folder removed when the test file
 * ends. Its .corridor/ folder (candidate store, lock) is copied only when `store` is true.
 */
export function scratchCopy(nameOrDir: string, options: { store?: boolean } = {}): string {
  const from = nameOrDir.includes('/') ? nameOrDir : join(FIXTURES, nameOrDir);
  const dir = scratchDir(nameOrDir.includes('/') ? 'dataset' : nameOrDir);
  cpSync(from, dir, { recursive: true, filter: (src) => options.store === true || !src.split(/[\\/]/).includes('.corridor') });
  return dir;
}

/** Rewrites one file of a dataset folder through a text transformation. */
export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => { stdout += t.endsWith('\n') ? t : `${t}\n`; }, err: (t) => { stderr += t.endsWith('\n') ? t : `${t}\n`; } };
  const code = await main(['node', 'corridor', ...args], io);
  return { code, stdout, stderr };
}

/** Asserts that a figure equals the expected one within a tolerance, naming it in the message. */
export function near(actual: number | undefined, expected: number, label: string, tolerance = 1e-9): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${label}: expected ${expected}, found ${actual}`);
}
