import { parseArgs } from 'node:util';
import { createRuntime } from '../../runtime/runtime';
import { onShutdownSignal, parseQueueList, startWorkers } from '../../runtime/workers';
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
    const group = await startWorkers(rt, queues);
    ctx.log.info({ queues, prefix: ctx.config.prefix, pid: process.pid }, 'workers started');
    await new Promise<void>((resolve) => {
      onShutdownSignal(async (signal) => {
        ctx.log.info({ signal, graceMs: ctx.config.shutdownGrace }, 'workers stopping');
        const { forced } = await group.close(ctx.config.shutdownGrace);
        await rt.close();
        ctx.log.info({ forced }, 'workers stopped');
        resolve();
      });
    });
    return 0;
  },
};
