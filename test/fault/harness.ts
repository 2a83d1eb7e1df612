import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RedisClient } from '../../src/redis/cluster';
import type { Keys } from '../../src/keys';
import { pingRedis } from '../../src/redis/ensure';
import { parseEntry } from '../../src/stream/entry';
import type { Article } from '../../src/types';
import { manyArticles } from '../helpers/articles';
import { spawnLogged, type Proc } from '../helpers/processes';
import { assertValidEvent } from '../helpers/schema';

const REDIS_SERVER = '/usr/bin/redis-server';

/** Write `n` distinct articles built from the fixtures as files, the way `newsflow replay` reads them. */
export function articleFiles(n: number): { dir: string; articles: Article[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-fault-'));
  const articles = manyArticles(n);
  articles.forEach((a, i) => writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), `---\ntitle: ${a.title}\nsource: ${a.source}\n---\n${a.body}`));
  return { dir, articles, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Figures {
  articles: number;
  entries: number;
  /** Articles with no stream entry. */
  lost: number;
  /** Stream entries beyond the first for an article. */
  duplicated: number;
  /** Entries for articles this run did not replay. */
  foreign: number;
}

/**
 * Count what the stream holds against the articles replayed; every record
 * found is checked against the event schema.
 */
export async function figures(redis: RedisClient, keys: Keys, articleIds: string[]): Promise<Figures> {
  const perArticle = new Map<string, number>();
  const rows = (await redis.xrange(keys.events, '-', '+')) as Array<[string, string[]]>;
  for (const [id, fields] of rows) {
    const e = parseEntry(id, fields);
    assertValidEvent(e.record);
    perArticle.set(e.article, (perArticle.get(e.article) ?? 0) + 1);
  }
  const wanted = new Set(articleIds);
  return {
    articles: wanted.size,
    entries: rows.length,
    lost: [...wanted].filter((a) => !perArticle.has(a)).length,
    duplicated: [...perArticle.values()].reduce((n, c) => n + c - 1, 0),
    foreign: [...perArticle.keys()].filter((a) => !wanted.has(a)).length,
  };
}

/** Poll `check` until it returns true; throws with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, pollMs = 200): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (true) {
    try {
      if (await check()) return;
    } catch {
      // Redis may be away for a moment (restart tests); keep polling until the deadline.
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Count of log lines of a process matching `msg` (and `queue`, if given). */
export const logCount = (p: Proc, msg: string, queue?: string) => p.logs.filter((l) => l.msg === msg && (queue === undefined || l.queue === queue)).length;

/** SIGKILL every process that is still running. */
export async function killAll(procs: Proc[]): Promise<void> {
  await Promise.all(
    procs.map(async (p) => {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
    }),
  );
}

export function printFigures(scenario: string, f: Figures, extra: Record<string, number | string> = {}): void {
  const more = Object.entries(extra).map(([k, v]) => ` ${k}=${v}`).join('');
  console.log(`[fault] ${scenario}: articles=${f.articles} entries=${f.entries} lost=${f.lost} duplicated=${f.duplicated}${more}`);
}

/** A consumer-child.ts process (see there), with the same log handling as `newsflow()`. */
export function consumerProcess(args: { url: string; prefix: string; group: string; consumer: string; slowFirstMs?: number; claimIdleMs?: number }): Proc {
  return spawnLogged(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'consumer-child.ts'), args.url, args.prefix, args.group, args.consumer, String(args.slowFirstMs ?? 0), String(args.claimIdleMs ?? 1000)]);
}

/** One handler run as recorded by consumer-child.ts. */
export interface Run {
  streamId: string;
  consumer: string;
  deliveries: number;
}

export async function runs(redis: RedisClient, prefix: string, which: 'started' | 'done'): Promise<Run[]> {
  const members = await redis.smembers(`${prefix}:fault:${which}`);
  return members.map((m) => {
    const [streamId = '', consumer = '', deliveries = '0'] = m.split('|');
    return { streamId, consumer, deliveries: Number(deliveries) };
  });
}

/**
 * A private redis-server on a free port in a temporary directory, by default
 * with an append-only file synced on every write, so that it can be killed
 * and started again on the same data. Never the shared Redis: tests that
 * restart it or change its configuration use this.
 */
export async function privateRedis(opts: { persist?: boolean } = {}): Promise<{ url: string; restart(): Promise<number>; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-fault-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const persistence = opts.persist === false ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...persistence, '--save', '', '--maxmemory-policy', 'noeviction'];
  let server: ChildProcess;
  const start = async () => {
    server = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    await waitUntil(`redis-server on port ${port}`, () => pingRedis(url, 300), 10_000, 50);
  };
  const kill = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    /** Kill the server (SIGKILL: no shutdown save) and start it again on the same files; returns the downtime in ms. */
    async restart() {
      const t0 = Date.now();
      await kill();
      await new Promise((r) => setTimeout(r, 500));
      await start();
      return Date.now() - t0;
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
