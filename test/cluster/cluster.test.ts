import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index';
import { keys } from '../../src/keys';
import { createLogger } from '../../src/logger';
import type { Status } from '../../src/ops/status';
import { createClient, type RedisClient } from '../../src/redis/cluster';
import { articleFiles, figures, killAll, waitUntil } from '../fault/harness';
import { startCluster, type LocalCluster } from '../helpers/cluster';
import { BIN, newsflow, type Proc } from '../helpers/processes';

/**
 * The pipeline on a real Redis Cluster: three masters and three replicas,
 * each a redis-server started here (test/helpers/cluster.ts), reached through
 * REDIS_CLUSTER_NODES. One cluster for the whole file; each test its own
 * hash-tagged prefix.
 */
const run = promisify(execFile);
let cluster: LocalCluster;
const clients: RedisClient[] = [];
const procs: Proc[] = [];

beforeAll(async () => {
  cluster = await startCluster();
}, 60_000);

afterAll(async () => {
  await killAll(procs);
  for (const c of clients) c.disconnect();
  await cluster?.stop();
});

const tagged = (name: string) => `{${name}-${randomUUID().slice(0, 8)}}`;

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A cluster client of the test's own, for looking at what the pipeline wrote. */
function connect(prefix: string, nodes: string): RedisClient {
  const c = createClient(loadConfig({ REDIS_CLUSTER_NODES: nodes, NEWSFLOW_PREFIX: prefix }), createLogger('silent'));
  clients.push(c);
  return c;
}

describe('Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  it('refuses to start with a prefix that has no hash tag, and says which to use', async () => {
    const r = await cli(['workers'], { REDIS_CLUSTER_NODES: cluster.nodes.join(','), NEWSFLOW_PREFIX: 'plain' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NEWSFLOW_PREFIX="plain" has no hash tag');
    expect(r.stderr).toContain('NEWSFLOW_PREFIX={plain}');
  });

  it('the demo, reached through a node that does not own the prefix\'s slot, publishes one event per article', async () => {
    const prefix = tagged('demo');
    const entry = `127.0.0.1:${await cluster.otherMaster(prefix)}`;
    const env = { REDIS_CLUSTER_NODES: entry, NEWSFLOW_PREFIX: prefix };
    const r = await cli(['demo'], env);
    expect(r.stderr).not.toMatch(/MOVED|CROSSSLOT/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`5 of 5 articles published; stream ${prefix}:events holds 5 entries`);
    // Reads through the cluster too: a bare ticker code looks through the index keys of every master.
    const tail = await cli(['events', 'tail', '--ticker', '2330', '--from-start', '--count', '10'], env);
    expect(tail.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('workers, replay and a consumer group ride through a master killed mid-run: nothing lost, nothing duplicated', async () => {
    const prefix = tagged('fail');
    const k = keys(prefix);
    const env = {
      REDIS_CLUSTER_NODES: cluster.nodes.join(','), NEWSFLOW_PREFIX: prefix, NEWSFLOW_LOCK_DURATION: '5s', NEWSFLOW_BACKOFF: '300ms',
      NEWSFLOW_CONSUMER_CLAIM_IDLE: '3s', NEWSFLOW_CONSUMER_BLOCK: '1s', NEWSFLOW_METRICS_INTERVAL: '1s',
    };
    const n = 120;
    const files = articleFiles(n);
    try {
      const redis = connect(prefix, env.REDIS_CLUSTER_NODES);
      const workers = newsflow(['workers', '--only', 'analyse'], env);
      const consumer = newsflow(['events', 'tail', '--group', 'alerts', '--from-start', '--follow', '--json'], { ...env, LOG_LEVEL: 'warn' });
      procs.push(workers, consumer);
      await workers.waitForLog((l) => l.msg === 'workers started');
      expect((await cli(['replay', files.dir], env)).code).toBe(0);

      const master = await cluster.masterOf(prefix);
      let atKill = 0;
      await waitUntil('the first events', async () => (atKill = await redis.xlen(k.events)) >= 5, 60_000, 20);
      await cluster.kill(master);
      // Killed while articles were still flowing, or the test would prove nothing.
      expect(atKill).toBeLessThan(n);
      const failoverMs = await cluster.awaitFailover(prefix, master);
      expect(await cluster.masterOf(prefix)).not.toBe(master);

      const ids = files.articles.map((x) => x.id);
      await waitUntil('every article published after the failover', async () => (await figures(redis, k, ids)).lost === 0, 90_000, 500);
      const again = await cli(['replay', '--wait', '--timeout', '60s', files.dir], env);
      expect(again.stdout).toContain(`published ${n}, dead 0, still pending 0`);
      const f = await figures(redis, k, ids);
      expect(f).toMatchObject({ articles: n, entries: n, lost: 0, duplicated: 0, foreign: 0 });
      expect(await redis.xlen(k.dead)).toBe(0);

      // The consumer saw every event; an entry whose acknowledgement died with the master comes again (at least once).
      const eventIds = async () => (await redis.xrange(k.events, '-', '+')).map(([, fields]) => fields[fields.indexOf('id') + 1]!);
      const wanted = new Set(await eventIds());
      const consumed = () => consumer.stdout.join('').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
      await waitUntil('the consumer has every event', () => [...wanted].every((id) => consumed().includes(id)), 60_000, 500);
      const seen = consumed();

      const status = JSON.parse((await cli(['status', '--json'], env)).stdout) as Status;
      expect(status.stream.length).toBe(n);
      expect(status.groups.map((g) => g.group)).toEqual(['alerts']);

      consumer.child.kill('SIGTERM');
      workers.child.kill('SIGTERM');
      expect((await workers.exited).code).toBe(0);
      await consumer.exited;
      // What the workers logged at warn and above while the master was away, by message.
      const tally: Record<string, number> = {};
      for (const l of workers.logs) if (Number(l.level) >= 40) tally[String(l.msg)] = (tally[String(l.msg)] ?? 0) + 1;
      console.log(
        `[cluster] master killed: articles=${n} entries=${f.entries} lost=${f.lost} duplicated=${f.duplicated} entriesAtKill=${atKill} failoverMs=${failoverMs} consumed=${new Set(seen).size} consumedTwice=${seen.length - new Set(seen).size} workerWarnings=${JSON.stringify(tally)}`,
      );
    } finally {
      files.remove();
    }
  });
});
