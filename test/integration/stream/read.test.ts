import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvent, indexedEvents, indexedIds, tail, type StreamEvent } from '../../../src/stream/index';
import { foxconnPartnership, tsmcCapex } from './records';
import { publishForTest, testRedis } from './setup';

const t = testRedis();
const { redis, k } = t;
afterAll(() => t.cleanup());

async function collect(it: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

// Stream order: tsmc0, fox1, tsmc2, fox3, tsmc4, fox5, tsmc6
const ids: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 7; i++) ids.push(await publishForTest(redis, k, i % 2 ? foxconnPartnership(i) : tsmcCapex(i)));
});

describe('getEvent', () => {
  it('finds an event by event id and by stream id', async () => {
    const byEvent = await getEvent(redis, k, tsmcCapex(2).id);
    expect(byEvent?.streamId).toBe(ids[2]);
    expect(byEvent?.record.article.title).toBe('台積電擴產CoWoS 第2則');
    const byStream = await getEvent(redis, k, ids[3]!);
    expect(byStream?.id).toBe(foxconnPartnership(3).id);
  });

  it('returns null for an unknown id and for an entry trimmed from the stream', async () => {
    expect(await getEvent(redis, k, 'evt_000000000000000000000000')).toBeNull();
    const gone = await publishForTest(redis, k, tsmcCapex(99));
    await redis.call('XDEL', [k.events, gone]);
    expect(await getEvent(redis, k, tsmcCapex(99).id)).toBeNull();
    await redis.del(k.seen(tsmcCapex(99).id));
    await redis.zrem(k.tickerIndex('2330.TW'), tsmcCapex(99).id);
    await redis.zrem(k.entityIndex('TW:2330'), tsmcCapex(99).id);
    await redis.zrem(k.entityIndex('theme:cowos'), tsmcCapex(99).id);
  });
});

describe('indexes', () => {
  it('lists the events of a bare ticker code, newest first', async () => {
    const rows = await indexedIds(redis, k, { ticker: '2330' });
    expect(rows.map((r) => r.id)).toEqual([6, 4, 2, 0].map((i) => tsmcCapex(i).id));
  });

  it('lists the events of an entity, oldest first, limited', async () => {
    const events = await indexedEvents(redis, k, { entity: 'US:NVDA', order: 'asc', count: 2 });
    expect(events.map((e) => e.streamId)).toEqual([ids[1], ids[3]]);
  });

  it('finds nothing for a ticker nobody mentioned', async () => {
    expect(await indexedEvents(redis, k, { ticker: '2454' })).toEqual([]);
  });
});

describe('tail', () => {
  it('from the start, filtered by ticker, up to a count', async () => {
    const got = await collect(tail(redis, k, { ticker: '2330', fromStart: true, count: 3 }));
    expect(got.map((e) => e.streamId)).toEqual([ids[0], ids[2], ids[4]]);
  });

  it('the newest events by default, oldest of them first', async () => {
    const got = await collect(tail(redis, k, { count: 2 }));
    expect(got.map((e) => e.streamId)).toEqual([ids[5], ids[6]]);
  });

  it('filters by event type without an index', async () => {
    const got = await collect(tail(redis, k, { type: 'partnership', fromStart: true }));
    expect(got.map((e) => e.streamId)).toEqual([ids[1], ids[3], ids[5]]);
  });

  it('combines a ticker and a type', async () => {
    expect(await collect(tail(redis, k, { ticker: 'NVDA.US', type: 'capex', fromStart: true }))).toEqual([]);
    const got = await collect(tail(redis, k, { ticker: 'NVDA.US', type: 'partnership', count: 1 }));
    expect(got.map((e) => e.streamId)).toEqual([ids[5]]);
  });

  it('follows from the start into new events', async () => {
    const reader = redis.duplicate();
    const it = tail(reader, k, { ticker: '2317.TW', count: 4, fromStart: true, follow: true, blockMs: 200 });
    const history = [(await it.next()).value, (await it.next()).value, (await it.next()).value];
    expect(history.map((e) => e?.streamId)).toEqual([ids[1], ids[3], ids[5]]);
    const next = it.next();
    await publishForTest(redis, k, tsmcCapex(7)); // not 2317: skipped
    const fresh = await publishForTest(redis, k, foxconnPartnership(8));
    expect((await next).value?.streamId).toBe(fresh);
    expect((await it.next()).done).toBe(true);
    reader.disconnect();
  });
});

describe('tail --follow without --from-start', () => {
  it('prints only events published after it started', async () => {
    const reader = redis.duplicate();
    const it = tail(reader, k, { count: 1, follow: true, blockMs: 200 });
    const next = it.next();
    await new Promise((r) => setTimeout(r, 300));
    const fresh = await publishForTest(redis, k, foxconnPartnership(9));
    expect((await next).value?.streamId).toBe(fresh);
    expect((await it.next()).done).toBe(true);
    reader.disconnect();
  });
});
