import type { Market, Ticker } from '../types';

/**
 * Markets the dictionary knows, what their codes look like, how a listed
 * entity's id is built and how a ticker is written in the event record's
 * `tickers` list. One table so that the dictionary, the tagger and the
 * importers agree (issue 3).
 */
interface MarketInfo {
  /** Prefix of the entity id: `TW:2330`. TWSE and TPEx share `TW`. */
  idPrefix: string;
  /** Suffix in `tickers`: `2330.TW`, `6488.TWO`, `00700.HK`. */
  suffix: string;
  /** What a code of this market looks like (after `normaliseCode`). */
  shape: RegExp;
  /** Human description of `shape` for error messages. */
  shapeText: string;
}

// Taiwan: 4-digit shares (a trailing letter for preferred shares, e.g. 2881A),
// ETFs 00xx to 00xxxx with an optional letter (00679B, 00632R), and the
// six-digit Taiwan depositary receipts 91xxxx (910322 康師傅-DR).
const TAIWAN = /^(?:[1-9]\d{3}[A-Z]?|00\d{2,4}[A-Z]?|91\d{4})$/;
const US = /^[A-Z]{1,5}(?:[.-][A-Z]{1,2})?$/;

const INFO: Record<Market, MarketInfo> = {
  TWSE: { idPrefix: 'TW', suffix: 'TW', shape: TAIWAN, shapeText: '4 digits (optional letter), an 00-prefixed ETF code or a 91xxxx TDR' },
  TPEx: { idPrefix: 'TW', suffix: 'TWO', shape: TAIWAN, shapeText: '4 digits (optional letter), an 00-prefixed ETF code or a 91xxxx TDR' },
  SSE: { idPrefix: 'CN', suffix: 'SH', shape: /^[569]\d{5}$/, shapeText: '6 digits starting 5, 6 or 9' },
  SZSE: { idPrefix: 'CN', suffix: 'SZ', shape: /^(?:[0-3]\d{5}|1[5-8]\d{4})$/, shapeText: '6 digits starting 0-3 or 15-18' },
  BSE: { idPrefix: 'CN', suffix: 'BJ', shape: /^(?:[48]\d{5}|92\d{4})$/, shapeText: '6 digits starting 4, 8 or 92' },
  HKEX: { idPrefix: 'HK', suffix: 'HK', shape: /^\d{5}$/, shapeText: '5 digits (zero-padded, e.g. 00700)' },
  NASDAQ: { idPrefix: 'US', suffix: 'US', shape: US, shapeText: '1-5 capital letters (optional .X class)' },
  NYSE: { idPrefix: 'US', suffix: 'US', shape: US, shapeText: '1-5 capital letters (optional .X class)' },
  // Since 2024 JPX also issues codes with letters in the 2nd/4th place (285A).
  TSE: { idPrefix: 'JP', suffix: 'JP', shape: /^\d[0-9A-Z]\d[0-9A-Z]$/, shapeText: '4 characters, e.g. 6503 or 285A' },
  KRX: { idPrefix: 'KR', suffix: 'KR', shape: /^\d{5}[0-9A-Z]$/, shapeText: '6 digits, e.g. 005930' },
};

/** Every market, in the order documented in docs/dictionary.md. */
export const MARKETS: readonly Market[] = Object.keys(INFO) as Market[];

/** Entity-id prefixes of listed entities (`TW`, `US`, `JP`, `KR`, `HK`, `CN`). */
export const LISTED_ID_PREFIXES: readonly string[] = [...new Set(Object.values(INFO).map((i) => i.idPrefix))];

/** True when `s` is one of the market names exactly as written in MARKETS. */
export function isMarket(s: string): s is Market {
  return Object.hasOwn(INFO, s);
}

/** Parse a market name case-insensitively (`tpex`, `Nasdaq`); undefined if unknown. */
export function parseMarket(s: string): Market | undefined {
  const t = s.trim().toLowerCase();
  return MARKETS.find((m) => m.toLowerCase() === t);
}

/**
 * Bring a code to its canonical form for the market: trimmed, NFKC
 * (full-width digits become ASCII), upper-case, Hong Kong codes zero-padded
 * to 5 digits. Does not validate; see `codeProblem`.
 */
export function normaliseCode(code: string, market: Market): string {
  let c = code.normalize('NFKC').trim().toUpperCase();
  if (market === 'HKEX' && /^\d{1,4}$/.test(c)) c = c.padStart(5, '0');
  return c;
}

/** Why `code` is not a valid code of `market`, or undefined when it is. */
export function codeProblem(code: string, market: string): string | undefined {
  if (!isMarket(market)) return `unknown market "${market}" (known: ${MARKETS.join(' ')})`;
  const info = INFO[market];
  if (!info.shape.test(code)) return `malformed ${market} code "${code}": expected ${info.shapeText}`;
  return undefined;
}

/** `2330.TW`, `6488.TWO`, `NVDA.US`, `00700.HK`, `600519.SH`: the form used in `EventRecord.tickers`. */
export function tickerString(t: Ticker): string {
  return `${t.code}.${INFO[t.market].suffix}`;
}

/** The entity id of a listed company or ETF: `TW:2330`, `US:NVDA`, `HK:00700`, `CN:600519`. */
export function entityIdFor(t: Ticker): string {
  return `${INFO[t.market].idPrefix}:${t.code}`;
}

/** The `byTicker` key of the dictionary: `TWSE:2330`. */
export function tickerKey(t: Ticker): string {
  return `${t.market}:${t.code}`;
}

/** Markets whose entity ids start with `prefix` (`TW` → TWSE, TPEx). */
export function marketsForIdPrefix(prefix: string): Market[] {
  return MARKETS.filter((m) => INFO[m].idPrefix === prefix);
}
