// Turns CSV cells into typed values as the attribute table says, or explains what is wrong.
import type { Attribute } from './types.ts';

export type Cell = string | number | boolean | string[] | undefined;
export type Coerced = { ok: true; value: Cell } | { ok: false; expected: string };

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The default value of an attribute for an empty cell. */
export function defaultValue(attr: Attribute): Cell {
  if (attr.type === 'list') return typeof attr.default === 'string' && attr.default ? attr.default.split(';') : [];
  return attr.default;
}

function checkRange(attr: Attribute, n: number): string | undefined {
  if (attr.min !== undefined && n < attr.min) return `a number ≥ ${attr.min}`;
  if (attr.max !== undefined && n > attr.max) return `a number ≤ ${attr.max}`;
  return undefined;
}

/** Coerces one cell. Empty cells take the default, or fail when the attribute is required. */
export function coerceCell(attr: Attribute, raw: string): Coerced {
  const text = raw.trim();
  if (text === '') {
    if (attr.required) return { ok: false, expected: `a value (${attr.name} is required)` };
    return { ok: true, value: defaultValue(attr) };
  }
  switch (attr.type) {
    case 'string': {
      if (attr.enum && !attr.enum.includes(text)) return { ok: false, expected: `one of ${attr.enum.filter(Boolean).join(', ')}` };
      return { ok: true, value: text };
    }
    case 'list': {
      const items = text.split(';').map((s) => s.trim()).filter(Boolean);
      const bad = attr.enum ? items.find((s) => !attr.enum!.includes(s)) : undefined;
      if (bad !== undefined) return { ok: false, expected: `values from ${attr.enum!.join(', ')}` };
      return { ok: true, value: items };
    }
    case 'number': {
      const n = Number(text);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(n)) return { ok: false, expected: 'a number (use . as the decimal mark, no thousands separators)' };
      const range = checkRange(attr, n);
      return range ? { ok: false, expected: range } : { ok: true, value: n };
    }
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text)) return { ok: false, expected: 'an integer' };
      const n = Number(text);
      const range = checkRange(attr, n);
      return range ? { ok: false, expected: range } : { ok: true, value: n };
    }
    case 'year': {
      if (!/^\d{4}$/.test(text)) return { ok: false, expected: 'a four-digit year' };
      const n = Number(text);
      const range = checkRange(attr, n);
      return range ? { ok: false, expected: `a year from ${attr.min} to ${attr.max}` } : { ok: true, value: n };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    }
    case 'date': {
      if (!isValidDate(text)) return { ok: false, expected: 'a date as YYYY-MM-DD' };
      return { ok: true, value: text };
    }
  }
}

/** Writes a typed value back as a CSV cell. */
export function formatCell(attr: Attribute, value: Cell): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
