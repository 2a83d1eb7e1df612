import { afterAll, describe, expect, it } from 'vitest';
import { parseArticleText } from '../../src/article';
import { createLogger } from '../../src/logger';
import { enqueueArticles } from '../../src/runtime/enqueue';
import { createRuntime } from '../../src/runtime/runtime';
import { waitForOutcomes } from '../../src/runtime/wait';
import { fixtureArticles, manyArticles } from '../helpers/articles';
import { newsflow, type Proc } from '../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testConfig, testPrefix } from '../helpers/redis';
import { figures, killAll, printFigures, waitUntil } from './harness';

/**
 * A long article (2 million characters, seconds of CPU) beside short ones,
 * in a worker whose job locks last three seconds (issue 17: the analysis
 * blocked the event loop, no lock was renewed, and every job in the process
 * was analysed three times and dead-lettered as stalled). Then SIGTERM while
 * a long analysis runs: the process ends within the grace and the job is
 * handed back, not cut off, and another worker publishes it once.
 */
const prefix = testPrefix('fault-long');
const procs: Proc[] = [];
const rt = createRuntime(testConfig(prefix, { NEWSFLOW_ARTICLE_MAX_CHARS: '2500000' }), createLogger('silent'));
afterAll(async () => {
  await killAll(procs);
  await rt.close();
  await dropPrefix(prefix);
});

// Short, so that the stop is sure to fall in the middle of the second long analysis.
const GRACE_MS = 100;
// Much shorter than the long analysis (8 s or more), long enough that a start-up on a
// loaded 2-core machine does not hold the event loop past it.
const LOCK_MS = 3_000;
const env = {
  REDIS_URL: TEST_REDIS_URL,
  NEWSFLOW_PREFIX: prefix,
  NEWSFLOW_LOCK_DURATION: `${LOCK_MS}ms`,
  NEWSFLOW_SHUTDOWN_GRACE: `${GRACE_MS}ms`,
  NEWSFLOW_ARTICLE_MAX_CHARS: '2500000',
  NEWSFLOW_CONCURRENCY_ANALYSE: '4',
  NEWSFLOW_BACKOFF: '200ms',
};

function longArticle(title: string) {
  const base = fixtureArticles().map((a) => a.body).join('\n');
  return parseArticleText(`---\ntitle: ${title}\nsource: test\n---\n${base.repeat(Math.ceil(2_000_000 / base.length)).slice(0, 2_000_000)}`, title);
}

describe('fault: a long article among short ones', () => {
  it('renews every lock while it runs, dead-letters nothing; SIGTERM during it hands the job back within the grace', async () => {
    const w1 = newsflow(['workers', '--only', 'analyse'], env);
    procs.push(w1);
    await w1.waitForLog((l) => l.msg === 'workers started');

    const long1 = longArticle('長文一');
    const shorts = manyArticles(6);
    const enq = await enqueueArticles(rt, [long1, ...shorts]);
    const outs = await waitForOutcomes(rt, enq, 120_000);
    const jobs = await rt.queues.analyse.getJobs(['completed', 'failed'], 0, -1);
    const stalls = jobs.reduce((n, j) => n + j.stalledCounter, 0);
    const lockErrors = w1.logs.filter((l) => JSON.stringify(l).includes('could not renew lock')).length;
    const longMs = Number(w1.logs.find((l) => l.msg === 'job done' && l.articleId === long1.id)?.durationMs);

    // A second long one, stopped in the middle.
    const long2 = longArticle('長文二');
    const [e2] = await enqueueArticles(rt, [long2]);
    await waitUntil('the second long job to start', async () => (await rt.queues.analyse.getJobState(long2.id)) === 'active', 30_000, 50);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    w1.child.kill('SIGTERM');
    const exit = await w1.exited;
    const exitMs = Date.now() - t0;
    const stateAfterStop = await rt.queues.analyse.getJobState(long2.id);
    const stopped = w1.logs.find((l) => l.msg === 'workers stopped');

    const w2 = newsflow(['workers', '--only', 'analyse'], env);
    procs.push(w2);
    const [o2] = await waitForOutcomes(rt, [e2!], 120_000);
    const f = await figures(rt.redis, rt.keys, [long1, ...shorts, long2].map((a) => a.id));
    const rerun = await rt.queues.analyse.getJob(long2.id);
    printFigures('long article beside short ones', f, { longMs, lockMs: LOCK_MS, stalls, lockErrors, exitMs, graceMs: GRACE_MS, stateAfterStop, released: String(stopped?.released) });

    expect(outs.map((o) => o?.status)).toEqual(enq.map(() => 'published'));
    expect(longMs).toBeGreaterThan(LOCK_MS); // longer than a lock: the case that used to stall
    // No job's lock ran out long enough to be taken for a dead worker's (9 stalls on the code before). A
    // renewal can still come late on a machine loaded many times over (`lockErrors`, printed), but then
    // the stalled check would have counted it here.
    expect(stalls).toBe(0);
    expect(exit.code).toBe(0);
    expect(exitMs).toBeLessThan(GRACE_MS + 5_000);
    expect(stopped).toMatchObject({ forced: true, released: 1 });
    expect(['delayed', 'waiting', 'wait']).toContain(stateAfterStop);
    expect(o2?.status).toBe('published');
    expect(rerun?.stalledCounter).toBe(0);
    expect(f).toMatchObject({ articles: 8, entries: 8, lost: 0, duplicated: 0, foreign: 0 });
    expect(await rt.redis.xlen(rt.keys.dead)).toBe(0);
  }, 240_000);
});
