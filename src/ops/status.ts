import { QUEUES } from '../keys';
import type { Runtime } from '../runtime/runtime';
import { streamLag, type GroupLag } from '../stream/lag';
import { asMap, asNumber } from '../stream/replies';
import { deadCounts, type DeadCounts } from './dead';
import { isLive, liveWorkers, readReports } from './reporter';

/** Jobs of one queue by state, and the worker processes serving it. */
export interface QueueStatus {
  queue: string;
  /** Waiting to run (prioritised jobs included). */
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  /** Live worker processes with a worker for this queue (from their reports). */
  workers: number;
}

export interface StreamStatus {
  key: string;
  length: number;
  /** Entries ever added (XINFO `entries-added`); 0 for a stream that does not exist yet. */
  entriesAdded: number;
  maxLen: number;
  retentionMs: number;
  oldestId: string | null;
  newestId: string | null;
}

export interface ProcessStatus {
  id: string;
  host: string;
  pid: number;
  queues: string[];
  live: boolean;
  ready: boolean;
  lastReportAt: string;
}

/** Everything `newsflow status` shows, in one object (`--json` prints it as is). */
export interface Status {
  prefix: string;
  at: string;
  queues: QueueStatus[];
  dead: DeadCounts;
  /** `<prefix>:events:dead`: entries consumers failed to handle (docs/stream.md). */
  consumerDead: { key: string; entries: number };
  stream: StreamStatus;
  groups: GroupLag[];
  processes: ProcessStatus[];
}

async function streamStatus(rt: Runtime): Promise<StreamStatus> {
  const base = { key: rt.keys.events, maxLen: rt.config.streamMaxLen, retentionMs: rt.config.retention };
  try {
    const info = asMap(await rt.redis.call('XINFO', ['STREAM', rt.keys.events]));
    const first = Array.isArray(info['first-entry']) ? String(info['first-entry'][0]) : null;
    const last = Array.isArray(info['last-entry']) ? String(info['last-entry'][0]) : null;
    return { ...base, length: asNumber(info.length) ?? 0, entriesAdded: asNumber(info['entries-added']) ?? 0, oldestId: first, newestId: last };
  } catch (err) {
    if (err instanceof Error && /no such key/i.test(err.message)) return { ...base, length: 0, entriesAdded: 0, oldestId: null, newestId: null };
    throw err;
  }
}

/**
 * Queue depths, dead letters, the stream, its consumer groups and the worker
 * processes, read from Redis. The queue list is the keys module's, so a
 * queue added or dropped there shows up here by itself.
 */
export async function collectStatus(rt: Runtime, now = Date.now()): Promise<Status> {
  const reports = await readReports(rt.redis, rt.keys, now);
  const workers = liveWorkers(reports, QUEUES, now);
  const queues: QueueStatus[] = [];
  for (const name of QUEUES) {
    const c = await rt.queues[name].getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed', 'completed');
    queues.push({
      queue: name,
      waiting: (c.wait ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
      workers: workers[name] ?? 0,
    });
  }
  const lag = await streamLag(rt.redis, rt.keys.events, { maxLen: rt.config.streamMaxLen, retentionMs: rt.config.retention, margin: rt.config.lagWarnMargin, now });
  return {
    prefix: rt.config.prefix,
    at: new Date(now).toISOString(),
    queues,
    dead: await deadCounts(rt.redis, rt.keys),
    consumerDead: { key: rt.keys.eventsDead, entries: await rt.redis.xlen(rt.keys.eventsDead) },
    stream: await streamStatus(rt),
    groups: lag.groups,
    processes: reports.map((r) => ({ id: r.id, host: r.host, pid: r.pid, queues: r.queues, live: isLive(r, now), ready: r.ready, lastReportAt: new Date(r.at).toISOString() })),
  };
}
