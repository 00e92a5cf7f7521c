// A strict RFC 4180 CSV reader and writer that keeps line numbers, so that every problem can be
// reported as file:row:column. Hand-written rather than a library so that bad input (an unclosed
// quote, a stray byte) becomes a located problem instead of a guess.

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Line number (1-based, header = line 1) where each row starts. */
  lines: number[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/** Parses CSV text. Never throws: returns what it could read and the problems it met. */
export function parseCsv(text: string): { table: CsvTable; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedFieldLine = 0;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    field = '';
    // Skip blank lines (a record with one empty field).
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
  };
  const plainField = /[^,\r\n"]*/y; // the run of ordinary characters of an unquoted field
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      const close = text.indexOf('"', i);
      if (close < 0) { field += text.slice(i); line += countLineBreaks(text, i, n); i = n; break; }
      field += text.slice(i, close);
      line += countLineBreaks(text, i, close);
      if (text[close + 1] === '"') { field += '"'; i = close + 2; continue; }
      inQuotes = false;
      i = close + 1;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        problems.push({ line, message: `unexpected character ${JSON.stringify(next)} after a closing quote` });
      }
      continue;
    }
    if (ch === '"') {
      if (field === '') { inQuotes = true; quotedFieldLine = line; i++; continue; }
      field += ch; // a quote inside an unquoted field: keep it, as most readers do
      i++;
      continue;
    }
    if (ch === ',') { record.push(field); field = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    plainField.lastIndex = i;
    plainField.test(text);
    field += text.slice(i, plainField.lastIndex);
    i = plainField.lastIndex;
  }
  if (inQuotes) problems.push({ line: quotedFieldLine, message: 'a quoted field is never closed (missing ")' });
  if (field !== '' || record.length > 0) endRecord();
  const [header = [], ...rows] = records;
  const [, ...rowLines] = lines;
  return { table: { header: header.map((h) => h.trim()), rows, lines: rowLines }, problems };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV text with a header line and "\n" line ends. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [header.map(quote).join(',')];
  for (const row of rows) out.push(row.map(quote).join(','));
  return out.join('\n') + '\n';
}
