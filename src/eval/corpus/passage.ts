import { createHash } from 'node:crypto';
import { articleId } from '../../ids';
import type { Article } from '../../types';

/**
 * A corpus passage (`raw/NNN.txt`, see the corpus GUIDE.md): header lines
 * `source: URL`, `date: …`, `script: …`, a blank line, then the text. The
 * scorer works in the coordinates of that text ("passage offsets"); the
 * tagger is given it as an article whose title is the headline line when
 * the passage opens with one.
 */
export interface Passage {
  file: string;
  sha256: string;
  url: string | null;
  date: string | null;
  script: string | null;
  /** Everything after the header: what gold quotes are found in. */
  text: string;
  /** Where the article given to the tagger has its title and body, in passage offsets. */
  titleStart: number;
  bodyStart: number;
  article: Article;
  /** Start offset of every sentence, ascending (a sentence ends at 。！？!? or a line break). */
  sentenceStarts: number[];
}

/** Sentence ends of the guide: 。！？!? and line breaks (the end character belongs to its sentence). */
export const SENTENCE_END = /[。！？!?\n]/;

// A headline: a short first line without a sentence-final mark, followed by more text.
const HEADLINE_MAX = 50;

/** Split the header from the text; a file without a header is all text. */
function splitHeader(raw: string): { header: Record<string, string>; text: string } {
  const src = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blank = src.indexOf('\n\n');
  const head = blank >= 0 ? src.slice(0, blank).split('\n') : [];
  const header: Record<string, string> = {};
  if (head.length && head.every((l) => /^[a-z]+:/.test(l))) {
    for (const l of head) {
      const i = l.indexOf(':');
      header[l.slice(0, i)] = l.slice(i + 1).trim();
    }
    return { header, text: src.slice(blank + 2) };
  }
  return { header, text: src };
}

/** Sentence start offsets of `text`. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (SENTENCE_END.test(text[i]!) && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

/** Index of the sentence holding offset `pos`. */
export function sentenceAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentence with index `i`, trimmed, for messages. */
export function sentenceText(p: Passage, i: number): string {
  const end = p.sentenceStarts[i + 1] ?? p.text.length;
  return p.text.slice(p.sentenceStarts[i], end).trim();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Read one passage file's text into the article the tagger is given. */
export function parsePassage(file: string, bytes: Buffer): Passage {
  const raw = bytes.toString('utf8');
  const { header, text } = splitHeader(raw);
  const first = /^[ \t\u3000]*([^\n]*?)[ \t\u3000]*\n/.exec(text);
  let title = '';
  let titleStart = 0;
  let bodyStart = 0;
  if (first && first[1] && first[1].length <= HEADLINE_MAX && !/[。！？!?]$/.test(first[1]) && text.slice(first[0].length).trim()) {
    title = first[1];
    titleStart = first.index + first[0].indexOf(first[1]);
    bodyStart = first[0].length;
  }
  const url = header.source && /^https?:\/\//.test(header.source) ? header.source : null;
  let source = 'corpus';
  if (url) source = new URL(url).hostname.replace(/^www\./, '');
  const date = header.date && DATE.test(header.date) ? header.date : null;
  const body = text.slice(bodyStart);
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    url,
    date,
    script: header.script ?? null,
    text,
    titleStart,
    bodyStart,
    article: {
      id: articleId(url ?? text),
      url,
      source,
      title,
      body,
      publishedAt: date ? `${date}T00:00:00+08:00` : null,
      fetchedAt: null,
    },
    sentenceStarts: sentenceStarts(text),
  };
}

/** Passage offset of an offset into the article's `field`. */
export function passageOffset(p: Passage, field: 'title' | 'body' | undefined, offset: number): number {
  return (field === 'title' ? p.titleStart : p.bodyStart) + offset;
}
