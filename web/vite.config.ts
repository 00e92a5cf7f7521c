// The workbench page: Preact (JSX through Vite's own transform, no plugin), d3-geo, d3-sankey and HiGHS in a Web
// Worker. The production build goes to dist/web/, which `corridor serve` serves at `/` (scripts/build.mjs runs it).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/** `virtual:iso-codes`: ISO numeric → ISO alpha-3 codes (world-atlas names countries by number, the dataset by alpha-3), only the pairs, not all of world-countries. */
function isoCodes(): Plugin {
  const id = 'virtual:iso-codes';
  return {
    name: 'corridor-iso-codes',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const countries = require('world-countries') as { ccn3: string; cca3: string }[];
      const pairs = Object.fromEntries(countries.filter((c) => c.ccn3).map((c) => [c.ccn3, c.cca3]));
      return `export default ${JSON.stringify(pairs)};`;
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  plugins: [isoCodes()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
});
