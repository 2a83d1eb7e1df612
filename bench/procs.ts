import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { childEnv } from '../src/config/index';

const BIN = fileURLToPath(new URL('../bin/newsflow.mjs', import.meta.url));

/** A `newsflow workers` child process; its JSON logs go to a file, as in a deployment. */
export interface WorkerProc {
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** Milliseconds from spawn to the `workers started` log line (dictionary and tagger loaded). */
  readyMs: number;
}

const live = new Set<ChildProcess>();

/** Kill whatever this benchmark started, e.g. when it is interrupted. */
export function killAll(): void {
  for (const c of live) if (c.exitCode === null) c.kill('SIGKILL');
}

/** Resident set size now and at its peak, in MB, from /proc (Linux). */
export function rssOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; USER_HZ is 100 there). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Start `newsflow workers --only analyse` with the given environment
 * on top of this one, and wait (at most `timeoutMs`) until it has loaded
 * everything and logged `workers started`.
 */
export async function startWorkerProc(env: Record<string, string>, logDir: string, n: number, nodeArgs: string[] = [], timeoutMs = 90_000): Promise<WorkerProc> {
  const logFile = join(logDir, `worker-${env.NEWSFLOW_PREFIX}-${n}.log`);
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'workers', '--only', 'analyse'], { env: childEnv({ LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'ignore', fd] });
  closeSync(fd);
  live.add(child);
  child.once('exit', () => live.delete(child));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (readFileSync(logFile, 'utf8').includes('"msg":"workers started"')) return { pid: child.pid!, child, logFile, readyMs: Math.round(performance.now() - t0) };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`worker not ready after ${timeoutMs} ms; see ${logFile}`);
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopWorkerProc(w: WorkerProc, graceMs = 15_000): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => w.child.once('exit', () => r()));
  w.child.kill('SIGTERM');
  const timer = setTimeout(() => w.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Delete every key under `prefix:` (bounded by the keyspace: SCAN ends when the cursor returns to 0). */
export async function dropPrefix(redisUrl: string, prefix: string): Promise<number> {
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let n = 0;
  try {
    let cursor = '0';
    do {
      const [next, batch] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (batch.length) n += await r.unlink(...batch);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return n;
}
