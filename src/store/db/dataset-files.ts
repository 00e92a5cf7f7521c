// A dataset as the store keeps it: its files by name (datapackage.json and the Corridor CSV tables), validated
// before anything is stored. Validation reads the files with the same reader as every command, from a private
// temporary folder, so a stored dataset is exactly one that `corridor validate` accepts.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../../data/read.ts';
import { isFolder, readRegularFile } from '../../data/files.ts';
import { formatProblem, type Problem } from '../../data/problems.ts';
import { ENTITIES } from '../../schema/entities.ts';
import type { Model } from '../../model/model.ts';
import { CorridorError, available } from '../../errors.ts';

/** A dataset's files: name → text. */
export type DatasetFiles = Map<string, string>;

/** The file names a dataset may hold: the descriptor and one CSV file per table. */
export const DATASET_FILE_NAMES: readonly string[] = ['datapackage.json', ...ENTITIES.map((e) => e.file)];

/** Largest dataset the store takes (all files together). */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;

/** A dataset name: letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters. */
export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkDatasetName(name: string, field = 'name'): string {
  if (!DATASET_NAME.test(name) || name.includes('..')) {
    throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${field} expects letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit, no ".."), found ${JSON.stringify(name.slice(0, 80))}`, [], field);
  }
  return name;
}

/** Checks the names and sizes of files given over the API (or read from a folder). */
export function checkDatasetFiles(files: DatasetFiles): void {
  if (!files.has('datapackage.json')) {
    throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', 'expected a datapackage.json file in the dataset, found none', [], 'files');
  }
  let bytes = 0;
  for (const [name, text] of files) {
    if (!DATASET_FILE_NAMES.includes(name)) {
      throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `file name ${JSON.stringify(name.slice(0, 80))} is not one of a dataset's files (${available(DATASET_FILE_NAMES)})`, [], `files.${name.slice(0, 80)}`);
    }
    bytes += Buffer.byteLength(text);
  }
  if (bytes > MAX_DATASET_BYTES) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `the dataset is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MiB`, [], 'files');
}

/** Reads the dataset files of a folder (other files, such as README.md or .corridor/, are left out). */
export function readDatasetFolder(dir: string): DatasetFiles {
  const root = resolve(dir);
  if (!isFolder(root)) throw new CorridorError('CORRIDOR_ERR_DATASET_NOT_FOUND', `dataset folder not found: ${dir}`);
  const files: DatasetFiles = new Map();
  let total = 0;
  for (const name of readdirSync(root).filter((n) => DATASET_FILE_NAMES.includes(n)).sort()) {
    const read = readRegularFile(join(root, name), MAX_DATASET_BYTES - total);
    if (!read.ok) throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `${name}: expected ${read.expected}, found ${read.found}`);
    total += read.bytes.length;
    files.set(name, read.bytes.toString('utf8'));
  }
  return files;
}

/** Writes the files into a new private temporary folder and returns its path (the caller removes it). */
export function materialise(files: DatasetFiles): string {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-store-'));
  for (const [name, text] of files) {
    if (!DATASET_FILE_NAMES.includes(name)) continue; // never a path: only the known file names are written
    writeFileSync(join(dir, name), text, { mode: 0o600 });
  }
  return dir;
}

export interface ValidatedDataset {
  model: Model;
  rowCount: number;
  byteCount: number;
}

/** Validates the files as a dataset; throws CORRIDOR_ERR_DATASET_INVALID with every located problem when not valid. */
export function validateDatasetFiles(files: DatasetFiles): ValidatedDataset {
  checkDatasetFiles(files);
  const dir = materialise(files);
  try {
    const { model, problems } = readDataset(dir);
    if (problems.errors.length > 0) {
      const located = problems.errors.slice(0, 50).map((p: Problem) => formatProblem(p));
      throw new CorridorError('CORRIDOR_ERR_DATASET_INVALID', `the dataset has ${problems.errors.length} error(s); nothing was stored`, located, 'files');
    }
    const rowCount = Object.values(model.tables).reduce((n, rows) => n + (rows as unknown[]).length, 0);
    const byteCount = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    return { model, rowCount, byteCount };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads stored files as a Model (already validated when stored). */
export function modelOfFiles(files: DatasetFiles): Model {
  return validateDatasetFiles(files).model;
}
