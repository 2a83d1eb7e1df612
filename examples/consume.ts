/**
 * A downstream program reading tagged events: one member of a consumer group
 * that prints each event and acknowledges it once printed.
 *
 *   npx tsx examples/consume.ts [GROUP] [CONSUMER] [--ticker 2330]
 *
 * Run several copies with different CONSUMER names to share the work; stop
 * one with Ctrl-C (it finishes the event in hand first) or kill it: its
 * unacknowledged events are taken over by the others after
 * NEWSFLOW_CONSUMER_CLAIM_IDLE. Settings come from the environment like every
 * newsflow command (REDIS_URL or REDIS_CLUSTER_NODES, NEWSFLOW_PREFIX,
 * NEWSFLOW_CONSUMER_*).
 */
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { Cluster } from 'ioredis';
import { loadConfig } from '../src/config/index';
import { clusterStartup } from '../src/redis/cluster';
import { consume, matchesTicker, type StreamEvent } from '../src/stream/index';

const { positionals, values } = parseArgs({ args: process.argv.slice(2), options: { ticker: { type: 'string' } }, allowPositionals: true });
const [group = 'example', consumer = `${hostname()}-${process.pid}`] = positionals;
const config = loadConfig();

/** What a real consumer would do: store the event, notify someone, update a model. */
async function handle(event: StreamEvent, deliveries: number): Promise<void> {
  if (values.ticker !== undefined && !matchesTicker(event, values.ticker)) return;
  const { record } = event;
  const types = [...new Set(record.events.map((e) => e.type))].join(',') || '-';
  const retry = deliveries > 1 ? ` (delivery ${deliveries})` : '';
  console.log(`${event.streamId}  ${record.tickers.slice(0, 5).join(',') || '-'}  ${types}  ${record.article.title}${retry}`);
}

// With REDIS_CLUSTER_NODES, a Cluster client (the prefix must then hold a hash tag, e.g. {newsflow}); else a URL, which consume() connects to and closes.
const { nodes, redisOptions } = clusterStartup(config.redisClusterNodes);
const cluster = nodes.length > 0 ? new Cluster(nodes, { redisOptions }) : null;
const consumer$ = consume({
  redis: cluster ?? config.redisUrl,
  prefix: config.prefix,
  group,
  consumer,
  startAt: 'start',
  blockMs: config.consumerBlock,
  count: config.consumerBatch,
  claimIdleMs: config.consumerClaimIdle,
  retryDelayMs: config.consumerRetryDelay,
  maxDeliveries: config.consumerMaxDeliveries,
  lag: { maxLen: config.streamMaxLen, retentionMs: config.retention, margin: config.lagWarnMargin, intervalMs: config.lagCheckInterval },
  logger: { warn: (obj, msg) => console.error(`warning: ${msg}`, obj) },
  handler: (event, ctx) => handle(event, ctx.deliveries),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void consumer$.stop());
console.error(`consuming ${config.prefix}:events as ${group}/${consumer}; Ctrl-C to stop`);
const stats = await consumer$.done;
await cluster?.quit();
console.error(`stopped: ${JSON.stringify(stats)}`);
