import { getOutcomes, type Outcome } from '../redis/articles';
import type { Enqueued } from './enqueue';
import type { Runtime } from './runtime';

/**
 * Wait until every enqueued article has an outcome for the content that was
 * enqueued (published, or dead-lettered), or until the timeout. Returns the
 * outcomes in input order, null where none came in time. A dead outcome that
 * names no content (written by a stage before analysis) counts for any.
 */
export async function waitForOutcomes(rt: Runtime, items: Enqueued[], timeoutMs: number, pollMs = 100): Promise<Array<Outcome | null>> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const outs = await getOutcomes(rt.redis, rt.keys, items.map((i) => i.articleId));
    const done = outs.map((o, i) => (o && (o.contentHash === items[i]!.contentHash || (o.status === 'dead' && !o.contentHash)) ? o : null));
    if (done.every(Boolean) || Date.now() >= deadline) return done;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
