import { Queue } from 'bullmq';
import type { Config } from '../config/index';
import { keys as makeKeys, QUEUES, type Keys, type QueueName } from '../keys';
import type { Logger } from '../logger';
import { createClient, type RedisClient } from '../redis/cluster';

/**
 * What workers and commands share in one process: config, key names, the
 * root logger, one Redis connection for commands and one Queue per stage.
 */
export interface Runtime {
  config: Config;
  keys: Keys;
  log: Logger;
  redis: RedisClient;
  queues: Record<QueueName, Queue>;
  close(): Promise<void>;
}

/** Retries with exponential backoff; finished jobs kept bounded by age and count. */
export function defaultJobOptions(config: Config) {
  return {
    attempts: config.attempts,
    backoff: { type: 'newsflow', delay: config.backoff },
    removeOnComplete: { age: Math.ceil(config.keepCompletedAge / 1000), count: config.keepCompletedCount },
    removeOnFail: { age: Math.ceil(config.keepFailedAge / 1000), count: config.keepFailedCount },
  };
}

export function createRuntime(config: Config, log: Logger): Runtime {
  const keys = makeKeys(config.prefix);
  const redis = createClient(config, log.child({ conn: 'commands' }));
  const queues = {} as Record<QueueName, Queue>;
  for (const name of QUEUES) {
    const q = new Queue(keys.queue(name), { connection: redis, prefix: keys.bullPrefix, defaultJobOptions: defaultJobOptions(config) });
    q.on('error', (err) => log.warn({ err, queue: name }, 'queue error'));
    queues[name] = q;
  }
  return {
    config,
    keys,
    log,
    redis,
    queues,
    async close() {
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
      redis.disconnect();
    },
  };
}
