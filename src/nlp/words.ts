import { createRequire } from 'node:module';

/**
 * Ordinary words, from jieba's own dictionary: every entry whose part of
 * speech is not a proper noun. A bracketed number after an ordinary word
 * (目标价(1200), 产能(7500)) is a quantity; after a name the segmenter does
 * not know (健鼎, 川湖) or knows as a proper noun, it can be a code. Loaded
 * on first use (about 20 MB), once per process.
 */
const require = createRequire(import.meta.url);
const PROPER = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'eng', 'x']);

let ordinary: Set<string> | null = null;

/** Whether `folded` (Simplified) is an ordinary word in jieba's dictionary. */
export function isOrdinaryWord(folded: string): boolean {
  if (!ordinary) {
    ordinary = new Set();
    const text = (require('@node-rs/jieba/dict.js') as { dict: Buffer }).dict.toString('utf8');
    for (const line of text.split('\n')) {
      const [word, , tag] = line.split(' ');
      if (word && tag && !PROPER.has(tag.trim())) ordinary.add(word);
    }
  }
  return ordinary.has(folded);
}

/** Whether `folded` is a proper noun (or a word jieba does not know at all). */
export function isProperOrUnknown(folded: string): boolean {
  return !isOrdinaryWord(folded);
}
