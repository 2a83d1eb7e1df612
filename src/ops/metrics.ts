import { Counter, Histogram, Registry } from 'prom-client';

/**
 * The pipeline's own counters in this process (prom-client). Workers count
 * here; the reporter (reporter.ts) copies the registry to Redis every
 * NEWSFLOW_METRICS_INTERVAL, and `newsflow serve` adds up the copies of every
 * process (AggregatorRegistry), so its `/metrics` shows the whole pipeline.
 * `newsflow workers` with NEWSFLOW_METRICS_PORT also serves them directly.
 * Metric names and labels are listed in the README ("Metrics").
 */
export interface PipelineMetrics {
  registry: Registry;
  jobsCompleted: Counter<'queue'>;
  jobsFailed: Counter<'queue' | 'code' | 'final'>;
  jobDuration: Histogram<'queue' | 'status'>;
  eventsPublished: Counter;
  eventsDuplicate: Counter;
  deadLetters: Counter<'queue'>;
  fetchErrors: Counter<'queue' | 'kind'>;
}

/** Job durations from a few ms (a news flash) to the fetch timeout (30 s) and beyond. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A fresh set of the pipeline's metrics in a registry of its own. */
export function createPipelineMetrics(): PipelineMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    jobsCompleted: new Counter({ name: 'newsflow_jobs_completed_total', help: 'Jobs that finished, per queue (each queue is one stage).', labelNames: ['queue'], registers }),
    jobsFailed: new Counter({
      name: 'newsflow_jobs_failed_total',
      help: 'Job attempts that threw, per queue and error code; final="true" when the job was given up and dead-lettered, "false" when it will be retried.',
      labelNames: ['queue', 'code', 'final'],
      registers,
    }),
    jobDuration: new Histogram({ name: 'newsflow_job_duration_seconds', help: 'Time one job attempt took in its processor, per queue and outcome.', labelNames: ['queue', 'status'], buckets: DURATION_BUCKETS, registers }),
    eventsPublished: new Counter({ name: 'newsflow_events_published_total', help: 'Event records added to the events stream.', registers }),
    eventsDuplicate: new Counter({ name: 'newsflow_events_duplicate_total', help: 'Publishes refused because the event id was already in the stream (a retry, a replay, a crash after publish).', registers }),
    deadLetters: new Counter({ name: 'newsflow_dead_letters_total', help: 'Jobs written to the dead-letter stream, per queue.', labelNames: ['queue'], registers }),
    fetchErrors: new Counter({ name: 'newsflow_fetch_errors_total', help: 'Failed attempts of the fetching stages (ingest:feed, ingest:page) by error code (E_FETCH_TIMEOUT, E_UPSTREAM, E_HTTP_STATUS …).', labelNames: ['queue', 'kind'], registers }),
  };
}

let processMetrics: PipelineMetrics | undefined;

/** The metrics of this process, created on first use. */
export function pipelineMetrics(): PipelineMetrics {
  processMetrics ??= createPipelineMetrics();
  return processMetrics;
}

const FETCH_QUEUES = new Set(['ingest:feed', 'ingest:page']);

/**
 * Count one finished job. A result that says whether it added an event
 * (`{ added: boolean }`, what publishing returns) counts as published or
 * refused duplicate.
 */
export function countJobDone(queue: string, seconds: number, result: unknown): void {
  const m = pipelineMetrics();
  m.jobsCompleted.inc({ queue });
  m.jobDuration.observe({ queue, status: 'completed' }, seconds);
  const added = typeof result === 'object' && result !== null ? (result as { added?: unknown }).added : undefined;
  if (added === true) m.eventsPublished.inc();
  else if (added === false) m.eventsDuplicate.inc();
}

/** Count one failed attempt; `final` when the job is given up (and dead-lettered). */
export function countJobFailed(queue: string, seconds: number, code: string, final: boolean): void {
  const m = pipelineMetrics();
  m.jobsFailed.inc({ queue, code, final: String(final) });
  m.jobDuration.observe({ queue, status: 'failed' }, seconds);
  if (FETCH_QUEUES.has(queue)) m.fetchErrors.inc({ queue, kind: code });
}

/** Count one dead letter written. */
export function countDeadLetter(queue: string): void {
  pipelineMetrics().deadLetters.inc({ queue });
}
