import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BlockedAddressError, BodyTooLargeError, disposition, FetchTimeoutError, HeadersTooLargeError, HttpStatusError, RateLimitedError, TooManyRedirectsError, UnsupportedUrlError, UpstreamError,
} from '../../../src/errors';
import { createFetcher, type Fetcher, type FetcherOptions, type ResolvedAddress } from '../../../src/ingest/fetch';
import { startFixtureServer, type FixtureServer } from '../../helpers/http-server';

/** Test DNS: every name used here, and what it "resolves" to. Only 127.0.0.1 is ever connected to. */
const DNS: Record<string, string[]> = {
  'news.test': ['127.0.0.1'],
  'private.test': ['127.0.0.1'],
  'evil.test': ['10.0.0.5'],
  'meta.test': ['169.254.169.254'],
  localhost: ['::1', '127.0.0.1'],
};
const lookup = async (host: string): Promise<ResolvedAddress[]> => {
  const a = DNS[host];
  if (!a) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return a.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const base: FetcherOptions = {
  userAgent: 'newsflow-test/1 (fixture server)',
  connectTimeoutMs: 2000,
  timeoutMs: 5000,
  maxRedirects: 5,
  maxBytes: 1024 * 1024,
  maxRetryAfterMs: 3_600_000,
  allow: ['127.0.0.1'],
  hostConcurrency: 4,
  hostIntervalMs: 0,
};

let server: FixtureServer;
let seenHeaders: Record<string, string | string[] | undefined> = {};
const fetchers: Fetcher[] = [];
const make = (o: Partial<FetcherOptions> = {}) => {
  const f = createFetcher({ ...base, ...o }, { lookup });
  fetchers.push(f);
  return f;
};

beforeAll(async () => {
  server = await startFixtureServer([
    (req, res, url) => {
      if (url.pathname !== '/echo-headers') return false;
      seenHeaders = req.headers;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return true;
    },
    (_req, res, url) => {
      if (url.pathname !== '/secret') return false;
      res.writeHead(200).end('internal data');
      return true;
    },
  ]);
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await server.close();
});

describe('fetcher against the fixture server', () => {
  it('fetches a feed with a clear User-Agent and returns its validators', async () => {
    const f = make();
    const r = await f.fetch(server.url('/feeds/rss-utf8.xml'));
    expect(r.notModified).toBe(false);
    if (r.notModified) return;
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toContain(`http://127.0.0.1:${server.port}/pages/p000-utf8.html`);
    expect(r.validators.etag).toMatch(/^"/);
    await f.fetch(server.url('/echo-headers'));
    expect(seenHeaders['user-agent']).toBe('newsflow-test/1 (fixture server)');
  });

  it('sends the validators back and gets 304 Not Modified', async () => {
    const f = make();
    const first = await f.fetch(server.url('/feeds/atom.atom'));
    const second = await f.fetch(server.url('/feeds/atom.atom'), { validators: first.validators });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
  });

  it('decodes a gzip-encoded body', async () => {
    const r = await make().fetch(server.url('/feeds/rss-utf8.xml?gzip=1'));
    expect(!r.notModified && r.body.toString('utf8').startsWith('<?xml')).toBe(true);
  });

  it('honours 429 Retry-After and does not call the host again before it is over', async () => {
    const f = make();
    const err = await f.fetch(server.url('/hostile/429?after=120')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
    const before = server.hits.length;
    await expect(f.fetch(server.url('/feeds/rss-utf8.xml'))).rejects.toThrow(RateLimitedError);
    expect(server.hits.length).toBe(before);
  });

  it('classifies 503 with a Retry-After date, 500 and 404', async () => {
    const err = await make().fetch(server.url('/hostile/503')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).retryAfterMs).toBeGreaterThan(60_000);
    await expect(make().fetch(server.url('/hostile/500'))).rejects.toThrow(UpstreamError);
    await expect(make().fetch(server.url('/hostile/404'))).rejects.toThrow(HttpStatusError);
  });

  it('follows a few redirects but stops a loop and a long chain', async () => {
    const ok = await make().fetch(server.url('/hostile/chain?n=3'));
    expect(ok.url).toBe(server.url('/feeds/rss-utf8.xml'));
    await expect(make().fetch(server.url('/hostile/loop-a'))).rejects.toThrow(TooManyRedirectsError);
    await expect(make().fetch(server.url('/hostile/chain?n=9'))).rejects.toThrow(TooManyRedirectsError);
  });

  it('stops an oversized body, a declared one, and gzip and brotli bombs at the cap', async () => {
    for (const path of ['/hostile/huge', '/hostile/huge-declared', '/hostile/gzip-bomb', '/hostile/br-bomb']) {
      await expect(make().fetch(server.url(path)), path).rejects.toThrow(BodyTooLargeError);
    }
  });

  it('gives up at once on a 10 MB response header, naming it, instead of retrying it as a broken connection', async () => {
    const err = await make().fetch(server.url('/hostile/huge-header')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HeadersTooLargeError);
    expect(disposition(err)).toBe('give-up');
    expect((err as Error).message).toMatch(/response headers .* exceed 65536 bytes/);
  });

  it('gives up on a slow server at the total timeout', async () => {
    const err = await make({ timeoutMs: 1500 }).fetch(server.url('/hostile/slow')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchTimeoutError);
    expect((err as Error).message).toMatch(/total timeout/);
  });

  it('refuses schemes other than http(s)', async () => {
    await expect(make().fetch('ftp://127.0.0.1/feed.xml')).rejects.toThrow(UnsupportedUrlError);
    await expect(make().fetch(server.url(`/hostile/redirect?to=${encodeURIComponent('file:///etc/passwd')}`))).rejects.toThrow(UnsupportedUrlError);
  });
});

/** IPv6 literals that carry 127.0.0.1 (issue 17): each must be refused before a connection is tried. */
const V4_IN_V6 = ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:0:7f00:1]', '[::ffff:0:127.0.0.1]', '[0:0:0:0:0:ffff:127.0.0.1]', '[::ffff:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::1]'];

describe('address checks (allow-list not covering the target)', () => {
  it('refuses loopback, private, link-local and metadata addresses before connecting', async () => {
    const f = make({ allow: [] });
    const before = server.hits.length;
    for (const url of [server.url('/secret'), `http://localhost:${server.port}/secret`, `http://[::1]:${server.port}/secret`, ...V4_IN_V6.map((h) => `http://${h}:${server.port}/secret`), 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://metadata.google.internal/']) {
      await expect(f.fetch(url), url).rejects.toThrow(BlockedAddressError);
    }
    expect(server.hits.length).toBe(before);
  });

  it('connects a name with several addresses only to the allowed one', async () => {
    // localhost is ::1 and 127.0.0.1 here; only 127.0.0.1 is allowed, and the server listens only there.
    const r = await make({ allow: ['127.0.0.1'] }).fetch(`http://localhost:${server.port}/feeds/rdf.rdf`);
    expect(r.notModified).toBe(false);
  });

  it('refuses a name that resolves to a private address', async () => {
    const f = make({ allow: [] });
    const err = await f.fetch('http://evil.test/feed.xml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toContain('10.0.0.5 is a private address');
    await expect(f.fetch('http://meta.test/latest/meta-data/')).rejects.toThrow(/metadata/);
  });

  it('refuses a redirect from an allowed host to a blocked one, and never sends it', async () => {
    const f = make({ allow: ['news.test'] });
    const target = `http://private.test:${server.port}/secret`;
    const ok = await f.fetch(`http://news.test:${server.port}/feeds/rdf.rdf`);
    expect(ok.notModified).toBe(false);
    await expect(f.fetch(`http://news.test:${server.port}/hostile/redirect?to=${encodeURIComponent(target)}`)).rejects.toThrow(BlockedAddressError);
    await expect(f.fetch(`http://news.test:${server.port}/hostile/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`)).rejects.toThrow(BlockedAddressError);
    expect(server.hits.filter((h) => h.startsWith('/secret'))).toEqual([]);
  });
});
