import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { BlockedAddressError, BodyTooLargeError, FetchTimeoutError, HttpStatusError, NewsflowError, RateLimitedError, TooManyRedirectsError, UnsupportedUrlError, UpstreamError } from '../errors';
import { AllowList, blockedHostReason, blockedReason } from './address';
import { readBody } from './body';
import { toFetchError } from './fetch-errors';
import { type Clock, HostPoliteness, systemClock } from './politeness';
import { parseFetchUrl } from './url';

/** One resolved address, as `dns.lookup(…, { all: true })` returns them. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Conditional-GET validators of one URL. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Limits and identity of the fetcher (from the `fetch` config section). */
export interface FetcherOptions {
  userAgent: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  maxRetryAfterMs: number;
  /** NEWSFLOW_FETCH_ALLOW entries. */
  allow: readonly string[];
  hostConcurrency: number;
  hostIntervalMs: number;
}

/** What the fetcher needs from outside; every field has a real default. */
export interface FetcherDeps {
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
  clock?: Clock;
  politeness?: HostPoliteness;
}

export interface FetchRequest {
  /** Sent as If-None-Match / If-Modified-Since; a 304 then gives `notModified`. */
  validators?: Validators | null;
  accept?: string;
  signal?: AbortSignal;
}

export type FetchResult =
  | { notModified: false; url: string; requestedUrl: string; status: number; contentType: string | null; body: Buffer; validators: Validators; fetchedAt: string }
  | { notModified: true; url: string; requestedUrl: string; status: 304; validators: Validators; fetchedAt: string };

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

export const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Largest response header block read (Node's own default is 16 KiB; some sites send large cookies). */
export const MAX_HEADER_BYTES = 64 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRY_STATUSES = new Set([408, 425, 500, 502, 504, 507, 509, 520, 521, 522, 523, 524]);

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date). */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The one HTTP client of ingestion. Every hop is checked before a byte is
 * sent: the scheme, the host name, and the addresses it resolves to (inside
 * the connection's own DNS lookup, so the address that was checked is the one
 * connected to). Errors are the named classes of src/errors.ts.
 */
export function createFetcher(opts: FetcherOptions, deps: FetcherDeps = {}): Fetcher {
  const allow = new AllowList(opts.allow);
  const clock = deps.clock ?? systemClock;
  const politeness = deps.politeness ?? new HostPoliteness({ concurrency: opts.hostConcurrency, intervalMs: opts.hostIntervalMs }, clock);
  const resolve = deps.lookup ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true }));

  const guardedLookup = ((hostname: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (resolved) => {
        let addrs = resolved;
        if (addrs.length === 0) return cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
        // Only permitted addresses are handed to the connection; a name with
        // none left is refused, naming the first address that was not allowed.
        const usable = allow.allowsHost(hostname) ? addrs : addrs.filter((a) => !blockedReason(a.address) || allow.allowsAddress(a.address));
        if (usable.length === 0) {
          const first = addrs[0]!;
          return cb(new BlockedAddressError(`http://${hostname}/`, first.address, blockedReason(first.address) ?? 'not allowed'));
        }
        addrs = usable;
        if (options.all) cb(null, addrs);
        else cb(null, addrs[0]!.address, addrs[0]!.family);
      },
      (err: unknown) => cb(err),
    );
  }) as unknown as LookupFunction;

  const agent = new Agent({
    connect: { timeout: opts.connectTimeoutMs, lookup: guardedLookup },
    headersTimeout: opts.timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    bodyTimeout: opts.timeoutMs,
    maxRedirections: 0,
  } as ConstructorParameters<typeof Agent>[0]);

  function checkHost(u: URL, original: string): void {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (allow.allowsHost(host)) return;
    const named = blockedHostReason(host);
    if (named) throw new BlockedAddressError(original, host, named);
    if (isIP(host)) {
      const why = blockedReason(host);
      if (why && !allow.allowsAddress(host)) throw new BlockedAddressError(original, host, why);
    }
  }

  async function fetchOnce(requestedUrl: string, req: FetchRequest): Promise<FetchResult> {
    const timer = new AbortController();
    const signals = [timer.signal, ...(req.signal ? [req.signal] : [])];
    const signal = AbortSignal.any(signals);
    let deadline: NodeJS.Timeout | undefined;
    const visited = new Set<string>();
    let current = parseFetchUrl(requestedUrl);
    try {
      for (let hop = 0; ; hop++) {
        checkHost(current, requestedUrl);
        visited.add(current.href);
        const release = await politeness.acquire(current.host, current.href, signal);
        deadline ??= setTimeout(() => timer.abort(new FetchTimeoutError(requestedUrl, 'total', opts.timeoutMs)), opts.timeoutMs);
        try {
          const headers: Record<string, string> = {
            'user-agent': opts.userAgent,
            accept: req.accept ?? '*/*',
            'accept-encoding': 'gzip, deflate, br',
            'accept-language': 'zh-TW,zh-CN;q=0.9,zh;q=0.8,en;q=0.5',
          };
          // Validators belong to the URL they were stored for, not to a redirect target.
          if (hop === 0 && req.validators?.etag) headers['if-none-match'] = req.validators.etag;
          if (hop === 0 && req.validators?.lastModified) headers['if-modified-since'] = req.validators.lastModified;
          const res = await request(current, { method: 'GET', headers, dispatcher: agent, signal });
          const status = res.statusCode;
          const h = res.headers;
          if (REDIRECTS.has(status)) {
            await res.body.dump().catch(() => undefined);
            const location = header(h, 'location');
            if (!location) throw new HttpStatusError(current.href, status);
            if (hop >= opts.maxRedirects) throw new TooManyRedirectsError(requestedUrl, opts.maxRedirects);
            let next: URL;
            try {
              next = parseFetchUrl(location, current.href);
            } catch (err) {
              if (err instanceof UnsupportedUrlError) throw new UnsupportedUrlError(requestedUrl, `redirected to ${location}: ${err.message}`);
              throw err;
            }
            next.hash = '';
            if (visited.has(next.href)) throw new TooManyRedirectsError(requestedUrl, opts.maxRedirects);
            current = next;
            continue;
          }
          const validators: Validators = {};
          const etag = header(h, 'etag');
          const lastModified = header(h, 'last-modified');
          if (etag) validators.etag = etag;
          if (lastModified) validators.lastModified = lastModified;
          const fetchedAt = new Date(clock.now()).toISOString();
          if (status === 304 && hop === 0 && req.validators) {
            await res.body.dump().catch(() => undefined);
            return { notModified: true, url: current.href, requestedUrl, status: 304, validators: { ...req.validators, ...validators }, fetchedAt };
          }
          if (status < 200 || status > 299) {
            await res.body.dump().catch(() => undefined);
            throw statusError(current, status, header(h, 'retry-after'));
          }
          const length = Number(header(h, 'content-length'));
          if (!header(h, 'content-encoding') && Number.isFinite(length) && length > opts.maxBytes) {
            res.body.destroy();
            throw new BodyTooLargeError(current.href, opts.maxBytes);
          }
          const body = await readBody(res.body, header(h, 'content-encoding'), opts.maxBytes, current.href);
          return { notModified: false, url: current.href, requestedUrl, status, contentType: header(h, 'content-type') ?? null, body, validators, fetchedAt };
        } finally {
          release();
        }
      }
    } catch (err) {
      if (err instanceof NewsflowError) throw err;
      if (req.signal?.aborted && !timer.signal.aborted) throw req.signal.reason;
      throw toFetchError(err, current.href, { connectMs: opts.connectTimeoutMs, totalMs: opts.timeoutMs, maxHeaderBytes: MAX_HEADER_BYTES, timedOut: timer.signal.aborted ? (timer.signal.reason as Error) : null });
    } finally {
      if (deadline) clearTimeout(deadline);
    }
  }

  function statusError(u: URL, status: number, retryAfter: string | undefined): Error {
    const wait = parseRetryAfter(retryAfter, clock.now());
    const capped = wait === null ? null : Math.min(wait, opts.maxRetryAfterMs);
    if (status === 429) {
      const ms = capped ?? 60_000;
      politeness.pause(u.host, clock.now() + ms);
      return new RateLimitedError(u.href, ms);
    }
    if (status === 503) {
      if (capped !== null) politeness.pause(u.host, clock.now() + capped);
      return new UpstreamError(u.href, status, capped ?? undefined);
    }
    if (RETRY_STATUSES.has(status) || status >= 500) return new UpstreamError(u.href, status);
    return new HttpStatusError(u.href, status);
  }

  return {
    fetch: (url, req = {}) => fetchOnce(url, req),
    close: () => agent.close(),
  };
}
