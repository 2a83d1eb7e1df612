import type { Worker } from 'bullmq';
import { ConfigError } from '../errors';
import { QUEUES, type QueueName } from '../keys';
import { workerDefinitions } from '../../workers/index';
import { startReporter } from '../ops/reporter';
import type { Runtime } from './runtime';
import { startWorker } from './worker';

export interface WorkerGroup {
  queues: QueueName[];
  workers: Worker[];
  /**
   * Stop taking jobs and let running ones finish, for at most `graceMs`;
   * past that, stop anyway: the unfinished jobs keep their place in Redis and
   * are taken up again after the lock expires. Resolves `forced` accordingly.
   */
  close(graceMs: number): Promise<{ forced: boolean }>;
}

/** Parse `--only analyse,publish` into queue names, naming any unknown one. */
export function parseQueueList(spec: string | undefined): QueueName[] {
  const available = QUEUES.filter((q) => workerDefinitions[q]);
  if (!spec) return available;
  const wanted = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((w) => !available.includes(w as QueueName));
  if (bad.length) throw new ConfigError(`unknown queue ${bad.map((b) => `"${b}"`).join(', ')}; available: ${available.join(', ')}`);
  return wanted as QueueName[];
}

export async function startWorkers(rt: Runtime, queues: QueueName[]): Promise<WorkerGroup> {
  const workers: Worker[] = [];
  for (const q of queues) {
    const def = workerDefinitions[q];
    if (!def) throw new ConfigError(`no worker for queue ${q}`);
    workers.push(await startWorker(def, rt));
  }
  // Heartbeat and counters in Redis, for `newsflow serve` and `newsflow status`.
  const reporter = startReporter(rt.redis, rt.keys, { queues, ready: () => workers.every((w) => w.isRunning()), intervalMs: rt.config.metricsInterval });
  void reporter.report().catch(() => undefined);
  return {
    queues,
    workers,
    async close(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => false);
      const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs)));
      const forced = await Promise.race([graceful, timeout]);
      clearTimeout(timer);
      if (forced) await Promise.allSettled(workers.map((w) => w.close(true)));
      await reporter.stop();
      return { forced };
    },
  };
}

/** Run `stop` once on the first SIGTERM or SIGINT; a second signal exits at once. */
export function onShutdownSignal(stop: (signal: string) => Promise<void>): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    void stop(signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
