import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { duplicateClient } from '../../src/redis/cluster';
import { createRuntime, type Runtime } from '../../src/runtime/runtime';
import { parseEntry } from '../../src/stream/entry';
import { newsflow, type Proc } from '../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testConfig, testPrefix } from '../helpers/redis';
import { articleFiles, figures, killAll, logCount, printFigures, privateRedis, waitUntil } from './harness';

/**
 * Real `newsflow workers` processes killed with SIGKILL or stopped with
 * SIGTERM in the middle of a replay: afterwards every article has exactly one
 * stream entry. One job per article analyses and publishes; a job whose
 * worker died is taken up again once its lock expires
 * (NEWSFLOW_LOCK_DURATION, short here), and the publish script's seen marker
 * makes a second publish of the same event a no-op.
 */
const procs: Proc[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await killAll(procs);
  for (const c of cleanups.reverse()) await c();
});

function setup(name: string, n: number, redisUrl = TEST_REDIS_URL) {
  const prefix = testPrefix(`fault-${name}`);
  const files = articleFiles(n);
  const rt = createRuntime(testConfig(prefix, { REDIS_URL: redisUrl }), createLogger('silent'));
  cleanups.push(files.remove, () => dropPrefix(prefix), () => rt.close());
  const env = { REDIS_URL: redisUrl, NEWSFLOW_PREFIX: prefix, NEWSFLOW_LOCK_DURATION: '3s', NEWSFLOW_BACKOFF: '200ms', NEWSFLOW_CONCURRENCY_ANALYSE: '2' };
  const start = (args: string[], extra: Record<string, string> = {}) => {
    const p = newsflow(args, { ...env, ...extra });
    procs.push(p);
    return p;
  };
  return { prefix, files, rt, env, start, ids: files.articles.map((a) => a.id) };
}

/** Nothing waiting, running or scheduled in the analyse queue. */
async function drained(rt: Runtime): Promise<boolean> {
  const c = await rt.queues.analyse.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(c).every((v) => v === 0);
}

/** Finished jobs that were taken up again after their worker died. */
async function recovered(rt: Runtime): Promise<number> {
  const jobs = await rt.queues.analyse.getJobs(['completed'], 0, -1);
  return jobs.filter((j) => j.stalledCounter > 0).length;
}

async function allPublished(rt: Runtime, ids: string[]): Promise<boolean> {
  const outs = await rt.redis.mget(ids.map((id) => rt.keys.outcome(id)));
  return outs.every((o) => o !== null && (JSON.parse(o) as { status: string }).status === 'published') && (await drained(rt));
}

/**
 * SIGKILL the analyse worker that just published an event, between the XADD
 * and the completion of its job. On each XADD (keyspace notification) every
 * analyser is frozen (SIGSTOP) and the job of the newest event's article
 * looked at: still active means the window, and its `processedBy` (host:pid)
 * names the process to kill; otherwise all go on (SIGCONT) until the next
 * publish.
 */
function killRightAfterPublish(rt: Runtime, procs: Proc[], timeoutMs: number): Promise<{ articleId: string; killed: Proc; tries: number }> {
  const sub = duplicateClient(rt.redis);
  const all = (sig: NodeJS.Signals) => procs.forEach((p) => p.child.exitCode === null && p.child.kill(sig));
  return new Promise((resolve, reject) => {
    let busy = false;
    let tries = 0;
    const finish = () => {
      clearTimeout(timer);
      sub.disconnect();
    };
    const timer = setTimeout(() => {
      finish();
      all('SIGCONT');
      reject(new Error(`no publish caught before its job completed in ${tries} tries`));
    }, timeoutMs);
    sub.on('message', (_channel: string, op: string) => {
      if (busy || op !== 'xadd') return;
      busy = true;
      tries++;
      all('SIGSTOP');
      void (async () => {
        const [newest] = await rt.redis.xrevrange(rt.keys.events, '+', '-', 'COUNT', 1);
        const articleId = parseEntry(newest![0], newest![1]).article;
        const job = await rt.queues.analyse.getJob(articleId);
        const pid = Number(job?.processedBy?.split(':').pop());
        const holder = procs.find((p) => p.child.pid === pid);
        if (job && holder && (await job.getState()) === 'active') {
          holder.child.kill('SIGKILL');
          finish();
          all('SIGCONT');
          resolve({ articleId, killed: holder, tries });
        } else {
          all('SIGCONT');
          busy = false;
        }
      })().catch((err: unknown) => {
        finish();
        all('SIGCONT');
        reject(err instanceof Error ? err : new Error(String(err)));
      });
    });
    void rt.redis
      .config('SET', 'notify-keyspace-events', 'Kt')
      .then(() => sub.subscribe(`__keyspace@0__:${rt.keys.events}`))
      .catch(reject);
  });
}

describe('fault: worker processes', () => {
  it('kill -9 in the middle of analyse and right after publish, then two more replays: one entry per article', async () => {
    // A private Redis: catching the moment after a publish needs keyspace notifications, a server setting.
    const server = await privateRedis({ persist: false });
    cleanups.push(() => server.stop());
    const s = setup('kill', 50, server.url);
    // Two analysers from the start; the survivor takes up what the first killed one held.
    const analyse1 = s.start(['workers', '--only', 'analyse']);
    const analyse2 = s.start(['workers', '--only', 'analyse']);
    await Promise.all([analyse1, analyse2].map((p) => p.waitForLog((l) => l.msg === 'workers started')));

    const replay1 = s.start(['replay', s.files.dir]);
    expect((await replay1.exited).code).toBe(0);

    // In the middle of analyse: some articles done, jobs running right now.
    await analyse1.waitForLog(() => logCount(analyse1, 'job done', 'analyse') >= 6);
    const activeAtKill = (await s.rt.queues.analyse.getJobCounts('active')).active ?? 0;
    analyse1.child.kill('SIGKILL');
    await analyse1.exited;

    // Right after a publish: the event is in the stream, its job still active.
    const caught = await killRightAfterPublish(s.rt, [analyse2], 60_000);
    await caught.killed.exited;
    s.start(['workers', '--only', 'analyse']);

    await waitUntil('every article published', () => allPublished(s.rt, s.ids), 60_000);
    const afterFaults = await figures(s.rt.redis, s.rt.keys, s.ids);
    const recoveredJobs = await recovered(s.rt);
    const rerun = await s.rt.queues.analyse.getJob(caught.articleId);
    printFigures('kill -9 analyse mid-job + right after publish', afterFaults, { activeAtKill, recovered: recoveredJobs, triesToHitWindow: caught.tries });

    for (const round of [2, 3]) {
      const again = s.start(['replay', '--wait', '--timeout', '30s', s.files.dir]);
      expect((await again.exited).code, `replay ${round}`).toBe(0);
    }
    const afterReplays = await figures(s.rt.redis, s.rt.keys, s.ids);
    printFigures('after 3 replays', afterReplays);

    expect(activeAtKill).toBeGreaterThan(0);
    // The jobs the killed analysers held were taken up again by another.
    expect(recoveredJobs).toBeGreaterThan(1);
    // The job caught between its XADD and its completion ran again and found its event already there.
    expect(rerun?.stalledCounter).toBeGreaterThan(0);
    expect(rerun?.returnvalue).toMatchObject({ added: false });
    expect(afterFaults).toMatchObject({ articles: 50, entries: 50, lost: 0, duplicated: 0, foreign: 0 });
    expect(afterReplays).toMatchObject({ articles: 50, entries: 50, lost: 0, duplicated: 0, foreign: 0 });
    expect(await s.rt.redis.xlen(s.rt.keys.dead)).toBe(0);
    // Every text let go of once its event was published.
    expect(await s.rt.redis.exists(...s.ids.map((id) => s.rt.keys.article(id)))).toBe(0);
  }, 90_000);

  it('SIGTERM: the worker finishes what it holds within its grace period, exits 0, and nothing is lost', async () => {
    const s = setup('term', 40);
    const graceMs = 10_000;
    const w1 = s.start(['workers'], { NEWSFLOW_SHUTDOWN_GRACE: `${graceMs}ms` });
    await w1.waitForLog((l) => l.msg === 'workers started');
    expect((await s.start(['replay', s.files.dir]).exited).code).toBe(0);

    await w1.waitForLog(() => logCount(w1, 'job done', 'analyse') >= 5);
    const t0 = Date.now();
    w1.child.kill('SIGTERM');
    const exit = await w1.exited;
    const exitMs = Date.now() - t0;
    const publishedBefore = await s.rt.redis.xlen(s.rt.keys.events);

    s.start(['workers']);
    await waitUntil('every article published', () => allPublished(s.rt, s.ids), 60_000);
    const f = await figures(s.rt.redis, s.rt.keys, s.ids);
    printFigures('SIGTERM', f, { exitMs, graceMs, publishedBeforeStop: publishedBefore });

    expect(exit.code).toBe(0);
    // Exiting within the grace period means no job was cut off: the log says so.
    expect(w1.logs.find((l) => l.msg === 'workers stopped')?.forced).toBe(false);
    expect(exitMs).toBeLessThan(graceMs + 5_000);
    expect(publishedBefore).toBeLessThan(40);
    expect(f).toMatchObject({ articles: 40, entries: 40, lost: 0, duplicated: 0, foreign: 0 });
    expect(await s.rt.redis.xlen(s.rt.keys.dead)).toBe(0);
  }, 90_000);
});
