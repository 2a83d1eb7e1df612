import { afterEach, describe, expect, it, vi } from 'vitest';
import { briefError, throttledErrorLog } from '../../../src/redis/error-log';

afterEach(() => {
  vi.useRealTimers();
});

describe('throttledErrorLog', () => {
  it('logs the first error at once, then one line per interval with the count of the rest', () => {
    vi.useFakeTimers();
    const lines: Array<{ obj: Record<string, unknown>; msg: string }> = [];
    // A consumer's logger may have `warn` only.
    const log = { warn: (obj: object, msg: string) => lines.push({ obj: obj as Record<string, unknown>, msg }) };
    const report = throttledErrorLog(log, 'stream read failed; retrying', { intervalMs: 1000 });
    for (let i = 0; i < 50; i++) {
      report(new Error(`connect ECONNREFUSED ${i}`), { group: 'g' });
      vi.advanceTimersByTime(10);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]!.obj).toMatchObject({ count: 1, group: 'g' });
    vi.advanceTimersByTime(1000);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.obj).toMatchObject({ count: 49 });
    expect((lines[1]!.obj.err as { message: string }).message).toBe('connect ECONNREFUSED 49');
  });

  it('keeps a command name but never its arguments', () => {
    const err = Object.assign(new Error('OOM command not allowed'), { command: { name: 'evalsha', args: ['x'.repeat(10_000)] } });
    const brief = briefError(err);
    expect(brief).toEqual({ type: 'Error', message: 'OOM command not allowed', command: 'evalsha' });
    expect(JSON.stringify(brief).length).toBeLessThan(200);
  });
});
