/**
 * Every Redis key, stream and queue name, built from the configured prefix.
 * Nothing else in the code spells a key. Tests give each run its own prefix so
 * they can share one Redis side by side.
 */
export const QUEUES = ['ingest:feed', 'ingest:page', 'analyse'] as const;
export type QueueName = (typeof QUEUES)[number];

export function keys(prefix: string) {
  const k = (...parts: string[]) => [prefix, ...parts].join(':');
  return {
    prefix,
    /** BullMQ's own prefix: queues live under `<prefix>:q:<queue>:…`. */
    bullPrefix: k('q'),
    /** BullMQ queue names (BullMQ forbids ':' in queue names, so '-' is used). */
    queue: (name: QueueName) => name.replace(':', '-'),
    /** Stream of all labelled events. */
    events: k('events'),
    /** Stream of event entries that consumers failed to handle too often (see docs/stream.md). */
    eventsDead: k('events', 'dead'),
    /** Stream of jobs that failed for good, with the reason. */
    dead: k('dead'),
    /** Entries of `dead` that `newsflow dead retry` ran again (sorted set of entry ids, scored by the entry's own time, ms). */
    deadRetried: k('dead', 'retried'),
    /** Processes running workers: process id by the time of its last report (ms). */
    processes: k('procs'),
    /** One process's last report: its queues, readiness and counters (src/ops/reporter.ts). */
    process: (id: string) => k('proc', id),
    /** Per event id: the stream entry id it was published as (dedupe + lookup). */
    seen: (eventId: string) => k('seen', eventId),
    /** Per article id: the outcome of its last run (published or dead). */
    outcome: (articleId: string) => k('outcome', articleId),
    /** Article text waiting for analysis (jobs carry only the id); removed when its event is published. */
    article: (articleId: string) => k('article', articleId),
    /** Sorted set of event ids by publish time, per ticker (`2330.TW`). */
    tickerIndex: (ticker: string) => k('ticker', ticker),
    /** Sorted set of event ids by publish time, per entity id (`TW:2330`). */
    entityIndex: (entityId: string) => k('entity', entityId),
    /** Near-duplicate detection: recent SimHashes (hash: article id → `<simhash> <firstSeenMs>`). */
    novelty: k('novelty'),
    /** Near-duplicate detection: article id → last seen (ms), for expiry. */
    noveltySeen: k('novelty', 'seen'),
    /** Near-duplicate detection: article ids per 8-bit SimHash band (`3a7` = band 3, bits a7), by last seen. */
    noveltyBand: (band: string) => k('novelty', 'band', band),
    /** Configured feeds. */
    feeds: k('feeds'),
    /** Per article id: already taken from a feed, so each item is enqueued once. */
    feedItem: (articleId: string) => k('feed-item', articleId),
    /** Conditional-GET validators per URL. */
    httpCache: (url: string) => k('http', url),
  };
}
export type Keys = ReturnType<typeof keys>;
