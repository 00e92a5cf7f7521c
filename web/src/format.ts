// Numbers and sources as the page shows them.
import type { Model } from '../../src/model/model.ts';
import type { SourceRow } from '../../src/model/types.ts';

/** A figure with at most `digits` decimals and thousands separators (the CLI's --json figures keep 3 or 4 decimals). */
export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`);

/** The sources a row names, as dataset rows (unknown ids left out). */
export function sourcesOf(model: Model, ids: readonly string[]): SourceRow[] {
  return ids.map((id) => model.tables.source.find((s) => s.id === id)).filter((s): s is SourceRow => s !== undefined);
}

/** A source's address as a link (the dataset stores most without the scheme). */
export function sourceUrl(source: SourceRow): string {
  if (!source.url) return '';
  return /^https?:\/\//.test(source.url) ? source.url : `https://${source.url}`;
}

export function sourceLine(source: SourceRow): string {
  return `${source.title} (${source.publisher}, ${source.year})`;
}

/** A country's or bloc's name, else its id. */
export function nameOf(model: Model, id: string): string {
  return model.tables.country.find((c) => c.id === id)?.name ?? model.tables.bloc.find((b) => b.id === id)?.name ?? id;
}
