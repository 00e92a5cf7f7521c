// Reads a dataset folder (a Frictionless Data Package) into a Model, collecting every problem
// instead of stopping at the first. Reading never throws on bad input files.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ENTITIES } from '../schema/entities.ts';
import { coerceCell, defaultValue, type Cell } from '../schema/coerce.ts';
import { checkPerUnit } from '../schema/limits.ts';
import type { Entity } from '../schema/types.ts';
import { Model } from '../model/model.ts';
import { emptyTables, type Tables } from '../model/types.ts';
import { parseCsv } from './csv.ts';
import { isFile, isFolder, isPresent, readRegularFile } from './files.ts';
import { ProblemList, formatProblem } from './problems.ts';
import { validateTables, type ReadGaps, type RowLines } from './validate.ts';
import { checkPlausibility, reportTo } from './plausibility.ts';
import { CorridorError } from '../errors.ts';
import { DEFAULT_DATASET_DIR } from '../paths.ts';

/** Files larger than this are refused with a message rather than read into memory (checked while reading). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface ReadOptions {
  /** Largest file read, in bytes (default MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Plausibility findings (a flow over its route's capacity, exports over production …) are errors, not warnings. */
  strict?: boolean;
}


export interface ReadResult {
  model: Model;
  problems: ProblemList;
  lines: RowLines;
}

export { DEFAULT_DATASET_DIR };

interface PackageDescriptor {
  name: string;
  resources: { name?: string; path?: string }[];
}

function readDescriptor(dir: string, problems: ProblemList, maxBytes: number): PackageDescriptor | undefined {
  const read = readRegularFile(join(dir, 'datapackage.json'), maxBytes);
  if (!read.ok) {
    problems.error('datapackage.json', 0, '', read.missing
      ? 'expected a datapackage.json file in the dataset folder, found none'
      : `expected ${read.expected}, found ${read.found}`);
    return undefined;
  }
  const text = decodeText(read.bytes, 'datapackage.json', problems);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    problems.error('datapackage.json', 0, '', `expected valid JSON, found a syntax error (${(e as Error).message})`);
    return undefined;
  }
  const descriptor = json as Partial<PackageDescriptor>;
  if (typeof json !== 'object' || json === null || !Array.isArray(descriptor.resources)) {
    problems.error('datapackage.json', 0, 'resources', 'expected an object with a "resources" array, found none');
    return undefined;
  }
  return { name: typeof descriptor.name === 'string' ? descriptor.name : 'dataset', resources: descriptor.resources };
}

/** Decodes bytes as UTF-8, or reports why they are not text. */
function decodeText(bytes: Buffer, file: string, problems: ProblemList): string | undefined {
  if (bytes.includes(0)) {
    problems.error(file, 0, '', 'expected UTF-8 text, found binary data (a NUL byte)');
    return undefined;
  }
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    problems.error(file, 0, '', `expected UTF-8 text, found an invalid byte 0x${bytes[bad].toString(16)} at byte ${bad} (save the file as UTF-8)`);
    return undefined;
  }
  return bytes.toString('utf8');
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/**
 * What was read of one table: typed rows and the line of each; `complete` is false when the file (or its header)
 * could not be read at all, and `dropped` holds the key cells of rows left out for a bad cell.
 */
interface TableRead {
  rows: Record<string, Cell>[];
  lines: number[];
  complete: boolean;
  dropped: Record<string, string>[];
}

/** Reads one table. */
function readTable(dir: string, entity: Entity, listed: boolean, problems: ProblemList, hash: ReturnType<typeof createHash>, maxBytes: number): TableRead {
  const empty: TableRead = { rows: [], lines: [], complete: false, dropped: [] };
  const read = readRegularFile(join(dir, entity.file), maxBytes);
  if (!read.ok) {
    if (!read.missing) problems.error(entity.file, 0, '', `expected ${read.expected}, found ${read.found}`);
    else if (listed) problems.error(entity.file, 0, '', `expected the ${entity.title.toLowerCase()} table (listed in datapackage.json), found no file`);
    else if (entity.requiredTable) problems.error(entity.file, 0, '', `expected the ${entity.title.toLowerCase()} table, found no file`);
    else return { ...empty, complete: true }; // an optional table left out: it has no rows
    return empty;
  }
  const bytes = read.bytes;
  hash.update(entity.file).update('\0').update(bytes).update('\0');
  const text = decodeText(bytes, entity.file, problems);
  if (text === undefined) return empty;
  if (text.trim() === '') {
    problems.error(entity.file, 0, '', `expected a header line (${entity.attributes.map((a) => a.name).join(',')}), found an empty file`);
    return empty;
  }
  const { table, problems: csvProblems } = parseCsv(text);
  for (const p of csvProblems) problems.error(entity.file, p.line, '', p.message);
  return typeRows(entity, table.header, table.rows, table.lines, problems);
}

function checkHeader(entity: Entity, header: string[], problems: ProblemList): boolean {
  let ok = true;
  const seen = new Set<string>();
  header.forEach((name) => {
    if (seen.has(name)) { problems.error(entity.file, 1, name, `expected each column once, found "${name}" twice`); ok = false; }
    seen.add(name);
    if (!entity.attributes.some((a) => a.name === name)) {
      problems.warning(entity.file, 1, name, `unknown column "${name}" is ignored (known: ${entity.attributes.map((a) => a.name).join(', ')})`);
    }
  });
  for (const attr of entity.attributes) {
    if (attr.required && !header.includes(attr.name)) {
      problems.error(entity.file, 1, attr.name, `expected a column "${attr.name}" (${attr.description}), found none`);
      ok = false;
    }
  }
  return ok;
}

function typeRows(entity: Entity, header: string[], rawRows: string[][], rawLines: number[], problems: ProblemList): TableRead {
  const rows: Record<string, Cell>[] = [];
  const lines: number[] = [];
  const dropped: Record<string, string>[] = [];
  if (!checkHeader(entity, header, problems)) return { rows, lines, complete: false, dropped };
  const columnIndex = new Map(entity.attributes.map((a) => [a.name, header.indexOf(a.name)]));
  // A row left out for a bad cell still exists: its key stays known, so that rows referring to it (or checks
  // across rows, such as legs that must join) do not report it again (one bad cell gives one error).
  const drop = (raw: string[]) => {
    dropped.push(Object.fromEntries(entity.key.map((k) => [k, raw[columnIndex.get(k) ?? -1]?.trim() ?? ''])));
  };
  rawRows.forEach((raw, i) => {
    const line = rawLines[i];
    if (raw.length !== header.length) {
      problems.error(entity.file, line, '', `expected ${header.length} fields as in the header, found ${raw.length}`);
      drop(raw);
      return;
    }
    const row: Record<string, Cell> = {};
    let rowOk = true;
    for (const attr of entity.attributes) {
      const index = columnIndex.get(attr.name)!;
      if (index < 0) { row[attr.name] = defaultValue(attr); continue; }
      const cell = raw[index];
      const result = coerceCell(attr, cell);
      if (result.ok) row[attr.name] = result.value;
      else { problems.expected(entity.file, line, attr.name, result.expected, cell); rowOk = false; }
    }
    // Figures whose unit is in another column: their maximum depends on that unit.
    for (const attr of entity.attributes) {
      const value = row[attr.name];
      if (!attr.maxPerUnit || !attr.unit || typeof value !== 'number') continue;
      const expected = checkPerUnit(attr.maxPerUnit, value, String(row[attr.unit] ?? ''));
      if (expected) { problems.expected(entity.file, line, attr.name, expected, raw[columnIndex.get(attr.name)!]); rowOk = false; }
    }
    if (rowOk) { rows.push(row); lines.push(line); } else drop(raw);
  });
  return { rows, lines, complete: true, dropped };
}

/** Reads and validates a dataset folder. Never throws for bad content; throws only if the folder is missing. */
export function readDataset(dir: string = DEFAULT_DATASET_DIR, options: ReadOptions = {}): ReadResult {
  const root = resolve(dir);
  if (!isFolder(root)) {
    const what = !isPresent(root) ? '' : isFile(root) ? ' is a file, not a folder' : ' is not a folder';
    throw new CorridorError('CORRIDOR_ERR_DATASET_NOT_FOUND', `dataset folder not found: ${dir}${what}`);
  }
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const problems = new ProblemList();
  const descriptor = readDescriptor(root, problems, maxBytes);
  const tables = emptyTables();
  const lines = {} as RowLines;
  const hash = createHash('sha256');
  const listed = new Set((descriptor?.resources ?? []).map((r) => r.path));
  const gaps: ReadGaps = { unreadable: new Set(), dropped: new Map() };
  for (const entity of ENTITIES) {
    if (descriptor && !listed.has(entity.file) && isPresent(join(root, entity.file))) {
      problems.warning('datapackage.json', 0, 'resources', `expected ${entity.file} to be listed as a resource, found it missing (it is read anyway)`);
    }
    const read = readTable(root, entity, listed.has(entity.file), problems, hash, maxBytes);
    (tables as unknown as Record<string, unknown[]>)[entity.name] = read.rows;
    lines[entity.name] = read.lines;
    if (!read.complete) gaps.unreadable.add(entity.name);
    gaps.dropped.set(entity.name, read.dropped);
  }
  validateTables(tables as Tables, lines, problems, gaps);
  // Figures that do not fit together are only worth checking once each figure is valid on its own.
  if (problems.errors.length === 0) checkPlausibility(tables as Tables, lines, reportTo(problems, options.strict ?? false));
  problems.summariseSuppressed();
  const model = new Model(tables, { name: descriptor?.name ?? 'dataset', dir: root, hash: hash.digest('hex').slice(0, 16) });
  return { model, problems, lines };
}

/** Reads a dataset and fails with every error listed when it is not valid. */
export function loadDataset(dir?: string, options: ReadOptions = {}): Model {
  const { model, problems } = readDataset(dir, options);
  const errors = problems.errors;
  if (errors.length > 0) {
    throw new CorridorError(
      'CORRIDOR_ERR_DATASET_INVALID',
      `dataset ${dir ?? DEFAULT_DATASET_DIR} has ${errors.length} error(s); run \`corridor validate\` for the full list`,
      errors.slice(0, 20).map(formatProblem),
    );
  }
  return model;
}
