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

/** True when the bytes are valid UTF-8 throughout. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/**
 * Very common characters of Chinese news in both scripts. Text decoded with
 * the wrong double-byte charset turns into rare characters and U+FFFD, so
 * the right charset is the one whose decoding hits this set most.
 */
const COMMON = new Set(readWordList(new URL('./data/common-chars.txt', import.meta.url)).join(''));

/** How a decoding reads: common characters, all CJK characters, replacement characters. */
interface Reading {
  common: number;
  cjk: number;
  bad: number;
}

function reading(text: string): Reading {
  let common = 0;
  let cjk = 0;
  let bad = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') {
      bad++;
      continue;
    }
    if (COMMON.has(ch)) common++;
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0xf900 && cp <= 0xfaff)) cjk++;
  }
  return { common, cjk, bad };
}

/** Common characters count for a decoding, replacement characters heavily against it. */
const score = (r: Reading) => r.common - 8 * r.bad;
/**
 * Share of common characters among the CJK and replacement characters:
 * about two thirds in real Chinese, far less in a wrong decoding, whether
 * it turns into rare characters or into U+FFFD.
 */
const share = (r: Reading) => (r.cjk + r.bad === 0 ? 0 : r.common / (r.cjk + r.bad));

/**
 * Whether `alt` reads clearly better than `mine`, the decoding the label
 * asks for: a much higher score, and mostly common characters, more of them
 * than `mine` has. A few invalid bytes in a right label cost `mine` some
 * points but leave its share of common characters high, so the label stays
 * and those bytes become U+FFFD where they are (issue 17); a wrong label
 * reads as rare characters or replacement characters throughout.
 */
function clearlyBetter(alt: Reading, mine: Reading): boolean {
  return score(alt) > score(mine) + 10 + Math.abs(score(mine)) / 2 && share(alt) >= 0.3 && share(alt) > share(mine);
}

/** Pick the likeliest of the legacy Chinese charsets for bytes that are not UTF-8. */
export function sniffLegacy(bytes: Uint8Array): Charset {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const gb = score(reading(decodeWith(sample, 'gb18030')));
  const big5 = score(reading(decodeWith(sample, 'big5hkscs')));
  return big5 > gb ? 'big5hkscs' : 'gb18030';
}

/** The bytes read to judge a charset: enough for any page's verdict, bounded for a huge one. */
const SAMPLE_BYTES = 64 * 1024;

function decodeWith(bytes: Uint8Array, charset: Charset): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
  return text.replace(/^\uFEFF/, '');
}

/** The charsets a body that is not valid UTF-8 may really be in, besides its label. */
function alternativesTo(label: Charset, bytes: Uint8Array): Charset[] {
  if (label === 'utf-8') return [sniffLegacy(bytes)];
  if (label === 'gb18030') return ['big5hkscs', 'utf-8'];
  if (label === 'big5hkscs') return ['gb18030', 'utf-8'];
  return ['utf-8', sniffLegacy(bytes)];
}

/**
 * Decode a fetched body. A BOM wins; then the Content-Type charset, then the
 * document's own declaration, then UTF-8. The bytes get the last word only
 * when they are clear: a body that is valid UTF-8 with non-ASCII in it is
 * UTF-8 whatever it is labelled (a real GBK or Big5 text is almost never
 * valid UTF-8); any other body is decoded as labelled unless another of
 * UTF-8, GB18030 and Big5-HKSCS reads clearly better (see `clearlyBetter`).
 * Invalid bytes under a right label become U+FFFD where they are.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };

  const fromHeader = headerCharset(contentType);
  const fromDoc = documentCharset(bytes);
  const label = normaliseCharset(fromHeader) ?? normaliseCharset(fromDoc);
  const source: CharsetSource = normaliseCharset(fromHeader) ? 'header' : fromDoc && normaliseCharset(fromDoc) ? 'document' : 'default';
  const labelText = (normaliseCharset(fromHeader) ? fromHeader : fromDoc) ?? undefined;
  const primary = label ?? 'utf-8';

  if (!hasHighBytes(bytes) || primary === 'utf-16le' || primary === 'utf-16be') return { text: decodeWith(bytes, primary), charset: primary, source };
  if (isUtf8(bytes)) {
    if (primary === 'utf-8') return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source };
    return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'sniff', overruled: labelText };
  }
  // Big5 bytes read as GB18030 rarely fail (GBK accepts almost any byte
  // pair), and a server default of iso-8859-1 never fails at all; so every
  // label is checked against the other charsets on a sample.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const mine = reading(decodeWith(sample, primary));
  let best: { charset: Charset; score: number } | null = null;
  for (const alt of alternativesTo(primary, bytes)) {
    const r = reading(decodeWith(sample, alt));
    if (clearlyBetter(r, mine) && (!best || score(r) > best.score)) best = { charset: alt, score: score(r) };
  }
  if (best) return { text: decodeWith(bytes, best.charset), charset: best.charset, source: 'sniff', ...(labelText ? { overruled: labelText } : {}) };
  return { text: decodeWith(bytes, primary), charset: primary, source };
}
