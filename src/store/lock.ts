// One writer at a time per dataset folder. Every command that changes a dataset or its candidate store holds
// DIR/.corridor/write.lock while it works: the file is created exclusively (O_EXCL) and names its owner (pid,
// host, time, what it is doing). A lock whose owner process is gone (same host, pid no longer running) is stale and
// taken over; a live one is waited for, up to a bound, and then the command is refused with a message naming the
// owner. Whoever takes the lock first removes what killed writers left behind (removeLeftovers).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { removeLeftovers, WORK_FOLDER } from '../data/write.ts';
import { CorridorError } from '../errors.ts';
import { DEFAULT_DATASET_DIR } from '../paths.ts';

export const LOCK_FILE = 'write.lock';

/** How long a writer waits for another to finish, unless CORRIDOR_LOCK_WAIT (seconds) says otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

/** A lock file whose content cannot be read (its writer died between creating and filling it) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO 8601). */
  time: string;
  what: string;
}

export interface LockOptions {
  /** How long to wait for a live lock (default: $CORRIDOR_LOCK_WAIT seconds, else DEFAULT_LOCK_WAIT_MS). */
  waitMs?: number;
}

/** Where the write lock of a dataset folder is. */
export function lockPath(dir: string): string {
  return join(resolve(dir), WORK_FOLDER, LOCK_FILE);
}

/** Whether a process of this host runs (a process of another user counts: it exists). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock at `path` (whose content is `owner`) is left by a writer that no longer runs. */
function isStale(path: string, owner: LockOwner | undefined): boolean {
  if (owner) return owner.host === hostname() && !processAlive(owner.pid);
  try {
    return Date.now() - statSync(path).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return false; // gone meanwhile: the next try creates it
  }
}

/**
 * Removes a stale lock. Two writers may find the same stale lock: a second, short-lived guard file makes sure
 * only one of them removes it, and only if it is still the one found stale (not a fresh lock taken meanwhile).
 */
function breakStale(path: string, seen: LockOwner | undefined): void {
  const guard = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    // Another writer is breaking it; a guard left by a killed writer is removed after a while.
    try {
      if (Date.now() - statSync(guard).mtimeMs > UNREADABLE_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    closeSync(fd);
    const now = readOwner(path);
    const same = seen === undefined ? now === undefined : now !== undefined && now.pid === seen.pid && now.time === seen.time && now.host === seen.host;
    if (same && isStale(path, now)) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

function waitBound(options: LockOptions): number {
  if (options.waitMs !== undefined) return options.waitMs;
  const env = process.env.CORRIDOR_LOCK_WAIT;
  if (env !== undefined && env.trim() !== '' && Number.isFinite(Number(env)) && Number(env) >= 0) return Number(env) * 1000;
  return DEFAULT_LOCK_WAIT_MS;
}

function describe(owner: LockOwner | undefined): string {
  return owner ? `${owner.what} (pid ${owner.pid} on ${owner.host}, since ${owner.time})` : 'another process';
}

/** Takes the write lock of a dataset folder; returns the owner record written into it. */
function acquire(dir: string, what: string, options: LockOptions): LockOwner {
  const path = lockPath(dir);
  try {
    mkdirSync(join(resolve(dir), WORK_FOLDER), { recursive: true });
  } catch (e) {
    throw new CorridorError('CORRIDOR_ERR_WRITE', `could not create ${join(dir, WORK_FOLDER)}: ${(e as Error).message}; nothing was changed`);
  }
  const bound = waitBound(options);
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = { pid: process.pid, host: hostname(), time: new Date().toISOString(), what };
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      fsyncSync(fd);
      return owner;
    } catch (e) {
      if (fd !== undefined) {
        // Created but not filled: give it up rather than leave an unreadable lock.
        closeSync(fd);
        fd = undefined;
        rmSync(path, { force: true });
        throw new CorridorError('CORRIDOR_ERR_WRITE', `could not write the lock file ${path}: ${(e as Error).message}; nothing was changed`);
      }
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CorridorError('CORRIDOR_ERR_WRITE', `could not create the lock file ${path}: ${(e as Error).message}; nothing was changed`);
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const holder = readOwner(path);
    if (isStale(path, holder)) {
      breakStale(path, holder);
      if (!existsSync(path)) continue;
      // Another writer is taking it over (or it could not be removed): wait like for a live lock.
    }
    const waited = Date.now() - start;
    if (waited >= bound) {
      throw new CorridorError('CORRIDOR_ERR_DATASET_LOCKED',
        `dataset ${dir} is being changed by ${describe(holder)}; waited ${(waited / 1000).toFixed(1)} s, nothing was changed. ` +
        `Try again when it has finished (CORRIDOR_LOCK_WAIT=SECONDS waits longer); if that process no longer runs, delete ${path}`);
    }
    sleep(Math.min(bound - waited, 20 + Math.min(attempt, 10) * 10 + Math.floor(Math.random() * 20)));
  }
}

function release(dir: string, owner: LockOwner): void {
  const path = lockPath(dir);
  const now = readOwner(path);
  if (now && now.pid === owner.pid && now.time === owner.time && now.host === owner.host) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone; nothing to undo.
    }
  }
}

/** Whether `dir` is the packaged default dataset (the same folder, whatever path leads to it). */
export function isPackagedDataset(dir: string): boolean {
  try {
    return realpathSync(resolve(dir)) === realpathSync(DEFAULT_DATASET_DIR);
  } catch {
    return false;
  }
}

/**
 * Refuses to change the packaged default dataset: it ships with Corridor (and is tracked in its repository), so
 * changes go to a working copy made with `corridor init DIR`.
 */
export function refusePackagedDataset(dir: string, what: string): void {
  if (!isPackagedDataset(dir)) return;
  throw new CorridorError('CORRIDOR_ERR_READ_ONLY',
    `${what} would change ${DEFAULT_DATASET_DIR}, the default dataset that ships with Corridor, which is read-only; ` +
    'make a working copy with `corridor init DIR`, then pass --dataset DIR or run `export CORRIDOR_DATASET=DIR`');
}

/**
 * Runs `fn` holding the write lock of the dataset folder `dir` (refusing the packaged default dataset), after
 * removing what killed writers left behind. The lock is released however `fn` ends.
 */
export function withDatasetLock<T>(dir: string, what: string, fn: () => T, options: LockOptions = {}): T {
  refusePackagedDataset(dir, what);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorridorError('CORRIDOR_ERR_DATASET_NOT_FOUND', `dataset folder not found: ${dir}`);
  }
  const owner = acquire(dir, what, options);
  try {
    removeLeftovers(resolve(dir), (pid) => !processAlive(pid));
    return fn();
  } finally {
    release(dir, owner);
  }
}
