import type { ArticleScore, ScoreError, Tally } from './score';

/** Counts with their ratios, as printed and as in `--json`. */
export interface Rates extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusReport {
  articles: number;
  split: string;
  kinds: Record<'ticker' | 'company' | 'person' | 'org' | 'event', Rates> & { company: Rates & { fragments: number; glued: number; other: number } };
  events: {
    byType: Record<string, Rates>;
    matched: number;
    entityExact: number;
    entityExactRate: number;
    entityJaccard: number;
    polarityAgree: number;
    polarityRate: number;
  };
  errors: ScoreError[];
  /** Passages in the corpus directory that have no gold file (not scored). */
  unscored: string[];
}

const ratio = (a: number, b: number, empty: number): number => (b ? a / b : empty);

/** Precision, recall and F1 of counts (an empty side counts as perfect). */
export function rates(t: Tally): Rates {
  const precision = ratio(t.hit, t.found, 1);
  const recall = ratio(t.hit, t.gold, 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold: t.gold, found: t.found, hit: t.hit, precision, recall, f1 };
}

const add = (a: Tally, b: Tally): void => {
  a.gold += b.gold;
  a.found += b.found;
  a.hit += b.hit;
};

/** Sum per-article scores into the corpus report. */
export function aggregate(scores: readonly ArticleScore[], split: string, unscored: string[] = []): CorpusReport {
  const kinds = { ticker: zero(), company: zero(), person: zero(), org: zero(), event: zero() };
  const byType: Record<string, Tally> = {};
  let matched = 0;
  let exact = 0;
  let jac = 0;
  let pol = 0;
  const errors: ScoreError[] = [];
  for (const s of scores) {
    for (const k of Object.keys(kinds) as Array<keyof typeof kinds>) add(kinds[k], s.kinds[k]);
    for (const [t, v] of Object.entries(s.byType)) add((byType[t] ??= zero()), v);
    matched += s.matched;
    exact += s.entityExact;
    jac += s.entityJaccard;
    pol += s.polarityAgree;
    errors.push(...s.errors);
  }
  const nameErrors = (e: string): number => errors.filter((x) => x.kind === 'company' && x.error === e).length;
  return {
    articles: scores.length,
    split,
    kinds: {
      ticker: rates(kinds.ticker),
      company: { ...rates(kinds.company), fragments: nameErrors('fragment'), glued: nameErrors('glued'), other: nameErrors('other') },
      person: rates(kinds.person),
      org: rates(kinds.org),
      event: rates(kinds.event),
    },
    events: {
      byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)).map(([t, v]) => [t, rates(v)])),
      matched,
      entityExact: exact,
      entityExactRate: ratio(exact, matched, 1),
      entityJaccard: ratio(jac, matched, 1),
      polarityAgree: pol,
      polarityRate: ratio(pol, matched, 1),
    },
    errors,
    unscored,
  };
}

function zero(): Tally {
  return { gold: 0, found: 0, hit: 0 };
}

const unscoredNote = (u: readonly string[]): string =>
  u.length ? `; ${u.length} without gold (not scored)${u.length <= 10 ? `: ${u.join(', ')}` : ''}` : '';

const num = (x: number): string => x.toFixed(3).padStart(6);
const row = (name: string, r: Rates): string =>
  `${name.padEnd(18)} ${String(r.gold).padStart(5)} ${String(r.found).padStart(5)} ${String(r.hit).padStart(5)} ${num(r.precision)} ${num(r.recall)} ${num(r.f1)}`;

/** The report as printable lines: the table, agreement, then every error by article. */
export function formatReport(r: CorpusReport): string[] {
  const head = `${'kind'.padEnd(18)} ${'gold'.padStart(5)} ${'found'.padStart(5)} ${'hit'.padStart(5)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)}`;
  const c = r.kinds.company;
  const e = r.events;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `corpus: ${r.articles} article(s), split ${r.split}${unscoredNote(r.unscored)}`,
    head,
    row('ticker', r.kinds.ticker),
    row('company name', c),
    row('person', r.kinds.person),
    row('org', r.kinds.org),
    row('event', r.kinds.event),
    ...Object.entries(e.byType).map(([t, v]) => row(`  ${t}`, v)),
    '',
    `company names: ${c.fragments} fragment(s), ${c.glued} with glued words, ${c.other} other`,
    `matched events: ${e.matched}; entities exactly right ${e.entityExact} (${pct(e.entityExactRate)}), mean Jaccard ${e.entityJaccard.toFixed(3)}; polarity agrees ${e.polarityAgree} (${pct(e.polarityRate)})`,
    '',
    `errors (${r.errors.length}):`,
  ];
  let last = '';
  for (const x of r.errors) {
    if (x.article !== last) lines.push(`  ${x.article}`);
    last = x.article;
    lines.push(`    ${x.kind} ${x.error}: ${x.item}${x.quote ? `  «${x.quote}»` : ''}`);
  }
  return lines;
}
