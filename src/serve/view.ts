import { matchesFilter, streamIdTime, type EventFilter, type StreamEvent } from '../stream/index';
import type { EventRecord } from '../types';

/** The filters of the live page: those of `events tail`, plus the article sentiment. */
export interface ViewFilter extends EventFilter {
  sentiment?: 'positive' | 'negative' | 'neutral';
}

/** A span of the evidence sentence to highlight: an entity of the event mentioned there. */
export interface Mark {
  start: number;
  end: number;
  entity: string;
}

/**
 * What the live page shows of one event: a small, flat projection of the
 * record (the record itself, with every mention, is often tens of kB), with
 * the spans of the evidence sentence that name the event's entities worked
 * out here, so the page only has to paint them.
 */
export interface EventView {
  streamId: string;
  id: string;
  /** Publish time (ms), from the stream entry id. */
  publishedMs: number;
  /** The article's own date, when it has one (ISO). */
  articleDate: string | null;
  title: string;
  url: string | null;
  source: string;
  /** `zh-Hant` or `zh-Hans`, for the page's `lang` (fonts and glyph forms). */
  lang: 'zh-Hant' | 'zh-Hans';
  tickers: Array<{ symbol: string; name: string | null; sentiment: number | null }>;
  events: Array<{ type: string; polarity: number; confidence: number; evidence: string; marks: Mark[] }>;
  entities: Array<{ id: string; name: string; kind: string; sentiment: number }>;
  sentiment: { score: number; label: string };
  keywords: string[];
}

/** The listed entity behind each `CODE.SUFFIX` of the record. */
function tickerEntities(r: EventRecord): EventView['tickers'] {
  return r.tickers.map((symbol) => {
    const code = symbol.split('.')[0];
    const e = r.entities.find((x) => x.ticker?.code === code);
    return { symbol, name: e?.name ?? null, sentiment: e?.sentiment ?? null };
  });
}

/**
 * Mentions of the event's entities that lie inside its evidence sentence, as
 * offsets into that sentence (mention offsets are UTF-16 units into the
 * field, as are the evidence's, so a subtraction is all it takes).
 */
export function evidenceMarks(r: EventRecord, ev: EventRecord['events'][number]): Mark[] {
  const field = ev.evidence.field ?? 'body';
  const marks: Mark[] = [];
  for (const id of ev.entities) {
    const ent = r.entities.find((e) => e.id === id);
    for (const m of ent?.mentions ?? []) {
      if (m.field === field && m.start >= ev.evidence.start && m.end <= ev.evidence.end) marks.push({ start: m.start - ev.evidence.start, end: m.end - ev.evidence.start, entity: ent!.name });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep them apart: an overlapping mark (a shorter alias inside a longer one) is dropped.
  let end = 0;
  return marks.filter((m) => {
    if (m.start < end) return false;
    end = m.end;
    return true;
  });
}

export function toView(e: StreamEvent): EventView {
  const r = e.record;
  return {
    streamId: e.streamId,
    id: e.id,
    publishedMs: streamIdTime(e.streamId),
    articleDate: r.article.publishedAt,
    title: r.article.title,
    url: r.article.url,
    source: r.article.source,
    lang: r.article.script === 'Hans' ? 'zh-Hans' : 'zh-Hant',
    tickers: tickerEntities(r),
    events: r.events.map((ev) => ({ type: ev.type, polarity: ev.polarity, confidence: ev.confidence, evidence: ev.evidence.text, marks: evidenceMarks(r, ev) })),
    entities: [...r.entities].sort((a, b) => b.relevance - a.relevance).slice(0, 8).map((x) => ({ id: x.id, name: x.name, kind: x.kind, sentiment: x.sentiment })),
    sentiment: { score: r.sentiment.score, label: r.sentiment.label },
    keywords: r.keywords.slice(0, 6),
  };
}

export function matchesView(e: StreamEvent, f: ViewFilter): boolean {
  return matchesFilter(e, f) && (f.sentiment === undefined || e.record.sentiment.label === f.sentiment);
}

const SENTIMENTS = new Set(['positive', 'negative', 'neutral']);

/** Filters from a query string; empty values mean no filter. Unknown sentiment values are an error. */
export function parseFilter(q: Record<string, unknown>): ViewFilter {
  const s = (k: string) => (typeof q[k] === 'string' && (q[k] as string).trim() !== '' ? (q[k] as string).trim() : undefined);
  const sentiment = s('sentiment');
  if (sentiment !== undefined && !SENTIMENTS.has(sentiment)) throw new RangeError(`sentiment must be positive, negative or neutral, got "${sentiment}"`);
  return { ticker: s('ticker'), entity: s('entity'), type: s('type'), sentiment: sentiment as ViewFilter['sentiment'] };
}
