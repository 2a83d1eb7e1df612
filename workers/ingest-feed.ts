import { processFeed } from '../src/ingest/process';
import { fetcherFromConfig } from '../src/ingest/setup';
import { enqueuePages, redisSeenItems } from '../src/redis/feeds';
import { redisValidatorCache } from '../src/redis/http-cache';
import { enqueueArticles } from '../src/runtime/enqueue';
import type { WorkerDefinition } from '../src/runtime/worker';

/** `ingest:feed`: fetch a feed → one `ingest:page` job per new item, or straight to `analyse` when the feed has the full text. */
export const ingestFeedWorker: WorkerDefinition<'ingest:feed'> = {
  queue: 'ingest:feed',
  concurrency: (c) => c.concurrencyFeed,
  articleId: () => null,
  async create(rt) {
    const fetcher = fetcherFromConfig(rt.config);
    const validators = redisValidatorCache(rt.redis, rt.keys, rt.config.retention);
    const seen = redisSeenItems(rt.redis, rt.keys, rt.config.retention);
    return {
      async process(data, _job, { signal, log }) {
        const out = await processFeed(data, {
          fetcher,
          validators,
          seen,
          fullTextMinChars: rt.config.feedFullTextMinChars,
          enqueueArticles: async (articles) => void (await enqueueArticles(rt, articles)),
          enqueuePages: (pages) => enqueuePages(rt.queues['ingest:page'], pages),
          ...(signal ? { signal } : {}),
        });
        if (out.skipped.length) log.warn({ feed: data.url, skipped: out.skipped }, 'feed items skipped');
        return out;
      },
      close: () => fetcher.close(),
    };
  },
};
