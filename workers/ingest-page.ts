import { processPage, type PageJobData } from '../src/ingest/process';
import { fetcherFromConfig } from '../src/ingest/setup';
import { enqueueArticles } from '../src/runtime/enqueue';
import type { WorkerDefinition } from '../src/runtime/worker';

/** `ingest:page`: fetch an article page → main text, title, date → `analyse`. */
export const ingestPageWorker: WorkerDefinition<PageJobData, { articleId: string; title: string; chars: number }> = {
  queue: 'ingest:page',
  concurrency: (c) => c.concurrencyPage,
  articleId: (d) => d.articleId,
  async create(rt) {
    const fetcher = fetcherFromConfig(rt.config);
    return (data, _job, { signal }) =>
      processPage(data, {
        fetcher,
        enqueueArticles: async (articles) => void (await enqueueArticles(rt, articles)),
        ...(signal ? { signal } : {}),
      });
  },
};
