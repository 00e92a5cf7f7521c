// `corridor docs [--check]`: writes the generated reference pages, or checks that they are current.
import type { Command } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderDatasetDoc } from '../../schema/docs.ts';
import { renderErrorsDoc } from '../../errors-doc.ts';
import { updateScenariosDoc } from '../../scenario/docs.ts';
import { CorridorError } from '../../errors.ts';
import { DOCS_DIR } from '../../paths.ts';
import type { RunContext } from '../common.ts';


/** Generated pages: file name and how to render it. */
export const GENERATED_DOCS: { file: string; render: () => string }[] = [
  { file: 'dataset.md', render: renderDatasetDoc },
  { file: 'errors.md', render: renderErrorsDoc },
  // Only the reference part (between markers) of this page is generated; the rest is written by hand.
  { file: 'scenarios.md', render: () => updateScenariosDoc(existsSync(resolve(DOCS_DIR, 'scenarios.md')) ? readFileSync(resolve(DOCS_DIR, 'scenarios.md'), 'utf8') : '# Scenarios\n') },
];

export function register(program: Command, context: RunContext): void {
  program
    .command('docs')
    .description('write the generated reference pages (docs/dataset.md, docs/errors.md)')
    .option('--check', 'fail if a generated page is out of date instead of writing it', false)
    .action((options: { check: boolean }) => {
      const stale: string[] = [];
      for (const { file, render } of GENERATED_DOCS) {
        const path = resolve(DOCS_DIR, file);
        const text = render();
        const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
        if (current === text) continue;
        if (options.check) stale.push(`docs/${file}`);
        else { writeFileSync(path, text); context.io.out(`wrote docs/${file}`); }
      }
      if (stale.length) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `out of date: ${stale.join(', ')} (run \`npm run docs\`)`);
      if (options.check) context.io.out('generated docs are up to date');
    });
}
