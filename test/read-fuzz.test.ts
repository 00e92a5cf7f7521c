// Generated junk in any cell of any table never crashes the reader; junk that the column's declared type refuses is
// reported as an error at that file, line and column; and the dataset it came from stays untouched (reading writes
// nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatCsv, parseCsv } from '../src/data/csv.ts';
import { formatProblem } from '../src/data/problems.ts';
import { coerceCell } from '../src/schema/coerce.ts';
import { entityByFile } from '../src/schema/entities.ts';
import { copyFixture } from './helpers.ts';

test('property: junk in any cell never throws, and junk the column refuses is an error located at its file, line and column', () => {
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
          const attribute = entityByFile(file)?.attributes.find((a) => a.name === table.header[column]);
          if (attribute && !coerceCell(attribute, junk).ok) {
            // Line of the row: the header is line 1; earlier rows with a line break in a cell take more lines.
            const line = 2 + row + rows.slice(0, row).reduce((n, r) => n + r.join('').split(/\r\n|\n|\r/).length - 1, 0);
            // A cell that makes the whole file unreadable (a NUL byte: binary data) is reported on the file itself.
            if (problems.errors.some((p) => p.file === file && p.row === 0 && p.column === '')) return;
            const located = problems.errors.filter((p) => p.file === file && p.column === attribute.name);
            assert.ok(located.length > 0, `${JSON.stringify(junk)} in ${file} column ${attribute.name}: no error names that column (${problems.errors.map(formatProblem).join(' | ')})`);
            assert.ok(located.some((p) => p.row === line), `${JSON.stringify(junk)} in ${file}: error not at line ${line} (${located.map(formatProblem).join(' | ')})`);
          }
        } finally {
          writeFileSync(join(dir, file), originals.get(file)!);
        }
      },
    ),
    { numRuns: 150, seed: 2024 },
  );
  rmSync(dir, { recursive: true, force: true });
});
