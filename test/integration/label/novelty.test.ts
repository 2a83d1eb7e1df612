import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../src/article';
import { loadDictionary } from '../../../src/dict/load';
import { BadInputError } from '../../../src/errors';
import { keys } from '../../../src/keys';
import { simhash } from '../../../src/label/simhash';
import { createNlp } from '../../../src/nlp/index';
import { RedisNoveltyStore } from '../../../src/redis/novelty';
import { analyse } from '../../../src/stages/analyse';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../../helpers/redis';

// Real Redis, own key prefix per run; every key under it is deleted after.
const prefix = testPrefix('novelty');
const k = keys(prefix);
const redis = new Redis(TEST_REDIS_URL);
const other = new Redis(TEST_REDIS_URL);

const fixture = (p: string) => parseArticleText(readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url), 'utf8'), p);
const original = fixture('articles/002-foxconn-openai.txt');
const repost = fixture('passages/events-repost-002.txt');
const unrelated = fixture('articles/004-ai-capex-memory.txt');
const hashOf = (a: { title: string; body: string }) => simhash(`${a.title}\n${a.body}`);

afterAll(async () => {
  await dropPrefix(prefix);
  await Promise.all([redis.quit(), other.quit()]);
});

describe('RedisNoveltyStore', () => {
  it('links a lightly edited repost to the original, and not the original to itself', async () => {
    const store = new RedisNoveltyStore(redis, k, { ttlMs: 60_000 });
    expect(await store.check('art_orig', hashOf(original))).toEqual({ duplicateOf: null, similar: [] });
    expect(await store.check('art_repost', hashOf(repost))).toEqual({ duplicateOf: 'art_orig', similar: ['art_orig'] });
    // Replays: the original stays first; the repost stays a duplicate.
    expect(await store.check('art_orig', hashOf(original))).toEqual({ duplicateOf: null, similar: ['art_repost'] });
    expect((await store.check('art_repost', hashOf(repost))).duplicateOf).toBe('art_orig');
    expect(await store.check('art_other', hashOf(unrelated))).toEqual({ duplicateOf: null, similar: [] });
  });

  it('keeps its keys under the prefix with the configured TTL', async () => {
    const ttl = await redis.pttl(k.novelty);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await redis.hget(k.novelty, 'art_orig')).toMatch(/^[0-9a-f]{16} \d+$/);
  });

  it('forgets articles once the TTL has passed', async () => {
    const kk = keys(`${prefix}:ttl`);
    const store = new RedisNoveltyStore(redis, kk, { ttlMs: 150 });
    await store.check('art_a', hashOf(original));
    await new Promise((r) => setTimeout(r, 400));
    expect((await store.check('art_b', hashOf(repost))).duplicateOf).toBeNull();
  });

  it('is safe under concurrent workers: of two copies checked at once, exactly one is new', async () => {
    for (let round = 0; round < 5; round++) {
      const kk = keys(`${prefix}:race${round}`);
      const [a, b] = await Promise.all([
        new RedisNoveltyStore(redis, kk, { ttlMs: 60_000 }).check('art_x', hashOf(original)),
        new RedisNoveltyStore(other, kk, { ttlMs: 60_000 }).check('art_y', hashOf(repost)),
      ]);
      const dups = [a.duplicateOf, b.duplicateOf].filter(Boolean);
      expect(dups).toHaveLength(1);
      expect(a.duplicateOf === 'art_y' || b.duplicateOf === 'art_x').toBe(true);
    }
  });

  it('refuses a malformed SimHash with a clear error', async () => {
    const store = new RedisNoveltyStore(redis, k, { ttlMs: 60_000 });
    await expect(store.check('art_bad', 'not-a-hash')).rejects.toThrow(BadInputError);
  });
});

describe('analyse with the Redis novelty store', () => {
  let deps: Parameters<typeof analyse>[1];
  beforeAll(() => {
    const dict = loadDictionary();
    deps = { nlp: createNlp(dict), dictionaryVersion: dict.version, novelty: new RedisNoveltyStore(redis, keys(`${prefix}:analyse`), { ttlMs: 60_000 }) };
  });

  it('records the repost as a duplicate of the original article', async () => {
    const first = await analyse(original, deps);
    const second = await analyse(repost, deps);
    expect(first.novelty.duplicateOf).toBeNull();
    expect(second.novelty.duplicateOf).toBe(original.id);
    expect(second.article.simhash).toMatch(/^[0-9a-f]{16}$/);
    // The events are labelled all the same; the duplicate link is what marks it.
    expect(second.events.some((e) => e.type === 'partnership' && e.entities.includes('TW:2317'))).toBe(true);
    // A replay of the original is not its own duplicate.
    expect((await analyse(original, deps)).novelty.duplicateOf).toBeNull();
  });
});
