import { parseArgs } from 'node:util';
import { loadDefinitions, parseQueueList } from '../../../workers/index';
import { RedisUnavailableError } from '../../errors';
import { startMetricsServer } from '../../ops/metrics-server';
import { assertClusterPrefix, describeTarget, pingClient, usesCluster } from '../../redis/cluster';
import { leanYoungGeneration } from '../../runtime/heap';
import { createRuntime, type Runtime } from '../../runtime/runtime';
import { exitAfter, onShutdownSignal, watchParent } from '../../runtime/signals';
import { startWorkers, type WorkerGroup } from '../../runtime/workers';
import type { Command } from '../command';

/** Beyond the grace, what a stop may take to hand jobs back and close connections before the process ends anyway. */
export const STOP_MARGIN_MS = 2_000;

/** Wait for Redis (or the cluster) to answer a PING, up to `waitMs`; false if it never did (or `stopped` says to give up). */
async function waitForRedis(config: Parameters<typeof pingClient>[0], waitMs: number, stopped: () => boolean): Promise<boolean> {
  const end = Date.now() + waitMs;
  for (let pause = 100; !stopped(); pause = Math.min(pause * 2, 1000)) {
    if (await pingClient(config, Math.min(1500, Math.max(200, end - Date.now())))) return true;
    if (Date.now() + pause > end) return false;
    await new Promise((r) => setTimeout(r, pause));
  }
  return false;
}

/**
 * `newsflow workers [--only analyse,ingest:page]`: run the workers of some or
 * all queues in this process until SIGTERM/SIGINT, or until its parent
 * process dies. Start-up problems (bad config, bad dictionary, no Redis
 * within NEWSFLOW_REDIS_WAIT) end it with one line and a non-zero code. A
 * stop ends the process within NEWSFLOW_SHUTDOWN_GRACE plus a small margin
 * in every state; jobs still running then are left for retry.
 */
export const workersCommand: Command = {
  name: 'workers',
  summary: 'run workers for all queues, or --only some of them, until SIGTERM/SIGINT',
  usage: 'newsflow workers [--only ingest:feed,ingest:page,analyse]',
  async run(argv, ctx) {
    const { values } = parseArgs({ args: argv, options: { only: { type: 'string' } } });
    const queues = parseQueueList(values.only);
    leanYoungGeneration();
    const { config, log } = ctx;
    let stopReason: string | null = null;
    let rt: Runtime | null = null;
    let metrics: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
    let wake: () => void = () => {};
    const stopped = new Promise<void>((r) => (wake = r));
    const stop = (reason: string) => {
      if (stopReason) return;
      stopReason = reason;
      log.info({ reason, graceMs: config.shutdownGrace }, 'workers stopping');
      // Whatever happens below, the process ends within the grace and the margin.
      exitAfter(config.shutdownGrace + STOP_MARGIN_MS, 0, () => log.warn({ reason }, 'workers stopped by the deadline'));
      wake();
    };
    const offSignals = onShutdownSignal((signal) => stop(signal));
    const offParent = watchParent((parent) => stop(`parent process ${parent} exited`));
    try {
      if (usesCluster(config)) assertClusterPrefix(config.prefix);
      if (!(await waitForRedis(config, config.redisWait, () => stopReason !== null))) {
        if (stopReason) return 0;
        throw new RedisUnavailableError(`no Redis answered at ${describeTarget(config)} within ${config.redisWait} ms (NEWSFLOW_REDIS_WAIT); set REDIS_URL or start Redis`);
      }
      const definitions = await loadDefinitions(queues);
      rt = createRuntime(config, log);
      const running: { group?: WorkerGroup | null } = {};
      // First the port (NEWSFLOW_METRICS_PORT), so a port in use stops the command before any job is taken.
      metrics = config.metricsPort === null ? null : await startMetricsServer({
        host: config.metricsHost, port: config.metricsPort, redis: rt.redis, queues, log: log.child({ scope: 'metrics' }),
        ready: () => running.group?.workers.every((w) => w.worker.isRunning()) ?? false,
      });
      if (metrics) log.info({ url: metrics.url }, 'metrics listening');
      const group = (running.group = await Promise.race([startWorkers(rt, definitions), stopped.then(() => null)]));
      if (!group) return 0;
      log.info({ queues, prefix: config.prefix, pid: process.pid }, 'workers started');
      await stopped;
      const { forced, released } = await group.close(config.shutdownGrace);
      log.info({ forced, released, reason: stopReason }, 'workers stopped');
      return 0;
    } finally {
      offSignals();
      offParent();
      const m = metrics as { close(): Promise<void> } | null;
      if (m) await Promise.race([m.close(), new Promise((res) => setTimeout(res, STOP_MARGIN_MS / 4).unref())]);
      const r = rt as Runtime | null;
      // What is left of the margin after a forced stop (FORCED_STOP_MS) for the command connection.
      if (r) await Promise.race([r.close(), new Promise((res) => setTimeout(res, STOP_MARGIN_MS / 4).unref())]);
    }
  },
};
