import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Keys } from '../keys';
import { EVENT_TYPES } from '../label/taxonomy';
import type { RedisClient } from '../redis/cluster';
import type { StreamEvent } from '../stream/index';
import { compareStreamIds } from '../stream/index';
import { eventsAfter, recentEvents, type LiveEvents } from './live';
import { matchesView, parseFilter, toView, type ViewFilter } from './view';

const STREAM_ID = /^\d+-\d+$/;

/** A count from the query string, within bounds. */
function countOf(raw: unknown, def: number, max: number): number {
  const n = typeof raw === 'string' ? Number(raw) : def;
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : def;
}

/** The filters of a request, or null after answering 400 with what was wrong. */
function filterOf(query: unknown, reply: FastifyReply): ViewFilter | null {
  try {
    return parseFilter(query as Record<string, unknown>);
  } catch (err) {
    void reply.code(400).send({ error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

/**
 * The JSON and Server-Sent-Events endpoints behind the live page:
 * - `GET /api/meta`: event types for the filter;
 * - `GET /api/events?ticker=&entity=&type=&sentiment=&count=`: the newest matching events, oldest first;
 * - `GET /api/events/stream?…&history=N`: SSE; first the newest N matching events (or, on a
 *   reconnect, those after `Last-Event-ID`), then each new one as it is published (`id:` is the
 *   stream entry id, so the browser resumes where it left off);
 * - `GET /api/tickers/:symbol/events?count=`: one ticker's events for its timeline.
 */
export function registerEventRoutes(app: FastifyInstance, deps: { redis: RedisClient; keys: Keys; live: LiveEvents; heartbeatMs?: number }): void {
  const { redis, keys, live } = deps;
  // Hijacked responses are no longer fastify's: end them ourselves when the server closes.
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/meta', async () => ({ types: EVENT_TYPES, sentiments: ['positive', 'neutral', 'negative'] }));

  app.get('/api/events', async (req, reply) => {
    const f = filterOf(req.query, reply);
    if (!f) return reply;
    const events = await recentEvents(redis, keys, f, countOf((req.query as Record<string, unknown>).count, 50, 500));
    return { events: events.map(toView) };
  });

  app.get<{ Params: { symbol: string } }>('/api/tickers/:symbol/events', async (req) => {
    const symbol = req.params.symbol.toUpperCase();
    const events = (await recentEvents(redis, keys, { ticker: symbol }, countOf((req.query as Record<string, unknown>).count, 500, 2000))).map(toView);
    const named = events.flatMap((e) => e.tickers).find((t) => t.symbol === symbol || t.symbol.split('.')[0] === symbol);
    return { ticker: symbol, name: named?.name ?? null, events };
  });

  app.get('/api/events/stream', async (req, reply) => {
    const f = filterOf(req.query, reply);
    if (!f) return reply;
    const history = countOf((req.query as Record<string, unknown>).history, 50, 500);
    const lastEventId = req.headers['last-event-id'];
    const resumeFrom = typeof lastEventId === 'string' && STREAM_ID.test(lastEventId) ? lastEventId : null;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    let lastSent = resumeFrom ?? '0-0';
    const send = (e: StreamEvent) => {
      if (compareStreamIds(e.streamId, lastSent) <= 0) return;
      lastSent = e.streamId;
      res.write(`id: ${e.streamId}\nevent: event\ndata: ${JSON.stringify(toView(e))}\n\n`);
    };
    // Subscribe before reading the history, holding new events back, so none falls between the two.
    const held: StreamEvent[] = [];
    let caughtUp = false;
    const unsubscribe = live.subscribe((e) => {
      if (!matchesView(e, f)) return;
      if (caughtUp) send(e);
      else held.push(e);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.heartbeatMs ?? 15_000);
    open.add(res);
    const stop = () => {
      unsubscribe();
      clearInterval(heartbeat);
      open.delete(res);
    };
    res.on('close', stop);
    try {
      const past = resumeFrom ? await eventsAfter(redis, keys, resumeFrom, f, 500) : await recentEvents(redis, keys, f, history);
      for (const e of past) send(e);
      for (const e of held) send(e);
      caughtUp = true;
      // Tells the page the history is complete and it now sees events as they come.
      res.write(`event: live\ndata: ${JSON.stringify({ after: lastSent })}\n\n`);
    } catch (err) {
      req.log.warn({ err }, 'live page history read failed');
      res.write(`event: failure\ndata: ${JSON.stringify({ error: 'history read failed; retrying' })}\n\n`);
      stop();
      res.end();
    }
  });
}
