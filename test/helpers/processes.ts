import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/newsflow.mjs');

export interface Proc {
  child: ChildProcess;
  /** JSON log lines (stderr) seen so far. */
  logs: Array<Record<string, unknown>>;
  stdout: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolve when a log line matches. */
  waitForLog(pred: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
}

/** Run `newsflow ARGS` as a real child process with extra environment. */
export function newsflow(args: string[], env: Record<string, string>): Proc {
  return spawnLogged(process.execPath, [BIN, ...args], { ...process.env, LOG_LEVEL: 'info', ...env });
}

/** Spawn a process whose stderr carries JSON log lines (pino), collecting them as they come. */
export function spawnLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Proc {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Array<Record<string, unknown>> = [];
  const stdout: string[] = [];
  const waiters: Array<() => void> = [];
  let buf = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
      waiters.forEach((w) => w());
    }
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => stdout.push(d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    logs,
    stdout,
    exited,
    waitForLog(pred, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (logs.some(pred)) {
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => reject(new Error(`log line not seen in ${timeoutMs} ms; last: ${JSON.stringify(logs.slice(-3))}`)), timeoutMs);
        waiters.push(check);
        check();
        void exited.then(() => setTimeout(() => reject(new Error(`process exited; last logs: ${JSON.stringify(logs.slice(-5))}`)), 50));
      });
    },
  };
}
