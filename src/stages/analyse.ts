import { articleChars } from '../article';
import { ArticleTooLargeError, BadInputError } from '../errors';
import { contentHash, eventId } from '../ids';
import { label, type NoveltyStore } from '../label/index';
import type { Nlp } from '../nlp/types';
import type { Article, EventRecord } from '../types';
import { PIPELINE_VERSION } from '../version';
import { withNovelty, type TextAnalysis } from './record';

export type { TextAnalysis } from './record';

export interface AnalyseDeps {
  nlp: Nlp;
  dictionaryVersion: string;
  novelty: NoveltyStore;
  signal?: AbortSignal;
  /** Longest text accepted (NEWSFLOW_ARTICLE_MAX_CHARS); unlimited when absent. */
  maxChars?: number;
}

/**
 * normalise → segment → tag → label, for one article, with no I/O: what
 * the analyse worker runs in its NLP thread (src/runtime/nlp-thread.ts).
 * Refuses an empty article and one longer than `maxChars` before any work.
 */
export function analyseText(article: Article, deps: Pick<AnalyseDeps, 'nlp' | 'dictionaryVersion' | 'maxChars'>): TextAnalysis {
  if (!article.title.trim() && !article.body.trim()) throw new BadInputError(`article ${article.id} has neither title nor body`);
  const chars = articleChars(article);
  if (deps.maxChars !== undefined && chars > deps.maxChars) throw new ArticleTooLargeError(article.id, chars, deps.maxChars);
  const tagged = deps.nlp.tag({ title: article.title, body: article.body });
  const labels = label(tagged, { publishedAt: article.publishedAt });
  const hash = contentHash(article.title, article.body);
  return {
    schema: 1,
    id: eventId(article.id, hash, deps.dictionaryVersion),
    article: {
      id: article.id,
      url: article.url,
      source: article.source,
      title: article.title,
      publishedAt: article.publishedAt,
      fetchedAt: article.fetchedAt,
      script: tagged.script,
      contentHash: hash,
      simhash: labels.simhash,
    },
    entities: tagged.entities.map((e) => ({ ...e, sentiment: labels.entitySentiment[e.id] ?? 0 })),
    tickers: tagged.tickers,
    events: labels.events,
    sentiment: labels.sentiment,
    keywords: labels.keywords,
    versions: { pipeline: PIPELINE_VERSION, dictionary: deps.dictionaryVersion },
  };
}

/**
 * The whole analyse stage in-process (`newsflow tag`, the evaluation, the
 * benchmarks): the text analysis, then the novelty check. Pure apart from
 * the novelty store it is given; the same input and dictionary give the
 * same record.
 */
export async function analyse(article: Article, deps: AnalyseDeps): Promise<EventRecord> {
  deps.signal?.throwIfAborted();
  const a = analyseText(article, deps);
  return withNovelty(a, await deps.novelty.check(article.id, a.article.simhash));
}
