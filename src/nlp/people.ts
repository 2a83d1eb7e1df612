/*
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

import { type Cues, isDelim, isHan, personCues } from './cues';
import { wordTag } from '../text/jieba-words';
import { byByline } from './bylines';
import { type PeopleInput, type PersonSpan, ADVERB, afterTitleAt, allHan, clauseStart, followerAt, isOrdinary, nameEnd, surnameLength, timeWord } from './person-name';

export type { PeopleInput, PersonSpan } from './person-name';

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

// jieba tags of the word after a name that jieba cut as one token: verbs, adverbs, prepositions.
const AFTER_TOKEN = /^(?:v|vd|vi|d|ad|p)$/;
const OPEN_QUOTE = /^["“「『]/;

/**
 * A name no cue word announces, by its shape alone: jieba's segmenter cut
 * it as one token it does not know (its unknown-word model joins the
 * characters of a name), three characters led by a surname (four after a
 * compound one); and it stands where a
 * person does: opening a clause before a quotation (王書福"一個集團"的說法)
 * or an adverb (王書福顯然意識到), or after 的 before a verb, an adverb, a
 * preposition or a delimiter (年輕的王書福憑藉…).
 */
function byShape(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  for (let s = 0; s < key.length; s++) {
    const sl = surnameLength(c, key, s);
    if (sl === 0 || boundary[s] !== 1) continue;
    const e = s + sl + 2;
    if (boundary[e] !== 1 || !allHan(text, s, e) || input.taken(s, e)) continue;
    let inner = false;
    for (let i = s + 1; i < e; i++) if (boundary[i] === 1) inner = true;
    const name = key.slice(s, e);
    const own = wordTag(name);
    // A surname that makes a word with the next character (嚴峻性, 高增長) starts a word, not a name.
    if (inner || (own !== null && !own.startsWith('nr')) || isOrdinary(name.slice(0, sl + 1)) || text[s - 1] === '《') continue;
    let n = e + 1;
    while (n < key.length && boundary[n] !== 1) n++;
    const tag = wordTag(key.slice(e, n));
    const atStart = clauseStart(text, s);
    const afterOf = key[s - 1] === '的';
    const ok = atStart
      ? OPEN_QUOTE.test(text[e] ?? '') || (n - e >= 2 && (tag === 'd' || tag === 'ad'))
      : afterOf && (isDelim(text[e]) || (tag !== null && AFTER_TOKEN.test(tag)));
    if (ok) out.push({ start: s, end: e, by: 'title' });
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

// A count after a list: 4位, 三名 (the list must hold exactly that many names).
const COUNTS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

// 涂華彬、王曉維雙雙獲推薦: two or more names listed before a word that counts
// them. Where the word is a number (王明、李華、張強3位), a list of exactly
// that many names also takes two-character names jieba does not know.
function byCountedList(c: Cues, input: PeopleInput, out: PersonSpan[]): void {
  const { key, text, boundary } = input;
  const joiner = (ch: string | undefined): boolean => ch !== undefined && /[、及和与]/.test(ch);
  for (const m of key.matchAll(/(?:双双|分别|等人|两人|二人|三人|夫妇|([2-6]|[两二三四五六])\s*[位名])/g)) {
    const count = m[1] === undefined ? 0 : (COUNTS[m[1]] ?? Number(m[1]));
    const items: Array<[number, number]> = [];
    let e = m.index;
    for (let n = 0; n < 6; n++) {
      // A name of three (or two) characters ending here, led by a surname; the list goes on after a joiner.
      const s = [3, 2].map((l) => e - l).find((x) => {
        if (x < 0 || !allHan(text, x, e) || surnameLength(c, key, x) === 0 || input.taken(x, e)) return false;
        const tag = wordTag(key.slice(x, e));
        if (tag !== null ? !/^nr/.test(tag) : e - x === 2 && !(count > 0 && boundary[x] === 1 && boundary[e] === 1)) return false;
        // The list's first name may be glued to the word before it by jieba (70後涂華彬).
        return joiner(key[x - 1]) || boundary[x] === 1 || (items.length > 0 && e - x === 3);
      });
      if (s === undefined) break;
      items.push([s, e]);
      if (!joiner(key[s - 1])) break;
      e = s - 1;
    }
    if (items.length >= 2 && (count === 0 || items.length === count)) for (const [s, e2] of items) out.push({ start: s, end: e2, by: 'list' });
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
  byShape(c, input, found);
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
