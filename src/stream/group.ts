import type { RedisClient } from '../redis/cluster';
import type { RawEntry } from './replies';

/**
 * The consumer-group commands `consume()` needs, for one member of one group.
 * Kept apart from the read loop in consume.ts.
 */
export interface GroupMember {
  redis: RedisClient;
  stream: string;
  group: string;
  consumer: string;
  warn: (obj: object, msg: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const errMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Create the group (and the stream) unless it exists. */
export async function ensureGroup(m: GroupMember, startAt: 'new' | 'start'): Promise<void> {
  try {
    await m.redis.call('XGROUP', ['CREATE', m.stream, m.group, startAt === 'start' ? '0' : '$', 'MKSTREAM']);
  } catch (err) {
    if (!/BUSYGROUP/.test(errMessage(err))) throw err;
  }
}

/** How often each of these entries, held by this consumer, has been delivered (from the pending list). */
export async function deliveryCounts(m: GroupMember, ids: string[]): Promise<Map<string, number>> {
  const pipe = m.redis.pipeline();
  for (const id of ids) pipe.call('XPENDING', m.stream, m.group, id, id, 1, m.consumer);
  const res = (await pipe.exec()) ?? [];
  const out = new Map<string, number>();
  res.forEach(([err, rows], i) => {
    const row = !err && Array.isArray(rows) ? (rows[0] as unknown[] | undefined) : undefined;
    out.set(ids[i]!, row ? Number(row[3]) : 1);
  });
  return out;
}

type Multi = ReturnType<RedisClient['multi']>;

/**
 * XACK, in one MULTI with whatever `extra` adds, retried through connection
 * loss: an entry left unacknowledged is handled a second time later, so this
 * tries hard. It gives up only when `giveUp()` says so (the consumer is
 * stopping and Redis stays away); the entry then stays pending and is
 * delivered again: at least once, never lost.
 */
export async function ack(m: GroupMember, id: string, opts: { extra?: (multi: Multi) => void; giveUp?: () => boolean } = {}): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      const multi = m.redis.multi();
      opts.extra?.(multi);
      multi.call('XACK', m.stream, m.group, id);
      await multi.exec();
      return true;
    } catch (err) {
      if (attempt === 0) m.warn({ err, streamId: id }, 'acknowledge failed; retrying');
      if (attempt >= 10 && opts.giveUp?.()) return false;
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }
}

/** Move an entry to the dead-letter stream and acknowledge it, atomically. */
export async function deadLetter(m: GroupMember, deadStream: string, entry: RawEntry, deliveries: number, why: { error: string; reason: string }, giveUp?: () => boolean): Promise<boolean> {
  const [id, fields] = entry;
  const f: Record<string, string> = {};
  for (let i = 0; fields && i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  const done = await ack(m, id, {
    giveUp,
    extra: (multi) =>
      multi.call('XADD', deadStream, 'MAXLEN', '~', 100_000, '*',
        'stream', m.stream, 'streamId', id, 'id', f.id ?? '', 'article', f.article ?? '',
        'group', m.group, 'consumer', m.consumer, 'deliveries', String(deliveries),
        'error', why.error, 'reason', why.reason, 'at', new Date().toISOString(), 'record', f.record ?? ''),
  });
  if (done) m.warn({ streamId: id, eventId: f.id, deliveries, error: why.error, reason: why.reason }, 'event moved to dead letters');
  return done;
}

/**
 * Hand entries this consumer read but will not handle (it is stopping) back
 * to the group: they stay pending, but with their idle time set to
 * `idleMs`, so the next claim round of any other consumer takes them at
 * once instead of after the idle time. Best effort: if it fails they are
 * still claimed, later.
 */
export async function release(m: GroupMember, ids: string[], idleMs: number): Promise<void> {
  if (ids.length === 0) return;
  await m.redis.call('XCLAIM', [m.stream, m.group, m.consumer, 0, ...ids, 'IDLE', idleMs, 'JUSTID']).catch(() => undefined);
}

/** Leave the group's consumer list clean: drop this name if it holds nothing pending. */
export async function forgetIfIdle(m: GroupMember): Promise<void> {
  const rows = (await m.redis.call('XPENDING', [m.stream, m.group, '-', '+', 1, m.consumer])) as unknown[];
  if (rows.length === 0) await m.redis.call('XGROUP', ['DELCONSUMER', m.stream, m.group, m.consumer]);
}
