import type { Entity, Script } from '../types';

/** A token from the segmenter; offsets are UTF-16 offsets into the ORIGINAL text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** One field of the article after normalisation and segmentation. */
export interface FieldText {
  field: 'title' | 'body';
  original: string;
  normalised: string;
  /** Maps an offset in `normalised` to the offset in `original` (use for span starts). */
  toOriginal(offset: number): number;
  /** Like `toOriginal`, for span ends: never takes in characters normalisation dropped after the span. */
  toOriginalEnd?(offset: number): number;
  tokens: Token[];
  /**
   * The same tokens as flat original offsets, `[s0, e0, s1, e1, …]`, when the
   * tagger built the field. Readers that need offsets, or the text of only
   * some tokens, use this; `tokens` is then built on first read (thousands
   * of objects an article that the label stage never needs).
   */
  tokenSpans?: Int32Array;
  sentences: Sentence[];
}

export interface Tagged {
  script: Script;
  title: FieldText;
  body: FieldText;
  /** Entities with mentions and relevance; sentiment is filled by the label stage. */
  entities: Entity[];
  /** `CODE.SUFFIX`, e.g. `2330.TW`, `NVDA.US`, sorted. */
  tickers: string[];
}

/** The NLP surface the analyse stage uses; built once per process. */
export interface Nlp {
  tag(doc: { title: string; body: string }): Tagged;
}
