import type { RedisClient } from '../redis/cluster';
import type { Keys } from '../keys';
import { matchesTicker, parseEntry, type StreamEvent } from './entry';
import { indexedEvents } from './read';
import { asEntries, asReadReply } from './replies';

export interface EventFilter {
  /** `2330` or `2330.TW`. */
  ticker?: string;
  /** Entity id, e.g. `TW:2330`. */
  entity?: string;
  /** Event type, e.g. `capex`. */
  type?: string;
}

export interface TailOptions extends EventFilter {
  /** Start at the oldest entry kept instead of the newest ones (or, when following, instead of new ones only). */
  fromStart?: boolean;
  /** Stop after this many events (default: 10 unless following or reading from the start). */
  count?: number;
  /** Keep waiting for new events. */
  follow?: boolean;
  /** Longest wait of one blocking read while following, ms (default 5000). */
  blockMs?: number;
  signal?: AbortSignal;
}

export function matchesFilter(e: StreamEvent, f: EventFilter): boolean {
  if (f.ticker !== undefined && !matchesTicker(e, f.ticker)) return false;
  if (f.entity !== undefined && !e.entities.includes(f.entity)) return false;
  if (f.type !== undefined && !e.types.includes(f.type)) return false;
  return true;
}

/** Compare stream ids `<ms>-<seq>` numerically. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

const PAGE = 500;

async function newestId(redis: RedisClient, stream: string): Promise<string> {
  const rows = asEntries(await redis.call('XREVRANGE', [stream, '+', '-', 'COUNT', 1]));
  return rows[0]?.[0] ?? '0-0';
}

/** Scan the stream from `start` to `end` (either direction), keeping matching events, up to `limit`. */
async function scan(redis: RedisClient, stream: string, f: EventFilter, dir: 'asc' | 'desc', start: string, end: string, limit: number): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  let from = start;
  while (out.length < limit) {
    const rows = asEntries(await redis.call(dir === 'asc' ? 'XRANGE' : 'XREVRANGE', [stream, from, end, 'COUNT', PAGE]));
    for (const [id, fields] of rows) {
      if (!fields) continue;
      const e = parseEntry(id, fields);
      if (matchesFilter(e, f)) out.push(e);
      if (out.length >= limit) break;
    }
    if (rows.length < PAGE) break;
    from = `(${rows[rows.length - 1]![0]}`;
  }
  return out;
}

/** The history part of a tail: matching events up to `until`, oldest first. */
async function history(redis: RedisClient, keys: Keys, o: TailOptions, until: string, limit: number): Promise<StreamEvent[]> {
  if (until === '0-0' || limit <= 0) return [];
  if (o.ticker !== undefined || o.entity !== undefined) {
    // The index holds just this ticker's or entity's events, so no scan of the whole stream.
    const q = o.entity !== undefined ? { entity: o.entity } : { ticker: o.ticker! };
    const needsFilter = o.type !== undefined || (o.entity !== undefined && o.ticker !== undefined);
    const rows = await indexedEvents(redis, keys, { ...q, order: o.fromStart ? 'asc' : 'desc', ...(needsFilter || !Number.isFinite(limit) ? {} : { count: limit }) });
    const kept = rows.filter((e) => compareStreamIds(e.streamId, until) <= 0 && matchesFilter(e, o)).slice(0, limit);
    return o.fromStart ? kept : kept.reverse();
  }
  if (o.fromStart) return scan(redis, keys.events, o, 'asc', '-', until, limit);
  return (await scan(redis, keys.events, o, 'desc', until, '-', limit)).reverse();
}

/**
 * Matching events from `<prefix>:events`, oldest first:
 * - by default the newest `count` (10) events, then it ends;
 * - with `fromStart`, from the oldest entry kept, up to `count` (all);
 * - with `follow`, then new events as they are published (without
 *   `fromStart`, only new ones), until `count` or the signal aborts.
 * Ticker and entity filters read the indexes for the history.
 */
export async function* tail(redis: RedisClient, keys: Keys, o: TailOptions): AsyncGenerator<StreamEvent> {
  const limit = o.count ?? (o.follow || o.fromStart ? Infinity : 10);
  let emitted = 0;
  let last = await newestId(redis, keys.events);
  // Following without fromStart starts at the newest entry, like XREAD from `$`.
  for (const e of o.follow && !o.fromStart ? [] : await history(redis, keys, o, last, limit)) {
    yield e;
    emitted++;
  }
  while (o.follow && emitted < limit && !o.signal?.aborted) {
    const rows = asReadReply(await redis.call('XREAD', ['COUNT', PAGE, 'BLOCK', o.blockMs ?? 5000, 'STREAMS', keys.events, last]));
    for (const [id, fields] of rows) {
      last = id;
      if (!fields) continue;
      const e = parseEntry(id, fields);
      if (!matchesFilter(e, o)) continue;
      yield e;
      if (++emitted >= limit) return;
    }
  }
}
