import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * of the checkout); `newsflow dict build` writes one, and a load that finds
 * none compiles and writes it.
 */
const MAGIC = 'NFDICT\u0000\u0003';
/** Bump when the compiled layout or what compiling computes changes. */
export const FORMAT = 3;

const KEEP = 12;

/** Where compiled dictionaries are kept. */
export function cacheDir(): string {
  return fileURLToPath(new URL('../../node_modules/.cache/newsflow', import.meta.url));
}

const require = createRequire(import.meta.url);
// What compiling depends on besides the dictionary files: the code that
// compiles, the folding tables and the versions of jieba (whose word list
// decides ordinary words) and OpenCC. A change to any of them makes a new
// artefact name, so an artefact is never read by code that would compile
// it differently.
const INPUTS = ['./compile.ts', './artefact.ts', '../text/trie.ts', '../text/fold.ts', '../text/data/script-fold.txt', '../text/jieba-words.ts', '../text/normalise.ts'];
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

type Kind = 'i32' | 'u16' | 'u8' | 'utf8';
interface Section {
  name: string;
  kind: Kind;
  offset: number;
  /** Elements (bytes for utf8). */
  length: number;
}
interface Header {
  format: number;
  version: string;
  nodes: number;
  count: number;
  sections: Section[];
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
  const parts: Array<[string, Kind, Uint8Array | Int32Array | Uint16Array]> = [
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
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, kind, arr] of parts) {
    sections.push({ name, kind, offset, length: kind === 'utf8' ? arr.byteLength : arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const header: Header = { format: FORMAT, version: c.version, nodes: a.trie.nodes, count: c.entries.length, sections };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((12 + head.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  parts.forEach(([, , arr], i) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, start + sections[i]!.offset));
  return out;
}

const lines = (s: string): string[] => (s ? s.split('\n') : []);

/** Read a compiled dictionary back; undefined when the bytes are not one of this format and version. */
export function decodeArtefact(bytes: Buffer, version: string): LoadedDictionary | undefined {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) return undefined;
  const len = bytes.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + len)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.version !== version) return undefined;
  const start = Math.ceil((12 + len) / 8) * 8;
  // Views need the file's bytes on an 8-byte boundary; a pooled Buffer may not be.
  const base = (bytes.byteOffset + start) % 8 === 0 ? bytes : Buffer.from(bytes);
  const at = new Map(header.sections.map((s) => [s.name, s]));
  const view = (name: string): Int32Array | Uint16Array | Uint8Array => {
    const s = at.get(name);
    if (!s) throw new Error(`artefact lacks section ${name}`);
    const o = base.byteOffset + start + s.offset;
    const size = s.kind === 'i32' ? 4 : s.kind === 'u16' ? 2 : 1;
    if (start + s.offset + s.length * size > base.length) throw new Error(`artefact section ${name} runs past the end`);
    const buf = base.buffer as ArrayBuffer;
    return s.kind === 'i32' ? new Int32Array(buf, o, s.length) : s.kind === 'u16' ? new Uint16Array(buf, o, s.length) : new Uint8Array(buf, o, s.length);
  };
  const text = (name: string): string => Buffer.from(view(name) as Uint8Array).toString('utf8');
  let out: LoadedDictionary;
  try {
    const offsets = view('entryOffsets') as Int32Array;
    const entryBytes = view('entries') as Uint8Array;
    const parsed: Array<DictEntry | undefined> = new Array<DictEntry | undefined>(header.count);
    const tickerKeys = lines(text('tickerKeys'));
    const tickerEntry = view('tickerEntry') as Int32Array;
    const tickers = new Map<string, number>();
    tickerKeys.forEach((k, i) => tickers.set(k, tickerEntry[i]!));
    const ids = lines(text('ids'));
    out = {
      version: header.version,
      count: header.count,
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
      formText: () => lines(text('formText')),
      formEntry: view('formEntry') as Int32Array,
      ambiguousKeys: () => lines(text('ambiguousKeys')),
      alias: {
        trie: { nodeAt: view('nodeAt') as Int32Array, charAt: view('charAt') as Uint16Array, childAt: view('childAt') as Int32Array, nodes: header.nodes },
        termNode: view('termNode') as Int32Array,
        termStart: view('termStart') as Int32Array,
        termEntry: view('termEntry') as Int32Array,
        termAmbiguous: view('termAmbiguous') as Uint8Array,
        termExact: view('termExact') as Int32Array,
        exactCase: lines(text('exactCase')),
        ids,
        segmenterWords: view('segmenterWords') as Uint8Array,
      },
    };
  } catch {
    return undefined;
  }
  return out;
}

/** The compiled dictionary of `version` from the cache, if there is one. */
export function readArtefact(version: string, dir = cacheDir()): LoadedDictionary | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, artefactName(version)));
  } catch {
    return undefined;
  }
  return decodeArtefact(bytes, version);
}

/**
 * Write a compiled dictionary to the cache (through a temporary file and a
 * rename, so a process starting meanwhile never reads half of one) and drop
 * all but the newest few. Returns the path, or undefined when the cache
 * cannot be written (a read-only install compiles at every start instead).
 */
export function writeArtefact(c: CompiledDictionary, dir = cacheDir()): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, artefactName(c.version));
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeArtefact(c));
    renameSync(tmp, path);
    prune(dir);
    return path;
  } catch {
    return undefined;
  }
}

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('dictionary-') && f.endsWith('.bin'))
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) unlinkSync(join(dir, f));
}
