import { parseArgs } from 'node:util';
import { durationMs } from '../../config/field';
import { addFeed, listFeeds, removeFeed } from '../../redis/feeds';
import { requireRedis } from '../../redis/cluster';
import { createRuntime } from '../../runtime/runtime';
import { usageError, type Command } from '../command';

/** `newsflow feeds add|list|remove`: the feed list in Redis, each feed polled by a BullMQ job scheduler. */
export const feedsCommand: Command = {
  name: 'feeds',
  summary: 'add, list or remove the feeds polled by the ingest:feed workers',
  usage: 'newsflow feeds add URL [--every 5m] [--name cnyes] | feeds list | feeds remove URL',
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({ args: rest, options: { every: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true });
    if (sub !== 'add' && sub !== 'list' && sub !== 'remove') return usageError(ctx, this, `unknown subcommand ${JSON.stringify(sub ?? '')}`);
    if (sub !== 'list' && positionals.length !== 1) return usageError(ctx, this, `feeds ${sub} takes one URL`);
    await requireRedis(ctx.config);
    const rt = createRuntime(ctx.config, ctx.log);
    try {
      const queue = rt.queues['ingest:feed'];
      if (sub === 'add') {
        const everyMs = values.every ? durationMs(values.every, '--every') : ctx.config.feedInterval;
        const f = await addFeed(rt.redis, rt.keys, queue, { url: positionals[0]!, name: values.name ?? null, everyMs });
        ctx.stdout.write(`added ${f.url}${f.name ? ` (${f.name})` : ''}, every ${f.everyMs / 1000}s\n`);
        return 0;
      }
      if (sub === 'remove') {
        const removed = await removeFeed(rt.redis, rt.keys, queue, positionals[0]!);
        ctx.stdout.write(removed ? `removed ${positionals[0]}\n` : `not configured: ${positionals[0]}\n`);
        return removed ? 0 : 1;
      }
      const feeds = await listFeeds(rt.redis, rt.keys);
      for (const f of feeds) ctx.stdout.write(`${JSON.stringify(f)}\n`);
      if (feeds.length === 0) ctx.stderr.write('no feeds configured (newsflow feeds add URL)\n');
      return 0;
    } finally {
      await rt.close();
    }
  },
};
