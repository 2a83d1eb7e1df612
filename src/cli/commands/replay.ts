import { parseArgs } from 'node:util';
import { durationMs } from '../../config/field';
import { requireRedis } from '../../redis/cluster';
import { enqueueArticles } from '../../runtime/enqueue';
import { createRuntime } from '../../runtime/runtime';
import { waitForOutcomes } from '../../runtime/wait';
import type { Command } from '../command';
import { DEFAULT_FIXTURES, readArticles } from '../files';

/** `newsflow replay [PATH…]`: enqueue article files into `analyse` for running workers. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'enqueue article files (default: fixtures/articles) into the analyse queue',
  usage: 'newsflow replay [--wait] [--timeout 2m] [PATH...]',
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { wait: { type: 'boolean' }, timeout: { type: 'string', default: '2m' } }, allowPositionals: true });
    const docs = await readArticles(positionals.length ? positionals : [DEFAULT_FIXTURES], ctx.stdin);
    await requireRedis(ctx.config, 'workers must run against the same Redis');
    const rt = createRuntime(ctx.config, ctx.log);
    try {
      const enq = await enqueueArticles(rt, docs.map((d) => d.article));
      const added = enq.filter((e) => e.added).length;
      ctx.stdout.write(`enqueued ${enq.length} articles (${added} new jobs, ${enq.length - added} already queued or done) under prefix ${ctx.config.prefix}\n`);
      if (!values.wait) return 0;
      const outs = await waitForOutcomes(rt, enq, durationMs(values.timeout, '--timeout'));
      const published = outs.filter((o) => o?.status === 'published').length;
      const dead = outs.filter((o) => o?.status === 'dead').length;
      const pending = outs.filter((o) => !o).length;
      ctx.stdout.write(`published ${published}, dead ${dead}, still pending ${pending}\n`);
      return pending || dead ? 1 : 0;
    } finally {
      await rt.close();
    }
  },
};
