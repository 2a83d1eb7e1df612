import * as OpenCC from 'opencc-js';
import type { Script } from '../types';

/**
 * Script folding: every Traditional character to its Simplified form, one
 * UTF-16 unit for one, so that an alias in either script matches text in
 * either script and offsets survive unchanged. Folding is character by
 * character on purpose: OpenCC's phrase tables change lengths (and
 * Traditional → Simplified is many-to-one, so the fold is well defined).
 * Latin letters are left as they are; matching lower-cases ASCII itself.
 *
 * The Han characters of the Basic Multilingual Plane are converted once per
 * process into two tables (to Simplified, to Traditional), by handing
 * OpenCC every character on a line of its own so that no phrase rule can
 * apply; the converters are then let go. OpenCC's tables are tens of
 * megabytes of Maps, and every full garbage collection has to walk what is
 * kept. Characters beyond the BMP are left as they are.
 */
const LO = 0x2e80;
const HI = 0x9fff;

let toSimp: Uint16Array | null = null;
let toTrad: Uint16Array | null = null;

function buildTable(convert: (s: string) => string): Uint16Array {
  const chars: string[] = [];
  for (let c = LO; c <= HI; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  const table = new Uint16Array(HI - LO + 1);
  for (let i = 0; i < table.length; i++) {
    const r = out.length === table.length ? out[i]! : '';
    table[i] = r.length === 1 ? r.charCodeAt(0) : LO + i;
  }
  return table;
}

function simpTable(): Uint16Array {
  if (!toSimp) {
    const tw = buildTable(OpenCC.Converter({ from: 'tw', to: 'cn' }));
    // Hong Kong variants the Taiwanese table leaves alone.
    const hk = buildTable(OpenCC.Converter({ from: 'hk', to: 'cn' }));
    for (let i = 0; i < tw.length; i++) if (tw[i] === LO + i) tw[i] = hk[i]!;
    toSimp = tw;
  }
  return toSimp;
}

function tradTable(): Uint16Array {
  toTrad ??= buildTable(OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return toTrad;
}

/** Fold `text` to Simplified characters; the result has the same length. */
export function foldScript(text: string): string {
  const table = simpTable();
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < LO || c > HI) continue;
    const f = table[c - LO]!;
    if (f !== c) {
      out ??= codes(text);
      out[i] = f;
    }
  }
  return out ? fromCodes(out) : text;
}

function codes(text: string): Uint16Array {
  const a = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) a[i] = text.charCodeAt(i);
  return a;
}

const utf16 = new TextDecoder('utf-16le');

/** A string from UTF-16 units (native decoding; far faster than fromCharCode on long texts). */
export function fromCodes(a: Uint16Array): string {
  return utf16.decode(a);
}

/** ASCII-only lower-casing (length-preserving, unlike String#toLowerCase on all of Unicode). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The matching key of a text or an alias: normalised elsewhere, then folded and lower-cased here. */
export function matchKey(text: string): string {
  return lowerAscii(foldScript(text));
}

/**
 * Which script the text is in: Traditional when more of its Han characters
 * change under Traditional → Simplified than under the reverse.
 */
export function detectScript(text: string): Script {
  const simp = simpTable();
  const trad = tradTable();
  let s = 0;
  let t = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > HI) continue;
    if (simp[c - LO] !== c) s++;
    else if (trad[c - LO] !== c) t++;
  }
  return s >= t ? 'Hant' : 'Hans';
}

/**
 * Convert Simplified text to Taiwanese Traditional with OpenCC's phrase and
 * idiom tables (软件 → 軟體, 内存 → 記憶體; lengths may change). Builds a
 * converter per call, for one-off use.
 */
export function toTaiwanese(text: string): string {
  return OpenCC.Converter({ from: 'cn', to: 'twp' })(text);
}
