import { parseArgs } from 'node:util';
import { startMetricsServer } from '../../ops/metrics-server';
import { createRuntime } from '../../runtime/runtime';
import { onShutdownSignal, parseQueueList, startWorkers, type WorkerGroup } from '../../runtime/workers';
import type { Command } from '../command';

/** `newsflow workers [--only analyse,publish]`: run the workers of some or all queues in this process until SIGTERM/SIGINT. */
export const workersCommand: Command = {
  name: 'workers',
  summary: 'run workers for all queues, or --only some of them, until SIGTERM/SIGINT',
  usage: 'newsflow workers [--only ingest:feed,ingest:page,analyse,publish]',
  async run(argv, ctx) {
    const { values } = parseArgs({ args: argv, options: { only: { type: 'string' } } });
    const queues = parseQueueList(values.only);
    const rt = createRuntime(ctx.config, ctx.log);
    const running: { group?: WorkerGroup } = {};
    // First the port (NEWSFLOW_METRICS_PORT), so a port in use stops the command before any job is taken.
    const metrics = ctx.config.metricsPort === null ? null : await startMetricsServer({
      host: ctx.config.metricsHost, port: ctx.config.metricsPort, redis: rt.redis, queues, log: ctx.log.child({ scope: 'metrics' }),
      ready: () => running.group?.workers.every((w) => w.isRunning()) ?? false,
    }).catch(async (err: unknown) => {
      await rt.close();
      throw err;
    });
    if (metrics) ctx.log.info({ url: metrics.url }, 'metrics listening');
    const started = await startWorkers(rt, queues);
    running.group = started;
    ctx.log.info({ queues, prefix: ctx.config.prefix, pid: process.pid }, 'workers started');
    await new Promise<void>((resolve) => {
      onShutdownSignal(async (signal) => {
        ctx.log.info({ signal, graceMs: ctx.config.shutdownGrace }, 'workers stopping');
        const { forced } = await started.close(ctx.config.shutdownGrace);
        await metrics?.close();
        await rt.close();
        ctx.log.info({ forced }, 'workers stopped');
        resolve();
      });
    });
    return 0;
  },
};
