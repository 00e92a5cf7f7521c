// src/risk is pure except its worker-thread runner: no file, network or process I/O anywhere else in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RISK = join(import.meta.dirname, '..', 'src', 'risk');

test('src/risk does no I/O; only parallel.ts starts threads', () => {
  const offenders: string[] = [];
  for (const name of readdirSync(RISK).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(RISK, name), 'utf8');
    const specs = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of specs) {
      const io = /^(node:)?(fs|fs\/promises|net|http|https|child_process)$/.test(spec);
      const threads = /^(node:)?worker_threads$/.test(spec);
      if (io || (threads && name !== 'parallel.ts')) offenders.push(`${name} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
