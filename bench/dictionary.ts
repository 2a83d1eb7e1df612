import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artefactName, cacheDir } from '../src/dict/artefact';
import { dictionaryVersion, SHIPPED_DICT_DIR } from '../src/dict/load';
import { writeDictFile } from '../src/dict/import';
import { syntheticEntries } from '../src/dict/synthetic';

const SCRIPT = fileURLToPath(new URL('./dict-load.ts', import.meta.url));

export interface DictLoad {
  entries: number;
  aliasKeys: number;
  /** `loadDictionary` in a fresh process (reading and hashing the files, reading the compiled artefact, or compiling when there is none). */
  coldLoadMs: number;
  /** The same directories loaded again in that process. */
  warmLoadMs: number;
  /** `createNlp` on it: alias trie and the segmenter with every alias (includes the once-per-process Taiwanese vocabulary). */
  coldNlpMs: number;
  rssAfterMb: number;
}

/** Load `dirs` in a fresh Node process (tsx), so nothing this process loaded makes it look faster. */
export function loadInChild(dirs: string[]): DictLoad {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, ...dirs], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as DictLoad;
}

/** A dictionary's first load after a change (it compiles and writes the artefact), then a cold load that reads it. */
export interface DictLoads extends DictLoad {
  /** The first load in a fresh process with no compiled artefact: parse, validate, compile, write. */
  compileLoadMs: number;
}

/** Drop the compiled artefact of `dirs` (if any), load once to compile it, then measure a cold load in another fresh process. */
export function compileThenLoad(dirs: string[]): DictLoads {
  const path = join(cacheDir(), artefactName(dictionaryVersion(dirs)));
  rmSync(path, { force: true });
  const first = loadInChild(dirs);
  const cold = loadInChild(dirs);
  return { ...cold, compileLoadMs: first.coldLoadMs };
}

/** Write `n` synthetic listed-company entries (src/dict/synthetic.ts) into `dir`; returns the directories to load. */
export function syntheticDictDirs(dir: string, n: number): string[] {
  writeDictFile(dir, `synthetic-${n}.jsonl`, syntheticEntries(n), ['Synthetic entries for benchmarks (bench/dictionary.ts); not real companies.']);
  return [SHIPPED_DICT_DIR, dir];
}
