import { foldedList, isHan, nameLike, WordSet } from './cues';
import { matchKey } from '../text/fold';
import { readWordList } from '../text/lists';
import { wordTag } from '../text/jieba-words';

/**
 * Organisation names by their last word (issue 12): 广东新宇金融信息科技有限公司,
 * 中國證券監督管理委員會廣東監管局, 群益投信, 深圳國資委, 香港高等法院,
 * 自由電子報. The suffix (`src/nlp/data/org-suffixes.tsv`) says what the
 * words before it must hold; the name reaches back over the segmenter's
 * tokens while they read as parts of a name: nouns, places, words jieba does
 * not know, business words (開發, 管理) — not verbs, prepositions,
 * pronouns, numbers or punctuation, and not past a listed company (國泰人壽
 * is 國泰 and 人壽). Then an abbreviation defined in brackets right after
 * (（以下简称“广东新宇”）, 國際貨幣基金（IMF）) names the same body.
 */
export type SuffixClass = 'registered' | 'corp' | 'finance' | 'gov' | 'any' | 'media' | 'court';

export interface OrgSpan {
  start: number;
  end: number;
  /** Index (in the returned list) of the name this one abbreviates, if any. */
  abbreviates?: number;
}

export interface OrgInput {
  text: string;
  key: string;
  boundary: Uint8Array;
  /** Token spans, flat `[s0, e0, …]`, normalised offsets. */
  spans: Int32Array;
  /** What the dictionary matched at [start, end): a listed company, a place, something else, or nothing. */
  hitKind(start: number, end: number): 'company' | 'place' | 'person' | 'other' | null;
  /** Whether [start, end) overlaps a name before an inline code. */
  coded(start: number, end: number): boolean;
  /** Matching keys of brands the article establishes (平安 of 中國平安 printed there). */
  brands?: ReadonlySet<string>;
}

interface Suffixes {
  set: WordSet;
  cls: Map<string, SuffixClass>;
  words: Set<string>;
  not: Set<string>;
}

let cached: Suffixes | null = null;

function suffixes(): Suffixes {
  if (!cached) {
    const cls = new Map<string, SuffixClass>();
    for (const line of readWordList(new URL('./data/org-suffixes.tsv', import.meta.url))) {
      const [c, w] = line.split('\t');
      if (c && w) cls.set(matchKey(w), c as SuffixClass);
    }
    cached = { set: new WordSet(cls.keys()), cls, words: new Set(foldedList('org-words.txt')), not: new Set(foldedList('org-not.txt')) };
  }
  return cached;
}

// jieba tags that end a name going back: verbs, prepositions, conjunctions, particles, adverbs, pronouns, numbers, time.
const STOP_TAG = /^(?:v|vd|vi|vg|p|c|u|uj|ul|uz|ud|ug|uv|d|ad|dg|r|rr|rz|m|mq|q|t|tg|f|y|e|o|z|l|i)$/;
// Words that end a name going back although jieba calls them nouns.
const STOP_WORDS = new Set(['子公司', '母公司', '旗下', '下属', '股东', '大股东', '控股股东', '前身', '巨擘', '巨头', '龙头', '营运商', '运营商', '供应商', '品牌', '平台', '厂商', '业者', '大厂', '公司', '集团', '投资者', '合作伙伴', '对手', '客户', '记者', '分析师', '董事长', '总经理', '创办人', '人士', '成员', '会员', '股票', '股价', '包括', '以及', '透过', '通过', '委托', '成为', '担任', '出任', '加入', '收购', '入股', '合并', '宣布', '表示', '来自', '旗舰']);

/** The token ending at `p` (binary search over token ends), or null. */
function tokenEndingAt(spans: Int32Array, p: number): [number, number] | null {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = spans[2 * mid + 1]!;
    if (e === p) return [spans[2 * mid]!, e];
    if (e < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** The token holding offset `p`, or null. */
function tokenAt(spans: Int32Array, p: number): [number, number] | null {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[2 * mid]!;
    const e = spans[2 * mid + 1]!;
    if (p >= s && p < e) return [s, e];
    if (e <= p) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

const COUNTRY = /^(?:美国|中国|日本|英国|德国|法国|韩国|台湾|大陆|香港|澳洲|加拿大)/;
const MAX: Record<SuffixClass, number> = { registered: 30, corp: 12, finance: 12, gov: 20, any: 20, media: 10, court: 10 };
const isLatin = (s: string): boolean => /^[a-z][a-z0-9&.-]*$/.test(s);

interface Material {
  start: number;
  /** The tokens, left to right. */
  tokens: Array<[number, number]>;
  /** A listed company's name is the brand of the name (國泰人壽). */
  brand: boolean;
}

// Tokens back from `from` while they read as parts of a name.
function materialBefore(input: OrgInput, from: number, cls: SuffixClass, firstToken: [number, number] | null): Material {
  const { key, spans } = input;
  const tokens: Array<[number, number]> = firstToken ? [firstToken] : [];
  let start = firstToken ? firstToken[0] : from;
  let brand = false;
  while (start > 0 && from - start < MAX[cls]) {
    const kind = input.hitKind(start - 1, start);
    if (kind === 'person') break;
    if (kind === 'company' || kind === 'place' || kind === 'other') {
      // A dictionary name inside: take it whole (香港, 國泰), and stop after a company.
      let s = start - 1;
      while (s > 0 && input.hitKind(s - 1, s) === kind && input.hitKind(s - 1, start) === kind) s--;
      tokens.unshift([s, start]);
      start = s;
      if (kind === 'company') {
        brand = true;
        break;
      }
      continue;
    }
    const t = tokenEndingAt(spans, start);
    if (!t) break;
    const w = key.slice(t[0], t[1]);
    if (![...w].every((ch) => isHan(ch)) && !isLatin(w)) break;
    // Function words, numbers and dates end it too, whatever jieba tags them (依附于, 三大, 年版).
    if (STOP_WORDS.has(w) || /[于於对向与在从被把将自到]$/.test(w) || /^[一二两三四五六七八九十几多数各每该本其此这那年月日]/.test(w) || /^[对向与和及被把在从于][\u3400-\u9fff]$/.test(w)) break;
    // 即安邁顧問: a function word glued to the name's first characters ends it.
    if (w.length >= 3 && /^[即由与和及向对被把在从于为是的将让给]/.test(w)) {
      tokens.unshift([t[0] + 1, t[1]]);
      start = t[0] + 1;
      break;
    }
    const tag = wordTag(w);
    if (tag !== null && STOP_TAG.test(tag) && !suffixes().words.has(w)) break;
    if (from - t[0] > MAX[cls]) break;
    tokens.unshift(t);
    start = t[0];
  }
  return { start, tokens, brand };
}

const isPlaceToken = (input: OrgInput, [s, e]: [number, number]): boolean => input.hitKind(s, e) === 'place' || wordTag(input.key.slice(s, e)) === 'ns';

// 審計委員會, 獨立董事委員會: a company's own board committees.
const BOARD = /(?:董事|审计|薪酬|提名|考核|战略|风险|专门|执行|常务)/;

/**
 * Whether the material before the suffix makes a name, trimming words in
 * front that are no part of one (尊重恒生銀行, 時候深鐵集團): the name starts
 * at its first name-like token (nameLike) or, for authorities, schools and
 * the like, at a place.
 */
function acceptable(input: OrgInput, m: Material, cls: SuffixClass, suffix: string): boolean {
  const { key } = input;
  const sx = suffixes();
  const own = (t: [number, number]): boolean => {
    const w = key.slice(t[0], t[1]);
    return (nameLike(w) || input.brands?.has(w) === true) && !sx.words.has(w);
  };
  const startsName = (t: [number, number]): boolean => own(t) || ((cls !== 'corp' && cls !== 'finance' && cls !== 'registered') || suffix === '银行') && isPlaceToken(input, t);
  // Papers, schools, exchanges keep every word back to the stop (顶尖财经网, 自由電子報).
  if (cls !== 'any' && cls !== 'media') while (m.tokens.length && !startsName(m.tokens[0]!)) m.tokens.shift();
  m.start = m.tokens.length ? m.tokens[0]![0] : m.start;
  const mat = m.tokens.length ? key.slice(m.start, m.tokens[m.tokens.length - 1]![1]) : '';
  if (sx.not.has(mat) || (suffix === '委员会' && BOARD.test(mat))) return false;
  const hasOwn = m.tokens.some(own) || m.brand;
  const place = m.tokens.some((t) => isPlaceToken(input, t));
  switch (cls) {
    case 'registered':
    case 'corp':
      return hasOwn && mat.length >= 2;
    case 'finance':
      // A place alone names a bank (中央銀行, 台灣銀行), not a broker or a fund.
      return hasOwn || (place && /^(?:银行|人寿|产险|保险)$/.test(suffix));
    case 'gov':
      return hasOwn || place;
    case 'court':
      // A court is a place's (香港高等法院) or stands alone (高等法院); 恒生銀行法院會議 is a hearing.
      return (place && !m.brand && m.tokens.every((t) => isPlaceToken(input, t))) || (mat.length === 0 && suffix.length >= 4);
    case 'any':
      return mat.length >= 2 && (hasOwn || place);
    case 'media':
      return mat.length >= 2;
  }
}

const OPEN_QUOTE = new Set(['「', '“', '『', '"']);
const CLOSE_QUOTE = new Set(['」', '”', '』', '"']);

/**
 * 「街口電子支付」: a name in quotes that ends in a suffix is a name whatever
 * its words are to jieba (街口 is a street corner, 平安 an adjective): the
 * quotes mark where it starts. The start after the opening quote, or -1.
 */
function quotedStart(input: OrgInput, i: number, end: number): number {
  const { text } = input;
  if (!CLOSE_QUOTE.has(text[end] ?? '')) return -1;
  for (let q = i - 1; q >= 0 && i - q <= 12; q--) {
    const ch = text[q]!;
    if (OPEN_QUOTE.has(ch)) return i - q - 1 >= 2 ? q + 1 : -1;
    if (!isHan(ch) && !/[A-Za-z0-9]/.test(ch)) return -1;
  }
  return -1;
}

/** Organisation names by suffix in one field, and the abbreviations they define. */
export function findOrgsBySuffix(input: OrgInput): OrgSpan[] {
  const { key, text, boundary, spans } = input;
  const sx = suffixes();
  const out: OrgSpan[] = [];
  for (let i = 0; i < key.length; i++) {
    const n = sx.set.startsAt(key, i);
    if (n === 0) continue;
    let end = i + n;
    // 泉興能源集團有限公司: a registered suffix after another one belongs to the same name.
    for (let k = sx.set.startsAt(key, end); k > 0 && sx.cls.get(key.slice(end, end + k)) === 'registered'; k = sx.set.startsAt(key, end)) end += k;
    // The suffix ends a word (银行业 is no bank), and starts one or ends the token it is in.
    if (boundary[end] !== 1 && isHan(text[end])) continue;
    let first: [number, number] | null = null;
    if (boundary[i] !== 1) {
      // The suffix starts inside a token (自由电子|报 for 自由電子報): its part before the suffix is the name's.
      const t = tokenAt(spans, i);
      if (!t || t[1] > end) continue;
      first = [t[0], i];
    }
    const cls = sx.cls.get(key.slice(i, end))!;
    const m = materialBefore(input, i, cls, first);
    // A leading country before another place belongs to the sentence (赴美國紐約州立大學),
    // also inside one token (美国纽约州立大学 is one word to jieba).
    while (m.tokens.length > 1 && isPlaceToken(input, m.tokens[0]!) && isPlaceToken(input, m.tokens[1]!) && sx.words.has(key.slice(...m.tokens[0]!))) {
      m.tokens.shift();
      m.start = m.tokens[0]![0];
    }
    const head = m.tokens[0];
    if (head) {
      const c = COUNTRY.exec(key.slice(head[0], head[1]));
      if (c && head[1] - head[0] > c[0].length + 1 && [2, 3].some((k) => wordTag(key.slice(head[0] + c[0].length, head[0] + c[0].length + k)) === 'ns')) {
        head[0] += c[0].length;
        m.start = head[0];
      }
    }
    const quoted = quotedStart(input, i, end);
    if (quoted >= 0 && !sx.not.has(key.slice(quoted, i))) {
      m.start = quoted;
    } else if (!acceptable(input, m, cls, key.slice(i, i + n))) {
      i = i + n - 1;
      continue;
    }
    // A listed company's registered name (山東晨鳴紙業集團股份有限公司) is the company itself.
    if (m.brand && cls === 'registered') continue;
    // A listed company whose code the rules could not read (蜜雪集團(2097)), site
    // navigation (晉江新聞網>>), a shareholder (茅台控股股東).
    if (input.coded(m.start, end) || /^\s*(?:\(\s*[0-9A-Z]{3,6}|>)/.test(text.slice(end, end + 4)) || /^(?:股东|股份)/.test(key.slice(end, end + 2))) {
      i = end - 1;
      continue;
    }
    out.push({ start: m.start, end });
    abbreviation(input, out, end);
    i = end - 1;
  }
  return out;
}

// （以下简称“广东新宇”）, （簡稱麥濟生物）, （IMF）: a short name for the body just named.
const DEFINED = /^\s*\(\s*(?:以下)?(?:简称|下称|简称为|又称)?\s*[:]?\s*["“”「『]?\s*([\u3400-\u9fff]{2,10}|[A-Za-z][A-Za-z0-9&.\- ]{1,30})\s*["“”」』]?\s*([,、;][^()]{0,30})?\)/;

function abbreviation(input: OrgInput, out: OrgSpan[], end: number): void {
  const m = DEFINED.exec(input.key.slice(end, end + 50));
  if (!m) return;
  const at = end + m[0].indexOf(m[1]!);
  const e = at + m[1]!.trimEnd().length;
  // A ticker code in brackets is the inline-code rules' business; a listed company's short name makes the whole the company.
  // A web address in brackets is the site's, not a short name.
  if (/^www|\.(?:com|net|org|cn|tw|hk)\b/i.test(m[1]!)) return;
  if (/^\d/.test(m[1]!) || /\d{4,6}/.test(m[2] ?? '') || input.hitKind(at, e) === 'company' || input.coded(at, e)) {
    out.pop();
    return;
  }
  const of = out.length - 1;
  out.push({ start: at, end: e, abbreviates: of });
  // Every later mention of the short form names the same body.
  const short = input.key.slice(at, e);
  for (let i = input.key.indexOf(short, e); i >= 0; i = input.key.indexOf(short, i + short.length)) {
    if (input.boundary[i] !== 1 && isHan(input.text[i - 1])) continue;
    if (input.hitKind(i, i + short.length) !== null) continue;
    out.push({ start: i, end: i + short.length, abbreviates: of });
  }
}
