import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from '../../../src/config/index';
import { ConfigError } from '../../../src/errors';

describe('config', () => {
  it('has defaults for everything and is frozen', () => {
    const c = loadConfig({});
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.prefix).toBe('newsflow');
    expect(c.backoff).toBe(1000);
    expect(c.retention).toBe(30 * 86_400_000);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('parses durations, integers and overrides from the environment', () => {
    const c = loadConfig({ NEWSFLOW_BACKOFF: '250ms', NEWSFLOW_CONCURRENCY_ANALYSE: '3', NEWSFLOW_SHUTDOWN_GRACE: '2m', NEWSFLOW_PREFIX: '{nf}' });
    expect(c.backoff).toBe(250);
    expect(c.concurrencyAnalyse).toBe(3);
    expect(c.shutdownGrace).toBe(120_000);
    expect(c.prefix).toBe('{nf}');
  });

  it('names every bad variable and what was wrong', () => {
    let err: unknown;
    try {
      loadConfig({ REDIS_URL: 'localhost:6379', NEWSFLOW_CONCURRENCY_ANALYSE: 'many', NEWSFLOW_BACKOFF: 'soon', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const v of ['REDIS_URL', 'NEWSFLOW_CONCURRENCY_ANALYSE', 'NEWSFLOW_BACKOFF', 'LOG_LEVEL']) expect(msg).toContain(v);
    expect(msg).toContain('redis://');
    expect(msg).toContain('duration');
  });

  it('rejects a zero or negative retention, TTL or lock, naming the variable (issue 17)', () => {
    for (const [env, value] of [['NEWSFLOW_RETENTION', '0'], ['NEWSFLOW_RETENTION', '-1d'], ['NEWSFLOW_ARTICLE_TTL', '0s'], ['NEWSFLOW_LOCK_DURATION', '0'], ['NEWSFLOW_NOVELTY_TTL', '0ms']] as const) {
      expect(() => loadConfig({ [env]: value }), `${env}=${value}`).toThrow(new RegExp(`${env}="${value}"`));
    }
    expect(loadConfig({ NEWSFLOW_RETENTION: '1s' }).retention).toBe(1000);
  });

  it('rejects bad CIDRs and addresses in NEWSFLOW_FETCH_ALLOW at start, naming the entry', () => {
    for (const bad of ['10.0.0.0/33', '999.1.1.1/99', '999.1.1.1', 'fd00::/129', '::zz', 'a b.corp', '10.0.0.0/']) {
      let msg = '';
      try {
        loadConfig({ NEWSFLOW_FETCH_ALLOW: `feeds.corp, ${bad}` });
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg, bad).toContain('NEWSFLOW_FETCH_ALLOW');
      expect(msg, bad).toContain(`"${bad}"`);
      expect(msg, bad).not.toContain('\n');
    }
    const ok = loadConfig({ NEWSFLOW_FETCH_ALLOW: 'feeds.corp, *.corp, 127.0.0.1, 10.0.0.0/8, [fd00::1], fd00::/8, 新聞.台灣' });
    expect(ok.fetchAllow).toHaveLength(7);
  });

  it('rejects a prefix that would break key names', () => {
    expect(() => loadConfig({ NEWSFLOW_PREFIX: 'a b' })).toThrow(/NEWSFLOW_PREFIX/);
  });

  it('documents every setting in the table', () => {
    const t = configTable();
    expect(t).toContain('| `REDIS_URL` | `redis://127.0.0.1:6379` |');
    expect(t).toContain('NEWSFLOW_STREAM_MAXLEN');
  });
});
