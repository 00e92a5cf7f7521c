// Reading one file of a dataset safely: only regular files are read (a FIFO, a device or a folder in place of a
// table is refused, not waited on or read forever), and the size limit is enforced while reading, not trusted
// from the size the file system reports (files under /proc and devices report 0 bytes).
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';

export type FileRead =
  | { ok: true; bytes: Buffer }
  /** `missing`: there is no file (nor link) of that name; `reason` completes "expected …, found …". */
  | { ok: false; missing: boolean; expected: string; found: string };

const CHUNK_BYTES = 1 << 20;

/** What kind of file system object `stats` describes, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? '';
}

function refused(found: string, expected = 'a regular file'): FileRead {
  return { ok: false, missing: false, expected, found };
}

/** Why a path that could not be opened or examined cannot be read, in words. */
function explain(e: unknown): FileRead {
  switch (code(e)) {
    case 'ENOENT': return { ok: false, missing: true, expected: 'a file', found: 'none' };
    case 'ELOOP': return refused('a symbolic link loop (a link that leads back to itself)', 'a readable file');
    case 'EACCES':
    case 'EPERM': return refused('one without read permission', 'a file Corridor may read');
    case 'EISDIR': return refused('a directory');
    case 'ENOTDIR': return refused('a path through something that is not a folder', 'a readable file');
    default: return refused(`an error while reading it (${(e as Error).message})`, 'a readable file');
  }
}

/**
 * Reads at most `maxBytes` from an open file, stopping as soon as there is more. `expected` (the size the file
 * reports) only sizes the first read: a file under /proc reports 0 bytes and has more.
 */
function readBounded(fd: number, maxBytes: number, expected: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = chunks.length === 0 ? Math.max(expected + 1, CHUNK_BYTES) : CHUNK_BYTES;
    const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) return undefined;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * Reads a regular file (or a symbolic link to one) of at most `maxBytes`. Never throws and never blocks on a
 * FIFO: the file is opened non-blocking and checked with fstat before anything is read.
 */
export function readRegularFile(path: string, maxBytes: number): FileRead {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (e) {
    return explain(e);
  }
  let via = '';
  if (link.isSymbolicLink()) {
    let target = '';
    try { target = readlinkSync(path); } catch { /* the link vanished; stat below says why */ }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (e) {
      if (code(e) === 'ENOENT') return refused(`a symbolic link to ${JSON.stringify(target)}, which does not exist (a dangling link)`, 'a readable file');
      return explain(e);
    }
    via = 'a symbolic link to ';
    if (!stats.isFile()) return refused(`${via}${kindOf(stats)}${target ? ` (${target})` : ''}`);
  } else if (!link.isFile()) {
    return refused(kindOf(link));
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return explain(e);
  }
  try {
    // The file may have been swapped since lstat: what counts is what was opened.
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refused(`${via}${kindOf(stats)}`);
    const limit = `a file of at most ${formatBytes(maxBytes)}`;
    if (stats.size > maxBytes) return refused(`${formatBytes(stats.size)} (not read)`, limit);
    const bytes = readBounded(fd, maxBytes, stats.size);
    if (!bytes) return refused('more (reading stopped there)', limit);
    return { ok: true, bytes };
  } catch (e) {
    return explain(e);
  } finally {
    closeSync(fd);
  }
}

/** Whether a name is taken in the folder (a file, a folder, or a link, even a dangling one). */
export function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether a path is a folder (following links). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path is a regular file (following links). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** "512 MiB", "64 bytes", "600.5 MiB": a size in words. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Number((bytes / 2 ** 20).toFixed(1))} MiB`;
  if (bytes >= 2 ** 10) return `${Number((bytes / 2 ** 10).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
