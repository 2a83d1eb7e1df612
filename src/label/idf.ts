import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * jieba's IDF table (about 270,000 `word idf` lines, shipped inside
 * @node-rs/jieba) in compact form: the file's text as one string, each
 * word's offset and length in typed arrays, an open-addressing hash table
 * of line numbers over them, and the values in a Float64Array. Nothing per
 * word for the garbage collector; a Map of 270,000 strings built at every
 * start used to cost about 65 MB (issue 15).
 */
const require = createRequire(import.meta.url);

export interface IdfTable {
  /** The IDF of `word` (Simplified), or undefined when the table lacks it. */
  get(word: string): number | undefined;
  /** The median IDF: what jieba gives words it does not know. */
  readonly median: number;
  readonly size: number;
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Build the table from `word value` lines (the last line for a word wins, as Map#set would). */
export function buildIdfTable(text: string): IdfTable {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const start = new Int32Array(lines);
  const len = new Int32Array(lines);
  const value = new Float64Array(lines);
  let n = 0;
  let from = 0;
  while (from < text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    const sp = text.lastIndexOf(' ', nl - 1);
    if (sp > from) {
      const v = Number(text.slice(sp + 1, nl));
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
  const same = (k: number, s: string, sf: number, sl: number): boolean => {
    if (len[k] !== sl) return false;
    const o = start[k]!;
    for (let i = 0; i < sl; i++) if (text.charCodeAt(o + i) !== s.charCodeAt(sf + i)) return false;
    return true;
  };
  for (let k = 0; k < n; k++) {
    let i = hashRange(text, start[k]!, start[k]! + len[k]!) & mask;
    for (;;) {
      const at = slots[i]!;
      if (at === 0) {
        slots[i] = k + 1;
        break;
      }
      if (same(at - 1, text, start[k]!, len[k]!)) {
        slots[i] = k + 1;
        break;
      }
      i = (i + 1) & mask;
    }
  }
  const sorted = value.slice(0, n).sort();
  const median = sorted[Math.floor(n / 2)] ?? 10;
  return {
    median,
    size: n,
    get(word) {
      for (let i = hashRange(word, 0, word.length) & mask; ; i = (i + 1) & mask) {
        const at = slots[i]!;
        if (at === 0) return undefined;
        if (same(at - 1, word, 0, word.length)) return value[at - 1];
      }
    },
  };
}

/** jieba's shipped IDF table, read straight from the package's file. */
export function jiebaIdfTable(): IdfTable {
  return buildIdfTable(readFileSync(require.resolve('@node-rs/jieba/idf.txt'), 'utf8'));
}
