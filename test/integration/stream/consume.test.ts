import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consume, type HandlerContext, type StreamEvent } from '../../../src/stream/index';
import { assertValidEvent } from '../../helpers/schema';
import { foxconnPartnership, tsmcCapex } from './records';
import { publishForTest, testRedis } from './setup';

const t = testRedis();
const { redis, k, prefix } = t;
afterAll(() => t.cleanup());

/** Wait until `cond` holds, polling; fails the test after `ms`. */
async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const groupExists = async (group: string) => ((await redis.call('XINFO', ['GROUPS', k.events])) as unknown[][]).some((g) => g[1] === group);
const pendingOf = async (group: string) => Number(((await redis.call('XPENDING', [k.events, group])) as unknown[])[0]);

function recordingHandler() {
  const seen: Array<{ event: StreamEvent; ctx: HandlerContext }> = [];
  return {
    seen,
    handler: (event: StreamEvent, ctx: HandlerContext) => {
      assertValidEvent(event.record);
      seen.push({ event, ctx });
    },
  };
}

describe('consume()', () => {
  const published: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 6; i++) published.push(await publishForTest(redis, k, i % 2 ? foxconnPartnership(i) : tsmcCapex(i)));
  });

  it('hands every entry to the handler once, with its fields, and acknowledges it', async () => {
    const { seen, handler } = recordingHandler();
    const c = consume({ redis, prefix, group: 'g-all', consumer: 'c1', handler, startAt: 'start', blockMs: 200 });
    await until(() => seen.length >= 6);
    await c.stop();
    expect(seen.map((s) => s.event.streamId)).toEqual(published);
    expect(seen[0]!.event.tickers).toEqual(['2330.TW']);
    expect(seen[1]!.event.types).toEqual(['partnership']);
    expect(seen.every((s) => s.ctx.deliveries === 1)).toBe(true);
    expect(await pendingOf('g-all')).toBe(0);
    expect(c.stats.handled).toBe(6);
  });

  it('starts a new group at new events by default', async () => {
    const { seen, handler } = recordingHandler();
    const c = consume({ redis, prefix, group: 'g-new', consumer: 'c1', handler, blockMs: 200 });
    await until(() => groupExists('g-new'));
    const fresh = await publishForTest(redis, k, tsmcCapex(100));
    await until(() => seen.length >= 1);
    await c.stop();
    expect(seen.map((s) => s.event.streamId)).toEqual([fresh]);
    published.push(fresh);
  });

  it('retries an entry whose handler threw, counting deliveries, then acknowledges it', async () => {
    const calls: number[] = [];
    let failed = false;
    const c = consume({
      redis, prefix, group: 'g-retry', consumer: 'c1', startAt: 'start', blockMs: 100, retryDelayMs: 100,
      handler: (e, ctx) => {
        if (e.streamId === published[2]) {
          calls.push(ctx.deliveries);
          if (!failed) {
            failed = true;
            throw new Error('downstream database unavailable');
          }
        }
      },
    });
    await until(() => c.stats.handled >= published.length);
    await c.stop();
    expect(calls).toEqual([1, 2]);
    expect(c.stats.failed).toBe(1);
    expect(await pendingOf('g-retry')).toBe(0);
  });

  it('moves an entry that keeps failing to the dead-letter stream after maxDeliveries', async () => {
    const poison = published[3]!;
    const c = consume({
      redis, prefix, group: 'g-dead', consumer: 'c1', startAt: 'start', blockMs: 100, retryDelayMs: 50, maxDeliveries: 3,
      handler: (e) => {
        if (e.streamId === poison) throw new TypeError('cannot map event');
      },
    });
    await until(() => c.stats.deadLettered >= 1 && c.stats.handled >= published.length - 1);
    await c.stop();
    expect(c.stats.failed).toBe(3);
    const dead = (await redis.call('XRANGE', [k.eventsDead, '-', '+'])) as Array<[string, string[]]>;
    expect(dead).toHaveLength(1);
    const f = Object.fromEntries(dead[0]![1].flatMap((v, i, a) => (i % 2 ? [] : [[v, a[i + 1]]])));
    expect(f).toMatchObject({ streamId: poison, group: 'g-dead', consumer: 'c1', deliveries: '3', error: 'TypeError', reason: 'cannot map event' });
    expect(JSON.parse(f.record!).id).toBe(foxconnPartnership(3).id);
    expect(await pendingOf('g-dead')).toBe(0);
  });

  it('claims entries a dead consumer left pending, after the idle time', async () => {
    await redis.call('XGROUP', ['CREATE', k.events, 'g-claim', '0']);
    // A consumer that read three entries and died before acknowledging them.
    await redis.call('XREADGROUP', ['GROUP', 'g-claim', 'ghost', 'COUNT', 3, 'STREAMS', k.events, '>']);
    const { seen, handler } = recordingHandler();
    const c = consume({ redis, prefix, group: 'g-claim', consumer: 'alive', handler, blockMs: 100, claimIdleMs: 300 });
    await until(() => seen.length >= published.length);
    await c.stop();
    const byId = new Map(seen.map((s) => [s.event.streamId, s.ctx.deliveries]));
    expect([...byId.keys()].sort()).toEqual([...published].sort());
    expect(published.slice(0, 3).map((id) => byId.get(id))).toEqual([2, 2, 2]);
    expect(c.stats.claimed).toBe(3);
    expect(await pendingOf('g-claim')).toBe(0);
  });

  it('dead-letters an entry without a record instead of calling the handler', async () => {
    const bad = (await redis.call('XADD', [k.events, '*', 'id', 'evt_broken', 'article', 'art_broken'])) as string;
    const { seen, handler } = recordingHandler();
    const c = consume({ redis, prefix, group: 'g-bad', consumer: 'c1', handler, blockMs: 100, startAt: 'start' });
    await until(() => c.stats.deadLettered >= 1 && seen.length >= published.length);
    await c.stop();
    expect(seen.some((s) => s.event.streamId === bad)).toBe(false);
    const dead = (await redis.call('XREVRANGE', [k.eventsDead, '+', '-', 'COUNT', 1])) as Array<[string, string[]]>;
    expect(dead[0]![1]).toContain('BadInputError');
    await redis.call('XDEL', [k.events, bad]);
  });

  it('on stop, finishes the handler in flight and acknowledges it, then handles nothing more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    let finished = 0;
    const c = consume({
      redis, prefix, group: 'g-stop', consumer: 'c1', startAt: 'start', blockMs: 100, count: 1,
      handler: async () => {
        started = true;
        await gate;
        finished++;
      },
    });
    await until(() => started);
    let stopped = false;
    const stopping = c.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(1);
    expect(c.stats.handled).toBe(1);
    expect(await pendingOf('g-stop')).toBe(0);
  });

  it('on stop, hands the rest of its batch back so another consumer takes it at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handledBy: Record<string, string> = {};
    const slow = consume({
      redis, prefix, group: 'g-handback', consumer: 'slow', startAt: 'start', blockMs: 100, count: 4, claimIdleMs: 600_000,
      handler: async (e) => {
        handledBy[e.streamId] = 'slow';
        await gate;
      },
    });
    await until(() => Object.keys(handledBy).length === 1);
    const stopping = slow.stop();
    release();
    await stopping;
    // The idle time is ten minutes: only a hand-back lets the other consumer claim the three unhandled entries now.
    const other = consume({
      redis, prefix, group: 'g-handback', consumer: 'other', blockMs: 100, claimIdleMs: 600_000,
      handler: (e) => {
        handledBy[e.streamId] = 'other';
      },
    });
    await until(() => Object.keys(handledBy).length >= published.length);
    await other.stop();
    expect(Object.values(handledBy).filter((c) => c === 'slow')).toHaveLength(1);
    expect(other.stats.claimed).toBe(3);
    expect(await pendingOf('g-handback')).toBe(0);
  });

  it('stop interrupts a long blocking read', async () => {
    const c = consume({ redis, prefix, group: 'g-idle', consumer: 'c1', handler: () => undefined, blockMs: 120_000 });
    await until(() => groupExists('g-idle'));
    await new Promise((r) => setTimeout(r, 300));
    await c.stop(); // would hang past the test timeout if the block were not interrupted
    expect(c.stats.handled).toBe(0);
  });

  it('an AbortSignal stops it too', async () => {
    const ac = new AbortController();
    const { seen, handler } = recordingHandler();
    const c = consume({ redis, prefix, group: 'g-signal', consumer: 'c1', handler, blockMs: 100, startAt: 'start', signal: ac.signal });
    await until(() => seen.length >= 1);
    ac.abort();
    const stats = await c.done;
    expect(stats.handled).toBeGreaterThan(0);
  });
});
