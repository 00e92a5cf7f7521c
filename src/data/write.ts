// Writes tables back to a dataset folder. Every write goes to a temporary file that replaces the
// original only when complete, so a failed write leaves the dataset as it was.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCell, type Cell } from '../schema/coerce.ts';
import type { Entity } from '../schema/types.ts';
import { formatCsv } from './csv.ts';
import { CorridorError } from '../errors.ts';
import { readDataset } from './read.ts';
import { formatProblem } from './problems.ts';

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

export interface ReplaceOptions {
  /** Writes one file (default: atomic replace). Tests inject a failing writer here. */
  write?: (path: string, content: string) => void;
  /** Says what the change is, for messages ("accepting event X"). */
  what: string;
}

/**
 * Replaces several files of a dataset folder as one change: the new contents are first staged in a copy of
 * the dataset that must validate; the files are then replaced in the given order (put the file that makes
 * the change visible last), and those already replaced are put back if a write fails. Either every file
 * changes or none does.
 */
export function replaceDatasetFiles(dir: string, changes: ReadonlyMap<string, string>, order: readonly string[], options: ReplaceOptions): void {
  stageAndValidate(dir, changes, options.what);
  commitInOrder(dir, changes, order, options);
}

/** Validates the dataset as it would be after the changes, in a temporary copy. */
function stageAndValidate(dir: string, changes: ReadonlyMap<string, string>, what: string): void {
  const staging = mkdtempSync(join(tmpdir(), 'corridor-stage-'));
  try {
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      if (statSync(path).isFile() && (file.endsWith('.csv') || file === 'datapackage.json')) copyFileSync(path, join(staging, file));
    }
    for (const [file, content] of changes) writeFileAtomic(join(staging, file), content);
    const errors = readDataset(staging).problems.errors;
    if (errors.length > 0) {
      throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `${what} would leave dataset ${dir} invalid, so nothing was changed`, errors.slice(0, 10).map(formatProblem));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Writes the files in order; on a failure puts back those already written and reports it. */
function commitInOrder(dir: string, changes: ReadonlyMap<string, string>, order: readonly string[], options: ReplaceOptions): void {
  const write = options.write ?? writeFileAtomic;
  const originals = new Map(order.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null]));
  const done: string[] = [];
  try {
    for (const file of order) {
      write(join(dir, file), changes.get(file)!);
      done.push(file);
    }
  } catch (error) {
    for (const file of done.reverse()) restore(join(dir, file), originals.get(file) ?? null);
    const message = error instanceof Error ? error.message : String(error);
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not finish ${options.what} in ${dir} (${message}); the dataset was left as it was`);
  }
}

function restore(path: string, original: string | null): void {
  try {
    if (original === null) rmSync(path, { force: true });
    else writeFileAtomic(path, original);
  } catch {
    // Nothing more can be done; the error reported by the caller names the dataset.
  }
}
