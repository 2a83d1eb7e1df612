import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index';
import { ConfigError } from '../../../src/errors';
import { keys } from '../../../src/keys';
import { assertClusterPrefix, clusterStartup, hashTag } from '../../../src/redis/cluster';

describe('Redis Cluster settings', () => {
  it('finds the hash tag the way Redis does: first { to the first } after it, not empty', () => {
    expect(hashTag('{newsflow}:events')).toBe('newsflow');
    expect(hashTag('prod-{nf}:q:analyse')).toBe('nf');
    expect(hashTag('{}newsflow')).toBeNull();
    expect(hashTag('news{flow')).toBeNull();
    expect(hashTag('newsflow')).toBeNull();
    expect(hashTag('{a}{b}')).toBe('a');
  });

  it('every key of a hash-tagged prefix carries the same tag, whatever follows it', () => {
    const k = keys('{nf}');
    const all = [k.events, k.eventsDead, k.dead, k.deadRetried, k.processes, k.process('host-1'), k.seen('evt_1'), k.outcome('art_1'), k.article('art_1'), k.tickerIndex('2330.TW'), k.entityIndex('org:{x}'), k.noveltyBand('3a7'), `${k.bullPrefix}:${k.queue('ingest:feed')}:wait`];
    for (const key of all) expect(hashTag(key), key).toBe('nf');
  });

  it('refuses a prefix without a hash tag, naming the variable and a fix', () => {
    expect(() => assertClusterPrefix('{newsflow}')).not.toThrow();
    let err: unknown;
    try {
      assertClusterPrefix('newsflow');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('NEWSFLOW_PREFIX={newsflow}');
    expect(() => assertClusterPrefix('{}x')).toThrow(/hash tag/);
  });

  it('parses REDIS_CLUSTER_NODES entries, with credentials and TLS from URLs', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-a:7001,rediss://app:s%3Acret@redis-b:7002' });
    expect(c.redisClusterNodes).toHaveLength(3);
    const { nodes, redisOptions } = clusterStartup(c.redisClusterNodes);
    expect(nodes).toEqual([{ host: '10.0.0.1', port: 7000 }, { host: 'redis-a', port: 7001 }, { host: 'redis-b', port: 7002 }]);
    expect(redisOptions).toMatchObject({ username: 'app', password: 's:cret', tls: {} });
    expect(loadConfig({}).redisClusterNodes).toEqual([]);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(/REDIS_CLUSTER_NODES.*host:port/);
  });

  it('reads the metrics settings', () => {
    expect(loadConfig({}).metricsPort).toBeNull();
    expect(loadConfig({ NEWSFLOW_METRICS_PORT: '9464', NEWSFLOW_METRICS_INTERVAL: '2s' })).toMatchObject({ metricsPort: 9464, metricsInterval: 2000, metricsHost: '127.0.0.1' });
    expect(() => loadConfig({ NEWSFLOW_METRICS_PORT: '99999' })).toThrow(/NEWSFLOW_METRICS_PORT/);
  });
});
