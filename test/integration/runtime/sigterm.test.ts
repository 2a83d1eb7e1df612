import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger';
import { recordFromFields } from '../../../src/redis/publish';
import { enqueueArticles } from '../../../src/runtime/enqueue';
import { createRuntime } from '../../../src/runtime/runtime';
import { waitForOutcomes } from '../../../src/runtime/wait';
import { manyArticles } from '../../helpers/articles';
import { newsflow, type Proc } from '../../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testConfig, testPrefix } from '../../helpers/redis';

const prefix = testPrefix('sigterm');
const procs: Proc[] = [];
afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await dropPrefix(prefix);
});

describe('SIGTERM in the middle of a replay', () => {
  it('stops the worker gracefully and loses no article: after a restart every article has exactly one event', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, NEWSFLOW_PREFIX: prefix, NEWSFLOW_CONCURRENCY_ANALYSE: '1', NEWSFLOW_SHUTDOWN_GRACE: '15s', NEWSFLOW_LOCK_DURATION: '3s' };
    const rt = createRuntime(testConfig(prefix), createLogger('silent'));
    try {
      const articles = manyArticles(120);
      const enq = await enqueueArticles(rt, articles);

      const first = newsflow(['workers'], env);
      procs.push(first);
      await first.waitForLog((l) => l.msg === 'workers started');
      // Mid-replay: a few articles done, most still waiting.
      await first.waitForLog(() => first.logs.filter((l) => l.msg === 'job done' && l.queue === 'analyse').length >= 5);
      first.child.kill('SIGTERM');
      const exit = await first.exited;
      expect(exit.code).toBe(0);
      expect(first.logs.some((l) => l.msg === 'workers stopped' && l.forced === false)).toBe(true);
      const before = await rt.redis.xlen(rt.keys.events);
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(articles.length);

      const second = newsflow(['workers'], env);
      procs.push(second);
      const outs = await waitForOutcomes(rt, enq, 120_000);
      second.child.kill('SIGTERM');
      await second.exited;

      const published = outs.filter((o) => o?.status === 'published').length;
      const entries = await rt.redis.xrange(rt.keys.events, '-', '+');
      const ids = entries.map(([, f]) => recordFromFields(f).article.id);
      console.log(`sigterm: articles=${articles.length} published-before-restart=${before} entries=${entries.length} lost=${articles.length - published} duplicated=${ids.length - new Set(ids).size}`);
      expect(published).toBe(articles.length);
      expect(entries).toHaveLength(articles.length);
      expect(new Set(ids).size).toBe(articles.length);
    } finally {
      await rt.close();
    }
  }, 180_000);
});
