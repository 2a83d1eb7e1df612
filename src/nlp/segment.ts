import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { foldScript } from '../text/fold';
import { taiwaneseWords } from './taiwanese';

/**
 * The segmenter: @node-rs/jieba with its shipped (Simplified) dictionary,
 * run on script-folded text (fold.ts) so that Traditional text segments
 * with the same dictionary. Folding alone turns 軟體 into 软体, which the
 * Simplified dictionary lacks (it has 软件), so Taiwanese vocabulary
 * generated from the same dictionary is added (taiwanese.ts: about 5,000
 * words such as 软体, 记忆体), and the caller's own words (the dictionary's
 * aliases) on top.
 */
const require = createRequire(import.meta.url);

let shipped: Buffer | null = null;

// Read from the package's file rather than through @node-rs/jieba/dict,
// which would also read (and keep) the 6 MB IDF table.
function shippedDict(): Buffer {
  shipped ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
  return shipped;
}

/** A word to add to the segmenter, written in any script; folded on load. */
export interface ExtraWord {
  word: string;
  /** jieba frequency; high enough that the word wins over its pieces. */
  freq?: number;
}

/**
 * Cuts folded text into tokens: `[s0, e0, s1, e1, …]`, normalised offsets,
 * covering the text in order (a flat typed array: articles have thousands
 * of tokens and this runs for every one).
 */
export interface Segmenter {
  cut(folded: string): Int32Array;
}

const DEFAULT_FREQ = 200000;

/** `word freq tag` lines for `extra`, folded as the segmenter sees text. */
export function segmenterLines(extra: readonly ExtraWord[]): string {
  const lines: string[] = [];
  for (const e of extra) {
    // jieba's dictionary format is space-separated, so a word with a space
    // cannot be one entry; the alias matcher handles those on its own.
    const w = foldScript(e.word.normalize('NFKC')).trim();
    if (!w || /\s/.test(w)) continue;
    lines.push(`${w} ${e.freq ?? DEFAULT_FREQ} nz`);
  }
  return lines.join('\n');
}

/**
 * Build a segmenter that keeps `words` whole: `word freq tag` lines (the
 * alias index's, compiled with the dictionary; see `segmenterLines`), and `more`
 * lines of the same form after them.
 */
export function createSegmenter(words: string | Uint8Array, more = ''): Segmenter {
  const jieba = Jieba.withDict(shippedDict());
  jieba.loadDict(Buffer.from(`${taiwaneseWords()}\n`, 'utf8'));
  // The words as bytes (from a compiled dictionary) go to jieba as they are.
  jieba.loadDict(typeof words === 'string' ? Buffer.from(`${words}\n`, 'utf8') : Buffer.from(words.buffer, words.byteOffset, words.byteLength));
  // Further user-dictionary lines (`word freq tag`, folded): the curated organisations' spellings.
  if (more) jieba.loadDict(Buffer.from(`${more}\n`, 'utf8'));
  // The shipped dictionary's bytes are in jieba now; the file's copy is not needed.
  shipped = null;
  const cut = (folded: string): Int32Array => {
    const pieces = jieba.cut(folded, true);
    const spans = new Int32Array(pieces.length * 2);
    let pos = 0;
    // jieba's pieces concatenate to the input: offsets are running sums.
    for (let k = 0; k < pieces.length; k++) {
      spans[2 * k] = pos;
      pos += pieces[k]!.length;
      spans[2 * k + 1] = pos;
    }
    if (pos === folded.length) return spans;
    // Should they ever not, search forward so a surprise cannot shift later offsets.
    let n = 0;
    pos = 0;
    for (const p of pieces) {
      const at = folded.startsWith(p, pos) ? pos : folded.indexOf(p, pos);
      if (at < 0) continue;
      spans[n++] = at;
      spans[n++] = at + p.length;
      pos = at + p.length;
    }
    return spans.subarray(0, n);
  };
  return { cut };
}
