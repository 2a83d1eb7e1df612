import type { RedisClient } from './cluster';
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
export async function deadLetter(redis: RedisClient, keys: Keys, d: DeadLetter, opts: { maxLen: number; retentionMs: number; now?: Date }): Promise<string | null> {
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

// clear-dead-outcome-1: delete an article's outcome only if it records a
// dead letter, in one step, so a `published` outcome written meanwhile is kept.
//
// KEYS[1]  outcome of the article  <prefix>:outcome:<articleId>
// Returns 1 if a dead outcome was deleted, else 0.
const CLEAR_DEAD_LUA = `
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local ok, o = pcall(cjson.decode, v)
if ok and type(o) == 'table' and o.status == 'dead' then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;

type WithClearDead = RedisClient & { newsflowClearDead(key: string): Promise<number> };

/**
 * Forget the dead outcome of articles that are about to run again (a replay
 * of a failed article, `newsflow dead retry`), so that waiting for their
 * outcome waits for the new run instead of reading the old failure. Returns
 * how many dead outcomes were cleared.
 */
export async function clearDeadOutcomes(redis: RedisClient, keys: Keys, articleIds: string[]): Promise<number> {
  if (articleIds.length === 0) return 0;
  const r = redis as WithClearDead;
  if (typeof r.newsflowClearDead !== 'function') redis.defineCommand('newsflowClearDead', { numberOfKeys: 1, lua: CLEAR_DEAD_LUA });
  const pipe = redis.pipeline() as unknown as { newsflowClearDead(key: string): void; exec(): Promise<Array<[Error | null, unknown]> | null> };
  for (const id of articleIds) pipe.newsflowClearDead(keys.outcome(id));
  const res = (await pipe.exec()) ?? [];
  let n = 0;
  for (const [err, v] of res) {
    if (err) throw err;
    n += Number(v);
  }
  return n;
}
