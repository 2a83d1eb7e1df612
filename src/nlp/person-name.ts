import { type Cues, isDelim, isHan } from './cues';
import { wordTag } from '../text/jieba-words';

/*
 * The shape of a Chinese person's name (issue 12): a surname from the table,
 * two to four Han characters, and the places where a name may end (a
 * delimiter, a word that follows names, a title, the next token's tag).
 * The cue finders (people.ts, bylines.ts) say where a name starts; this
 * module says whether one does and how long it is.
 */

export interface PersonSpan {
  start: number;
  end: number;
  /** How it was found: the cue that made it a name. */
  by: 'byline' | 'title' | 'verb' | 'list';
}

export interface PeopleInput {
  /** Normalised text and its matching key (same length). */
  text: string;
  key: string;
  /** Token boundaries (segment.ts). */
  boundary: Uint8Array;
  /** Whether [start, end) overlaps a name already tagged (dictionary, organisation). */
  taken(start: number, end: number): boolean;
  /** Whether [start, end) is a place (for 台北報導 after a reporter's name). */
  isPlace(start: number, end: number): boolean;
}

// Single-character words that end a name only where jieba cuts before them.
const SINGLE = (c: Cues): Set<string> => new Set([...c.followers.words].filter((w) => w.length === 1));
let single: Set<string> | null = null;

// One-character adverbs that follow a name and never end one (丁磊還表示).
export const ADVERB = /^[也还都就又亦并曾已仍再才]$/;
const HONORIFIC = /^(?:女士|先生|小姐|太太|博士|教授|老师|董|总|生|女|姐)$/;

// jieba tags that make a word an ordinary word, not a name.
const ORDINARY = new Set(['n', 'v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'r', 'p', 'c', 'u', 'm', 'q', 't', 'f', 's', 'i', 'l', 'z', 'b', 'y', 'e', 'o', 'ng', 'vg', 'ag', 'tg', 'dg', 'mq', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv']);
export const isOrdinary = (w: string): boolean => {
  const t = wordTag(w);
  return t !== null && ORDINARY.has(t);
};
// Places and organisations by jieba's tags (高雄, 万科): not people either.
export const isOtherName = (w: string): boolean => {
  const t = wordTag(w);
  return t === 'ns' || t === 'nt' || t === 'nz' || t === 'j';
};

// Surnames by code unit: asked at nearly every position of a text.
let single1: Uint8Array | null = null;
let first2: Uint8Array | null = null;

export function surnameLength(c: Cues, key: string, s: number): number {
  if (!single1 || !first2) {
    single1 = new Uint8Array(65536);
    first2 = new Uint8Array(65536);
    for (const x of c.surnames) single1[x.charCodeAt(0)] = 1;
    for (const x of c.compoundSurnames) first2[x.charCodeAt(0)] = 1;
  }
  const u = key.charCodeAt(s);
  if (first2[u] === 1 && c.compoundSurnames.has(key.slice(s, s + 2))) return 2;
  return single1[u] === 1 ? 1 : 0;
}

export function allHan(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isHan(text[i])) return false;
  return e > s;
}

/** Where a name may end: a delimiter, a follower word, a title (林百里董事長). */
export function followerAt(c: Cues, input: PeopleInput, at: number): boolean {
  return isDelim(input.text[at]) || c.followers.startsAt(input.key, at) > 0 || c.titles.startsAt(input.key, at) > 0;
}

// jieba tags of a word that can follow a name: verbs, adverbs, prepositions, conjunctions, time.
const AFTER_NAME = /^(?:v|vd|vi|vg|d|ad|p|c|t|f)$/;

/**
 * After a title the name's start is known; where it ends, the next token
 * tells when no listed word does: 周成剛涉侵佔 (涉 a verb), 俞敏洪其後 (a
 * conjunction), or the name is a token of its own (謝漢章霸氣表示).
 */
export function afterTitleAt(c: Cues, input: PeopleInput, s: number, at: number): boolean {
  if (followerAt(c, input, at)) return true;
  const b = input.boundary;
  if (b[at] !== 1) return false;
  let inner = false;
  for (let i = s + 1; i < at; i++) if (b[i] === 1) inner = true;
  if (!inner && at - s >= 2) return true;
  let e = at + 1;
  while (e < input.key.length && b[e] !== 1) e++;
  const tag = wordTag(input.key.slice(at, e));
  return tag !== null && AFTER_NAME.test(tag);
}

/**
 * The end of a surname-led name starting at `s`, or -1: two or three
 * characters (three or four after a two-character surname), all Han, not
 * taken, ending where `ok` says a name may end. Where both lengths fit, the
 * longer wins unless its last character is a one-character function word
 * that jieba cuts off (马云也表示).
 */
export function nameEnd(c: Cues, input: PeopleInput, s: number, ok: (at: number) => boolean, needSurname = true): number {
  const sl = surnameLength(c, input.key, s);
  if (needSurname && sl === 0) return -1;
  const lens = sl === 2 ? [4, 3] : [3, 2];
  const fits = lens.filter((n) => allHan(input.text, s, s + n) && !input.taken(s, s + n) && ok(s + n));
  if (fits.length === 0) return -1;
  let n = fits[0]!;
  if (fits.length === 2) {
    const short = fits[1]!;
    single ??= SINGLE(c);
    const key = input.key;
    // 马云也表示: 也 is an adverb, never the end of a name; 马云和: jieba
    // cuts before 和. 陸挺續指: a word follows the short name, only a single
    // character the long one.
    if (ADVERB.test(key[s + short]!) || (single.has(key[s + short]!) && input.boundary[s + short] === 1)) n = short;
    else if (c.followers.startsAt(key, s + short) >= 2 && c.followers.startsAt(key, s + n) < 2 && !isDelim(input.text[s + n])) n = short;
  }
  const name = input.key.slice(s, s + n);
  // An ordinary word is no name (董事长任内, 總經理職務), nor a place or an
  // organisation, nor a surname with an honorific (李女士, 陳董).
  if (isOrdinary(name) || isOtherName(name) || HONORIFIC.test(name.slice(1))) return -1;
  // A title in 《》 is a paper's or a book's (《柳葉刀》).
  if (input.text[s - 1] === '《') return -1;
  return s + n;
}

/** Start a clause may have: the text's start, a delimiter before it. */
export const clauseStart = (text: string, s: number): boolean => s === 0 || isDelim(text[s - 1]);

// A time word between a name and its verb: 郭台銘昨日宣布, 黃仁勳今（5）日表示.
const TIME = /^(?:[今昨明前]?\s*\(?\d{1,2}\)?\s*日|[今昨明]天|[今昨]日|[今昨]|日前|近日|稍早|早前|上午|下午|晚间|当天|同日|[上下本]月|[上下本][周週]|[今明去]年)/;
export const timeWord = (key: string, at: number): number => TIME.exec(key.slice(at, at + 8))?.[0].length ?? 0;
