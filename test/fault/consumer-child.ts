/**
 * A consumer process for the fault tests: one member of a consumer group that
 * records each handler run in Redis (under the test prefix) and can be made
 * slow on its first event, so that a test can kill it in the middle of a
 * handler.
 *
 *   node --import tsx test/fault/consumer-child.ts URL PREFIX GROUP CONSUMER SLOW_FIRST_MS CLAIM_IDLE_MS
 *
 * Each run adds `<streamId>|<consumer>|<deliveries>|<run id>` to the set
 * `<prefix>:fault:started` when it begins and to `<prefix>:fault:done` when it
 * ends. Sets, and a fresh run id per run, keep a command resent after a lost
 * connection from counting as a second run.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { consume } from '../../src/stream/index';

const [url, prefix, group, consumer, slowFirst, claimIdle] = process.argv.slice(2);
if (!url || !prefix || !group || !consumer) throw new Error('usage: consumer-child.ts URL PREFIX GROUP CONSUMER SLOW_FIRST_MS CLAIM_IDLE_MS');
const redis = new Redis(url, { maxRetriesPerRequest: null });
redis.on('error', () => undefined);
let first = true;

const handle = consume({
  redis,
  prefix,
  group,
  consumer,
  count: 5,
  blockMs: 500,
  claimIdleMs: Number(claimIdle ?? 1000),
  retryDelayMs: 200,
  logger: { warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ msg, ...obj })}\n`) },
  handler: async (event, ctx) => {
    const run = `${event.streamId}|${consumer}|${ctx.deliveries}|${randomUUID()}`;
    await redis.sadd(`${prefix}:fault:started`, run);
    const ms = first ? Number(slowFirst ?? 0) : 10;
    first = false;
    await new Promise((r) => setTimeout(r, ms));
    await redis.sadd(`${prefix}:fault:done`, run);
  },
});

process.stdout.write('consumer ready\n');
process.once('SIGTERM', () => void handle.stop());
await handle.done;
redis.disconnect();
