import type { NoveltyResult } from '../label/novelty';
import type { EventRecord } from '../types';

/**
 * The CPU-bound part of the analysis: everything of the record except
 * novelty, which needs the shared store (Redis). Kept apart from analyse.ts
 * so the analyse worker's main thread can build the record without loading
 * the tagger and label code, which run on its NLP thread.
 */
export type TextAnalysis = Omit<EventRecord, 'novelty'>;

/** The event record: the text analysis with the novelty check's answer, fields in schema order. */
export function withNovelty(a: TextAnalysis, novelty: NoveltyResult): EventRecord {
  return {
    schema: a.schema,
    id: a.id,
    article: a.article,
    entities: a.entities,
    tickers: a.tickers,
    events: a.events,
    sentiment: a.sentiment,
    keywords: a.keywords,
    novelty,
    versions: a.versions,
  };
}
