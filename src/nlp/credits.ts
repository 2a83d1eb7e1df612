import { foldedList, isDelim, isHan, nameStart, WordSet } from './cues';
import { isPerson } from './english';
import { isAcronym } from './inline';
import { wordTag } from '../text/jieba-words';

/**
 * Organisations named as the source of what an article says, by the shape
 * of the phrase rather than by their names (issue 12):
 *
 * - 根據Wind數據, 據財聯社不完全統計, 根據SNE Research統計: a name between
 *   據 and a source word;
 * - 來源：新華社, 資料來源：Wind, 本文首發於泡財經, 圖源：比優特商業集團;
 * - 《每日經濟新聞》記者, 《路透》指出, 《新財富》: a title in 《》 that is a
 *   paper's, by its last word or the verb after it;
 * - photo credits: （圖：REUTERS/TPG）, （美聯社資料照）;
 * - a foreign body after the word for what it is: 能源巨擘Engie,
 *   營運商UK Power Networks, 紅杉資本旗下HongShan Growth, Long-Z Fund I;
 * - an acronym that forecasts or counts: ILZSG 預計, ICSG 預計;
 * - a name that opens a clause with 數據顯示: Wind數據顯示.
 *
 * Offsets are normalised; `taken` says where a dictionary or inline-code
 * name already stands.
 */
export interface CreditInput {
  text: string;
  key: string;
  boundary: Uint8Array;
  taken(start: number, end: number): boolean;
}

let words: { source: WordSet; not: Set<string> } | null = null;
const lists = (): { source: WordSet; not: Set<string> } => (words ??= { source: new WordSet(foldedList('source-words.txt')), not: new Set(foldedList('org-not.txt')) });

/** Whether a source word stands within a few characters of [start, end) (for Wind?, 晨星?). */
export function sourceContext(key: string, start: number, end: number): boolean {
  const { source } = lists();
  let at = end;
  while (key[at] === ' ') at++;
  if (source.startsAt(key, at) > 0) return true;
  return /(?:据|根据|来源|援引|引述)\s*[:]?\s*$/.test(key.slice(Math.max(0, start - 5), start));
}

// A name that is a class of speakers or a document, not a body (法人, 知情人士,
// 公告), also by its head word (多間券商, 外資銀行).
function generic(key: string, s: number, e: number): boolean {
  const w = key.slice(s, e);
  const { not } = lists();
  if (not.has(w) || /(?:人士|人员|官员|方面|当局|媒体|外电)$/.test(w)) return true;
  for (let k = 2; k <= 4 && k < w.length; k++) if (not.has(w.slice(-k))) return true;
  const tag = wordTag(w);
  if (tag !== null && tag !== 'nt' && tag !== 'nz' && tag !== 'j' && tag !== 'eng') return true;
  const first = wordTag(w.slice(0, 1));
  return /^[\d一二两三四五六七八九十几该本其此这那各]/.test(w) || first === 'r';
}

type Span = [number, number];

/** A source organisation's span; `pairedWithPrevious`: another spelling of the one before it (赫伯羅特（Hapag-Lloyd）). */
export interface Credit {
  start: number;
  end: number;
  pairedWithPrevious?: boolean;
}

// 根據X統計, 據X報導: X runs from the cue to the first source word.
function afterCue(input: CreditInput, out: Span[]): void {
  const { key, text } = input;
  const { source } = lists();
  for (const m of key.matchAll(/(?:根据|据|依据)\s*/g)) {
    let s = m.index + m[0].length;
    if (m.index > 0 && isHan(text[m.index - 1]) && input.boundary[m.index] !== 1) continue;
    let e = s;
    while (e < key.length && e - s < 16 && !isDelim(text[e]) && source.startsAt(key, e) === 0 && !(input.boundary[e] === 1 && e > s && /^(?:刚刚|已经|日前|近日|昨日|今日|昨天|今天)/.test(key.slice(e, e + 2)))) e++;
    if (e === s || source.startsAt(key, e) === 0) continue;
    while (text[e - 1] === ' ') e--;
    while (text[s] === ' ') s++;
    // 據近日港交所公開信息: the name starts at its first name-like word.
    s = nameStart(key, input.boundary, s, e);
    if (s >= 0 && e - s >= 2 && !input.taken(s, e) && !generic(key, s, e)) out.push([s, e]);
  }
}

// 來源：X, 資料來源：X, 本文首發於X, 圖源：X: X runs to a delimiter, a date or a dash.
function afterLabel(input: CreditInput, out: Span[]): void {
  const { key, text } = input;
  // 來源 needs its colon: 配息來源有一部分… is no credit.
  for (const m of key.matchAll(/(?:(?:资料来源|来源|图源|图片来源|出处)\s*:|本文首发于|首发于|转载自)\s*/g)) {
    const s = m.index + m[0].length;
    let e = s;
    while (e < key.length && e - s < 14 && !isDelim(text[e]) && !/\d/.test(text[e]!)) e++;
    // 泡財經風口解讀專題: the outlet is the part up to its last media word.
    const run = key.slice(s, e);
    const media = /^.{1,8}?(?:财经|新闻|网|报|社|台|刊|杂志)/.exec(run);
    if (run.length > 6 && media) e = s + media[0].length;
    // 每經記者, 晨鳴集團官網截圖: the outlet or the body, not its staff or its site.
    const tail = /(?:记者|编辑|摄影|官网截图|官网|网站|截图|官方微博|微信公众号)$/.exec(key.slice(s, e));
    if (tail) e -= tail[0].length;
    while (text[e - 1] === ' ') e--;
    if (e - s >= 2 && !input.taken(s, e) && !generic(key, s, e)) out.push([s, e]);
  }
}

const PAPER_END = /(?:日报|时报|晚报|早报|周刊|新闻|杂志|报|网|社|财经|电视台|刊|经纬|参考|报道)$/;
const NOT_PAPER = /(?:法|法案|条例|办法|规定|计划|方案|通知|意见|决定|公告|书|协议|合同|指引|行动|游戏|电影|剧|歌|系列|宣言|纲要|规划|标准|准则)$/;
const PAPER_VERB = /^\s*(?:报导|报道|指出|引述|援引|分析|记者|称|表示|发布|获悉|披露|专访|调查|统计|社论|评论|最新|报告|榜|数据|消息|文章|网站|官网)/;

// 《每日經濟新聞》記者, 《路透》指出: a paper's title in 《》.
function titled(input: CreditInput, out: Span[]): void {
  const { key } = input;
  for (const m of key.matchAll(/《([^《》\n]{2,20})》/g)) {
    const inner = m[1]!.trim();
    if (NOT_PAPER.test(inner)) continue;
    if (!PAPER_END.test(inner) && !PAPER_VERB.test(key.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    const s = m.index + 1 + m[1]!.indexOf(inner);
    if (!input.taken(s, s + inner.length)) out.push([s, s + inner.length]);
  }
}

// （圖：REUTERS/TPG）, （美聯社資料照）.
function photoCredits(input: CreditInput, out: Span[]): void {
  const { key } = input;
  for (const m of key.matchAll(/[([]\s*(?:图片?|照片|photo)\s*[:/]\s*([^()[\]\n]{2,40})[)\]]/gi)) {
    let at = m.index + m[0].indexOf(m[1]!);
    // 圖／中鋼提供: a company's own photo, not an agency's.
    if (/(?:提供|摄)\s*$/.test(m[1]!)) continue;
    for (const part of m[1]!.split(/([/、,])/)) {
      const bare = part.replace(/(?:资料照|资料图|截图|翻摄|取自)$/, '').trim();
      const s = at + part.indexOf(bare);
      at += part.length;
      if (bare.length < 2 || /[/、,]/.test(bare)) continue;
      if (/^[A-Z][A-Za-z&.-]+$/i.test(bare) || (/^[\u3400-\u9fff]{2,8}$/.test(bare) && !generic(key, s, s + bare.length))) {
        if (!input.taken(s, s + bare.length)) out.push([s, s + bare.length]);
      }
    }
  }
  for (const m of key.matchAll(/[([]\s*([\u3400-\u9fffA-Za-z]{2,10}?)\s*(?:资料照|资料图|档案照)\s*[)\]]/g)) {
    const s = m.index + m[0].indexOf(m[1]!);
    if (!input.taken(s, s + m[1]!.length) && !generic(key, s, s + m[1]!.length)) out.push([s, s + m[1]!.length]);
  }
}

const LATIN_NAME = "[A-Z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*){0,4}";
const DESCRIBED = new RegExp(`(?:巨擘|巨頭|巨头|龍頭|龙头|營運商|运营商|供應商|供应商|公司|集團|集团|品牌|平台|平台公司|大廠|大厂|廠商|厂商|業者|业者|機構|机构|銀行|银行|投行|車廠|车企|藥廠|药企|零售商|電商|电商|分公司|子公司|旗下)\\s*[「“"]?(${LATIN_NAME})`, 'g');
const LATIN_SUFFIX = /(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&'-]*(?:\s*\([A-Z]{2,3}\))?\s*){1,4}(?:Ltd|Limited|Inc|Corp|Corporation|LLC|LLP|Holdings|Capital|Partners|Fund(?:\s+[IVX]+\b)?))(?![A-Za-z])/g;
const COUNTS = /(?<![A-Za-z])([A-Z]{3,6})\s*(?=预计|預計|預估|预估|指出|表示|認為|认为|估計|估计|報告|报告|數據|数据|統計|统计|預測|预测|調查|调查)/g;

// 能源巨擘Engie, 旗下HongShan Growth, HHLR Fund, ILZSG 預計.
function foreign(input: CreditInput, out: Span[]): void {
  const { text } = input;
  for (const re of [DESCRIBED, LATIN_SUFFIX, COUNTS]) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!.trimEnd();
      const s = m.index + m[0].indexOf(m[1]!);
      // Acronyms and product codes (ETF, PDE3) are no bodies.
      if (isAcronym(name) || /^[A-Z0-9-]+\d$/.test(name)) continue;
      if (name.length >= 2 && !input.taken(s, s + name.length)) out.push([s, s + name.length]);
    }
  }
}

// Shell表示, Siemens宣布: a capitalised Latin name that speaks or acts, when it is no person's.
const ACTS = /(?<![A-Za-z0-9])([A-Z][a-zA-Z]{2,}(?: [A-Z][a-zA-Z]+){0,2})\s*(?=宣布|宣佈|表示|指出|公布|發布|发布|透露|預估|预估|預計|预计)/g;
// 巨擘赫伯羅特（Hapag-Lloyd）: a Han name after the word for what it is, with its Latin name in brackets.
const DESCRIBED_PAIR = /(?:巨擘|巨頭|巨头|龍頭|龙头|營運商|运营商|供應商|供应商|集團|集团|品牌|業者|业者|機構|机构|車廠|车企|藥廠|药企|零售商|電商|电商)([\u3400-\u9fff]{2,8})\s*\(\s*([A-Z][A-Za-z0-9&.' -]{1,40}?)\s*\)/g;

function acting(input: CreditInput, out: Span[], pairs: Set<number>): void {
  const { text } = input;
  for (const m of text.matchAll(ACTS)) {
    const name = m[1]!;
    if (isAcronym(name.toUpperCase()) || input.taken(m.index, m.index + name.length) || isPerson(name)) continue;
    out.push([m.index, m.index + name.length]);
  }
  for (const m of text.matchAll(DESCRIBED_PAIR)) {
    const s = m.index + m[0].indexOf(m[1]!);
    if (input.taken(s, s + m[1]!.length) || isPerson(m[2]!)) continue;
    out.push([s, s + m[1]!.length]);
    const l = m.index + m[0].lastIndexOf(m[2]!);
    pairs.add(out.length);
    out.push([l, l + m[2]!.length]);
  }
}

// 財聯社10月6日訊, 新華社北京10月8日電, 北極星電力網訊：: an outlet's dateline opening a line.
function dateline(input: CreditInput, out: Span[]): void {
  const { key, text } = input;
  for (const m of key.matchAll(/(?:^|\n|[)\]】])\s*([\u3400-\u9fffa-z0-9]{2,14}?)\s*(?:(?:\d{1,2}月)?\d{1,2}日\s*专?(?:讯|电)|(?:app)?专?讯\s*[:,])/g)) {
    const s = m.index + m[0].indexOf(m[1]!);
    let e = s + m[1]!.length;
    if (/^本/.test(m[1]!)) continue;
    // 新華社北京: the place written before the date is not part of the outlet.
    for (const pl of [3, 2]) {
      if (e - s - pl >= 2 && wordTag(key.slice(e - pl, e)) === 'ns') {
        e -= pl;
        break;
      }
    }
    if (key.slice(e - 3, e) === 'app') e -= 3;
    while (text[e - 1] === ' ') e--;
    if (e - s >= 2 && !input.taken(s, e) && !generic(key, s, e)) out.push([s, e]);
  }
}

// Wind數據顯示 opening a clause.
function opensWithData(input: CreditInput, out: Span[]): void {
  const { key, text } = input;
  const { source } = lists();
  for (const m of key.matchAll(/(?:^|[\n,.;:!?。、])\s*([a-z][a-z0-9 &.-]{1,20}?|[\u3400-\u9fff]{2,8}?)\s*(?:数据|统计|资料)\s*显示/g)) {
    const s = m.index + m[0].indexOf(m[1]!);
    const e = s + m[1]!.trimEnd().length;
    // 拼多多披露的數據顯示: the name ends where a source word begins.
    let cut = s + 1;
    while (cut < e && source.startsAt(key, cut) === 0) cut++;
    if (cut < e) continue;
    if (!input.taken(s, e) && !generic(key, s, e) && (isHan(text[s]) || /[A-Z]/.test(text[s]!))) out.push([s, e]);
  }
}

/** Source organisations in one field: spans in normalised offsets (may overlap; the caller keeps the longest). */
export function findCredits(input: CreditInput): Credit[] {
  const out: Span[] = [];
  const pairs = new Set<number>();
  afterCue(input, out);
  afterLabel(input, out);
  titled(input, out);
  photoCredits(input, out);
  foreign(input, out);
  acting(input, out, pairs);
  dateline(input, out);
  opensWithData(input, out);
  return out.map(([start, end], i) => (pairs.has(i) ? { start, end, pairedWithPrevious: true } : { start, end }));
}
