import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledDictionary } from './compile';
import type { DictEntry } from './types';

/**
 * The compiled dictionary on disk (issue 15): one file per dictionary
 * version (the hash of every source file's name and text), so a stale one
 * is never read. Layout: 8 bytes of magic, a 4-byte header length, a JSON
 * header (the entries, the strings, and where each typed array lies), then
 * the typed arrays, each at an offset that is a multiple of 8 so that they
 * are read as views of the file's bytes, without copying or parsing.
 *
 * Compiled files live in a cache directory (`node_modules/.cache/newsflow`
 * of the checkout, else the system's temporary directory); `newsflow dict
 * build` writes one, and a load that finds none compiles and writes it.
 */
const MAGIC = 'NFDICT\u0000\u0002';
/** Bump when the compiled layout or what compiling computes changes. */
export const FORMAT = 2;

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
const INPUTS = ['./compile.ts', './artefact.ts', '../text/data/script-fold.txt', '../text/jieba-words.ts', '../text/normalise.ts'];
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
    for (const pkg of ['@node-rs/jieba/package.json', 'opencc-js/package.json']) {
      try {
        h.update((require(pkg) as { version: string }).version);
      } catch {
        h.update(`-${pkg}`);
      }
    }
    fingerprint = h.digest('hex').slice(0, 8);
  }
  return fingerprint;
}

/** The artefact's file name for a dictionary version (and this compiler). */
export function artefactName(version: string): string {
  return `dictionary-f${FORMAT}-${compilerFingerprint()}-${version}.bin`;
}

type ArrayName = 'nodeAt' | 'charAt' | 'childAt' | 'termNode' | 'termStart' | 'termEntry' | 'termAmbiguous' | 'termExact' | 'formEntry';
type Typed = Int32Array | Uint16Array | Uint8Array;
const CTORS = { Int32Array, Uint16Array, Uint8Array } as const;

interface Header {
  format: number;
  version: string;
  nodes: number;
  entries: DictEntry[];
  formText: string;
  ambiguousKeys: string[];
  exactCase: string[];
  segmenterWords: string;
  arrays: Array<{ name: ArrayName; type: keyof typeof CTORS; offset: number; length: number }>;
}

function arraysOf(c: CompiledDictionary): Record<ArrayName, Typed> {
  const a = c.alias;
  return { nodeAt: a.trie.nodeAt, charAt: a.trie.charAt, childAt: a.trie.childAt, termNode: a.termNode, termStart: a.termStart, termEntry: a.termEntry, termAmbiguous: a.termAmbiguous, termExact: a.termExact, formEntry: c.formEntry };
}

/** Serialise a compiled dictionary. */
export function encodeArtefact(c: CompiledDictionary): Buffer {
  const arrays = arraysOf(c);
  const layout: Header['arrays'] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays) as Array<[ArrayName, Typed]>) {
    layout.push({ name, type: arr.constructor.name as keyof typeof CTORS, offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const header: Header = { format: FORMAT, version: c.version, nodes: c.alias.trie.nodes, entries: c.entries, formText: c.formText.join('\n'), ambiguousKeys: c.ambiguousKeys, exactCase: c.alias.exactCase, segmenterWords: c.alias.segmenterWords, arrays: layout };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((12 + head.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  for (const l of layout) {
    const arr = arrays[l.name];
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, start + l.offset);
  }
  return out;
}

/** Read a compiled dictionary back; undefined when the bytes are not one of this format and version. */
export function decodeArtefact(bytes: Buffer, version: string): CompiledDictionary | undefined {
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
  const a = {} as Record<ArrayName, Typed>;
  for (const l of header.arrays) {
    const Ctor = CTORS[l.type];
    if (start + l.offset + l.length * Ctor.BYTES_PER_ELEMENT > base.length) return undefined;
    a[l.name] = new Ctor(base.buffer as ArrayBuffer, base.byteOffset + start + l.offset, l.length);
  }
  return {
    version: header.version,
    entries: header.entries,
    formText: header.formText ? header.formText.split('\n') : [],
    formEntry: a.formEntry as Int32Array,
    ambiguousKeys: header.ambiguousKeys,
    alias: {
      trie: { nodeAt: a.nodeAt as Int32Array, charAt: a.charAt as Uint16Array, childAt: a.childAt as Int32Array, nodes: header.nodes },
      termNode: a.termNode as Int32Array,
      termStart: a.termStart as Int32Array,
      termEntry: a.termEntry as Int32Array,
      termAmbiguous: a.termAmbiguous as Uint8Array,
      termExact: a.termExact as Int32Array,
      exactCase: header.exactCase,
      segmenterWords: header.segmenterWords,
    },
  };
}

/** The compiled dictionary of `version` from the cache, if there is one. */
export function readArtefact(version: string, dir = cacheDir()): CompiledDictionary | undefined {
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
