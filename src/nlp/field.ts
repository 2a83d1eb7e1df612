import { foldScript, lowerAscii } from './fold';
import { normalise, toOriginalEndOffset, toOriginalOffset } from './normalise';
import type { Segmenter } from './segment';
import { splitSentences } from './sentences';
import type { FieldText, Token } from './types';

/**
 * One field after normalisation and segmentation, with what the taggers
 * need on top of the public FieldText: the matching key (normalised, folded
 * to Simplified, ASCII lower-cased; same length as `normalised`) and the
 * token boundaries in normalised offsets.
 */
export interface FieldWork {
  text: FieldText & { toOriginalEnd(offset: number): number };
  /** Normalised text folded for matching; `key[i]` corresponds to `normalised[i]`. */
  key: string;
  /** `boundary[i] === 1` when a token starts or ends at normalised offset `i`. */
  boundary: Uint8Array;
  /** Token spans in normalised offsets. */
  spans: Array<[number, number]>;
}

/** Normalise, fold, segment and split one field. */
export function buildField(name: 'title' | 'body', original: string, segmenter: Segmenter): FieldWork {
  const n = normalise(original);
  const map = n.map;
  const toOriginal = (offset: number): number => toOriginalOffset(map, offset);
  const toOriginalEnd = (offset: number): number => toOriginalEndOffset(map, offset);
  // jieba sees case (it keeps ASCII runs whole either way); matching does not.
  const folded = foldScript(n.text);
  const spans = segmenter.cut(folded);
  const boundary = new Uint8Array(n.text.length + 1);
  const tokens: Token[] = [];
  for (const [s, e] of spans) {
    boundary[s] = 1;
    boundary[e] = 1;
    if (/^\s+$/.test(n.text.slice(s, e))) continue;
    const os = toOriginal(s);
    const oe = toOriginalEnd(e);
    tokens.push({ text: original.slice(os, oe), start: os, end: oe });
  }
  const sentences = splitSentences(n.text, original, toOriginal, toOriginalEnd);
  return {
    text: { field: name, original, normalised: n.text, toOriginal, toOriginalEnd, tokens, sentences },
    key: lowerAscii(folded),
    boundary,
    spans,
  };
}
