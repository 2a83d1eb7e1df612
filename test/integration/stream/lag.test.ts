import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consume, streamLag } from '../../../src/stream/index';
import { tsmcCapex } from './records';
import { publishForTest, testRedis } from './setup';

const t = testRedis();
const { redis, k, prefix } = t;
afterAll(() => t.cleanup());

const read = (group: string, consumer: string, n: number) => redis.call('XREADGROUP', ['GROUP', group, consumer, 'COUNT', n, 'STREAMS', k.events, '>']) as Promise<unknown>;

describe('streamLag', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    await redis.call('XGROUP', ['CREATE', k.events, 'behind', '0', 'MKSTREAM']);
    await redis.call('XGROUP', ['CREATE', k.events, 'current', '$']);
    await redis.call('XGROUP', ['CREATE', k.events, 'holding', '0']);
    for (let i = 0; i < 20; i++) ids.push(await publishForTest(redis, k, tsmcCapex(i)));
    await read('behind', 'b', 2);
    await redis.call('XACK', [k.events, 'behind', ids[0]!, ids[1]!]);
    await read('current', 'c', 100);
    await redis.call('XACK', [k.events, 'current', ...ids]);
    await read('holding', 'h', 20); // all delivered, first three never acknowledged
    await redis.call('XACK', [k.events, 'holding', ...ids.slice(3)]);
  });

  it('counts unread and pending entries per group and finds the oldest unacknowledged one', async () => {
    const lag = await streamLag(redis, k.events, { maxLen: 1000 });
    expect(lag.length).toBe(20);
    const g = Object.fromEntries(lag.groups.map((x) => [x.group, x]));
    expect(g.behind).toMatchObject({ unread: 18, pending: 0, oldestId: ids[2], depth: 18, headroom: 982, risks: [] });
    expect(g.current).toMatchObject({ unread: 0, pending: 0, oldestId: null, risks: [] });
    expect(g.holding).toMatchObject({ unread: 0, pending: 3, oldestId: ids[0], depth: 20, headroom: 980 });
  });

  it('flags a group whose oldest unacknowledged entry is within the margin of MAXLEN', async () => {
    const lag = await streamLag(redis, k.events, { maxLen: 22, margin: 0.1 });
    const g = Object.fromEntries(lag.groups.map((x) => [x.group, x]));
    expect(g.holding!.risks).toEqual(['length']); // 20 deep: 2 more entries and it goes; margin is 3
    expect(g.behind!.risks).toEqual([]); // 18 deep: 4 more entries to go
    expect(g.current!.risks).toEqual([]);
  });

  it('flags age against the retention window', async () => {
    const now = Number(ids[0]!.split('-')[0]) + 95_000;
    const lag = await streamLag(redis, k.events, { maxLen: 1000, retentionMs: 100_000, margin: 0.1, now, group: 'behind' });
    expect(lag.groups).toHaveLength(1);
    expect(lag.groups[0]!.risks).toEqual(['age']);
  });

  it('a running consumer warns through its logger when its group is at risk', async () => {
    const warnings: Array<{ obj: object; msg: string }> = [];
    const c = consume({
      redis, prefix, group: 'holding', consumer: 'h2', blockMs: 100, claimIdleMs: 3_600_000,
      handler: () => undefined,
      logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
      lag: { maxLen: 22, margin: 0.1, intervalMs: 100 },
    });
    const end = Date.now() + 10_000;
    while (!warnings.some((w) => w.msg.includes('trimming')) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await c.stop();
    const w = warnings.find((x) => x.msg.includes('trimming'));
    expect(w?.obj).toMatchObject({ group: 'holding', pending: 3, risks: ['length'] });
  });

  it('reports an empty result for a stream that does not exist', async () => {
    expect(await streamLag(redis, `${prefix}:nothing`, { maxLen: 10 })).toMatchObject({ length: 0, groups: [] });
  });
});
