import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Config } from '../config/index';
import { disposition, NewsflowError, RetryableError } from '../errors';
import type { QueueName } from '../keys';
import type { Logger } from '../logger';
import { createClient } from '../redis/cluster';
import { deadLetter } from '../redis/dead';
import { countDeadLetter, countJobDone, countJobFailed } from '../ops/metrics';
import type { Runtime } from './runtime';

/** What a processor gets besides the job: a job-scoped logger and an abort signal. */
export interface JobHelpers {
  log: Logger;
  signal: AbortSignal | undefined;
}

export type Processor<D, R> = (data: D, job: Job<D>, helpers: JobHelpers) => Promise<R>;

/** One queue's worker: which queue, how many jobs at once, how to build the processor. */
export interface WorkerDefinition<D = unknown, R = unknown> {
  queue: QueueName;
  concurrency(config: Config): number;
  /** Called once per process; may load expensive things (dictionary, segmenter). */
  create(rt: Runtime): Promise<Processor<D, R>>;
  /** The article a job is about, for logs and dead letters. */
  articleId(data: D): string | null;
}

/**
 * Exponential backoff that honours a Retry-After carried by the error:
 * delay · 2^(attempt-1), but never sooner than the server asked.
 */
export function backoffDelay(base: number, attemptsMade: number, err?: Error): number {
  const exp = base * 2 ** Math.max(0, attemptsMade - 1);
  const asked = err instanceof RetryableError ? (err.retryAfterMs ?? 0) : 0;
  return Math.max(exp, asked);
}

function describe(err: unknown): { name: string; code: string; message: string } {
  if (err instanceof NewsflowError) return { name: err.name, code: err.code, message: err.message };
  if (err instanceof Error) return { name: err.name, code: 'E_UNEXPECTED', message: err.message };
  return { name: 'Error', code: 'E_UNEXPECTED', message: String(err) };
}

/**
 * Start a BullMQ worker for one definition. Errors are mapped here and only
 * here: give-up errors fail the job at once (UnrecoverableError), others are
 * retried with backoff; a job that fails for good is dead-lettered with its
 * reason before the failure is recorded, so nothing fails silently.
 */
export async function startWorker<D, R>(def: WorkerDefinition<D, R>, rt: Runtime): Promise<Worker<D, R>> {
  const { config, keys } = rt;
  const processor = await def.create(rt);
  const qlog = rt.log.child({ queue: def.queue });
  const dead = async (job: Job<D>, err: unknown) => {
    const d = describe(err);
    const id = await deadLetter(
      rt.redis,
      keys,
      { articleId: def.articleId(job.data), queue: def.queue, jobId: String(job.id), error: d.name, code: d.code, reason: d.message, attempts: job.attemptsMade + 1 },
      { maxLen: config.deadMaxLen, retentionMs: config.retention },
    );
    countDeadLetter(def.queue);
    return id;
  };

  const connection = createClient(config, qlog.child({ conn: 'worker' }));
  const worker = new Worker<D, R>(
    keys.queue(def.queue),
    async (job, _token, signal) => {
      const log = qlog.child({ jobId: job.id, articleId: def.articleId(job.data) ?? undefined });
      const t0 = performance.now();
      try {
        const result = await processor(job.data, job, { log, signal });
        const ms = performance.now() - t0;
        log.info({ durationMs: Math.round(ms) }, 'job done');
        countJobDone(def.queue, ms / 1000, result);
        return result;
      } catch (err) {
        const durationMs = Math.round(performance.now() - t0);
        const what = disposition(err);
        const last = what !== 'retry' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        countJobFailed(def.queue, durationMs / 1000, describe(err).code, last);
        if (!last) {
          log.warn({ err, durationMs, attempt: job.attemptsMade + 1 }, 'job failed, will retry');
          throw err;
        }
        log.error({ err, durationMs, attempt: job.attemptsMade + 1 }, 'job failed for good');
        await dead(job, err);
        if (what !== 'retry') {
          const d = describe(err);
          throw new UnrecoverableError(`${d.name} (${d.code}): ${d.message}`);
        }
        throw err;
      }
    },
    {
      connection,
      prefix: keys.bullPrefix,
      concurrency: def.concurrency(config),
      lockDuration: config.lockDuration,
      stalledInterval: config.lockDuration,
      maxStalledCount: 2,
      settings: { backoffStrategy: (attemptsMade, _type, err) => backoffDelay(config.backoff, attemptsMade, err) },
    },
  );
  worker.on('error', (err) => qlog.warn({ err }, 'worker error'));
  // Jobs whose worker died too often never reach the processor's catch.
  worker.on('failed', (job, err) => {
    if (job && /stalled more than allowable limit/.test(err.message)) {
      qlog.error({ err, jobId: job.id }, 'job failed for good');
      dead(job, err).catch((e) => qlog.error({ err: e, jobId: job.id }, 'dead-letter write failed'));
    }
  });
  worker.once('closed', () => connection.disconnect());
  return worker;
}
