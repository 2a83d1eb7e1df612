import * as OpenCC from 'opencc-js';
import type { Script } from '../types';

/**
 * Script folding: every Traditional character to its Simplified form, one
 * UTF-16 unit for one, so that an alias in either script matches text in
 * either script and offsets survive unchanged. Folding is character by
 * character on purpose: OpenCC's phrase tables change lengths (and
 * Traditional → Simplified is many-to-one, so the fold is well defined).
 * Latin letters are left as they are; matching lower-cases ASCII itself.
 */
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cnToTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  f = twToCn(ch);
  if (f === ch) f = hkToCn(ch);
  if (f.length !== ch.length) f = ch;
  cache.set(ch, f);
  return f;
}

// The BMP Han range folded through a table filled on first sight of each
// character (0 = not looked up yet): OpenCC is asked once per character
// per process, and the hot loop is a typed-array read.
const LO = 0x2e80;
const HI = 0x9fff;
const table = new Uint16Array(HI - LO + 1);

function foldUnit(c: number): number {
  const i = c - LO;
  let f = table[i]!;
  if (f === 0) {
    const r = foldChar(String.fromCharCode(c));
    f = r.length === 1 ? r.charCodeAt(0) : c;
    table[i] = f;
  }
  return f;
}

/** Fold `text` to Simplified characters; the result has the same length. */
export function foldScript(text: string): string {
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < LO) continue;
    let f = c;
    if (c <= HI) f = foldUnit(c);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // Han beyond the BMP: rare; through the string cache, kept only if the length holds.
      const ch = text.slice(i, i + 2);
      const r = foldChar(ch);
      if (r !== ch) {
        out ??= codes(text);
        out[i] = r.charCodeAt(0);
        out[i + 1] = r.charCodeAt(1);
      }
      i++;
      continue;
    }
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
  let toSimp = 0;
  let toTrad = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > HI) continue;
    if (foldUnit(c) !== c) toSimp++;
    else if (tradUnit(c) !== c) toTrad++;
  }
  return toSimp >= toTrad ? 'Hant' : 'Hans';
}

const tradTable = new Uint16Array(HI - LO + 1);
function tradUnit(c: number): number {
  const i = c - LO;
  let t = tradTable[i]!;
  if (t === 0) {
    const r = cnToTw(String.fromCharCode(c));
    t = r.length === 1 ? r.charCodeAt(0) : c;
    tradTable[i] = t;
  }
  return t;
}

/** Convert Simplified text to Traditional (phrase-aware; lengths may change). */
export function toTraditional(text: string): string {
  return cnToTw(text);
}
