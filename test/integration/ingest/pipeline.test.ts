import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedParseError, FetchTimeoutError } from '../../../src/errors';
import { fetcherFromConfig } from '../../../src/ingest/setup';
import { ingestFeedOnce } from '../../../src/ingest/once';
import { processFeed, type FeedDeps } from '../../../src/ingest/process';
import { createLogger } from '../../../src/logger';
import { loadArticle } from '../../../src/redis/articles';
import { addFeed, enqueuePages, listFeeds, redisSeenItems, removeFeed, schedulerId } from '../../../src/redis/feeds';
import { redisValidatorCache } from '../../../src/redis/http-cache';
import { enqueueArticles } from '../../../src/runtime/enqueue';
import { createRuntime, type Runtime } from '../../../src/runtime/runtime';
import { startQueueWorkers } from '../../../workers/index';
import { articleIdForUrl } from '../../../src/ingest/url';
import { startFixtureServer, type FixtureServer } from '../../helpers/http-server';
import { dropPrefix, testConfig, testPrefix } from '../../helpers/redis';

const log = createLogger('silent');
let server: FixtureServer;
const open: Array<{ rt: Runtime; prefix: string; close: () => Promise<void> }> = [];

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.close();
    await o.rt.close();
    await dropPrefix(o.prefix);
  }
});

/** A runtime under its own prefix whose fetcher may reach the fixture server (and nothing else private). */
function setup() {
  const prefix = testPrefix('ingest');
  const config = testConfig(prefix, { NEWSFLOW_FETCH_ALLOW: '127.0.0.1', NEWSFLOW_FETCH_HOST_INTERVAL: '0', NEWSFLOW_FETCH_HOST_CONCURRENCY: '8', NEWSFLOW_FETCH_TIMEOUT: '3s', NEWSFLOW_FETCH_MAX_BYTES: '1048576' });
  const rt = createRuntime(config, log);
  const fetcher = fetcherFromConfig(config);
  open.push({ rt, prefix, close: () => fetcher.close() });
  const deps: FeedDeps = {
    fetcher,
    validators: redisValidatorCache(rt.redis, rt.keys, 60_000),
    seen: redisSeenItems(rt.redis, rt.keys, 60_000),
    fullTextMinChars: config.feedFullTextMinChars,
    enqueueArticles: async (a) => void (await enqueueArticles(rt, a)),
    enqueuePages: (p) => enqueuePages(rt.queues['ingest:page'], p),
  };
  return { rt, deps, open: open.at(-1)! };
}

const idOf = (path: string) => articleIdForUrl(server.url(path)).id;

describe('ingest:feed stage against Redis and the fixture server', () => {
  it('enqueues each new item once: full text to analyse, the rest to ingest:page; then 304; then nothing new', async () => {
    const { rt, deps } = setup();
    const url = server.url('/feeds/rss-utf8.xml');
    const first = await processFeed({ url, name: 'testnews' }, deps);
    expect(first).toMatchObject({ notModified: false, items: 3, new: 3, fullText: 1, pages: 2 });

    const fullId = idOf('/full-text-only/openai-foxconn.html');
    const stored = await loadArticle(rt.redis, rt.keys, fullId);
    expect(stored.source).toBe('testnews');
    expect(stored.body).toContain('鴻海（2317）董事長劉揚偉表示');
    expect(await rt.queues.analyse.getJob(fullId)).toBeTruthy();
    const pageIds = ['/pages/p000-utf8.html', '/pages/p004-utf8.html'].map(idOf);
    for (const id of pageIds) expect((await rt.queues['ingest:page'].getJob(id))?.data.articleId).toBe(id);
    expect(await rt.queues['ingest:page'].count()).toBe(2);
    expect(server.hits).not.toContain('/full-text-only/openai-foxconn.html');

    const second = await processFeed({ url, name: 'testnews' }, deps);
    expect(second).toMatchObject({ notModified: true, new: 0 });

    await rt.redis.del(rt.keys.httpCache(url));
    const third = await processFeed({ url, name: 'testnews' }, deps);
    expect(third).toMatchObject({ notModified: false, items: 3, new: 0 });
    expect(await rt.queues['ingest:page'].count()).toBe(2);
  });

  it('processes every good item of a feed whose other items fail, each with its named error', async () => {
    const { rt, deps } = setup();
    const out = await ingestFeedOnce({ url: server.url('/feeds/rss-mixed.xml') }, deps);
    expect(out.new).toBe(8);
    expect(out.articles.map((a) => a.title)).toEqual(['OpenAI估值达5000亿美元，放在台股是市值第二大公司', 'AI資本支出一飛衝天 定期定額是王道']);
    const byPath = Object.fromEntries(out.failures.map((f) => [new URL(f.url).pathname, [f.code, f.retried]]));
    expect(byPath).toEqual({
      '/hostile/404': ['E_HTTP_STATUS', false],
      '/hostile/500': ['E_UPSTREAM', true],
      '/hostile/gzip-bomb': ['E_TOO_LARGE', false],
      '/hostile/redirect': ['E_BLOCKED_ADDRESS', false],
      '/hostile/loop-a': ['E_REDIRECTS', false],
      '/hostile/slow': [new FetchTimeoutError('', 'total', 0).code, true],
    });
    // Retryable ones wait in ingest:page for the workers; the good ones wait in analyse.
    expect(await rt.queues['ingest:page'].count()).toBe(2);
    const gb = await loadArticle(rt.redis, rt.keys, idOf('/pages/p002-gb18030.html'));
    expect(gb.body.startsWith('文．刘焕彦\n鸿海（2317）董事长刘扬伟表示')).toBe(true);
    expect(gb.body).not.toContain('\uFFFD');
    expect(gb.publishedAt).toBe('2026-01-12T10:30:00+08:00');
  });
});

describe('feeds that are not feeds', () => {
  it('names malformed XML and an HTML page as FeedParseError and enqueues nothing', async () => {
    const { rt, deps } = setup();
    await expect(processFeed({ url: server.url('/feeds/malformed.xml') }, deps)).rejects.toThrow(FeedParseError);
    await expect(processFeed({ url: server.url('/feeds/html-not-feed.xml') }, deps)).rejects.toThrow(/HTML page where a feed was expected/);
    expect(await rt.queues['ingest:page'].count()).toBe(0);
    expect(await rt.queues.analyse.count()).toBe(0);
  });
});

describe('ingest workers', () => {
  it('run a feed job through ingest:feed and ingest:page into analyse', async () => {
    const { rt } = setup();
    const group = await startQueueWorkers(rt, ['ingest:feed', 'ingest:page']);
    open.push({ rt, prefix: rt.keys.prefix, close: async () => void (await group.close(5000)) });
    await rt.queues['ingest:feed'].add('ingest:feed', { url: server.url('/feeds/rss-big5.xml'), name: 'allenxr' });
    const ids = ['/pages/p001-big5.html', '/pages/p003-mislabelled.html'].map(idOf);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await Promise.all(ids.map((id) => rt.queues.analyse.getJob(id)))).some((j) => !j)) await new Promise((r) => setTimeout(r, 100));
    const [big5, mislabelled] = await Promise.all(ids.map((id) => loadArticle(rt.redis, rt.keys, id)));
    expect(big5!.title).toBe('地緣政治風險如何改寫 AI 晶片格局');
    expect(big5!.source).toBe('allenxr');
    expect(big5!.body).toContain('台積電( 2330 )計劃在 2025 年前將 CoWoS 月產能翻倍至 75,000 片晶圓');
    expect(big5!.body).not.toContain('點我訂閱');
    expect(mislabelled!.body).toContain('台灣到底該投資什麼?');
    expect(mislabelled!.body).not.toContain('\uFFFD');
  });
});

describe('feed list', () => {
  it('adds a feed with its job scheduler, lists it and removes both', async () => {
    const { rt } = setup();
    const url = server.url('/feeds/atom.atom');
    await addFeed(rt.redis, rt.keys, rt.queues['ingest:feed'], { url, name: 'sinopac', everyMs: 300_000 });
    expect(await listFeeds(rt.redis, rt.keys)).toEqual([expect.objectContaining({ url, name: 'sinopac', everyMs: 300_000 })]);
    const scheduler = await rt.queues['ingest:feed'].getJobScheduler(schedulerId(url));
    expect(scheduler?.every).toBe(300_000);
    expect(await removeFeed(rt.redis, rt.keys, rt.queues['ingest:feed'], url)).toBe(true);
    expect(await listFeeds(rt.redis, rt.keys)).toEqual([]);
    expect(await rt.queues['ingest:feed'].getJobScheduler(schedulerId(url))).toBeUndefined();
    expect(await removeFeed(rt.redis, rt.keys, rt.queues['ingest:feed'], url)).toBe(false);
  });
});
