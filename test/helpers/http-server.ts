import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** Root of the served tree: the repository's fixtures/ directory. */
export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

/** Extra or overriding routes: return true when the request was handled. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  url(path: string): string;
  /** Every request path seen, in order (to prove a request was never sent). */
  hits: string[];
  close(): Promise<void>;
}

/**
 * Per-file Content-Type overrides, to serve a page with a wrong or missing
 * charset label the way real servers do. Keys are paths under fixtures/.
 */
export const CONTENT_TYPES: Record<string, string> = {
  'pages/p001-big5.html': 'text/html; charset=big5',
  'pages/p002-gb18030.html': 'text/html',
  'pages/p003-mislabelled.html': 'text/html; charset=gb2312',
  'feeds/rss-big5.xml': 'application/rss+xml',
  'feeds/rss-gb18030.xml': 'text/xml; charset=gb2312',
  'feeds/html-not-feed.xml': 'text/html; charset=utf-8',
};

function defaultType(path: string): string {
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  if (path.endsWith('.atom')) return 'application/atom+xml; charset=utf-8';
  if (path.endsWith('.xml') || path.endsWith('.rdf')) return 'application/rss+xml; charset=utf-8';
  return 'application/octet-stream';
}

let bomb: { gzip: Buffer; br: Buffer } | null = null;
/** 32 MiB of zeros, compressed to a few kilobytes (cheap settings: the server shares the test's event loop). */
function bombs(): { gzip: Buffer; br: Buffer } {
  bomb ??= (() => {
    const zeros = Buffer.alloc(32 * 1024 * 1024);
    return { gzip: gzipSync(zeros, { level: 1 }), br: brotliCompressSync(zeros, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } }) };
  })();
  return bomb;
}

/**
 * The built-in hostile routes under /hostile/…: each imitates one way a
 * server can hurt a fetcher. All of them end by themselves (bounded loops,
 * timers cleared on close) so that no test can hang on them.
 */
function hostile(req: IncomingMessage, res: ServerResponse, url: URL, timers: Set<NodeJS.Timeout>): boolean {
  const p = url.pathname;
  if (p === '/hostile/429') {
    res.writeHead(429, { 'retry-after': url.searchParams.get('after') ?? '120' }).end('slow down');
  } else if (p === '/hostile/503') {
    res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }).end('maintenance');
  } else if (p === '/hostile/500') {
    res.writeHead(500).end('oops');
  } else if (p === '/hostile/404') {
    res.writeHead(404).end('not here');
  } else if (p === '/hostile/loop-a' || p === '/hostile/loop-b') {
    res.writeHead(302, { location: p === '/hostile/loop-a' ? '/hostile/loop-b' : '/hostile/loop-a' }).end();
  } else if (p === '/hostile/chain') {
    const n = Number(url.searchParams.get('n') ?? '0');
    res.writeHead(302, { location: n <= 0 ? '/feeds/rss-utf8.xml' : `/hostile/chain?n=${n - 1}` }).end();
  } else if (p === '/hostile/redirect') {
    res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
  } else if (p === '/hostile/huge') {
    // Announces nothing and streams up to 64 MiB of text, stopping when the client goes away.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 1024 && res.write(chunk)) sent++;
      if (sent >= 1024) res.end();
      else res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  } else if (p === '/hostile/huge-declared') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(512 * 1024 * 1024) });
    res.end('<html></html>');
  } else if (p === '/hostile/huge-header') {
    // A 10 MB response header: the client must stop reading it, not wait for its end.
    res.on('error', () => undefined);
    res.writeHead(200, { 'content-type': 'text/html', 'x-padding': 'a'.repeat(10 * 1024 * 1024) }).end('<html></html>');
  } else if (p === '/hostile/gzip-bomb' || p === '/hostile/br-bomb') {
    const gz = p === '/hostile/gzip-bomb';
    const b = gz ? bombs().gzip : bombs().br;
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': gz ? 'gzip' : 'br', 'content-length': String(b.length) });
    res.end(b);
  } else if (p === '/hostile/slow') {
    // Headers at once, then one byte a second for at most two minutes.
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    let n = 0;
    const t = setInterval(() => {
      if (res.destroyed || ++n > 120) {
        clearInterval(t);
        timers.delete(t);
        res.end();
        return;
      }
      res.write(' ');
    }, 1000);
    timers.add(t);
  } else return false;
  return true;
}

/**
 * Serve fixtures/ on 127.0.0.1 at a random port, with ETag/Last-Modified
 * conditional GET on every file and the hostile routes above. In served
 * files the text `__HOST__` becomes the request's Host header, so feeds can
 * link to pages on the same server whatever its port.
 */
export async function startFixtureServer(routes: Route[] = []): Promise<FixtureServer> {
  const hits: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fixture.invalid');
      hits.push(url.pathname + url.search);
      for (const r of routes) if (await r(req, res, url)) return;
      if (hostile(req, res, url, timers)) return;
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      if (rel.startsWith('..') || !/^(feeds|pages|articles)\//.test(rel)) {
        res.writeHead(404).end('not found');
        return;
      }
      const file = join(FIXTURES, rel);
      let body: Buffer;
      let mtime: Date;
      try {
        body = await readFile(file);
        mtime = (await stat(file)).mtime;
      } catch {
        res.writeHead(404).end('not found');
        return;
      }
      body = Buffer.from(body.toString('latin1').replaceAll('__HOST__', req.headers.host ?? '127.0.0.1'), 'latin1');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const lastModified = mtime.toUTCString();
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'last-modified': lastModified }).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[rel] ?? defaultType(rel), etag, 'last-modified': lastModified };
      if (url.searchParams.get('gzip') === '1') {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers).end(body);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    hits,
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
