import { pino, type Logger } from 'pino';

/**
 * The one root logger: JSON lines by default, pretty when stdout is a
 * terminal. Everything else takes a `child` with its scope.
 */
export function createLogger(level: string, opts: { pretty?: boolean; name?: string } = {}): Logger {
  const pretty = opts.pretty ?? Boolean(process.stdout.isTTY);
  return pino({
    name: opts.name ?? 'newsflow',
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}

export type { Logger };
