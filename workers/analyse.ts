import { noNovelty } from '../src/label/index';
import { loadArticle } from '../src/redis/articles';
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
    return async (data, _job, { signal }) => {
      const article = await loadArticle(rt.redis, rt.keys, data.articleId);
      const record = await analyse(article, { nlp, dictionaryVersion, novelty: noNovelty, signal });
      const payload: PublishJobData = { record };
      await rt.queues.publish.add('publish', payload, { jobId: record.id });
      return { eventId: record.id };
    };
  },
};
