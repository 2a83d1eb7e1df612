import type { FeedJobData, FeedOutcome, PageJobData } from '../ingest/process';

/**
 * The payload of each queue's jobs, in one map (as graphile-worker keeps its
 * task map): `rt.queues.analyse` is a `Queue<JobPayloads['analyse']>`, and a
 * worker definition for a queue is typed by the same entry, so producer and
 * consumer cannot drift apart (a queue in `QUEUES` without an entry here
 * fails to compile in runtime.ts). Payloads stay small: ids and URLs, never
 * article texts (those wait under `<prefix>:article:<id>`).
 */
export interface JobPayloads {
  'ingest:feed': FeedJobData;
  'ingest:page': PageJobData;
  analyse: AnalyseJobData;
}

/** What each queue's jobs return (kept by BullMQ with the completed job). */
export interface JobResults {
  'ingest:feed': FeedOutcome;
  'ingest:page': { articleId: string; title: string; chars: number };
  analyse: AnalyseResult;
}

/** One `analyse` job per article; job id = article id. */
export interface AnalyseJobData {
  articleId: string;
  /** Content hash of the text stored when the job was added. */
  contentHash: string;
}

/** The event an `analyse` job published (or found published already). */
export interface AnalyseResult {
  eventId: string;
  streamId: string;
  /** False when the event id had been published before (a retry, a replay). */
  added: boolean;
}
