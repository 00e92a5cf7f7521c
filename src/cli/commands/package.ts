// `corridor package DIR`: writes datapackage.json for the Corridor tables present in a folder.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ENTITIES } from '../../schema/entities.ts';
import { buildDatapackage } from '../../data/datapackage.ts';
import { writeFileAtomic } from '../../data/write.ts';
import { CorridorError } from '../../errors.ts';
import type { RunContext } from '../common.ts';

export function register(program: Command, context: RunContext): void {
  program
    .command('package')
    .description('write datapackage.json for the Corridor CSV tables present in a folder')
    .argument('<dir>', 'dataset folder')
    .option('--name <name>', 'package name (default: the folder name, or the current name)')
    .option('--title <title>', 'package title')
    .action((dir: string, options: { name?: string; title?: string }) => {
      const root = resolve(dir);
      if (!existsSync(root)) throw new CorridorError('CORRIDOR_ERR_DATASET_NOT_FOUND', `dataset folder not found: ${dir}`);
      const descriptorPath = join(root, 'datapackage.json');
      let current: Record<string, unknown> = {};
      if (existsSync(descriptorPath)) {
        try { current = JSON.parse(readFileSync(descriptorPath, 'utf8')); } catch { current = {}; }
      }
      const files = ENTITIES.map((e) => e.file).filter((f) => existsSync(join(root, f)));
      const descriptor = buildDatapackage({
        name: options.name ?? (typeof current.name === 'string' ? current.name : basename(root).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')),
        title: options.title ?? (typeof current.title === 'string' ? current.title : basename(root)),
        description: typeof current.description === 'string' ? current.description : '',
      }, files);
      writeFileAtomic(descriptorPath, JSON.stringify(descriptor, null, 2) + '\n');
      context.io.out(`wrote ${descriptorPath} (${files.length} resources)`);
    });
}
