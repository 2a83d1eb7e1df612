import { disposition, NewsflowError } from '../errors';
import type { Article } from '../types';
import { fetchArticle, processFeed, type FeedDeps, type FeedJobData, type FeedOutcome, type PageJobData } from './process';

export interface PageFailure {
  articleId: string;
  url: string;
  code: string;
  message: string;
  /** Retryable failures were handed to `ingest:page` for the workers to retry. */
  retried: boolean;
}

export interface OnceOutcome extends FeedOutcome {
  /** Articles handed to `analyse` (full-text items and pages fetched here). */
  articles: Article[];
  failures: PageFailure[];
}

/**
 * `newsflow ingest --feed URL --once`: one feed run with its pages fetched
 * here and now instead of by `ingest:page` workers. A page that fails does
 * not stop the others; one that may work later is queued for the workers,
 * one that never will is reported.
 */
export async function ingestFeedOnce(data: FeedJobData, deps: FeedDeps): Promise<OnceOutcome> {
  const articles: Article[] = [];
  const failures: PageFailure[] = [];
  const out = await processFeed(data, {
    ...deps,
    enqueueArticles: async (list) => {
      await deps.enqueueArticles(list);
      articles.push(...list);
    },
    enqueuePages: async (pages) => {
      const fetched: Article[] = [];
      const retry: PageJobData[] = [];
      // Politeness inside the fetcher spaces these out per host.
      await Promise.all(
        pages.map(async (p) => {
          try {
            fetched.push(await fetchArticle(p, { fetcher: deps.fetcher, ...(deps.signal ? { signal: deps.signal } : {}) }));
          } catch (err) {
            const again = disposition(err) === 'retry';
            if (again) retry.push(p);
            failures.push({
              articleId: p.articleId,
              url: p.url,
              code: err instanceof NewsflowError ? err.code : 'E_UNEXPECTED',
              message: err instanceof Error ? err.message : String(err),
              retried: again,
            });
          }
        }),
      );
      const order = new Map(pages.map((p, i) => [p.articleId, i]));
      fetched.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      if (fetched.length) {
        await deps.enqueueArticles(fetched);
        articles.push(...fetched);
      }
      if (retry.length) await deps.enqueuePages(retry);
    },
  });
  return { ...out, articles, failures };
}
