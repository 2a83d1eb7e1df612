import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * jieba's IDF table (about 270,000 `word idf` lines, shipped inside
 * @node-rs/jieba) in compact form: the file's UTF-8 bytes as they are, each
 * word's byte offset and length in typed arrays, an open-addressing hash
 * table of line numbers over them, and the values in a Float64Array. The
 * values are parsed from the bytes in place, so building it leaves no
 * garbage behind, and nothing per word stays for the collector; a Map of
 * 270,000 strings built at every start used to cost about 65 MB (issue 15).
 */
const require = createRequire(import.meta.url);

export interface IdfTable {
  /** The IDF of `word` (Simplified), or undefined when the table lacks it. */
  get(word: string): number | undefined;
  /** The median IDF: what jieba gives words it does not know. */
  readonly median: number;
  readonly size: number;
}

function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

// A decimal number (digits, one point, an optional leading minus) from
// bytes; NaN otherwise. All digits are gathered into one integer and divided
// once by the power of ten, which rounds as Number() does for up to 15 digits.
function parseNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let sign = 1;
  if (b[i] === 45) {
    sign = -1;
    i++;
  }
  let mant = 0;
  let scale = 1;
  let digits = 0;
  let point = false;
  for (; i < to; i++) {
    const c = b[i]!;
    if (c === 46 && !point) point = true;
    else if (c >= 48 && c <= 57) {
      digits++;
      mant = mant * 10 + (c - 48);
      if (point) scale *= 10;
    } else return NaN;
  }
  if (!digits) return NaN;
  return digits <= 15 ? (sign * mant) / scale : Number(new TextDecoder().decode(b.subarray(from, to)));
}

/** Build the table from `word value` lines in UTF-8 (the last line for a word wins, as Map#set would). */
export function buildIdfTable(bytes: Uint8Array): IdfTable {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
  const start = new Int32Array(lines);
  const len = new Int32Array(lines);
  const value = new Float64Array(lines);
  let n = 0;
  let from = 0;
  while (from < bytes.length) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    let end = nl;
    if (end > from && bytes[end - 1] === 13) end--;
    const sp = bytes.lastIndexOf(32, end - 1);
    if (sp > from) {
      const v = parseNumber(bytes, sp + 1, end);
      if (Number.isFinite(v)) {
        start[n] = from;
        len[n] = sp - from;
        value[n] = v;
        n++;
      }
    }
    from = nl + 1;
  }
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // Slot → line number + 1 (0: empty).
  const slots = new Int32Array(size);
  const same = (k: number, q: Uint8Array, qf: number, ql: number): boolean => {
    if (len[k] !== ql) return false;
    const o = start[k]!;
    for (let i = 0; i < ql; i++) if (bytes[o + i] !== q[qf + i]) return false;
    return true;
  };
  for (let k = 0; k < n; k++) {
    for (let i = hashBytes(bytes, start[k]!, start[k]! + len[k]!) & mask; ; i = (i + 1) & mask) {
      const at = slots[i]!;
      if (at === 0 || same(at - 1, bytes, start[k]!, len[k]!)) {
        slots[i] = k + 1;
        break;
      }
    }
  }
  const sorted = value.slice(0, n).sort();
  const median = sorted[Math.floor(n / 2)] ?? 10;
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(256);
  return {
    median,
    size: n,
    get(word) {
      if (word.length * 3 > scratch.length) scratch = new Uint8Array(word.length * 3);
      const { written } = encoder.encodeInto(word, scratch);
      for (let i = hashBytes(scratch, 0, written) & mask; ; i = (i + 1) & mask) {
        const at = slots[i]!;
        if (at === 0) return undefined;
        if (same(at - 1, scratch, 0, written)) return value[at - 1];
      }
    },
  };
}

/** jieba's shipped IDF table, read straight from the package's file. */
export function jiebaIdfTable(): IdfTable {
  return buildIdfTable(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
}
