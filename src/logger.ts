import { pino, type Logger } from 'pino';

/**
 * The one root logger. JSON lines by default; readable (pino-pretty) when the
 * destination is a terminal. `fd` 2 keeps stdout free for a command's output.
 * Everything else takes a `child` with its scope (queue, jobId, articleId).
 */
export function createLogger(level: string, opts: { fd?: 1 | 2; pretty?: boolean; name?: string } = {}): Logger {
  const fd = opts.fd ?? 1;
  const pretty = opts.pretty ?? Boolean(fd === 1 ? process.stdout.isTTY : process.stderr.isTTY);
  const base = { name: opts.name ?? 'newsflow', level };
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: fd, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' } },
    });
  }
  return pino(base, pino.destination({ fd, sync: false }));
}

export type { Logger };
