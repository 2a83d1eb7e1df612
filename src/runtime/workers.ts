import type { QueueName } from '../keys';
import { startReporter } from '../ops/reporter';
import type { Runtime } from './runtime';
import { startWorker, type RunningWorker, type WorkerDefinition } from './worker';

export interface WorkerGroup {
  queues: QueueName[];
  workers: RunningWorker[];
  /**
   * Stop taking jobs and let running ones finish, for at most `graceMs`;
   * past that, stop anyway: the unfinished jobs are handed back to their
   * queue (due at once, no attempt counted) or, if Redis cannot be reached,
   * keep their place and are taken up again once their lock expires.
   * Resolves `forced` accordingly.
   */
  close(graceMs: number): Promise<{ forced: boolean; released: number }>;
}

/** How long the forced part of a stop may take (hand jobs back, stop threads, drop connections). */
export const FORCED_STOP_MS = 1_000;

const within = <T>(p: Promise<T>, ms: number): Promise<T | undefined> => Promise.race([p, new Promise<undefined>((r) => void setTimeout(() => r(undefined), ms).unref())]);

/**
 * Start one BullMQ worker per definition (the definitions come from
 * `workers/`, which the caller loads: src/runtime does not import it). If
 * one fails to start (a bad dictionary), the ones already started are
 * stopped before the error is thrown.
 */
export async function startWorkers(rt: Runtime, definitions: WorkerDefinition[]): Promise<WorkerGroup> {
  const workers: RunningWorker[] = [];
  try {
    for (const def of definitions) workers.push(await startWorker(def, rt));
  } catch (err) {
    await within(Promise.allSettled(workers.map(async (w) => (await w.worker.close(true), await w.dispose()))), FORCED_STOP_MS);
    throw err;
  }
  // Heartbeat and counters in Redis, for `newsflow serve` and `newsflow status`.
  const queues = definitions.map((d) => d.queue);
  const reporter = startReporter(rt.redis, rt.keys, { queues, ready: () => workers.every((w) => w.worker.isRunning()), intervalMs: rt.config.metricsInterval });
  void reporter.report().catch(() => undefined);
  return {
    queues,
    workers,
    async close(graceMs) {
      const graceful = Promise.allSettled(workers.map((w) => w.worker.close())).then(() => false);
      const forced = (await within(graceful, graceMs)) ?? true;
      let released = 0;
      if (forced) {
        // BullMQ's close(true) after close() only returns the first close's
        // promise, so the forced stop is done here: jobs back to the queue,
        // threads stopped, connections dropped.
        released = (await Promise.all(workers.map((w) => w.release(FORCED_STOP_MS / 2)))).reduce((a, b) => a + b, 0);
        await within(Promise.allSettled(workers.map((w) => w.dispose())), FORCED_STOP_MS / 2);
        for (const w of workers) void w.worker.disconnect().catch(() => {});
      } else {
        await within(Promise.allSettled(workers.map((w) => w.dispose())), FORCED_STOP_MS);
      }
      // The last report says this process stopped; with Redis gone it is simply missed.
      await within(reporter.stop(), FORCED_STOP_MS / 4);
      return { forced, released };
    },
  };
}
