import { contentHash } from '../ids';
import { storeArticles } from '../redis/articles';
import { clearDeadOutcomes } from '../redis/dead';
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

/** Jobs per addBulk call: one pipeline each, so a big replay is not one giant reply. */
const BULK = 500;

/**
 * Store article texts and add one `analyse` job per article, job id = article
 * id. An article whose job already exists with the same content is left
 * alone (the event is, or will be, published once); one whose finished job
 * analysed other content (the page changed), or failed for good, runs again.
 *
 * Articles with no job yet (the usual case in a replay or a feed) are found
 * with one pipelined EXISTS and added in bulk; only those that have a job
 * pay for the per-job state check. An article given twice in one call is
 * enqueued once.
 */
export async function enqueueArticles(rt: Runtime, articles: Article[]): Promise<Enqueued[]> {
  await storeArticles(rt.redis, rt.keys, articles, rt.config.articleTtl);
  const queue = rt.queues.analyse;
  const hashes = articles.map((a) => contentHash(a.title, a.body));
  const exists = await jobsExist(rt, articles.map((a) => a.id));
  const out: Enqueued[] = new Array<Enqueued>(articles.length);
  const fresh: number[] = [];
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    if (firstIndex.has(a.id)) continue;
    firstIndex.set(a.id, i);
    if (exists[i]) out[i] = await enqueueExisting(rt, a, hashes[i]!);
    else fresh.push(i);
  }
  for (let k = 0; k < fresh.length; k += BULK) {
    const chunk = fresh.slice(k, k + BULK);
    // An article that failed before (its job since removed) runs again: its old dead outcome must not answer for this run.
    await clearDeadOutcomes(rt.redis, rt.keys, chunk.map((i) => articles[i]!.id));
    await queue.addBulk(chunk.map((i) => ({ name: 'analyse', data: { articleId: articles[i]!.id, contentHash: hashes[i]! } satisfies AnalyseJobData, opts: { jobId: articles[i]!.id } })));
    for (const i of chunk) out[i] = { articleId: articles[i]!.id, contentHash: hashes[i]!, added: true };
  }
  // Repeats of an article within this call: its first occurrence decided.
  for (let i = 0; i < articles.length; i++) out[i] ??= { articleId: articles[i]!.id, contentHash: hashes[i]!, added: false };
  return out;
}

/** Whether a job hash exists for each id, in one round trip. */
async function jobsExist(rt: Runtime, ids: string[]): Promise<boolean[]> {
  if (ids.length === 0) return [];
  const queue = rt.queues.analyse;
  const p = rt.redis.pipeline();
  for (const id of ids) p.exists(queue.toKey(id));
  const replies = (await p.exec()) ?? [];
  return ids.map((_, i) => {
    const [err, n] = replies[i] ?? [null, 0];
    if (err) throw err;
    return n === 1;
  });
}

/** The per-job path for an article that has (or had a moment ago) a job. */
async function enqueueExisting(rt: Runtime, a: Article, hash: string): Promise<Enqueued> {
  const queue = rt.queues.analyse;
  const existing = await queue.getJob(a.id);
  if (existing) {
    const state = await existing.getState();
    const same = (existing.data as AnalyseJobData).contentHash === hash;
    // Waiting or running: it will read the text stored above. Completed with
    // the same content: done already. Failed for good: try again.
    if ((same && state === 'completed') || (state !== 'completed' && state !== 'failed')) return { articleId: a.id, contentHash: hash, added: false };
    await existing.remove();
  }
  await clearDeadOutcomes(rt.redis, rt.keys, [a.id]);
  const data: AnalyseJobData = { articleId: a.id, contentHash: hash };
  await queue.add('analyse', data, { jobId: a.id });
  return { articleId: a.id, contentHash: hash, added: true };
}
