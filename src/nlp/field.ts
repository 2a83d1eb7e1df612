import { foldScript, lowerAscii } from '../text/fold';
import { normalise, toOriginalEndOffset, toOriginalOffset } from '../text/normalise';
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
  /** Token spans in normalised offsets, flat: `[s0, e0, s1, e1, …]`. */
  spans: Int32Array;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;

function tokensOf(original: string, spans: Int32Array): Token[] {
  const out = new Array<Token>(spans.length / 2);
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const end = spans[k + 1]!;
    out[k / 2] = { text: original.slice(start, end), start, end };
  }
  return out;
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
  // jieba gives runs of white space tokens of their own; they are left out.
  // Counted first so the span array is allocated once at its size.
  let count = 0;
  for (let k = 0; k < spans.length; k += 2) {
    boundary[spans[k]!] = 1;
    boundary[spans[k + 1]!] = 1;
    if (!isBlank(n.text.charCodeAt(spans[k]!))) count++;
  }
  const tokenSpans = new Int32Array(count * 2);
  let t = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k]!;
    if (isBlank(n.text.charCodeAt(s))) continue;
    tokenSpans[t++] = toOriginalOffset(map, s);
    tokenSpans[t++] = toOriginalEndOffset(map, spans[k + 1]!);
  }
  let tokens: Token[] | undefined;
  const sentences = splitSentences(n.text, original, toOriginal, toOriginalEnd);
  return {
    text: {
      field: name,
      original,
      normalised: n.text,
      toOriginal,
      toOriginalEnd,
      // Token objects only for a reader that asks (the label stage reads tokenSpans).
      get tokens(): Token[] {
        tokens ??= tokensOf(original, tokenSpans);
        return tokens;
      },
      tokenSpans,
      sentences,
    },
    key: lowerAscii(folded),
    boundary,
    spans,
  };
}
