import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeSections, encodeSections, readCached, writeCached } from '../text/sections';

/**
 * jieba's IDF table (about 270,000 `word idf` lines, shipped inside
 * @node-rs/jieba) in compact form: the file's UTF-8 bytes as they are, each
 * word's byte offset and length in typed arrays, an open-addressing hash
 * table of line numbers over them, and the values in a Float64Array. The
 * values are parsed from the bytes in place, so building it leaves no
 * garbage behind, and nothing per word stays for the collector; a Map of
 * 270,000 strings built at every start used to cost about 65 MB (issue 15).
 * Building it takes 0.1–0.3 s, so the tables are kept in the cache
 * directory (src/text/sections.ts) and later starts read them as they are.
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

/** The table's arrays: `bytes` holds the words at `start`/`len`; `slots` is the hash table of line numbers + 1. */
interface IdfArrays {
  bytes: Uint8Array;
  start: Int32Array;
  len: Int32Array;
  value: Float64Array;
  slots: Int32Array;
  n: number;
  median: number;
}

/** Build the table from `word value` lines in UTF-8 (the last line for a word wins, as Map#set would). */
export function buildIdfTable(bytes: Uint8Array): IdfTable {
  return idfTable(idfArrays(bytes));
}

function idfArrays(bytes: Uint8Array): IdfArrays {
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
  const same = sameAs(bytes, start, len);
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
  return { bytes, start: start.subarray(0, n), len: len.subarray(0, n), value: value.subarray(0, n), slots, n, median: sorted[Math.floor(n / 2)] ?? 10 };
}

function sameAs(bytes: Uint8Array, start: Int32Array, len: Int32Array): (k: number, q: Uint8Array, qf: number, ql: number) => boolean {
  return (k, q, qf, ql) => {
    if (len[k] !== ql) return false;
    const o = start[k]!;
    for (let i = 0; i < ql; i++) if (bytes[o + i] !== q[qf + i]) return false;
    return true;
  };
}

function idfTable(a: IdfArrays): IdfTable {
  const { slots, value, n, median } = a;
  const mask = slots.length - 1;
  const same = sameAs(a.bytes, a.start, a.len);
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

const MAGIC = 'NFIDF\u0000\u0000\u0001';

function idfName(): string {
  let v = 'x';
  try {
    v = (require('@node-rs/jieba/package.json') as { version: string }).version;
  } catch {
    // An unknown version still gets a name of its own.
  }
  return `idf-f1-${v}.bin`;
}

/**
 * jieba's shipped IDF table: read from the cache when an earlier start has
 * built it, else built from the package's file and written there.
 */
export function jiebaIdfTable(): IdfTable {
  const name = idfName();
  const cached = readCached(name);
  const f = cached ? decodeSections<{ n: number; median: number }>(cached, MAGIC) : undefined;
  if (f) {
    try {
      return idfTable({ bytes: f.u8('bytes'), start: f.i32('start'), len: f.i32('len'), value: f.f64('value'), slots: f.i32('slots'), n: f.fields.n, median: f.fields.median });
    } catch {
      // A damaged file: build the table again below.
    }
  }
  const a = idfArrays(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
  writeCached(name, encodeSections(MAGIC, { n: a.n, median: a.median }, [['bytes', 'u8', a.bytes], ['start', 'i32', a.start], ['len', 'i32', a.len], ['value', 'f64', a.value], ['slots', 'i32', a.slots]]), 'idf-', 2);
  return idfTable(a);
}
