import { type Cues, isDelim } from './cues';
import { wordTag } from '../text/jieba-words';
import { type PeopleInput, type PersonSpan, allHan, clauseStart, isOrdinary, surnameLength } from './person-name';

/**
 * Bylines and credits (issue 12): 〔記者卓怡君／台北報導〕, 【時報記者林資傑台北報導】,
 * （中央社記者張建中新竹31日電）, 鉅亨網編譯許家華, 责任编辑：陈子汉,
 * （記者王孟倫攝）, 高佳菁／核稿編輯; with the outlets they name (時報).
 */

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

export function byByline(c: Cues, input: PeopleInput, out: PersonSpan[], outlets: Array<[number, number]>): void {
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
