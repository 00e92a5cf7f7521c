// Writes tables back to a dataset folder. Every write goes to a temporary file beside the original that replaces
// it only when complete and flushed to disk, so a failed or interrupted write leaves the dataset as it was.
// Changes are staged and validated in DIR/.corridor/ (the same file system as the dataset); a process killed
// half-way leaves files named after its pid there and beside the tables, which removeLeftovers takes away.
import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatCell, type Cell } from '../schema/coerce.ts';
import type { Entity } from '../schema/types.ts';
import { formatCsv, parseCsv } from './csv.ts';
import { CorridorError } from '../errors.ts';
import { readDataset } from './read.ts';
import { formatProblem } from './problems.ts';

/** The folder beside a dataset's tables where Corridor keeps its own files (candidate store, lock, staging). */
export const WORK_FOLDER = '.corridor';

/** Flushes a folder's entries to disk (a rename is durable only then); not every system can, so failures are ignored. */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The temporary file a write of `path` by process `pid` goes through. */
function temporaryOf(path: string, pid = process.pid): string {
  return `${path}.${pid}.tmp`;
}

/** Writes a file atomically and durably: the old content stays in place until the new content is complete and on disk. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = temporaryOf(path);
  try {
    const fd = openSync(temporary, 'w');
    try {
      const bytes = Buffer.from(content, 'utf8');
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (e) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Something that is not our file stands in the way; the error below names the path.
    }
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not write ${path}: ${(e as Error).message}`);
  }
  fsyncFolder(dirname(path));
}

/** Formats typed rows of an entity as CSV text with every declared column. */
export function formatTable(entity: Entity, rows: readonly Record<string, Cell>[]): string {
  const header = entity.attributes.map((a) => a.name);
  return formatCsv(header, rows.map((row) => entity.attributes.map((a) => formatCell(a, row[a.name]))));
}

/**
 * The text of a table with `rows` added at the end. What the file holds already is kept as it is: its rows byte for
 * byte, and columns the schema does not know with their cells (new rows get an empty cell there). A declared column
 * the file lacks is added, empty in the rows already there. Without a file (`text` undefined) the table is new.
 */
export function appendRows(text: string | undefined, entity: Entity, rows: readonly Record<string, Cell>[]): string {
  if (text === undefined || text.trim() === '') return formatTable(entity, rows);
  const { table } = parseCsv(text);
  const missing = entity.attributes.map((a) => a.name).filter((name) => !table.header.includes(name));
  const header = [...table.header, ...missing];
  const cellsOf = (row: Record<string, Cell>) => header.map((name) => {
    const attr = entity.attributes.find((a) => a.name === name);
    return attr ? formatCell(attr, row[name]) : '';
  });
  if (missing.length === 0) {
    // Only new lines: the old ones stay as written (quoting, line ends, byte-order mark).
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = formatCsv(header, rows.map(cellsOf)).split('\n').slice(1, -1);
    return `${text.endsWith('\n') ? text : `${text}${newline}`}${lines.join(newline)}${newline}`;
  }
  const old = table.rows.map((r) => [...r, ...missing.map(() => '')]);
  return formatCsv(header, [...old, ...rows.map(cellsOf)]);
}

/** Writes one table of a dataset folder atomically (the whole table: use appendRows to keep columns the schema lacks). */
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
 * changes or none does. The caller holds the dataset's write lock (store/lock.ts).
 */
export function replaceDatasetFiles(dir: string, changes: ReadonlyMap<string, string>, order: readonly string[], options: ReplaceOptions): void {
  stageAndValidate(dir, changes, options.what);
  commitInOrder(dir, changes, order, options);
}

const STAGE_PREFIX = 'stage-';

/** Validates the dataset as it would be after the changes, in a copy inside DIR/.corridor/. */
function stageAndValidate(dir: string, changes: ReadonlyMap<string, string>, what: string): void {
  let staging: string;
  try {
    mkdirSync(join(dir, WORK_FOLDER), { recursive: true });
    staging = mkdtempSync(join(dir, WORK_FOLDER, `${STAGE_PREFIX}${process.pid}-`));
  } catch (e) {
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not stage ${what} in ${join(dir, WORK_FOLDER)}: ${(e as Error).message}; nothing was changed`);
  }
  try {
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      if (statSync(path).isFile() && (file.endsWith('.csv') || file === 'datapackage.json') && !changes.has(file)) writeFileSync(join(staging, file), readFileSync(path));
    }
    for (const [file, content] of changes) writeFileSync(join(staging, file), content, 'utf8');
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

/**
 * Removes what writers killed half-way left behind: `FILE.PID.tmp` beside the tables and staging folders in
 * DIR/.corridor/, for every pid that `isDead` says no longer runs. Call it holding the write lock. Returns the
 * names removed (relative to `dir`).
 */
export function removeLeftovers(dir: string, isDead: (pid: number) => boolean): string[] {
  const removed: string[] = [];
  const sweep = (folder: string, pattern: RegExp, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const m = pattern.exec(name);
      if (!m || Number(m[1]) === process.pid || !isDead(Number(m[1]))) continue;
      try {
        rmSync(join(folder, name), { recursive: true, force: true });
        removed.push(prefix + name);
      } catch {
        // Left for the next writer; it changes nothing in the dataset.
      }
    }
  };
  sweep(dir, /^(?:.+\.csv|datapackage\.json)\.(\d+)\.tmp$/, '');
  sweep(join(dir, WORK_FOLDER), new RegExp(`^${STAGE_PREFIX}(\\d+)-`), `${WORK_FOLDER}/`);
  return removed;
}
