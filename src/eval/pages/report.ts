import { renderTable } from '../../cli/table';
import type { PageScore } from './score';

/** One extractor's figures over a set of pages. */
export interface PageSummary {
  extractor: string;
  /** Pages with gold quotes (Chinese pages). */
  goldPages: number;
  title: number;
  /** Share over the pages whose gold has a date. */
  date: number;
  datePages: number;
  first: number;
  last: number;
  firstAndLast: number;
  /** Pages where every gold middle sentence is present. */
  allMiddle: number;
  boilerplateFree: number;
  /** Pages with a full reference text (Readability's test pages). */
  referencePages: number;
  f1Mean: number;
  f1Median: number;
  /** Pages where the extractor threw or found nothing. */
  failures: number;
  msMedian: number;
}

const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);
const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Summarise the scores of one extractor. */
export function summarise(scores: readonly PageScore[], extractor: string): PageSummary {
  const mine = scores.filter((s) => s.extractor === extractor);
  const gold = mine.filter((s) => s.first !== null);
  const dated = gold.filter((s) => s.date !== null);
  const refs = mine.filter((s) => s.f1 !== null).map((s) => s.f1!);
  return {
    extractor,
    goldPages: gold.length,
    title: share(gold.map((s) => s.title === true)),
    date: share(dated.map((s) => s.date === true)),
    datePages: dated.length,
    first: share(gold.map((s) => s.first === true)),
    last: share(gold.map((s) => s.last === true)),
    firstAndLast: share(gold.map((s) => s.first === true && s.last === true)),
    allMiddle: share(gold.map((s) => s.middle === 1)),
    boilerplateFree: share(gold.map((s) => s.leaked !== null && s.leaked.length === 0)),
    referencePages: refs.length,
    f1Mean: refs.length ? refs.reduce((a, b) => a + b, 0) / refs.length : 0,
    f1Median: median(refs),
    failures: mine.filter((s) => s.error !== null).length,
    msMedian: median(mine.map((s) => s.ms)),
  };
}

/** Targets of issue 14 for the project's extractor on the test part. */
export const PAGE_TARGETS = { firstAndLast: 0.96, boilerplateFree: 0.92, f1Mean: 0.97 } as const;

/** Which targets a summary misses, each ahead-of-the-baseline check included; empty when all are met. */
export function missedTargets(ours: PageSummary, baseline: PageSummary | undefined): string[] {
  const missed: string[] = [];
  for (const [k, min] of Object.entries(PAGE_TARGETS) as Array<[keyof typeof PAGE_TARGETS, number]>) {
    const pages = k === 'f1Mean' ? ours.referencePages : ours.goldPages;
    if (pages > 0 && ours[k] < min) missed.push(`${k} ${fmt(ours[k])} < ${fmt(min)}`);
  }
  if (baseline && ours.goldPages > 0) {
    for (const k of ['firstAndLast', 'boilerplateFree', 'title', 'date'] as const) {
      if (ours[k] < baseline[k]) missed.push(`${k} ${fmt(ours[k])} behind ${baseline.extractor} ${fmt(baseline[k])}`);
    }
  }
  return missed;
}

const fmt = (x: number) => x.toFixed(3);
const pct = (x: number, n: number) => (n ? `${(100 * x).toFixed(1)}%` : '—');

/** The side-by-side table of several extractors' summaries. */
export function formatSummaries(title: string, sums: readonly PageSummary[]): string {
  const g = sums[0]?.goldPages ?? 0;
  const d = sums[0]?.datePages ?? 0;
  const r = sums[0]?.referencePages ?? 0;
  const rows: Array<[string, (s: PageSummary) => string]> = [
    [`title exact (${g} pages)`, (s) => pct(s.title, g)],
    [`date, same day (${d})`, (s) => pct(s.date, d)],
    ['first sentence', (s) => pct(s.first, g)],
    ['last sentence', (s) => pct(s.last, g)],
    ['first and last', (s) => pct(s.firstAndLast, g)],
    ['every middle sentence', (s) => pct(s.allMiddle, g)],
    ['boilerplate-free', (s) => pct(s.boilerplateFree, g)],
    [`char F1 mean (${r} refs)`, (s) => (r ? fmt(s.f1Mean) : '—')],
    ['char F1 median', (s) => (r ? fmt(s.f1Median) : '—')],
    ['failed pages', (s) => String(s.failures)],
    ['median ms/page', (s) => s.msMedian.toFixed(1)],
  ];
  const table = renderTable(['', ...sums.map((s) => s.extractor)], rows.map(([label, f]) => [label, ...sums.map(f)]), [28, ...sums.map(() => 12)]);
  return `${title}\n${table}`;
}

/** Per-page misses of one extractor: what a developer looks at on the dev part. */
export function formatMisses(scores: readonly PageScore[], extractor: string): string[] {
  const out: string[] = [];
  for (const s of scores.filter((x) => x.extractor === extractor)) {
    const bad: string[] = [];
    if (s.error) bad.push(`error: ${s.error}`);
    if (s.title === false) bad.push('title');
    if (s.date === false) bad.push('date');
    if (s.first === false) bad.push('first');
    if (s.last === false) bad.push('last');
    if (s.middle !== null && s.middle < 1) bad.push(`middle ${fmt(s.middle)}`);
    if (s.leaked?.length) bad.push(`leaked ${s.leaked.map((q) => JSON.stringify(q)).join(', ')}`);
    if (s.f1 !== null && s.f1 < PAGE_TARGETS.f1Mean) bad.push(`F1 ${fmt(s.f1)}`);
    if (bad.length) out.push(`${s.page}: ${bad.join('; ')}`);
  }
  return out;
}
