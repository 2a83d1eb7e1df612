import { createRequire } from 'node:module';

/**
 * What jieba's own dictionary says of a word: unknown, a name of an
 * organisation or other proper noun (nt, nz, j), a person's name (nr; often
 * a company's, in fact: 华硕, 比亚迪), or anything else (an ordinary word, a
 * place). Used to tell a year after a known word (台北（2024）) from a code
 * after an unknown name (川湖（2059）), to extend a name over a generic last
 * word (贵州 茅台), and to spot imported listing names that are ordinary
 * words (統一).
 *
 * Kept as one sorted string and an offset array, searched by bisection:
 * 350,000 words as Map entries would be 350,000 objects for every full
 * garbage collection to walk. Loaded on first use, once per process.
 */
const require = createRequire(import.meta.url);
const ORG_LIKE = new Set(['nt', 'nz', 'j', 'eng']);
// jieba tags many company names as person names (华硕, 比亚迪): not ordinary words.
const PERSON_LIKE = new Set(['nr', 'nrt', 'nrfg']);

export type WordClass = 'unknown' | 'org' | 'person' | 'other';

interface Words {
  /** Every word followed by a class letter (o = org-like, p = person-like, w = other), sorted, joined. */
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
    const t = tag?.trim() ?? '';
    if (word && t) entries.push(`${word}\u0001${ORG_LIKE.has(t) ? 'o' : PERSON_LIKE.has(t) ? 'p' : 'w'}`);
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
    if (entry === key) {
      const c = text[e - 1];
      return c === 'o' ? 'org' : c === 'p' ? 'person' : 'other';
    }
    if (entry < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return 'unknown';
}

/** Whether `folded` is a word of jieba's dictionary that is not a name (of an organisation or, by jieba's tag, a person). */
export function isOrdinaryWord(folded: string): boolean {
  return wordClass(folded) === 'other';
}
