import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DictionaryError } from '../errors';
import { tickerKey } from './markets';
import { type LocatedEntry, type ParsedFile, parseDictDir } from './parse';
import type { DictEntry, Dictionary } from './types';
import { foldAlias } from '../text/fold';
import { scriptVariants } from '../text/opencc';

export { foldAlias };

/** The dictionary shipped with the package. */
export const SHIPPED_DICT_DIR = fileURLToPath(new URL('../../dict', import.meta.url));

/**
 * Load the dictionary from `dirs`, earlier directories first: an entry of an
 * earlier directory wins over one with the same id in a later directory, and
 * alias forms an earlier directory uses are not given to later entities.
 * Throws DictionaryError naming file and line for the first bad line, or for
 * an id defined twice within one directory.
 */
export function loadDictionary(dirs: string[] = [SHIPPED_DICT_DIR]): Dictionary {
  const hash = createHash('sha256');
  const layers = dirs.map((dir) => {
    const files = parseDictDir(dir);
    for (const f of files) {
      hash.update(`${basename(f.file)}\n`).update(f.text);
      const p = f.problems[0];
      if (p) throw new DictionaryError(f.problems.length > 1 ? `${p.message} (and ${f.problems.length - 1} more problems; run newsflow dict check)` : p.message, p.file, p.line);
    }
    return layerEntries(files);
  });
  return buildDictionary(layers, hash.digest('hex').slice(0, 12));
}

/**
 * All entries of one directory. An id written twice by hand is an error.
 * Overlapping imported listings are normal (the same company in two exchange
 * files): among `import:` entries the first file in name order wins, and an
 * entry written by hand wins over an imported one.
 */
function layerEntries(files: ParsedFile[]): LocatedEntry[] {
  const seen = new Map<string, LocatedEntry>();
  for (const f of files) {
    for (const le of f.entries) {
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
 * Build the lookup tables from already validated layers (highest priority
 * first). Exposed for tools and tests that assemble entries in memory.
 */
export function buildDictionary(layers: LocatedEntry[][], version: string): Dictionary {
  const entries: DictEntry[] = [];
  const layerOf: number[] = [];
  const byId = new Map<string, DictEntry>();
  const locations = new Map<string, { file: string; line: number }>();
  const byTicker = new Map<string, DictEntry>();
  layers.forEach((layer, li) => {
    for (const { entry, file, line } of layer) {
      if (byId.has(entry.id)) continue;
      const tickers = [...(entry.ticker ? [entry.ticker] : []), ...(entry.listings ?? [])].map(tickerKey);
      // A listing of a company an earlier directory already has under another
      // id (HKEX:09988 is a second listing of US:BABA) is the same company.
      if (li > 0 && tickers.some((k) => byTicker.has(k))) continue;
      for (const k of tickers) if (!byTicker.has(k)) byTicker.set(k, entry);
      byId.set(entry.id, entry);
      locations.set(entry.id, { file, line });
      entries.push(entry);
      layerOf.push(li);
    }
  });

  // Convert every written form in one batch: per-form calls dominate load time.
  const written = entries.map((e) => unique([e.name, ...e.aliases]));
  const flat = written.flat();
  const variants = scriptVariants(flat);

  const aliases = new Map<string, string[]>();
  // Surface forms are kept as two flat lists and indexed only if someone asks.
  const formText: string[] = [];
  const formId: string[] = [];
  const layerOfId = new Map<string, number>();
  const ambiguousForms = new Set<string>();
  let k = 0;
  entries.forEach((e, ei) => {
    const layer = layerOf[ei]!;
    if (layer > 0) layerOfId.set(e.id, layer);
    const ambiguousWritten = e.ambiguousAliases ? new Set(e.ambiguousAliases) : undefined;
    for (const form of written[ei]!) {
      const vs = variants[k++]!;
      for (let v = -1; v < vs.length; v++) {
        const f = v < 0 ? form : vs[v]!;
        const key = foldAlias(f);
        // A spelling already used by an earlier directory stays with it (shipped wins).
        const owner = aliases.get(key)?.[0];
        if (owner !== undefined && (layerOfId.get(owner) ?? 0) < layer) continue;
        addTo(aliases, key, e.id);
        formText.push(f);
        formId.push(e.id);
        if (e.ambiguous || ambiguousWritten?.has(form)) ambiguousForms.add(key);
      }
    }
  });
  for (const [key, ids] of aliases) if (ids.length > 1) ambiguousForms.add(key);
  const dict: Dictionary = { version, entries, byId, byTicker, aliases, ambiguousForms, locations };
  let forms: Map<string, string[]> | undefined;
  Object.defineProperty(dict, 'forms', {
    enumerable: true,
    get(): Map<string, string[]> {
      if (!forms) {
        forms = new Map();
        for (let i = 0; i < formText.length; i++) addTo(forms, formText[i]!, formId[i]!);
      }
      return forms;
    },
  });
  return dict;
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** The directories a config names: the shipped one, then `dictPath` split on `:`. */
export function dictionaryDirs(config: { dictPath: string }): string[] {
  return [SHIPPED_DICT_DIR, ...config.dictPath.split(':').map((d) => d.trim()).filter(Boolean)];
}

const cache = new Map<string, Dictionary>();

/**
 * The dictionary for this config, loaded once per process (per distinct
 * `dictPath`): the shipped directory first, then each `NEWSFLOW_DICT_PATH`
 * directory; shipped entries win on conflict.
 */
export function getDictionary(config: { dictPath: string }): Dictionary {
  let d = cache.get(config.dictPath);
  if (!d) {
    d = loadDictionary(dictionaryDirs(config));
    cache.set(config.dictPath, d);
  }
  return d;
}
