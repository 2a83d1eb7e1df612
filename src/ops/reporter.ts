import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { Keys } from '../keys';
import type { RedisClient } from '../redis/cluster';
import { pipelineMetrics } from './metrics';

/**
 * What a worker process writes to Redis every NEWSFLOW_METRICS_INTERVAL: a
 * heartbeat (which queues it works, whether its workers run) and a copy of
 * its counters. `newsflow serve` and `newsflow status` read these, so they
 * see every worker process on every machine through Redis alone.
 */
export interface ProcessReport {
  id: string;
  host: string;
  pid: number;
  queues: string[];
  startedAt: number;
  /** Time of this report (ms). */
  at: number;
  intervalMs: number;
  /** Every worker of the process is running. */
  ready: boolean;
  /** The last report of a process that stopped. */
  stopped: boolean;
  metrics: Array<MetricObjectWithValues<MetricValue<string>>>;
}

/**
 * How long the last report of a process is kept. Its counters stay in the
 * totals that long after it stopped, so totals do not drop (which Prometheus
 * would read as a counter reset) each time a worker restarts.
 */
export const REPORT_KEEP_MS = 24 * 3_600_000;

/** A report counts as live for this many intervals after it was written. */
const LIVE_INTERVALS = 3;

export const isLive = (r: ProcessReport, now = Date.now()) => !r.stopped && now - r.at <= LIVE_INTERVALS * r.intervalMs;

export interface Reporter {
  id: string;
  /** Write one report now (also done every interval). */
  report(): Promise<void>;
  /** Write a last report marked stopped and stop reporting. */
  stop(): Promise<void>;
}

/** Report this process's workers and counters every `intervalMs` until `stop()`. */
export function startReporter(redis: RedisClient, keys: Keys, opts: { queues: string[]; ready: () => boolean; intervalMs: number }): Reporter {
  const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const startedAt = Date.now();
  let stopped = false;
  const write = async (final: boolean) => {
    const now = Date.now();
    const r: ProcessReport = {
      id, host: hostname(), pid: process.pid, queues: opts.queues, startedAt, at: now, intervalMs: opts.intervalMs,
      ready: !final && opts.ready(), stopped: final, metrics: await pipelineMetrics().registry.getMetricsAsJSON(),
    };
    await redis
      .multi()
      .set(keys.process(id), JSON.stringify(r), 'PX', REPORT_KEEP_MS)
      .zadd(keys.processes, now, id)
      .zremrangebyscore(keys.processes, '-inf', now - REPORT_KEEP_MS)
      .exec();
  };
  // A report that fails (Redis away) is simply missed: the next one carries the same totals.
  const timer = setInterval(() => void write(false).catch(() => undefined), opts.intervalMs);
  timer.unref();
  return {
    id,
    report: () => write(false),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await write(true).catch(() => undefined);
    },
  };
}

/** Every report kept (live or not), newest first. */
export async function readReports(redis: RedisClient, keys: Keys, now = Date.now()): Promise<ProcessReport[]> {
  const ids = await redis.zrangebyscore(keys.processes, now - REPORT_KEEP_MS, '+inf');
  if (ids.length === 0) return [];
  const raw = await redis.mget(ids.map((id) => keys.process(id)));
  return raw
    .filter((r): r is string => r !== null)
    .map((r) => JSON.parse(r) as ProcessReport)
    .sort((a, b) => b.at - a.at);
}

/** Live worker processes per queue. */
export function liveWorkers(reports: ProcessReport[], queues: readonly string[], now = Date.now()): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(queues.map((q) => [q, 0]));
  for (const r of reports) if (isLive(r, now) && r.ready) for (const q of r.queues) if (q in out) out[q]!++;
  return out;
}
