
/** How often one kind of repeated Redis error is logged at most. */
export const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Log a repeating error once per interval with a count, not once per
 * occurrence: a worker cut off from Redis, or answered `MOVED` or OOM on every
 * command, otherwise writes thousands of lines a second (issue 17). The first
 * error of a quiet spell is logged at once (`count: 1`); the ones after it
 * within the interval are counted and reported with the next line, or by a
 * timer at the end of the interval if no further error comes. The logged
 * error carries no command arguments (they can hold a whole Lua script).
 */
/** Any logger with pino's `warn`/`error` shape (a consumer's logger may have `warn` only). */
export type LevelLogger = { [level in 'warn' | 'error']?: (obj: object, msg: string) => void };

export function throttledErrorLog(log: LevelLogger, msg: string, opts: { intervalMs?: number; level?: 'warn' | 'error' } = {}): (err: unknown, fields?: Record<string, unknown>) => void {
  const intervalMs = opts.intervalMs ?? ERROR_LOG_INTERVAL_MS;
  const level = opts.level ?? 'warn';
  let last = 0;
  let pending = 0;
  let latest: { err: unknown; fields: Record<string, unknown> | undefined } | null = null;
  let timer: NodeJS.Timeout | null = null;
  const emit = (err: unknown, fields: Record<string, unknown> | undefined, count: number) => {
    log[level]?.({ ...fields, err: briefError(err), count, intervalMs }, msg);
    last = Date.now();
  };
  const flush = () => {
    timer = null;
    if (pending > 0 && latest) emit(latest.err, latest.fields, pending);
    pending = 0;
    latest = null;
  };
  return (err, fields) => {
    if (Date.now() - last >= intervalMs && pending === 0) {
      emit(err, fields, 1);
      return;
    }
    pending++;
    latest = { err, fields };
    if (!timer) {
      timer = setTimeout(flush, Math.max(0, last + intervalMs - Date.now()));
      timer.unref();
    }
  };
}

/**
 * An error as a small plain object for logs: type, message (cut to 500
 * characters), code and the name of the Redis command, without its arguments.
 */
export function briefError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 500) };
  const e = err as Error & { code?: unknown; command?: { name?: unknown } };
  const out: Record<string, unknown> = { type: e.name, message: e.message.slice(0, 500) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (e.command && typeof e.command.name === 'string') out.command = e.command.name;
  return out;
}
