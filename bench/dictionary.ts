import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SHIPPED_DICT_DIR } from '../src/dict/load';
import { writeDictFile } from '../src/dict/import';
import { syntheticEntries } from '../src/dict/synthetic';

const SCRIPT = fileURLToPath(new URL('./dict-load.ts', import.meta.url));

export interface DictLoad {
  entries: number;
  aliasKeys: number;
  /** `loadDictionary` in a fresh process (reading, validating, script variants). */
  coldLoadMs: number;
  /** The same directories loaded again in that process. */
  warmLoadMs: number;
  /** `createNlp` on it: alias trie and the segmenter with every alias (includes the once-per-process Taiwanese vocabulary). */
  coldNlpMs: number;
  rssAfterMb: number;
}

/** Load `dirs` in a fresh Node process (tsx), so nothing this process loaded makes it look faster. */
export function loadInChild(dirs: string[]): DictLoad {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, ...dirs], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as DictLoad;
}

/** Write `n` synthetic listed-company entries (src/dict/synthetic.ts) into `dir`; returns the directories to load. */
export function syntheticDictDirs(dir: string, n: number): string[] {
  writeDictFile(dir, `synthetic-${n}.jsonl`, syntheticEntries(n), ['Synthetic entries for benchmarks (bench/dictionary.ts); not real companies.']);
  return [SHIPPED_DICT_DIR, dir];
}
