import { describe, expect, it } from 'vitest';
import { disposition, HttpStatusError, RateLimitedError, ConfigError, UpstreamError } from '../../../src/errors';
import { keys } from '../../../src/keys';
import { backoffDelay, oomDelay } from '../../../src/runtime/worker';
import { isOutOfMemory } from '../../../src/redis/oom';
import { fit } from '../../../src/cli/table';

describe('retry policy', () => {
  it('doubles the delay on each attempt', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(1000, n))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('never retries sooner than a Retry-After asked', () => {
    expect(backoffDelay(1000, 1, new RateLimitedError('https://x', 30_000))).toBe(30_000);
    expect(backoffDelay(1000, 6, new RateLimitedError('https://x', 3_000))).toBe(32_000);
  });
  it('maps error classes to what the runtime does', () => {
    expect(disposition(new UpstreamError('u', 503))).toBe('retry');
    expect(disposition(new HttpStatusError('u', 404))).toBe('give-up');
    expect(disposition(new ConfigError('bad'))).toBe('fatal');
    expect(disposition(new TypeError('x'))).toBe('retry');
  });
});

describe('key names', () => {
  it('builds every name from the prefix and keeps ":" out of queue names', () => {
    const k = keys('nf');
    expect(k.events).toBe('nf:events');
    expect(k.seen('evt_1')).toBe('nf:seen:evt_1');
    expect(k.tickerIndex('2330.TW')).toBe('nf:ticker:2330.TW');
    expect(k.queue('ingest:feed')).toBe('ingest-feed');
    expect(k.bullPrefix).toBe('nf:q');
  });
});

describe('table cells', () => {
  it('counts CJK characters as two columns when cutting', () => {
    expect(fit('台積電法說會', 7)).toBe('台積電…');
    expect(fit('ab', 4)).toBe('ab  ');
  });
});

describe('delay after an OOM reply', () => {
  it('doubles with each refusal in a row (runs started but not counted) and stops growing at 30 s', () => {
    const job = (started: number, made: number) => ({ attemptsStarted: started, attemptsMade: made });
    expect([1, 2, 3, 4].map((n) => oomDelay(1000, job(n, 0)))).toEqual([1000, 2000, 4000, 8000]);
    expect(oomDelay(1000, job(3, 2))).toBe(1000); // two real failures before: the first refusal
    expect(oomDelay(1000, job(40, 0))).toBe(30_000);
    expect(isOutOfMemory(Object.assign(new Error("OOM command not allowed when used memory > 'maxmemory'."), { name: 'ReplyError' }))).toBe(true);
    expect(isOutOfMemory(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
  });
});
