#!/usr/bin/env node
// Entry point of the `corridor` command: runs the compiled CLI in dist/ (built by `npm install` or `npm run build`).
let cli;
try {
  cli = await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('corridor: the compiled code (dist/) is missing: run `npm run build` in the Corridor folder (npm install does it too)\n');
  process.exit(70);
}
process.exitCode = await cli.main(process.argv);
