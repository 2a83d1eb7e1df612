import { parseArgs } from 'node:util';
import { requireRedis } from '../../redis/cluster';
import { createRuntime } from '../../runtime/runtime';
import { onShutdownSignal } from '../../runtime/signals';
import { buildServer } from '../../serve/app';
import { usageError, type Command } from '../command';

/** `newsflow serve`: the live events page, the queue dashboard, metrics and health over HTTP until SIGTERM/SIGINT. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'HTTP: live events page (/), queue dashboard (/queues), Prometheus metrics (/metrics), /healthz, /readyz',
  usage: 'newsflow serve [--host 127.0.0.1] [--port 8080] [--read-only]',
  async run(argv, ctx) {
    const { values } = parseArgs({ args: argv, options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8080' }, 'read-only': { type: 'boolean' } } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(ctx, this, `--port must be 0-65535, got "${values.port}"`);
    await requireRedis(ctx.config);
    const rt = createRuntime(ctx.config, ctx.log);
    const { app } = await buildServer(rt, { readOnly: values['read-only'] });
    try {
      const url = await app.listen({ host: values.host, port });
      ctx.log.info({ url, prefix: ctx.config.prefix, pid: process.pid }, 'serve listening');
      // For people (and tests): where to point the browser.
      ctx.stderr.write(`newsflow serve: live page ${url}/  dashboard ${url}/queues  metrics ${url}/metrics\n`);
    } catch (err) {
      await app.close();
      await rt.close();
      throw err;
    }
    await new Promise<void>((resolve) => {
      onShutdownSignal(async (signal) => {
        ctx.log.info({ signal }, 'serve stopping');
        await app.close();
        await rt.close();
        resolve();
      });
    });
    return 0;
  },
};
