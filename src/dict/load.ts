import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DictionaryError } from '../errors';
import type { DictEntry, Dictionary } from './types';

/** The dictionary shipped with the package. */
export const SHIPPED_DICT_DIR = fileURLToPath(new URL('../../dict', import.meta.url));

/** Key used for alias lookup: NFKC (full-width → half-width) and lower-case Latin. */
export function foldAlias(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Load `*.jsonl` files from the shipped directory (and extra ones after it). */
export function loadDictionary(dirs: string[] = [SHIPPED_DICT_DIR]): Dictionary {
  const entries: DictEntry[] = [];
  const byId = new Map<string, DictEntry>();
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      hash.update(text);
      text.split('\n').forEach((line, i) => {
        if (!line.trim() || line.startsWith('//')) return;
        let e: DictEntry;
        try {
          e = JSON.parse(line) as DictEntry;
        } catch (err) {
          throw new DictionaryError(`not JSON: ${(err as Error).message}`, file, i + 1);
        }
        if (byId.has(e.id)) return; // earlier directories win
        byId.set(e.id, e);
        entries.push(e);
      });
    }
  }
  const byTicker = new Map<string, DictEntry>();
  const aliases = new Map<string, string[]>();
  for (const e of entries) {
    if (e.ticker) byTicker.set(`${e.ticker.market}:${e.ticker.code}`, e);
    for (const a of [e.name, ...e.aliases]) {
      const k = foldAlias(a);
      const ids = aliases.get(k) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      aliases.set(k, ids);
    }
  }
  return { version: hash.digest('hex').slice(0, 12), entries, byId, byTicker, aliases };
}
