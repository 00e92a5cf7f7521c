// Generated reference pages match their sources, and every documented error code exists in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DOCS } from '../src/cli/commands/docs.ts';
import { ENTITIES } from '../src/schema/entities.ts';
import { ERROR_CODES } from '../src/errors.ts';

const DOCS = join(import.meta.dirname, '..', 'docs');

for (const { file, render } of GENERATED_DOCS) {
  test(`docs/${file} is up to date with its source (run \`npm run docs\` if this fails)`, () => {
    assert.equal(readFileSync(join(DOCS, file), 'utf8'), render());
  });
}

test('docs/dataset.md documents every column of every table', () => {
  const page = readFileSync(join(DOCS, 'dataset.md'), 'utf8');
  for (const entity of ENTITIES) {
    const section = page.split(`\n## ${entity.file}\n`)[1]?.split('\n## ')[0];
    assert.ok(section, `no section for ${entity.file}`);
    for (const attr of entity.attributes) assert.ok(section.includes(`| \`${attr.name}\` |`), `${entity.file}: ${attr.name} missing`);
  }
});

test('docs/errors.md lists exactly the codes of the registry', () => {
  const page = readFileSync(join(DOCS, 'errors.md'), 'utf8');
  const documented = [...page.matchAll(/^\| `(CORRIDOR_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(documented, Object.keys(ERROR_CODES).sort());
});

test('tables that carry figures have a source column; tables without one hold no figures', () => {
  for (const entity of ENTITIES) {
    const figures = entity.attributes.filter((a) => a.type === 'number');
    if (entity.sourced) assert.ok(entity.attributes.some((a) => a.name === 'source' && a.required), entity.file);
    else assert.deepEqual(figures.map((a) => a.name), [], `${entity.file} holds numbers but no source`);
  }
});

test('every relative link in README.md and docs/ points to a file that exists', async () => {
  const { existsSync, readdirSync, statSync } = await import('node:fs');
  const { dirname, resolve } = await import('node:path');
  const root = join(import.meta.dirname, '..');
  const pages = [join(root, 'README.md')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) pages.push(path);
    }
  };
  walk(DOCS);
  const broken: string[] = [];
  for (const page of pages) {
    for (const [, target] of readFileSync(page, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const file = target.split('#')[0];
      if (!existsSync(resolve(dirname(page), file))) broken.push(`${page.slice(root.length + 1)} -> ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});
