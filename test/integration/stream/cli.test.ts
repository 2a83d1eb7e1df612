import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foxconnPartnership, tsmcCapex } from './records';
import { publishForTest, REDIS_URL, testRedis } from './setup';

const run = promisify(execFile);
const t = testRedis();
const { redis, k, prefix } = t;
afterAll(() => t.cleanup());

/** Run `newsflow events …` as a user would; `env` entries override the settings. */
async function newsflow(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/newsflow.mjs', 'events', ...args], { env: { ...process.env, REDIS_URL, NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'silent', NEWSFLOW_CONSUMER_BLOCK: '300ms', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const ids: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 4; i++) ids.push(await publishForTest(redis, k, i % 2 ? foxconnPartnership(i) : tsmcCapex(i)));
});

describe('newsflow events', () => {
  it('tail --ticker 2330 --from-start --count 10 prints the TSMC events, one line each', async () => {
    const { code, stdout } = await newsflow(['tail', '--ticker', '2330', '--from-start', '--count', '10']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(tsmcCapex(0).id);
    expect(lines[0]).toContain('capex');
    expect(lines[1]).toContain('台積電擴產CoWoS 第2則');
  });

  it('tail --json prints records as JSON lines', async () => {
    const { stdout } = await newsflow(['tail', '--type', 'partnership', '--json']);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(records.map((r) => r.id)).toEqual([foxconnPartnership(1).id, foxconnPartnership(3).id]);
  });

  it('tail --group reads as a consumer group and acknowledges what it read', async () => {
    const first = await newsflow(['tail', '--group', 'cli', '--from-start', '--count', '3']);
    expect(first.stdout.trim().split('\n')).toHaveLength(3);
    const rest = await newsflow(['tail', '--group', 'cli']);
    expect(rest.stdout.trim().split('\n')).toHaveLength(1);
    expect(rest.stdout).toContain(foxconnPartnership(3).id);
    const summary = (await redis.call('XPENDING', [k.events, 'cli'])) as unknown[];
    expect(Number(summary[0])).toBe(0);
  });

  it('get prints one record', async () => {
    const ok = await newsflow(['get', tsmcCapex(2).id]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).article.title).toBe('台積電擴產CoWoS 第2則');
  });

  it('lag reports each group and exits 1 when one is about to lose entries', async () => {
    await redis.call('XGROUP', ['CREATE', k.events, 'slow', '0']);
    const risky = await newsflow(['lag', '--json'], { NEWSFLOW_STREAM_MAXLEN: '4' });
    expect(risky.code).toBe(1);
    const lag = JSON.parse(risky.stdout) as { length: number; groups: Array<{ group: string; unread: number; risks: string[] }> };
    expect(lag.length).toBe(4);
    expect(lag.groups.find((g) => g.group === 'slow')).toMatchObject({ unread: 4, risks: ['length'] });
    expect(lag.groups.find((g) => g.group === 'cli')).toMatchObject({ unread: 0, risks: [] });
  });
});
