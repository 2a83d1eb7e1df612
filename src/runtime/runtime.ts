import { Queue } from 'bullmq';
import type { Config } from '../config/index';
import { keys as makeKeys, QUEUES, type Keys, type QueueName } from '../keys';
import type { Logger } from '../logger';
import { createClient, type RedisClient } from '../redis/cluster';
import { throttledErrorLog } from '../redis/error-log';
import type { JobPayloads, JobResults } from './jobs';

/** One BullMQ Queue per stage, typed by the payload map (src/runtime/jobs.ts). */
export type Queues = { readonly [Q in QueueName]: Queue<JobPayloads[Q], JobResults[Q]> };

/**
 * What workers and commands share in one process: config, key names, the
 * root logger, one Redis connection for commands and one Queue per stage
 * (created on first use, so a process touches only the queues it uses).
 */
export interface Runtime {
  config: Config;
  keys: Keys;
  log: Logger;
  redis: RedisClient;
  queues: Queues;
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
  const created = new Map<QueueName, Queue>();
  const queueError = throttledErrorLog(log, 'queue error');
  const queue = (name: QueueName): Queue => {
    let q = created.get(name);
    if (!q) {
      q = new Queue(keys.queue(name), { connection: redis, prefix: keys.bullPrefix, defaultJobOptions: defaultJobOptions(config) });
      q.on('error', (err) => queueError(err, { queue: name }));
      created.set(name, q);
    }
    return q;
  };
  const queues = {} as Queues;
  for (const name of QUEUES) Object.defineProperty(queues, name, { enumerable: true, get: () => queue(name) });
  return {
    config,
    keys,
    log,
    redis,
    queues,
    async close() {
      await Promise.allSettled([...created.values()].map((q) => q.close()));
      redis.disconnect();
    },
  };
}
