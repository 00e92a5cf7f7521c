// The web workbench in Debian's chromium against `corridor serve` on localhost: time to first render (navigation to
// the map drawn with the flow model's flows), time from a capacity change (the CPC capacity slider) to the updated
// view, both from performance marks in the page; and the production bundle's size, gzipped. The peer of the update
// is the same what-if through the CLI as a process (`corridor scenario run --json`), measured in the same run; the
// goal is 100 ms.
//   node --import tsx bench/web/run.ts [--loads 5] [--changes 40] [--no-record]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, ROOT, startServe } from '../../test/web-helpers.ts';
import { recordSection, type BenchRow } from '../results.ts';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
const loads = Number(arg('--loads', '5'));
const changes = Number(arg('--changes', '40'));
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const served = await startServe();
const browser = await launchChromium();
const firstRender: number[] = [];
const update: number[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const page = await browser.context.newPage();
    await page.goto(`${served.address}/?view=dependence&importer=EU27&commodity=crude_oil&year=2023`);
    await page.waitForFunction(() => Number(document.body.dataset.updates) > 0, undefined, { timeout: 30_000 });
    firstRender.push(await page.evaluate(() => performance.getEntriesByName('corridor:first-render')[0].startTime));
    await page.close();
  }
  const page = await browser.context.newPage();
  await page.goto(`${served.address}/?view=whatif&importer=EU27&commodity=crude_oil&year=2023`);
  await page.waitForFunction(() => Number(document.body.dataset.updates) > 0, undefined, { timeout: 30_000 });
  for (let i = 0; i < changes; i++) {
    const before = await page.evaluate(() => Number(document.body.dataset.updates));
    // A new capacity each time (between 10% and 190% of the route's 81.5 Mt/yr), as a drag of the slider sets it.
    await page.evaluate((value) => {
      const slider = document.getElementById('cap-cpc') as HTMLInputElement;
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }, 81.5 * (0.1 + (1.8 * i) / changes));
    await page.waitForFunction((n) => Number(document.body.dataset.updates) > n, before, { timeout: 30_000 });
    update.push(await page.evaluate(() => performance.getEntriesByName('corridor:update').at(-1)!.duration));
  }
  await page.close();
} finally {
  await browser.close();
  await served.stop();
}

// The peer: the same what-if (CPC capacity cut to half) through the CLI, a process each time.
const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-web-'));
const file = join(dir, 'cut.yaml');
writeFileSync(file, 'name: CPC at half\ncommodity: crude_oil\nyear: 2023\nchanges:\n  - type: cut_capacity\n    route: cpc\n    fraction: 0.5\n');
const cli: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'corridor.mjs'), 'scenario', 'run', file, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  cli.push(performance.now() - started);
}
rmSync(dir, { recursive: true, force: true });

const assets = join(ROOT, 'dist', 'web', 'assets');
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const files = readdirSync(assets);
const code = files.filter((f) => /\.(js|css)$/.test(f)).reduce((s, f) => s + gz(join(assets, f)), gz(join(ROOT, 'dist', 'web', 'index.html')));
const wasm = files.filter((f) => f.endsWith('.wasm')).reduce((s, f) => s + gz(join(assets, f)), 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

const rows: BenchRow[] = [
  { benchmark: `capacity change → updated view (CPC capacity slider, EU27 crude 2023; median of ${changes})`, corridor: `${ms(median(update))} (p95 ${ms(p95(update))})`, peer: `same what-if through the CLI process (\`corridor scenario run --json\`): ${ms(median(cli))}`, ratio: `${(median(update) / median(cli)).toFixed(2)}×` },
  { benchmark: 'capacity change → updated view, against the goal', corridor: ms(median(update)), peer: 'goal: 100 ms', ratio: `${(median(update) / 100).toFixed(2)}×` },
  { benchmark: `time to first render on localhost (navigation to the map with the flow model's flows; median of ${loads})`, corridor: ms(median(firstRender)), peer: `CLI process for one what-if: ${ms(median(cli))}`, ratio: `${(median(firstRender) / median(cli)).toFixed(2)}×` },
  { benchmark: 'production bundle (dist/web), gzip', corridor: `${kb(code)} page and worker code; ${kb(wasm)} HiGHS WebAssembly`, peer: '–', ratio: '–' },
];
for (const r of rows) console.log(`${r.benchmark}: ${r.corridor} | ${r.peer} | ${r.ratio}`);
if (!process.argv.includes('--no-record')) {
  recordSection('web', {
    title: 'Web workbench (chromium, localhost)',
    command: 'npm run bench:web',
    rows,
    notes: [`Load average at the end of the run: ${loadavg()[0].toFixed(1)} (other work on the machine slows both sides).`, 'The update runs the scenario (baseline and changed network) in the page\'s Web Worker with the library\'s scenario runner and redraws map and panels; the CLI\'s figure includes starting Node and loading the dataset.'],
  });
}
