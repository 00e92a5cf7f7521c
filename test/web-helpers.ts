// Shared by the web tests and bench/web: `corridor serve` as a process on a free port (with a fresh SQLite store)
// and Debian's chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'corridor.mjs');
export const CHROMIUM = process.env.CORRIDOR_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots and downloads of a test run (git-ignored). */
export const WEB_OUTPUT = join(ROOT, 'test-output', 'web');

export interface Served {
  address: string;
  /** The workbench link with its session token (#token=…). */
  link: string;
  /** What serve printed under its address. */
  lines: string[];
  stop: () => Promise<number | null>;
}

/** Starts `corridor serve --port 0` on a new SQLite store and waits for its address, link and summary. */
export async function startServe(extra: string[] = []): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-web-'));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--database', `sqlite:${join(dir, 'corridor.sqlite')}`, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => { stdout += c.toString(); if (stdout.split('\n').length >= 6) resolve(); });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const lines = stdout.trim().split('\n');
  const address = /serving (http:\/\/\S+)/.exec(lines[0])![1];
  const link = /workbench: (\S+)/.exec(lines[1])![1];
  return {
    address, link, lines,
    stop: async () => { child.kill('SIGTERM'); const code = await exited; rmSync(dir, { recursive: true, force: true }); return code; },
  };
}

/** Headless chromium with a new empty profile, at 1280×800, downloads allowed. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it (apt-get install chromium; .ci/run does) or set CORRIDOR_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'corridor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  mkdirSync(WEB_OUTPUT, { recursive: true });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
