import type { RedisClient } from './cluster';
import type { Keys } from '../keys';

export interface DeadLetter {
  articleId: string | null;
  queue: string;
  jobId: string;
  error: string;
  code: string;
  reason: string;
  attempts: number;
}

/**
 * Record a job that failed for good: an entry in `<prefix>:dead` with what,
 * where and why, and the article's outcome so waiters stop waiting.
 */
export async function deadLetter(redis: RedisClient, keys: Keys, d: DeadLetter, opts: { maxLen: number; retentionMs: number }): Promise<string> {
  const m = redis.multi();
  m.xadd(keys.dead, 'MAXLEN', '~', String(opts.maxLen), '*',
    'article', d.articleId ?? '', 'queue', d.queue, 'job', d.jobId, 'error', d.error,
    'code', d.code, 'reason', d.reason, 'attempts', String(d.attempts), 'at', new Date().toISOString());
  if (d.articleId) {
    m.set(keys.outcome(d.articleId), JSON.stringify({ status: 'dead', stage: d.queue, reason: d.reason }), 'PX', opts.retentionMs);
  }
  const res = await m.exec();
  const first = res?.[0];
  if (!first || first[0]) throw first?.[0] ?? new Error('dead-letter write failed');
  return first[1] as string;
}
