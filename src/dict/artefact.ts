import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cacheDir, decodeSections, encodeSections, readCached, type SectionKind, writeCached } from '../text/sections';
import { tickerKey } from './markets';
import type { CompiledAliasIndex, CompiledDictionary } from './compile';
import type { DictEntry } from './types';

/**
 * The compiled dictionary on disk (issue 15): one file per dictionary
 * version (the hash of every source file's name and bytes) and compiler, so
 * a stale one is never read. Layout: 8 bytes of magic, a 4-byte header
 * length, a small JSON header saying where each section lies, then the
 * sections, each at a multiple of 8: typed arrays (read as views of the
 * file's bytes, no copy, no parse) and UTF-8 texts. The entries are one
 * JSON text per line with an offset table, parsed one by one when the
 * tagger first asks for an entry; the spellings the tools use are decoded
 * only if asked for; the segmenter's words go to jieba as bytes.
 *
 * Compiled files live in a cache directory (`node_modules/.cache/newsflow`
 * of the checkout; file format: src/text/sections.ts); `newsflow dict
 * build` writes one, and a load that finds none compiles and writes it.
 */
const MAGIC = 'NFDICT\u0000\u0003';
/** Bump when the compiled layout or what compiling computes changes. */
export const FORMAT = 3;

const KEEP = 12;

export { cacheDir };

const require = createRequire(import.meta.url);
// What compiling depends on besides the dictionary files: the code that
// compiles, the folding tables and the versions of jieba (whose word list
// decides ordinary words) and OpenCC. A change to any of them makes a new
// artefact name, so an artefact is never read by code that would compile
// it differently.
const INPUTS = ['./compile.ts', './artefact.ts', '../text/sections.ts', '../text/trie.ts', '../text/fold.ts', '../text/data/script-fold.txt', '../text/jieba-words.ts', '../text/normalise.ts', '../nlp/data/acronyms.txt'];
let fingerprint: string | undefined;

function compilerFingerprint(): string {
  if (fingerprint === undefined) {
    const h = createHash('sha256').update(String(FORMAT));
    for (const f of INPUTS) {
      try {
        h.update(readFileSync(new URL(f, import.meta.url)));
      } catch {
        h.update(`-${f}`);
      }
    }
    try {
      h.update((require('@node-rs/jieba/package.json') as { version: string }).version);
    } catch {
      h.update('-jieba');
    }
    fingerprint = h.digest('hex').slice(0, 8);
  }
  return fingerprint;
}

/** The artefact's file name for a dictionary version (and this compiler). */
export function artefactName(version: string): string {
  return `dictionary-f${FORMAT}-${compilerFingerprint()}-${version}.bin`;
}

interface Header {
  format: number;
  version: string;
  nodes: number;
  count: number;
}

/** A dictionary read from an artefact: ids and tables now, entries on demand. */
export interface LoadedDictionary {
  version: string;
  count: number;
  ids: readonly string[];
  /** The entry at an index, parsed on first use. */
  entry(i: number): DictEntry;
  /** `byTicker` keys and the entry index each names (first listed wins). */
  tickers: ReadonlyMap<string, number>;
  formText(): string[];
  formEntry: Int32Array;
  ambiguousKeys(): string[];
  alias: CompiledAliasIndex;
}

const enc = new TextEncoder();

/** Serialise a compiled dictionary. */
export function encodeArtefact(c: CompiledDictionary): Buffer {
  const lines = c.entries.map((e) => Buffer.from(JSON.stringify(e), 'utf8'));
  const entryOffsets = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) entryOffsets[i + 1] = entryOffsets[i]! + lines[i]!.length;
  const tickerKeys: string[] = [];
  const tickerEntry: number[] = [];
  const seen = new Set<string>();
  c.entries.forEach((e, i) => {
    for (const t of [...(e.ticker ? [e.ticker] : []), ...(e.listings ?? [])]) {
      const k = tickerKey(t);
      if (seen.has(k)) continue;
      seen.add(k);
      tickerKeys.push(k);
      tickerEntry.push(i);
    }
  });
  const a = c.alias;
  const parts: Array<[string, SectionKind, Uint8Array | Int32Array | Uint16Array]> = [
    ['nodeAt', 'i32', a.trie.nodeAt],
    ['charAt', 'u16', a.trie.charAt],
    ['childAt', 'i32', a.trie.childAt],
    ['termNode', 'i32', a.termNode],
    ['termStart', 'i32', a.termStart],
    ['termEntry', 'i32', a.termEntry],
    ['termAmbiguous', 'u8', a.termAmbiguous],
    ['termExact', 'i32', a.termExact],
    ['formEntry', 'i32', c.formEntry],
    ['entryOffsets', 'i32', entryOffsets],
    ['tickerEntry', 'i32', Int32Array.from(tickerEntry)],
    ['entries', 'utf8', Buffer.concat(lines)],
    ['ids', 'utf8', enc.encode(c.entries.map((e) => e.id).join('\n'))],
    ['tickerKeys', 'utf8', enc.encode(tickerKeys.join('\n'))],
    ['formText', 'utf8', enc.encode(c.formText.join('\n'))],
    ['ambiguousKeys', 'utf8', enc.encode(c.ambiguousKeys.join('\n'))],
    ['exactCase', 'utf8', enc.encode(a.exactCase.join('\n'))],
    ['segmenterWords', 'utf8', typeof a.segmenterWords === 'string' ? enc.encode(a.segmenterWords) : a.segmenterWords],
  ];
  const header: Header = { format: FORMAT, version: c.version, nodes: a.trie.nodes, count: c.entries.length };
  return encodeSections(MAGIC, header, parts);
}

const lines = (s: string): string[] => (s ? s.split('\n') : []);

/** Read a compiled dictionary back; undefined when the bytes are not one of this format and version. */
export function decodeArtefact(bytes: Buffer, version: string): LoadedDictionary | undefined {
  const f = decodeSections<Header>(bytes, MAGIC);
  if (!f || f.fields.format !== FORMAT || f.fields.version !== version) return undefined;
  const { count, nodes } = f.fields;
  try {
    const offsets = f.i32('entryOffsets');
    const entryBytes = f.u8('entries');
    const parsed: Array<DictEntry | undefined> = new Array<DictEntry | undefined>(count);
    const tickerKeys = lines(f.text('tickerKeys'));
    const tickerEntry = f.i32('tickerEntry');
    const tickers = new Map<string, number>();
    tickerKeys.forEach((k, i) => tickers.set(k, tickerEntry[i]!));
    const ids = lines(f.text('ids'));
    return {
      version,
      count,
      ids,
      entry(i) {
        let e = parsed[i];
        if (!e) {
          e = JSON.parse(Buffer.from(entryBytes.buffer, entryBytes.byteOffset + offsets[i]!, offsets[i + 1]! - offsets[i]!).toString('utf8')) as DictEntry;
          parsed[i] = e;
        }
        return e;
      },
      tickers,
      formText: () => lines(f.text('formText')),
      formEntry: f.i32('formEntry'),
      ambiguousKeys: () => lines(f.text('ambiguousKeys')),
      alias: {
        trie: { nodeAt: f.i32('nodeAt'), charAt: f.u16('charAt'), childAt: f.i32('childAt'), nodes },
        termNode: f.i32('termNode'),
        termStart: f.i32('termStart'),
        termEntry: f.i32('termEntry'),
        termAmbiguous: f.u8('termAmbiguous'),
        termExact: f.i32('termExact'),
        exactCase: lines(f.text('exactCase')),
        ids,
        segmenterWords: f.u8('segmenterWords'),
      },
    };
  } catch {
    return undefined;
  }
}

/** The compiled dictionary of `version` from the cache, if there is one. */
export function readArtefact(version: string, dir = cacheDir()): LoadedDictionary | undefined {
  const bytes = readCached(artefactName(version), dir);
  return bytes ? decodeArtefact(bytes, version) : undefined;
}

/**
 * Write a compiled dictionary to the cache and drop all but the newest few.
 * Returns the path, or undefined when the cache cannot be written (a
 * read-only install compiles at every start instead).
 */
export function writeArtefact(c: CompiledDictionary, dir = cacheDir()): string | undefined {
  return writeCached(artefactName(c.version), encodeArtefact(c), 'dictionary-', KEEP, dir);
}
