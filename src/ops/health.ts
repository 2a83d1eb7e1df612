import type { RedisClient } from '../redis/cluster';
import { QUEUES } from '../keys';
import { liveWorkers, type ProcessReport } from './reporter';

/** Does Redis answer a PING within `timeoutMs`? Never throws. */
export async function redisAnswers(redis: RedisClient, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    return await Promise.race([redis.ping().then((p) => p === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The body of `/healthz`: the process answers, and whether Redis does. */
export async function health(redis: RedisClient): Promise<{ ok: boolean; redis: 'ok' | 'unreachable' }> {
  const ok = await redisAnswers(redis);
  return { ok, redis: ok ? 'ok' : 'unreachable' };
}

/**
 * The body of `newsflow serve`'s `/readyz`: ready when Redis answers and
 * every wanted queue (all of them by default) has a live, ready worker
 * process, from the workers' reports.
 */
export function workersReady(reports: ProcessReport[], redisOk: boolean, wanted: readonly string[] = QUEUES, now = Date.now()): { ready: boolean; redis: 'ok' | 'unreachable'; workers: Record<string, number>; missing: string[] } {
  const workers = liveWorkers(reports, wanted, now);
  const missing = wanted.filter((q) => (workers[q] ?? 0) === 0);
  return { ready: redisOk && missing.length === 0, redis: redisOk ? 'ok' : 'unreachable', workers, missing };
}
