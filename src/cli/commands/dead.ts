import { parseArgs } from 'node:util';
import { requireRedis } from '../../redis/cluster';
import { listDead, retryDead, type DeadEntry } from '../../ops/dead';
import { createRuntime } from '../../runtime/runtime';
import { usageError, type CliContext, type Command } from '../command';
import { renderTable } from '../table';

const USAGE = [
  'newsflow dead list [--queue Q] [--open] [--count N] [--json]',
  '       newsflow dead retry ID... | --all      (ID: dead entry id, or article id art_…)',
].join('\n');

function table(entries: DeadEntry[]): string {
  const rows = entries.map((e) => [e.id, e.at.slice(0, 19).replace('T', ' '), e.queue, e.article ?? '-', e.code, String(e.attempts), e.retried ? 'retried' : e.publishedSince ? 'published' : 'open', e.reason]);
  return renderTable(['entry', 'at (UTC)', 'queue', 'article', 'code', 'tries', 'state', 'reason'], rows, [16, 19, 11, 28, 18, 5, 9, 60]);
}

async function withRuntime<T>(ctx: CliContext, fn: (rt: ReturnType<typeof createRuntime>) => Promise<T>): Promise<T> {
  await requireRedis(ctx.config);
  const rt = createRuntime(ctx.config, ctx.log);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** `newsflow dead list|retry`: the jobs that failed for good, and running them again. */
export const deadCommand: Command = {
  name: 'dead',
  summary: 'list the jobs that failed for good (dead letters), or retry them: re-enqueued, stale outcome cleared, entry marked retried',
  usage: USAGE,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'list') {
      const { values } = parseArgs({ args: rest, options: { queue: { type: 'string' }, open: { type: 'boolean' }, count: { type: 'string' }, json: { type: 'boolean' } } });
      const count = values.count === undefined ? undefined : Number(values.count);
      if (count !== undefined && (!Number.isInteger(count) || count < 1)) return usageError(ctx, this, `--count must be a positive integer, got "${values.count}"`);
      return withRuntime(ctx, async (rt) => {
        const entries = await listDead(rt.redis, rt.keys, { queue: values.queue, count, openOnly: values.open });
        if (values.json) for (const e of entries) ctx.stdout.write(`${JSON.stringify(e)}\n`);
        else if (entries.length === 0) ctx.stdout.write(`no dead letters${values.queue ? ` of queue ${values.queue}` : ''} in ${rt.keys.dead}\n`);
        else ctx.stdout.write(`${table(entries)}\n`);
        return 0;
      });
    }
    if (sub === 'retry') {
      const { values, positionals } = parseArgs({ args: rest, options: { all: { type: 'boolean' } }, allowPositionals: true });
      if (values.all === (positionals.length > 0)) return usageError(ctx, this, 'give dead entry ids (or article ids), or --all');
      return withRuntime(ctx, async (rt) => {
        const results = await retryDead(rt, values.all ? 'all' : positionals);
        for (const r of results) {
          const what = r.entry ? `${r.entry.id} (${r.entry.queue}${r.entry.article ? `, ${r.entry.article}` : ''})` : r.id;
          ctx.stdout.write(`${r.ok ? 'retried' : 'FAILED '} ${what}: ${r.note}\n`);
        }
        const failed = results.filter((r) => !r.ok).length;
        ctx.stdout.write(`${results.length - failed} of ${results.length} retried${results.length === 0 ? ' (no open dead letters)' : ''}\n`);
        return failed ? 1 : 0;
      });
    }
    return usageError(ctx, this, sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  },
};
