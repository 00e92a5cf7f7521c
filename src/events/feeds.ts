// Articles from feeds and corpora: an RSS 2.0 or Atom feed, or a JSON-lines file of articles ({title, text, date,
// url, source} per line). Each bad input is refused whole, with the file and line where it goes wrong, so that a
// corpus is read completely or not at all. Pure: the caller reads the files.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CorridorError } from '../errors.ts';

/** An article of a corpus, as the reader takes it. */
export interface CorpusArticle {
  title: string;
  /** Body text (HTML is read as text by the reader, tags blanked). */
  text: string;
  /** Publication date YYYY-MM-DD, or null when the input gives none. */
  date: string | null;
  url: string | null;
  /** Publisher. */
  source: string | null;
  /** Where it was read: `file`, `file:line` (JSON lines) or `file#item N` (feeds). */
  origin: string;
}

const bad = (message: string) => new CorridorError('CORRIDOR_ERR_INPUT_TEXT', message);

/** Whether a text looks like an RSS or Atom feed (an XML declaration, or an <rss> or <feed> root). */
export function looksLikeFeed(text: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml\b|<rss\b|<feed\b|<rdf:RDF\b)/.test(text);
}

/** A day written YYYY-MM-DD from a feed's or a line's date (RFC 822, ISO 8601); null when it is no date. */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  const time = Date.parse(iso ? `${iso[1]}T00:00:00Z` : value.trim());
  if (Number.isNaN(time)) return null;
  const day = new Date(time).toISOString().slice(0, 10);
  // Date.parse rolls "2024-02-30" over to March: a day that does not round-trip is no date.
  return iso && iso[1] !== day ? null : day;
}

/** Text of an XML node as fast-xml-parser gives it: a string, a number, or an object with #text. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') return textOf((node as Record<string, unknown>)['#text']);
  return '';
}

const asList = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The articles of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export function readFeed(xml: string, name: string): CorpusArticle[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw bad(`${name}:${valid.err.line}:${valid.err.col}: malformed XML: ${valid.err.msg}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: true, parseTagValue: false, cdataPropName: false as unknown as string });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  let articles: CorpusArticle[];
  if (rss || rdf) {
    const channel = (rss ? rss.channel : rdf!.channel) as Record<string, unknown> | undefined;
    const publisher = textOf(channel?.title).trim() || null;
    const items = asList(rss ? channel?.item : rdf!.item) as Record<string, unknown>[];
    articles = items.map((item, i) => ({
      title: textOf(item.title).trim(),
      text: textOf(item['content:encoded']) || textOf(item.description),
      date: dayOf(textOf(item.pubDate) || textOf(item['dc:date'])),
      url: textOf(item.link).trim() || null,
      source: textOf(item.source).trim() || publisher,
      origin: `${name}#item ${i + 1}`,
    }));
  } else if (atom) {
    const publisher = textOf(atom.title).trim() || null;
    articles = (asList(atom.entry) as Record<string, unknown>[]).map((entry, i) => {
      const links = asList(entry.link) as Record<string, unknown>[];
      const link = links.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate') ?? links[0];
      const author = asList(entry.author)[0] as Record<string, unknown> | undefined;
      return {
        title: textOf(entry.title).trim(),
        text: textOf(entry.content) || textOf(entry.summary),
        date: dayOf(textOf(entry.published) || textOf(entry.updated)),
        url: typeof link?.['@href'] === 'string' ? link['@href'] : null,
        source: textOf((entry.source as Record<string, unknown> | undefined)?.title).trim() || publisher || textOf(author?.name).trim() || null,
        origin: `${name}#entry ${i + 1}`,
      };
    });
  } else {
    const root = Object.keys(doc).find((k) => k !== '?xml') ?? 'nothing';
    throw bad(`${name}: expected an RSS or Atom feed (<rss>, <rdf:RDF> or <feed>), found <${root}>`);
  }
  if (articles.length === 0) throw bad(`${name}: the feed has no items`);
  const empty = articles.find((a) => a.title === '' && a.text.trim() === '');
  if (empty) throw bad(`${empty.origin}: the item has neither a title nor a text`);
  return articles;
}

const LINE_KEYS = ['title', 'text', 'date', 'url', 'source'];

/** The articles of a JSON-lines file: one object per line with `text` (required), `title`, `date`, `url`, `source`. */
export function readJsonLines(content: string, name: string): CorpusArticle[] {
  const articles: CorpusArticle[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${name}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw bad(`${at}: bad JSON: ${(e as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(`${at}: expected an object {title, text, date, url, source}, found ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`);
    const o = value as Record<string, unknown>;
    for (const key of LINE_KEYS) {
      if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') throw bad(`${at}: "${key}" must be text, found ${JSON.stringify(o[key])}`);
    }
    if (typeof o.text !== 'string' || o.text.trim() === '') throw bad(`${at}: "text" is missing or empty (each line needs the article's text)`);
    const date = o.date ? dayOf(o.date) : null;
    if (o.date && !date) throw bad(`${at}: "date" must be a date written YYYY-MM-DD (or an ISO 8601 time), found "${o.date}"`);
    articles.push({
      title: typeof o.title === 'string' ? o.title.trim() : '',
      text: o.text, date,
      url: typeof o.url === 'string' && o.url.trim() ? o.url.trim() : null,
      source: typeof o.source === 'string' && o.source.trim() ? o.source.trim() : null,
      origin: at,
    });
  });
  if (articles.length === 0) throw bad(`${name}: no articles (the file has no lines of JSON)`);
  return articles;
}

/** The text the reader gets for an article: its title as the first line, then the body. */
export function articleText(a: CorpusArticle): string {
  if (!a.title) return a.text;
  return a.text.trimStart().startsWith(a.title) ? a.text : `${a.title}\n\n${a.text}`;
}
