// Compiles src/ to plain JavaScript in dist/ (what bin/corridor.mjs runs); `npm install` runs it (prepare).
// esbuild bundles the CLI into one small entry file and one chunk per command (loaded only when asked for), which
// starts faster than one file per module (bench/cli measures it); type checking is `npm run typecheck`.
//   node scripts/build.mjs             always rebuilds, from an empty dist/ (no file of a removed source is left)
//   node scripts/build.mjs --if-stale  rebuilds only when a file under src/ or web/ (or the build settings) is newer than dist/
// Then Vite builds the web workbench (web/) into dist/web/, which `corridor serve` serves at `/`.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.built');

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const inputs = [join(root, 'src'), join(root, 'web'), join(root, 'package.json'), join(root, 'scripts', 'build.mjs')];
  return Math.max(...inputs.map(newestChange)) > statSync(stamp).mtimeMs;
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
rmSync(join(root, 'dist'), { recursive: true, force: true });
try {
  await build({
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
    outdir: join(root, 'dist'),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native code and the solver's WebAssembly are loaded from node_modules at run time.
    external: ['better-sqlite3', 'highs'],
    // yaml's ES-module build: esbuild can leave out what is not used, and no CommonJS wrappers run at start.
    alias: { yaml: join(root, 'node_modules', 'yaml', 'browser', 'index.js') },
    // Bundled CommonJS packages (commander, papaparse) call require() for Node's own modules.
    banner: { js: "import { createRequire as __corridorRequire } from 'node:module'; const require = __corridorRequire(import.meta.url);" },
    logLevel: 'warning',
  });
} catch {
  process.stderr.write('build failed: esbuild reported the errors above\n');
  process.exit(1);
}
try {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'error' });
} catch (error) {
  process.stderr.write(`build failed: the web workbench did not build: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
