import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { RedisClient } from './cluster';
import { BadInputError } from '../errors';
import type { FeedJobData, PageJobData, SeenItems } from '../ingest/process';
import { parseFetchUrl } from '../ingest/url';
import type { Keys } from '../keys';

/** A configured feed, as stored in the `<prefix>:feeds` hash (field = URL). */
export interface FeedEntry {
  url: string;
  name: string | null;
  everyMs: number;
  addedAt: string;
}

/** The BullMQ job scheduler id of a feed: stable per URL, no `:` (BullMQ reserves it). */
export function schedulerId(url: string): string {
  return `feed-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/**
 * Add or update a feed: store it and (re)create its job scheduler, which
 * adds one `ingest:feed` job every `everyMs` (the first one at once).
 */
export async function addFeed(redis: RedisClient, keys: Keys, feedQueue: Queue, input: { url: string; name?: string | null; everyMs: number; now?: Date }): Promise<FeedEntry> {
  const url = parseFetchUrl(input.url).toString();
  if (input.everyMs < 10_000) throw new BadInputError(`feed interval ${input.everyMs} ms is too short (at least 10s)`);
  const entry: FeedEntry = { url, name: input.name?.trim() || null, everyMs: input.everyMs, addedAt: (input.now ?? new Date()).toISOString() };
  await redis.hset(keys.feeds, url, JSON.stringify(entry));
  const data: FeedJobData = entry.name ? { url, name: entry.name } : { url };
  await feedQueue.upsertJobScheduler(schedulerId(url), { every: entry.everyMs }, { name: 'ingest:feed', data });
  return entry;
}

/** Every configured feed, by URL. */
export async function listFeeds(redis: RedisClient, keys: Keys): Promise<FeedEntry[]> {
  const all = await redis.hgetall(keys.feeds);
  return Object.values(all)
    .map((raw) => JSON.parse(raw) as FeedEntry)
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** Remove a feed and its scheduler; false when it was not configured. */
export async function removeFeed(redis: RedisClient, keys: Keys, feedQueue: Queue, rawUrl: string): Promise<boolean> {
  const url = parseFetchUrl(rawUrl).toString();
  const removed = await redis.hdel(keys.feeds, url);
  const unscheduled = await feedQueue.removeJobScheduler(schedulerId(url));
  return removed > 0 || unscheduled;
}

/** Seen feed items in Redis, one key per article id, forgotten after `ttlMs`. */
export function redisSeenItems(redis: RedisClient, keys: Keys, ttlMs: number): SeenItems {
  return {
    async unseen(ids) {
      if (ids.length === 0) return [];
      const m = redis.pipeline();
      for (const id of ids) m.exists(keys.feedItem(id));
      const res = (await m.exec()) ?? [];
      return ids.filter((_, i) => res[i]?.[1] === 0);
    },
    async markSeen(ids) {
      if (ids.length === 0) return;
      const m = redis.pipeline();
      for (const id of ids) m.set(keys.feedItem(id), '1', 'PX', ttlMs);
      await m.exec();
    },
  };
}

/** Add one `ingest:page` job per item, job id = article id (BullMQ drops a repeat of a waiting job). */
export async function enqueuePages(pageQueue: Queue, pages: PageJobData[]): Promise<void> {
  if (pages.length === 0) return;
  await pageQueue.addBulk(pages.map((p) => ({ name: 'ingest:page', data: p, opts: { jobId: p.articleId } })));
}
