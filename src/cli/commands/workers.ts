import { parseArgs } from 'node:util';
import { loadDefinitions, parseQueueList } from '../../../workers/index';
import { RedisUnavailableError } from '../../errors';
import { pingRedis } from '../../redis/ensure';
import { createRuntime, type Runtime } from '../../runtime/runtime';
import { exitAfter, onShutdownSignal, watchParent } from '../../runtime/signals';
import { startWorkers, type WorkerGroup } from '../../runtime/workers';
import type { Command } from '../command';

/** Beyond the grace, what a stop may take to hand jobs back and close connections before the process ends anyway. */
export const STOP_MARGIN_MS = 2_000;

/** Wait for Redis to answer a PING, up to `waitMs`; false if it never did (or `stopped` says to give up). */
async function waitForRedis(url: string, waitMs: number, stopped: () => boolean): Promise<boolean> {
  const end = Date.now() + waitMs;
  for (let pause = 100; !stopped(); pause = Math.min(pause * 2, 1000)) {
    if (await pingRedis(url, Math.min(1500, Math.max(200, end - Date.now())))) return true;
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
    const { config, log } = ctx;
    let stopReason: string | null = null;
    let rt: Runtime | null = null;
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
      if (!(await waitForRedis(config.redisUrl, config.redisWait, () => stopReason !== null))) {
        if (stopReason) return 0;
        throw new RedisUnavailableError(`no Redis answered at ${config.redisUrl} within ${config.redisWait} ms (NEWSFLOW_REDIS_WAIT); set REDIS_URL or start Redis`);
      }
      const definitions = await loadDefinitions(queues);
      rt = createRuntime(config, log);
      const group: WorkerGroup | null = await Promise.race([startWorkers(rt, definitions), stopped.then(() => null)]);
      if (!group) return 0;
      log.info({ queues, prefix: config.prefix, pid: process.pid }, 'workers started');
      await stopped;
      const { forced, released } = await group.close(config.shutdownGrace);
      log.info({ forced, released, reason: stopReason }, 'workers stopped');
      return 0;
    } finally {
      offSignals();
      offParent();
      const r = rt as Runtime | null;
      // What is left of the margin after a forced stop (FORCED_STOP_MS) for the command connection.
      if (r) await Promise.race([r.close(), new Promise((res) => setTimeout(res, STOP_MARGIN_MS / 4).unref())]);
    }
  },
};
