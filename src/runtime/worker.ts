import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Config } from '../config/index';
import { disposition, NewsflowError, RetryableError } from '../errors';
import type { QueueName } from '../keys';
import type { Logger } from '../logger';
import { countDeadLetter, countJobDone, countJobFailed } from '../ops/metrics';
import { createClient } from '../redis/cluster';
import { deadLetter } from '../redis/dead';
import { throttledErrorLog } from '../redis/error-log';
import { isOutOfMemory } from '../redis/oom';
import type { JobPayloads, JobResults } from './jobs';
import type { Runtime } from './runtime';

/** What a processor gets besides the job: a job-scoped logger and an abort signal. */
export interface JobHelpers {
  log: Logger;
  signal: AbortSignal | undefined;
}

export type Processor<Q extends QueueName> = (data: JobPayloads[Q], job: Job<JobPayloads[Q]>, helpers: JobHelpers) => Promise<JobResults[Q]>;

/** A processor as `create` returns it, with what to release when the worker stops. */
export interface StartedProcessor<Q extends QueueName> {
  process: Processor<Q>;
  /** Called once when the worker stops (after its jobs, or at once when forced). */
  close?(): Promise<void>;
}

/** One queue's worker: which queue, how many jobs at once, how to build the processor. */
export interface WorkerDefinition<Q extends QueueName = QueueName> {
  queue: Q;
  concurrency(config: Config): number;
  /** Called once per process; may load expensive things (dictionary, segmenter). */
  create(rt: Runtime): Promise<StartedProcessor<Q>>;
  /** The article a job is about, for logs, dead letters and outcomes. */
  articleId(data: JobPayloads[Q]): string | null;
  /** The content of the article the job is about, when the job knows it. */
  contentHash?(data: JobPayloads[Q]): string | null;
}

/** A running worker of one queue. */
export interface RunningWorker {
  queue: QueueName;
  worker: Worker;
  /**
   * Hand every job still running back to the queue for another worker (moved
   * to delayed, due now; no attempt counted), within `timeoutMs`. Used when a
   * stop runs out of grace.
   */
  release(timeoutMs: number): Promise<number>;
  /** Release what the processor holds (threads, HTTP agents). */
  dispose(): Promise<void>;
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

/** Longest wait between two tries of a job that Redis refused for lack of memory. */
export const OOM_MAX_DELAY_MS = 30_000;

/**
 * Delay before a job refused by a full Redis runs again: doubles with each
 * such refusal in a row (runs started but not counted as attempts), up to
 * OOM_MAX_DELAY_MS or the base delay, whichever is longer.
 */
export function oomDelay(base: number, job: Pick<Job, 'attemptsStarted' | 'attemptsMade'>): number {
  const refusals = Math.max(0, (job.attemptsStarted ?? 1) - job.attemptsMade - 1);
  return Math.min(base * 2 ** Math.min(refusals, 20), Math.max(base, OOM_MAX_DELAY_MS));
}

function describe(err: unknown): { name: string; code: string; message: string } {
  if (err instanceof NewsflowError) return { name: err.name, code: err.code, message: err.message };
  if (err instanceof Error) return { name: err.name, code: 'E_UNEXPECTED', message: err.message };
  return { name: 'Error', code: 'E_UNEXPECTED', message: String(err) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Try `fn` up to `tries` times, doubling the pause from `firstMs`; true when it succeeded. */
async function persist(fn: () => Promise<unknown>, tries: number, firstMs: number): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    try {
      await fn();
      return true;
    } catch {
      if (i + 1 < tries) await sleep(firstMs * 2 ** i);
    }
  }
  return false;
}

/**
 * Start a BullMQ worker for one definition. Errors are mapped here and only
 * here:
 * - give-up errors fail the job at once (UnrecoverableError), others are
 *   retried with backoff until the attempts are used up;
 * - Redis at maxmemory (OOM) is never a give-up: the job is moved back to
 *   delayed without counting an attempt and runs again after a growing delay;
 * - a job that fails for good is dead-lettered before the failure is
 *   recorded; if that write fails, the job is delayed and fails again later
 *   rather than fail silently.
 */
export async function startWorker<Q extends QueueName>(def: WorkerDefinition<Q>, rt: Runtime): Promise<RunningWorker> {
  const { config, keys } = rt;
  const started = await def.create(rt);
  const qlog = rt.log.child({ queue: def.queue });
  const oomLog = throttledErrorLog(qlog, 'redis out of memory; jobs delayed, not failed');
  const deadLog = throttledErrorLog(qlog, 'dead-letter write failed; job delayed', { level: 'error' });
  const dead = async (job: Job<JobPayloads[Q]>, err: unknown) => {
    const d = describe(err);
    const id = await deadLetter(
      rt.redis,
      keys,
      { articleId: def.articleId(job.data), contentHash: def.contentHash?.(job.data) ?? null, queue: def.queue, jobId: String(job.id), error: d.name, code: d.code, reason: d.message, attempts: job.attemptsMade + 1 },
      { maxLen: config.deadMaxLen, retentionMs: config.retention },
    );
    if (id) countDeadLetter(def.queue);
    return id;
  };
  /** Move a running job to delayed without counting an attempt; tries a few times, as Redis may be refusing writes. */
  const later = (job: Job, token: string | undefined, delayMs: number) => persist(() => job.moveToDelayed(Date.now() + delayMs, token), 5, 100);
  const active = new Map<string, { job: Job; token: string | undefined }>();
  // Jobs handed back by a forced stop: their late failure is nobody's business.
  const released = new Set<string>();

  const connection = createClient(config, qlog.child({ conn: 'worker' }));
  const worker = new Worker<JobPayloads[Q], JobResults[Q]>(
    keys.queue(def.queue),
    async (job, token, signal) => {
      const log = qlog.child({ jobId: job.id, articleId: def.articleId(job.data) ?? undefined });
      const t0 = performance.now();
      active.set(String(job.id), { job, token });
      try {
        const result = await started.process(job.data, job, { log, signal });
        const ms = performance.now() - t0;
        log.info({ durationMs: Math.round(ms) }, 'job done');
        countJobDone(def.queue, ms / 1000, result);
        return result;
      } catch (err) {
        const durationMs = Math.round(performance.now() - t0);
        if (released.has(String(job.id))) throw new DelayedError();
        if (isOutOfMemory(err)) {
          oomLog(err, { jobId: job.id });
          await later(job, token, oomDelay(config.backoff, job));
          throw new DelayedError();
        }
        const what = disposition(err);
        const last = what !== 'retry' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        countJobFailed(def.queue, durationMs / 1000, describe(err).code, last);
        if (!last) {
          log.warn({ err, durationMs, attempt: job.attemptsMade + 1 }, 'job failed, will retry');
          throw err;
        }
        log.error({ err, durationMs, attempt: job.attemptsMade + 1 }, 'job failed for good');
        if (!(await persist(() => dead(job, err), 3, 200))) {
          deadLog(new Error('could not write the dead letter'), { jobId: job.id });
          await later(job, token, oomDelay(config.backoff, job));
          throw new DelayedError();
        }
        if (what !== 'retry') {
          const d = describe(err);
          throw new UnrecoverableError(`${d.name} (${d.code}): ${d.message}`);
        }
        throw err;
      } finally {
        active.delete(String(job.id));
      }
    },
    {
      connection,
      // Stored on each job as `processedBy`: which process ran it.
      name: `${hostname()}:${process.pid}`,
      prefix: keys.bullPrefix,
      concurrency: def.concurrency(config),
      lockDuration: config.lockDuration,
      stalledInterval: config.lockDuration,
      maxStalledCount: 2,
      settings: { backoffStrategy: (attemptsMade, _type, err) => backoffDelay(config.backoff, attemptsMade, err) },
    },
  );
  const workerError = throttledErrorLog(qlog, 'worker error');
  worker.on('error', (err) => workerError(err));
  // Jobs whose worker died too often never reach the processor's catch; their
  // dead letter is written with retries for as long as this worker runs.
  worker.on('failed', (job, err) => {
    if (!job || !/stalled more than allowable limit/.test(err.message)) return;
    qlog.error({ err, jobId: job.id }, 'job failed for good');
    void (async () => {
      for (let pause = 200; !(await persist(() => dead(job, err), 1, 0)); pause = Math.min(pause * 2, 10_000)) {
        deadLog(new Error('could not write the dead letter'), { jobId: job.id });
        if (worker.closing) return;
        await sleep(pause);
      }
    })();
  });
  worker.once('closed', () => connection.disconnect());
  return {
    queue: def.queue,
    worker: worker as unknown as Worker,
    async release(timeoutMs) {
      const held = [...active.values()];
      for (const { job } of held) released.add(String(job.id));
      const moved = await Promise.race([
        Promise.all(held.map(({ job, token }) => job.moveToDelayed(Date.now(), token).then(() => 1, () => 0))),
        sleep(timeoutMs).then(() => []),
      ]);
      return (moved as number[]).reduce((a: number, b: number) => a + b, 0);
    },
    async dispose() {
      await started.close?.();
    },
  };
}
