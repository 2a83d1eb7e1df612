/**
 * Errors grouped by what the runtime does with them (see DESIGN.md):
 *
 * - RetryableError: try again later with backoff (timeouts, 5xx, lost
 *   connections, rate limits).
 * - PermanentError: give up on this job now and dead-letter it with the
 *   reason (bad XML, 404, oversized body, blocked address, bad input).
 * - FatalError: refuse to start (bad config, bad dictionary).
 *
 * Stages throw these; only workers/ maps them to BullMQ behaviour.
 */
export class NewsflowError extends Error {
  /** Stable machine-readable code, e.g. `E_FETCH_TIMEOUT`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class RetryableError extends NewsflowError {
  /** Wait at least this long before the next try (e.g. from Retry-After). */
  readonly retryAfterMs: number | undefined;
  constructor(code: string, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(code, message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export class PermanentError extends NewsflowError {}

export class FatalError extends NewsflowError {}

// ---- refuse to start -------------------------------------------------------

export class ConfigError extends FatalError {
  constructor(message: string, readonly problems: string[] = []) {
    super('E_CONFIG', message);
  }
}

export class DictionaryError extends FatalError {
  constructor(message: string, readonly file?: string, readonly line?: number) {
    super('E_DICTIONARY', file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
  }
}

/** A shipped word list or lexicon file is missing or has a bad line. */
export class WordListError extends FatalError {
  constructor(file: string, line: number, message: string) {
    super('E_WORDLIST', `${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

export class RedisUnavailableError extends FatalError {
  constructor(message: string) {
    super('E_NO_REDIS', message);
  }
}

// ---- give up on the job ----------------------------------------------------

/** The input itself is wrong (empty article, unreadable file, bad payload). */
export class BadInputError extends PermanentError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_BAD_INPUT', message, options);
  }
}

/** An article longer than NEWSFLOW_ARTICLE_MAX_CHARS: refused before analysis, dead-lettered on its own. */
export class ArticleTooLargeError extends PermanentError {
  constructor(readonly articleId: string, readonly chars: number, readonly limit: number) {
    super('E_ARTICLE_TOO_LARGE', `article ${articleId} has ${chars.toLocaleString('en-US')} characters of text; the limit is ${limit.toLocaleString('en-US')} (NEWSFLOW_ARTICLE_MAX_CHARS)`);
  }
}

/** An input file that is not text (NUL bytes, or not UTF-8): refused, the other inputs go on. */
export class BinaryInputError extends PermanentError {
  constructor(readonly file: string, why: string) {
    super('E_BINARY_INPUT', `${file}: not a text article (${why})`);
  }
}

// ---- fetching (retry) ------------------------------------------------------

export class FetchTimeoutError extends RetryableError {
  constructor(url: string, phase: 'connect' | 'total', ms: number) {
    super('E_FETCH_TIMEOUT', `${phase} timeout after ${ms} ms fetching ${url}`);
  }
}

export class UpstreamError extends RetryableError {
  constructor(url: string, readonly status: number, retryAfterMs?: number) {
    super('E_UPSTREAM', `HTTP ${status} from ${url}`, { retryAfterMs });
  }
}

export class RateLimitedError extends RetryableError {
  constructor(url: string, retryAfterMs: number) {
    super('E_RATE_LIMITED', `rate limited by ${url}; retry after ${retryAfterMs} ms`, { retryAfterMs });
  }
}

export class ConnectionError extends RetryableError {
  constructor(url: string, options?: { cause?: unknown }) {
    super('E_CONNECTION', `connection failed fetching ${url}`, options);
  }
}

// ---- fetching (give up) ----------------------------------------------------

export class HttpStatusError extends PermanentError {
  constructor(url: string, readonly status: number) {
    super('E_HTTP_STATUS', `HTTP ${status} from ${url}`);
  }
}

export class TooManyRedirectsError extends PermanentError {
  constructor(url: string, limit: number) {
    super('E_REDIRECTS', `more than ${limit} redirects (or a loop) from ${url}`);
  }
}

export class BodyTooLargeError extends PermanentError {
  constructor(url: string, limit: number) {
    super('E_TOO_LARGE', `body of ${url} exceeds ${limit} bytes (decoded)`);
  }
}

/** The response headers alone passed the limit: the server will send them again next time. */
export class HeadersTooLargeError extends PermanentError {
  constructor(url: string, limit: number) {
    super('E_HEADERS_TOO_LARGE', `response headers of ${url} exceed ${limit} bytes`);
  }
}

export class BlockedAddressError extends PermanentError {
  constructor(url: string, address: string, why: string) {
    super('E_BLOCKED_ADDRESS', `refused to fetch ${url}: ${address} is ${why}`);
  }
}

export class UnsupportedUrlError extends PermanentError {
  constructor(url: string, why: string) {
    super('E_BAD_URL', `refused to fetch ${url}: ${why}`);
  }
}

export class FeedParseError extends PermanentError {
  constructor(url: string, why: string, options?: { cause?: unknown }) {
    super('E_FEED_PARSE', `cannot parse feed ${url}: ${why}`, options);
  }
}

export class ExtractError extends PermanentError {
  constructor(url: string, why: string) {
    super('E_EXTRACT', `cannot extract article from ${url}: ${why}`);
  }
}

/** What the runtime does with an error; unknown errors are retried. */
export function disposition(err: unknown): 'retry' | 'give-up' | 'fatal' {
  if (err instanceof FatalError) return 'fatal';
  if (err instanceof PermanentError) return 'give-up';
  return 'retry';
}
