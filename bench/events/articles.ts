// The ~600-word articles the throughput benchmark reads: dev and evaluation passages strung together, each
// article in a different order, so that every run (benchmark, profile, output check) reads the same texts.
import { join } from 'node:path';
import { readPassages } from './score.ts';

export function throughputArticles(root: string, count = 40, words = 600): string[] {
  const pool = [...readPassages(join(root, 'test/fixtures/news/dev.yaml')), ...readPassages(join(root, 'bench/events/eval/passages.yaml'))]
    .map((p) => p.text.trim());
  const articles: string[] = [];
  for (let a = 0; a < count; a++) {
    const parts: string[] = [];
    for (let k = 0, total = 0; total < words; k++) {
      const text = pool[(a * 7 + k * 13) % pool.length];
      parts.push(text);
      total += text.split(/\s+/).length;
    }
    articles.push(`Headline number ${a + 1}\n\n${parts.join('\n\n')}`);
  }
  return articles;
}
