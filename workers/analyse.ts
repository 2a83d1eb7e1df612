import { BadInputError } from '../src/errors';
import { loadArticleAndOutcome } from '../src/redis/articles';
import { RedisNoveltyStore } from '../src/redis/novelty';
import { publishEvent } from '../src/redis/publish';
import { startNlpThread } from '../src/runtime/nlp-thread';
import type { WorkerDefinition } from '../src/runtime/worker';
import { withNovelty } from '../src/stages/record';

/**
 * `analyse`: one job per article, from text to published event. Article
 * text from Redis (with the outcome, one round trip) → normalise, segment,
 * tag, label on the NLP thread → novelty check → the idempotent publish
 * script, which also records the outcome and deletes the text. A retry
 * after a crash runs the same steps again: the event id is the same, so the
 * script adds nothing the second time. A retry after the text is gone (the
 * publish went through, its job was not marked done) finds the outcome and
 * returns what was published.
 */
export const analyseWorker: WorkerDefinition<'analyse'> = {
  queue: 'analyse',
  concurrency: (c) => c.concurrencyAnalyse,
  articleId: (d) => d.articleId,
  contentHash: (d) => d.contentHash,
  async create(rt) {
    const { config, keys, redis } = rt;
    const thread = await startNlpThread(config);
    const novelty = new RedisNoveltyStore(redis, keys, { ttlMs: config.noveltyTtl });
    return {
      async process(data, _job, { signal }) {
        const { article, outcome } = await loadArticleAndOutcome(redis, keys, data.articleId);
        if (!article) {
          if (outcome?.status === 'published' && outcome.contentHash === data.contentHash) return { eventId: outcome.eventId!, streamId: outcome.streamId!, added: false };
          throw new BadInputError(`article ${data.articleId}: text not found in Redis (expired after NEWSFLOW_ARTICLE_TTL, or never stored)`);
        }
        const analysed = await thread.analyse(article, signal);
        const record = withNovelty(analysed, await novelty.check(article.id, analysed.article.simhash));
        const { streamId, added } = await publishEvent(redis, keys, record, { maxLen: config.streamMaxLen, retentionMs: config.retention });
        return { eventId: record.id, streamId, added };
      },
      close: () => thread.close(),
    };
  },
};
