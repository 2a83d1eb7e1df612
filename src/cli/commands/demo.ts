import { parseArgs } from 'node:util';
import { startQueueWorkers } from '../../../workers/index';
import { durationMs } from '../../config/field';
import { ensureConnection } from '../../redis/cluster';
import { recordFromFields } from '../../redis/publish';
import { enqueueArticles } from '../../runtime/enqueue';
import { createRuntime } from '../../runtime/runtime';
import { waitForOutcomes } from '../../runtime/wait';
import type { EventRecord } from '../../types';
import type { Command } from '../command';
import { DEFAULT_FIXTURES, readArticleInputs, reportBadInputs } from '../files';
import { renderTable } from '../table';

function row(name: string, r: EventRecord): string[] {
  const top = [...r.entities].sort((a, b) => b.relevance - a.relevance).slice(0, 4).map((e) => e.name);
  const types = [...new Set(r.events.map((e) => e.type))];
  return [r.article.title || name, r.tickers.join(' ') || '-', top.join('、') || '-', types.join(' ') || '-', `${r.sentiment.label} ${r.sentiment.score.toFixed(2)}`];
}

/**
 * `newsflow demo`: the real path end to end in one process: start the
 * analyse worker, replay the fixtures through Redis, wait for
 * every event and print them as a table.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'start the analyse worker in-process, replay the fixtures through Redis, print the tagged events',
  usage: 'newsflow demo [--timeout 2m] [--json] [PATH...]',
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { timeout: { type: 'string', default: '2m' }, json: { type: 'boolean' } }, allowPositionals: true });
    const timeoutMs = durationMs(values.timeout, '--timeout');
    const inputs = await readArticleInputs(positionals.length ? positionals : [DEFAULT_FIXTURES], ctx.stdin);
    const bad = reportBadInputs(inputs, ctx.stderr, 'demo');
    const docs = inputs.flatMap((i) => (i.article ? [{ name: i.name, article: i.article }] : []));
    const redis = await ensureConnection(ctx.config);
    if (redis.private) ctx.stderr.write(`newsflow demo: no Redis at ${ctx.config.redisUrl}; using a private redis-server at ${redis.url} for this run\n`);
    const config = Object.freeze({ ...ctx.config, redisUrl: redis.url });
    const rt = createRuntime(config, ctx.log);
    const group = await startQueueWorkers(rt, ['analyse']);
    try {
      const enq = await enqueueArticles(rt, docs.map((d) => d.article));
      const outs = await waitForOutcomes(rt, enq, timeoutMs);
      const rows: string[][] = [];
      let problems = bad;
      for (const [i, o] of outs.entries()) {
        const name = docs[i]!.name;
        if (!o) {
          problems++;
          rows.push([docs[i]!.article.title, `(no event within ${values.timeout})`, '', '', '']);
        } else if (o.status === 'dead') {
          problems++;
          rows.push([docs[i]!.article.title, `(failed in ${o.stage}: ${o.reason})`, '', '', '']);
        } else {
          const entry = await rt.redis.xrange(rt.keys.events, o.streamId!, o.streamId!);
          const record = entry[0] ? recordFromFields(entry[0][1]) : null;
          if (!record) {
            problems++;
            rows.push([docs[i]!.article.title, '(event trimmed from the stream)', '', '', '']);
          } else if (values.json) ctx.stdout.write(`${JSON.stringify(record)}\n`);
          else rows.push(row(name, record));
        }
      }
      if (!values.json) {
        const count = await rt.redis.xlen(rt.keys.events);
        ctx.stdout.write(`\n${renderTable(['article', 'tickers', 'top entities', 'events', 'sentiment'], rows, [34, 28, 30, 34, 14])}\n\n`);
        ctx.stdout.write(`${outs.length - problems + bad} of ${outs.length} articles published; stream ${rt.keys.events} holds ${count} entries (one per article, however often you replay)\n`);
      }
      return problems ? 1 : 0;
    } finally {
      await group.close(config.shutdownGrace);
      await rt.close();
      await redis.stop();
    }
  },
};
