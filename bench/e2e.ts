import type { RedisClient } from '../src/redis/cluster';
import { enqueueArticles } from '../src/runtime/enqueue';
import type { Runtime } from '../src/runtime/runtime';
import type { Article } from '../src/types';
import { round1 } from './analyse';
import { cpuMsOf, sleep } from './procs';

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
  /**
   * CPU time spent per published article during the phase, by the worker
   * processes, by Redis (INFO cpu) and by this driver; on a shared machine
   * this says more about cost than the wall-clock rate does.
   */
  cpuMsPerArticle: { workers: number; redis: number; driver: number; total: number };
  /** 2 cores' worth of CPU (2,000 ms per second) divided by total CPU ms per article: what two idle cores could do, an estimate. */
  idleTwoCoreEstimatePerSec: number;
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
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /**
   * Which of `latencyMs` are lower bounds: an article not published when
   * the wait ended counts with the time it had waited by then, so a
   * percentile that falls on one says "at least this long".
   */
  atLeast: Array<'p50' | 'p95' | 'p99' | 'max'>;
}

/**
 * Throw away what a phase cut short by its time limit left in the queues,
 * and let running jobs finish (at most `maxMs`), so that the next phase
 * starts on empty queues and measures only its own articles.
 */
export async function clearBacklog(rt: Runtime, maxMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    await rt.queues.analyse.drain(true);
    const active = await rt.queues.analyse.getActiveCount();
    if (active === 0) return;
    await sleep(200);
  }
}

/** Stream entry ids carry the Redis server's clock in ms: the publish time of each article, by article id. */
async function publishTimes(redis: RedisClient, stream: string, wanted: Set<string>): Promise<Map<string, number>> {
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

/** Nearest-rank index of the p-th percentile in a sorted list of `n`. */
function pIndex(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[pIndex(sorted.length, p)]!;
}

/**
 * Enqueue all `articles` at once into running workers and time until every
 * one is published (or dead-lettered), at most `timeoutMs`.
 */
export async function saturation(rt: Runtime, articles: Article[], timeoutMs: number, workerPids: number[]): Promise<Saturation> {
  const base = await count(rt);
  const cpu0 = await cpuNow(rt, workerPids);
  const t0 = Date.now();
  await enqueueArticles(rt, articles);
  const enqueueMs = Date.now() - t0;
  await waitForCount(rt, base, articles.length, timeoutMs);
  const cpu1 = await cpuNow(rt, workerPids);
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
    ...cpuCost(cpu0, cpu1, times.size),
  };
}

interface CpuSample {
  workers: number;
  redis: number;
  driver: number;
}

async function cpuNow(rt: Runtime, pids: number[]): Promise<CpuSample> {
  const info = await rt.redis.info('cpu');
  const sec = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  const d = process.cpuUsage();
  return { workers: pids.reduce((s, p) => s + cpuMsOf(p), 0), redis: (sec('used_cpu_user') + sec('used_cpu_sys')) * 1000, driver: (d.user + d.system) / 1000 };
}

function cpuCost(a: CpuSample, b: CpuSample, n: number): Pick<Saturation, 'cpuMsPerArticle' | 'idleTwoCoreEstimatePerSec'> {
  const per = (k: keyof CpuSample) => Math.round(((b[k] - a[k]) / Math.max(1, n)) * 100) / 100;
  const total = Math.round((per('workers') + per('redis') + per('driver')) * 100) / 100;
  return { cpuMsPerArticle: { workers: per('workers'), redis: per('redis'), driver: per('driver'), total }, idleTwoCoreEstimatePerSec: round1(2000 / Math.max(0.001, total)) };
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
  const waitEnd = Date.now();
  const lat = [...arrival].map(([id, at]) => ({ ms: Math.round(times.has(id) ? times.get(id)! - at : waitEnd - at), exact: times.has(id) })).sort((a, b) => a.ms - b.ms);
  const ms = lat.map((l) => l.ms);
  const at = { p50: pIndex(lat.length, 50), p95: pIndex(lat.length, 95), p99: pIndex(lat.length, 99), max: lat.length - 1 };
  return {
    offeredPerSec: rate,
    durationMs,
    articles: sent,
    published: times.size,
    dead: (await count(rt)) - base - times.size,
    enqueuedPerSec,
    latencyMs: { p50: ms[at.p50] ?? NaN, p95: ms[at.p95] ?? NaN, p99: ms[at.p99] ?? NaN, max: ms[at.max] ?? NaN },
    atLeast: (['p50', 'p95', 'p99', 'max'] as const).filter((k) => lat[at[k]] && !lat[at[k]]!.exact),
  };
}
