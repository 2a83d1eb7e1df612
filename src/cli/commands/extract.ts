import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BadInputError } from '../../errors';
import { decodeBody } from '../../ingest/charset';
import { extractArticle } from '../../ingest/extract';
import { ACCEPT_HTML } from '../../ingest/fetch';
import { fetcherFromConfig } from '../../ingest/setup';
import { usageError, type Command } from '../command';

/** `newsflow extract FILE.html|URL`: what `ingest:page` would take from one page, as JSON. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract title, date, canonical URL and main text from an HTML file or URL; prints JSON',
  usage: 'newsflow extract FILE.html|URL',
  async run(argv, ctx) {
    const [input, ...extra] = argv;
    if (!input || extra.length) return usageError(ctx, this, 'give exactly one file or URL');
    let bytes: Buffer;
    let contentType: string | null = null;
    let pageUrl: string;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      const fetcher = fetcherFromConfig(ctx.config);
      try {
        const res = await fetcher.fetch(input, { accept: ACCEPT_HTML });
        if (res.notModified) throw new BadInputError(`${input}: answered 304 without a body`);
        bytes = res.body;
        contentType = res.contentType;
        pageUrl = res.url;
      } finally {
        await fetcher.close();
      }
    } else {
      const path = resolve(input);
      try {
        bytes = await readFile(path);
      } catch (err) {
        throw new BadInputError(`cannot read ${input}: ${(err as Error).message}`, { cause: err });
      }
      pageUrl = pathToFileURL(path).toString();
    }
    const decoded = decodeBody(bytes, contentType);
    const page = extractArticle(decoded.text, pageUrl);
    const out = { title: page.title, author: page.author, publishedAt: page.publishedAt, url: page.url, charset: decoded.charset, text: page.text };
    ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
