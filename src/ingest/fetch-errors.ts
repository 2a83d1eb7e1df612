import { ConnectionError, FetchTimeoutError, HeadersTooLargeError, NewsflowError } from '../errors';

/**
 * Turn what undici, net and tls throw into our named errors. Anything that
 * is not one of ours after a network call is a broken connection, which is
 * worth another try, except response headers past the limit.
 */
export function toFetchError(err: unknown, url: string, ctx: { connectMs: number; totalMs: number; maxHeaderBytes: number; timedOut: Error | null }): Error {
  if (err instanceof NewsflowError) return err;
  if (ctx.timedOut) return ctx.timedOut instanceof NewsflowError ? ctx.timedOut : new FetchTimeoutError(url, 'total', ctx.totalMs);
  const blocked = findCause(err, (e) => e instanceof NewsflowError);
  if (blocked) return blocked;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchTimeoutError(url, 'connect', ctx.connectMs);
  // Headers over the limit come back as large on every try: give up, do not retry.
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') return new HeadersTooLargeError(url, ctx.maxHeaderBytes);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new FetchTimeoutError(url, 'total', ctx.totalMs);
  return new ConnectionError(url, { cause: err });
}

function findCause(err: unknown, pred: (e: unknown) => boolean): Error | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (pred(e)) return e as Error;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
