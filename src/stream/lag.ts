import type { RedisClient } from '../redis/cluster';
import { streamIdTime } from './entry';
import { asMap, asNumber } from './replies';

/** How one consumer group stands against the stream's retention. */
export interface GroupLag {
  group: string;
  consumers: number;
  /** Delivered to a consumer and not yet acknowledged. */
  pending: number;
  /** Not yet delivered to any consumer of the group. */
  unread: number;
  lastDeliveredId: string;
  /** The oldest entry the group has not acknowledged (pending or unread), null if none. */
  oldestId: string | null;
  oldestAgeMs: number | null;
  /** Entries from `oldestId` to the newest, both included. */
  depth: number;
  /** Entries that can still be published before `oldestId` falls off MAXLEN. */
  headroom: number;
  /** Why the group is about to lose entries: `length` (MAXLEN) and/or `age` (retention). */
  risks: Array<'length' | 'age'>;
}

export interface StreamLag {
  stream: string;
  length: number;
  maxLen: number;
  groups: GroupLag[];
}

export interface LagOptions {
  /** The stream's MAXLEN (NEWSFLOW_STREAM_MAXLEN). */
  maxLen: number;
  /** Retention window (NEWSFLOW_RETENTION); entries older than this lose their index and dedupe keys. */
  retentionMs?: number;
  /** Fraction of maxLen / retention that counts as "about to be trimmed" (default 0.1). */
  margin?: number;
  /** Only this group. */
  group?: string;
  now?: number;
}

const PAGE = 1000;

/** Count entries in [start, end] (stream id bounds, `(` for exclusive), stopping at `cap`. */
async function countRange(redis: RedisClient, stream: string, start: string, end: string, cap: number): Promise<number> {
  let n = 0;
  let from = start;
  while (n < cap) {
    const page = (await redis.call('XRANGE', [stream, from, end, 'COUNT', PAGE])) as Array<[string, unknown]>;
    n += page.length;
    if (page.length < PAGE) break;
    from = `(${page[page.length - 1]![0]}`;
  }
  return Math.min(n, cap);
}

function isNoSuchKey(err: unknown): boolean {
  return err instanceof Error && /no such key/i.test(err.message);
}

/**
 * Per consumer group: how many entries it has not read, how many it holds
 * unacknowledged, and whether the oldest of those is within `margin` of being
 * trimmed by MAXLEN (or of outliving the retention window). Trimming with
 * `MAXLEN ~` only ever removes whole nodes, so an entry lives at least as long
 * as exact trimming would keep it: the headroom reported is a lower bound.
 */
export async function streamLag(redis: RedisClient, stream: string, opts: LagOptions): Promise<StreamLag> {
  const margin = opts.margin ?? 0.1;
  const now = opts.now ?? Date.now();
  let info: Record<string, unknown>;
  let groupsRaw: unknown[];
  try {
    info = asMap(await redis.call('XINFO', ['STREAM', stream]));
    groupsRaw = (await redis.call('XINFO', ['GROUPS', stream])) as unknown[];
  } catch (err) {
    if (isNoSuchKey(err)) return { stream, length: 0, maxLen: opts.maxLen, groups: [] };
    throw err;
  }
  const length = asNumber(info.length) ?? 0;
  const entriesAdded = asNumber(info['entries-added']);
  const groups: GroupLag[] = [];
  for (const raw of groupsRaw) {
    const g = asMap(raw);
    const name = String(g.name);
    if (opts.group !== undefined && name !== opts.group) continue;
    const lastDeliveredId = String(g['last-delivered-id']);
    const pending = asNumber(g.pending) ?? 0;
    const entriesRead = asNumber(g['entries-read']);
    // `lag` is null when Redis cannot tell (entries deleted in the middle); fall back to counting.
    const unread =
      asNumber(g.lag) ??
      (entriesAdded !== null && entriesRead !== null ? entriesAdded - entriesRead : await countRange(redis, stream, `(${lastDeliveredId}`, '+', opts.maxLen));

    let oldestId: string | null = null;
    let depth = unread;
    if (pending > 0) {
      const summary = (await redis.call('XPENDING', [stream, name])) as unknown[];
      oldestId = summary[1] ? String(summary[1]) : null;
      if (oldestId) depth = unread + (await countRange(redis, stream, oldestId, lastDeliveredId, opts.maxLen));
    }
    if (oldestId === null && unread > 0) {
      const next = (await redis.call('XRANGE', [stream, `(${lastDeliveredId}`, '+', 'COUNT', 1])) as Array<[string, unknown]>;
      oldestId = next[0]?.[0] ?? null;
    }
    const oldestAgeMs = oldestId ? Math.max(0, now - streamIdTime(oldestId)) : null;
    const headroom = opts.maxLen - depth;
    const risks: GroupLag['risks'] = [];
    if (oldestId && headroom <= Math.ceil(opts.maxLen * margin)) risks.push('length');
    if (oldestAgeMs !== null && opts.retentionMs !== undefined && oldestAgeMs >= opts.retentionMs * (1 - margin)) risks.push('age');
    groups.push({ group: name, consumers: asNumber(g.consumers) ?? 0, pending, unread, lastDeliveredId, oldestId, oldestAgeMs, depth, headroom, risks });
  }
  return { stream, length, maxLen: opts.maxLen, groups };
}
