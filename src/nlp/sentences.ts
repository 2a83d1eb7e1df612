import type { Sentence } from './types';

const END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const CLOSERS = new Set(['」', '』', '”', '’', '"', "'", ')', '）', '】', '》']);

/**
 * Split text into sentences at 。！？；!?; and line breaks, keeping closing
 * quotes and brackets with the sentence they end. Works on the normalised
 * text (same characters at the same places as the original, bar dropped
 * zero-width marks) and reports spans through `toOriginal`, trimmed of
 * surrounding white space; empty sentences are left out.
 */
export function splitSentences(normalised: string, original: string, toOriginal: (i: number) => number, toOriginalEnd: (i: number) => number = toOriginal): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(normalised[s]!)) s++;
    while (e > s && /\s/.test(normalised[e - 1]!)) e--;
    if (e <= s) return;
    const os = toOriginal(s);
    const oe = toOriginalEnd(e);
    out.push({ text: original.slice(os, oe), start: os, end: oe });
  };
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised[i]!;
    if (!END.has(ch)) continue;
    let end = i + 1;
    if (ch !== '\n') {
      while (end < normalised.length && (END.has(normalised[end]!) && normalised[end] !== '\n' || CLOSERS.has(normalised[end]!))) end++;
    }
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, normalised.length);
  return out;
}
