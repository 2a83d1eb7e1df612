import { readFileSync } from 'node:fs';
import type { Script } from '../types';

/**
 * Text folding shared by the dictionary, the tagger and the label stage
 * (issue 12: it used to be written four times, with four OpenCC converters).
 *
 * - Script folding: every Traditional character to its Simplified form, one
 *   UTF-16 unit for one, so that a spelling in either script matches text
 *   in either script and offsets survive unchanged. Character by character
 *   on purpose: OpenCC's phrase tables change lengths, and Traditional →
 *   Simplified is many-to-one, so the fold is well defined.
 * - Width and case folding: full-width ASCII to ASCII, A–Z to a–z, again one
 *   unit for one.
 * - `foldAlias`: the dictionary's lookup key for a spelling as written
 *   (NFKC and lower case; no script folding).
 *
 * The character tables are data (`data/script-fold.txt`, generated from
 * OpenCC by `npx tsx src/text/generate.ts --write`; a test checks it against
 * a fresh generation), read once per process into three 64 KB arrays: no
 * OpenCC converter is built on any load path.
 */
const FILE = new URL('./data/script-fold.txt', import.meta.url);

interface Tables {
  /** Traditional (Taiwan, then Hong Kong variants) → Simplified. */
  simp: Uint16Array;
  /** Simplified → Traditional (Taiwan). */
  trad: Uint16Array;
}

let tables: Tables | null = null;

function identity(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  return t;
}

function load(): Tables {
  const simp = identity();
  const trad = identity();
  const hk: Array<[number, number]> = [];
  for (const line of readFileSync(FILE, 'utf8').split('\n')) {
    // `s XY` (tw→cn), `h XY` (hk→cn, used where the Taiwan table has nothing), `t XY` (cn→tw).
    if (line.length !== 4 || line[1] !== ' ') continue;
    const from = line.charCodeAt(2);
    const to = line.charCodeAt(3);
    if (line[0] === 's') simp[from] = to;
    else if (line[0] === 'h') hk.push([from, to]);
    else if (line[0] === 't') trad[from] = to;
  }
  for (const [from, to] of hk) if (simp[from] === from) simp[from] = to;
  return { simp, trad };
}

function get(): Tables {
  tables ??= load();
  return tables;
}

/** The Traditional → Simplified unit table (index by UTF-16 unit). */
export function simplifiedTable(): Uint16Array {
  return get().simp;
}

const utf16 = new TextDecoder('utf-16le');

/** A string from UTF-16 units (native decoding; far faster than fromCharCode on long texts). */
export function fromCodes(a: Uint16Array): string {
  return utf16.decode(a);
}

/** Fold `text` to Simplified characters; the result has the same length. */
export function foldScript(text: string): string {
  const table = get().simp;
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = table[c]!;
    if (f !== c) {
      if (!out) {
        out = new Uint16Array(text.length);
        for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
      }
      out[i] = f;
    }
  }
  return out ? fromCodes(out) : text;
}

/** ASCII-only lower-casing (length-preserving, unlike String#toLowerCase on all of Unicode). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The matching key of a normalised text or alias: folded to Simplified, ASCII lower-cased. */
export function matchKey(text: string): string {
  return lowerAscii(foldScript(text));
}

/**
 * Which script the text is in: Traditional when more of its Han characters
 * change under Traditional → Simplified than under the reverse.
 */
export function detectScript(text: string): Script {
  const { simp, trad } = get();
  let s = 0;
  let t = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    if (simp[c] !== c) s++;
    else if (trad[c] !== c) t++;
  }
  return s >= t ? 'Hant' : 'Hans';
}

/**
 * Full-width ASCII to ASCII and A–Z to a–z for one UTF-16 unit, so that
 * offsets found in the folded form are offsets into the original.
 */
export function foldWidthCase(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 65 && c <= 90) c += 32;
  return c;
}

/** `foldWidthCase` over a whole string. */
export function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldWidthCase(s.charCodeAt(i)));
  return out;
}

const PLAIN_HAN = /^[\u4e00-\u9fff]+$/;

/** The dictionary's lookup key of a spelling: NFKC (full-width → half-width) and lower-case. */
export function foldAlias(s: string): string {
  // Most spellings are plain CJK ideographs, which NFKC and lower-casing leave
  // alone; skipping them halves the time of a large compile.
  return PLAIN_HAN.test(s) ? s : s.normalize('NFKC').toLowerCase();
}
