import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputError } from '../../errors';
import { readCorpusGold, type CorpusGold, type ResolvedEvent } from './gold';
import { parsePassage, type Passage } from './passage';

export type Split = 'dev' | 'test';

export interface CorpusItem {
  passage: Passage;
  gold: CorpusGold;
  events: ResolvedEvent[];
  split: Split;
}

/** The gold shipped with the project, and its split. */
export const DEFAULT_GOLD_DIR = 'eval/corpus';

/**
 * The test split: the passages named in `split.json` of the gold directory,
 * chosen by a hash rule before any gold or error was looked at (docs/corpus.md);
 * every other passage is dev.
 */
export function readSplit(goldDir: string): Set<string> {
  const file = join(goldDir, 'split.json');
  if (!existsSync(file)) return new Set();
  let raw: { test?: unknown };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as { test?: unknown };
  } catch (err) {
    throw new BadInputError(`${file}: not readable JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!Array.isArray(raw.test) || raw.test.some((x) => typeof x !== 'string')) throw new BadInputError(`${file}: "test" must be an array of passage names (NNN)`);
  return new Set(raw.test as string[]);
}

/** The passages folder: `DIR/raw` when DIR is the corpus root, else DIR itself. */
function rawDir(corpusDir: string): string {
  const inner = join(corpusDir, 'raw');
  if (existsSync(inner) && statSync(inner).isDirectory()) return inner;
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) throw new BadInputError(`no corpus directory at ${corpusDir} (expected the corpus root with raw/NNN.txt, or the raw/ folder itself)`);
  return corpusDir;
}

/**
 * Read every passage of the corpus that has a gold file, in name order, with
 * its gold checked against it. `split` keeps only dev or test passages. A bad
 * or stale gold file is an error naming it.
 */
export function loadCorpus(corpusDir: string, goldDir: string, split: Split | 'all'): { items: CorpusItem[]; unscored: string[] } {
  const dir = rawDir(corpusDir);
  const test = readSplit(goldDir);
  const files = readdirSync(dir).filter((f) => /^\d+\.txt$/.test(f)).sort();
  if (!files.length) throw new BadInputError(`no passages (NNN.txt) in ${dir}`);
  const items: CorpusItem[] = [];
  const unscored: string[] = [];
  for (const f of files) {
    const stem = f.replace(/\.txt$/, '');
    const goldFile = join(goldDir, `${stem}.json`);
    if (!existsSync(goldFile)) {
      unscored.push(f);
      continue;
    }
    const s: Split = test.has(stem) ? 'test' : 'dev';
    if (split !== 'all' && s !== split) continue;
    const passage = parsePassage(f, readFileSync(join(dir, f)));
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(goldFile, 'utf8'));
    } catch (err) {
      throw new BadInputError(`${goldFile}: not readable JSON: ${(err as Error).message}`, { cause: err });
    }
    const { gold, events } = readCorpusGold(goldFile, raw, passage);
    items.push({ passage, gold, events, split: s });
  }
  return { items, unscored };
}
