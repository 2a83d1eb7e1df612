import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputError } from '../errors';
import { decodeBody } from '../ingest/charset';
import { charF1, normaliseText } from './text';

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

/** What an extractor returns for a page; the evaluation compares only these. */
export interface Extraction {
  title: string;
  publishedAt: string | null;
  text: string;
}

/** An extractor under evaluation; it may throw (the page then counts as failed on every measure). */
export type Extractor = (html: string, url: string) => Extraction | null;

/** How one extractor did on one page; null measures do not apply to the page. */
export interface PageScore {
  page: string;
  split: 'dev' | 'test';
  extractor: string;
  error: string | null;
  title: boolean | null;
  date: boolean | null;
  first: boolean | null;
  last: boolean | null;
  /** Share of the gold middle sentences found. */
  middle: number | null;
  leaked: string[] | null;
  f1: number | null;
  ms: number;
}

const SPLIT_FILE = 'eval/pages/split.json';
const GOLD_FILE = 'eval/pages/gold.json';

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

const DAY = /^(\d{4}-\d{2}-\d{2})/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Score one extraction of one page (`referenceText` is the reference already reduced to text). */
export function scorePage(page: EvalPage, extractor: string, got: Extraction | null, error: string | null, ms: number, referenceText?: string): PageScore {
  const base: PageScore = { page: page.name, split: page.split, extractor, error, title: null, date: null, first: null, last: null, middle: null, leaked: null, f1: null, ms };
  const text = got ? normaliseText(got.text) : '';
  const has = (q: string) => text.includes(normaliseText(q));
  if (page.gold) {
    const g = page.gold;
    const title = got ? normaliseText(got.title) : '';
    base.title = g.title !== undefined ? title === normaliseText(g.title) : sha256(title) === g.titleSha256;
    if (g.date) base.date = (DAY.exec(got?.publishedAt ?? '')?.[1] ?? null) === g.date;
    base.first = got !== null && has(g.first);
    base.last = got !== null && has(g.last);
    base.middle = got ? g.middle.filter(has).length / Math.max(1, g.middle.length) : 0;
    base.leaked = got ? g.boilerplate.filter(has) : [];
  }
  if (referenceText !== undefined) base.f1 = got ? charF1(got.text, referenceText).f1 : 0;
  return base;
}

/** Run every extractor on every page, timing each call. */
export function evaluatePages(pages: readonly EvalPage[], extractors: Record<string, Extractor>, referenceToText: (html: string) => string): PageScore[] {
  const out: PageScore[] = [];
  for (const page of pages) {
    const ref = page.reference !== undefined ? referenceToText(page.reference) : undefined;
    for (const [name, extract] of Object.entries(extractors)) {
      const t0 = performance.now();
      let got: Extraction | null = null;
      let error: string | null = null;
      try {
        got = extract(page.html, page.url);
        if (!got) error = 'no article found';
      } catch (err) {
        error = (err as Error).message;
      }
      out.push(scorePage(page, name, got, error, performance.now() - t0, ref));
    }
  }
  return out;
}
