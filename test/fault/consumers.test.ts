import { afterAll, describe, expect, it } from 'vitest';
import type { Proc } from '../helpers/processes';
import { foxconnPartnership, tsmcCapex } from '../integration/stream/records';
import { publishForTest, REDIS_URL, testRedis } from '../integration/stream/setup';
import { consumerProcess, killAll, runs, waitUntil } from './harness';

/**
 * A consumer process killed with SIGKILL in the middle of its handler: the
 * entry it held (and the rest of its batch) is claimed by another consumer
 * of the group after the idle time and handled there, once.
 */
const t = testRedis();
const { redis, k, prefix } = t;
const procs: Proc[] = [];
afterAll(async () => {
  await killAll(procs);
  await t.cleanup();
});

describe('fault: consumer processes', () => {
  it('kill -9 of a consumer in the middle of its handler: another consumer handles the entry', async () => {
    const n = 30;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await publishForTest(redis, k, i % 2 ? foxconnPartnership(i) : tsmcCapex(i)));
    await redis.call('XGROUP', ['CREATE', k.events, 'downstream', '0']);

    const a = consumerProcess({ url: REDIS_URL, prefix, group: 'downstream', consumer: 'a', slowFirstMs: 60_000, claimIdleMs: 1000 });
    procs.push(a);
    await waitUntil('consumer a in its first handler', async () => (await runs(redis, prefix, 'started')).some((r) => r.consumer === 'a'), 30_000);
    const [inHand] = (await runs(redis, prefix, 'started')).filter((r) => r.consumer === 'a');
    a.child.kill('SIGKILL');
    await a.exited;
    // What the dead consumer holds: the entry in its handler and the rest of its batch.
    const heldByDead = ((await redis.call('XPENDING', [k.events, 'downstream', '-', '+', 100, 'a'])) as unknown[][]).length;

    // The other member of the group starts after the death, so what it handles of a's was claimed, not shared.
    const b = consumerProcess({ url: REDIS_URL, prefix, group: 'downstream', consumer: 'b', claimIdleMs: 1000 });
    procs.push(b);
    await waitUntil('every entry handled', async () => new Set((await runs(redis, prefix, 'done')).map((r) => r.streamId)).size >= n, 45_000);
    await waitUntil('nothing pending', async () => Number(((await redis.call('XPENDING', [k.events, 'downstream'])) as unknown[])[0]) === 0, 10_000);
    b.child.kill('SIGTERM');
    await b.exited;

    const done = await runs(redis, prefix, 'done');
    const perEntry = new Map<string, number>();
    for (const r of done) perEntry.set(r.streamId, (perEntry.get(r.streamId) ?? 0) + 1);
    const lost = ids.filter((id) => !perEntry.has(id)).length;
    const duplicated = [...perEntry.values()].reduce((s, c) => s + c - 1, 0);
    const takenOver = done.filter((r) => r.consumer === 'b' && r.deliveries > 1).length;
    console.log(`[fault] kill -9 consumer: entries=${n} handled=${perEntry.size} lost=${lost} duplicated=${duplicated} heldByKilled=${heldByDead} takenOverFromKilled=${takenOver}`);

    expect(inHand).toBeDefined();
    expect(done.filter((r) => r.streamId === inHand!.streamId)).toEqual([{ streamId: inHand!.streamId, consumer: 'b', deliveries: 2 }]);
    expect(done.some((r) => r.consumer === 'a')).toBe(false);
    expect(heldByDead).toBe(5);
    expect(takenOver).toBe(heldByDead);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  }, 90_000);
});
