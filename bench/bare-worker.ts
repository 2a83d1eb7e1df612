import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The baseline of the end-to-end target (issue 15): a bare BullMQ worker on
 * one queue whose processor does nothing, run as a process of its own like
 * `newsflow workers`. Environment: REDIS_URL, BARE_PREFIX, BARE_QUEUE,
 * BARE_CONCURRENCY. Prints `ready` when it is listening; stops on SIGTERM.
 */
const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const worker = new Worker(process.env.BARE_QUEUE ?? 'bare', async () => undefined, {
  connection,
  prefix: process.env.BARE_PREFIX ?? 'bench-bare',
  concurrency: Number(process.env.BARE_CONCURRENCY ?? 16),
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().then(() => {
    connection.disconnect();
    process.exit(0);
  });
});
