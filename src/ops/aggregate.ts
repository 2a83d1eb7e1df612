import { AggregatorRegistry, Gauge, Registry, type PrometheusContentType } from 'prom-client';
import type { Runtime } from '../runtime/runtime';
import { createPipelineMetrics } from './metrics';
import { readReports } from './reporter';
import { collectStatus, type Status } from './status';

/** The gauges read from Redis at each scrape (queue depths, stream, dead letters, groups, workers). */
function statusGauges(s: Status): Registry {
  const registry = new Registry();
  const registers = [registry];
  const queueJobs = new Gauge({ name: 'newsflow_queue_jobs', help: 'Jobs in each queue by state (waiting, active, delayed, failed, completed; finished jobs are kept for NEWSFLOW_KEEP_*).', labelNames: ['queue', 'state'], registers });
  const workers = new Gauge({ name: 'newsflow_workers_live', help: 'Live worker processes serving each queue (from their reports to Redis).', labelNames: ['queue'], registers });
  for (const q of s.queues) {
    for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed'] as const) queueJobs.set({ queue: q.queue, state }, q[state]);
    workers.set({ queue: q.queue }, q.workers);
  }
  new Gauge({ name: 'newsflow_stream_length', help: 'Entries in the events stream.', registers }).set(s.stream.length);
  new Gauge({ name: 'newsflow_stream_entries_added', help: 'Entries ever added to the events stream (XINFO entries-added; only grows).', registers }).set(s.stream.entriesAdded);
  const dead = new Gauge({ name: 'newsflow_dead_letter_entries', help: 'Entries of the dead-letter stream of jobs, open or already retried.', labelNames: ['state'], registers });
  dead.set({ state: 'open' }, s.dead.open);
  dead.set({ state: 'retried' }, s.dead.retried);
  new Gauge({ name: 'newsflow_consumer_dead_letter_entries', help: 'Entries consumers failed to handle (<prefix>:events:dead).', registers }).set(s.consumerDead.entries);
  const unread = new Gauge({ name: 'newsflow_consumer_group_unread', help: 'Entries not yet delivered to the group.', labelNames: ['group'], registers });
  const pending = new Gauge({ name: 'newsflow_consumer_group_pending', help: 'Entries delivered to the group and not acknowledged.', labelNames: ['group'], registers });
  const headroom = new Gauge({ name: 'newsflow_consumer_group_headroom', help: 'Events that can still be published before the oldest unacknowledged entry is trimmed.', labelNames: ['group'], registers });
  const age = new Gauge({ name: 'newsflow_consumer_group_oldest_age_seconds', help: 'Age of the oldest entry the group has not acknowledged (0 when none).', labelNames: ['group'], registers });
  const risk = new Gauge({ name: 'newsflow_consumer_group_at_risk', help: '1 when the group is about to lose entries to trimming (see newsflow events lag).', labelNames: ['group'], registers });
  for (const g of s.groups) {
    unread.set({ group: g.group }, g.unread);
    pending.set({ group: g.group }, g.pending);
    headroom.set({ group: g.group }, g.headroom);
    age.set({ group: g.group }, (g.oldestAgeMs ?? 0) / 1000);
    risk.set({ group: g.group }, g.risks.length > 0 ? 1 : 0);
  }
  new Gauge({ name: 'newsflow_worker_processes', help: 'Worker processes that reported within the last three intervals.', registers }).set(s.processes.filter((p) => p.live).length);
  return registry;
}

/**
 * The whole pipeline's metrics for `newsflow serve`'s `/metrics`: the
 * counters and histograms of every worker process (their last reports in
 * Redis, added up by prom-client's AggregatorRegistry) and the gauges of
 * `newsflow status`.
 */
export async function pipelineExposition(rt: Runtime): Promise<{ contentType: string; text: string }> {
  const reports = await readReports(rt.redis, rt.keys);
  // A fresh set of the metrics joins the sum, so every name is there (at 0) before any worker reported.
  const zero = await createPipelineMetrics().registry.getMetricsAsJSON();
  const counters = AggregatorRegistry.aggregate<PrometheusContentType>([zero, ...reports.map((r) => r.metrics)]);
  const merged = Registry.merge([counters, statusGauges(await collectStatus(rt))]);
  return { contentType: merged.contentType, text: await merged.metrics() };
}
