// The CLI run from the TypeScript sources through the tsx loader (how `corridor` used to start), for bench/cli.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv);
