import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger';
import { deadCounts, type DeadEntry } from '../../../src/ops/dead';
import type { Status } from '../../../src/ops/status';
import { getOutcomes, storeArticles } from '../../../src/redis/articles';
import { freePort } from '../../../src/redis/ensure';
import { createRuntime, type Runtime } from '../../../src/runtime/runtime';
import { buildServer } from '../../../src/serve/app';
import type { Article } from '../../../src/types';
import { articleFiles, killAll, waitUntil } from '../../fault/harness';
import { BIN, newsflow, type Proc } from '../../helpers/processes';
import { dropPrefix, TEST_REDIS_URL, testConfig, testPrefix } from '../../helpers/redis';

const run = promisify(execFile);
const prefix = testPrefix('ops');
const env = { REDIS_URL: TEST_REDIS_URL, NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'silent', NEWSFLOW_METRICS_INTERVAL: '300ms', NEWSFLOW_BACKOFF: '100ms' };
const files = articleFiles(4);
const [a, , , d] = files.articles as [Article, Article, Article, Article];
let rt: Runtime;
let workers: Proc;
let metricsUrl: string;
let serve: FastifyInstance;
let serveUrl: string;

/** `newsflow ARGS` to the end, as a user runs it. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const status = async () => JSON.parse((await cli(['status', '--json'])).stdout) as Status;
const deadList = async (...args: string[]) => (await cli(['dead', 'list', '--json', ...args])).stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as DeadEntry);
const text = async (url: string) => (await fetch(url)).text();
const outcome = async (x: Article) => (await getOutcomes(rt.redis, rt.keys, [x.id]))[0]?.status;

/** The value of one series in Prometheus text, 0 when absent. */
function series(metrics: string, name: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

beforeAll(async () => {
  rt = createRuntime(testConfig(prefix), createLogger('silent'));
  // Four articles wait in `analyse`; two lose their text before any worker runs: they fail for good (text not found).
  expect((await cli(['replay', files.dir])).code).toBe(0);
  await rt.redis.del(rt.keys.article(a.id), rt.keys.article(d.id));
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}`;
  workers = newsflow(['workers', '--only', 'analyse'], { ...env, LOG_LEVEL: 'info', NEWSFLOW_METRICS_PORT: String(port) });
  await workers.waitForLog((l) => l.msg === 'workers started');
  ({ app: serve } = await buildServer(rt));
  serveUrl = await serve.listen({ host: '127.0.0.1', port: 0 });
  await waitUntil('two published, two dead', async () => (await rt.redis.xlen(rt.keys.events)) === 2 && (await rt.redis.xlen(rt.keys.dead)) === 2, 60_000);
}, 120_000);

afterAll(async () => {
  await killAll(workers ? [workers] : []);
  await serve?.close();
  await rt.close();
  await dropPrefix(prefix);
  files.remove();
});

describe('status, dead letters and metrics, end to end', () => {
  it('newsflow status --json shows the failed jobs, the dead letters, the stream and the live worker', async () => {
    const s = await status();
    expect(s.queues.find((q) => q.queue === 'analyse')).toMatchObject({ failed: 2, completed: 2, waiting: 0, workers: 1 });
    expect(s.dead).toMatchObject({ entries: 2, open: 2, retried: 0 });
    expect(s.stream).toMatchObject({ length: 2, entriesAdded: 2 });
    expect(s.processes.filter((p) => p.live).map((p) => p.queues)).toEqual([['analyse']]);
    const screen = (await cli(['status'])).stdout;
    expect(screen).toMatch(/dead letters\s+2 in .*\(2 open, 0 retried\)/);
    expect(screen).toMatch(/^analyse\s+0\s+0\s+0\s+2\s+2\s+1$/m);
  });

  it('newsflow dead list names each dead job, its article and why; --queue filters', async () => {
    const entries = await deadList();
    expect(entries.map((e) => e.article).sort()).toEqual([a.id, d.id].sort());
    for (const e of entries) expect(e).toMatchObject({ queue: 'analyse', code: 'E_BAD_INPUT', retried: false, publishedSince: false });
    expect(entries[0]!.reason).toMatch(/text not found/);
    expect(await deadList('--queue', 'ingest:page')).toEqual([]);
  });

  it('the workers\' metrics port serves their counters, /healthz and /readyz', async () => {
    const m = await text(`${metricsUrl}/metrics`);
    expect(series(m, 'newsflow_jobs_failed_total{queue="analyse",code="E_BAD_INPUT",final="true"}')).toBe(2);
    expect(series(m, 'newsflow_dead_letters_total{queue="analyse"}')).toBe(2);
    expect(series(m, 'newsflow_events_published_total')).toBe(2);
    expect(series(m, 'newsflow_job_duration_seconds_count{queue="analyse",status="completed"}')).toBe(2);
    expect(m).toContain('process_resident_memory_bytes');
    expect((await fetch(`${metricsUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${metricsUrl}/readyz`)).status).toBe(200);
  });

  it('replay --wait of an article that died before waits for the new run and reports it published', async () => {
    const r = await cli(['replay', '--wait', '--timeout', '30s', join(files.dir, '0003.txt')]);
    expect(r.stdout).toContain('published 1, dead 0, still pending 0');
    expect(r.code).toBe(0);
    expect(await outcome(d)).toBe('published');
    // Its dead entry says so, until `dead retry` marks it.
    expect((await deadList()).find((e) => e.article === d.id)).toMatchObject({ publishedSince: true, retried: false });
  });

  it('dead retry refuses an article whose text is gone, and says what to do instead', async () => {
    const r = await cli(['dead', 'retry', a.id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED .*article text has expired.*replay/);
    expect((await deadCounts(rt.redis, rt.keys)).open).toBe(2);
  });

  it('dead retry --all re-runs what can run, clears the stale outcome and marks the entries retried', async () => {
    await storeArticles(rt.redis, rt.keys, [a], 60_000);
    expect(await outcome(a)).toBe('dead');
    const r = await cli(['dead', 'retry', '--all']);
    expect(r.stdout).toContain('2 of 2 retried');
    expect(r.code).toBe(0);
    await waitUntil('the retried article is published', async () => (await outcome(a)) === 'published', 30_000);
    const s = await status();
    expect(s.dead).toMatchObject({ entries: 2, open: 0, retried: 2 });
    expect(s.stream.length).toBe(4);
    expect(s.queues.find((q) => q.queue === 'analyse')!.failed).toBe(0);
    expect((await cli(['dead', 'retry', '--all'])).stdout).toContain('0 of 0 retried (no open dead letters)');
    // Every article once, however often replayed.
    expect((await cli(['replay', '--wait', files.dir])).stdout).toContain('published 4, dead 0, still pending 0');
    expect(await rt.redis.xlen(rt.keys.events)).toBe(4);
  });

  it('newsflow serve\'s /metrics adds up the workers\' counters and moved as the articles flowed', async () => {
    await waitUntil('a report after the last run', async () => series(await text(`${serveUrl}/metrics`), 'newsflow_events_published_total') === 4, 10_000);
    const m = await text(`${serveUrl}/metrics`);
    expect(series(m, 'newsflow_jobs_completed_total{queue="analyse"}')).toBe(4);
    expect(series(m, 'newsflow_dead_letters_total{queue="analyse"}')).toBe(2);
    expect(series(m, 'newsflow_dead_letter_entries{state="open"}')).toBe(0);
    expect(series(m, 'newsflow_dead_letter_entries{state="retried"}')).toBe(2);
    expect(series(m, 'newsflow_workers_live{queue="analyse"}')).toBe(1);
    expect(series(m, 'newsflow_stream_length')).toBe(4);
    expect((await fetch(`${serveUrl}/readyz?queues=analyse`)).status).toBe(200);
  });
});
