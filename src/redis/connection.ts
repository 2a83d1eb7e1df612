import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';
import { throttledErrorLog } from './error-log';

/**
 * An ioredis connection as BullMQ wants it (no per-command retry limit: a
 * command waits for the reconnect instead of failing), with an `error`
 * listener so a lost connection is logged, never an unhandled crash; while
 * it stays down, once per interval with a count (src/redis/error-log.ts).
 */
export function createRedis(url: string, log: Logger, opts: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    ...opts,
  });
  let down = false;
  const logError = throttledErrorLog(log, 'redis connection error');
  redis.on('error', (err) => {
    logError(err);
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('redis connection restored');
    down = false;
  });
  return redis;
}
