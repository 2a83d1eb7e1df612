import { describe, expect, it } from 'vitest';
import { disposition, HttpStatusError, RateLimitedError, ConfigError, UpstreamError } from '../../../src/errors';
import { keys } from '../../../src/keys';
import { backoffDelay } from '../../../src/runtime/worker';
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
