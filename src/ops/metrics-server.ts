import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { RedisClient } from '../redis/cluster';
import { health, redisAnswers } from './health';
import { createHttpServer } from './http';
import { pipelineMetrics } from './metrics';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `/metrics`, `/healthz` and `/readyz` of one worker process
 * (NEWSFLOW_METRICS_PORT): the process's own counters plus Node's process
 * metrics; healthy while Redis answers; ready while every worker runs.
 */
export async function startMetricsServer(opts: { host: string; port: number; redis: RedisClient; ready: () => boolean; queues: string[]; log: Logger }): Promise<MetricsServer> {
  const processRegistry = new Registry();
  collectDefaultMetrics({ register: processRegistry });
  const app = createHttpServer(opts.log);
  app.get('/metrics', async (_req, reply) => {
    const merged = Registry.merge([pipelineMetrics().registry, processRegistry]);
    return reply.type(merged.contentType).send(await merged.metrics());
  });
  app.get('/healthz', async (_req, reply) => {
    const h = await health(opts.redis);
    return reply.code(h.ok ? 200 : 503).send(h);
  });
  app.get('/readyz', async (_req, reply) => {
    const redisOk = await redisAnswers(opts.redis);
    const running = opts.ready();
    return reply.code(redisOk && running ? 200 : 503).send({ ready: redisOk && running, redis: redisOk ? 'ok' : 'unreachable', workers: running ? 'running' : 'not running', queues: opts.queues });
  });
  const address = await app.listen({ host: opts.host, port: opts.port });
  return { url: address, close: () => app.close() };
}
