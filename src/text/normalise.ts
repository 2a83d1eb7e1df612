import { fromCodes } from './fold';
import { COMPAT_HI, COMPAT_LO, HAN_HI, HAN_LO } from './han';

/**
 * Normalisation with an offset map (issue 4): full-width ASCII to
 * half-width, every kind of space to U+0020, 【】〔〕［］ to [ ], compatibility
 * ideographs (⾧ → 長) to their unified forms, zero-width characters dropped.
 * Everything else is copied, so the map is the identity on most text; where
 * a character is dropped the map still sends each normalised offset to the
 * original offset of the same character.
 */
export interface Normalised {
  text: string;
  /** `map[i]` is the original offset of normalised offset `i`; `map[text.length]` is the original length. */
  map: Int32Array;
}

const DROP = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000, 0x09]);
const BRACKETS: Record<number, string> = { 0x3010: '[', 0x3011: ']', 0x3014: '[', 0x3015: ']', 0xff3b: '[', 0xff3d: ']', 0x3016: '[', 0x3017: ']' };

/** One UTF-16 unit in, one out, or -1 to drop it. */
function mapUnit(c: number): number {
  if (c < 0x80) return c === 0x09 ? 0x20 : c;
  if (c >= HAN_LO && c <= HAN_HI) return c;
  if (DROP.has(c)) return -1;
  if (SPACES.has(c)) return 0x20;
  const b = BRACKETS[c];
  if (b) return b.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  // Kangxi radicals and CJK compatibility ideographs turn up in copied text
  // (長 printed as ⾧) and would miss every alias and dictionary word.
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= COMPAT_LO && c <= COMPAT_HI)) {
    const n = String.fromCharCode(c).normalize('NFKC');
    if (n.length === 1) return n.charCodeAt(0);
  }
  return c;
}

// mapUnit for every UTF-16 unit, computed once per process (256 KB): the
// Set and table lookups above then cost nothing per character of a text.
let unitTable: Int32Array | null = null;

function units(): Int32Array {
  if (!unitTable) {
    unitTable = new Int32Array(0x10000);
    for (let c = 0; c < 0x10000; c++) unitTable[c] = mapUnit(c);
  }
  return unitTable;
}

/** Normalise `original`; see the module comment for what changes. */
export function normalise(original: string): Normalised {
  const table = units();
  const out = new Uint16Array(original.length);
  const map = new Int32Array(original.length + 1);
  let n = 0;
  let same = true;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const m = table[c]!;
    if (m < 0) {
      same = false;
      continue;
    }
    if (m !== c) same = false;
    out[n] = m;
    map[n++] = i;
  }
  map[n] = original.length;
  return { text: same ? original : fromCodes(out.subarray(0, n)), map: map.subarray(0, n + 1) };
}

/**
 * Original offset for a normalised offset taken as a START (clamped): the
 * original offset of the character found there. Where characters were
 * dropped just before, this skips them.
 */
export function toOriginalOffset(map: Int32Array, offset: number): number {
  const i = Math.max(0, Math.min(offset, map.length - 1));
  return map[i] ?? 0;
}

/**
 * Original offset for a normalised offset taken as an END: just after the
 * original of the character before it, so a span never takes in dropped
 * characters that followed it.
 */
export function toOriginalEndOffset(map: Int32Array, offset: number): number {
  const i = Math.max(0, Math.min(offset, map.length - 1));
  if (i === 0) return map[0] ?? 0;
  return (map[i - 1] ?? 0) + 1;
}
