import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { QUEUES } from '../keys';
import { pipelineExposition } from '../ops/aggregate';
import { health, redisAnswers, workersReady } from '../ops/health';
import { createHttpServer } from '../ops/http';
import { readReports } from '../ops/reporter';
import { duplicateClient } from '../redis/cluster';
import type { Runtime } from '../runtime/runtime';
import { registerEventRoutes } from './events-api';
import { LiveEvents } from './live';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), 'public');
/** Chart.js's ready-made browser build, served as it ships: nothing for a user to build. */
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

/** Our pages only load what this server serves; titles and evidence come from the web and are set as text, never as markup. */
const PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export interface ServeOptions {
  /** Dashboard without actions (retry, remove, clean …). */
  readOnly?: boolean;
  /** SSE comment interval, ms (default 15 s). */
  heartbeatMs?: number;
}

/**
 * The HTTP server of `newsflow serve` (fastify):
 * - `/` the live events page and `/ticker/:symbol` the timeline of one ticker (static files
 *   in src/serve/public/ over the JSON and SSE endpoints of events-api.ts);
 * - `/queues` the bull-board dashboard over every queue of the keys module;
 * - `/metrics` Prometheus text for the whole pipeline (ops/aggregate.ts);
 * - `/healthz` (Redis answers) and `/readyz` (every queue has a live worker; `?queues=a,b` for some).
 */
export async function buildServer(rt: Runtime, opts: ServeOptions = {}): Promise<{ app: FastifyInstance; live: LiveEvents }> {
  const app = createHttpServer(rt.log.child({ scope: 'serve' }));
  const live = new LiveEvents(duplicateClient(rt.redis, { maxRetriesPerRequest: null }), rt.keys, {
    blockMs: 5000,
    onError: (err) => rt.log.warn({ err }, 'live page stream read failed; retrying'),
    onRecover: (failures) => rt.log.info({ failures }, 'live page stream read restored'),
  });
  app.addHook('onClose', () => live.close());

  const pages = { index: readFileSync(join(PUBLIC, 'index.html'), 'utf8'), ticker: readFileSync(join(PUBLIC, 'ticker.html'), 'utf8') };
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(pages.index));
  app.get('/ticker/:symbol', (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(pages.ticker));
  await app.register(fastifyStatic, { root: PUBLIC, prefix: '/assets/', decorateReply: false, index: false });
  const chartJs = readFileSync(CHART_JS);
  app.get('/assets/vendor/chart.umd.min.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(chartJs));
  registerEventRoutes(app, { redis: rt.redis, keys: rt.keys, live, heartbeatMs: opts.heartbeatMs });

  const board = new FastifyAdapter();
  board.setBasePath('/queues');
  createBullBoard({
    queues: QUEUES.map((q) => new BullMQAdapter(rt.queues[q], { readOnlyMode: opts.readOnly ?? false, displayName: q, description: `BullMQ queue ${rt.keys.queue(q)} under ${rt.keys.bullPrefix}` })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'newsflow' } },
  });
  await app.register(board.registerPlugin(), { prefix: '/queues' });

  app.get('/metrics', async (_req, reply) => {
    const m = await pipelineExposition(rt);
    return reply.type(m.contentType).send(m.text);
  });
  app.get('/healthz', async (_req, reply) => {
    const h = await health(rt.redis);
    return reply.code(h.ok ? 200 : 503).send(h);
  });
  app.get('/readyz', async (req, reply) => {
    const q = (req.query as Record<string, unknown>).queues;
    const wanted = typeof q === 'string' && q.trim() ? q.split(',').map((s) => s.trim()) : QUEUES;
    const unknown = wanted.filter((w) => !(QUEUES as readonly string[]).includes(w));
    if (unknown.length) return reply.code(400).send({ error: `unknown queue ${unknown.join(', ')}; queues: ${QUEUES.join(', ')}` });
    const redisOk = await redisAnswers(rt.redis);
    const r = workersReady(redisOk ? await readReports(rt.redis, rt.keys) : [], redisOk, wanted);
    return reply.code(r.ready ? 200 : 503).send(r);
  });
  return { app, live };
}
