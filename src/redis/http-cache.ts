import type { RedisClient } from './cluster';
import type { Validators } from '../ingest/fetch';
import type { ValidatorCache } from '../ingest/process';
import type { Keys } from '../keys';

/**
 * Conditional-GET validators (ETag, Last-Modified) per feed URL, kept in
 * Redis so that every worker process sends them. They expire after `ttlMs`
 * so a feed that vanished does not leave them behind forever.
 */
export function redisValidatorCache(redis: RedisClient, keys: Keys, ttlMs: number): ValidatorCache {
  return {
    async get(url) {
      const raw = await redis.hgetall(keys.httpCache(url));
      const v: Validators = {};
      if (raw.etag) v.etag = raw.etag;
      if (raw.lastModified) v.lastModified = raw.lastModified;
      return v.etag || v.lastModified ? v : null;
    },
    async set(url, v) {
      const key = keys.httpCache(url);
      const fields: Record<string, string> = {};
      if (v.etag) fields.etag = v.etag;
      if (v.lastModified) fields.lastModified = v.lastModified;
      await redis.multi().del(key).hset(key, fields).pexpire(key, ttlMs).exec();
    },
  };
}
