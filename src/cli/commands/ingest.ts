import { parseArgs } from 'node:util';
import { decodeBody } from '../../ingest/charset';
import { parseFeed } from '../../ingest/feed';
import { ACCEPT_FEED } from '../../ingest/fetch';
import { ingestFeedOnce } from '../../ingest/once';
import { fetcherFromConfig } from '../../ingest/setup';
import { enqueuePages, redisSeenItems } from '../../redis/feeds';
import { requireRedis } from '../../redis/cluster';
import { redisValidatorCache } from '../../redis/http-cache';
import { durationMs } from '../../config/field';
import { enqueueArticles, type Enqueued } from '../../runtime/enqueue';
import { createRuntime } from '../../runtime/runtime';
import { waitForOutcomes } from '../../runtime/wait';
import { usageError, type Command } from '../command';

/**
 * `newsflow ingest --feed URL --once`: one feed through the pipeline now
 * (pages fetched in this process, articles handed to `analyse`).
 * `--dry-run` only fetches and parses, one JSON line per item.
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'run one feed now: fetch, parse, fetch new pages, enqueue for analysis (--dry-run: only print the items)',
  usage: 'newsflow ingest --feed URL --once [--name SOURCE] [--wait] [--timeout 2m] | --feed URL --dry-run',
  async run(argv, ctx) {
    const { values } = parseArgs({ args: argv, options: { feed: { type: 'string' }, once: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, name: { type: 'string' }, wait: { type: 'boolean' }, timeout: { type: 'string', default: '2m' } } });
    if (!values.feed) return usageError(ctx, this, '--feed URL is required');
    if (!values.once && !values['dry-run']) return usageError(ctx, this, 'give --once (scheduled polling is `newsflow feeds add`)');
    const fetcher = fetcherFromConfig(ctx.config);
    try {
      if (values['dry-run']) {
        const res = await fetcher.fetch(values.feed, { accept: ACCEPT_FEED });
        if (res.notModified) return 0;
        const feed = await parseFeed(decodeBody(res.body, res.contentType).text, res.url, { fullTextMinChars: ctx.config.feedFullTextMinChars });
        for (const i of feed.items) ctx.stdout.write(`${JSON.stringify({ title: i.title, link: i.url, published: i.publishedAt, fullText: i.hasFullText })}\n`);
        for (const s of feed.skipped) ctx.stderr.write(`skipped item ${s.index}: ${s.reason}\n`);
        return 0;
      }
      await requireRedis(ctx.config);
      const rt = createRuntime(ctx.config, ctx.log);
      const enqueued: Enqueued[] = [];
      try {
        const out = await ingestFeedOnce(
          { url: values.feed, ...(values.name ? { name: values.name } : {}) },
          {
            fetcher,
            validators: redisValidatorCache(rt.redis, rt.keys, ctx.config.retention),
            seen: redisSeenItems(rt.redis, rt.keys, ctx.config.retention),
            fullTextMinChars: ctx.config.feedFullTextMinChars,
            enqueueArticles: async (articles) => void enqueued.push(...(await enqueueArticles(rt, articles))),
            enqueuePages: (pages) => enqueuePages(rt.queues['ingest:page'], pages),
          },
        );
        for (const f of out.failures) ctx.stderr.write(`${f.url}: ${f.code} ${f.message}${f.retried ? ' (queued for retry)' : ''}\n`);
        ctx.stdout.write(
          out.notModified
            ? `${values.feed}: not modified since the last run, 0 new items\n`
            : `${values.feed}: ${out.items} items, ${out.new} new (${out.fullText} with full text, ${out.pages} pages: ${out.pages - out.failures.length} fetched, ${out.failures.length} failed); ${out.articles.length} articles enqueued for analysis\n`,
        );
        const failed = out.failures.some((f) => !f.retried);
        if (!values.wait || enqueued.length === 0) return failed ? 1 : 0;
        // Events need running analyse workers (newsflow workers) on the same Redis and prefix.
        const outs = await waitForOutcomes(rt, enqueued, durationMs(values.timeout, '--timeout'));
        const published = outs.filter((o) => o?.status === 'published').length;
        const dead = outs.filter((o) => o?.status === 'dead').length;
        const pending = outs.filter((o) => !o).length;
        ctx.stdout.write(`published ${published}, dead ${dead}, still pending ${pending}\n`);
        return failed || dead || pending ? 1 : 0;
      } finally {
        await rt.close();
      }
    } finally {
      await fetcher.close();
    }
  },
};
