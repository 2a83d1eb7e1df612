import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { keys, type Keys } from '../../../src/keys';
import { entryFields } from '../../../src/stream/entry';
import type { EventRecord } from '../../../src/types';
import { assertValidEvent } from '../../helpers/schema';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection and a fresh key prefix per test file; `cleanup` deletes every key under it. */
export function testRedis(): { redis: Redis; prefix: string; k: Keys; cleanup: () => Promise<void> } {
  const redis = new Redis(REDIS_URL);
  const prefix = `test-${randomUUID()}`;
  return {
    redis,
    prefix,
    k: keys(prefix),
    cleanup: async () => {
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length > 0) n += await redis.del(...batch);
  } while (cursor !== '0');
  return n;
}

/**
 * Write an event the way the publish script does (docs/stream.md): the
 * stream entry, the seen marker and the ticker and entity indexes. Every
 * record is checked against the schema first.
 */
export async function publishForTest(redis: Redis, k: Keys, record: EventRecord, opts: { maxLen?: number; retentionMs?: number } = {}): Promise<string> {
  assertValidEvent(record);
  const retention = opts.retentionMs ?? 86_400_000;
  const id = (await redis.call('XADD', [k.events, 'MAXLEN', '~', opts.maxLen ?? 10_000, '*', ...entryFields(record)])) as string;
  const at = Number(id.split('-')[0]);
  const m = redis.multi().set(k.seen(record.id), id, 'PX', retention);
  for (const key of [...record.tickers.map((t) => k.tickerIndex(t)), ...record.entities.map((e) => k.entityIndex(e.id))]) m.zadd(key, at, record.id).pexpire(key, retention);
  await m.exec();
  return id;
}
