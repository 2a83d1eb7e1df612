import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger';
import { createRuntime } from '../../../src/runtime/runtime';
import { fixtureArticles, FIXTURE_DIR } from '../../helpers/articles';
import { newsflow, type Proc } from '../../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testConfig, testPrefix } from '../../helpers/redis';
import { assertValidEvent } from '../../helpers/schema';
import { figures, killAll } from '../../fault/harness';

/**
 * The acceptance check of the event stream, end to end with real worker
 * processes: the five fixtures replayed three times leave one entry per
 * article, every record matches the schema, and
 * `newsflow events tail --ticker 2330 --from-start --count 10` lists the TSMC
 * events (all five fixtures write about 台積電/TSMC: checked by hand).
 */
const prefix = testPrefix('stream-e2e');
const env = { REDIS_URL: TEST_REDIS_URL, NEWSFLOW_PREFIX: prefix };
const procs: Proc[] = [];
const rt = createRuntime(testConfig(prefix), createLogger('silent'));
afterAll(async () => {
  await killAll(procs);
  await rt.close();
  await dropPrefix(prefix);
});

const run = (args: string[]) => {
  const p = newsflow(args, env);
  procs.push(p);
  return p;
};

describe('the fixtures through the stream', () => {
  it('three replays, one entry per article; tail --ticker 2330 lists the TSMC events', async () => {
    const articles = fixtureArticles();
    const workers = run(['workers', '--only', 'analyse']);
    await workers.waitForLog((l) => l.msg === 'workers started');
    for (let i = 1; i <= 3; i++) expect((await run(['replay', '--wait', '--timeout', '60s', FIXTURE_DIR]).exited).code, `replay ${i}`).toBe(0);

    const f = await figures(rt.redis, rt.keys, articles.map((a) => a.id));
    console.log(`[stream] fixtures replayed 3 times: articles=${f.articles} entries=${f.entries} lost=${f.lost} duplicated=${f.duplicated}`);
    expect(f).toMatchObject({ articles: 5, entries: 5, lost: 0, duplicated: 0, foreign: 0 });

    const tail = run(['events', 'tail', '--ticker', '2330', '--from-start', '--count', '10', '--json']);
    expect((await tail.exited).code).toBe(0);
    const records = tail.stdout.join('').trim().split('\n').map((l) => JSON.parse(l) as { article: { id: string }; tickers: string[] });
    records.forEach((r) => assertValidEvent(r));
    expect(records.map((r) => r.article.id).sort()).toEqual(articles.map((a) => a.id).sort());
    expect(records.every((r) => r.tickers.includes('2330.TW'))).toBe(true);
  }, 120_000);
});
