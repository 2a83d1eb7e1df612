import { ConfigError } from '../src/errors';
import { QUEUES, type QueueName } from '../src/keys';
import type { Runtime } from '../src/runtime/runtime';
import type { WorkerDefinition } from '../src/runtime/worker';
import { startWorkers, type WorkerGroup } from '../src/runtime/workers';

/**
 * One worker definition per queue, each loaded only when its queue is
 * served: `newsflow workers --only analyse` never loads the fetcher, and
 * `--only ingest:feed` never loads the dictionary.
 */
export const workerLoaders: { [Q in QueueName]: () => Promise<WorkerDefinition<Q>> } = {
  'ingest:feed': async () => (await import('./ingest-feed')).ingestFeedWorker,
  'ingest:page': async () => (await import('./ingest-page')).ingestPageWorker,
  analyse: async () => (await import('./analyse')).analyseWorker,
};

/** Parse `--only analyse,ingest:page` into queue names, naming any unknown one. */
export function parseQueueList(spec: string | undefined): QueueName[] {
  const available = [...QUEUES];
  if (!spec) return available;
  const wanted = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((w) => !available.includes(w as QueueName));
  const why = bad.includes('publish') ? ' ("publish" is no longer a queue: analyse workers publish)' : '';
  if (bad.length) throw new ConfigError(`unknown queue ${bad.map((b) => `"${b}"`).join(', ')}; available: ${available.join(', ')}${why}`);
  return [...new Set(wanted)] as QueueName[];
}

/** The definitions of the given queues, loaded. */
export async function loadDefinitions(queues: QueueName[]): Promise<WorkerDefinition[]> {
  return Promise.all(queues.map((q) => workerLoaders[q]() as Promise<WorkerDefinition>));
}

/** Load the definitions of `queues` and start their workers in this process. */
export async function startQueueWorkers(rt: Runtime, queues: QueueName[]): Promise<WorkerGroup> {
  return startWorkers(rt, await loadDefinitions(queues));
}
