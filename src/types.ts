/**
 * The event record, schema version 1 (DESIGN.md, "The event record").
 * Field names are stable API: add fields, never repurpose them.
 */
export type Script = 'Hant' | 'Hans';
export type EntityKind = 'company' | 'etf' | 'person' | 'org' | 'place' | 'product' | 'theme';
export type Market = 'TWSE' | 'TPEx' | 'SSE' | 'SZSE' | 'BSE' | 'HKEX' | 'NASDAQ' | 'NYSE' | 'TSE' | 'KRX';
export type MentionVia = 'dictionary' | 'inline-code' | 'english-ner' | 'pattern';

export interface Mention {
  /** The mention exactly as printed: `original.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the original (un-normalised) text of `field`. */
  start: number;
  end: number;
  field: 'title' | 'body';
  via: MentionVia;
  /** Set when an inline code contradicted the dictionary (e.g. 力積電（677）). */
  flag?: string;
}

export interface Ticker {
  code: string;
  market: Market;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  ticker?: Ticker;
  /** The company's other listings the article points at or implies (A+H, US+HK), when not entities of their own. */
  listings?: Ticker[];
  mentions: Mention[];
  relevance: number;
  sentiment: number;
}

/** A sentence of the article, as printed: `text === field.slice(start, end)` (UTF-16 offsets). */
export interface EventEvidence {
  text: string;
  start: number;
  end: number;
  field?: 'title' | 'body';
}

/**
 * Whether an event is reported as fact, expected, or unconfirmed: a
 * consumer that wants only facts keeps `reported` (an absent field, in
 * records written before it existed, means `reported`).
 */
export type EventModality = 'reported' | 'forecast' | 'rumour';

export interface EventLabel {
  type: string;
  entities: string[];
  polarity: -1 | 0 | 1;
  confidence: number;
  evidence: EventEvidence;
  modality?: EventModality;
  /** Other sentences that tell the same fact again (headline, lead, later paragraphs); never separate events. */
  mentions?: EventEvidence[];
}

export interface ArticleMeta {
  id: string;
  url: string | null;
  source: string;
  title: string;
  publishedAt: string | null;
  /** When it was fetched; null for replayed files, which were never fetched. */
  fetchedAt: string | null;
  script: Script;
  contentHash: string;
  simhash: string;
}

export interface EventRecord {
  schema: 1;
  id: string;
  article: ArticleMeta & { body?: string };
  entities: Entity[];
  tickers: string[];
  events: EventLabel[];
  sentiment: { score: number; label: 'positive' | 'negative' | 'neutral' };
  keywords: string[];
  novelty: { duplicateOf: string | null; similar: string[] };
  versions: { pipeline: string; dictionary: string };
}

/** An article as it enters `analyse`: from a feed, a page or a replayed file. */
export interface Article {
  id: string;
  url: string | null;
  source: string;
  title: string;
  body: string;
  publishedAt: string | null;
  fetchedAt: string | null;
}
