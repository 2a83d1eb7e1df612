import type { FieldText, Tagged } from '../nlp/types';
import type { EntityKind } from '../types';
import { chromeLines } from './chrome';
import type { Hit, Lexicon } from './lexicon';

/** An entity mention inside a field, flattened for the sentence walk. */
export interface MentionRef {
  id: string;
  kind: EntityKind;
  /** The entity's canonical name. */
  name: string;
  start: number;
  end: number;
}

/** A clause: the span between clause punctuation (，,；;：:) inside a sentence. */
export interface Clause {
  start: number;
  end: number;
  hits: Hit[];
  mentions: MentionRef[];
}

/** One sentence of one field, with its lexicon hits and mentions split by clause. */
export interface SentenceView {
  field: 'title' | 'body';
  /** The original text of the field; offsets below are into it. */
  source: string;
  start: number;
  end: number;
  /** Paragraph number within the field (a line break starts a new one). */
  para: number;
  /**
   * Sentence number within the field as the corpus guide counts sentences
   * (ended by 。！？!? or a line break, not by ；): views split at ；
   * share it. Events of one type in one such sentence are one fact.
   */
  sent: number;
  /** The view lies on a navigation, promo or notice line (src/label/chrome.ts). */
  chrome: boolean;
  clauses: Clause[];
  mentions: MentionRef[];
}

// Sentence-final punctuation and line breaks. The tagger's sentences are split
// again at these so that a field the tagger left whole (or a headline list)
// still yields sentence-sized evidence.
// As flags per UTF-16 unit: these are asked of every character of a text.
const SENTENCE_END = unitSet('。！？!?\n；;');
const CLAUSE_END = unitSet('，,：:');

function unitSet(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const SPACE = /\s/;

function trimSpan(s: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(s[start]!)) start++;
  while (end > start && SPACE.test(s[end - 1]!)) end--;
  return [start, end];
}

// ；; end a view but not a sentence of the guide.
const SOFT_END = /[；;]/;
const CLOSERS = /[」』”’"')）】》\]\s]/;

/** The last character before `end` that is not a closing quote or bracket. */
function lastMark(s: string, end: number): string {
  let i = end - 1;
  while (i > 0 && CLOSERS.test(s[i]!)) i--;
  return s[i] ?? '';
}

function hasLineBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) return true;
  return false;
}

function sentenceSpans(f: FieldText): Array<[number, number]> {
  const base: Array<[number, number]> = f.sentences.length ? f.sentences.map((s) => [s.start, s.end]) : [[0, f.original.length]];
  const out: Array<[number, number]> = [];
  for (const [s0, e0] of base) {
    let from = s0;
    for (let i = s0; i < e0; i++) {
      if (SENTENCE_END[f.original.charCodeAt(i)] === 1) {
        const [a, b] = trimSpan(f.original, from, i + 1);
        if (b > a) out.push([a, b]);
        from = i + 1;
      }
    }
    const [a, b] = trimSpan(f.original, from, e0);
    if (b > a) out.push([a, b]);
  }
  return out;
}

// Token boundaries of a field (1 at every offset where a token starts or
// ends), or null when the tagger gave no tokens. A weak event word (合作,
// 投資, 上漲 …) must start and end on them: 合作 inside 合作社 is no trigger.
// Strong ones need not: the segmenter keeps 月營收 whole, and 營收 inside it
// is still revenue.
function boundaries(f: FieldText): Uint8Array | null {
  const spans = f.tokenSpans;
  if (spans) {
    if (!spans.length) return null;
    const b = new Uint8Array(f.original.length + 1);
    for (let k = 0; k < spans.length; k++) b[spans[k]!] = 1;
    return b;
  }
  if (!f.tokens.length) return null;
  const b = new Uint8Array(f.original.length + 1);
  for (const t of f.tokens) {
    b[t.start] = 1;
    b[t.end] = 1;
  }
  return b;
}

function mentionsOf(tagged: Tagged, field: 'title' | 'body'): MentionRef[] {
  const out: MentionRef[] = [];
  for (const e of tagged.entities) for (const m of e.mentions) if (m.field === field) out.push({ id: e.id, kind: e.kind, name: e.name, start: m.start, end: m.end });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// A trigger inside a name (a company, person, place) is part of the name; a
// theme or product mention (資本支出, 出口管制) may well be the event word.
const NAMES: ReadonlySet<EntityKind> = new Set(['company', 'etf', 'org', 'person', 'place']);

/**
 * Sentences of title and body with lexicon hits and entity mentions, in one
 * pass over each field. Hits that fall inside the name of a company, ETF,
 * organisation, person or place are dropped, and so are weak event words
 * that cut across the tagger's tokens.
 */
export function buildViews(tagged: Tagged, lex: Lexicon): SentenceView[] {
  const views: SentenceView[] = [];
  for (const f of [tagged.title, tagged.body]) {
    const mentions = mentionsOf(tagged, f.field);
    const bounds = boundaries(f);
    const chrome = chromeLines(f.original);
    let mi = 0;
    let para = 0;
    let sent = -1;
    let prevEnd = 0;
    for (const [start, end] of sentenceSpans(f)) {
      const brk = hasLineBreak(f.original, prevEnd, start);
      if (brk) para++;
      if (brk || sent < 0 || !SOFT_END.test(lastMark(f.original, prevEnd))) sent++;
      prevEnd = end;
      while (mi < mentions.length && mentions[mi]!.end <= start) mi++;
      const inSentence: MentionRef[] = [];
      for (let k = mi; k < mentions.length && mentions[k]!.start < end; k++) if (mentions[k]!.end <= end) inSentence.push(mentions[k]!);
      const hits = keptHits(lex.scan(f.original, start, end), inSentence, bounds);
      views.push({ field: f.field, source: f.original, start, end, para, sent, chrome: chrome(start), clauses: clauses(f.original, start, end, hits, inSentence), mentions: inSentence });
    }
  }
  return views;
}

// The scan's hits less those inside a name and weak ones off the token
// boundaries, compacted in place (this runs for every sentence).
function keptHits(hits: Hit[], inSentence: readonly MentionRef[], bounds: Uint8Array | null): Hit[] {
  let n = 0;
  for (const h of hits) {
    if (insideName(h, inSentence)) continue;
    if (bounds && h.entry.trigger?.weak && !(bounds[h.start] === 1 && bounds[h.end] === 1)) continue;
    hits[n++] = h;
  }
  hits.length = n;
  return hits;
}

function insideName(h: Hit, mentions: readonly MentionRef[]): boolean {
  for (const m of mentions) if (NAMES.has(m.kind) && h.start < m.end && m.start < h.end) return true;
  return false;
}

function clauses(text: string, start: number, end: number, hits: Hit[], mentions: MentionRef[]): Clause[] {
  const out: Clause[] = [];
  let from = start;
  let hi = 0;
  let mi = 0;
  const close = (to: number) => {
    if (to <= from) return;
    // Exact-size slices rather than arrays grown by push: one per clause.
    const h0 = hi;
    const m0 = mi;
    while (hi < hits.length && hits[hi]!.start < to) hi++;
    while (mi < mentions.length && mentions[mi]!.start < to) mi++;
    out.push({ start: from, end: to, hits: hits.slice(h0, hi), mentions: mentions.slice(m0, mi) });
  };
  for (let i = start; i < end; i++) {
    if (CLAUSE_END[text.charCodeAt(i)] === 1) {
      // A comma between digits is a thousands separator, not a clause break.
      if (text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      close(i + 1);
      from = i + 1;
    }
  }
  close(end);
  return out;
}
