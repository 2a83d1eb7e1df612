import { readFileSync } from 'node:fs';
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
 * jieba's dict.txt is sorted by word, so it is searched in place by
 * bisection over its line starts: the file's bytes and one Int32Array,
 * nothing per word for the garbage collector. Loaded on first use, once per process.
 */
const require = createRequire(import.meta.url);
const ORG_LIKE = new Set(['nt', 'nz', 'j', 'eng']);
// jieba tags many company names as person names (华硕, 比亚迪): not ordinary words.
const PERSON_LIKE = new Set(['nr', 'nrt', 'nrfg']);

export type WordClass = 'unknown' | 'org' | 'person' | 'other';

interface Words {
  /** dict.txt as bytes: UTF-8 sorts as the file does (no word outside the BMP), so it is searched without decoding 5 MB. */
  bytes: Buffer;
  /** Offset of each line of `bytes` (`word freq tag`). */
  starts: Int32Array;
}

let words: Words | null = null;

function load(): Words {
  const bytes = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
  // One pass with indexOf (native search): this runs on every cold start.
  let starts = new Int32Array(1 << 19);
  let k = 0;
  starts[k++] = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1)) {
    if (k === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[k++] = i + 1;
  }
  return { bytes, starts: starts.slice(0, k) };
}

/** End (byte offset) of the word of the line that starts at `s`. */
function wordEnd(w: Words, s: number): number {
  const sp = w.bytes.indexOf(32, s);
  const nl = w.bytes.indexOf(10, s);
  return sp < 0 || (nl >= 0 && nl < sp) ? (nl < 0 ? w.bytes.length : nl) : sp;
}

// The person and organisation rules ask about the same short words again and again.
const tags = new Map<string, string | null>();
const TAGS_MAX = 100_000;

/** jieba's part-of-speech tag of `folded` (Simplified) in its dictionary (`n`, `v`, `nr`, `ns` …), or null when it is not a word there. */
export function wordTag(folded: string): string | null {
  const known = tags.get(folded);
  if (known !== undefined) return known;
  const t = wordInfo(folded)?.tag ?? null;
  if (tags.size >= TAGS_MAX) tags.clear();
  tags.set(folded, t);
  return t;
}

// wordClass and isOrdinaryWord ask about the same words again and again too.
const infos = new Map<string, { freq: number; tag: string } | null>();

/** jieba's entry for `folded` (Simplified): its frequency and part-of-speech tag, or undefined. */
export function wordInfo(folded: string): { freq: number; tag: string } | undefined {
  const known = infos.get(folded);
  if (known !== undefined) return known ?? undefined;
  const info = lookUp(folded);
  if (infos.size >= TAGS_MAX) infos.clear();
  // Frozen: every caller shares the cached object.
  infos.set(folded, info ? Object.freeze(info) : null);
  return info;
}

function lookUp(folded: string): { freq: number; tag: string } | undefined {
  words ??= load();
  const key = Buffer.from(folded, 'utf8');
  let lo = 0;
  let hi = words.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = words.starts[mid]!;
    const c = key.compare(words.bytes, s, wordEnd(words, s));
    if (c === 0) {
      const nl = words.bytes.indexOf(10, s);
      const parts = words.bytes.toString('utf8', s, nl < 0 ? words.bytes.length : nl).split(' ');
      return { freq: Number(parts[1]) || 0, tag: (parts[2] ?? '').trim() };
    }
    if (c > 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The class of `folded` (Simplified) in jieba's dictionary. */
export function wordClass(folded: string): WordClass {
  const info = wordInfo(folded);
  if (!info) return 'unknown';
  return ORG_LIKE.has(info.tag) ? 'org' : PERSON_LIKE.has(info.tag) ? 'person' : 'other';
}

/** Whether `folded` is a word of jieba's dictionary that is not a name (of an organisation or, by jieba's tag, a person). */
export function isOrdinaryWord(folded: string): boolean {
  return wordClass(folded) === 'other';
}
