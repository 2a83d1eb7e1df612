import { scanKeys, type RedisClient } from '../redis/cluster';
import type { Keys } from '../keys';
import { parseEntry, type StreamEvent } from './entry';
import { asEntries, asScored } from './replies';

const STREAM_ID = /^\d+-\d+$/;

/** Read entries by stream id; ids whose entry was trimmed are left out. */
export async function eventsAt(redis: RedisClient, keys: Keys, streamIds: string[]): Promise<StreamEvent[]> {
  if (streamIds.length === 0) return [];
  const pipe = redis.pipeline();
  for (const sid of streamIds) pipe.call('XRANGE', keys.events, sid, sid);
  const res = (await pipe.exec()) ?? [];
  const out: StreamEvent[] = [];
  for (const [err, reply] of res) {
    if (err) throw err;
    const row = asEntries(reply)[0];
    if (row && row[1]) out.push(parseEntry(row[0], row[1]));
  }
  return out;
}

/**
 * One event by event id (`evt_…`, through its `seen` marker) or by stream
 * entry id (`1767225600000-0`). Null when it is unknown, or trimmed from the
 * stream, or its marker outlived the retention window.
 */
export async function getEvent(redis: RedisClient, keys: Keys, id: string): Promise<StreamEvent | null> {
  const streamId = STREAM_ID.test(id) ? id : await redis.get(keys.seen(id));
  if (!streamId) return null;
  const [event] = await eventsAt(redis, keys, [streamId]);
  return event ?? null;
}

export interface IndexQuery {
  /** `2330.TW`, or a bare code (`2330`) for every market it is listed under. */
  ticker?: string;
  /** Entity id, e.g. `TW:2330`. */
  entity?: string;
  /** Publish time bounds in ms, inclusive. */
  sinceMs?: number;
  untilMs?: number;
  /** The `count` oldest (`asc`) or newest (`desc`, the default) events. */
  order?: 'asc' | 'desc';
  count?: number;
}

/** Index keys for a query: a bare ticker code expands to every `<code>.<suffix>` index present. */
async function indexKeys(redis: RedisClient, keys: Keys, q: IndexQuery): Promise<string[]> {
  if (q.entity !== undefined) return [keys.entityIndex(q.entity)];
  if (q.ticker === undefined) throw new TypeError('index query needs a ticker or an entity');
  const t = q.ticker.toUpperCase();
  if (t.includes('.')) return [keys.tickerIndex(t)];
  // Only the CLI asks by bare code; SCAN keeps it correct for any market suffix without a table of them.
  return scanKeys(redis, keys.tickerIndex(`${t}.*`));
}

/**
 * Event ids from the ticker or entity index (sorted sets scored by publish
 * time), ordered by time, with the time.
 */
export async function indexedIds(redis: RedisClient, keys: Keys, q: IndexQuery): Promise<Array<{ id: string; at: number }>> {
  const min = q.sinceMs ?? '-inf';
  const max = q.untilMs ?? '+inf';
  const desc = (q.order ?? 'desc') === 'desc';
  const limit = q.count !== undefined ? ['LIMIT', 0, q.count] : [];
  const seen = new Map<string, number>();
  for (const key of await indexKeys(redis, keys, q)) {
    const args = desc ? [key, max, min, 'BYSCORE', 'REV', ...limit, 'WITHSCORES'] : [key, min, max, 'BYSCORE', ...limit, 'WITHSCORES'];
    for (const [id, score] of asScored(await redis.call('ZRANGE', args))) seen.set(id, score);
  }
  const rows = [...seen].map(([id, at]) => ({ id, at })).sort((a, b) => (desc ? b.at - a.at : a.at - b.at) || a.id.localeCompare(b.id));
  return q.count !== undefined ? rows.slice(0, q.count) : rows;
}

/** Events from the ticker or entity index, resolved to their stream entries (trimmed ones left out). */
export async function indexedEvents(redis: RedisClient, keys: Keys, q: IndexQuery): Promise<StreamEvent[]> {
  const rows = await indexedIds(redis, keys, q);
  if (rows.length === 0) return [];
  const sids = await redis.mget(rows.map((r) => keys.seen(r.id)));
  return eventsAt(redis, keys, sids.filter((s): s is string => s !== null));
}
