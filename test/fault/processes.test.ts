import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, newsflow, spawnLogged, type Proc } from '../helpers/processes';
import { testPrefix } from '../helpers/redis';
import { killAll, privateRedis, waitUntil } from './harness';

/**
 * `newsflow workers` as an operator meets it (issue 17): start-up problems
 * end the process with one line and a non-zero code; a stop ends it within
 * the grace plus a small margin whatever state it is in; it stops when its
 * parent dies; repeated Redis errors are logged once per interval.
 * `--only ingest:feed` keeps the dictionary out of the processes that do not
 * need it.
 */
const procs: Proc[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await killAll(procs);
  for (const c of cleanups.reverse()) await c();
});

const GRACE_MS = 1_000;
/** STOP_MARGIN_MS of the workers command, plus what starting and ending a process costs on a loaded machine. */
const SLACK_MS = 2_000 + 3_000;

function start(args: string[], env: Record<string, string>): Proc {
  const p = newsflow(args, { NEWSFLOW_PREFIX: testPrefix('proc'), NEWSFLOW_SHUTDOWN_GRACE: `${GRACE_MS}ms`, ...env });
  procs.push(p);
  return p;
}

/** Exit of a process, or a failure after `ms`. */
async function exitWithin(p: Proc, ms: number): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms; last logs: ${JSON.stringify(p.logs.slice(-3))}`)), ms));
  const { code } = await Promise.race([p.exited, timeout]);
  return { code, ms: Date.now() - t0 };
}

/** A TCP port nothing listens on (a private redis-server's, after it stopped). */
async function deadPort(): Promise<string> {
  const r = await privateRedis({ persist: false });
  await r.stop();
  return r.url;
}

describe('workers: start-up errors end the process with one line', () => {
  it('bad config: exit 2, one line naming every bad variable', async () => {
    const p = start(['workers', '--only', 'ingest:feed'], { NEWSFLOW_RETENTION: '0', NEWSFLOW_FETCH_ALLOW: '10.0.0.0/33' });
    const { code } = await exitWithin(p, 20_000);
    expect(code).toBe(2);
    expect(p.logs).toHaveLength(1);
    expect(p.logs[0]!.msg).toMatch(/^newsflow workers: bad configuration: NEWSFLOW_RETENTION="0": .*; NEWSFLOW_FETCH_ALLOW=.*10\.0\.0\.0\/33/);
  });

  it('bad dictionary: exit 2 with the file and line, instead of running on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsflow-baddict-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'broken.jsonl'), '{"id": "TW:9999", "kind": "company"\n');
    const p = start(['workers', '--only', 'analyse'], { NEWSFLOW_DICT_PATH: dir });
    const { code } = await exitWithin(p, 40_000);
    expect(code).toBe(2);
    expect(p.logs).toHaveLength(1);
    expect(p.logs[0]!.msg).toMatch(/^newsflow workers: .*broken\.jsonl:1: /);
  });

  it('Redis unreachable: exit 2 after NEWSFLOW_REDIS_WAIT, one line; SIGTERM while waiting ends it at once', async () => {
    const url = await deadPort();
    const p = start(['workers', '--only', 'ingest:feed'], { REDIS_URL: url, NEWSFLOW_REDIS_WAIT: '1s' });
    const { code } = await exitWithin(p, 20_000);
    expect(code).toBe(2);
    expect(p.logs).toHaveLength(1);
    expect(p.logs[0]!.msg).toMatch(/^newsflow workers: no Redis answered at .* within 1000 ms \(NEWSFLOW_REDIS_WAIT\)/);

    // A server that takes connections and never answers: once the worker has
    // connected, it is surely waiting for Redis (and has its signal handlers).
    const connected = new Promise<void>((resolve) => {
      const sockets: Socket[] = [];
      const silent = createServer((sock) => {
        sockets.push(sock);
        resolve();
      }).listen(0, '127.0.0.1');
      cleanups.push(() => {
        for (const sock of sockets) sock.destroy();
        silent.close();
      });
      silent.on('listening', () => {
        const { port } = silent.address() as AddressInfo;
        waiting = start(['workers', '--only', 'ingest:feed'], { REDIS_URL: `redis://127.0.0.1:${port}`, NEWSFLOW_REDIS_WAIT: '60s' });
      });
    });
    let waiting: Proc | undefined;
    await connected;
    waiting!.child.kill('SIGTERM');
    const stopped = await exitWithin(waiting!, GRACE_MS + SLACK_MS);
    expect(stopped.code).toBe(0);
  });
});

describe('workers: a stop ends the process within the grace in every state', () => {
  it('SIGTERM after Redis went away: the process still ends within grace + margin', async () => {
    const server = await privateRedis({ persist: false });
    cleanups.push(() => server.stop());
    const p = start(['workers', '--only', 'ingest:feed'], { REDIS_URL: server.url });
    await p.waitForLog((l) => l.msg === 'workers started');
    await server.stop();
    await p.waitForLog((l) => l.msg === 'redis connection error', 10_000);
    p.child.kill('SIGTERM');
    const { ms } = await exitWithin(p, GRACE_MS + SLACK_MS);
    console.log(`[fault] SIGTERM with Redis gone: exitMs=${ms} graceMs=${GRACE_MS}`);
    expect(p.logs.some((l) => l.msg === 'workers stopping')).toBe(true);
  });

  it('the parent dies (npx, a shell wrapper): the worker stops too', async () => {
    const server = await privateRedis({ persist: false });
    cleanups.push(() => server.stop());
    // `; true` keeps the shell from exec'ing node: the worker's parent is the shell, as under npx.
    const wrapper = spawnLogged('sh', ['-c', `"${process.execPath}" "${BIN}" workers --only ingest:feed; true`], { ...process.env, LOG_LEVEL: 'info', REDIS_URL: server.url, NEWSFLOW_PREFIX: testPrefix('orphan'), NEWSFLOW_SHUTDOWN_GRACE: `${GRACE_MS}ms` });
    procs.push(wrapper);
    await wrapper.waitForLog((l) => l.msg === 'workers started');
    const pid = Number(wrapper.logs.find((l) => l.msg === 'workers started')!.pid);
    expect(pid).not.toBe(wrapper.child.pid);
    wrapper.child.kill('SIGKILL');
    const t0 = Date.now();
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      await waitUntil('the orphaned worker to exit', () => !alive(), 1_000 + GRACE_MS + SLACK_MS, 100);
    } finally {
      if (alive()) process.kill(pid, 'SIGKILL');
    }
    console.log(`[fault] parent killed: workerExitMs=${Date.now() - t0}`);
    expect(wrapper.logs.find((l) => l.msg === 'workers stopping')?.reason).toMatch(/^parent process \d+ exited$/);
  });
});

describe('workers: Redis errors are logged once per interval', () => {
  it('a Redis that answers every command with an error (CLUSTERDOWN, like a MOVED storm) gives a few short lines with counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsflow-clusterdown-'));
    const port = Number(new URL(await deadPort()).port);
    // A cluster node with no slots assigned refuses every keyed command.
    const node: ChildProcess = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    cleanups.push(() => {
      node.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    const p = start(['workers', '--only', 'ingest:feed'], { REDIS_URL: `redis://127.0.0.1:${port}` });
    await p.waitForLog((l) => l.msg === 'workers started');
    await new Promise((r) => setTimeout(r, 4_000));
    p.child.kill('SIGTERM');
    await exitWithin(p, GRACE_MS + SLACK_MS);
    const errors = p.logs.filter((l) => l.level === 40 || l.level === 50);
    const longest = Math.max(...p.logs.map((l) => JSON.stringify(l).length));
    console.log(`[fault] CLUSTERDOWN for 4 s: errorLines=${errors.length} longestLine=${longest}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(4);
    expect(errors.every((l) => typeof l.count === 'number')).toBe(true);
    expect(longest).toBeLessThan(1_000);
    expect(p.logs.some((l) => JSON.stringify(l).includes('redis.call'))).toBe(false);
  });
});
