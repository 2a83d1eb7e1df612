import { parseArgs } from 'node:util';
import { durationMs } from '../../config/field';
import { requireRedis } from '../../redis/cluster';
import { enqueueArticles } from '../../runtime/enqueue';
import { createRuntime } from '../../runtime/runtime';
import { waitForOutcomes } from '../../runtime/wait';
import type { Command } from '../command';
import { DEFAULT_FIXTURES, readArticleInputs, reportBadInputs } from '../files';

/**
 * `newsflow replay [PATH…]`: enqueue article files into `analyse` for
 * running workers. A file that cannot be read or parsed is reported and
 * skipped; the good ones are enqueued all the same, and the exit code is 1.
 */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'enqueue article files (default: fixtures/articles) into the analyse queue',
  usage: 'newsflow replay [--wait] [--timeout 2m] [PATH...]',
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { wait: { type: 'boolean' }, timeout: { type: 'string', default: '2m' } }, allowPositionals: true });
    const inputs = await readArticleInputs(positionals.length ? positionals : [DEFAULT_FIXTURES], ctx.stdin);
    const bad = reportBadInputs(inputs, ctx.stderr, 'replay');
    const articles = inputs.flatMap((i) => (i.article ? [i.article] : []));
    await requireRedis(ctx.config, 'workers must run against the same Redis');
    const rt = createRuntime(ctx.config, ctx.log);
    try {
      const enq = await enqueueArticles(rt, articles);
      const added = enq.filter((e) => e.added).length;
      const refused = enq.filter((e) => e.refused);
      for (const r of refused) ctx.stderr.write(`newsflow replay: ${r.refused} (dead-lettered)\n`);
      ctx.stdout.write(`enqueued ${enq.length - refused.length} articles (${added} new jobs, ${enq.length - added - refused.length} already queued or done) under prefix ${ctx.config.prefix}${bad ? `; ${bad} files skipped` : ''}${refused.length ? `; ${refused.length} refused` : ''}\n`);
      if (!values.wait) return bad || refused.length ? 1 : 0;
      const outs = await waitForOutcomes(rt, enq, durationMs(values.timeout, '--timeout'));
      const published = outs.filter((o) => o?.status === 'published').length;
      const dead = outs.filter((o) => o?.status === 'dead').length;
      const pending = outs.filter((o) => !o).length;
      ctx.stdout.write(`published ${published}, dead ${dead}, still pending ${pending}\n`);
      return pending || dead || bad ? 1 : 0;
    } finally {
      await rt.close();
    }
  },
};
