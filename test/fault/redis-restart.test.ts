import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { createRuntime } from '../../src/runtime/runtime';
import { newsflow, type Proc } from '../helpers/processes';
import { testConfig, testPrefix } from '../helpers/redis';
import { articleFiles, consumerProcess, figures, killAll, printFigures, privateRedis, runs, waitUntil } from './harness';

/**
 * Redis killed and started again (same append-only file) in the middle of a
 * replay, with real worker and consumer processes attached: they reconnect
 * by themselves, every article is published once, and the consumer handles
 * every entry once. Runs against a private redis-server, never the shared one.
 */
const procs: Proc[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await killAll(procs);
  for (const c of cleanups.reverse()) await c();
});

describe('fault: Redis restart', () => {
  it('workers and consumers resume by themselves; every article is published and consumed once', async () => {
    const redisServer = await privateRedis();
    cleanups.push(() => redisServer.stop());
    const prefix = testPrefix('fault-restart');
    const files = articleFiles(60);
    cleanups.push(files.remove);
    const rt = createRuntime(testConfig(prefix, { REDIS_URL: redisServer.url }), createLogger('silent'));
    cleanups.push(() => rt.close());
    const ids = files.articles.map((a) => a.id);
    const env = { REDIS_URL: redisServer.url, NEWSFLOW_PREFIX: prefix, NEWSFLOW_LOCK_DURATION: '3s', NEWSFLOW_BACKOFF: '200ms', NEWSFLOW_CONCURRENCY_ANALYSE: '2' };

    await rt.redis.call('XGROUP', ['CREATE', rt.keys.events, 'downstream', '0', 'MKSTREAM']);
    const workers = newsflow(['workers'], env);
    procs.push(workers);
    const consumer = consumerProcess({ url: redisServer.url, prefix, group: 'downstream', consumer: 'c1', claimIdleMs: 10_000 });
    procs.push(consumer);
    await workers.waitForLog((l) => l.msg === 'workers started');
    const replay = newsflow(['replay', files.dir], env);
    procs.push(replay);
    expect((await replay.exited).code).toBe(0);

    await waitUntil('a few events published', async () => (await rt.redis.xlen(rt.keys.events)) >= 8, 45_000, 50);
    const entriesAtRestart = await rt.redis.xlen(rt.keys.events);
    const downMs = await redisServer.restart();

    const allPublished = async () => (await rt.redis.mget(ids.map((id) => rt.keys.outcome(id)))).every((o) => o !== null && o.includes('"published"'));
    await waitUntil('every article published after the restart', allPublished, 60_000);
    await waitUntil('every entry consumed', async () => new Set((await runs(rt.redis, prefix, 'done')).map((r) => r.streamId)).size >= ids.length, 30_000);

    const f = await figures(rt.redis, rt.keys, ids);
    const done = await runs(rt.redis, prefix, 'done');
    const perEntry = new Map<string, number>();
    for (const r of done) perEntry.set(r.streamId, (perEntry.get(r.streamId) ?? 0) + 1);
    const consumedTwice = [...perEntry.values()].reduce((s, c) => s + c - 1, 0);
    const workerConnErrors = workers.logs.filter((l) => l.msg === 'redis connection error').length;
    const consumerRetries = consumer.logs.filter((l) => l.msg === 'stream read failed; retrying').length;
    printFigures('Redis restart', f, { entriesAtRestart, downMs, consumed: perEntry.size, consumedTwice, workerConnErrors, consumerRetries });

    expect(entriesAtRestart).toBeLessThan(ids.length);
    expect(workerConnErrors).toBeGreaterThan(0); // the workers did lose their connection
    expect(f).toMatchObject({ articles: 60, entries: 60, lost: 0, duplicated: 0, foreign: 0 });
    expect(perEntry.size).toBe(60);
    expect(consumedTwice).toBe(0);
    // Neither process needed a restart: both are still running.
    expect(workers.child.exitCode).toBeNull();
    expect(consumer.child.exitCode).toBeNull();
  }, 90_000);
});
