// Writes tables back to a dataset folder. Every write goes to a temporary file that replaces the
// original only when complete, so a failed write leaves the dataset as it was.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCell, type Cell } from '../schema/coerce.ts';
import type { Entity } from '../schema/types.ts';
import { formatCsv } from './csv.ts';
import { CorridorError } from '../errors.ts';

/** Writes a file atomically: the old content stays in place until the new content is complete. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, 'utf8');
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not write ${path}: ${(e as Error).message}`);
  }
}

/** Formats typed rows of an entity as CSV text with every declared column. */
export function formatTable(entity: Entity, rows: readonly Record<string, Cell>[]): string {
  const header = entity.attributes.map((a) => a.name);
  return formatCsv(header, rows.map((row) => entity.attributes.map((a) => formatCell(a, row[a.name]))));
}

/** Writes one table of a dataset folder atomically. */
export function writeTable(dir: string, entity: Entity, rows: readonly Record<string, Cell>[]): void {
  writeFileAtomic(join(dir, entity.file), formatTable(entity, rows));
}
