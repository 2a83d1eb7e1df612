import { matchKey } from '../text/fold';
import { readWordList } from '../text/lists';
import { wordTag } from '../text/jieba-words';

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

interface TrieNode {
  next: Map<number, TrieNode>;
  end: boolean;
}

function trieOf(words: Iterable<string>, reverse: boolean): TrieNode {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(reverse ? w.length - 1 - i : i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), end: false };
        node.next.set(c, n);
      }
      node = n;
    }
    node.end = true;
  }
  return root;
}

/**
 * A set of folded words, with "which listed word starts (or ends) here" by
 * a walk over two small tries: the person and organisation rules ask this
 * at nearly every position of a text, so it must neither slice nor allocate.
 */
export class WordSet {
  readonly words: Set<string>;
  private readonly forward: TrieNode;
  private readonly backward: TrieNode;
  // Code units that start (end) some word: most positions fail this test.
  private readonly firsts = new Uint8Array(65536);
  private readonly lasts = new Uint8Array(65536);
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.forward = trieOf(this.words, false);
    this.backward = trieOf(this.words, true);
    for (const w of this.words) {
      this.firsts[w.charCodeAt(0)] = 1;
      this.lasts[w.charCodeAt(w.length - 1)] = 1;
    }
  }
  has(w: string): boolean {
    return this.words.has(w);
  }
  /** Length of the longest listed word starting at `at` in `key`, or 0. */
  startsAt(key: string, at: number): number {
    if (this.firsts[key.charCodeAt(at)] !== 1) return 0;
    let node: TrieNode | undefined = this.forward;
    let best = 0;
    for (let i = at; i < key.length; i++) {
      node = node.next.get(key.charCodeAt(i));
      if (!node) break;
      if (node.end) best = i - at + 1;
    }
    return best;
  }
  /** Length of the longest listed word ending at `at` in `key`, or 0. */
  endsAt(key: string, at: number): number {
    if (at === 0 || this.lasts[key.charCodeAt(at - 1)] !== 1) return 0;
    let node: TrieNode | undefined = this.backward;
    let best = 0;
    for (let i = at - 1; i >= 0; i--) {
      node = node.next.get(key.charCodeAt(i));
      if (!node) break;
      if (node.end) best = at - i;
    }
    return best;
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

/** Whether any of `a[s..e)` is set (without the view a subarray would allocate). */
export function anySet(a: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (a[i] === 1) return true;
  return false;
}
