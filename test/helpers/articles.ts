import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleText } from '../../src/article';
import type { Article } from '../../src/types';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/articles');

/** The fixture articles as parsed by the product's own reader. */
export function fixtureArticles(): Article[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseArticleText(readFileSync(join(FIXTURE_DIR, f), 'utf8'), f));
}

/**
 * `n` distinct articles built from the fixtures (each a fixture with a
 * numbered title and a shortened body), for runs that need more than five.
 */
export function manyArticles(n: number): Article[] {
  const base = fixtureArticles();
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length]!;
    const title = `${a.title}（之${i + 1}）`;
    const body = a.body.slice(0, 3000);
    return parseArticleText(`---\ntitle: ${title}\nsource: ${a.source}\n---\n${body}`, `generated-${i}`);
  });
}
