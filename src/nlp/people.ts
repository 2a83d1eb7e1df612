import { type Cues, isDelim, isHan, personCues } from './cues';
import { wordTag } from '../text/jieba-words';

/**
 * Chinese person names the dictionary lacks, from the places news writes
 * them (issue 12):
 *
 * - bylines and credits: 〔記者卓怡君／台北報導〕, 【時報記者林資傑台北報導】,
 *   （中央社記者張建中新竹31日電）, 鉅亨網編譯許家華, 责任编辑：陈子汉,
 *   （記者王孟倫攝）, 高佳菁／核稿編輯;
 * - a title or role right before the name (董事長魏哲家, 首席財務官李鐵,
 *   前妻丁玉梅), or right after one that starts a clause (，林百里董事長);
 * - a verb of saying right after a name that starts a clause (。張曉宇指出);
 * - the next names of a list that starts with one of those (許家印、丁玉梅和夏海鈞).
 *
 * A surname from the table starts every name found by title or verb; jieba
 * decides nothing alone but breaks ties: where a name ends (马云也表示 is
 * 马云 because jieba cuts before 也) and whether a candidate is an ordinary
 * word (董事长任内 is no name). Works on normalised text and its folded key;
 * offsets are normalised.
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
const ADVERB = /^[也还都就又亦并曾已仍再才]$/;
const HONORIFIC = /^(?:女士|先生|小姐|太太|博士|教授|老师|董|总|生|女|姐)$/;

// jieba tags that make a word an ordinary word, not a name.
const ORDINARY = new Set(['n', 'v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'r', 'p', 'c', 'u', 'm', 'q', 't', 'f', 's', 'i', 'l', 'z', 'b', 'y', 'e', 'o', 'ng', 'vg', 'ag', 'tg', 'dg', 'mq', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv']);
const isOrdinary = (w: string): boolean => {
  const t = wordTag(w);
  return t !== null && ORDINARY.has(t);
};
// Places and organisations by jieba's tags (高雄, 万科): not people either.
const isOtherName = (w: string): boolean => {
  const t = wordTag(w);
  return t === 'ns' || t === 'nt' || t === 'nz' || t === 'j';
};

// Surnames by code unit: asked at nearly every position of a text.
let single1: Uint8Array | null = null;
let first2: Uint8Array | null = null;

function surnameLength(c: Cues, key: string, s: number): number {
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

function allHan(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isHan(text[i])) return false;
  return e > s;
}

/** Where a name may end: a delimiter, a follower word, a title (林百里董事長). */
function followerAt(c: Cues, input: PeopleInput, at: number): boolean {
  return isDelim(input.text[at]) || c.followers.startsAt(input.key, at) > 0 || c.titles.startsAt(input.key, at) > 0;
}

// jieba tags of a word that can follow a name: verbs, adverbs, prepositions, conjunctions, time.
const AFTER_NAME = /^(?:v|vd|vi|vg|d|ad|p|c|t|f)$/;

/**
 * After a title the name's start is known; where it ends, the next token
 * tells when no listed word does: 周成剛涉侵佔 (涉 a verb), 俞敏洪其後 (a
 * conjunction), or the name is a token of its own (謝漢章霸氣表示).
 */
function afterTitleAt(c: Cues, input: PeopleInput, s: number, at: number): boolean {
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
function nameEnd(c: Cues, input: PeopleInput, s: number, ok: (at: number) => boolean, needSurname = true): number {
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

/**
 * After a title, a name no surname of the table leads: a foreign name
 * spelt in Chinese (執行長庫克, 總裁拉加德: mostly transliteration
 * characters), or a rare surname (總監植耀輝指出: three characters, a verb
 * of saying after). Either way a word jieba does not know, followed by a
 * delimiter or a verb of saying.
 */
function unledName(c: Cues, input: PeopleInput, s: number): number {
  const { key, text } = input;
  for (const n of [3, 2, 4, 5]) {
    const e = s + n;
    const tag = wordTag(key.slice(s, e));
    if (!allHan(text, s, e) || input.taken(s, e) || (tag !== null && !/^nr/.test(tag))) continue;
    // What follows: a delimiter, a verb of saying, or a time word (庫克下月訪華).
    const at = e + timeWord(key, e);
    if (!isDelim(text[e]) && c.verbs.startsAt(key, at) === 0 && at === e) continue;
    const foreign = [...key.slice(s, e)].filter((ch) => c.foreign.has(ch)).length;
    // jieba's nrt is its tag for transliterated names (库克).
    if ((foreign * 2 >= n && foreign >= 2) || tag === 'nrt') return e;
    // A rare surname: three characters with no word inside (總監植耀輝指出, not 董事長親自表示).
    let inner = false;
    for (let i = s; i + 2 <= e; i++) if (isOrdinary(key.slice(i, i + 2))) inner = true;
    if (!inner && n === 3 && c.verbs.startsAt(key, at) > 0) return e;
  }
  return -1;
}

/** Start a clause may have: the text's start, a delimiter before it. */
const clauseStart = (text: string, s: number): boolean => s === 0 || isDelim(text[s - 1]);

// An age before a name: 現年54歲的朱一明.
const AGE = /(?:\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)[岁]的?$/;

function byTitle(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  for (let i = 0; i < key.length; i++) {
    const n = c.titles.startsAt(key, i);
    if (n === 0 && (c.before.endsAt(key, i) > 0 || ((key[i - 1] === '岁' || key[i - 1] === '的') && AGE.test(key.slice(Math.max(0, i - 5), i)))) && isHan(text[i])) {
      // A verb that takes a person (推薦高衛東為), or an age: the name starts here.
      const e = nameEnd(c, input, i, (at) => followerAt(c, input, at));
      if (e > 0) {
        out.push({ start: i, end: e, by: 'title' });
        i = e - 1;
      }
      continue;
    }
    if (n === 0) continue;
    // A title is a word of its own (銀行長期 holds no 行長), perhaps with 副 or 總 before it.
    if (boundary[i] !== 1 && isHan(text[i - 1]) && !(/[副总前原代]/.test(key[i - 1]!) && (boundary[i - 1] === 1 || !isHan(text[i - 2])))) continue;
    let s = i + n;
    while (text[s] === ' ') s++;
    const e = nameEnd(c, input, s, (at) => afterTitleAt(c, input, s, at));
    const f = e > 0 ? e : unledName(c, input, s);
    if (f > 0) {
      out.push({ start: s, end: f, by: 'title' });
      i = f - 1;
    } else i += n - 1;
  }
}

// A preposition or conjunction before a name: 由哈億潼大律師代表.
const BEFORE_NAME = new Set('由与和及向对被让请跟同'.split(''));

// 。林百里董事長, ，李雪芹女士, 由陳樂信資深大律師: a name starting a clause
// (or after a preposition) with a title or 先生/女士 after it.
function byTitleAfter(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  for (let s = 0; s < key.length; s++) {
    if (surnameLength(c, key, s) === 0) continue;
    if (!clauseStart(text, s) && !(boundary[s] === 1 && BEFORE_NAME.has(key[s - 1]!))) continue;
    const e = nameEnd(c, input, s, (at) => c.titles.startsAt(key, at) > 0 || /^(?:先生|女士|博士)/.test(key.slice(at, at + 2)));
    if (e > 0) out.push({ start: s, end: e, by: 'title' });
  }
}

// 艾橋智：創造更緊密協同效應: a line that opens with a name and a colon quotes that person.
function byHeading(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text } = input;
  for (let s = 0; s < key.length; s++) {
    if (!(s === 0 || text[s - 1] === '\n') || surnameLength(c, key, s) === 0) continue;
    const e = nameEnd(c, input, s, (at) => /^\s*:/.test(text.slice(at, at + 2)));
    if (e > 0) out.push({ start: s, end: e, by: 'title' });
  }
}

// A time word between a name and its verb: 郭台銘昨日宣布, 黃仁勳今（5）日表示.
const TIME = /^(?:[今昨明前]?\s*\(?\d{1,2}\)?\s*日|[今昨明]天|[今昨]日|[今昨]|日前|近日|稍早|早前|上午|下午|晚间|当天|同日|[上下本]月|[上下本][周週]|[今明去]年)/;
const timeWord = (key: string, at: number): number => TIME.exec(key.slice(at, at + 8))?.[0].length ?? 0;

function byVerb(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  for (let s = 0; s < key.length; s++) {
    if (!clauseStart(text, s) || surnameLength(c, key, s) === 0 || boundary[s] !== 1) continue;
    const e = nameEnd(c, input, s, (at) => {
      if (boundary[at] !== 1) return false;
      const t = at + timeWord(key, at);
      return c.verbs.startsAt(key, t) > 0 || (ADVERB.test(key[t] ?? '') && c.verbs.startsAt(key, t + 1) > 0);
    });
    if (e < 0) continue;
    // With no title, a given name that is itself an ordinary word (向外界表示) is no name.
    const given = key.slice(s + surnameLength(c, key, s), e);
    if (given.length >= 2 && isOrdinary(given)) continue;
    out.push({ start: s, end: e, by: 'verb' });
  }
}

// After a reporter's name: a place and 報導/電 (台北報導, 新竹31日電), or 攝 (photo credit).
const DATELINE = /^(\d{1,2}日)?(?:报导|报道|电|讯|综合报导|综合报道)/;

/**
 * A byline name without a surname from the table (编辑 若宇) is taken only
 * as a whole the segmenter does not know, that holds no word of its own
 * (记者注意到, 圖／中鋼提供), and that closes the byline (a bracket, a line end).
 */
function penName(input: PeopleInput, name: string, end: number): boolean {
  if (wordTag(name) !== null || !/^\s*(?:[)\]\n/|]|$)/.test(input.text.slice(end, end + 2))) return false;
  for (let i = 0; i + 2 <= name.length; i++) if (wordTag(name.slice(i, i + 2)) !== null) return false;
  return true;
}

function bylineEnd(c: Cues, input: PeopleInput, s: number): number {
  const { key, text } = input;
  const delimEnd = (at: number): boolean => isDelim(text[at]) || /^[摄]\s*[),\]]/.test(key.slice(at, at + 3)) || (key[at] === '摄' && at + 1 === key.length);
  // Name, then a place of two or three characters, then the dateline.
  const placeEnd = (at: number): boolean => {
    for (const pl of [2, 3, 4]) {
      if (!allHan(text, at, at + pl) || !DATELINE.test(key.slice(at + pl, at + pl + 8))) continue;
      if (input.isPlace(at, at + pl) || wordTag(key.slice(at, at + pl)) === 'ns' || key.slice(at, at + pl) === '综合') return true;
    }
    return false;
  };
  const sl = surnameLength(c, key, s);
  const lens = sl === 2 ? [4, 3] : [3, 2, 4];
  for (const test of [delimEnd, placeEnd]) {
    for (const n of lens) {
      if (!allHan(text, s, s + n) || input.taken(s, s + n) || !test(s + n)) continue;
      const name = key.slice(s, s + n);
      if (sl === 0 ? !penName(input, name, s + n) : isOrdinary(name) || name.endsWith('提供')) continue;
      return s + n;
    }
  }
  // 記者張建中新竹31日電: no delimiter, a place jieba may not know; a three-character name.
  if (sl > 0 && allHan(text, s, s + 3) && /^[\u3400-\u9fff]{2,3}(\d{1,2}日)?(?:报导|报道|电)/.test(key.slice(s + 3, s + 12))) return s + 3;
  return -1;
}

function byByline(c: Cues, input: PeopleInput, out: PersonSpan[], outlets: Array<[number, number]>): void {
  const { key, text } = input;
  for (let i = 0; i < key.length; i++) {
    const n = c.roles.startsAt(key, i);
    if (n === 0) continue;
    // What stands before the role: a bracket or line start, or an outlet (時報記者, 中央社記者) right after one.
    let b = i;
    while (b > 0 && text[b - 1] === ' ') b--;
    let outlet: [number, number] | null = null;
    if (!clauseStart(text, b)) {
      let o = b;
      while (o > 0 && b - o < 8 && !isDelim(text[o - 1])) o--;
      if (!clauseStart(text, o) || b - o < 2) continue;
      // 本報記者: the paper itself; 劉曉陽 校對: a colleague, not an outlet.
      const w = key.slice(o, b);
      if (!/^本[报刊网台社]/.test(w) && !(b - o <= 3 && surnameLength(c, key, o) > 0 && !/[报网社台刊]$/.test(w))) outlet = [o, b];
    }
    let s = i + n;
    const sep = /^\s*[:/|丨]?\s*/.exec(key.slice(s, s + 4))![0].length;
    // A one-character role (文, 图) needs its separator: 文／X, not 本文.
    if (n === 1 && !/[:/|丨]/.test(key.slice(s, s + sep))) continue;
    s += sep;
    // 文／觀察者網 呂棟, 作者|零售商业财经 喻博雅: an outlet, a space, then the name.
    const pre = /^([\u3400-\u9fffA-Za-z0-9]{2,10}) +(?=[\u3400-\u9fff]{2,4}(?:$|[\s)\]]))/.exec(text.slice(s, s + 20));
    if (pre && !c.surnames.has(key[s]!)) {
      outlets.push([s, s + pre[1]!.length]);
      s += pre[0].length;
    }
    const e = bylineEnd(c, input, s);
    if (e < 0) continue;
    if (outlet) outlets.push(outlet);
    out.push({ start: s, end: e, by: 'byline' });
    i = e - 1;
  }
  // 高佳菁／核稿編輯 and （陳愷巨攝）: the name first.
  for (const m of key.matchAll(/(?:^|[\n([])\s*([\u3400-\u9fff]{2,4})(?:\s*[/|]\s*(?=[\u3400-\u9fff]{2,4}(?:$|\n))|摄\s*[)\]])/g)) {
    const s = m.index + m[0].indexOf(m[1]!);
    const e = s + m[1]!.length;
    const after = key.slice(e).replace(/^\s*[/|]\s*/, '');
    if (key[e] !== '摄' && c.roles.startsAt(after, 0) === 0) continue;
    if (surnameLength(c, key, s) === 0 || input.taken(s, e) || isOrdinary(key.slice(s, e))) continue;
    out.push({ start: s, end: e, by: 'byline' });
  }
}

// Every other place the field prints a name already found, where it stands as a word.
function seen(input: PeopleInput, out: PersonSpan[]): void {
  const { key, boundary } = input;
  const at = new Set(out.map((p) => p.start));
  for (const name of new Set(out.map((p) => key.slice(p.start, p.end)))) {
    for (let i = key.indexOf(name); i >= 0; i = key.indexOf(name, i + 1)) {
      if (at.has(i) || boundary[i] !== 1 || input.taken(i, i + name.length)) continue;
      const e = i + name.length;
      if (boundary[e] !== 1 && isHan(input.text[e])) continue;
      at.add(i);
      out.push({ start: i, end: e, by: 'list' });
    }
  }
}

// 涂華彬、王曉維雙雙獲推薦: two or more names listed before a word that counts them.
function byCountedList(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  const joiner = (ch: string | undefined): boolean => ch !== undefined && /[、及和与]/.test(ch);
  for (const m of key.matchAll(/(?:双双|分别|等人|两人|二人|三人|夫妇)/g)) {
    const items: Array<[number, number]> = [];
    let e = m.index;
    for (let n = 0; n < 6; n++) {
      // A name of three (or two) characters ending here, led by a surname; the list goes on after a joiner.
      const s = [3, 2].map((l) => e - l).find((x) => {
        if (x < 0 || !allHan(text, x, e) || surnameLength(c, key, x) === 0 || input.taken(x, e)) return false;
        const tag = wordTag(key.slice(x, e));
        if (tag !== null ? !/^nr/.test(tag) : e - x === 2) return false;
        // The list's first name may be glued to the word before it by jieba (70後涂華彬).
        return joiner(key[x - 1]) || boundary[x] === 1 || (items.length > 0 && e - x === 3);
      });
      if (s === undefined) break;
      items.push([s, e]);
      if (!joiner(key[s - 1])) break;
      e = s - 1;
    }
    if (items.length >= 2) for (const [s, e2] of items) out.push({ start: s, end: e2, by: 'list' });
  }
}

const LIST_JOIN = /^(?:、|及|和|与|以及)/;

// 許家印、丁玉梅和夏海鈞: names listed after one found by a cue.
function byList(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key } = input;
  for (let k = 0; k < out.length; k++) {
    const p = out[k]!;
    const j = LIST_JOIN.exec(key.slice(p.end, p.end + 2));
    if (!j) continue;
    const s = p.end + j[0].length;
    if (out.some((q) => q.start === s)) continue;
    const e = nameEnd(c, input, s, (at) => followerAt(c, input, at));
    // A list mixes people with companies (辛杰和萬科): a word jieba knows as anything but a name is none.
    const tag = e > 0 ? wordTag(key.slice(s, e)) : null;
    if (e > 0 && (tag === null || tag === 'nr')) out.push({ start: s, end: e, by: 'list' });
  }
}

/**
 * Person names in one field, with outlets named in its bylines (時報 in
 * 【時報記者…】): spans in normalised offsets, ordered, not overlapping.
 */
export function findPeople(input: PeopleInput): { people: PersonSpan[]; outlets: Array<[number, number]> } {
  const c = personCues();
  const found: PersonSpan[] = [];
  const outlets: Array<[number, number]> = [];
  byByline(c, input, found, outlets);
  byTitle(c, input, found);
  byTitleAfter(c, input, found);
  byHeading(c, input, found);
  byVerb(c, input, found);
  byCountedList(c, input, found);
  seen(input, found);
  byList(c, input, found);
  // 陸挺續指 when 陸挺 is known: the known name, then the verb.
  const names = new Set(found.map((p) => input.key.slice(p.start, p.end)));
  for (const p of found) {
    if (p.by !== 'verb' && p.by !== 'list') continue;
    const short = input.key.slice(p.start, p.end - 1);
    if (short.length >= 2 && names.has(short) && c.followers.startsAt(input.key, p.end - 1) >= 2) p.end -= 1;
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const people: PersonSpan[] = [];
  for (const p of found) {
    const last = people[people.length - 1];
    if (last && p.start < last.end) continue;
    people.push(p);
  }
  return { people, outlets };
}
