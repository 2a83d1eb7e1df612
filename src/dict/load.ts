import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DictionaryError } from '../errors';
import { foldAlias } from '../text/fold';
import { type LoadedDictionary, readArtefact, writeArtefact } from './artefact';
import { type CompiledDictionary, compileDictionary } from './compile';
import { tickerKey } from './markets';
import { type LocatedEntry, parseDictText, readDictBytes } from './parse';
import type { DictEntry, Dictionary } from './types';

export { foldAlias };

/** The dictionary shipped with the package. */
export const SHIPPED_DICT_DIR = fileURLToPath(new URL('../../dict', import.meta.url));

/** Options of a load. */
export interface LoadOptions {
  /** Use and write the compiled cache (artefact.ts); default true. */
  cache?: boolean;
  /** Cache directory (default `artefact.cacheDir()`). */
  cacheDir?: string;
}

/**
 * Load the dictionary from `dirs`, earlier directories first: an entry of an
 * earlier directory wins over one with the same id in a later directory, and
 * alias forms an earlier directory uses are not given to later entities.
 *
 * The files are read and hashed at every load; when a compiled artefact of
 * that hash is in the cache it is used as it is (no parsing, validating or
 * script conversion; entries are parsed when first asked for). Otherwise
 * the files are parsed, validated and compiled, and the artefact written
 * for the next load. Throws DictionaryError naming file and line for the
 * first bad line, or for an id defined twice within one directory.
 */
export function loadDictionary(dirs: string[] = [SHIPPED_DICT_DIR], opts: LoadOptions = {}): Dictionary {
  const files = dirs.map((dir) => readDictBytes(dir));
  const version = versionOf(files);
  const cache = opts.cache ?? true;
  const hit = cache ? readArtefact(version, opts.cacheDir) : undefined;
  if (hit) return dictionaryOf(hit);
  const compiled = compileFiles(files, version);
  if (cache) writeArtefact(compiled, opts.cacheDir);
  return dictionaryOf(inMemory(compiled));
}

function compileFiles(files: Array<Array<{ file: string; bytes: Buffer }>>, version: string): CompiledDictionary {
  return compileDictionary(files.map((fs) => layerEntries(fs.map(({ file, bytes }) => parseChecked(bytes.toString('utf8'), file)))), version);
}

/** The dictionary version: hash of every file's name and bytes, in load order. */
function versionOf(files: Array<Array<{ file: string; bytes: Buffer }>>): string {
  const hash = createHash('sha256');
  for (const fs of files) for (const f of fs) hash.update(`${basename(f.file)}\n`).update(f.bytes);
  return hash.digest('hex').slice(0, 12);
}

/** The version `dirs` would load as (reads and hashes the files, nothing else). */
export function dictionaryVersion(dirs: string[]): string {
  return versionOf(dirs.map((dir) => readDictBytes(dir)));
}

function parseChecked(text: string, file: string): LocatedEntry[] {
  const f = parseDictText(text, file);
  const p = f.problems[0];
  if (p) throw new DictionaryError(f.problems.length > 1 ? `${p.message} (and ${f.problems.length - 1} more problems; run newsflow dict check)` : p.message, p.file, p.line);
  return f.entries;
}

/**
 * All entries of one directory. An id written twice by hand is an error.
 * Overlapping imported listings are normal (the same company in two exchange
 * files): among `import:` entries the first file in name order wins, and an
 * entry written by hand wins over an imported one.
 */
function layerEntries(files: LocatedEntry[][]): LocatedEntry[] {
  const seen = new Map<string, LocatedEntry>();
  for (const f of files) {
    for (const le of f) {
      const prev = seen.get(le.entry.id);
      if (!prev || (isImported(prev) && !isImported(le))) seen.set(le.entry.id, le);
      else if (!isImported(le)) throw new DictionaryError(`duplicate id "${le.entry.id}" (first defined at ${prev.file}:${prev.line})`, le.file, le.line);
    }
  }
  return [...seen.values()];
}

/** True for entries written by `dict import`. */
export function isImported(le: LocatedEntry): boolean {
  return le.entry.source.startsWith('import:');
}

/**
 * Build the dictionary from already validated layers (highest priority
 * first), compiling in memory. Exposed for tools and tests that assemble
 * entries themselves.
 */
export function buildDictionary(layers: LocatedEntry[][], version: string): Dictionary {
  return dictionaryOf(inMemory(compileDictionary(layers, version)));
}

/** A compiled dictionary as a loaded one (what an artefact would give back). */
function inMemory(c: CompiledDictionary): LoadedDictionary {
  const tickers = new Map<string, number>();
  c.entries.forEach((e, i) => {
    for (const t of [...(e.ticker ? [e.ticker] : []), ...(e.listings ?? [])]) if (!tickers.has(tickerKey(t))) tickers.set(tickerKey(t), i);
  });
  return { version: c.version, count: c.entries.length, ids: c.alias.ids, entry: (i) => c.entries[i]!, tickers, formText: () => c.formText, formEntry: c.formEntry, ambiguousKeys: () => c.ambiguousKeys, alias: c.alias };
}

/**
 * A read-only map from keys to entries by index, parsing an entry the first
 * time it is asked for: a worker touches a few hundred of 8,000 entries.
 */
class EntryMap implements ReadonlyMap<string, DictEntry> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly entry: (i: number) => DictEntry,
  ) {}
  get size(): number {
    return this.index.size;
  }
  get(key: string): DictEntry | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.entry(i);
  }
  has(key: string): boolean {
    return this.index.has(key);
  }
  *entries(): MapIterator<[string, DictEntry]> {
    for (const [k, i] of this.index) yield [k, this.entry(i)];
  }
  keys(): MapIterator<string> {
    return this.index.keys();
  }
  *values(): MapIterator<DictEntry> {
    for (const i of this.index.values()) yield this.entry(i);
  }
  forEach(fn: (value: DictEntry, key: string, map: ReadonlyMap<string, DictEntry>) => void): void {
    for (const [k, i] of this.index) fn(this.entry(i), k, this);
  }
  [Symbol.iterator](): MapIterator<[string, DictEntry]> {
    return this.entries();
  }
}

/** The Dictionary over a compiled one: indexes by id and ticker now, entries and the tools' spelling maps on first use. */
export function dictionaryOf(c: LoadedDictionary): Dictionary {
  const idIndex = new Map<string, number>();
  c.ids.forEach((id, i) => idIndex.set(id, i));
  let entries: DictEntry[] | undefined;
  let aliases: Map<string, string[]> | undefined;
  let forms: Map<string, string[]> | undefined;
  let ambiguousForms: Set<string> | undefined;
  const dict = { version: c.version, byId: new EntryMap(idIndex, c.entry), byTicker: new EntryMap(c.tickers, c.entry), compiled: c.alias } as unknown as Dictionary;
  // Only tools (dict check, the miner, tests) list every entry or look
  // spellings up by text; a worker never builds these.
  Object.defineProperties(dict, {
    entries: {
      enumerable: true,
      get(): DictEntry[] {
        entries ??= c.ids.map((_, i) => c.entry(i));
        return entries;
      },
    },
    aliases: {
      enumerable: true,
      get(): Map<string, string[]> {
        aliases ??= spellingMap(c, foldAlias);
        return aliases;
      },
    },
    forms: {
      enumerable: true,
      get(): Map<string, string[]> {
        forms ??= spellingMap(c, (s) => s);
        return forms;
      },
    },
    ambiguousForms: {
      enumerable: true,
      get(): Set<string> {
        ambiguousForms ??= new Set(c.ambiguousKeys());
        return ambiguousForms;
      },
    },
  });
  return dict;
}

function spellingMap(c: LoadedDictionary, key: (s: string) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const text = c.formText();
  for (let i = 0; i < text.length; i++) {
    const k = key(text[i]!);
    const id = c.ids[c.formEntry[i]!]!;
    const ids = m.get(k);
    if (!ids) m.set(k, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }
  return m;
}

/** The directories a config names: the shipped one, then `dictPath` split on `:`. */
export function dictionaryDirs(config: { dictPath: string }): string[] {
  return [SHIPPED_DICT_DIR, ...config.dictPath.split(':').map((d) => d.trim()).filter(Boolean)];
}

const loaded = new Map<string, Dictionary>();

/**
 * The dictionary for this config, loaded once per process (per distinct
 * `dictPath`): the shipped directory first, then each `NEWSFLOW_DICT_PATH`
 * directory; shipped entries win on conflict.
 */
export function getDictionary(config: { dictPath: string }): Dictionary {
  let d = loaded.get(config.dictPath);
  if (!d) {
    d = loadDictionary(dictionaryDirs(config));
    loaded.set(config.dictPath, d);
  }
  return d;
}

/** Compile `dirs` and write the artefact now (`newsflow dict build`); returns its path and the dictionary. */
export function compileDirs(dirs: string[], opts: { cacheDir?: string } = {}): { path: string | undefined; dict: Dictionary } {
  const files = dirs.map((dir) => readDictBytes(dir));
  const compiled = compileFiles(files, versionOf(files));
  return { path: writeArtefact(compiled, opts.cacheDir), dict: dictionaryOf(inMemory(compiled)) };
}
