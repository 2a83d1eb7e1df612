import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { enqueueArticles } from '../../src/runtime/enqueue';
import { createRuntime } from '../../src/runtime/runtime';
import { waitForOutcomes } from '../../src/runtime/wait';
import type { Article } from '../../src/types';
import { manyArticles } from '../helpers/articles';
import { newsflow, type Proc } from '../helpers/processes';
import { testConfig, testPrefix } from '../helpers/redis';
import { figures, killAll, printFigures, privateRedis } from './harness';

/**
 * Redis full (`maxmemory`, noeviction) in the middle of a replay (issue 17:
 * 499 jobs failed for good in 70 s, the dead-letter writes failed too, and
 * events were lost for good). A private redis-server is filled to its limit,
 * then memory is given back in small pieces for a while, so that writes
 * sometimes pass and mostly fail, as on a Redis that hovers at its limit;
 * then it is freed. Every good article ends with exactly one stream entry;
 * the one bad article with exactly one dead letter.
 */
const procs: Proc[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await killAll(procs);
  for (const c of cleanups.reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fault: Redis out of memory', () => {
  it('OOM replies delay jobs, never fail them; after memory is freed every article has exactly one outcome', async () => {
    const server = await privateRedis({ persist: false });
    cleanups.push(() => server.stop());
    const prefix = testPrefix('fault-oom');
    const rt = createRuntime(testConfig(prefix, { REDIS_URL: server.url }), createLogger('silent'));
    cleanups.push(() => rt.close());
    const env = { REDIS_URL: server.url, NEWSFLOW_PREFIX: prefix, NEWSFLOW_BACKOFF: '100ms', NEWSFLOW_LOCK_DURATION: '5s', NEWSFLOW_CONCURRENCY_ANALYSE: '4' };
    const worker = newsflow(['workers', '--only', 'analyse'], env);
    procs.push(worker);
    await worker.waitForLog((l) => l.msg === 'workers started');

    const good = manyArticles(30);
    const bad: Article = { id: 'art_oomemptyarticle0001', url: null, source: 'test', title: '', body: ' ', publishedAt: null, fetchedAt: null };
    // Ballast to give back later, then a limit just above what is used now.
    const ballast = Array.from({ length: 250 }, (_, i) => `${prefix}:ballast:${i}`);
    for (const k of ballast) await rt.redis.set(k, 'x'.repeat(16_384));
    const enq = await enqueueArticles(rt, [...good.slice(0, 15), bad, ...good.slice(15)]);
    const used = Number(/used_memory:(\d+)/.exec(await rt.redis.info('memory'))![1]);
    await rt.redis.config('SET', 'maxmemory', String(used + 128 * 1024));

    // Hovering at the limit: a little memory back every 200 ms, for 8 s.
    const t0 = Date.now();
    let freed = 0;
    while (Date.now() - t0 < 8_000) {
      await sleep(200);
      await rt.redis.del(ballast[freed++]!);
    }
    const publishedWhileFull = await rt.redis.xlen(rt.keys.events);
    // Memory freed.
    await rt.redis.del(...ballast.slice(freed));
    const outs = await waitForOutcomes(rt, enq, 90_000);

    const f = await figures(rt.redis, rt.keys, good.map((a) => a.id));
    const oomReplies = Number(/errorstat_OOM:count=(\d+)/.exec(await rt.redis.info('errorstats'))?.[1] ?? 0);
    const delayedLines = worker.logs.filter((l) => l.msg === 'redis out of memory; jobs delayed, not failed');
    const delayed = delayedLines.reduce((n, l) => n + Number(l.count), 0);
    const dead = await rt.redis.xrange(rt.keys.dead, '-', '+');
    const failedForGood = await rt.queues.analyse.getFailedCount();
    printFigures('Redis out of memory', f, { oomReplies, jobsDelayedForOom: delayed, publishedWhileFull, deadLetters: dead.length, failedJobs: failedForGood });

    expect(oomReplies).toBeGreaterThan(20); // Redis did refuse writes, many times
    expect(delayed).toBeGreaterThan(0); // and the worker met that in its jobs
    expect(publishedWhileFull).toBeLessThan(good.length);
    expect(f).toMatchObject({ articles: 30, entries: 30, lost: 0, duplicated: 0, foreign: 0 });
    expect(outs.map((o) => o?.status)).toEqual(enq.map((e) => (e.articleId === bad.id ? 'dead' : 'published')));
    // The bad article's dead letter was written once, whatever the writes it met.
    expect(dead.map(([, fields]) => fields[fields.indexOf('article') + 1])).toEqual([bad.id]);
    expect(failedForGood).toBe(1);
    expect(worker.child.exitCode).toBeNull();
  }, 180_000);
});
