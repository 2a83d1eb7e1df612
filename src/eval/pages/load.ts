import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputError } from '../../errors';
import { decodeBody } from '../../ingest/charset';

/** Hand-written gold for one page (eval/pages/gold.json). */
export interface PageGold {
  script: 'Hans' | 'Hant';
  /** The headline, when at most 30 characters; longer ones are kept as a hash. */
  title?: string;
  titleSha256?: string;
  /** Publication day in UTC+8, `YYYY-MM-DD`; null when the page gives none. */
  date: string | null;
  first: string;
  last: string;
  middle: string[];
  boilerplate: string[];
}

/** One page to score: gold quotes (Chinese pages) or a full reference text (Readability's test pages). */
export interface EvalPage {
  /** `folder/name`, e.g. `gne/163_2` or `readability/bbc-1`. */
  name: string;
  split: 'dev' | 'test';
  html: string;
  url: string;
  gold?: PageGold;
  reference?: string;
}

/** Where the split and the gold are kept (the pages themselves never are: they belong to their publishers). */
export const SPLIT_FILE = 'eval/pages/split.json';
export const GOLD_FILE = 'eval/pages/gold.json';

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new BadInputError(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The pages under `dir` that can be scored: `FOLDER/NAME.html` with gold in
 * `goldFile`, and `FOLDER/NAME/source.html` with an `expected.html` next to
 * it. The split comes from `splitFile` (the test lists by folder, chosen by
 * hash before any error was looked at); every other page is dev.
 */
export function loadPages(dir: string, goldFile = GOLD_FILE, splitFile = SPLIT_FILE): { pages: EvalPage[]; missing: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BadInputError(`${dir}: not a directory of pages`);
  const gold = readJson<{ pages: Record<string, PageGold> }>(goldFile).pages;
  const test = readJson<{ test: Record<string, string[]> }>(splitFile).test;
  const splitOf = (folder: string, name: string) => ((test[folder] ?? []).includes(name) ? 'test' : 'dev');
  const decode = (path: string) => decodeBody(readFileSync(path), null).text;
  const pages: EvalPage[] = [];
  const found = new Set<string>();
  for (const folder of readdirSync(dir).sort()) {
    const fdir = join(dir, folder);
    if (!statSync(fdir).isDirectory()) continue;
    for (const entry of readdirSync(fdir).sort()) {
      const path = join(fdir, entry);
      const base = entry.replace(/\.html?$/, '');
      const name = `${folder}/${base}`;
      if (entry !== base && gold[name]) {
        pages.push({ name, split: splitOf(folder, base), html: decode(path), url: `https://pages.example/${name}.html`, gold: gold[name] });
        found.add(name);
      } else if (statSync(path).isDirectory() && existsSync(join(path, 'source.html')) && existsSync(join(path, 'expected.html'))) {
        pages.push({ name, split: splitOf(folder, entry), html: decode(join(path, 'source.html')), url: `https://pages.example/${name}/`, reference: decode(join(path, 'expected.html')) });
      }
    }
  }
  return { pages, missing: Object.keys(gold).filter((n) => !found.has(n)) };
}
