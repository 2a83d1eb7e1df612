import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config/index';

/** The Redis the tests use: REDIS_URL (set by `newsflow with-redis`), else the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh key prefix per test, so tests share one Redis side by side. */
export function testPrefix(name = 'test'): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}

/** Config for a test: defaults, the test Redis and prefix, plus overrides (env-style names). */
export function testConfig(prefix: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({}, { REDIS_URL: TEST_REDIS_URL, NEWSFLOW_PREFIX: prefix, LOG_LEVEL: 'silent', ...overrides });
}

/** Delete every key under a prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, batch] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (batch.length) await r.unlink(...batch);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
