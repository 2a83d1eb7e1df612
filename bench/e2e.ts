import type { Redis } from 'ioredis';
import { enqueueArticles } from '../src/runtime/enqueue';
import type { Runtime } from '../src/runtime/runtime';
import type { Article } from '../src/types';
import { round1 } from './analyse';
import { sleep } from './procs';

export interface Saturation {
  articles: number;
  published: number;
  dead: number;
  /** Time `enqueueArticles` took for all of them (the workers run meanwhile). */
  enqueueMs: number;
  /** First enqueue call to last publish. */
  wallMs: number;
  /** articles / wallMs: the conservative figure. */
  articlesPerSec: number;
  /** Between the 10th and the 90th percentile of publish times, once the pipeline is full. */
  steadyArticlesPerSec: number;
}

export interface FixedRate {
  offeredPerSec: number;
  durationMs: number;
  articles: number;
  published: number;
  dead: number;
  /** What the driver actually managed to enqueue per second (it may fall behind on a loaded machine). */
  enqueuedPerSec: number;
  /** Scheduled arrival time → XADD time of the event (stream entry id), in ms. */
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
}

/** Stream entry ids carry the Redis server's clock in ms: the publish time of each article, by article id. */
async function publishTimes(redis: Redis, stream: string, wanted: Set<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let start = '-';
  // Bounded: each round moves past at least one entry, and the stream is finite.
  for (let round = 0; round < 100_000; round++) {
    const batch = await redis.xrange(stream, start, '+', 'COUNT', 2000);
    for (const [id, fields] of batch) {
      const i = fields.indexOf('article');
      const art = i >= 0 ? fields[i + 1] : undefined;
      if (art && wanted.has(art)) out.set(art, Number(id.split('-')[0]));
    }
    if (batch.length < 2000) break;
    start = `(${batch[batch.length - 1]![0]}`;
  }
  return out;
}

/** Wait until the events and dead streams together grew by `n`, polling only their lengths (cheap for Redis). */
async function waitForCount(rt: Runtime, base: number, n: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await count(rt)) - base >= n) return true;
    await sleep(100);
  }
  return false;
}

async function count(rt: Runtime): Promise<number> {
  const [a, b] = await Promise.all([rt.redis.xlen(rt.keys.events), rt.redis.xlen(rt.keys.dead)]);
  return a + b;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Enqueue all `articles` at once into running workers and time until every
 * one is published (or dead-lettered), at most `timeoutMs`.
 */
export async function saturation(rt: Runtime, articles: Article[], timeoutMs: number): Promise<Saturation> {
  const base = await count(rt);
  const t0 = Date.now();
  await enqueueArticles(rt, articles);
  const enqueueMs = Date.now() - t0;
  await waitForCount(rt, base, articles.length, timeoutMs);
  const times = await publishTimes(rt.redis, rt.keys.events, new Set(articles.map((a) => a.id)));
  const sorted = [...times.values()].sort((a, b) => a - b);
  const wallMs = Math.max(1, (sorted[sorted.length - 1] ?? t0) - t0);
  const p10 = percentile(sorted, 10);
  const p90 = percentile(sorted, 90);
  return {
    articles: articles.length,
    published: times.size,
    dead: (await count(rt)) - base - times.size,
    enqueueMs,
    wallMs,
    articlesPerSec: round1((times.size / wallMs) * 1000),
    steadyArticlesPerSec: round1(((0.8 * times.size) / Math.max(1, p90 - p10)) * 1000),
  };
}

/**
 * Offer `rate` articles per second for `durationMs` (open loop: each article
 * has a scheduled arrival time, and a driver that falls behind counts its
 * lateness as latency), then wait at most `drainMs` for the rest.
 */
export async function fixedRate(rt: Runtime, articles: Article[], rate: number, durationMs: number, drainMs: number): Promise<FixedRate> {
  const total = Math.min(articles.length, Math.floor((rate * durationMs) / 1000));
  const base = await count(rt);
  const arrival = new Map<string, number>();
  const t0 = Date.now();
  let sent = 0;
  const stopAt = t0 + durationMs * 3;
  while (sent < total && Date.now() < stopAt) {
    const due = Math.min(total, Math.floor(((Date.now() - t0) * rate) / 1000) + 1);
    if (due > sent) {
      const batch = articles.slice(sent, due);
      batch.forEach((a, i) => arrival.set(a.id, t0 + ((sent + i) * 1000) / rate));
      await enqueueArticles(rt, batch);
      sent = due;
    }
    await sleep(5);
  }
  const enqueuedPerSec = round1((sent / Math.max(1, Date.now() - t0)) * 1000);
  await waitForCount(rt, base, sent, drainMs);
  const times = await publishTimes(rt.redis, rt.keys.events, new Set(arrival.keys()));
  // An article not published in time has no latency to report; it counts as
  // slower than any that was (Infinity, printed as null in JSON).
  const lat = [...arrival].map(([id, at]) => (times.has(id) ? times.get(id)! - at : Infinity)).sort((a, b) => a - b);
  return {
    offeredPerSec: rate,
    durationMs,
    articles: sent,
    published: times.size,
    dead: (await count(rt)) - base - times.size,
    enqueuedPerSec,
    latencyMs: { p50: finite(percentile(lat, 50)), p95: finite(percentile(lat, 95)), p99: finite(percentile(lat, 99)), max: finite(lat[lat.length - 1] ?? NaN) },
  };
}
