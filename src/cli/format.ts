// The one home of terminal output: aligned tables, numbers, CSV, colour and the sanitiser that every
// printed text goes through. Views (./views/) turn results into lines with these; commands only print.

/** A column of a text table: header, alignment. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Formats rows as aligned columns, indented by two spaces. */
export function formatTable(columns: Column[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `  ${cells.map(cell).join('  ')}`.trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

export const formatPercent = (x: number | null, digits = 1): string => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);

/** Decimals that suit a set of volumes shown together (from the largest of them). */
export function volumeDigits(values: number[]): number {
  const max = Math.max(0, ...values.map(Math.abs));
  return max >= 1000 ? 0 : max >= 100 ? 1 : max >= 1 ? 2 : 3;
}

/** A volume with a sensible number of digits for its size (or the given digits, to align a column). */
export function formatVolume(x: number, digits = volumeDigits([x])): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const formatInteger = (x: number): string => Math.round(x).toLocaleString('en-GB');

/** A number with fixed decimals, '–' for none and 'unlimited' for infinity. */
export const formatNumber = (v: number | null, digits = 2): string => (v === null ? '–' : Number.isFinite(v) ? v.toFixed(digits) : 'unlimited');

/** Money: 4 significant digits below 1, else 2 decimals. */
export const formatMoney = (v: number | null): string => (v === null ? '–' : v !== 0 && Math.abs(v) < 1 ? v.toPrecision(4) : v.toFixed(2));

/** A change with its sign (+1.50, -0.20). */
export const formatSigned = (v: number | null, digits = 2): string => (v === null ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(digits)}`);

/** A tone on the −10..+10 scale with its sign. */
export const formatTone = (tone: number): string => (tone > 0 ? `+${tone}` : String(tone));

/** A "Notes:" block after a blank line, or nothing when there are no notes. */
export const noteLines = (notes: string[]): string[] => (notes.length > 0 ? ['', 'Notes:', ...notes.map((n) => `  - ${n}`)] : []);

/** Shortens a text to `max` characters, ending with "..." when cut. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

// ---------------------------------------------------------------- tables for spreadsheets (--csv)

export type DataCell = string | number | boolean | null;

/** A result table with raw values (full precision, no grouping), for --csv. */
export interface DataTable {
  /** Name the --table option selects it by. */
  name: string;
  columns: string[];
  rows: DataCell[][];
}

function csvCell(value: DataCell): string {
  if (value === null) return '';
  // 12 significant digits: the full precision of the figures, without the noise of binary arithmetic (69.99999999999999).
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(Number(value.toPrecision(12))) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : '') : String(value);
  // RFC 4180: quote a cell holding a comma, a quote or a line break; a leading =,+,-,@ is prefixed with ' so that a
  // spreadsheet does not run a cell from a dataset or an article as a formula (numbers are left as they are).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as RFC 4180 CSV (CRLF line ends, as the RFC and spreadsheets expect). */
export function toCsv(table: DataTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- safe text and colour

/**
 * Makes text safe to print on a terminal: control characters (other than line feed, tab and CRLF) and the Unicode
 * bidirectional controls are shown escaped (\x1b, \u202e), so that a country name or a headline cannot clear the
 * screen, set the window title or reverse the text around it. Inside JSON strings the escapes stay valid JSON.
 */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  // A carriage return is kept only as part of a CRLF line end (CSV output); alone it could overwrite a line.
  return text.replace(/\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    // C0 controls as \x1b (JSON output has them escaped already); the rest as \u202e, which is also valid inside JSON.
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export type Style = 'bold' | 'error' | 'warning' | 'good';
const STYLES: Record<Style, [string, string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  good: ['\x1b[32m', '\x1b[39m'],
};

/** Wraps text in a colour when `enabled` (see colourWanted). */
export const paint = (text: string, style: Style | undefined, enabled: boolean): string =>
  enabled && style ? `${STYLES[style][0]}${text}${STYLES[style][1]}` : text;

/**
 * Whether to colour a stream: never when NO_COLOR is set (https://no-color.org), always when FORCE_COLOR is set
 * (other than 0), else only on a terminal.
 */
export function colourWanted(isTty: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTty === true;
}
