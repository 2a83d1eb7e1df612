import { type CompiledAliasIndex, compileAliasIndex } from '../dict/compile';
import type { Dictionary } from '../dict/types';
import { Trie } from '../text/trie';

export { namesOf } from '../dict/compile';

/**
 * Every alias of every entry in one trie over matching keys (normalised,
 * folded to Simplified, ASCII lower-cased), so one pass over a text finds
 * all of them: at each start the walk goes as deep as the text allows and
 * the longest alias that sits on word boundaries wins (台積電ADR before
 * 台積電). No per-alias search over the text. The trie and its terminals
 * are compiled with the dictionary (src/dict/compile.ts) and used here as
 * they are.
 */
export interface AliasHit {
  /** Normalised offsets of the alias in the text. */
  start: number;
  end: number;
  /** Entry ids the alias names (usually one). */
  ids: readonly string[];
  /** Those of `ids` for which this spelling is also an ordinary word or another thing: tag only with evidence. */
  ambiguous: ReadonlySet<string>;
}

/** What the spelling ending at a terminal node names. */
interface Terminal {
  ids: string[];
  ambiguous: Set<string>;
  /** The alias is short upper-case Latin (AMD, NVDA): match it only in upper case. */
  exactCase?: string;
}

export interface AliasIndex {
  find(normalised: string, key: string, boundary: Uint8Array): AliasHit[];
  /** jieba user-dictionary lines for every spelling (the segmenter keeps them whole). */
  segmenterWords(): string | Uint8Array;
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The index over every name of every dictionary entry: the compiled one, or compiled now for a dictionary built in memory. */
export function buildAliasIndex(dict: Dictionary): AliasIndex {
  const c: CompiledAliasIndex = dict.compiled ?? compileAliasIndex(dict.entries, dict.ambiguousForms ?? new Set());
  const trie = new Trie(c.trie);
  const first = trie.starts;
  // Node → terminal number + 1; terminal objects are made on first hit, and
  // the same object is handed out every time (tag.ts memoises on `ids`).
  const termOf = new Int32Array(c.trie.nodes);
  for (let t = 0; t < c.termNode.length; t++) termOf[c.termNode[t]!] = t + 1;
  const made: Array<Terminal | undefined> = new Array<Terminal | undefined>(c.termNode.length);
  const terminal = (t: number): Terminal => {
    let x = made[t];
    if (!x) {
      x = { ids: [], ambiguous: new Set() };
      for (let k = c.termStart[t]!; k < c.termStart[t + 1]!; k++) {
        const id = c.ids[c.termEntry[k]!]!;
        x.ids.push(id);
        if (c.termAmbiguous[k] === 1) x.ambiguous.add(id);
      }
      const ex = c.termExact[t]!;
      if (ex >= 0) x.exactCase = c.exactCase[ex];
      made[t] = x;
    }
    return x;
  };

  function okStart(key: string, boundary: Uint8Array, s: number): boolean {
    const ch = key.charCodeAt(s);
    if (isAsciiAlnum(ch)) return s === 0 || !isAsciiAlnum(key.charCodeAt(s - 1));
    return boundary[s] === 1;
  }
  function okEnd(key: string, boundary: Uint8Array, e: number): boolean {
    const ch = key.charCodeAt(e - 1);
    if (isAsciiAlnum(ch)) return e === key.length || !isAsciiAlnum(key.charCodeAt(e));
    return boundary[e] === 1;
  }

  return {
    segmenterWords: () => c.segmenterWords,
    find(normalised, key, boundary) {
      const hits: AliasHit[] = [];
      let i = 0;
      while (i < key.length) {
        if (first[key.charCodeAt(i)] === 0 || !okStart(key, boundary, i)) {
          i++;
          continue;
        }
        let node = 0;
        let best: AliasHit | null = null;
        for (let j = i; j < key.length; j++) {
          const n = trie.child(node, key.charCodeAt(j));
          if (n === 0) break;
          node = n;
          const tn = termOf[node]!;
          if (tn === 0) continue;
          const end = j + 1;
          if (!okEnd(key, boundary, end)) continue;
          const t = terminal(tn - 1);
          if (t.exactCase && normalised.slice(i, end) !== t.exactCase) continue;
          best = { start: i, end, ids: t.ids, ambiguous: t.ambiguous };
        }
        if (best) {
          hits.push(best);
          i = best.end;
        } else i++;
      }
      return hits;
    },
  };
}
