import type { Tagged } from '../nlp/types';
import type { EventLabel } from '../types';
import { carriedSubjects, mainCompany, sentenceEvents, type Candidate } from './events';
import { background, keywords } from './keywords';
import { sharedLexicon, type Lexicon } from './lexicon';
import { mergeEvents } from './merge';
import { NO_CARRY, referenceYear, type ModalityCarry } from './modality';
import { sentiment } from './sentiment';
import { simhash } from './simhash';
import { buildViews } from './views';

export { MemoryNoveltyStore, noNovelty, type NoveltyResult, type NoveltyStore } from './novelty';
export { EVENT_TYPES, type EventType } from './taxonomy';

/** What the label stage adds to a tagged article. */
export interface Labels {
  events: EventLabel[];
  sentiment: { score: number; label: 'positive' | 'negative' | 'neutral' };
  /** Entity id → sentiment in -1..1, for entities mentioned in a sentence with sentiment words. */
  entitySentiment: Record<string, number>;
  keywords: string[];
  /** SimHash of the normalised title and body (16 hex digits). */
  simhash: string;
}

export interface LabelOptions {
  /** Defaults to the shipped lexicon, loaded once per process. */
  lexicon?: Lexicon;
  keywordCount?: number;
  /**
   * When the article was published (ISO 8601): facts dated two or more
   * years before it are history (src/label/modality.ts). Without it, the
   * latest year the article names stands in.
   */
  publishedAt?: string | null;
}

/**
 * Label one tagged article: market events with entities and evidence,
 * article and per-entity sentiment, keywords and a SimHash. One linear pass
 * of the lexicon trie over each sentence; everything else works on its hits.
 * Deterministic for the same input. Rules: docs/labels.md.
 */
export function label(tagged: Tagged, opts: LabelOptions = {}): Labels {
  const lex = opts.lexicon ?? sharedLexicon();
  const views = buildViews(tagged, lex);
  const senti = sentiment(views);
  const mass = (c: Parameters<typeof senti.clauseMass.get>[0]) => senti.clauseMass.get(c) ?? { pos: 0, neg: 0 };
  const carried = carriedSubjects(views);
  const refYear = referenceYear(opts.publishedAt, [tagged.title.original, tagged.body.original]);
  const main = mainCompany(tagged.entities.map((e) => ({ id: e.id, kind: e.kind, count: e.mentions.length })));
  const cands: Candidate[] = [];
  let carry: ModalityCarry = NO_CARRY;
  views.forEach((v, i) => {
    const prev = i > 0 ? views[i - 1]! : undefined;
    const samePara = !!prev && prev.para === v.para && prev.field === v.field;
    const sameSentence = samePara && prev!.sent === v.sent;
    const r = sentenceEvents(v, mass, { index: i, carried: samePara ? carried[i - 1]! : [], refYear, modality: sameSentence ? carry : NO_CARRY, main });
    carry = r.carry;
    cands.push(...r.candidates);
  });
  const events = mergeEvents(cands);
  return {
    events,
    sentiment: senti.article,
    entitySentiment: senti.entities,
    keywords: keywords(tagged, opts.keywordCount),
    simhash: simhash(`${tagged.title.normalised}\n${tagged.body.normalised}`),
  };
}

/**
 * Load the lexicons and the keyword background table now (about a second,
 * once per process) rather than on the first article, e.g. when a worker
 * starts.
 */
export function preloadLabelData(): void {
  sharedLexicon();
  background();
}
