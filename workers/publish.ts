import { publishEvent } from '../src/redis/publish';
import type { WorkerDefinition } from '../src/runtime/worker';
import type { PublishJobData } from './analyse';

/** `publish`: one idempotent XADD per event id (see src/redis/lua/publish-3n.lua). */
export const publishWorker: WorkerDefinition<PublishJobData, { streamId: string; added: boolean }> = {
  queue: 'publish',
  concurrency: (c) => c.concurrencyPublish,
  articleId: (d) => d.record.article.id,
  async create(rt) {
    return async (data) => publishEvent(rt.redis, rt.keys, data.record, { maxLen: rt.config.streamMaxLen, retentionMs: rt.config.retention });
  },
};
