import { createRequire } from 'node:module';

/**
 * What jieba's own dictionary says of a word: unknown, a name of an
 * organisation or other proper noun (nt, nz, j), or anything else (an
 * ordinary word, a place, a person). A bracketed number after an ordinary
 * word (目标价(1200), 产能(7500)) or a place (台北(2024)) is a quantity or a
 * year; after a name the segmenter does not know (健鼎, 川湖) or knows as an
 * organisation, it can be a code.
 *
 * Kept as one sorted string and an offset array, searched by bisection:
 * 350,000 words as Map entries would be 350,000 objects for every full
 * garbage collection to walk. Loaded on first use, once per process.
 */
const require = createRequire(import.meta.url);
const ORG_LIKE = new Set(['nt', 'nz', 'j', 'eng']);

export type WordClass = 'unknown' | 'org' | 'other';

interface Words {
  /** Every word followed by a class letter (o = org-like, w = other), sorted, joined. */
  text: string;
  /** Start offset of each word in `text`; one past the last is `text.length`. */
  starts: Int32Array;
}

let words: Words | null = null;

function load(): Words {
  const raw = (require('@node-rs/jieba/dict.js') as { dict: Buffer }).dict.toString('utf8');
  const entries: string[] = [];
  for (const line of raw.split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && tag) entries.push(`${word}\u0001${ORG_LIKE.has(tag.trim()) ? 'o' : 'w'}`);
  }
  entries.sort();
  const starts = new Int32Array(entries.length);
  let pos = 0;
  for (let i = 0; i < entries.length; i++) {
    starts[i] = pos;
    pos += entries[i]!.length;
  }
  return { text: entries.join(''), starts };
}

/** The class of `folded` (Simplified) in jieba's dictionary. */
export function wordClass(folded: string): WordClass {
  words ??= load();
  const { text, starts } = words;
  let lo = 0;
  let hi = starts.length - 1;
  const key = `${folded}\u0001`;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    const e = mid + 1 < starts.length ? starts[mid + 1]! : text.length;
    const entry = text.slice(s, e - 1);
    if (entry === key) return text[e - 1] === 'o' ? 'org' : 'other';
    if (entry < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return 'unknown';
}

/** Whether `folded` is a word of jieba's dictionary that is not an organisation-like name. */
export function isOrdinaryWord(folded: string): boolean {
  return wordClass(folded) === 'other';
}
