import type { RedisClient } from './cluster';
import { BadInputError } from '../errors';
import { contentHash } from '../ids';
import type { Keys } from '../keys';
import type { Article } from '../types';

/**
 * Article texts wait in Redis; jobs carry only the article id (small
 * payloads). The value is `<content hash>\n<article JSON>`: the publish
 * script compares the hash before it deletes the text, so a newer version
 * stored meanwhile is kept.
 */
export function articleValue(article: Article, contentHash: string): string {
  return `${contentHash}\n${JSON.stringify(article)}`;
}

/**
 * Store article texts for `ttlMs`, in one pipeline whose replies are
 * checked: a write Redis refused (at maxmemory) throws rather than leave a
 * job without its text.
 */
export async function storeArticles(redis: RedisClient, keys: Keys, articles: Article[], ttlMs: number): Promise<void> {
  if (articles.length === 0) return;
  const p = redis.pipeline();
  for (const a of articles) p.set(keys.article(a.id), articleValue(a, contentHash(a.title, a.body)), 'PX', ttlMs);
  for (const [err] of (await p.exec()) ?? []) if (err) throw err;
}

/** Parse a stored article text; null when there is none. */
export function parseArticleValue(raw: string | null): Article | null {
  if (raw === null) return null;
  const nl = raw.indexOf('\n');
  // A value stored before the hash prefix existed is the bare JSON.
  return JSON.parse(raw.startsWith('{') ? raw : raw.slice(nl + 1)) as Article;
}

export async function loadArticle(redis: RedisClient, keys: Keys, id: string): Promise<Article> {
  const a = parseArticleValue(await redis.get(keys.article(id)));
  if (a === null) throw new BadInputError(`article ${id}: text not found in Redis (expired after NEWSFLOW_ARTICLE_TTL, or never stored)`);
  return a;
}

/** What became of an article's last run; `contentHash` says which version it was about. */
export interface Outcome {
  status: 'published' | 'dead';
  eventId?: string;
  streamId?: string;
  contentHash?: string;
  stage?: string;
  code?: string;
  reason?: string;
}

export function parseOutcome(raw: string | null): Outcome | null {
  return raw ? (JSON.parse(raw) as Outcome) : null;
}

export async function getOutcomes(redis: RedisClient, keys: Keys, ids: string[]): Promise<Array<Outcome | null>> {
  if (ids.length === 0) return [];
  const raw = await redis.mget(ids.map((id) => keys.outcome(id)));
  return raw.map(parseOutcome);
}

/** The article text and the outcome of an article, in one round trip. */
export async function loadArticleAndOutcome(redis: RedisClient, keys: Keys, id: string): Promise<{ article: Article | null; outcome: Outcome | null }> {
  const res = ((await redis.pipeline().get(keys.article(id)).get(keys.outcome(id)).exec()) ?? []) as Array<[Error | null, string | null]>;
  for (const [err] of res) if (err) throw err;
  return { article: parseArticleValue(res[0]?.[1] ?? null), outcome: parseOutcome(res[1]?.[1] ?? null) };
}
