import { Redis } from 'ioredis';
import { ConfigError } from '../errors';
import { duplicateClient, hashTag, isCluster, type RedisClient } from '../redis/cluster';
import { throttledErrorLog } from '../redis/error-log';
import { keys } from '../keys';
import { parseEntry, type StreamEvent } from './entry';
import { ack, deadLetter, deliveryCounts, ensureGroup, forgetIfIdle, release, type GroupMember } from './group';
import { streamLag } from './lag';
import { asEntries, asReadReply, type RawEntry } from './replies';

/** What a handler learns besides the event. */
export interface HandlerContext {
  /** How many times this entry has been delivered to the group, this time included. */
  deliveries: number;
  group: string;
  consumer: string;
  /** Aborted only when `stop({ graceMs })` runs out of patience with this handler. */
  signal: AbortSignal;
}

export type EventHandler = (event: StreamEvent, ctx: HandlerContext) => Promise<void> | void;

/** The logger-like object consumers report through (a pino logger fits). */
export interface ConsumeLogger {
  warn(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
}

export interface ConsumeOptions {
  /**
   * An ioredis connection or Cluster (left open on stop) or a `redis://` URL
   * (closed on stop). With a Cluster, the stream keys must share a hash tag
   * (a prefix such as `{newsflow}`).
   */
  redis: RedisClient | string;
  /** Key prefix; the stream is `<prefix>:events`, dead letters go to `<prefix>:events:dead`. */
  prefix?: string;
  /** Explicit stream key (overrides `prefix`). */
  stream?: string;
  /** Explicit dead-letter stream key (overrides `prefix`). */
  deadStream?: string;
  group: string;
  consumer: string;
  handler: EventHandler;
  /** Where a group that does not exist yet starts: `new` events only (default) or the `start` of the stream. */
  startAt?: 'new' | 'start';
  /** Longest wait of one blocking read, ms (default 5000). */
  blockMs?: number;
  /** Entries per read (default 10). */
  count?: number;
  /** Claim entries left unacknowledged by any consumer for this long, ms (default 60000). */
  claimIdleMs?: number;
  /** Retry an entry whose handler threw after this long, ms (default 5000). */
  retryDelayMs?: number;
  /** After this many deliveries an entry goes to the dead-letter stream (default 5). */
  maxDeliveries?: number;
  /** Stops the consumer like `stop()`. */
  signal?: AbortSignal;
  logger?: ConsumeLogger;
  /** Called when a blocking read found nothing new (e.g. to stop once the stream is drained). */
  onIdle?: () => void;
  /** Check the group's lag against the stream's retention every `intervalMs` and warn. */
  lag?: { maxLen: number; retentionMs?: number; margin?: number; intervalMs?: number };
}

export interface ConsumeStats {
  handled: number;
  failed: number;
  deadLettered: number;
  claimed: number;
  /** Entries that were trimmed from the stream while pending, before anyone handled them. */
  trimmed: number;
}

export interface ConsumerHandle {
  /**
   * Finish the handler in flight, acknowledge it, hand the rest of the batch
   * back to the group (other consumers claim it at once), and return. A
   * handler may call it, but must not await it (the stop waits for the
   * handler).
   */
  stop(opts?: { graceMs?: number }): Promise<ConsumeStats>;
  /** Settles when the consumer has stopped. */
  done: Promise<ConsumeStats>;
  stats: ConsumeStats;
}

const errName = (err: unknown) => (err instanceof Error ? err.name : 'Error');
const errMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Consume `<prefix>:events` as one member of a consumer group: at-least-once,
 * acknowledging each entry only after its handler resolved. Entries another
 * consumer left unacknowledged for `claimIdleMs` (it died) are claimed;
 * entries whose handler threw are retried after `retryDelayMs`; after
 * `maxDeliveries` deliveries an entry is moved to the dead-letter stream.
 * Redis errors (a restart, a lost connection) are logged and retried, never
 * thrown. See docs/stream.md.
 */
export function consume(opts: ConsumeOptions): ConsumerHandle {
  const k = keys(opts.prefix ?? 'newsflow');
  const stream = opts.stream ?? k.events;
  const deadStream = opts.deadStream ?? k.eventsDead;
  const { group, consumer, handler, logger } = opts;
  const blockMs = opts.blockMs ?? 5000;
  const count = opts.count ?? 10;
  const claimIdleMs = opts.claimIdleMs ?? 60_000;
  const retryDelayMs = opts.retryDelayMs ?? 5000;
  const maxDeliveries = opts.maxDeliveries ?? 5;
  const ownsConnection = typeof opts.redis === 'string';
  const redis: RedisClient = typeof opts.redis === 'string' ? new Redis(opts.redis) : opts.redis;
  // Dead-lettering adds to one stream and acknowledges in the other in one MULTI: one slot on a cluster.
  if (isCluster(redis) && (hashTag(stream) === null || hashTag(stream) !== hashTag(deadStream))) {
    throw new ConfigError(`consume() on a Redis Cluster: the stream keys "${stream}" and "${deadStream}" must share a hash tag (use a prefix such as {newsflow})`);
  }
  // Blocking reads get their own connection so acks and claims never queue behind them.
  const blocking = duplicateClient(redis, { maxRetriesPerRequest: null });
  // CLIENT ID/UNBLOCK carry no key, so a cluster client would send them to
  // any node; there a stop closes the blocking connection instead.
  const unblockable = !isCluster(redis);
  const quiet = () => undefined;
  blocking.on('error', quiet);
  if (ownsConnection) redis.on('error', quiet);

  const stats: ConsumeStats = { handled: 0, failed: 0, deadLettered: 0, claimed: 0, trimmed: 0 };
  const handlerAbort = new AbortController();
  let stopping = false;
  let blocked = false;
  let blockingId: number | null = null;
  let wake: (() => void) | null = null;
  let retryAt = Infinity;

  const warn = (obj: object, msg: string) => logger?.warn({ group, consumer, ...obj }, msg);
  // A lost connection fails every read: one line per interval with a count (issue 17).
  const readFailed = logger ? throttledErrorLog(logger, 'stream read failed; retrying') : () => undefined;
  const member: GroupMember = { redis, stream, group, consumer, warn };
  // Once stopping, an ack that keeps failing may be given up: the entry stays pending and comes again.
  const giveUp = () => stopping;

  async function toDead(entry: RawEntry, n: number, why: { error: string; reason: string }): Promise<void> {
    if (await deadLetter(member, deadStream, entry, n, why, giveUp)) stats.deadLettered++;
  }

  /** Handle entries one by one; `fresh` entries come from `>` and have been delivered once. */
  async function handleBatch(entries: RawEntry[], fresh: boolean): Promise<void> {
    const counts = fresh ? new Map<string, number>() : await deliveryCounts(member, entries.map((e) => e[0]));
    for (const [i, entry] of entries.entries()) {
      if (stopping) return release(member, entries.slice(i).map((e) => e[0]), claimIdleMs);
      const [id, fields] = entry;
      if (fields === null) {
        stats.trimmed++;
        warn({ streamId: id }, 'pending event was trimmed before it was handled');
        await ack(member, id, { giveUp });
        continue;
      }
      const n = counts.get(id) ?? 1;
      if (n > maxDeliveries) {
        await toDead(entry, n, { error: 'MaxDeliveriesError', reason: `delivered ${n} times without an acknowledgement` });
        continue;
      }
      let event: StreamEvent;
      try {
        event = parseEntry(id, fields);
      } catch (err) {
        await toDead(entry, n, { error: errName(err), reason: errMessage(err) });
        continue;
      }
      try {
        await handler(event, { deliveries: n, group, consumer, signal: handlerAbort.signal });
      } catch (err) {
        stats.failed++;
        if (n >= maxDeliveries) await toDead(entry, n, { error: errName(err), reason: errMessage(err) });
        else {
          warn({ err, streamId: id, eventId: event.id, deliveries: n }, 'event handler failed; will retry');
          retryAt = Math.min(retryAt, Date.now() + retryDelayMs);
        }
        continue;
      }
      if (await ack(member, id, { giveUp })) stats.handled++;
    }
  }

  async function readGroup(id: string, block: boolean): Promise<RawEntry[]> {
    const args: (string | number)[] = ['GROUP', group, consumer, 'COUNT', count];
    if (block) args.push('BLOCK', blockMs);
    args.push('STREAMS', stream, id);
    if (!block) return asReadReply(await redis.call('XREADGROUP', args));
    if (unblockable) blockingId = Number(await blocking.call('CLIENT', ['ID']));
    if (stopping) return [];
    blocked = true;
    try {
      return asReadReply(await blocking.call('XREADGROUP', args));
    } finally {
      blocked = false;
    }
  }

  let claimCursor = '0-0';
  async function claimStale(): Promise<void> {
    do {
      const [next, claimed, deleted] = (await redis.call('XAUTOCLAIM', [stream, group, consumer, claimIdleMs, claimCursor, 'COUNT', count])) as [string, unknown, unknown[] | undefined];
      claimCursor = String(next);
      const entries = asEntries(claimed);
      if (deleted && deleted.length > 0) {
        stats.trimmed += deleted.length;
        warn({ streamIds: deleted.map(String) }, 'pending events were trimmed before they were handled');
      }
      if (entries.length === 0) break;
      stats.claimed += entries.length;
      logger?.info?.({ group, consumer, count: entries.length }, 'claimed events left by other consumers');
      await handleBatch(entries, false);
    } while (claimCursor !== '0-0' && !stopping);
  }

  async function checkLag(): Promise<void> {
    if (!opts.lag) return;
    const { groups } = await streamLag(redis, stream, { ...opts.lag, group });
    for (const g of groups) {
      if (g.risks.length > 0) warn({ unread: g.unread, pending: g.pending, headroom: g.headroom, oldestId: g.oldestId, oldestAgeMs: g.oldestAgeMs, risks: g.risks }, 'consumer group close to losing events to trimming');
    }
  }

  async function run(): Promise<ConsumeStats> {
    let ownHistory = true; // first take back what this consumer name held when it last stopped
    let ownCursor = '0';
    let nextClaim = 0;
    let nextLag = 0;
    let backoff = 100;
    while (!stopping) {
      try {
        await ensureGroupOnce();
        const now = Date.now();
        if (ownHistory || now >= retryAt) {
          retryAt = Infinity;
          const own = await readGroup(ownCursor, false);
          ownHistory = own.length === count;
          ownCursor = ownHistory ? own[own.length - 1]![0] : '0';
          await handleBatch(own, false);
        } else if (now >= nextClaim) {
          nextClaim = now + Math.max(100, Math.min(claimIdleMs / 2, 30_000));
          await claimStale();
        } else if (opts.lag && now >= nextLag) {
          nextLag = now + (opts.lag.intervalMs ?? 30_000);
          await checkLag();
        } else {
          const fresh = await readGroup('>', true);
          if (fresh.length === 0 && !stopping) opts.onIdle?.();
          await handleBatch(fresh, true);
        }
        backoff = 100;
      } catch (err) {
        if (stopping) break;
        if (/NOGROUP/.test(errMessage(err))) groupReady = false; // stream or group vanished (e.g. Redis lost its data)
        readFailed(err, { group, consumer });
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, backoff);
        });
        wake = null;
        backoff = Math.min(backoff * 2, 2000);
      }
    }
    return stats;
  }

  let groupReady = false;
  async function ensureGroupOnce(): Promise<void> {
    if (groupReady) return;
    await ensureGroup(member, opts.startAt ?? 'new');
    groupReady = true;
  }

  const done = run().finally(async () => {
    blocking.disconnect();
    await forgetIfIdle(member).catch(() => undefined);
    if (ownsConnection) await redis.quit().catch(() => redis.disconnect());
  });

  async function stop(o: { graceMs?: number } = {}): Promise<ConsumeStats> {
    if (!stopping) {
      stopping = true;
      wake?.();
      if (blocked && !unblockable) blocking.disconnect();
      else if (blocked && blockingId !== null) await redis.call('CLIENT', ['UNBLOCK', blockingId]).catch(() => blocking.disconnect());
      if (o.graceMs !== undefined) {
        const t = setTimeout(() => handlerAbort.abort(new Error('consumer stop grace period over')), o.graceMs);
        void done.finally(() => clearTimeout(t));
      }
    }
    return done;
  }
  opts.signal?.addEventListener('abort', () => void stop(), { once: true });
  if (opts.signal?.aborted) void stop();

  return { stop, done, stats };
}
