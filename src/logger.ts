import { pino, type Logger } from 'pino';

/**
 * Errors as pino prints them, minus the arguments of a failed Redis command
 * (ioredis attaches them as `command.args`: a whole Lua script or event
 * record per line otherwise).
 */
function errSerializer(err: unknown): unknown {
  // Already brief (src/redis/error-log.ts): keep as it is.
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const cmd = out?.command as { name?: unknown } | undefined;
  if (cmd && typeof cmd === 'object') out.command = { name: cmd.name };
  return out;
}

/**
 * The one root logger. JSON lines by default; readable (pino-pretty) when the
 * destination is a terminal. `fd` 2 keeps stdout free for a command's output.
 * Everything else takes a `child` with its scope (queue, jobId, articleId).
 */
export function createLogger(level: string, opts: { fd?: 1 | 2; pretty?: boolean; name?: string } = {}): Logger {
  const fd = opts.fd ?? 1;
  const pretty = opts.pretty ?? Boolean(fd === 1 ? process.stdout.isTTY : process.stderr.isTTY);
  const base = { name: opts.name ?? 'newsflow', level, serializers: { err: errSerializer } };
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: fd, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' } },
    });
  }
  return pino(base, pino.destination({ fd, sync: false }));
}

export type { Logger };
