import { processPage } from '../src/ingest/process';
import { fetcherFromConfig } from '../src/ingest/setup';
import { enqueueArticles } from '../src/runtime/enqueue';
import type { WorkerDefinition } from '../src/runtime/worker';

/** `ingest:page`: fetch an article page → main text, title, date → `analyse`. */
export const ingestPageWorker: WorkerDefinition<'ingest:page'> = {
  queue: 'ingest:page',
  concurrency: (c) => c.concurrencyPage,
  articleId: (d) => d.articleId,
  async create(rt) {
    const fetcher = fetcherFromConfig(rt.config);
    return {
      process: (data, _job, { signal }) =>
        processPage(data, {
          fetcher,
          enqueueArticles: async (articles) => void (await enqueueArticles(rt, articles)),
          ...(signal ? { signal } : {}),
        }),
      close: () => fetcher.close(),
    };
  },
};
