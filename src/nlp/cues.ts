import { matchKey } from './fold';
import { readWordList } from './lists';
import { wordTag } from './words';

/**
 * The cue words the person and organisation rules read, loaded once per
 * process from `src/nlp/data/` and folded to matching keys (Simplified,
 * ASCII lower case), so a list written in either script matches text in
 * either script.
 */
const DATA = new URL('./data/', import.meta.url);

/** A word list from `src/nlp/data/`, folded to matching keys. */
export function foldedList(file: string): string[] {
  return readWordList(new URL(file, DATA)).map((w) => matchKey(w.normalize('NFKC')));
}

/**
 * A set of folded words with the lengths it holds, for "does a listed word
 * start (or end) here" without a regular expression per word.
 */
export class WordSet {
  readonly words: Set<string>;
  private readonly lengths: number[];
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.lengths = [...new Set([...this.words].map((w) => w.length))].sort((a, b) => b - a);
  }
  has(w: string): boolean {
    return this.words.has(w);
  }
  /** Length of the longest listed word starting at `at` in `key`, or 0. */
  startsAt(key: string, at: number): number {
    for (const n of this.lengths) if (at + n <= key.length && this.words.has(key.slice(at, at + n))) return n;
    return 0;
  }
  /** Length of the longest listed word ending at `at` in `key`, or 0. */
  endsAt(key: string, at: number): number {
    for (const n of this.lengths) if (at - n >= 0 && this.words.has(key.slice(at - n, at))) return n;
    return 0;
  }
}

let cached: Cues | null = null;

export interface Cues {
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  titles: WordSet;
  followers: WordSet;
  verbs: WordSet;
  before: WordSet;
  roles: WordSet;
  foreign: Set<string>;
}

/** The person cue lists (built on first use). */
export function personCues(): Cues {
  cached ??= {
    surnames: new Set([...foldedList('surnames.txt'), ...foldedList('surnames-more.txt')]),
    compoundSurnames: new Set(foldedList('surnames-compound.txt')),
    titles: new WordSet(foldedList('person-titles.txt')),
    followers: new WordSet(foldedList('name-followers.txt')),
    verbs: new WordSet(foldedList('person-verbs.txt')),
    before: new WordSet(foldedList('person-before.txt')),
    roles: new WordSet(foldedList('byline-roles.txt')),
    foreign: new Set(foldedList('transliteration.txt')),
  };
  return cached;
}

const HAN = /[\u3400-\u9fff]/;
/** Whether one character is Han (normalised text holds only the unified range). */
export const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);

// Where a name may end or a clause begins: punctuation, brackets, quotes, blanks.
const DELIM = new Set([...' \n\t，,。.、；;：:！!？?（）()[]「」『』“”"‘’《》〈〉/／|丨…—-·・*'].filter((c) => c.length === 1));
/** Whether `c` is punctuation, a bracket, a quote or a blank (or the text's edge). */
export const isDelim = (c: string | undefined): boolean => c === undefined || DELIM.has(c);

// jieba tags of names: people, places, organisations, other proper nouns, abbreviations, English.
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'eng']);

/**
 * Whether a folded token reads as (part of) a name rather than an ordinary
 * word: Latin, a word jieba does not know (新宇, 比优特), or one jieba tags
 * as a name (恒生 nz, 深圳 ns). jieba's tags are a hint, not a verdict:
 * callers combine this with the shape of the phrase.
 */
export function nameLike(w: string): boolean {
  if (/^[a-z][a-z0-9&.'-]*$/.test(w)) return true;
  const t = wordTag(w);
  return t === null || NAME_TAGS.has(t);
}

/** The first token start at or after `s` (by the boundary array) from which [s, e) reads as a name, or -1. */
export function nameStart(key: string, boundary: Uint8Array, s: number, e: number): number {
  let a = s;
  while (a < e) {
    let b = a + 1;
    while (b < e && boundary[b] !== 1) b++;
    if (nameLike(key.slice(a, b))) return a;
    a = b;
  }
  return -1;
}
