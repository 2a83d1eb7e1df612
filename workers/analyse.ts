import { loadArticle } from '../src/redis/articles';
import { RedisNoveltyStore } from '../src/redis/novelty';
import type { AnalyseJobData } from '../src/runtime/enqueue';
import { loadNlp } from '../src/runtime/nlp';
import type { WorkerDefinition } from '../src/runtime/worker';
import { analyse } from '../src/stages/analyse';
import type { EventRecord } from '../src/types';

export interface PublishJobData {
  record: EventRecord;
}

/** `analyse`: article text from Redis → event record → a `publish` job (job id = event id). */
export const analyseWorker: WorkerDefinition<AnalyseJobData, { eventId: string }> = {
  queue: 'analyse',
  concurrency: (c) => c.concurrencyAnalyse,
  articleId: (d) => d.articleId,
  async create(rt) {
    const { nlp, dictionaryVersion } = loadNlp(rt.config);
    const novelty = new RedisNoveltyStore(rt.redis, rt.keys, { ttlMs: rt.config.noveltyTtl });
    return async (data, _job, { signal }) => {
      const article = await loadArticle(rt.redis, rt.keys, data.articleId);
      const record = await analyse(article, { nlp, dictionaryVersion, novelty, signal });
      const payload: PublishJobData = { record };
      await rt.queues.publish.add('publish', payload, { jobId: record.id });
      return { eventId: record.id };
    };
  },
};
