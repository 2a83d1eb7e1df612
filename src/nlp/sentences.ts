import type { Sentence } from './types';

// 。！？；!?; and the line break end a sentence; closing quotes and brackets stay with it.
const isEnd = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a;
const isCloser = (c: number): boolean => c === 0x300d || c === 0x300f || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x29 || c === 0xff09 || c === 0x3011 || c === 0x300b || c === 0x5d;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3000 || c === 0xa0;

/**
 * Split text into sentences at 。！？；!?; and line breaks, keeping closing
 * quotes and brackets with the sentence they end. Works on the normalised
 * text (same characters at the same places as the original, bar dropped
 * zero-width marks) and reports spans through `toOriginal`, trimmed of
 * surrounding white space; empty sentences are left out.
 */
export function splitSentences(normalised: string, original: string, toOriginal: (i: number) => number, toOriginalEnd: (i: number) => number = toOriginal): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(normalised.charCodeAt(s))) s++;
    while (e > s && isSpace(normalised.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    const os = toOriginal(s);
    const oe = toOriginalEnd(e);
    out.push({ text: original.slice(os, oe), start: os, end: oe });
  };
  let start = 0;
  const n = normalised.length;
  for (let i = 0; i < n; i++) {
    const c = normalised.charCodeAt(i);
    if (!isEnd(c)) continue;
    let end = i + 1;
    if (c !== 0x0a) {
      for (let d = normalised.charCodeAt(end); end < n && ((isEnd(d) && d !== 0x0a) || isCloser(d)); d = normalised.charCodeAt(++end));
    }
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, n);
  return out;
}
