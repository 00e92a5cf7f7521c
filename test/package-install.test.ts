// The published package, tried as a user installs it: `npm pack` gives a tarball that `npm install -g` installs into
// a prefix of its own, and the installed `corridor` runs from an unrelated folder on the packaged default dataset.
// (Slow: npm compiles better-sqlite3 for the install, about a minute.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function npm(args: string[], cwd: string) {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
  assert.equal(run.status, 0, `npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

test('npm pack, npm install -g into a temporary prefix, and the installed corridor runs report from any folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'corridor-pack-'));
  try {
    npm(['pack', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => /^corridor-.*\.tgz$/.test(f));
    assert.ok(tarball, 'npm pack wrote no corridor-*.tgz');
    const prefix = join(work, 'prefix');
    npm(['install', '-g', '--prefix', prefix, join(work, tarball)], work);
    const elsewhere = mkdtempSync(join(work, 'elsewhere-'));
    const corridor = (...args: string[]) => spawnSync(join(prefix, 'bin', 'corridor'), args, { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, CORRIDOR_DATASET: '' } });

    const report = corridor('report');
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^Corridor baseline report: dataset "corridor-default"/);
    // Kazakhstan's crude crossing Russia in 2023 (flows.csv): CPC 56.715 + Atyrau-Samara 8.21 + Makhachkala 1.984 + Druzhba 0.993
    // = 67.902 Mt of 70.5 exported, 96.3%.
    assert.match(report.stdout, /Crosses RUS: 67\.90 Mt\/yr, 96\.3% of exports/);

    const scenario = corridor('scenario', 'check', join(prefix, 'lib', 'node_modules', 'corridor', 'examples', 'cpc-shut.yaml'));
    assert.equal(scenario.status, 0, scenario.stderr);
    const installed = join(prefix, 'lib', 'node_modules', 'corridor');
    // Only what a user needs is installed: the compiled code, not the TypeScript sources or the tests.
    assert.ok(!readdirSync(installed).includes('src') && !readdirSync(installed).includes('test'), readdirSync(installed).join(', '));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
