import { BadInputError } from '../errors';
import { contentHash, eventId } from '../ids';
import { label, type NoveltyStore } from '../label/index';
import type { Nlp } from '../nlp/types';
import type { Article, EventRecord } from '../types';
import { PIPELINE_VERSION } from '../version';

export interface AnalyseDeps {
  nlp: Nlp;
  dictionaryVersion: string;
  novelty: NoveltyStore;
  signal?: AbortSignal;
}

/**
 * normalise → segment → tag → label, for one article. Pure apart from the
 * novelty store it is given; the same input and dictionary give the same
 * record.
 */
export async function analyse(article: Article, deps: AnalyseDeps): Promise<EventRecord> {
  if (!article.title.trim() && !article.body.trim()) throw new BadInputError(`article ${article.id} has neither title nor body`);
  deps.signal?.throwIfAborted();
  const tagged = deps.nlp.tag({ title: article.title, body: article.body });
  const labels = label(tagged, { publishedAt: article.publishedAt });
  const hash = contentHash(article.title, article.body);
  const novelty = await deps.novelty.check(article.id, labels.simhash);
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
    novelty,
    versions: { pipeline: PIPELINE_VERSION, dictionary: deps.dictionaryVersion },
  };
}
