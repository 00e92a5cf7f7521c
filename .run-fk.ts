import { readFileSync } from 'node:fs';
import { loadDataset } from './src/data/read.ts';
import { parseScenario, runScenario } from './src/scenario/index.ts';
const model = loadDataset();
const file = process.argv[2] ?? '/work/wt-chainlp/examples/france-kazakhstan-uranium.yaml';
const r = await runScenario(model, parseScenario(readFileSync(file, 'utf8'), file));
console.log(JSON.stringify(r.stages, null, 1));
console.log(r.changes.map((c) => c.summary).join('\n'));
