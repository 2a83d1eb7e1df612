import type { Keys } from '../keys';
import type { RedisClient } from '../redis/cluster';
import { indexedEvents, parseEntry, type StreamEvent } from '../stream/index';
import { asEntries, asReadReply } from '../stream/replies';
import { matchesView, type ViewFilter } from './view';

const PAGE = 500;
/** History scans stop after this many entries, whatever matched: the page wants recent events, not a full-stream search. */
const SCAN_LIMIT = 20_000;

/**
 * The newest `count` events matching `f`, oldest first. Ticker and entity
 * filters read their index; otherwise the stream is read backwards, at most
 * SCAN_LIMIT entries deep.
 */
export async function recentEvents(redis: RedisClient, keys: Keys, f: ViewFilter, count: number): Promise<StreamEvent[]> {
  if (count <= 0) return [];
  if (f.ticker !== undefined || f.entity !== undefined) {
    const q = f.entity !== undefined ? { entity: f.entity } : { ticker: f.ticker! };
    const rows = await indexedEvents(redis, keys, { ...q, order: 'desc', count: Math.max(count * 5, 200) });
    return rows.filter((e) => matchesView(e, f)).slice(0, count).reverse();
  }
  const out: StreamEvent[] = [];
  let from = '+';
  for (let seen = 0; out.length < count && seen < SCAN_LIMIT; ) {
    const rows = asEntries(await redis.call('XREVRANGE', [keys.events, from, '-', 'COUNT', PAGE]));
    seen += rows.length;
    for (const [id, fields] of rows) {
      const e = readEntry(id, fields);
      if (e && matchesView(e, f)) out.push(e);
      if (out.length >= count) break;
    }
    if (rows.length < PAGE) break;
    from = `(${rows[rows.length - 1]![0]}`;
  }
  return out.reverse();
}

/** Events after `afterId` (a reconnecting page's Last-Event-ID), oldest first, at most `count`. */
export async function eventsAfter(redis: RedisClient, keys: Keys, afterId: string, f: ViewFilter, count: number): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  let from = `(${afterId}`;
  while (out.length < count) {
    const rows = asEntries(await redis.call('XRANGE', [keys.events, from, '+', 'COUNT', PAGE]));
    for (const [id, fields] of rows) {
      const e = readEntry(id, fields);
      if (e && out.length < count && matchesView(e, f)) out.push(e);
    }
    if (rows.length < PAGE) break;
    from = `(${rows[rows.length - 1]![0]}`;
  }
  return out;
}

/** An entry as an event, or null for one that cannot be read (it is skipped, not fatal to the page). */
function readEntry(id: string, fields: string[] | null): StreamEvent | null {
  if (!fields) return null;
  try {
    return parseEntry(id, fields);
  } catch {
    return null;
  }
}

export type Listener = (e: StreamEvent) => void;

/**
 * One blocking reader of `<prefix>:events` for the whole server, however
 * many pages are open: each new entry is handed to every subscriber, which
 * filters for its page. It runs while anyone listens, on a connection of its
 * own (a blocking XREAD holds its connection).
 */
export class LiveEvents {
  private readonly listeners = new Set<Listener>();
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** `onError` is told of the first failure of a run of them, `onRecover` when reads work again. */
    private readonly opts: { blockMs: number; onError?: (err: unknown) => void; onRecover?: (failures: number) => void },
  ) {}

  /** Start listening; returns the function that stops. */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    this.running ??= this.run().finally(() => (this.running = null));
    return () => this.listeners.delete(fn);
  }

  get size(): number {
    return this.listeners.size;
  }

  private async run(): Promise<void> {
    let last: string | null = null;
    let backoff = 200;
    let failures = 0;
    while (!this.closed && this.listeners.size > 0) {
      try {
        last ??= asEntries(await this.redis.call('XREVRANGE', [this.keys.events, '+', '-', 'COUNT', 1]))[0]?.[0] ?? '0-0';
        const rows = asReadReply(await this.redis.call('XREAD', ['COUNT', PAGE, 'BLOCK', this.opts.blockMs, 'STREAMS', this.keys.events, last]));
        for (const [id, fields] of rows) {
          last = id;
          const e = readEntry(id, fields);
          if (e) for (const l of this.listeners) l(e);
        }
        backoff = 200;
        if (failures > 0) this.opts.onRecover?.(failures);
        failures = 0;
      } catch (err) {
        if (this.closed) return;
        if (failures++ === 0) this.opts.onError?.(err);
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  /** Stop reading and close the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.redis.disconnect();
    await this.running?.catch(() => undefined);
  }
}
