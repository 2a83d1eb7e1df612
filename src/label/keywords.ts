import { readFileSync } from 'node:fs';
import { idf as jiebaIdf } from '@node-rs/jieba/dict';
import * as OpenCC from 'opencc-js';
import type { Tagged, Token } from '../nlp/types';

/** How many keywords an article gets. */
export const KEYWORD_COUNT = 10;

interface Background {
  idf: Map<string, number>;
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
  const idf = new Map<string, number>();
  const values: number[] = [];
  for (const line of new TextDecoder().decode(jiebaIdf).split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    if (!Number.isFinite(v)) continue;
    idf.set(line.slice(0, sp), v);
    values.push(v);
  }
  values.sort((a, b) => a - b);
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  // Character by character, cached: the lookup only needs the characters
  // folded to Simplified, and a phrase-aware conversion per token is slow.
  const chars = new Map<number, string>();
  const toHans = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let h = chars.get(c);
      if (h === undefined) {
        h = convert(s[i]!);
        chars.set(c, h);
      }
      out += h;
    }
    return out;
  };
  const stop = new Set<string>();
  for (const raw of readFileSync(new URL('./data/stopwords.txt', import.meta.url), 'utf8').split('\n')) {
    const w = raw.trim();
    if (!w || w.startsWith('#')) continue;
    stop.add(w);
    stop.add(toHans(w));
  }
  shared = { idf, unknown: values[Math.floor(values.length / 2)] ?? 10, stop, toHans };
  return shared;
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
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

/**
 * TF-IDF keywords over the tagger's tokens (title tokens count three times).
 * Ties break on first appearance so the list is deterministic. When the
 * tagger gave no tokens, the entity names stand in, ordered by mentions.
 */
export function keywords(tagged: Tagged, count = KEYWORD_COUNT): string[] {
  const tokens: Array<[Token, number]> = [...tagged.title.tokens.map((t): [Token, number] => [t, 3]), ...tagged.body.tokens.map((t): [Token, number] => [t, 1])];
  if (tokens.length === 0) {
    return [...tagged.entities].sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1)).slice(0, count).map((e) => e.name);
  }
  const bg = background();
  const tf = new Map<string, { n: number; first: number; shown: string; latin: boolean }>();
  let i = 0;
  for (const [t, w] of tokens) {
    i++;
    const text = t.text;
    const known = tf.get(text);
    if (known) {
      known.n += w;
      continue;
    }
    const k = kind(text);
    if (!k || bg.stop.has(text)) continue;
    tf.set(text, { n: w, first: i, shown: text, latin: k === 'latin' });
  }
  // Latin words are counted case-insensitively (CoWoS, cowos), shown as first seen.
  const merged = new Map<string, { n: number; first: number; shown: string; latin: boolean }>();
  for (const v of tf.values()) {
    const key = v.latin ? v.shown.toLowerCase() : v.shown;
    const cur = merged.get(key);
    if (!cur) merged.set(key, { ...v });
    else {
      cur.n += v.n;
      if (v.first < cur.first) [cur.first, cur.shown] = [v.first, v.shown];
    }
  }
  const scored = [...merged].map(([k, v]) => {
    const h = v.latin ? k : bg.toHans(k);
    return { w: v.shown, s: v.n * (bg.idf.get(h) ?? bg.unknown), first: v.first };
  });
  scored.sort((a, b) => b.s - a.s || a.first - b.first);
  return scored.slice(0, count).map((x) => x.w);
}
