// `corridor init DIR`: a working copy of the default dataset, to change (accept events, edit tables) and to use with
// --dataset DIR or CORRIDOR_DATASET=DIR. The packaged default dataset itself is read-only.
import type { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CorridorError } from '../../errors.ts';
import { DEFAULT_DATASET_DIR } from '../../paths.ts';
import { printJson, withJson, type RunContext } from '../common.ts';

/** The files that make the default dataset: its descriptor and every table (not .corridor/ or anything else). */
function datasetFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => (f.endsWith('.csv') || f === 'datapackage.json') && statSync(join(dir, f)).isFile()).sort();
}

/** A path as a shell word (quoted when it holds anything but plain characters). */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Copies the default dataset into `target`, a new or empty folder; a failed copy removes what it wrote. */
export function initDataset(target: string): { dir: string; files: string[] } {
  const dir = resolve(target);
  if (`${dir}${sep}`.startsWith(`${resolve(DEFAULT_DATASET_DIR)}${sep}`)) {
    throw new CorridorError('CORRIDOR_ERR_READ_ONLY', `${target} is inside the default dataset that ships with Corridor, which is read-only; give a folder elsewhere`);
  }
  const created = !existsSync(dir);
  if (!created) {
    if (!statSync(dir).isDirectory()) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${target} is a file; give a new or empty folder for the copy of the default dataset`);
    const present = readdirSync(dir);
    if (present.length > 0) {
      throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${target} is not empty (${present.length} entr${present.length === 1 ? 'y' : 'ies'}, e.g. ${present.sort()[0]}); give a new or empty folder for the copy of the default dataset, or use the dataset already there with --dataset ${shellWord(target)}`);
    }
  }
  const files = datasetFiles(DEFAULT_DATASET_DIR);
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    // Read and written rather than copied, so that the copy is writable even where the package is installed read-only.
    for (const file of files) {
      writeFileSync(join(dir, file), readFileSync(join(DEFAULT_DATASET_DIR, file)), { flag: 'wx' });
      written.push(file);
    }
  } catch (e) {
    for (const file of written) rmSync(join(dir, file), { force: true });
    if (created) rmSync(dir, { recursive: true, force: true });
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not copy the default dataset to ${target}: ${(e as Error).message}; nothing was left there`);
  }
  return { dir, files };
}

export function register(program: Command, context: RunContext): void {
  withJson(program.command('init'))
    .description('copy the default dataset into a new or empty folder, to change it there (the packaged one is read-only)')
    .argument('<dir>', 'new or empty folder')
    .action((target: string, options: { json: boolean }) => {
      const { dir, files } = initDataset(target);
      if (options.json) {
        printJson(context.io, { dataset: dir, from: DEFAULT_DATASET_DIR, files });
        return;
      }
      const tables = files.filter((f) => f.endsWith('.csv')).length;
      context.io.out(`copied the default dataset to ${dir} (datapackage.json and ${tables} tables)`);
      context.io.out(`next: export CORRIDOR_DATASET=${shellWord(dir)}   (or pass --dataset ${shellWord(dir)} to each command), then: corridor validate`);
    });
}
