import type { Redis } from 'ioredis';
import type { Keys } from '../keys';
import { runScript } from './scripts';

export interface DeadLetter {
  articleId: string | null;
  /** Content hash of the article the job was about, when known. */
  contentHash: string | null;
  queue: string;
  jobId: string;
  error: string;
  code: string;
  reason: string;
  attempts: number;
}

/**
 * Record a job that failed for good: an entry in `<prefix>:dead` with what,
 * where and why, and the article's outcome so waiters stop waiting
 * (`src/redis/lua/dead-1n.lua`). Returns the entry id, or null when the
 * article's event for the same content was published after all (then
 * nothing is written and the outcome stays `published`).
 */
export async function deadLetter(redis: Redis, keys: Keys, d: DeadLetter, opts: { maxLen: number; retentionMs: number; now?: Date }): Promise<string | null> {
  const at = (opts.now ?? new Date()).toISOString();
  const outcome = JSON.stringify({ status: 'dead', stage: d.queue, code: d.code, reason: d.reason, ...(d.contentHash ? { contentHash: d.contentHash } : {}), at });
  const [id, added] = await runScript<[string, number]>(
    redis,
    'dead-1n.lua',
    d.articleId ? [keys.dead, keys.outcome(d.articleId)] : [keys.dead],
    [
      String(opts.maxLen),
      String(opts.retentionMs),
      d.contentHash ?? '',
      outcome,
      'article', d.articleId ?? '', 'queue', d.queue, 'job', d.jobId, 'error', d.error,
      'code', d.code, 'reason', d.reason, 'attempts', String(d.attempts), 'at', at,
    ],
  );
  return added === 1 ? id : null;
}
