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

/** Fold `text` to Simplified characters; the result has the same length. */
export function foldScript(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    const hi = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const ch = hi ? text.slice(i, i + 2) : text[i]!;
    const f = foldChar(ch);
    if (f !== ch) {
      out += text.slice(runStart, i) + f;
      runStart = i + ch.length;
    }
    if (hi) i++;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
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
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x3400 || c > 0x9fff) continue;
    if (foldChar(ch) !== ch) toSimp++;
    else if (cnToTwChar(ch) !== ch) toTrad++;
  }
  return toSimp >= toTrad ? 'Hant' : 'Hans';
}

const tradCache = new Map<string, string>();
function cnToTwChar(ch: string): string {
  let t = tradCache.get(ch);
  if (t === undefined) {
    t = cnToTw(ch);
    tradCache.set(ch, t);
  }
  return t;
}

/** Convert Simplified text to Traditional (phrase-aware; lengths may change). */
export function toTraditional(text: string): string {
  return cnToTw(text);
}
