import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { keys as makeKeys } from '../../../src/keys';
import { noNovelty } from '../../../src/label/index';
import { articleValue } from '../../../src/redis/articles';
import { deadLetter } from '../../../src/redis/dead';
import { publishEvent } from '../../../src/redis/publish';
import { loadNlp } from '../../../src/runtime/nlp';
import { analyse } from '../../../src/stages/analyse';
import type { EventRecord } from '../../../src/types';
import { fixtureArticles } from '../../helpers/articles';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../../helpers/redis';

/**
 * The Lua scripts against a real Redis: they check every argument and key
 * type before their first write (a failing run changes nothing, so a retry
 * cannot add a second entry), and a dead letter never overwrites the outcome
 * of an article whose event was published.
 */
const redis = new Redis(TEST_REDIS_URL);
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await dropPrefix(p);
  redis.disconnect();
});

const [article] = fixtureArticles();
let record: EventRecord;
async function fresh() {
  const prefix = testPrefix('scripts');
  prefixes.push(prefix);
  if (!record) {
    const { nlp, dictionaryVersion } = loadNlp({ dictPath: '' });
    record = await analyse(article!, { nlp, dictionaryVersion, novelty: noNovelty });
  }
  return makeKeys(prefix);
}

/** Every key under the prefix, to show that a failed script wrote nothing. */
async function keysUnder(prefix: string): Promise<string[]> {
  return (await redis.keys(`${prefix}:*`)).sort();
}

describe('publish-4n.lua', () => {
  it('refuses a zero retention before writing anything; retried, it still adds nothing (issue 17)', async () => {
    const k = await fresh();
    for (let i = 0; i < 3; i++) await expect(publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 0 })).rejects.toThrow(/retention must be an integer number of ms >= 1/);
    await expect(publishEvent(redis, k, record, { maxLen: 0, retentionMs: 60_000 })).rejects.toThrow(/MAXLEN/);
    expect(await keysUnder(k.prefix)).toEqual([]);
  });

  it('refuses a key of the wrong type before the XADD, so the stream gets no entry', async () => {
    const k = await fresh();
    await redis.set(k.tickerIndex(record.tickers.at(-1)!), 'not a sorted set');
    await expect(publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 60_000 })).rejects.toThrow(/WRONGTYPE publish: .* holds a string/);
    expect(await redis.exists(k.events, k.seen(record.id), k.outcome(record.article.id))).toBe(0);
  });

  it('publishes once, records the outcome and deletes the text only if it holds the published content', async () => {
    const k = await fresh();
    const hash = record.article.contentHash;
    await redis.set(k.article(article!.id), articleValue(article!, hash));
    const first = await publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 60_000 });
    expect(first.added).toBe(true);
    expect(await redis.exists(k.article(article!.id))).toBe(0);
    // A newer version stored meanwhile stays for its own job.
    const newer = { ...article!, body: `${article!.body}（更新）` };
    await redis.set(k.article(article!.id), articleValue(newer, 'f'.repeat(32)));
    const again = await publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 60_000 });
    expect(again).toEqual({ streamId: first.streamId, added: false });
    expect(await redis.exists(k.article(article!.id))).toBe(1);
    expect(await redis.xlen(k.events)).toBe(1);
  });
});

describe('dead-1n.lua', () => {
  const dead = (k: ReturnType<typeof makeKeys>, contentHash: string | null) =>
    deadLetter(redis, k, { articleId: article!.id, contentHash, queue: 'analyse', jobId: article!.id, error: 'Error', code: 'E_UNEXPECTED', reason: 'job stalled more than allowable limit', attempts: 3 }, { maxLen: 1000, retentionMs: 60_000 });

  it('leaves the outcome of a published article `published` and adds no dead letter for it (issue 17)', async () => {
    const k = await fresh();
    const { streamId } = await publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 60_000 });
    expect(await dead(k, record.article.contentHash)).toBeNull();
    expect(JSON.parse((await redis.get(k.outcome(article!.id)))!)).toMatchObject({ status: 'published', streamId });
    expect(await redis.xlen(k.dead)).toBe(0);
    // Other content of the same article did fail: that is recorded.
    expect(await dead(k, '0'.repeat(32))).toMatch(/^\d+-\d+$/);
    expect(JSON.parse((await redis.get(k.outcome(article!.id)))!)).toMatchObject({ status: 'dead', contentHash: '0'.repeat(32) });
    // And a publish repairs an outcome that a stale dead letter left.
    await publishEvent(redis, k, record, { maxLen: 1000, retentionMs: 60_000 });
    expect(JSON.parse((await redis.get(k.outcome(article!.id)))!)).toMatchObject({ status: 'published', streamId });
  });

  it('refuses bad arguments before writing anything', async () => {
    const k = await fresh();
    await expect(deadLetter(redis, k, { articleId: 'art_x', contentHash: null, queue: 'analyse', jobId: 'j', error: 'E', code: 'C', reason: 'r', attempts: 1 }, { maxLen: 1000, retentionMs: 0 })).rejects.toThrow(/retention/);
    expect(await keysUnder(k.prefix)).toEqual([]);
  });
});
