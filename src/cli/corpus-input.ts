// What `corridor ingest` reads besides one article: a folder of articles (.txt, .md, .html), an RSS or Atom feed, or
// a JSON-lines file of articles. Everything is read and checked before any article is coded, so a bad file stops
// the command before anything is saved.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readRegularFile } from '../data/files.ts';
import { CorridorError } from '../errors.ts';
import { decodeInput, MAX_INPUT_BYTES } from '../events/text.ts';
import { looksLikeFeed, readFeed, readJsonLines, type CorpusArticle } from '../events/feeds.ts';

/** A feed or a JSON-lines file may hold many articles: larger than one article, still bounded. */
export const MAX_CORPUS_FILE_BYTES = 64 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom']);
const LINES_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export type CorpusKind = 'folder' | 'feed' | 'jsonl';

export interface Corpus {
  kind: CorpusKind;
  articles: CorpusArticle[];
}

function readText(path: string, limit: number): string {
  const read = readRegularFile(path, limit);
  if (!read.ok) {
    if (read.missing) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `file not found: ${path}`);
    throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `${path}: expected ${read.expected}, found ${read.found}`);
  }
  return read.bytes.length <= MAX_INPUT_BYTES ? decodeInput(read.bytes, path) : decodeLarge(read.bytes, path);
}

/** A corpus file over one article's limit is decoded here (decodeInput refuses more than one article's size). */
function decodeLarge(bytes: Buffer, path: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `${path}: expected UTF-8 text, found binary data (a NUL byte at byte ${nul})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorridorError('CORRIDOR_ERR_INPUT_TEXT', `${path}: expected UTF-8 text, found bytes that are not UTF-8`);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The articles of a folder, in file-name order (other files and sub-folders are left out). */
function readFolder(dir: string): CorpusArticle[] {
  const names = readdirSync(dir).filter((n) => ARTICLE_EXTENSIONS.has(extname(n).toLowerCase())).sort();
  const articles = names
    .filter((n) => statSync(join(dir, n)).isFile())
    .map((n) => ({ title: '', text: readText(join(dir, n), MAX_INPUT_BYTES), date: null, url: null, source: null, origin: join(dir, n) }));
  if (articles.length === 0) throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `${dir}: no articles in the folder (files ending .txt, .md or .html)`);
  return articles;
}

/** The corpus at `path`, or null when it is a single article (read as before). */
export function readCorpus(path: string): Corpus | null {
  if (path === '-') return null;
  if (isFolder(path)) return { kind: 'folder', articles: readFolder(path) };
  const ext = extname(path).toLowerCase();
  if (LINES_EXTENSIONS.has(ext)) return { kind: 'jsonl', articles: readJsonLines(readText(path, MAX_CORPUS_FILE_BYTES), path) };
  if (FEED_EXTENSIONS.has(ext)) return { kind: 'feed', articles: readFeed(readText(path, MAX_CORPUS_FILE_BYTES), path) };
  if (ARTICLE_EXTENSIONS.has(ext) || ext === '') return null;
  // Another extension: a feed is recognised by its first bytes, anything else is one article.
  const read = readRegularFile(path, MAX_CORPUS_FILE_BYTES);
  if (read.ok && looksLikeFeed(read.bytes.subarray(0, 256).toString('utf8'))) return { kind: 'feed', articles: readFeed(readText(path, MAX_CORPUS_FILE_BYTES), path) };
  return null;
}
