import type { QueueName } from '../src/keys';
import type { WorkerDefinition } from '../src/runtime/worker';
import { analyseWorker } from './analyse';
import { ingestFeedWorker } from './ingest-feed';
import { ingestPageWorker } from './ingest-page';
import { publishWorker } from './publish';

// Each definition is typed by its own payload; the registry only routes them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkerDefinition = WorkerDefinition<any, any>;

/** One worker definition per queue; `newsflow workers --only …` picks from these. */
export const workerDefinitions: Partial<Record<QueueName, AnyWorkerDefinition>> = {
  'ingest:feed': ingestFeedWorker,
  'ingest:page': ingestPageWorker,
  analyse: analyseWorker,
  publish: publishWorker,
};
