import { readFileSync } from 'node:fs';
import type { FieldText, Tagged } from '../nlp/types';
import { foldScript } from '../text/fold';
import { isHanUnit } from '../text/han';
import { type IdfTable, jiebaIdfTable } from './idf';
import { MEDIA } from './media';

/** How many keywords an article gets. */
export const KEYWORD_COUNT = 10;

interface Background {
  idf: IdfTable;
  /** IDF for words the table does not know (the table's median, as jieba does). */
  unknown: number;
  stop: Set<string>;
  toHans: (s: string) => string;
}

let shared: Background | undefined;

/**
 * The background table: jieba's IDF table as shipped inside @node-rs/jieba
 * (Simplified; no download), looked up under each token's Simplified
 * spelling, so Traditional text gets the same weights.
 */
export function background(): Background {
  if (shared) return shared;
  const idf = jiebaIdfTable();
  // The lookup only needs the characters folded to Simplified
  // (src/text/fold.ts), not a phrase-aware conversion per token.
  const toHans = foldScript;
  const stop = new Set<string>();
  for (const raw of readFileSync(new URL('./data/stopwords.txt', import.meta.url), 'utf8').split('\n')) {
    const w = raw.trim();
    if (!w || w.startsWith('#')) continue;
    stop.add(w);
    stop.add(toHans(w));
  }
  shared = { idf, unknown: idf.median, stop, toHans };
  return shared;
}

const isCjk = isHanUnit;
const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * What kind of keyword a token can be: 'latin' (a word starting with a
 * letter: CoWoS, OpenAI, GB300), 'cjk' (two or more characters with a CJK
 * one and no digit), or null. Char-code checks: this runs on every token.
 */
function kind(w: string): 'latin' | 'cjk' | null {
  if (w.length < 2) return null;
  const c0 = w.charCodeAt(0);
  if (isLatin(c0)) {
    for (let i = 1; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (!isLatin(c) && !isDigit(c) && c !== 46 && c !== 43 && c !== 45) return null;
    }
    return 'latin';
  }
  let cjk = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isDigit(c)) return null;
    if (isCjk(c)) cjk = true;
  }
  return cjk ? 'cjk' : null;
}

// Token → its counting key (Latin lower-cased) and IDF, or null for a token
// that is never a keyword. The vocabulary of news repeats, so after the first
// articles a token costs one lookup.
interface Weight {
  key: string;
  idf: number;
}
const weights = new Map<string, Weight | null>();
const MAX_CACHED = 200_000;

function weightOf(text: string, bg: Background): Weight | null {
  let w = weights.get(text);
  if (w !== undefined) return w;
  const k = kind(text);
  if (!k || bg.stop.has(text) || MEDIA.test(text)) w = null;
  else {
    const key = k === 'latin' ? text.toLowerCase() : text;
    w = { key, idf: bg.idf.get(k === 'latin' ? key : bg.toHans(text)) ?? bg.unknown };
  }
  if (weights.size >= MAX_CACHED) weights.clear();
  weights.set(text, w);
  return w;
}

interface Term {
  n: number;
  first: number;
  shown: string;
  idf: number;
}

function tokenCount(f: FieldText): number {
  return f.tokenSpans ? f.tokenSpans.length / 2 : f.tokens.length;
}

/**
 * TF-IDF keywords over the tagger's tokens (title tokens count three times).
 * News outlets' names are left out. Ties break on first appearance so the
 * list is deterministic. When the
 * tagger gave no tokens, the entity names stand in, ordered by mentions.
 */
export function keywords(tagged: Tagged, count = KEYWORD_COUNT): string[] {
  if (tokenCount(tagged.title) + tokenCount(tagged.body) === 0) {
    return [...tagged.entities].sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1)).slice(0, count).map((e) => e.name);
  }
  const bg = background();
  // Latin words are counted case-insensitively (CoWoS, cowos), shown as first seen.
  const tf = new Map<string, Term>();
  let i = 0;
  const count1 = (text: string, w: number) => {
    const wt = weightOf(text, bg);
    if (!wt) return;
    const cur = tf.get(wt.key);
    if (cur) cur.n += w;
    else tf.set(wt.key, { n: w, first: i, shown: text, idf: wt.idf });
  };
  for (const [f, w] of [[tagged.title, 3], [tagged.body, 1]] as const) {
    // One-unit tokens (的, 、, 在: about half of them) are never keywords;
    // they are skipped before their text is even cut out.
    const spans = f.tokenSpans;
    if (spans) {
      for (let k = 0; k < spans.length; k += 2) {
        i++;
        if (spans[k + 1]! - spans[k]! >= 2) count1(f.original.slice(spans[k], spans[k + 1]), w);
      }
    } else {
      for (const t of f.tokens) {
        i++;
        if (t.text.length >= 2) count1(t.text, w);
      }
    }
  }
  // Top `count` by score, then first appearance: a small insertion list,
  // cheaper than sorting every term.
  const top: Array<{ s: number; t: Term }> = [];
  for (const t of tf.values()) {
    const s = t.n * t.idf;
    const last = top[top.length - 1];
    if (top.length === count && last && (s < last.s || (s === last.s && t.first > last.t.first))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]!.s < s || (top[at - 1]!.s === s && top[at - 1]!.t.first > t.first))) at--;
    top.splice(at, 0, { s, t });
    if (top.length > count) top.pop();
  }
  return top.map((x) => x.t.shown);
}
