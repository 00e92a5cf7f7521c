// Start-up time of whole `corridor` processes, against `node -e 0` (Node's own start) in the same run, and against
// the same CLI run from the TypeScript sources through the tsx loader. Rounds interleave the commands so that a
// busy machine slows them alike. node --import tsx bench/cli/run.ts [--rounds 15]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { recordSection } from '../results.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
const rounds = Number(arg('--rounds', '15'));

const COMMANDS: { name: string; args: string[]; target: number }[] = [
  { name: 'corridor --help', args: ['--help'], target: 2 },
  { name: 'corridor metrics --importer EU27 --commodity crude_oil --year 2024 --json', args: ['metrics', '--importer', 'EU27', '--commodity', 'crude_oil', '--year', '2024', '--json'], target: 3 },
  { name: 'corridor scenario run examples/cpc-shut.yaml --json', args: ['scenario', 'run', 'examples/cpc-shut.yaml', '--json'], target: 4 },
];

/** Wall time of one process, in ms; fails loudly if the command fails (a broken command is not fast). */
function time(argv: string[]): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CORRIDOR_DATASET: '' } });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const nodeTimes: number[] = [];
const compiled = COMMANDS.map(() => [] as number[]);
const fromSource = COMMANDS.map(() => [] as number[]);
time([join(ROOT, 'bin', 'corridor.mjs'), '--version']); // warm the file cache
for (let r = 0; r < rounds; r++) {
  nodeTimes.push(time(['-e', '0']));
  COMMANDS.forEach((c, i) => {
    compiled[i].push(time([join(ROOT, 'bin', 'corridor.mjs'), ...c.args]));
    fromSource[i].push(time(['--import', 'tsx', join(ROOT, 'bench', 'cli', 'from-source.ts'), ...c.args]));
  });
  process.stderr.write(`\rround ${r + 1}/${rounds}`);
}
process.stderr.write('\n');

const base = median(nodeTimes);
const rows = COMMANDS.map((c, i) => {
  const ours = median(compiled[i]);
  const source = median(fromSource[i]);
  return {
    benchmark: `\`${c.name}\`, whole process, median of ${rounds} (target ≤ ${c.target}× node)`,
    corridor: `${ours.toFixed(0)} ms compiled (${source.toFixed(0)} ms from the TypeScript sources through tsx)`,
    peer: `${base.toFixed(0)} ms (\`node -e 0\`)`,
    ratio: `${(ours / base).toFixed(1)}×`,
  };
});
for (const r of rows) console.log(`${r.benchmark}: ${r.corridor}; node ${r.peer}; ratio ${r.ratio}`);
recordSection('cli', {
  title: 'Start-up of the command (npm run bench:cli)',
  command: 'npm run bench:cli',
  rows,
  notes: ['Ratios are to Node starting and exiting (`node -e 0`) in the same rounds.'],
});
