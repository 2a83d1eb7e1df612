import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../src/errors';
import { findVisibleDate, isDateLine, parseMachineDate } from '../../../src/ingest/dates';
import { parseRetryAfter } from '../../../src/ingest/fetch';
import { type Clock, HostPoliteness } from '../../../src/ingest/politeness';

/** A clock that only moves when something sleeps on it. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

describe('HostPoliteness', () => {
  it('spaces the starts of requests to one host by the interval', async () => {
    const clock = fakeClock();
    const p = new HostPoliteness({ concurrency: 5, intervalMs: 1000 }, clock);
    (await p.acquire('a.example', 'u'))();
    (await p.acquire('a.example', 'u'))();
    (await p.acquire('b.example', 'u'))();
    expect(clock.slept).toEqual([1000]);
  });
  it('lets at most N requests run at once per host', async () => {
    const p = new HostPoliteness({ concurrency: 2, intervalMs: 0 }, fakeClock());
    const r1 = await p.acquire('a.example', 'u');
    await p.acquire('a.example', 'u');
    let third = false;
    const pending = p.acquire('a.example', 'u').then((r) => {
      third = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    r1();
    (await pending)();
    expect(third).toBe(true);
  });
  it('refuses a host that asked for a pause until the pause is over', async () => {
    const clock = fakeClock();
    const p = new HostPoliteness({ concurrency: 1, intervalMs: 0 }, clock);
    p.pause('a.example', clock.now() + 120_000);
    const err = await p.acquire('a.example', 'http://a.example/feed').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
    await clock.sleep(120_000);
    (await p.acquire('a.example', 'u'))();
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['發布日期：民國115年1月12日', '2026-01-12T00:00:00+08:00'],
    ['2026/01/12 10:30', '2026-01-12T10:30:00+08:00'],
    ['2026年1月12日 週一 下午3:05', '2026-01-12T15:05:00+08:00'],
    ['更新 2026-01-21 08:00:59', '2026-01-21T08:00:59+08:00'],
    ['2026/02/30', null],
    ['電話 2505-9999', null],
  ])('%s → %s', (text, iso) => {
    expect(findVisibleDate(text)).toBe(iso);
  });
  it('tells a date stamp from a sentence that holds a date', () => {
    expect(isDateLine('2026/02/10 14:35')).toBe(true);
    expect(isDateLine('發布時間：2026年1月12日 週一 上午10:30')).toBe(true);
    expect(isDateLine('民國115年1月12日')).toBe(true);
    expect(isDateLine('台積電將於2026年1月15日召開法說會。')).toBe(false);
    expect(isDateLine('2026年01月21日 主題趨勢報')).toBe(false);
  });
  it('reads machine dates, taking zone-less ones as UTC+8', () => {
    expect(parseMachineDate('2026-01-12T02:30:00.000Z')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('2026-01-12 10:30')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('Mon, 12 Jan 2026 02:30:00 GMT')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('')).toBeNull();
    expect(parseMachineDate('20260112103000')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('1768185000')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('Mon, 12 Jan 2026 10:30:00 CST')).toBe('2026-01-12T10:30:00+08:00');
    expect(parseMachineDate('2026-01-12 10:30:00 GMT+8')).toBe('2026-01-12T10:30:00+08:00');
  });
});
