// The command line as a whole: argument errors are one line with exit code 2; help is not an error;
// the installed entry point runs as a real process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from './helpers.ts';

for (const args of [['metrics', '--yaer', '2024'], ['bogus'], ['scenario', 'run'], ['validate', '--json', 'a', 'b']]) {
  test(`bad arguments (${args.join(' ')}) give one line and exit code 2`, async () => {
    const { code, stderr, stdout } = await runCli(...args);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^corridor: error: .+\(see --help\)\n$/);
  });
}

test('--help and --version exit 0', async () => {
  const help = await runCli('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Commands:[\s\S]*validate[\s\S]*report[\s\S]*metrics[\s\S]*scenario[\s\S]*ingest/);
  const version = await runCli('--version');
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('bin/corridor.mjs runs as a process: validate the default dataset, exit 0', () => {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'corridor.mjs'), 'validate'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /data\/default: valid: 0 error\(s\)/);
});
