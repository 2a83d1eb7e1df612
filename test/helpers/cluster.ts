import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../src/redis/ensure';

const REDIS_SERVER = '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';

interface Node {
  port: number;
  proc: ChildProcess;
}

export interface LocalCluster {
  /** Every node as `127.0.0.1:port`. */
  nodes: string[];
  /** The port of the master that serves the slot of `key` now. */
  masterOf(key: string): Promise<number>;
  /** A master that does not serve the slot of `key`. */
  otherMaster(key: string): Promise<number>;
  /** SIGKILL one node. */
  kill(port: number): Promise<void>;
  /** Wait until a node other than `deadPort` serves the slot of `key` and the cluster state is ok; returns how long it took. */
  awaitFailover(key: string, deadPort: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One short-lived connection to one node, for the helper's own questions. */
async function ask<T>(port: number, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => {});
  try {
    await r.connect();
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

/** `CLUSTER SLOTS` as [start, end, masterPort] rows. */
async function slotMasters(port: number): Promise<Array<[number, number, number]>> {
  const rows = (await ask(port, (r) => r.call('CLUSTER', 'SLOTS'))) as Array<[number, number, [string, number]]>;
  return rows.map(([a, b, m]) => [Number(a), Number(b), Number(m[1])]);
}

/**
 * A real Redis Cluster on this machine: three masters and three replicas,
 * each a `redis-server` on a free port in a temporary directory, joined with
 * `redis-cli --cluster create`. A short node timeout (1 s) makes a failover
 * take a few seconds. `stop()` kills every node and removes the files.
 */
export async function startCluster(): Promise<LocalCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-cluster-'));
  const nodes: Node[] = [];
  const alive = (n: Node) => n.proc.exitCode === null && n.proc.signalCode === null;
  const stop = async () => {
    await Promise.all(
      nodes.filter(alive).map(async (n) => {
        const gone = new Promise((r) => n.proc.once('exit', r));
        n.proc.kill('SIGKILL');
        await gone;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 6; i++) {
      const port = await freePort();
      const args = [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes',
        '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '1000',
        // Any replica may take over, however long ago it last heard from its master.
        '--cluster-replica-validity-factor', '0',
        '--appendonly', 'no', '--save', '', '--maxmemory-policy', 'noeviction', '--logfile', `redis-${port}.log`,
      ];
      nodes.push({ port, proc: spawn(REDIS_SERVER, args, { stdio: 'ignore' }) });
    }
    for (const n of nodes) {
      for (let t = 0; ; t++) {
        const ok = await ask(n.port, (r) => r.ping()).then(() => true, () => false);
        if (ok) break;
        if (t > 100) throw new Error(`redis-server on port ${n.port} did not start`);
        await sleep(50);
      }
    }
    const addrs = nodes.map((n) => `127.0.0.1:${n.port}`);
    const created = spawnSync(REDIS_CLI, ['--cluster', 'create', ...addrs, '--cluster-replicas', '1', '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}\n${created.stderr}`);
    await waitOk(nodes.map((n) => n.port), 30_000);
  } catch (err) {
    await stop();
    throw err;
  }

  const live = () => nodes.filter(alive).map((n) => n.port);
  const slotOf = (key: string) => ask(live()[0]!, async (r) => Number(await r.call('CLUSTER', 'KEYSLOT', key)));
  const masterOf = async (key: string) => {
    const slot = await slotOf(key);
    const row = (await slotMasters(live()[0]!)).find(([a, b]) => slot >= a && slot <= b);
    if (!row) throw new Error(`no master serves slot ${slot}`);
    return row[2];
  };
  return {
    nodes: nodes.map((n) => `127.0.0.1:${n.port}`),
    masterOf,
    async otherMaster(key) {
      const owner = await masterOf(key);
      const masters = new Set((await slotMasters(live()[0]!)).map((r) => r[2]));
      const other = [...masters].find((p) => p !== owner);
      if (other === undefined) throw new Error('only one master');
      return other;
    },
    async kill(port) {
      const n = nodes.find((x) => x.port === port);
      if (!n || !alive(n)) return;
      const gone = new Promise((r) => n.proc.once('exit', r));
      n.proc.kill('SIGKILL');
      await gone;
    },
    async awaitFailover(key, deadPort, timeoutMs = 30_000) {
      const t0 = Date.now();
      while (true) {
        const owner = await masterOf(key).catch(() => deadPort);
        if (owner !== deadPort) {
          await waitOk(live(), timeoutMs);
          return Date.now() - t0;
        }
        if (Date.now() - t0 > timeoutMs) throw new Error(`no replica took over from ${deadPort} within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    stop,
  };
}

/** Wait until every given node reports `cluster_state:ok`. */
async function waitOk(ports: number[], timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (const port of ports) {
    while (true) {
      const info = await ask(port, (r) => r.call('CLUSTER', 'INFO')).then(String, () => '');
      if (info.includes('cluster_state:ok')) break;
      if (Date.now() > end) throw new Error(`cluster not ok on port ${port} within ${timeoutMs} ms`);
      await sleep(100);
    }
  }
}
