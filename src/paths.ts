// Where Corridor's own files are: found from the package's root folder, so that the paths hold whether the code
// runs from src/ (tests), from dist/ (the compiled command, whose chunks sit at other depths) or from an install.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'corridor') return dir;
    if (dirname(dir) === dir) throw new Error(`Corridor's package.json was not found above ${from}`);
  }
}

/** The folder that holds Corridor's package.json, data/ and docs/. */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

/** The embedded default dataset shipped with Corridor. */
export const DEFAULT_DATASET_DIR = join(PACKAGE_ROOT, 'data', 'default');

/** The documentation folder (generated pages are written here). */
export const DOCS_DIR = join(PACKAGE_ROOT, 'docs');

/** The package's version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
