import { RateLimitedError } from '../errors';

/** Time and waiting, injected so that tests run on a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

interface HostState {
  active: number;
  lastStart: number;
  blockedUntil: number;
  waiters: Array<() => void>;
}

/**
 * Per-host manners: at most `concurrency` requests at once to one host and
 * at least `intervalMs` between the starts of two of them, plus a host-wide
 * pause after a 429/503 with Retry-After. The state is this process's; each
 * worker process keeps its own, so N processes may together reach N times
 * the limit (docs/ingestion.md, "Politeness").
 */
export class HostPoliteness {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly opts: { concurrency: number; intervalMs: number },
    private readonly clock: Clock = systemClock,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, lastStart: -Infinity, blockedUntil: 0, waiters: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  /**
   * Wait for a slot on `host`; returns the function that frees it. A host
   * that asked us to come back later is not waited for: the caller gets a
   * RateLimitedError so the job is retried after the pause instead of
   * holding a worker slot.
   */
  async acquire(host: string, url: string, signal?: AbortSignal): Promise<() => void> {
    const s = this.state(host);
    const wait = s.blockedUntil - this.clock.now();
    if (wait > 0) throw new RateLimitedError(url, wait);
    while (s.active >= this.opts.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          s.waiters = s.waiters.filter((w) => w !== wake);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        s.waiters.push(wake);
      });
    }
    s.active += 1;
    try {
      // Reserve the start time before sleeping so that concurrent callers queue behind it.
      const start = Math.max(this.clock.now(), s.lastStart + this.opts.intervalMs);
      s.lastStart = start;
      const delay = start - this.clock.now();
      if (delay > 0) await this.clock.sleep(delay, signal);
    } catch (err) {
      this.free(s);
      throw err;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.free(s);
    };
  }

  /** Remember that `host` asked for a pause (Retry-After). */
  pause(host: string, untilMs: number): void {
    const s = this.state(host);
    s.blockedUntil = Math.max(s.blockedUntil, untilMs);
  }

  private free(s: HostState): void {
    s.active -= 1;
    s.waiters.shift()?.();
  }
}
