// A writer process for the crash and concurrency tests (not a test itself):
//   node --import tsx test/store-writer.ts URL MODE TAG COUNT
// MODE import: imports COUNT variants of the tiny dataset under the name "crash-test", printing each committed one.
// MODE bulk: saves COUNT batches of 200 scenarios, each batch in one transaction, printing each committed batch.
// MODE both: alternates the two, forever when COUNT is 0 (the crash test kills it).
import { Store } from '../src/store/db/store.ts';
import { tinyFiles } from './store-drivers.ts';

const BATCH = 200;

const [url, mode, tag, countText] = process.argv.slice(2);
const count = Number(countText);
const store = await Store.open({ url });
process.stdout.write('ready\n');
for (let i = 1; count === 0 || i <= count; i++) {
  if (mode === 'import' || (mode === 'both' && i % 2 === 1)) {
    const r = await store.importDataset('crash-test', tinyFiles(Number(tag) * 100_000 + i));
    process.stdout.write(`dataset ${r.dataset.id} ${r.version}\n`);
  } else {
    process.stdout.write(`begin ${i}\n`);
    await store.db.transaction(async (tx) => {
      for (let k = 0; k < BATCH; k++) {
        await tx.run('INSERT INTO scenarios (id, name, yaml, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          [`scn_${tag}_${i}_${k}`, `batch ${i}`, 'name: x\n'.repeat(50), new Date().toISOString(), new Date().toISOString()]);
      }
    });
    process.stdout.write(`batch ${i}\n`);
  }
}
await store.close();
