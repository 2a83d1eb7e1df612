import iconv from 'iconv-lite';
import { readWordList } from '../text/lists';

/** The charsets we decode, by the iconv-lite name used for them. */
export type Charset = 'utf-8' | 'gb18030' | 'big5hkscs' | 'utf-16le' | 'utf-16be' | string;

/** How the charset was decided, for logs and tests. */
export type CharsetSource = 'bom' | 'header' | 'document' | 'sniff' | 'default';

export interface Decoded {
  text: string;
  charset: Charset;
  source: CharsetSource;
  /** The label the sender gave when it was overruled by the bytes. */
  overruled?: string;
}

/**
 * Labels as servers write them, mapped to what we decode with. GB2312 and
 * GBK pages routinely contain GB18030-only characters, and Big5 pages from
 * Hong Kong HKSCS ones, so both families decode as their superset.
 */
const ALIASES: Record<string, Charset> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', 'gb_2312-80': 'gb18030', chinese: 'gb18030', csgb2312: 'gb18030', 'iso-ir-58': 'gb18030', euccn: 'gb18030', 'euc-cn': 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  big5: 'big5hkscs', 'big5-hkscs': 'big5hkscs', big5hkscs: 'big5hkscs', 'cn-big5': 'big5hkscs', csbig5: 'big5hkscs', 'x-x-big5': 'big5hkscs', cp950: 'big5hkscs', 'windows-950': 'big5hkscs',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
  'us-ascii': 'utf-8', ascii: 'utf-8',
};

/** Normalise a charset label; null when unknown to us and to iconv-lite. */
export function normaliseCharset(label: string | undefined | null): Charset | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  const known = ALIASES[l];
  if (known) return known;
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header. */
export function headerCharset(contentType: string | undefined | null): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2]! : null;
}

function bomCharset(bytes: Uint8Array): { charset: Charset; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { charset: 'gb18030', length: 4 };
  return null;
}

/**
 * The charset the document declares about itself: the XML declaration, or
 * `<meta charset>` / `<meta http-equiv=Content-Type>` within the first few
 * kilobytes (read as Latin-1, which every ASCII-compatible charset agrees with).
 */
export function documentCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1]! : null;
}

/**
 * How well bytes read as UTF-8: `valid`, `mostly` (a stray bad byte or a
 * sequence cut at the end, under 2% of the non-ASCII characters), or `no`.
 * GBK or Big5 text read as UTF-8 breaks on most characters.
 */
export function utf8Fit(bytes: Uint8Array): 'valid' | 'mostly' | 'no' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'valid';
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    let good = 0;
    for (const ch of text) {
      if (ch === '\uFFFD') bad++;
      else if (ch.charCodeAt(0) >= 0x80) good++;
    }
    return good >= 20 && bad * 50 <= good ? 'mostly' : 'no';
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/**
 * Very common characters of Chinese news in both scripts. Text decoded with
 * the wrong double-byte charset turns into rare characters and U+FFFD, so
 * the right charset is the one whose decoding hits this set most.
 */
const COMMON = new Set(readWordList(new URL('./data/common-chars.txt', import.meta.url)).join(''));

/** Common characters and all CJK characters of a text: real Chinese has a high share of common ones. */
function commonness(text: string): { common: number; cjk: number } {
  let common = 0;
  let cjk = 0;
  for (const ch of text) {
    if (COMMON.has(ch)) common++;
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0xf900 && cp <= 0xfaff)) cjk++;
  }
  return { common, cjk };
}

function score(text: string): number {
  let s = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') s -= 8;
    else if (COMMON.has(ch)) s += 1;
  }
  return s;
}

/** Pick the likeliest of the legacy Chinese charsets for bytes that are not UTF-8. */
export function sniffLegacy(bytes: Uint8Array): Charset {
  const sample = bytes.subarray(0, 64 * 1024);
  const gb = score(iconv.decode(Buffer.from(sample), 'gb18030'));
  const big5 = score(iconv.decode(Buffer.from(sample), 'big5hkscs'));
  return big5 > gb ? 'big5hkscs' : 'gb18030';
}

function decodeWith(bytes: Uint8Array, charset: Charset): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
  return text.replace(/^\uFEFF/, '');
}

/**
 * Decode a fetched body. A BOM wins; then the Content-Type charset, then the
 * document's own declaration. The bytes get the last word: a body that is
 * valid UTF-8 with non-ASCII in it is UTF-8 whatever it is labelled (a real
 * GBK or Big5 text is almost never valid UTF-8), a body labelled UTF-8 that
 * is not valid UTF-8 is sniffed between GB18030 and Big5-HKSCS, and a body
 * labelled GB or Big5 that reads far better in the other family is read so.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };

  const fromHeader = headerCharset(contentType);
  const fromDoc = documentCharset(bytes);
  const label = normaliseCharset(fromHeader) ?? normaliseCharset(fromDoc);
  const source: CharsetSource = normaliseCharset(fromHeader) ? 'header' : fromDoc && normaliseCharset(fromDoc) ? 'document' : 'default';
  const labelText = (normaliseCharset(fromHeader) ? fromHeader : fromDoc) ?? undefined;

  if (!hasHighBytes(bytes)) return { text: decodeWith(bytes, label ?? 'utf-8'), charset: label ?? 'utf-8', source };
  const fit = utf8Fit(bytes);
  if (fit === 'mostly' && (label === null || label === 'utf-8')) {
    return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'sniff' };
  }
  if (fit !== 'no') {
    if (label === null || label === 'utf-8') return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source };
    if (label === 'utf-16le' || label === 'utf-16be') return { text: decodeWith(bytes, label), charset: label, source };
    return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'sniff', overruled: labelText };
  }
  if (label && label !== 'utf-8') {
    const text = decodeWith(bytes, label);
    if (label.startsWith('utf-16')) return { text, charset: label, source };
    // Big5 bytes read as GB18030 rarely fail (GBK accepts almost any byte
    // pair), and a server default of iso-8859-1 never fails at all; so the
    // label is checked against the Chinese charsets: the wrong reading turns
    // common characters into rare ones or into Latin letters.
    const sample = bytes.subarray(0, 64 * 1024);
    const mine = score(decodeWith(sample, label));
    const other = label === 'gb18030' ? 'big5hkscs' : label === 'big5hkscs' ? 'gb18030' : sniffLegacy(bytes);
    const alt = decodeWith(sample, other);
    const theirs = score(alt);
    const fit = commonness(alt);
    if (theirs > mine * 1.5 + 10 && fit.common >= fit.cjk * 0.2) return { text: decodeWith(bytes, other), charset: other, source: 'sniff', overruled: labelText };
    return { text, charset: label, source };
  }
  const guess = sniffLegacy(bytes);
  return { text: decodeWith(bytes, guess), charset: guess, source: 'sniff', ...(labelText ? { overruled: labelText } : {}) };
}
