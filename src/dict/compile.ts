import { normalise } from '../text/normalise';
import { foldAlias, foldScript, matchKey } from '../text/fold';
import { isOrdinaryWord } from '../text/jieba-words';
import { readWordList } from '../text/lists';
import { releaseConverters, scriptVariants } from '../text/opencc';
import { TrieBuilder, type TrieTables } from '../text/trie';
import { tickerKey } from './markets';
import type { LocatedEntry } from './parse';
import type { DictEntry } from './types';

/**
 * Compiling a dictionary: everything a worker needs from the entries that
 * costs more than reading them, computed once (issue 15) and written to an
 * artefact (artefact.ts) that later loads read as it is:
 *
 * - which entries are in (an earlier directory wins per id and per ticker);
 * - every spelling with its Traditional/Simplified variants (OpenCC, the
 *   one costly step; the converters are let go afterwards), which spelling
 *   belongs to whom (an earlier directory's and a hand-written entry's
 *   spellings are not given to others), and which need evidence;
 * - the alias trie over matching keys with its terminals, and the words the
 *   segmenter must keep whole.
 */
export interface CompiledDictionary {
  version: string;
  entries: DictEntry[];
  /** Spellings as written or converted (`forms`), each with the index of its entry. */
  formText: string[];
  formEntry: Int32Array;
  /** `foldAlias` keys of spellings that need evidence. */
  ambiguousKeys: string[];
  alias: CompiledAliasIndex;
}

/** The alias index of the tagger (src/nlp/aliases.ts) as tables. */
export interface CompiledAliasIndex {
  trie: TrieTables;
  /** Terminal nodes, ascending, with their entries in `termEntry[termStart[t] .. termStart[t+1])`. */
  termNode: Int32Array;
  termStart: Int32Array;
  termEntry: Int32Array;
  /** 1 where that entry needs evidence under this spelling. */
  termAmbiguous: Uint8Array;
  /** Per terminal: index into `exactCase` of the only case it matches in (AMD, NVDA), or -1. */
  termExact: Int32Array;
  exactCase: string[];
  /** Entry ids by entry index (what `termEntry` points at). */
  ids: readonly string[];
  /** jieba user-dictionary lines (`word freq tag`), every spelling folded; UTF-8 bytes when read from an artefact. */
  segmenterWords: string | Uint8Array;
}

/** Names of an entry: the display name and every alias, without blanks. */
export function namesOf(e: DictEntry): string[] {
  return [e.name, ...e.aliases].filter((a) => a.trim().length > 0);
}

function isImportedEntry(e: DictEntry): boolean {
  return e.source.startsWith('import:');
}

/**
 * Imported exchange listings may carry no ambiguity marks, and short names
 * are often ordinary words (統一, 大同, 中華) or English ones (Delta, Acer):
 * such a spelling of an imported entry is treated as ambiguous, needing
 * evidence like any the dictionary marks. Entries written by hand are taken
 * as marked.
 */
function importedOrdinary(e: DictEntry, norm: string, key: string): boolean {
  if (!isImportedEntry(e)) return false;
  if (/^[\u3400-\u9fff]{2,3}$/.test(norm)) return isOrdinaryWord(key);
  return /^[A-Z][a-z]{1,5}$/.test(norm);
}

// A company's upper-case abbreviation that is also a common acronym (AIDC of
// 漢翔, also an AI data centre; CTCI of 中鼎) needs evidence like a marked
// spelling; a ticker symbol (NVDA, AMD) names its company as printed.
const ACRONYMS = new Set(readWordList(new URL('../nlp/data/acronyms.txt', import.meta.url)));

function acronymAlias(e: DictEntry, norm: string): boolean {
  if (!e.ticker || !ACRONYMS.has(norm)) return false;
  return ![e.ticker, ...(e.listings ?? [])].some((t) => t.code.toUpperCase() === norm);
}

const DEFAULT_FREQ = 200000;
const LISTING_FREQ = 1000;

/**
 * How strongly the segmenter should keep a spelling whole. Spellings written
 * by hand win over jieba's own words (台積電, 世芯-KY, CoWoS stay whole).
 * Imported listing names must not: thousands of short names at that weight
 * cut ordinary text wrongly (受惠光模組 became 受/惠光/模組, a false 惠光
 * 6508), so a name of three or more units gets a modest weight and a
 * two-unit one none (it still matches where jieba's own cut leaves it
 * whole or in single characters).
 */
function segmenterFreq(e: DictEntry, norm: string, ambiguous: boolean): number {
  // A spelling that needs evidence is an ordinary word as often as a name:
  // jieba's own cut decides (台灣大型 is 台灣/大型, not 台灣大/型).
  if (ambiguous && norm.length <= 3) return 0;
  if (!isImportedEntry(e)) return DEFAULT_FREQ;
  return norm.length >= 3 ? LISTING_FREQ : 0;
}

/** Compile validated layers (highest priority first). */
export function compileDictionary(layers: LocatedEntry[][], version: string): CompiledDictionary {
  const entries: DictEntry[] = [];
  // Priority of an entry's spellings: its layer, hand-written before imported.
  const rank: number[] = [];
  const seen = new Set<string>();
  const byTicker = new Set<string>();
  layers.forEach((layer, li) => {
    for (const { entry } of layer) {
      if (seen.has(entry.id)) continue;
      const tickers = [...(entry.ticker ? [entry.ticker] : []), ...(entry.listings ?? [])].map(tickerKey);
      // A listing of a company an earlier directory already has under another
      // id (HKEX:09988 is a second listing of US:BABA) is the same company.
      if (li > 0 && tickers.some((k) => byTicker.has(k))) continue;
      for (const k of tickers) byTicker.add(k);
      seen.add(entry.id);
      entries.push(entry);
      rank.push(li * 2 + (isImportedEntry(entry) ? 1 : 0));
    }
  });

  // Convert every written form in one batch: per-form calls dominate.
  const written = entries.map((e) => [...new Set([e.name, ...e.aliases])]);
  const variants = scriptVariants(written.flat());
  releaseConverters();
  const owner = new Map<string, number[]>();
  const formText: string[] = [];
  const formEntry: number[] = [];
  const ambiguous = new Set<string>();
  // Spellings in priority order, so that an owner is always seen first.
  const order = entries.map((_, i) => i).sort((a, b) => rank[a]! - rank[b]! || a - b);
  const firstForm: number[] = [];
  let k = 0;
  for (let i = 0; i < entries.length; i++) {
    firstForm.push(k);
    k += written[i]!.length;
  }
  for (const ei of order) {
    const e = entries[ei]!;
    const ambiguousWritten = e.ambiguousAliases ? new Set(e.ambiguousAliases) : undefined;
    written[ei]!.forEach((form, fi) => {
      const vs = variants[firstForm[ei]! + fi]!;
      for (let v = -1; v < vs.length; v++) {
        const f = v < 0 ? form : vs[v]!;
        const key = foldAlias(f);
        const ids = owner.get(key);
        // A spelling already used at a higher priority stays with it.
        if (ids && rank[ids[0]!]! < rank[ei]!) continue;
        if (!ids) owner.set(key, [ei]);
        else if (!ids.includes(ei)) ids.push(ei);
        formText.push(f);
        formEntry.push(ei);
        if (e.ambiguous || ambiguousWritten?.has(form)) ambiguous.add(key);
      }
    });
  }
  for (const [key, ids] of owner) if (ids.length > 1) ambiguous.add(key);
  return { version, entries, formText, formEntry: Int32Array.from(formEntry), ambiguousKeys: [...ambiguous], alias: compileAliasIndex(entries, ambiguous) };
}

/**
 * The alias trie over the matching keys (normalised, folded to Simplified,
 * ASCII lower-cased) of every name of every entry, so one pass over a text
 * finds all of them (src/nlp/aliases.ts walks it).
 */
export function compileAliasIndex(entries: readonly DictEntry[], ambiguousForms: ReadonlySet<string>): CompiledAliasIndex {
  const trie = new TrieBuilder();
  const terms = new Map<number, { ids: number[]; amb: number[]; exact?: string }>();
  // Spelling → jieba frequency in the segmenter (the highest of its entries').
  const forms = new Map<string, number>();
  entries.forEach((e, ei) => {
    for (const name of namesOf(e)) {
      const trimmed = name.trim();
      // Most names need no normalising (plain ASCII and Han); skip the copy.
      const norm = /[^\x20-\x7e\u3400-\u9fff]/.test(trimmed) ? normalise(trimmed).text : trimmed;
      // Single Latin letters and one-character names are noise, not names.
      if (norm.length < 2) continue;
      const key = matchKey(norm);
      const ambiguous = Boolean(e.ambiguous || e.ambiguousAliases?.includes(name) || ambiguousForms.has(foldAlias(name)) || importedOrdinary(e, norm, key) || acronymAlias(e, norm));
      const freq = segmenterFreq(e, norm, ambiguous);
      if (freq > (forms.get(norm) ?? 0)) forms.set(norm, freq);
      const node = trie.add(key);
      let t = terms.get(node);
      if (!t) {
        t = { ids: [], amb: [] };
        terms.set(node, t);
      }
      let at = t.ids.indexOf(ei);
      if (at < 0) {
        at = t.ids.push(ei) - 1;
        t.amb.push(0);
      }
      if (ambiguous) t.amb[at] = 1;
      if (/^[A-Z0-9&.-]{2,4}$/.test(norm)) t.exact = norm;
    }
  });
  const nodes = [...terms.keys()].sort((a, b) => a - b);
  const termStart = new Int32Array(nodes.length + 1);
  const termEntry: number[] = [];
  const termAmbiguous: number[] = [];
  const termExact = new Int32Array(nodes.length).fill(-1);
  const exactCase: string[] = [];
  nodes.forEach((node, ti) => {
    const t = terms.get(node)!;
    termStart[ti] = termEntry.length;
    termEntry.push(...t.ids);
    termAmbiguous.push(...t.amb);
    if (t.exact !== undefined) termExact[ti] = exactCase.push(t.exact) - 1;
  });
  termStart[nodes.length] = termEntry.length;
  const lines: string[] = [];
  for (const [f, freq] of forms) {
    // jieba's dictionary format is space-separated, so a word with a space
    // cannot be one entry; the alias matcher handles those on its own.
    const w = foldScript(f.normalize('NFKC')).trim();
    if (freq > 0 && w && !/\s/.test(w)) lines.push(`${w} ${freq} nz`);
  }
  return {
    trie: trie.tables(),
    termNode: Int32Array.from(nodes),
    termStart,
    termEntry: Int32Array.from(termEntry),
    termAmbiguous: Uint8Array.from(termAmbiguous),
    termExact,
    exactCase,
    ids: entries.map((e) => e.id),
    segmenterWords: lines.join('\n'),
  };
}
