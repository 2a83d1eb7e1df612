import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { ConfigError, RedisUnavailableError } from '../errors';
import type { Logger } from '../logger';
import { createRedis } from './connection';
import { ensureRedis, pingRedis, type RedisHandle } from './ensure';

/**
 * A connection to one Redis or to a Redis Cluster. Everything that talks to
 * Redis takes this type; which one it is follows REDIS_CLUSTER_NODES.
 */
export type RedisClient = Redis | Cluster;

/** The settings that decide how to connect. */
export interface ConnectionConfig {
  redisUrl: string;
  redisClusterNodes: readonly string[];
  prefix: string;
}

export function isCluster(client: RedisClient): client is Cluster {
  // By flag rather than instanceof: a second copy of ioredis (e.g. BullMQ's) makes other classes.
  return (client as { isCluster?: boolean }).isCluster === true;
}

export const usesCluster = (config: Pick<ConnectionConfig, 'redisClusterNodes'>) => config.redisClusterNodes.length > 0;

/**
 * The hash tag of a key as Redis Cluster computes it: the text between the
 * first `{` and the first `}` after it, if that is not empty; else null (the
 * whole key is hashed).
 */
export function hashTag(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

/**
 * Every key of the pipeline starts with the prefix, and the publish script,
 * the novelty script and BullMQ's scripts each touch several keys at once,
 * which Redis Cluster allows only within one slot. A hash tag in the prefix
 * puts them all there; without one, the first multi-key script fails with
 * CROSSSLOT, so refuse to start instead.
 */
export function assertClusterPrefix(prefix: string): void {
  if (hashTag(prefix) !== null) return;
  const bare = prefix.replace(/[{}]/g, '') || 'newsflow';
  throw new ConfigError(
    `NEWSFLOW_PREFIX="${prefix}" has no hash tag, and REDIS_CLUSTER_NODES is set: every key must hash to one slot, so the prefix must hold a non-empty {tag}, e.g. NEWSFLOW_PREFIX={${bare}}`,
  );
}

/** Startup nodes and the per-node options (credentials, TLS) from REDIS_CLUSTER_NODES entries. */
export function clusterStartup(entries: readonly string[]): { nodes: Array<{ host: string; port: number }>; redisOptions: RedisOptions } {
  const redisOptions: RedisOptions = {};
  const nodes = entries.map((entry) => {
    if (!/^rediss?:\/\//.test(entry)) {
      const i = entry.lastIndexOf(':');
      return { host: entry.slice(0, i), port: Number(entry.slice(i + 1)) };
    }
    const u = new URL(entry);
    if (u.username) redisOptions.username ??= decodeURIComponent(u.username);
    if (u.password) redisOptions.password ??= decodeURIComponent(u.password);
    if (u.protocol === 'rediss:') redisOptions.tls ??= {};
    return { host: u.hostname, port: Number(u.port || 6379) };
  });
  return { nodes, redisOptions };
}

/** Options of every cluster client: ride through a failover rather than fail the commands sent during it. */
function clusterOptions(redisOptions: RedisOptions, opts: RedisOptions): ClusterOptions {
  // Reconnects of a cluster are the cluster's (clusterRetryStrategy), not each node's.
  const { lazyConnect, enableOfflineQueue, enableReadyCheck, retryStrategy: _perNodeRetry, ...perNode } = opts;
  return {
    redisOptions: { maxRetriesPerRequest: null, ...redisOptions, ...perNode },
    enableReadyCheck: enableReadyCheck ?? true,
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    clusterRetryStrategy: (times) => Math.min(200 * times, 2000),
    // A replica takes over a failed master after cluster-node-timeout plus an
    // election: seconds. ioredis's defaults (16 tries, 100 ms apart) give up
    // on a command well before that; these keep it waiting about 20 s.
    retryDelayOnFailover: 300,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 200,
    maxRedirections: 64,
  };
}

/** Log a cluster going away and coming back: one line each, and node errors at most once per 10 s with a count. */
function watchCluster(cluster: Cluster, log: Logger): void {
  let down = false;
  let lastNodeLog = 0;
  let suppressed = 0;
  cluster.on('error', (err) => {
    if (!down) log.warn({ err }, 'redis connection error');
    down = true;
  });
  cluster.on('node error', (err: Error, node: string) => {
    const now = Date.now();
    if (now - lastNodeLog < 10_000) {
      suppressed++;
      return;
    }
    log.warn({ err, node, suppressed }, 'redis cluster node error');
    lastNodeLog = now;
    suppressed = 0;
  });
  cluster.on('ready', () => {
    if (down) log.info('redis connection restored');
    down = false;
  });
}

/**
 * The one connection factory: an ioredis Cluster when REDIS_CLUSTER_NODES is
 * set (after checking the prefix's hash tag), else one connection to
 * REDIS_URL. `opts` are ioredis options (per node for a cluster).
 */
export function createClient(config: ConnectionConfig, log: Logger, opts: RedisOptions = {}): RedisClient {
  if (!usesCluster(config)) return createRedis(config.redisUrl, log, opts);
  assertClusterPrefix(config.prefix);
  const { nodes, redisOptions } = clusterStartup(config.redisClusterNodes);
  const cluster = new Cluster(nodes, clusterOptions(redisOptions, opts));
  watchCluster(cluster, log);
  return cluster;
}

/** A second connection like `client` (for blocking reads), with per-connection `opts`. */
export function duplicateClient(client: RedisClient, opts: RedisOptions = {}): RedisClient {
  if (isCluster(client)) return client.duplicate(undefined, { redisOptions: { ...client.options.redisOptions, ...opts } });
  return (client as Redis).duplicate(opts);
}

/**
 * Every key matching `pattern`. SCAN walks one server; on a cluster each
 * master is walked (with a hash-tagged prefix all keys are on one of them,
 * but which one changes with a failover or a resharding).
 */
export async function scanKeys(client: RedisClient, pattern: string, count = 1000): Promise<string[]> {
  const servers: Redis[] = isCluster(client) ? client.nodes('master') : [client as Redis];
  const found = new Set<string>();
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, batch] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      for (const key of batch) found.add(key);
    } while (cursor !== '0');
  }
  return [...found].sort();
}

/** Where the configured Redis is, for messages. */
export function describeTarget(config: Pick<ConnectionConfig, 'redisUrl' | 'redisClusterNodes'>): string {
  return usesCluster(config) ? `the Redis Cluster at ${config.redisClusterNodes.join(',')} (REDIS_CLUSTER_NODES)` : `${config.redisUrl} (REDIS_URL)`;
}

/** One PING with a short timeout and no reconnects, to the cluster or the one Redis. */
export async function pingClient(config: ConnectionConfig, timeoutMs = 3000): Promise<boolean> {
  if (!usesCluster(config)) return pingRedis(config.redisUrl, timeoutMs);
  const { nodes, redisOptions } = clusterStartup(config.redisClusterNodes);
  const c = new Cluster(nodes, {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: () => null,
    redisOptions: { ...redisOptions, connectTimeout: timeoutMs, maxRetriesPerRequest: 0 },
  });
  c.on('error', () => {});
  c.on('node error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    return await Promise.race([c.connect().then(async () => (await c.ping()) === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    c.disconnect();
  }
}

/** Throw a RedisUnavailableError naming the target unless Redis (or the cluster) answers. */
export async function requireRedis(config: ConnectionConfig, hint = ''): Promise<void> {
  if (usesCluster(config)) assertClusterPrefix(config.prefix);
  if (!(await pingClient(config))) throw new RedisUnavailableError(`no Redis answers at ${describeTarget(config)}${hint ? `; ${hint}` : ''}`);
}

/**
 * Redis for a run (demo): the cluster if one is configured and answers;
 * else `ensureRedis` (REDIS_URL, or a private redis-server for the run).
 */
export async function ensureConnection(config: ConnectionConfig): Promise<RedisHandle> {
  if (!usesCluster(config)) return ensureRedis(config.redisUrl);
  await requireRedis(config);
  return { url: config.redisUrl, private: false, stop: async () => {} };
}
