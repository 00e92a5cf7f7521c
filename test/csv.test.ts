// The CSV reader: round trips, located problems, and generated junk that must never crash it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCsv, parseCsv } from '../src/data/csv.ts';

test('parses quoted fields with commas, quotes and line breaks, keeping line numbers', () => {
  const text = 'a,b,c\n1,"x, y",3\n2,"say ""hi""","two\nlines"\n3,z,\n';
  const { table, problems } = parseCsv(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(table.header, ['a', 'b', 'c']);
  assert.deepEqual(table.rows, [['1', 'x, y', '3'], ['2', 'say "hi"', 'two\nlines'], ['3', 'z', '']]);
  assert.deepEqual(table.lines, [2, 3, 5]);
});

test('skips blank lines and reads a last line without a line end', () => {
  const { table } = parseCsv('a,b\n\n1,2\n\n3,4');
  assert.deepEqual(table.rows, [['1', '2'], ['3', '4']]);
  assert.deepEqual(table.lines, [3, 5]);
});

test('an unclosed quote is reported at the line where the field opens', () => {
  const { problems } = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
  assert.deepEqual(problems, [{ line: 3, message: 'a quoted field is never closed (missing ")' }]);
});

// Cells made of characters that need quoting; a carriage return only ever comes as part of \r\n.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1') as fc.Arbitrary<string>, maxLength: 8 });

test('property: formatCsv then parseCsv gives back the same cells', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.tuple(fc.array(fc.stringMatching(/^[a-z]{1,5}$/), { minLength: width, maxLength: width }),
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }))), ([header, rows]) => {
      // A row whose only cell is empty is a blank line, which the reader skips by design.
      const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
      const { table, problems } = parseCsv(formatCsv(header, kept));
      assert.deepEqual(problems, []);
      assert.deepEqual(table.rows, kept);
    }),
    { numRuns: 300, seed: 42 },
  );
});

test('property: any text parses without throwing, and line numbers increase', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const { table } = parseCsv(text);
      for (let i = 1; i < table.lines.length; i++) assert.ok(table.lines[i] > table.lines[i - 1]);
    }),
    { numRuns: 500, seed: 7 },
  );
});
