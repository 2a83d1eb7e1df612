import { contentHash } from '../ids';
import { storeArticles } from '../redis/articles';
import type { Article } from '../types';
import type { Runtime } from './runtime';

export interface AnalyseJobData {
  articleId: string;
  contentHash: string;
}

export interface Enqueued {
  articleId: string;
  contentHash: string;
  /** False when an identical job (same article, same content) already ran or waits. */
  added: boolean;
}

/**
 * Store article texts and add one `analyse` job per article, job id = article
 * id. An article whose job already exists with the same content is left
 * alone (the event is, or will be, published once); one whose finished job
 * analysed other content (the page changed), or failed for good, runs again.
 */
export async function enqueueArticles(rt: Runtime, articles: Article[]): Promise<Enqueued[]> {
  await storeArticles(rt.redis, rt.keys, articles, rt.config.articleTtl);
  const queue = rt.queues.analyse;
  const out: Enqueued[] = [];
  for (const a of articles) {
    const hash = contentHash(a.title, a.body);
    const existing = await queue.getJob(a.id);
    if (existing) {
      const state = await existing.getState();
      const same = (existing.data as AnalyseJobData).contentHash === hash;
      // Waiting or running: it will read the text stored above. Completed with
      // the same content: done already. Failed for good: try again.
      if ((same && state === 'completed') || (state !== 'completed' && state !== 'failed')) {
        out.push({ articleId: a.id, contentHash: hash, added: false });
        continue;
      }
      await existing.remove();
    }
    const data: AnalyseJobData = { articleId: a.id, contentHash: hash };
    await queue.add('analyse', data, { jobId: a.id });
    out.push({ articleId: a.id, contentHash: hash, added: true });
  }
  return out;
}
