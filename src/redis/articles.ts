import type { RedisClient } from './cluster';
import { BadInputError } from '../errors';
import type { Keys } from '../keys';
import type { Article } from '../types';

/** Article texts wait in Redis; jobs carry only the article id (small payloads). */
export function storeArticles(redis: RedisClient, keys: Keys, articles: Article[], ttlMs: number): Promise<unknown> {
  const m = redis.pipeline();
  for (const a of articles) m.set(keys.article(a.id), JSON.stringify(a), 'PX', ttlMs);
  return m.exec();
}

export async function loadArticle(redis: RedisClient, keys: Keys, id: string): Promise<Article> {
  const raw = await redis.get(keys.article(id));
  if (raw === null) throw new BadInputError(`article ${id}: text not found in Redis (expired after NEWSFLOW_ARTICLE_TTL, or never stored)`);
  return JSON.parse(raw) as Article;
}

export interface Outcome {
  status: 'published' | 'dead';
  eventId?: string;
  streamId?: string;
  contentHash?: string;
  stage?: string;
  reason?: string;
}

export async function getOutcomes(redis: RedisClient, keys: Keys, ids: string[]): Promise<Array<Outcome | null>> {
  if (ids.length === 0) return [];
  const raw = await redis.mget(ids.map((id) => keys.outcome(id)));
  return raw.map((r) => (r ? (JSON.parse(r) as Outcome) : null));
}
