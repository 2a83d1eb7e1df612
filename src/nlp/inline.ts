import type { DictEntry, Dictionary } from '../dict/types';
import type { Script } from '../types';
import type { AliasHit } from './aliases';
import { type CodeSpan, type Reading, readings, yearLike } from './codes';
import { companyNameStart } from './names';
import { matchKey } from '../text/fold';
import { isHanChar } from '../text/han';
import { escapeRegExp, readWordList } from '../text/lists';
import { wordClass, wordTag } from '../text/jieba-words';

/**
 * Deciding which entity an inline code names. In order:
 * 1. the name printed right before it is a dictionary company: the code
 *    confirms it, or contradicts it (力積電（677）), in which case the
 *    dictionary's company wins and the mention is flagged;
 * 2. the dictionary knows the code (a year-shaped code needs the name);
 * 3. the code's shape and the name before it make it plain: a Han name
 *    that is not a date or unit word before a four-to-six-digit code, or a
 *    Latin name whose letters the code abbreviates (Amkor (AMKR)).
 * Acronyms in brackets (AI, PSU, HBM, TEEMA …) fail all three: no
 * dictionary company has them as a code and the name before them is Chinese.
 */
export interface CodeResolution {
  span: CodeSpan;
  id: string;
  /** The dictionary entry, or the reading for a company the dictionary lacks. */
  entry?: DictEntry;
  reading?: Reading;
  /** The alias hit of the name in front, when that is what named it. */
  nameHit?: AliasHit;
  /** Name span (normalised offsets) for a company the dictionary lacks. */
  nameSpan?: [number, number];
  flag?: string;
}

/** Alias hits looked up by one of their offsets. */
export interface HitLookup {
  get(offset: number): AliasHit | undefined;
  has(offset: number): boolean;
}

/**
 * A lookup over the alias index's hits, which come in text order and never
 * overlap, so starts and ends both increase: a binary search, nothing built
 * per field.
 */
export function hitLookup(hits: readonly AliasHit[], by: 'start' | 'end'): HitLookup {
  const get = (offset: number): AliasHit | undefined => {
    let lo = 0;
    let hi = hits.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = hits[mid]!;
      const at = by === 'start' ? h.start : h.end;
      if (at === offset) return h;
      if (at < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  return { get, has: (offset) => get(offset) !== undefined };
}

export interface InlineContext {
  dict: Dictionary;
  script: Script;
  normalised: string;
  key: string;
  /** Token spans, flat `[s0, e0, …]` (see segment.ts). */
  spans: Int32Array;
  /** Alias hits by end offset. */
  hitByEnd: HitLookup;
  /** Alias hits by start offset: a code that is itself an alias (AIDC for 漢翔) is a name, not a code. */
  hitByStart: HitLookup;
  /**
   * The article's other codes are Taiwanese: a four-digit code the
   * dictionary lacks is then read as Taiwanese even in Simplified text,
   * where it would otherwise be a Hong Kong code.
   */
  preferTw?: boolean;
  /**
   * A Traditional article on the Hong Kong market (market.ts): an
   * unsuffixed code of four or five digits is a Hong Kong code printed
   * without its zeros (騰訊（0700）), not a Taiwanese one.
   */
  preferHk?: boolean;
}

const DATA = new URL('./data/', import.meta.url);
// Letter groups in brackets that are never codes (（AI）（EPS）).
const ACRONYMS = new Set(readWordList(new URL('acronyms.txt', DATA)));
// Words a number follows when it is a quantity or a date, not a code.
const NOT_A_NAME = new Set('年月日週周季元億亿萬万點点張张股倍號号第價价量數数額额值率'.split(''));
// Words a number follows that end no name as the last character of a longer word (廣達, not 達（1200）).
const NOT_A_NAME_ALONE = new Set('約约達达為为至到共計计近逾超及和與与或、'.split(''));
// Words a year follows (今（2026）年, 明年): they end no name before a year, but end many before a code (陽明, 廣明).
const BEFORE_YEAR = new Set('今明去前後后'.split(''));
// Common surnames: a three-character name starting with one reads as a
// person, and a year-shaped number after a person is a year (張忠謀（1931）).
const SURNAMES = new Set(readWordList(new URL('surnames.txt', DATA), { unit: true }));
const isHan = isHanChar;

function entryOf(dict: Dictionary, r: Reading): DictEntry | undefined {
  return dict.byId.get(r.id) ?? dict.byTicker.get(`${r.market}:${r.code}`) ?? (r.id.startsWith('TW:') ? dict.byTicker.get(`TPEx:${r.code}`) ?? dict.byTicker.get(`TWSE:${r.code}`) : undefined);
}

const numeric = (code: string): boolean => /^\d/.test(code);

// The entry's own code, or one of its other listings (阿里巴巴 is BABA and 09988).
function sameCode(e: DictEntry, span: CodeSpan, rs: readonly Reading[]): boolean {
  if (!e.ticker) return false;
  const bare = span.code.replace(/^0+/, '');
  return [e.ticker, ...(e.listings ?? [])].some((tk) => {
    const t = tk.code.toUpperCase();
    return rs.some((r) => r.id === e.id || r.code === t) || t === span.code || t.replace(/^0+/, '') === bare;
  });
}

// An entry named like the printed name plus a listing word (華虹半導體H股 for 华虹半导体).
function listingOf(e: DictEntry, key: string): boolean {
  return [e.name, ...e.aliases].some((n) => {
    const k = matchKey(n);
    return k.length > key.length && k.startsWith(key) && /^(?:h股|a股|adr|-[a-z]+)$/.test(k.slice(key.length));
  });
}

/** Whether `code` abbreviates `name`: same first letter, then its letters in order. */
function abbreviates(code: string, name: string): boolean {
  const n = name.toUpperCase().replace(/[^A-Z]/g, '');
  if (!n.startsWith(code[0]!)) return false;
  let i = 0;
  for (const ch of n) if (ch === code[i]) i++;
  return i >= code.length;
}

/**
 * The initials of a name of two or more words, a word in capitals whole:
 * UK Power Networks → UKPN. A code that is exactly that, unknown to the
 * dictionary and with no market printed, is the name's abbreviation (an
 * acronym defined in brackets), not a ticker; tickers of names the
 * dictionary lacks rarely are (Amkor (AMKR), Arista Networks (ANET)).
 */
function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return '';
  return words.map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]!.toUpperCase())).join('');
}

function latinNameBefore(text: string, end: number, code: string): [number, number] | null {
  const m = /((?:[A-Z][A-Za-z0-9&.-]*\s+){0,3}[A-Z][A-Za-z0-9&.-]*)$/.exec(text.slice(Math.max(0, end - 60), end));
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  // The fewest trailing words the code abbreviates: "關鍵案例: Arista Networks" → Arista Networks.
  for (let k = 1; k <= words.length; k++) {
    const name = words.slice(-k).join(' ');
    if (abbreviates(code, name)) return [end - name.length, end];
  }
  return null;
}

const MARKET_WORD = /(?:股市|市场|港股|a股|h股|美股|台股|交易所|主板|创业板|科创板)$/;
// Listing suffixes printed as part of a name: 世芯-KY, 小米集团-W, 百度集团-SW.
const NAME_SUFFIX = /-(?:KY|W|SW|S|B|U|DR|R|P)$/i;
// Taiwanese ETF issuers and words that only ETF names have.
const ETF_NAME = new RegExp([...readWordList(new URL('etf-issuers.txt', DATA)), ...readWordList(new URL('etf-words.txt', DATA))].map(escapeRegExp).join('|'));
// ETF names end in numbers and Latin as often as not: 元大台灣50, 國泰永續高股息ETF.
const ETF_NAME_TAIL = /[0-9A-Za-z]{1,6}$/;

/**
 * The Han name right before `end`, from the segmenter's tokens, not ending
 * in a date, unit or metric character (年, 元, 價, 量 …: 目標價(1200)).
 * `strict` (a four-digit code with no suffix) and `year` (shaped like one)
 * together want a name jieba does not know that does not read as a person.
 */
function hanNameBefore(ctx: InlineContext, end: number, strict: boolean, year: boolean, etf = false, plain = false): [number, number] | null {
  const tail = ctx.normalised.slice(Math.max(0, end - 6), end);
  const suffix = NAME_SUFFIX.exec(tail) ?? (etf ? ETF_NAME_TAIL.exec(tail) : null);
  const coreEnd = end - (suffix ? suffix[0].length : 0);
  const last = ctx.normalised[coreEnd - 1];
  // 股 ends a quantity (持股（1000）) but also 控股, a name's last word.
  const holding = ctx.key.slice(coreEnd - 2, coreEnd) === '控股';
  if (!isHan(last) || (!holding && (NOT_A_NAME.has(last!) || NOT_A_NAME.has(ctx.key[coreEnd - 1]!)))) return null;
  if (year && BEFORE_YEAR.has(ctx.key[coreEnd - 1]!)) return null;
  const sp = ctx.spans;
  // The last token ending at or before coreEnd, by binary search (token ends
  // increase): a scan back from the end made tagging quadratic (issue 17).
  let lo = 0;
  let hi = sp.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sp[2 * mid + 1]! > coreEnd) hi = mid - 1;
    else lo = mid + 1;
  }
  const k = hi;
  if (k < 0 || sp[2 * k + 1] !== coreEnd) return null;
  let start = sp[2 * k]!;
  if (coreEnd - start === 1 && NOT_A_NAME_ALONE.has(ctx.key[coreEnd - 1]!)) return null;
  // A year-shaped code needs a name jieba does not know at all (川湖（2059）,
  // not 台北（2024）); the name's last word decides.
  if (strict && year && !suffix && wordClass(ctx.key.slice(start, coreEnd)) !== 'unknown') return null;
  // Back over the tokens to the name's start (names.ts): industry words,
  // then the brand; not past a function word or a descriptor (及萬海, 供應商摯達科技).
  start = companyNameStart({ key: ctx.key, spans: sp, tag: wordTag, issuer: (w) => ETF_NAME.test(w) }, k, coreEnd, etf, plain);
  if (start < 0) return null;
  // A mainland risk-warning mark is part of the name as printed: *ST銀河.
  const st = /\*?ST\*?$/.exec(ctx.normalised.slice(Math.max(0, start - 4), start));
  if (st) start -= st[0].length;
  const name = ctx.normalised.slice(start, coreEnd);
  // A market or a place is no company: 藥明康德…在香港股市（02359-HK）.
  if (MARKET_WORD.test(ctx.key.slice(start, coreEnd))) return null;
  if (strict && year && name.length === 3 && SURNAMES.has(name[0]!)) return null;
  const han = name.replace(/^\*?ST\*?/, '');
  return han.length >= 2 && han.length <= 12 && [...han].every(isHan) ? [start, end] : null;
}

// The words before `end` back to the clause's start (at most 16 characters):
// an ETF's full name, which the name span may hold only the end of.
function phraseBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && end - s < 16 && !/[，,。；;、\n:：()「」]/.test(text[s - 1]!)) s--;
  return text.slice(s, end);
}

function latinRunBefore(text: string, end: number): [number, number] | null {
  const m = /[A-Z][A-Za-z0-9&.-]*(?:\s+[A-Z][A-Za-z0-9&.-]*){0,3}$/.exec(text.slice(Math.max(0, end - 60), end));
  return m ? [end - m[0].length, end] : null;
}

/** Resolve one code span; null when it is no ticker. */
export function resolveCode(span: CodeSpan, ctx: InlineContext): CodeResolution | null {
  let rs = readings(span.code, span.suffix, ctx.script);
  const hkOnly = Boolean(ctx.preferHk && !span.suffix && /^\d{3,5}$/.test(span.code) && rs.some((r) => r.id.startsWith('HK:')));
  if (hkOnly) rs = rs.filter((r) => r.id.startsWith('HK:'));
  const isNum = numeric(span.code);
  const nameHit = ctx.hitByEnd.get(span.nameEnd);
  if (nameHit) {
    const named = nameHit.ids.map((id) => ctx.dict.byId.get(id)).filter((e): e is DictEntry => Boolean(e?.ticker));
    const hit = named.find((e) => sameCode(e, span, rs));
    if (hit) return { span, id: hit.id, entry: hit, nameHit };
    const confirmed = rs.map((r) => entryOf(ctx.dict, r)).find(Boolean);
    // The code is another listing of the company named, kept as an entity of
    // its own (an H share, 华虹半导体（01347）): the name goes with the
    // listing the text points at.
    if (confirmed && listingOf(confirmed, ctx.key.slice(nameHit.start, nameHit.end))) return { span, id: confirmed.id, entry: confirmed, nameHit };
    const sameKind = named.find((e) => numeric(e.ticker!.code) === isNum);
    if (sameKind && !confirmed && !yearLike(span.code) && (isNum ? span.code.length >= 3 : !ACRONYMS.has(span.code))) {
      return { span, id: sameKind.id, entry: sameKind, nameHit, flag: `code-mismatch: printed ${span.code}, dictionary has ${sameKind.ticker!.code}` };
    }
  }
  if (!isNum && ACRONYMS.has(span.code)) return null;
  const self = ctx.hitByStart.get(span.start);
  if (self && self.end === span.end && !self.ids.some((id) => rs.some((r) => r.id === id))) return null;
  for (const [i, r] of rs.entries()) {
    const e = entryOf(ctx.dict, r);
    if (!e) continue;
    // A Traditional article's four digits are Taiwanese first: a Hong Kong
    // stock the dictionary knows does not take a code printed after a name of
    // its own (新光金（2888） is no 渣打 02888 when the dictionary lacks 2888).
    if (i > 0 && ctx.script === 'Hant' && span.code.length === 4 && !span.suffix && hanNameBefore(ctx, span.nameEnd, true, yearLike(span.code))) break;
    if (yearLike(span.code)) return null;
    // A name of no listed entity right before the code (港交所（00388）: the
    // dictionary's exchange) is the listed company's name here.
    const orgNamed = nameHit && !nameHit.ids.some((id) => ctx.dict.byId.get(id)?.ticker) && ctx.dict.byId.get(nameHit.ids[0]!)?.kind === 'org';
    return orgNamed ? { span, id: e.id, entry: e, nameHit } : { span, id: e.id, entry: e };
  }
  const r = (ctx.preferTw && isNum && span.code.length === 4 && !span.suffix ? rs.find((x) => x.id.startsWith('TW:')) : undefined) ?? rs[0];
  if (!r || span.bare) return null;
  if (!isNum) {
    if (span.code.length < 2) return null;
    // A Latin name the code abbreviates (Amkor (AMKR)); or, with the market
    // printed (TSM-US, NASDAQ: ARM), any name at all.
    const name = latinNameBefore(ctx.normalised, span.nameEnd, span.code) ?? (span.suffix ? (hanNameBefore(ctx, span.nameEnd, false, false) ?? latinRunBefore(ctx.normalised, span.nameEnd)) : null);
    if (name && !span.suffix && initialsOf(ctx.normalised.slice(name[0], name[1])) === span.code) return null;
    if (name) return { span, id: r.id, reading: r, nameSpan: name };
    return span.suffix ? { span, id: r.id, reading: r } : null;
  }
  // Three digits are a Hong Kong code only in Hong Kong market news (Simplified, or preferHk).
  if (span.code.length < 3 || (span.code.length === 3 && (span.suffix || !(ctx.preferHk || ctx.script === 'Hans') || /^\s*\)?\s*年/.test(ctx.normalised.slice(span.end, span.end + 4))))) return null;
  // A year in brackets is followed by 年 (（2026）年); a company code is not.
  if (yearLike(span.code) && /^\s*\)?\s*年/.test(ctx.normalised.slice(span.end, span.end + 4))) return null;
  // Four digits with no suffix are a quantity as often as a code: the name
  // must not be an ordinary word. Longer codes and suffixed ones are plain.
  // Codes starting 00 are Taiwanese ETFs (0050) or padded Hong Kong codes: never a year or a quantity.
  const padded = span.code.startsWith('00');
  const strict = span.code.length === 4 && !span.suffix && !padded && !hkOnly;
  const name = hanNameBefore(ctx, span.nameEnd, strict, yearLike(span.code), padded && r.kind === 'etf', Boolean(span.suffix)) ?? (span.suffix ? latinRunBefore(ctx.normalised, span.nameEnd) : null);
  // A code with its market printed (02359-HK) is plain even where no name stands before it.
  if (!name) return span.suffix ? { span, id: r.id, reading: r } : null;
  // Five digits from 00 are a Taiwanese ETF or a Hong Kong stock in
  // Traditional text alike (騰訊（00700）, 國泰永續高股息（00878）): the name
  // tells, by an ETF issuer or an ETF word in it.
  const hk = rs.find((x) => x.id.startsWith('HK:'));
  if (r.kind === 'etf' && !span.suffix && span.code.length === 5 && hk && !ETF_NAME.test(phraseBefore(ctx.normalised, span.nameEnd))) {
    return { span, id: hk.id, reading: hk, nameSpan: name };
  }
  return { span, id: r.id, reading: r, nameSpan: name };
}

/** Whether a letter group is an acronym that is never a ticker or a name (AI, EPS, HBM …). */
export function isAcronym(letters: string): boolean {
  return ACRONYMS.has(letters);
}
