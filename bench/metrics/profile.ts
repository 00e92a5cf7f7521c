// Profiles the all-metrics computation of the benchmark on the synthetic dataset (no peer):
//   node --cpu-prof --cpu-prof-dir=/tmp/corridor-profile --import tsx bench/metrics/profile.ts [repeats]
// then open the .cpuprofile in Chrome DevTools (Performance tab). Prints the time of each run; each
// run uses a fresh Model, so the flow index and the unit conversions are part of the time, as in run.ts.
import { performance } from 'node:perf_hooks';
import { Model } from '../../src/model/model.ts';
import { importerMetrics } from '../../src/metrics/index.ts';
import { syntheticTables } from './synthetic.ts';

const repeats = Number(process.argv[2]) || 5;
const tables = syntheticTables();
for (let run = 0; run < repeats; run++) {
  const model = new Model(tables, { name: 'synthetic', dir: '', hash: 'synthetic-42' });
  const t0 = performance.now();
  const combos = new Set<string>();
  for (const f of model.tables.flow) combos.add(`${f.importer}|${f.commodity}|${f.year}`);
  for (const key of combos) {
    const [importer, commodity, year] = key.split('|');
    importerMetrics(model, { importer, commodity, year: Number(year) });
  }
  console.log(`run ${run + 1}: ${combos.size} metrics in ${((performance.now() - t0) / 1000).toFixed(3)} s`);
}
