import type { Market, Script } from '../types';

/**
 * Inline ticker codes as printed next to names: their shapes, and which
 * markets a code of a given shape can belong to. Pure functions on the
 * normalised (half-width) text; deciding which entity a code names is in
 * inline.ts.
 */
export interface CodeSpan {
  /** Normalised offsets of the code itself (`2330`, `600519.SH`, `NVDA`). */
  start: number;
  end: number;
  code: string;
  /** Suffix or exchange as printed, upper-cased (`TW`, `HK`, `NASDAQ`), if any. */
  suffix?: string;
  /** Where the name in front of the code must end (before the bracket and spaces). */
  nameEnd: number;
  /** Printed bare in running text (00878獲逾…): only the dictionary can make it a code. */
  bare?: boolean;
}

/** One possible reading of a code: the entity id it would have and its market. */
export interface Reading {
  id: string;
  code: string;
  market: Market;
  kind: 'company' | 'etf';
}

// SHA/SZA: Taiwanese sites write A-shares as 603259-SHA.
const SUFFIX_RE = 'TWO|TW|TT|SHA|SZA|SH|SS|SZ|BJ|HK|US|JP|T|KR|KS|KQ|O|N';
const EXCHANGE_RE = 'NASDAQ|NYSE|NYSE American|AMEX|TWSE|TPEX|HKEX|SEHK|SSE|SZSE|TYO|TSE|KRX';
const LABEL_RE = '(?:上市|上櫃|興櫃|股票|证券|證券|A股|H股|港股|美股|台股)?(?:代號|代码|代碼|股號)';
const NUMERIC = new RegExp(`^(?:(?:${EXCHANGE_RE}|${LABEL_RE})\\s*:?\\s*)?(\\d{3,6}[A-Z]?)(?:\\s*[.-]\\s*(${SUFFIX_RE})|\\s+(${SUFFIX_RE}))?$`, 'i');
// Mainland sites also write the exchange first: SH600519, sz300750.
const PREFIXED = /^(SH|SZ|BJ|HK)\s*(\d{4,6})$/i;
const LETTERS = new RegExp(`^(?:(${EXCHANGE_RE})\\s*:\\s*)?([A-Z]{1,5}(?:\\.[A-Z])?)(?:[.-](US|O|N))?$`);

// Words mainland portals print as links beside a code, inside its brackets.
const LINK_WORD = /^(?:行情|诊股|診股|股吧|资金流向|資金流向|个股|個股|研报|研報|F10|咨询|諮詢|公告)$/;
const LINK_PREFIX = /^(?:行情|股票|个股|個股)\s*/;

interface Part {
  code: string;
  suffix?: string;
}

function parsePart(part: string): Part | null {
  const num = NUMERIC.exec(part);
  if (num) return { code: num[1]!.toUpperCase(), ...(num[2] ?? num[3] ? { suffix: (num[2] ?? num[3])!.toUpperCase() } : {}) };
  const pre = PREFIXED.exec(part);
  if (pre) return { code: pre[2]!, suffix: pre[1]!.toUpperCase() };
  const let_ = LETTERS.exec(part);
  if (let_) return { code: let_[2]!, ...(let_[3] ?? let_[1] ? { suffix: (let_[3] ?? let_[1])!.toUpperCase() } : {}) };
  return null;
}

function nameEndBefore(text: string, at: number): number {
  let e = at;
  while (e > 0 && text[e - 1] === ' ') e--;
  return e;
}

/** Every code-shaped span in brackets, plus bare suffixed codes (`600519.SH`) and `NASDAQ: NVDA`. */
export function findCodeSpans(text: string): CodeSpan[] {
  const out: CodeSpan[] = [];
  const covered: Array<[number, number]> = [];
  for (const m of text.matchAll(/\(([^()\n]{1,60})\)/g)) {
    const inner = m[1]!;
    if (/\d,\d/.test(inner)) continue; // a number with thousands separators
    // One bracket may hold several listings: (688981.SH/00981.HK), (2330、2303).
    const parts: Array<{ part: Part; at: number; len: number }> = [];
    let ok = true;
    for (const p of inner.matchAll(/[^/、,;]+/g)) {
      const raw = p[0];
      // Portal link text around a code: 建设银行(行情601939,诊股).
      if (LINK_WORD.test(raw.trim())) continue;
      const content = raw.trim().replace(LINK_PREFIX, '');
      const part = content ? parsePart(content) : null;
      if (!part) {
        ok = false;
        break;
      }
      const at = m.index + 1 + p.index + raw.indexOf(content) + content.toUpperCase().indexOf(part.code);
      parts.push({ part, at, len: part.code.length });
    }
    if (!ok || parts.length === 0) continue;
    const nameEnd = nameEndBefore(text, m.index);
    for (const { part, at, len } of parts) out.push({ start: at, end: at + len, code: part.code, ...(part.suffix ? { suffix: part.suffix } : {}), nameEnd });
    covered.push([m.index, m.index + m[0].length]);
  }
  const inside = (i: number): boolean => covered.some(([s, e]) => i >= s && i < e);
  for (const m of text.matchAll(/(?<![\w.])(\d{4,6}[A-Z]?)\.(TWO|TW|SH|SS|SZ|BJ|HK|KS|KQ|T)(?![\w])/g)) {
    if (inside(m.index)) continue;
    // (以下简称“风华高科”,000636.SZ): the short name just defined is the code's.
    const quoted = /[“"「]([^”"」]{2,12})[”"」]\s*[,、]\s*$/.exec(text.slice(Math.max(0, m.index - 20), m.index));
    const nameEnd = quoted ? m.index - quoted[0].length + 1 + quoted[1]!.length : nameEndBefore(text, m.index);
    out.push({ start: m.index, end: m.index + m[1]!.length, code: m[1]!, suffix: m[2]!, nameEnd });
  }
  for (const m of text.matchAll(/(?<![\w])(NASDAQ|NYSE|Nasdaq)\s*:\s*([A-Z]{1,5}(?:\.[A-Z])?)(?![\w])/g)) {
    if (inside(m.index)) continue;
    const at = m.index + m[0].length - m[2]!.length;
    out.push({ start: at, end: at + m[2]!.length, code: m[2]!, suffix: m[1]!.toUpperCase(), nameEnd: nameEndBefore(text, m.index) });
  }
  // Taiwanese ETF codes are distinctive enough to be written bare.
  for (const m of text.matchAll(/(?<![\w.,])(00\d{3,4}[A-Z]?)(?![\w.,])/g)) {
    if (inside(m.index) || out.some((o) => o.start === m.index)) continue;
    out.push({ start: m.index, end: m.index + m[1]!.length, code: m[1]!, nameEnd: nameEndBefore(text, m.index), bare: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A four-digit number that reads as a year (1900–2099): only a name next to it makes it a code. */
export function yearLike(code: string): boolean {
  return /^(19|20)\d\d$/.test(code);
}

function isDigits(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function cnMarket(code: string): Market | null {
  if (/^(60|68|90)\d{4}$/.test(code)) return 'SSE';
  if (/^(00|30|20)\d{4}$/.test(code)) return 'SZSE';
  if (/^(8|4|92)\d+$/.test(code) && code.length === 6) return 'BSE';
  return null;
}

function tw(c: string, market: Market = 'TWSE'): Reading {
  return { id: `TW:${c}`, code: c, market, kind: c.startsWith('00') ? 'etf' : 'company' };
}
function hk(c: string): Reading {
  const p = c.padStart(5, '0');
  return { id: `HK:${p}`, code: p, market: 'HKEX', kind: 'company' };
}
function cn(c: string, market: Market): Reading {
  return { id: `CN:${c}`, code: c, market, kind: 'company' };
}
function us(c: string, market: Market = 'NASDAQ'): Reading {
  return { id: `US:${c}`, code: c, market, kind: 'company' };
}

/**
 * The readings of a code, most likely first, from its shape, the suffix
 * printed with it and the script of the article: a five-digit code is a
 * Hong Kong stock in Simplified text (舜宇光学(02382)) but a Taiwanese ETF
 * in Traditional text (00881); a six-digit one is an A-share unless it is a
 * Taiwanese ETF (00679B) in Traditional text.
 */
export function readings(code: string, suffix: string | undefined, script: Script): Reading[] {
  if (!isDigits(code)) {
    if (suffix && !['US', 'O', 'N', 'NASDAQ', 'NYSE', 'NYSE AMERICAN', 'AMEX'].includes(suffix)) return [];
    return [us(code, suffix === 'NYSE' || suffix === 'N' ? 'NYSE' : 'NASDAQ')];
  }
  switch (suffix) {
    case 'TW': case 'TT': case 'TWSE': return code.length >= 4 ? [tw(code)] : [];
    case 'TWO': case 'TPEX': return code.length >= 4 ? [tw(code, 'TPEx')] : [];
    case 'SH': case 'SS': case 'SSE': case 'SHA': return code.length === 6 ? [cn(code, 'SSE')] : [];
    case 'SZ': case 'SZSE': case 'SZA': return code.length === 6 ? [cn(code, 'SZSE')] : [];
    case 'BJ': return code.length === 6 ? [cn(code, 'BSE')] : [];
    case 'HK': case 'HKEX': case 'SEHK': return code.length <= 5 && /^\d+$/.test(code) ? [hk(code)] : [];
    case 'JP': case 'T': case 'TYO': case 'TSE': return code.length === 4 ? [{ id: `JP:${code}`, code, market: 'TSE', kind: 'company' }] : [];
    case 'KR': case 'KS': case 'KQ': case 'KRX': return code.length === 6 ? [{ id: `KR:${code}`, code, market: 'KRX', kind: 'company' }] : [];
    default: break;
  }
  const hans = script === 'Hans';
  const out: Reading[] = [];
  if (/[A-Z]$/.test(code)) return code.length >= 5 && /^00/.test(code) ? [tw(code)] : [];
  // Hong Kong papers drop leading zeros down to three digits (港鐵（066）); inline.ts
  // takes that reading only in Hong Kong market news.
  if (code.length === 3) out.push(hk(code));
  else if (code.length === 4) {
    if (hans) out.push(hk(code), tw(code));
    else out.push(tw(code), hk(code));
  } else if (code.length === 5) {
    const etf = /^00/.test(code);
    if (hans) out.push(hk(code), ...(etf ? [tw(code)] : []));
    else out.push(...(etf ? [tw(code)] : []), hk(code));
  } else if (code.length === 6) {
    const m = cnMarket(code);
    if (!hans && /^00/.test(code)) out.push(tw(code));
    if (m) out.push(cn(code, m));
    if (hans) out.reverse();
  }
  return out;
}
