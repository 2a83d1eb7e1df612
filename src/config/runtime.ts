import { z } from 'zod';
import { clusterNodes, duration, field, int, positiveDuration } from './field';

/** Redis, queues, workers and the event stream. */
export const runtimeSection = {
  redisUrl: field('REDIS_URL', z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'), 'redis://127.0.0.1:6379', 'Redis to use for queues and the event stream.'),
  redisClusterNodes: field('REDIS_CLUSTER_NODES', clusterNodes, '', 'Redis Cluster startup nodes, `host:port,host:port,…` (or `redis://[user:password@]host:port` entries for credentials). When set, every connection is a cluster client, REDIS_URL is ignored, and NEWSFLOW_PREFIX must hold a hash tag such as `{newsflow}` (see "Redis Cluster" in the README).'),
  prefix: field('NEWSFLOW_PREFIX', z.string().regex(/^[A-Za-z0-9_{}.-]+$/, 'letters, digits, _ - . { } only'), 'newsflow', 'Prefix of every Redis key, stream and queue (use `{name}` for Redis Cluster hash tags).'),
  logLevel: field('LOG_LEVEL', z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']), 'info', 'pino log level.'),
  concurrencyFeed: field('NEWSFLOW_CONCURRENCY_FEED', int(1, 1000), '4', 'Jobs at once per `ingest:feed` worker.'),
  concurrencyPage: field('NEWSFLOW_CONCURRENCY_PAGE', int(1, 1000), '8', 'Jobs at once per `ingest:page` worker.'),
  concurrencyAnalyse: field('NEWSFLOW_CONCURRENCY_ANALYSE', int(1, 1000), '16', 'Jobs at once per `analyse` worker. The CPU work runs in one thread per process, one article at a time; more jobs in flight hide the Redis round trips between them (run one worker process per core for more CPU).'),
  attempts: field('NEWSFLOW_ATTEMPTS', int(1, 100), '5', 'Tries per job before it is dead-lettered.'),
  backoff: field('NEWSFLOW_BACKOFF', duration, '1s', 'First retry delay; doubles on each retry (exponential).'),
  keepCompletedAge: field('NEWSFLOW_KEEP_COMPLETED_AGE', duration, '1h', 'Completed jobs are removed after this age...'),
  keepCompletedCount: field('NEWSFLOW_KEEP_COMPLETED_COUNT', int(0), '10000', '...or beyond this count, whichever comes first.'),
  keepFailedAge: field('NEWSFLOW_KEEP_FAILED_AGE', duration, '7d', 'Failed jobs are removed after this age...'),
  keepFailedCount: field('NEWSFLOW_KEEP_FAILED_COUNT', int(0), '50000', '...or beyond this count.'),
  shutdownGrace: field('NEWSFLOW_SHUTDOWN_GRACE', duration, '10s', 'On SIGTERM/SIGINT, how long running jobs may take to finish before the worker stops anyway (unfinished jobs are retried later).'),
  lockDuration: field('NEWSFLOW_LOCK_DURATION', positiveDuration, '30s', 'Job lock; a job whose worker died is taken up again after about this long.'),
  streamMaxLen: field('NEWSFLOW_STREAM_MAXLEN', int(1), '1000000', 'Approximate maximum length of `<prefix>:events` (XADD MAXLEN ~).'),
  retention: field('NEWSFLOW_RETENTION', positiveDuration, '30d', 'How long events are kept: stream entries older than this are trimmed, and event ids are remembered for de-duplication and in the indexes for as long.'),
  articleTtl: field('NEWSFLOW_ARTICLE_TTL', positiveDuration, '2d', 'How long article texts waiting for analysis are kept in Redis.'),
  noveltyTtl: field('NEWSFLOW_NOVELTY_TTL', positiveDuration, '3d', 'How long articles are remembered for near-duplicate detection.'),
  articleMaxChars: field('NEWSFLOW_ARTICLE_MAX_CHARS', int(1), '200000', 'Longest article accepted for analysis, in characters (UTF-16 units) of title and body (about 600 KB of Chinese text); a longer one is dead-lettered with `ArticleTooLargeError` and the others go on.'),
  redisWait: field('NEWSFLOW_REDIS_WAIT', duration, '30s', 'At start, how long `newsflow workers` waits for Redis to answer before it exits with an error.'),
  deadMaxLen: field('NEWSFLOW_DEAD_MAXLEN', int(1), '100000', 'Approximate maximum length of `<prefix>:dead`.'),
  dictPath: field('NEWSFLOW_DICT_PATH', z.string(), '', 'Extra dictionary directories (separated by `:`), merged under the shipped dictionary; `dict import` writes to the first.'),
};
