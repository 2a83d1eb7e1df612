import { QUEUES, type Keys, type QueueName } from '../keys';
import { getOutcomes, loadArticle } from '../redis/articles';
import type { RedisClient } from '../redis/cluster';
import { clearDeadOutcomes } from '../redis/dead';
import { enqueueArticles } from '../runtime/enqueue';
import type { Runtime } from '../runtime/runtime';
import { asEntries } from '../stream/replies';

/** One entry of `<prefix>:dead` (a job that failed for good), as `newsflow dead list` shows it. */
export interface DeadEntry {
  /** Stream entry id, `<ms>-<seq>`. */
  id: string;
  at: string;
  queue: string;
  article: string | null;
  job: string;
  error: string;
  code: string;
  reason: string;
  attempts: number;
  /** `newsflow dead retry` ran it again. */
  retried: boolean;
  /** The article has been published since (a replay of its file ran it again). */
  publishedSince: boolean;
}

export interface DeadCounts {
  key: string;
  entries: number;
  retried: number;
  /** Entries not retried: what still needs someone to look at it. */
  open: number;
}

const STREAM_ID = /^\d+-\d+$/;
const PAGE = 500;
const idMs = (id: string) => Number(id.split('-')[0]);

function parse(id: string, fields: string[], retried: boolean, publishedSince = false): DeadEntry {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  return {
    id, at: f.at ?? new Date(idMs(id)).toISOString(), queue: f.queue ?? '', article: f.article || null, job: f.job ?? '',
    error: f.error ?? '', code: f.code ?? '', reason: f.reason ?? '', attempts: Number(f.attempts ?? 0), retried, publishedSince,
  };
}

function fieldOf(fields: string[] | null, name: string): string {
  for (let i = 0; fields && i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1]!;
  return '';
}

/** Which of these articles have a `published` outcome now. */
async function publishedArticles(redis: RedisClient, keys: Keys, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const outs = await getOutcomes(redis, keys, wanted);
  return new Set(wanted.filter((_, i) => outs[i]?.status === 'published'));
}

/** Entries in the dead stream, how many were retried, how many are still open. */
export async function deadCounts(redis: RedisClient, keys: Keys): Promise<DeadCounts> {
  const entries = await redis.xlen(keys.dead);
  const oldest = asEntries(await redis.call('XRANGE', [keys.dead, '-', '+', 'COUNT', 1]))[0]?.[0];
  // Marks are scored by their entry's time: those of trimmed entries fall below the oldest kept.
  const retried = oldest ? await redis.zcount(keys.deadRetried, idMs(oldest), '+inf') : 0;
  return { key: keys.dead, entries, retried, open: Math.max(0, entries - retried) };
}

/** Dead entries, newest first, optionally of one queue, up to `count` (all by default). */
export async function listDead(redis: RedisClient, keys: Keys, opts: { queue?: string; count?: number; openOnly?: boolean } = {}): Promise<DeadEntry[]> {
  const limit = opts.count ?? Infinity;
  const out: DeadEntry[] = [];
  let from = '+';
  while (out.length < limit) {
    const rows = asEntries(await redis.call('XREVRANGE', [keys.dead, from, '-', 'COUNT', PAGE]));
    if (rows.length === 0) break;
    const scores = (await redis.call('ZMSCORE', [keys.deadRetried, ...rows.map((r) => r[0])])) as Array<string | null>;
    const published = await publishedArticles(redis, keys, rows.map(([, fields]) => fieldOf(fields, 'article')));
    rows.forEach(([id, fields], i) => {
      if (!fields || out.length >= limit) return;
      const e = parse(id, fields, scores[i] !== null && scores[i] !== undefined, published.has(fieldOf(fields, 'article')));
      if (opts.queue !== undefined && e.queue !== opts.queue) return;
      if (opts.openOnly && e.retried) return;
      out.push(e);
    });
    if (rows.length < PAGE) break;
    from = `(${rows[rows.length - 1]![0]}`;
  }
  return out;
}

/** What `retryDead` did with one id. */
export interface RetryResult {
  /** The id as given (entry id or article id). */
  id: string;
  entry: DeadEntry | null;
  ok: boolean;
  /** What was done, or why nothing could be. */
  note: string;
}

async function find(redis: RedisClient, keys: Keys, id: string): Promise<DeadEntry | null> {
  if (STREAM_ID.test(id)) {
    const row = asEntries(await redis.call('XRANGE', [keys.dead, id, id]))[0];
    if (!row || !row[1]) return null;
    const published = await publishedArticles(redis, keys, [fieldOf(row[1], 'article')]);
    return parse(row[0], row[1], (await redis.zscore(keys.deadRetried, row[0])) !== null, published.size > 0);
  }
  // An article id: its newest entry still open, else its newest one.
  const all = (await listDead(redis, keys)).filter((e) => e.article === id);
  return all.find((e) => !e.retried) ?? all[0] ?? null;
}

/** Run one dead job again: the failed job itself when BullMQ still has it, else the article from its stored text. */
async function retryOne(rt: Runtime, e: DeadEntry): Promise<{ ok: boolean; note: string }> {
  const known = (QUEUES as readonly string[]).includes(e.queue);
  const job = known ? await rt.queues[e.queue as QueueName].getJob(e.job) : undefined;
  const state = job ? await job.getState() : null;
  const textKept = e.article !== null && (await rt.redis.exists(rt.keys.article(e.article))) === 1;
  if (e.publishedSince) return { ok: true, note: 'the article has been published since (replayed); nothing to run' };
  if (e.queue === 'analyse' && !textKept) {
    return { ok: false, note: 'the article text has expired (NEWSFLOW_ARTICLE_TTL) or was never stored; replay the article file instead' };
  }
  if (job && state === 'failed') {
    if (e.article) await clearDeadOutcomes(rt.redis, rt.keys, [e.article]);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return { ok: true, note: `job ${e.job} moved back to ${e.queue}` };
  }
  if (job && state !== 'completed') return { ok: true, note: `job ${e.job} is already ${state} again` };
  if (job) return { ok: true, note: `job ${e.job} has completed since` };
  if (e.article && textKept) {
    // Clear first: enqueueArticles only clears it for a job it adds.
    await clearDeadOutcomes(rt.redis, rt.keys, [e.article]);
    const [enq] = await enqueueArticles(rt, [await loadArticle(rt.redis, rt.keys, e.article)]);
    return { ok: true, note: enq?.added ? 'article enqueued for analysis again' : 'the article is already queued' };
  }
  return { ok: false, note: `job ${e.job} is gone (removed after NEWSFLOW_KEEP_FAILED_AGE) and there is no article text to enqueue; replay or re-ingest it` };
}

/**
 * Run dead-lettered jobs again (`newsflow dead retry`): each is re-enqueued,
 * the article's dead outcome is cleared (so `replay --wait` waits for the new
 * run instead of reporting the old failure), and the entry is marked retried
 * (so `status` counts it no longer as open). `ids` are entry ids or article
 * ids; `'all'` takes every open entry.
 */
export async function retryDead(rt: Runtime, ids: string[] | 'all'): Promise<RetryResult[]> {
  const targets: Array<{ id: string; entry: DeadEntry | null }> =
    ids === 'all' ? (await listDead(rt.redis, rt.keys, { openOnly: true })).map((e) => ({ id: e.id, entry: e })) : await Promise.all(ids.map(async (id) => ({ id, entry: await find(rt.redis, rt.keys, id) })));
  const results: RetryResult[] = [];
  for (const { id, entry } of targets) {
    if (!entry) {
      results.push({ id, entry, ok: false, note: `no entry ${id} in ${rt.keys.dead}` });
      continue;
    }
    if (entry.retried) {
      results.push({ id, entry, ok: true, note: 'retried before; left alone' });
      continue;
    }
    const r = await retryOne(rt, entry);
    if (r.ok) await rt.redis.zadd(rt.keys.deadRetried, idMs(entry.id), entry.id);
    results.push({ id, entry, ...r });
  }
  // Forget the marks of entries trimmed from the stream.
  const oldest = asEntries(await rt.redis.call('XRANGE', [rt.keys.dead, '-', '+', 'COUNT', 1]))[0]?.[0];
  if (oldest) await rt.redis.zremrangebyscore(rt.keys.deadRetried, '-inf', `(${idMs(oldest)}`);
  return results;
}
