import { ArticleTooLargeError } from '../errors';
import { articleChars } from '../article';
import { contentHash } from '../ids';
import { parseOutcome, storeArticles } from '../redis/articles';
import { clearDeadOutcomes, deadLetter } from '../redis/dead';
import type { Article } from '../types';
import type { AnalyseJobData } from './jobs';
import type { Runtime } from './runtime';

export interface Enqueued {
  articleId: string;
  contentHash: string;
  /** False when the same content was published already, or its job already waits or runs. */
  added: boolean;
  /** Set when the article was refused at once (too large): dead-lettered, no job. */
  refused?: string;
}

/** Jobs per addBulk call: one pipeline each, so a big replay is not one giant reply. */
const BULK = 500;

/**
 * Store article texts and add one `analyse` job per article, job id = article
 * id. An article whose event for the same content is published already
 * (outcome), or whose job with the same content waits, runs or completed, is
 * left alone; one whose job analysed other content (the page changed) or
 * failed for good runs again. An article over NEWSFLOW_ARTICLE_MAX_CHARS is
 * dead-lettered here with an ArticleTooLargeError, without storing its text.
 * An article given twice in one call is enqueued once.
 *
 * One pipelined round trip reads the job keys and outcomes of all articles;
 * only articles that have a job pay for the per-job state check. Texts are
 * written in one more pipeline whose replies are checked (and stale dead
 * outcomes of re-run articles dropped in another), so a refused write (Redis at
 * maxmemory) throws instead of leaving a job without its text.
 */
export async function enqueueArticles(rt: Runtime, articles: Article[]): Promise<Enqueued[]> {
  const { config, keys, redis } = rt;
  const queue = rt.queues.analyse;
  const hashes = articles.map((a) => contentHash(a.title, a.body));
  const out: Enqueued[] = new Array<Enqueued>(articles.length);
  const first = new Map<string, number>();
  articles.forEach((a, i) => void (first.has(a.id) || first.set(a.id, i)));
  const unique = [...first.values()];

  const state = await readState(rt, unique.map((i) => articles[i]!.id));
  const add: number[] = [];
  const store: number[] = [];
  let existing: 'done' | 'pending' | 'replace';
  for (const [k, i] of unique.entries()) {
    const a = articles[i]!;
    const hash = hashes[i]!;
    const { jobExists, outcome } = state[k]!;
    const size = articleChars(a);
    if (size > config.articleMaxChars) {
      const err = new ArticleTooLargeError(a.id, size, config.articleMaxChars);
      await deadLetter(redis, keys, { articleId: a.id, contentHash: hash, queue: 'analyse', jobId: a.id, error: err.name, code: err.code, reason: err.message, attempts: 0 }, { maxLen: config.deadMaxLen, retentionMs: config.retention });
      out[i] = { articleId: a.id, contentHash: hash, added: false, refused: err.message };
    } else if (outcome?.status === 'published' && outcome.contentHash === hash) {
      out[i] = { articleId: a.id, contentHash: hash, added: false };
    } else if (jobExists && (existing = await existingJob(rt, a.id, hash)) !== 'replace') {
      // Waiting or running: it reads the text when it starts (stored again below).
      if (existing === 'pending') store.push(i);
      out[i] = { articleId: a.id, contentHash: hash, added: false };
    } else {
      store.push(i);
      add.push(i);
      out[i] = { articleId: a.id, contentHash: hash, added: true };
    }
  }

  await storeArticles(redis, keys, store.map((i) => articles[i]!), config.articleTtl);
  // A re-run must not be reported by the dead outcome of the run before it.
  await clearDeadOutcomes(redis, keys, add.map((i) => articles[i]!.id));
  for (let k = 0; k < add.length; k += BULK) {
    const chunk = add.slice(k, k + BULK);
    await queue.addBulk(chunk.map((i) => ({ name: 'analyse', data: { articleId: articles[i]!.id, contentHash: hashes[i]! } satisfies AnalyseJobData, opts: { jobId: articles[i]!.id } })));
  }
  // Repeats of an article within this call: its first occurrence decided.
  for (let i = 0; i < articles.length; i++) out[i] ??= { ...out[first.get(articles[i]!.id)!]!, added: false };
  return out;
}

/** For each id: whether its job hash exists, and its outcome; one round trip. */
async function readState(rt: Runtime, ids: string[]) {
  if (ids.length === 0) return [];
  const p = rt.redis.pipeline();
  for (const id of ids) p.exists(rt.queues.analyse.toKey(id)).get(rt.keys.outcome(id));
  const replies = (await p.exec()) ?? [];
  for (const [err] of replies) if (err) throw err;
  return ids.map((_, k) => ({ jobExists: replies[2 * k]![1] === 1, outcome: parseOutcome(replies[2 * k + 1]![1] as string | null) }));
}

/**
 * What to do about the existing job of an article: `done` (completed with
 * the same content), `pending` (waiting, delayed or running: it reads the
 * text when it starts), or `replace` (finished with other content, or failed
 * for good: removed here, a new job follows).
 */
async function existingJob(rt: Runtime, id: string, hash: string): Promise<'done' | 'pending' | 'replace'> {
  const job = await rt.queues.analyse.getJob(id);
  if (!job) return 'replace';
  const state = await job.getState();
  if (state === 'completed' && job.data.contentHash === hash) return 'done';
  if (state !== 'completed' && state !== 'failed') return 'pending';
  await job.remove();
  return 'replace';
}
