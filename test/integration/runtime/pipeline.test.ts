import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger';
import { recordFromFields } from '../../../src/redis/publish';
import { enqueueArticles } from '../../../src/runtime/enqueue';
import { createRuntime, type Runtime } from '../../../src/runtime/runtime';
import type { WorkerGroup } from '../../../src/runtime/workers';
import { waitForOutcomes } from '../../../src/runtime/wait';
import type { Article } from '../../../src/types';
import { fixtureArticles } from '../../helpers/articles';
import { assertValidEvent } from '../../helpers/schema';
import { dropPrefix, testConfig, testPrefix } from '../../helpers/redis';
import { startQueueWorkers } from '../../../workers/index';
import { articleValue } from '../../../src/redis/articles';
import { contentHash } from '../../../src/ids';

const log = createLogger('silent');
let open: Array<{ rt: Runtime; group: WorkerGroup; prefix: string }> = [];

async function pipeline(overrides: Record<string, string> = {}) {
  const prefix = testPrefix('pipe');
  const rt = createRuntime(testConfig(prefix, overrides), log);
  const group = await startQueueWorkers(rt, ['analyse']);
  const p = { rt, group, prefix };
  open.push(p);
  return p;
}

afterEach(async () => {
  for (const { rt, group, prefix } of open) {
    await group.close(5000);
    await rt.close();
    await dropPrefix(prefix);
  }
  open = [];
});

describe('replaying fixtures through the real queues', () => {
  it('publishes exactly one entry per article, and none more on a second replay', async () => {
    const { rt } = await pipeline();
    const articles = fixtureArticles();
    const first = await enqueueArticles(rt, articles);
    const outs = await waitForOutcomes(rt, first, 60_000);
    expect(outs.map((o) => o?.status)).toEqual(articles.map(() => 'published'));
    expect(await rt.redis.xlen(rt.keys.events)).toBe(articles.length);

    const entries = await rt.redis.xrange(rt.keys.events, '-', '+');
    const records = entries.map(([, f]) => recordFromFields(f));
    expect(new Set(records.map((r) => r.article.id))).toEqual(new Set(articles.map((a) => a.id)));
    for (const r of records) assertValidEvent(r);
    // One job per article, and each text let go of once its event is out.
    expect(await rt.queues.analyse.getCompletedCount()).toBe(articles.length);
    expect(await rt.redis.exists(...articles.map((a) => rt.keys.article(a.id)))).toBe(0);

    const second = await enqueueArticles(rt, articles);
    await waitForOutcomes(rt, second, 60_000);
    // Give any job a second replay did start time to reach publish.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await rt.redis.xlen(rt.keys.events)).toBe(articles.length);
  });

  it('a job that runs again after its event was published (a crash before it was marked done) adds nothing', async () => {
    const { rt } = await pipeline();
    const [a] = fixtureArticles();
    const [e] = await enqueueArticles(rt, [a!]);
    const [o] = await waitForOutcomes(rt, [e!], 60_000);
    expect(o?.status).toBe('published');
    // A replay of a published article adds no job at all.
    expect((await enqueueArticles(rt, [a!]))[0]!.added).toBe(false);
    const rerun = async (withText: boolean) => {
      await (await rt.queues.analyse.getJob(a!.id))?.remove();
      if (withText) await rt.redis.set(rt.keys.article(a!.id), articleValue(a!, e!.contentHash), 'PX', 60_000);
      const job = await rt.queues.analyse.add('analyse', { articleId: a!.id, contentHash: e!.contentHash }, { jobId: a!.id });
      await until(async () => (await rt.queues.analyse.getJobState(job.id!)) === 'completed');
      return (await rt.queues.analyse.getJob(job.id!))!.returnvalue;
    };
    // Text still there: analysed again, the script finds the event id published and only lets go of the text.
    expect(await rerun(true)).toEqual({ eventId: o!.eventId, streamId: o!.streamId, added: false });
    expect(await rt.redis.exists(rt.keys.article(a!.id))).toBe(0);
    // Text gone (the publish deleted it): the outcome says what was published.
    expect(await rerun(false)).toEqual({ eventId: o!.eventId, streamId: o!.streamId, added: false });
    expect(await rt.redis.xlen(rt.keys.events)).toBe(1);
    expect(await rt.redis.xlen(rt.keys.dead)).toBe(0);
  });

  it('enqueues an article given twice in one call once', async () => {
    const { rt } = await pipeline();
    const [a, b] = fixtureArticles();
    const enq = await enqueueArticles(rt, [a!, b!, a!]);
    expect(enq.map((e) => [e.articleId, e.added])).toEqual([[a!.id, true], [b!.id, true], [a!.id, false]]);
    const outs = await waitForOutcomes(rt, enq, 60_000);
    expect(outs.every((o) => o?.status === 'published')).toBe(true);
    expect(await rt.redis.xlen(rt.keys.events)).toBe(2);
  });

  it('dead-letters a job whose stage throws a permanent error, and publishes the others', async () => {
    const { rt } = await pipeline();
    const good = fixtureArticles().slice(0, 3);
    const bad: Article = { id: 'art_emptyemptyempty0001', url: null, source: 'test', title: '', body: '   ', publishedAt: null, fetchedAt: null };
    const enq = await enqueueArticles(rt, [good[0]!, bad, ...good.slice(1)]);
    const outs = await waitForOutcomes(rt, enq, 60_000);
    expect(outs.map((o) => o?.status)).toEqual(['published', 'dead', 'published', 'published']);
    expect(await rt.redis.xlen(rt.keys.events)).toBe(3);

    const dead = await rt.redis.xrange(rt.keys.dead, '-', '+');
    expect(dead).toHaveLength(1);
    const fields = Object.fromEntries(chunk(dead[0]![1]));
    expect(fields.article).toBe(bad.id);
    expect(fields.queue).toBe('analyse');
    expect(fields.error).toBe('BadInputError');
    expect(fields.reason).toMatch(/neither title nor body/);
    expect(fields.attempts).toBe('1'); // permanent: not retried
  });

  it('retries a failing job with backoff and dead-letters it after the configured attempts', async () => {
    const { rt } = await pipeline({ NEWSFLOW_ATTEMPTS: '3', NEWSFLOW_BACKOFF: '50ms' });
    // Make every publish fail with a retryable error: the stream key holds a
    // string, so the script answers WRONGTYPE (before writing anything).
    await rt.redis.set(rt.keys.events, 'not a stream');
    const [a] = fixtureArticles();
    const [e] = await enqueueArticles(rt, [a!]);
    const [o] = await waitForOutcomes(rt, [e!], 60_000);
    expect(o?.status).toBe('dead');
    expect(o?.stage).toBe('analyse');
    const dead = await rt.redis.xrange(rt.keys.dead, '-', '+');
    const fields = Object.fromEntries(chunk(dead[0]![1]));
    expect(fields.attempts).toBe('3');
    expect(fields.reason).toMatch(/WRONGTYPE/);
  });
});

describe('article size limit', () => {
  it('dead-letters an article over NEWSFLOW_ARTICLE_MAX_CHARS with ArticleTooLargeError, and publishes the ones beside it', async () => {
    const { rt } = await pipeline({ NEWSFLOW_ARTICLE_MAX_CHARS: '20000' });
    const small = fixtureArticles().slice(0, 2);
    const big: Article = { ...small[0]!, id: 'art_bigbigbigbigbigbig01', title: '大文章', body: small[0]!.body.repeat(8).slice(0, 25_000) };
    const enq = await enqueueArticles(rt, [small[0]!, big, small[1]!]);
    expect(enq[1]!.refused).toMatch(/25,003 characters.*limit is 20,000 \(NEWSFLOW_ARTICLE_MAX_CHARS\)/);
    // Also when the text reaches the worker some other way: the stage refuses it there.
    const big2: Article = { ...big, id: 'art_bigbigbigbigbigbig02' };
    const hash2 = contentHash(big2.title, big2.body);
    await rt.redis.set(rt.keys.article(big2.id), articleValue(big2, hash2), 'PX', 60_000);
    await rt.queues.analyse.add('analyse', { articleId: big2.id, contentHash: hash2 }, { jobId: big2.id });
    const outs = await waitForOutcomes(rt, [...enq, { articleId: big2.id, contentHash: hash2, added: true }], 60_000);
    expect(outs.map((o) => o?.status)).toEqual(['published', 'dead', 'published', 'dead']);
    expect(outs[1]?.code).toBe('E_ARTICLE_TOO_LARGE');
    const dead = (await rt.redis.xrange(rt.keys.dead, '-', '+')).map(([, f]) => Object.fromEntries(chunk(f)));
    expect(dead.map((d) => [d.article, d.error])).toEqual([[big.id, 'ArticleTooLargeError'], [big2.id, 'ArticleTooLargeError']]);
    expect(await rt.redis.exists(rt.keys.article(big.id))).toBe(0); // refused texts are not stored
    expect(await rt.redis.xlen(rt.keys.events)).toBe(2);
  });
});

async function until(cond: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('retention', () => {
  it('trims stream entries older than the retention, and keeps recent ones', async () => {
    const prefix = testPrefix('retain');
    const rt = createRuntime(testConfig(prefix, { NEWSFLOW_RETENTION: '1h' }), log);
    try {
      const old = Date.now() - 2 * 3_600_000;
      // An entry from two hours ago, then enough of them to fill a stream node so `~` can drop it.
      for (let i = 0; i < 150; i++) await rt.redis.xadd(rt.keys.events, `${old}-${i}`, 'id', `evt_old${i}`);
      const [a] = fixtureArticles();
      const { publishEvent } = await import('../../../src/redis/publish');
      const { loadNlp } = await import('../../../src/runtime/nlp');
      const { analyse } = await import('../../../src/stages/analyse');
      const { noNovelty } = await import('../../../src/label/index');
      const { nlp, dictionaryVersion } = loadNlp(rt.config);
      const record = await analyse(a!, { nlp, dictionaryVersion, novelty: noNovelty });
      const res = await publishEvent(rt.redis, rt.keys, record, { maxLen: 1_000_000, retentionMs: rt.config.retention });
      expect(res.added).toBe(true);
      const left = await rt.redis.xrange(rt.keys.events, '-', '+');
      expect(left.map(([id]) => id)).toEqual([res.streamId]);
    } finally {
      await rt.close();
      await dropPrefix(prefix);
    }
  });
});

function chunk(fields: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < fields.length; i += 2) out.push([fields[i]!, fields[i + 1]!]);
  return out;
}
