// Which database the store uses: CORRIDOR_DATABASE_URL (sqlite:/path/file.sqlite or postgres://…), else a SQLite
// file in $CORRIDOR_HOME (default ~/.local/share/corridor, or $XDG_DATA_HOME/corridor): corridor.sqlite.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CorridorError } from '../../errors.ts';
import type { Driver } from './driver.ts';
import { openSqlite } from './sqlite.ts';
import { openPostgres } from './postgres.ts';

/** The folder of Corridor's own files: $CORRIDOR_HOME, else $XDG_DATA_HOME/corridor, else ~/.local/share/corridor. */
export function corridorHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CORRIDOR_HOME) return resolve(env.CORRIDOR_HOME);
  if (env.XDG_DATA_HOME) return join(resolve(env.XDG_DATA_HOME), 'corridor');
  return join(homedir(), '.local', 'share', 'corridor');
}

/** The store's database URL: CORRIDOR_DATABASE_URL, else sqlite: with the default file. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.CORRIDOR_DATABASE_URL || `sqlite:${join(corridorHome(env), 'corridor.sqlite')}`;
}

/** Opens the driver a URL names (no migration: see migrations.ts). */
export function openDriver(url: string): Driver {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', 'CORRIDOR_DATABASE_URL sqlite: names no file (write sqlite:/path/to/corridor.sqlite)');
    return openSqlite(path === ':memory:' ? path : resolve(path));
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `CORRIDOR_DATABASE_URL expects sqlite:/path/file.sqlite or postgres://user:password@host:port/database, found "${url.replace(/:[^:@/]*@/, ':***@').slice(0, 80)}"`);
}
