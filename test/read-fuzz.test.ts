// Generated junk in any cell of any table never crashes the reader, and the dataset it came from
// stays untouched (reading writes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatCsv, parseCsv } from '../src/data/csv.ts';
import { copyFixture } from './helpers.ts';

test('property: replacing any cell with junk yields problems, never an exception', () => {
  const dir = copyFixture('tiny');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  fc.assert(
    fc.property(
      fc.constantFrom(...files), fc.nat(), fc.nat(),
      fc.oneof(fc.string(), fc.constantFrom('', '-1', 'NaN', 'Infinity', '1e999', '0x10', ';;', 'OTHER', 'EU27', '2024-13-01', '"', '\u0000')),
      (file, rowPick, columnPick, junk) => {
        const { table } = parseCsv(originals.get(file)!);
        if (table.rows.length === 0) return;
        const row = rowPick % table.rows.length;
        const column = columnPick % table.header.length;
        const rows = table.rows.map((r) => [...r]);
        rows[row][column] = junk;
        writeFileSync(join(dir, file), formatCsv(table.header, rows));
        try {
          const { problems } = readDataset(dir);
          for (const p of problems.items) assert.equal(typeof p.message, 'string');
        } finally {
          writeFileSync(join(dir, file), originals.get(file)!);
        }
      },
    ),
    { numRuns: 150, seed: 2024 },
  );
  rmSync(dir, { recursive: true, force: true });
});
