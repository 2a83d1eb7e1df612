import type { DictEntry, Dictionary } from '../dict/types';
import { foldAlias } from '../dict/load';
import { matchKey } from './fold';
import { isAcronym } from './inline';
import { normalise } from './normalise';
import { isOrdinaryWord } from './words';

/**
 * Every alias of every entry in one trie over matching keys (normalised,
 * folded to Simplified, ASCII lower-cased), so one pass over a text finds
 * all of them: at each start the walk goes as deep as the text allows and
 * the longest alias that sits on word boundaries wins (台積電ADR before
 * 台積電). No per-alias search over the text.
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

/**
 * Terminal data of a trie node: what the spelling ending there names.
 * Nodes are integers; transitions live in one Map keyed by
 * `node * 65536 + code unit`, so a dictionary of 50,000 entries is a Map of
 * numbers rather than half a million small Maps for the collector to walk.
 */
interface Terminal {
  ids: string[];
  ambiguous: Set<string>;
  /** The alias is short upper-case Latin (AMD, NVDA): match it only in upper case. */
  exactCase?: string;
}

export interface AliasIndex {
  find(normalised: string, key: string, boundary: Uint8Array): AliasHit[];
  /** Every surface form indexed (for the segmenter's dictionary). */
  forms(): string[];
  /** The forms the segmenter should weigh lightly: short names from imported listings only. */
  weakForms(): string[];
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Names of an entry: the display name and every alias, without blanks. */
export function namesOf(e: DictEntry): string[] {
  return [e.name, ...e.aliases].filter((a) => a.trim().length > 0);
}

/**
 * Imported exchange listings carry no ambiguity marks, and short names are
 * often ordinary words (統一, 大同, 中華) or English ones (Delta, Acer): such
 * a spelling of an imported entry is treated as ambiguous, needing evidence
 * like any the dictionary marks. Entries written by hand are taken as marked.
 */
function importedOrdinary(e: DictEntry, norm: string, key: string): boolean {
  if (!e.source.startsWith('import:')) return false;
  if (/^[\u3400-\u9fff]{2,3}$/.test(norm)) return isOrdinaryWord(key);
  return /^[A-Z][a-z]{1,5}$/.test(norm);
}

/**
 * A company's upper-case abbreviation that is also a common acronym (AIDC
 * of 漢翔, also an AI data centre; CTCI of 中鼎) needs evidence like a marked
 * spelling; a ticker symbol (NVDA, AMD) names its company as printed.
 */
function acronymAlias(e: DictEntry, norm: string): boolean {
  if (!e.ticker || !isAcronym(norm)) return false;
  return ![e.ticker, ...(e.listings ?? [])].some((t) => t.code.toUpperCase() === norm);
}

/** Build the index over every name of every dictionary entry. */
export function buildAliasIndex(dict: Dictionary): AliasIndex {
  const next = new Map<number, number>();
  const terminals = new Map<number, Terminal>();
  // Code units that begin some alias: most positions of a text fail this test.
  const first = new Uint8Array(65536);
  let nodes = 1;
  const forms = new Set<string>();
  const strong = new Set<string>();
  for (const e of dict.entries) {
    for (const name of namesOf(e)) {
      const trimmed = name.trim();
      // Most names need no normalising (plain ASCII and Han); skip the copy.
      const norm = /[^\x20-\x7e\u3400-\u9fff]/.test(trimmed) ? normalise(trimmed).text : trimmed;
      // Single Latin letters and one-character names are noise, not names.
      if (norm.length < 2) continue;
      forms.add(norm);
      // A short Han name from an imported listing is kept whole only where jieba would cut it
      // anyway: given the weight of a curated name it cuts words apart (兆元成長 → 元成).
      if (!(e.source.startsWith('import:') && /^[\u3400-\u9fff]{2,3}$/.test(norm))) strong.add(norm);
      const key = matchKey(norm);
      first[key.charCodeAt(0)] = 1;
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const k = node * 65536 + key.charCodeAt(i);
        let n = next.get(k);
        if (n === undefined) {
          n = nodes++;
          next.set(k, n);
        }
        node = n;
      }
      let t = terminals.get(node);
      if (!t) {
        t = { ids: [], ambiguous: new Set() };
        terminals.set(node, t);
      }
      if (!t.ids.includes(e.id)) t.ids.push(e.id);
      if (e.ambiguous || e.ambiguousAliases?.includes(name) || dict.ambiguousForms?.has(foldAlias(name)) || importedOrdinary(e, norm, key) || acronymAlias(e, norm)) t.ambiguous.add(e.id);
      if (/^[A-Z0-9&.-]{2,4}$/.test(norm)) t.exactCase = norm;
    }
  }

  const table = compileTransitions(next);
  const terminalOf: Array<Terminal | undefined> = new Array<Terminal | undefined>(nodes).fill(undefined);
  for (const [node, t] of terminals) terminalOf[node] = t;

  function okStart(key: string, boundary: Uint8Array, s: number): boolean {
    const c = key.charCodeAt(s);
    if (isAsciiAlnum(c)) return s === 0 || !isAsciiAlnum(key.charCodeAt(s - 1));
    return boundary[s] === 1;
  }
  function okEnd(key: string, boundary: Uint8Array, e: number): boolean {
    const c = key.charCodeAt(e - 1);
    if (isAsciiAlnum(c)) return e === key.length || !isAsciiAlnum(key.charCodeAt(e));
    return boundary[e] === 1;
  }

  return {
    forms: () => [...forms],
    weakForms: () => [...forms].filter((f) => !strong.has(f)),
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
          const n = table.child(node, key.charCodeAt(j));
          if (n === 0) break;
          node = n;
          const t = terminalOf[node];
          if (!t) continue;
          const end = j + 1;
          if (!okEnd(key, boundary, end)) continue;
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

/**
 * The trie's transitions as an open-addressing hash table over typed
 * arrays, built once from the build-time Map. Looking up `node * 65536 + c`
 * in a Map boxes a heap number once nodes pass 16,384 (the key leaves the
 * small-integer range), which made the Map the tagger's hottest spot and a
 * steady source of garbage; here a lookup allocates nothing.
 */
interface Transitions {
  /** The child of `node` under code unit `c`, or 0 (the root is never a child). */
  child(node: number, c: number): number;
}

function slotOf(node: number, c: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}

function compileTransitions(next: ReadonlyMap<number, number>): Transitions {
  let size = 16;
  while (size < next.size * 2) size *= 2;
  const mask = size - 1;
  const nodeAt = new Int32Array(size);
  const charAt = new Uint16Array(size);
  const childAt = new Int32Array(size);
  for (const [k, child] of next) {
    const node = Math.floor(k / 65536);
    const c = k - node * 65536;
    let i = slotOf(node, c, mask);
    while (childAt[i] !== 0) i = (i + 1) & mask;
    nodeAt[i] = node;
    charAt[i] = c;
    childAt[i] = child;
  }
  return {
    child(node, c) {
      for (let i = slotOf(node, c, mask); ; i = (i + 1) & mask) {
        const ch = childAt[i]!;
        if (ch === 0) return 0;
        if (nodeAt[i] === node && charAt[i] === c) return ch;
      }
    },
  };
}
