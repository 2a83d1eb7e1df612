import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict';
import { loadDictionary, SHIPPED_DICT_DIR } from '../src/dict/load';
import { noNovelty } from '../src/label/index';
import { buildAliasIndex } from '../src/nlp/aliases';
import { foldScript } from '../src/text/fold';
import { normalise } from '../src/text/normalise';
import { createSegmenter } from '../src/nlp/segment';
import { loadNlp } from '../src/runtime/nlp';
import { analyse } from '../src/stages/analyse';
import type { Article } from '../src/types';
import { textSize } from './corpus';

export interface Rate {
  ms: number;
  charsPerSec: number;
  articlesPerSec: number;
}

export interface AnalyseResult {
  corpus: { articles: number; chars: number; utf8Bytes: number; avgChars: number };
  /** normalise → segment → tag → label (`analyse()` from src/stages/analyse.ts, no novelty store). */
  analyse: Rate;
  /** `Jieba.withDict(dict)` from @node-rs/jieba/dict, `cut(text, true)` on the original title and body. */
  rawPlain: Rate;
  /**
   * The segmenter the tagger builds (shipped jieba dictionary + Taiwanese
   * vocabulary + every dictionary alias, src/nlp/segment.ts) cutting the
   * normalised, script-folded text it is given inside analyse.
   */
  rawTagger: Rate;
  ratioPlain: number;
  ratioTagger: number;
  /** In-process cost of `loadNlp` (dictionary + tagger) before the loop. */
  loadNlpMs: number;
}

function rate(ms: number, chars: number, articles: number): Rate {
  return { ms: Math.round(ms), charsPerSec: Math.round((chars / ms) * 1000), articlesPerSec: round1((articles / ms) * 1000) };
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Analyse throughput against the raw segmenters on the same text in the same
 * process. The corpus is cut into `rounds` slices and the three contenders
 * take turns on each slice, so a burst of load from elsewhere on a shared
 * machine falls on all three rather than on one of them.
 */
export async function benchAnalyse(corpus: Article[], rounds = 6): Promise<AnalyseResult> {
  const t0 = performance.now();
  const { nlp, dictionaryVersion } = loadNlp({ dictPath: '' });
  const loadNlpMs = performance.now() - t0;

  const plain = Jieba.withDict(jiebaDict);
  // The same words createNlp gives its segmenter (loadNlp's instance is private to it).
  const tagger = createSegmenter(buildAliasIndex(loadDictionary([SHIPPED_DICT_DIR])).segmenterWords());
  const folded = corpus.map((a) => [foldScript(normalise(a.title).text), foldScript(normalise(a.body).text)] as const);
  const deps = { nlp, dictionaryVersion, novelty: noNovelty };

  // Warm-up: JIT and the per-character caches, on the fixtures only.
  for (const a of corpus.slice(0, 10)) {
    await analyse(a, deps);
    plain.cut(a.body, true);
  }
  for (const f of folded.slice(0, 10)) tagger.cut(f[1]);

  let tPlain = 0;
  let tTagger = 0;
  let tAnalyse = 0;
  let sink = 0;
  const per = Math.ceil(corpus.length / rounds);
  for (let r = 0; r < rounds; r++) {
    const slice = corpus.slice(r * per, (r + 1) * per);
    const fslice = folded.slice(r * per, (r + 1) * per);
    let t = performance.now();
    for (const a of slice) sink += plain.cut(a.title, true).length + plain.cut(a.body, true).length;
    tPlain += performance.now() - t;
    t = performance.now();
    for (const [title, body] of fslice) sink += tagger.cut(title).length + tagger.cut(body).length;
    tTagger += performance.now() - t;
    t = performance.now();
    for (const a of slice) sink += (await analyse(a, deps)).entities.length;
    tAnalyse += performance.now() - t;
  }
  if (sink < 0) throw new Error('unreachable');

  const { chars, bytes } = textSize(corpus);
  const n = corpus.length;
  return {
    corpus: { articles: n, chars, utf8Bytes: bytes, avgChars: Math.round(chars / n) },
    analyse: rate(tAnalyse, chars, n),
    rawPlain: rate(tPlain, chars, n),
    rawTagger: rate(tTagger, chars, n),
    ratioPlain: Math.round((tPlain / tAnalyse) * 1000) / 1000,
    ratioTagger: Math.round((tTagger / tAnalyse) * 1000) / 1000,
    loadNlpMs: Math.round(loadNlpMs),
  };
}
