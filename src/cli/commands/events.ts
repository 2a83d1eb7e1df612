import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { keys as makeKeys } from '../../keys';
import { createClient, requireRedis, type RedisClient } from '../../redis/cluster';
import { consume, getEvent, matchesFilter, streamIdTime, streamLag, tail, type EventFilter, type StreamEvent } from '../../stream/index';
import { usageError, type CliContext, type Command } from '../command';
import { renderTable } from '../table';

const USAGE = [
  'newsflow events tail [--ticker 2330] [--entity TW:2330] [--type capex] [--group G [--consumer NAME]] [--from-start] [--count N] [--follow] [--json]',
  '       newsflow events get ID        (event id evt_… or stream entry id)',
  '       newsflow events lag [--group G] [--json]',
].join('\n');

/** The first `n` items, then how many more. */
const some = (xs: string[], n: number) => (xs.length === 0 ? '-' : xs.length <= n ? xs.join(',') : `${xs.slice(0, n).join(',')},+${xs.length - n}`);

/** One readable line: publish time (UTC), event id, types, tickers, title. */
function line(e: StreamEvent): string {
  const at = new Date(streamIdTime(e.streamId)).toISOString().slice(0, 19).replace('T', ' ');
  return [at, e.id, some(e.types, 3), some(e.tickers, 5), e.record.article.title].join('  ');
}

async function connect(ctx: CliContext): Promise<RedisClient> {
  await requireRedis(ctx.config);
  return createClient(ctx.config, ctx.log.child({ conn: 'events' }));
}

async function runTail(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ticker: { type: 'string' }, entity: { type: 'string' }, type: { type: 'string' }, group: { type: 'string' }, consumer: { type: 'string' },
      'from-start': { type: 'boolean' }, count: { type: 'string' }, follow: { type: 'boolean', short: 'f' }, json: { type: 'boolean' },
    },
  });
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return usageError(ctx, eventsCommand, `--count must be a positive integer, got "${values.count}"`);
  const filter: EventFilter = { ticker: values.ticker, entity: values.entity, type: values.type };
  const print = (e: StreamEvent) => ctx.stdout.write(`${values.json ? JSON.stringify(e.record) : line(e)}\n`);
  const redis = await connect(ctx);
  const stop = new AbortController();
  const onSignal = () => {
    stop.abort();
    // A plain tail may sit in a blocking XREAD: closing the connection ends it now. A group member stops gracefully instead.
    if (values.group === undefined) redis.disconnect();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (values.group === undefined) {
      try {
        for await (const e of tail(redis, makeKeys(ctx.config.prefix), { ...filter, fromStart: values['from-start'], count, follow: values.follow, blockMs: ctx.config.consumerBlock, signal: stop.signal })) print(e);
      } catch (err) {
        if (!stop.signal.aborted) throw err;
      }
      return 0;
    }
    // As a member of a consumer group: every entry read is acknowledged, printed or filtered out.
    let printed = 0;
    const handle = consume({
      // A stable default name: what one run read but did not print is re-read first by the next run.
      redis, prefix: ctx.config.prefix, group: values.group, consumer: values.consumer ?? `tail-${hostname()}`,
      // With --count, read one entry at a time so that stopping leaves nothing read-but-unhandled.
      startAt: values['from-start'] ? 'start' : 'new', blockMs: ctx.config.consumerBlock, count: count === undefined ? ctx.config.consumerBatch : 1,
      claimIdleMs: ctx.config.consumerClaimIdle, retryDelayMs: ctx.config.consumerRetryDelay, maxDeliveries: ctx.config.consumerMaxDeliveries,
      signal: stop.signal, logger: ctx.log.child({ group: values.group }),
      onIdle: () => (values.follow ? undefined : stop.abort()),
      handler: (e) => {
        if (!matchesFilter(e, filter)) return;
        print(e);
        if (count !== undefined && ++printed >= count) stop.abort();
      },
    });
    await handle.done;
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    redis.disconnect();
  }
}

async function runGet(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  if (positionals.length !== 1) return usageError(ctx, eventsCommand, 'events get takes exactly one id');
  const redis = await connect(ctx);
  try {
    const e = await getEvent(redis, makeKeys(ctx.config.prefix), positionals[0]!);
    if (!e) {
      ctx.stderr.write(`newsflow events get: no event ${positionals[0]} in ${makeKeys(ctx.config.prefix).events} (unknown, trimmed, or older than NEWSFLOW_RETENTION)\n`);
      return 1;
    }
    ctx.stdout.write(`${JSON.stringify(e.record, null, 2)}\n`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

const ago = (ms: number | null) => (ms === null ? '-' : ms < 60_000 ? `${Math.round(ms / 1000)}s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)}m` : `${(ms / 3_600_000).toFixed(1)}h`);

async function runLag(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { group: { type: 'string' }, json: { type: 'boolean' } } });
  const redis = await connect(ctx);
  try {
    const stream = makeKeys(ctx.config.prefix).events;
    const lag = await streamLag(redis, stream, { maxLen: ctx.config.streamMaxLen, retentionMs: ctx.config.retention, margin: ctx.config.lagWarnMargin, group: values.group });
    const atRisk = lag.groups.filter((g) => g.risks.length > 0);
    for (const g of atRisk) ctx.log.warn({ group: g.group, unread: g.unread, pending: g.pending, headroom: g.headroom, oldestId: g.oldestId, risks: g.risks }, 'consumer group close to losing events to trimming');
    if (values.json) ctx.stdout.write(`${JSON.stringify(lag)}\n`);
    else {
      ctx.stdout.write(`${stream}: ${lag.length} entries, MAXLEN ~${lag.maxLen}, ${lag.groups.length} group(s)\n`);
      if (lag.groups.length > 0) {
        const rows = lag.groups.map((g) => [g.group, String(g.consumers), String(g.unread), String(g.pending), g.oldestId ?? '-', ago(g.oldestAgeMs), String(g.headroom), g.risks.length ? `WARN ${g.risks.join('+')}` : 'ok']);
        ctx.stdout.write(`${renderTable(['group', 'consumers', 'unread', 'pending', 'oldest unacked', 'age', 'headroom', 'status'], rows, [24, 9, 9, 9, 20, 6, 10, 16])}\n`);
      }
    }
    return atRisk.length > 0 ? 1 : 0;
  } finally {
    redis.disconnect();
  }
}

/** `newsflow events tail|get|lag`: read `<prefix>:events` from the shell (docs/stream.md). */
export const eventsCommand: Command = {
  name: 'events',
  summary: 'read the event stream: tail (by ticker, entity, type or as a group), get one event, lag of consumer groups',
  usage: USAGE,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'tail') return runTail(rest, ctx);
    if (sub === 'get') return runGet(rest, ctx);
    if (sub === 'lag') return runLag(rest, ctx);
    return usageError(ctx, eventsCommand, sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  },
};
