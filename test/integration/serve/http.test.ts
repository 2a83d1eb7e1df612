import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../../src/keys';
import { createLogger } from '../../../src/logger';
import { startReporter } from '../../../src/ops/reporter';
import { publishEvent } from '../../../src/redis/publish';
import { createRuntime, type Runtime } from '../../../src/runtime/runtime';
import { buildServer } from '../../../src/serve/app';
import type { EventRecord } from '../../../src/types';
import { dropPrefix, testConfig, testPrefix } from '../../helpers/redis';
import { foxconnPartnership, tsmcCapex } from '../stream/records';

const prefix = testPrefix('serve');
let rt: Runtime;
let app: FastifyInstance;
let base: string;
const publish = (r: EventRecord) => publishEvent(rt.redis, rt.keys, r, { maxLen: 10_000, retentionMs: 86_400_000 });

beforeAll(async () => {
  rt = createRuntime(testConfig(prefix), createLogger('silent'));
  ({ app } = await buildServer(rt, { heartbeatMs: 200 }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  for (let i = 0; i < 3; i++) await publish(tsmcCapex(i));
  await publish(foxconnPartnership(9));
});

afterAll(async () => {
  await app.close();
  await rt.close();
  await dropPrefix(prefix);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
interface View { id: string; streamId: string; title: string }
/** A JSON body as the given shape (the test asserts what matters in it). */
const json = <T>(res: Response) => res.json() as Promise<T>;

/** Read an SSE response message by message until `until` says stop; returns what was read. */
async function readSse(res: Response, until: (msgs: Array<{ event: string; id?: string; data: string }>) => boolean, timeoutMs = 10_000) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const msgs: Array<{ event: string; id?: string; data: string }> = [];
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(msgs)) {
      if (Date.now() > deadline) throw new Error(`SSE: condition not met in ${timeoutMs} ms; got ${JSON.stringify(msgs.map((m) => m.event))}`);
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const m: { event: string; id?: string; data: string } = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) m.event = line.slice(7);
          else if (line.startsWith('id: ')) m.id = line.slice(4);
          else if (line.startsWith('data: ')) m.data += line.slice(6);
          else if (line.startsWith(':')) m.event = 'comment';
        }
        if (m.data || m.event !== 'message') msgs.push(m);
      }
    }
  } finally {
    await reader.cancel();
  }
  return msgs;
}

describe('newsflow serve over HTTP', () => {
  it('/healthz answers 200 while Redis does', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true, redis: 'ok' });
  });

  it('/readyz is 503 until every queue has a live worker process, then 200', async () => {
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect((await json<{ missing: string[] }>(before)).missing).toEqual([...QUEUES]);
    const reporter = startReporter(rt.redis, rt.keys, { queues: [...QUEUES], ready: () => true, intervalMs: 60_000 });
    await reporter.report();
    const after = await get('/readyz');
    expect(after.status).toBe(200);
    expect((await json<{ workers: Record<string, number> }>(after)).workers).toEqual(Object.fromEntries(QUEUES.map((q) => [q, 1])));
    expect((await get('/readyz?queues=analyse')).status).toBe(200);
    expect((await get('/readyz?queues=nope')).status).toBe(400);
    await reporter.stop();
    expect((await get('/readyz')).status).toBe(503);
  });

  it('/metrics is Prometheus text with queue depths from Redis and the stream figures', async () => {
    await rt.queues.analyse.add('analyse', { articleId: 'art_x', contentHash: 'h' }, { jobId: 'art_x' });
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('newsflow_queue_jobs{queue="analyse",state="waiting"} 1');
    expect(text).toContain('newsflow_stream_length 4');
    expect(text).toContain('newsflow_stream_entries_added 4');
    expect(text).toMatch(/# TYPE newsflow_job_duration_seconds histogram/);
    expect(text).toMatch(/# TYPE newsflow_jobs_completed_total counter/);
    await rt.queues.analyse.remove('art_x');
  });

  it('/queues serves the bull-board dashboard over every queue', async () => {
    const page = await get('/queues');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const api = await json<{ queues: Array<{ displayName: string }> }>(await get('/queues/api/queues'));
    expect(api.queues.map((q) => q.displayName).sort()).toEqual([...QUEUES].sort());
  });

  it('the live page and its assets are served, Chart.js included', async () => {
    const page = await get('/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/assets/live.js');
    expect((await get('/assets/render.js')).status).toBe(200);
    const chart = await get('/assets/vendor/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect((await chart.text()).length).toBeGreaterThan(100_000);
    expect(await (await get('/ticker/2330.TW')).text()).toContain('/assets/ticker.js');
  });

  it('/api/events filters by type and ticker; a bad sentiment is a 400 that says why', async () => {
    const byType = await json<{ events: View[] }>(await get('/api/events?type=partnership'));
    expect(byType.events.map((e) => e.id)).toEqual([foxconnPartnership(9).id]);
    const byTicker = await json<{ events: View[] }>(await get('/api/events?ticker=2330&count=2'));
    expect(byTicker.events.map((e) => e.title)).toEqual(['台積電擴產CoWoS 第1則', '台積電擴產CoWoS 第2則']);
    const bad = await get('/api/events?sentiment=happy');
    expect(bad.status).toBe(400);
    expect((await json<{ error: string }>(bad)).error).toMatch(/sentiment/);
  });

  it('/api/tickers/:symbol/events gives one ticker\'s events oldest first, with its name', async () => {
    const body = await json<{ name: string; events: View[] }>(await get('/api/tickers/2330.TW/events'));
    expect(body.name).toBe('台積電');
    expect(body.events).toHaveLength(3);
    expect(body.events[0]!.title).toBe('台積電擴產CoWoS 第0則');
  });

  it('the SSE stream sends the history, then an event published after it went live', async () => {
    const res = await get('/api/events/stream?ticker=2330&history=2');
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let published = false;
    const msgs = await readSse(res, (m) => {
      if (!published && m.some((x) => x.event === 'live')) {
        published = true;
        void publish(tsmcCapex(20));
        void publish(foxconnPartnership(21)); // not 2330: filtered out
      }
      return m.some((x) => x.event === 'event' && JSON.parse(x.data).title === '台積電擴產CoWoS 第20則');
    });
    const titles = msgs.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data).title);
    expect(titles).toEqual(['台積電擴產CoWoS 第1則', '台積電擴產CoWoS 第2則', '台積電擴產CoWoS 第20則']);
    const last = msgs.filter((m) => m.event === 'event').pop()!;
    expect(last.id).toBe(JSON.parse(last.data).streamId);
  });

  it('a reconnecting page (Last-Event-ID) gets what it missed, nothing before', async () => {
    const all = (await json<{ events: View[] }>(await get('/api/events?count=50'))).events;
    const from = all[1]!.streamId;
    const msgs = await readSse(await get('/api/events/stream', { 'last-event-id': from }), (m) => m.some((x) => x.event === 'live'));
    expect(msgs.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data).streamId)).toEqual(all.slice(2).map((e) => e.streamId));
  });

  it('keeps an idle stream open with comments', async () => {
    const msgs = await readSse(await get('/api/events/stream?type=dividend&history=0'), (m) => m.filter((x) => x.event === 'comment').length >= 2);
    expect(msgs.filter((m) => m.event === 'event')).toHaveLength(0);
  });
});
