import { createHash } from 'node:crypto';
import type { EvalPage } from './load';
import { charF1, normaliseText } from './text';

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
