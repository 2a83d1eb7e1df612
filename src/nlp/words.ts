import { createRequire } from 'node:module';

/**
 * What jieba's own dictionary says of a word: unknown, a name of an
 * organisation or other proper noun (nt, nz, j), or anything else (an
 * ordinary word, a place, a person). A bracketed number after an ordinary
 * word (目标价(1200), 产能(7500)) or a place (台北(2024)) is a quantity or a
 * year; after a name the segmenter does not know (健鼎, 川湖) or knows as an
 * organisation, it can be a code. Loaded on first use (about 20 MB), once
 * per process.
 */
const require = createRequire(import.meta.url);
const ORG_LIKE = new Set(['nt', 'nz', 'j', 'eng']);

export type WordClass = 'unknown' | 'org' | 'other';

let classes: Map<string, boolean> | null = null;

/** The class of `folded` (Simplified) in jieba's dictionary. */
export function wordClass(folded: string): WordClass {
  if (!classes) {
    classes = new Map();
    const text = (require('@node-rs/jieba/dict.js') as { dict: Buffer }).dict.toString('utf8');
    for (const line of text.split('\n')) {
      const [word, , tag] = line.split(' ');
      if (word && tag) classes.set(word, ORG_LIKE.has(tag.trim()));
    }
  }
  const org = classes.get(folded);
  return org === undefined ? 'unknown' : org ? 'org' : 'other';
}

/** Whether `folded` is a word of jieba's dictionary that is not an organisation-like name. */
export function isOrdinaryWord(folded: string): boolean {
  return wordClass(folded) === 'other';
}
