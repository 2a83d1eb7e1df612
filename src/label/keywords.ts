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
function background(): Background {
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

const CJK = /[\u3400-\u9fff]/;
const LATIN = /^[A-Za-z][A-Za-z0-9.+-]*$/;

function candidate(w: string, stop: Set<string>): boolean {
  if (stop.has(w)) return false;
  if (LATIN.test(w)) return w.length >= 2;
  return w.length >= 2 && CJK.test(w) && !/\d/.test(w);
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
  const tf = new Map<string, { n: number; first: number; shown: string }>();
  let i = 0;
  for (const [t, w] of tokens) {
    const text = t.text.trim();
    i++;
    if (!candidate(text, bg.stop)) continue;
    const k = LATIN.test(text) ? text.toLowerCase() : text;
    const cur = tf.get(k);
    if (cur) cur.n += w;
    else tf.set(k, { n: w, first: i, shown: text });
  }
  const scored = [...tf].map(([k, v]) => {
    const h = LATIN.test(k) ? k : bg.toHans(k);
    return { w: v.shown, s: v.n * (bg.idf.get(h) ?? bg.unknown), first: v.first };
  });
  scored.sort((a, b) => b.s - a.s || a.first - b.first);
  return scored.slice(0, count).map((x) => x.w);
}
