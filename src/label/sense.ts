import type { EntityKind } from '../types';
import type { HeadKind, Hit } from './lexicon';
import type { EventType } from './taxonomy';
import type { Clause, MentionRef, SentenceView } from './views';

/**
 * The sense of a word from what it is about. A direction word (升, 下滑,
 * 上調, 新高 …) names a change; its head (data/heads.tsv) says of what, and
 * so which kind of fact it is: 營收年增 is earnings, 股價重挫 a price move,
 * 價格走高 supply and pricing, 上調基準利率 a rate decision, 調升目標價 a
 * rating. A company named right before the word (騰訊升近1%) is its stock.
 */
export const HEAD_TYPE: Record<HeadKind, EventType | null> = {
  stock: 'price_move',
  index: 'price_move',
  session: 'price_move',
  metric: 'earnings',
  profit: 'earnings',
  price: 'supply_pricing',
  rate: 'regulation',
  rating: 'analyst_rating',
  credit: 'credit_rating',
  dividend: 'dividend',
  outlook: 'guidance',
  capacity: 'capex',
  holding: 'stake_change',
  fund: 'fund_flow',
  none: null,
};

/** What a direction word or a sensed trigger was found to be about. */
export interface HeadRef {
  kind: HeadKind;
  /** The head's text, with a few characters before it (恒生科技指數, not 指數), to tell facts apart. */
  key: string;
  /** The head word itself (營收), '' for a company standing for its stock. */
  word: string;
  start: number;
  /** The company named right before the head word (台積電ADR, 騰訊股價), when there is one. */
  owner?: string;
  /** Reached through a closing session word (收市, 收報, 終場): the day's close. */
  close?: boolean;
}

const LISTED: ReadonlySet<EntityKind> = new Set(['company', 'etf']);
// A figure right after a single-character direction word: 升68%, 跌384點,
// 增逾一成, 升至30%, 升近1%, 升半成.
const FIGURE_AFTER = /^[\s]*(?:了|至|到|達|达|逾|近|約|约|超|超過|超过|幅|約為|高達|高达)?[\s]*(?:[0-9０-９]|[一二兩两三四五六七八九十半百千萬万億亿])/;

/** True when a direction word that needs a figure has one right after it. */
export function figureAfter(v: SentenceView, h: Hit): boolean {
  return FIGURE_AFTER.test(v.source.slice(h.end, Math.min(h.end + 8, v.end)));
}

/** A head's key: its text with the name part before it. */
export function headKey(v: SentenceView, c: Clause, h: Hit): string {
  // The name part before a head word: 恒生中國企業指數 vs 恒生科技指數, 煤礦價格 vs 鐵礦石價格.
  let s = h.start;
  const min = Math.max(c.start, h.start - 6);
  while (s > min && /[\p{Script=Han}A-Za-z0-9]/u.test(v.source[s - 1]!)) s--;
  return v.source.slice(s, h.end);
}

function headRef(v: SentenceView, c: Clause, h: Hit): HeadRef {
  const ref: HeadRef = { kind: h.entry.head!, key: headKey(v, c, h), word: v.source.slice(h.start, h.end), start: h.start };
  let owner: MentionRef | undefined;
  for (const m of c.mentions) if (LISTED.has(m.kind) && m.end <= h.start && h.start - m.end <= 4) owner = m;
  if (owner) ref.owner = owner.id;
  return ref;
}

/** The company or ETF named right before `pos` in the clause, with nothing but a code, a market or a time between. */
function companyBefore(v: SentenceView, c: Clause, pos: number): MentionRef | undefined {
  let best: MentionRef | undefined;
  for (const m of c.mentions) if (LISTED.has(m.kind) && m.end <= pos) best = m;
  if (!best) return undefined;
  return pos - best.end <= 10 ? best : undefined;
}

// 股 after a number is a unit (2.5億股, 500股), not a stock.
const NUMERAL_BEFORE = /[0-9０-９億亿萬万千百十每]$/;
function isHead(v: SentenceView, x: Hit): boolean {
  if (!x.entry.head) return false;
  return !(x.end - x.start === 1 && NUMERAL_BEFORE.test(v.source.slice(Math.max(0, x.start - 1), x.start)));
}

// After a transitive word with no head as object, only a figure may follow
// for it to reach back to an earlier head (資本支出上調至560億美元).
const CORRECTION = /^[\s]*(?:而是|而係|反而)[\s\p{Script=Han}]{0,4}$/u;
const ONLY_FIGURE = /^[\s至到為为了逾近約约達达]*[0-9０-９一二兩两三四五六七八九十半百千萬万億亿.,%％點点成倍元美億]*[\s。！？；，,]*$/;

/**
 * The head a direction word attaches to: for a transitive word its object
 * (the first head after it in the clause), then the nearest head before it
 * in the clause, or, for a share-price word, a company named just before it
 * (its stock); else, when a figure follows the word (營收…，年增20%) or it is
 * a record, the last head of an earlier clause of the sentence; else, for a
 * change against a period (年增), a metric.
 */
export function headFor(v: SentenceView, ci: number, h: Hit): HeadRef | null {
  const ref = findHead(v, ci, h);
  const dir = h.entry.dir!;
  // A share price goes up or down (漲, 重挫, 收紅, 新高); it does not grow or
  // improve (業務板塊的增長 is a business, not a sector index).
  if (ref && HEAD_TYPE[ref.kind] === 'price_move' && !(dir.move || dir.strong || dir.record)) return null;
  return ref;
}

function findHead(v: SentenceView, ci: number, h: Hit): HeadRef | null {
  const c = v.clauses[ci]!;
  const dir = h.entry.dir!;
  if (dir.obj) {
    for (const x of c.hits) if (x.start >= h.end && isHead(v, x)) return headRef(v, c, x);
  }
  let before: Hit | undefined;
  for (const x of c.hits) {
    if (x.start >= h.start) break;
    if (isHead(v, x)) before = x;
  }
  const company = dir.move || dir.strong || dir.record ? companyBefore(v, c, h.start) : undefined;
  if (before && (!company || before.start > company.start)) return resolveSession(v, ci, headRef(v, c, before));
  if (company) return { kind: 'stock', key: company.id, word: '', start: company.start };
  // A share-price word before its session word: 昨升逾五成並以全日高位157元收市.
  if (dir.move) for (const x of c.hits) if (x.start >= h.end && isHead(v, x) && HEAD_TYPE[x.entry.head!] === 'price_move') return resolveSession(v, ci, headRef(v, c, x));
  const rest = v.source.slice(h.end, c.end);
  // A clause that only corrects the one before it (營收並非大幅衰退，而是小幅成長)
  // speaks of the same head.
  const correction = ci > 0 && CORRECTION.test(v.source.slice(c.start, h.start));
  const reach = dir.obj ? ONLY_FIGURE.test(rest) : dir.record || dir.metric || correction || figureAfter(v, h);
  if (reach) {
    for (let k = ci - 1; k >= 0; k--) {
      const hs = v.clauses[k]!.hits;
      for (let j = hs.length - 1; j >= 0; j--) if (isHead(v, hs[j]!)) return resolveSession(v, k, headRef(v, v.clauses[k]!, hs[j]!));
    }
  }
  return dir.metric ? { kind: 'metric', key: '', word: '', start: h.start } : null;
}

/**
 * A session word (收報, 全日, 盤中) names when, not what: the move is of the
 * index or company named last before it in the sentence (恒生中國企業指數收報
 * 8814，跌220點 is that index's move).
 */
function resolveSession(v: SentenceView, ci: number, ref: HeadRef): HeadRef {
  if (ref.kind !== 'session') return ref;
  const r = findSessionOwner(v, ci, ref);
  return r !== ref && CLOSE.test(ref.word) ? { ...r, close: true } : r;
}

const CLOSE = /收|終場|终场/;

function findSessionOwner(v: SentenceView, ci: number, ref: HeadRef): HeadRef {
  for (let k = ci; k >= 0; k--) {
    const c = v.clauses[k]!;
    let best: HeadRef | null = null;
    let at = -1;
    for (const x of c.hits) if (x.start < ref.start && isHead(v, x) && (x.entry.head === 'index' || x.entry.head === 'stock') && x.start > at) [best, at] = [headRef(v, c, x), x.start];
    for (const m of c.mentions) if (LISTED.has(m.kind) && m.end <= ref.start && m.start > at) [best, at] = [{ kind: 'stock', key: m.id, word: '', start: m.start }, m.start];
    if (best) return best;
  }
  return ref;
}

// A sensed trigger takes the type of a head of these kinds in its sentence:
// 增持 of a rating (增持評級) is a rating, by 北水 a fund flow; a rating by a
// credit agency is a credit rating; 上市 of a product is a launch.
const PLANT = /(廠|厂|產線|产线|生產線|生产线|基地|產能|产能|園區|园区)/;
const RETYPE: Partial<Record<EventType, Partial<Record<HeadKind | 'product', EventType>>>> = {
  stake_change: { rating: 'analyst_rating', fund: 'fund_flow' },
  analyst_rating: { credit: 'credit_rating' },
  offering: { product: 'product_launch' },
};

/**
 * The type of a sensed trigger in clause `ci` of `v`: a head (or, for
 * launches, a product mention) of a kind in RETYPE anywhere in the
 * clause, then in the sentence, changes it.
 */
export function senseType(type: EventType, v: SentenceView, ci: number, at = -1): EventType {
  // A plant that starts production (新廠預計第2季投產) is capacity, not a
  // product (corpus GUIDE.md: a plant's 投產 is capex).
  if (type === 'product_launch' && at >= 0 && PLANT.test(v.source.slice(v.clauses[ci]!.start, at))) return 'capex';
  const table = RETYPE[type];
  if (!table) return type;
  for (const scope of [[v.clauses[ci]!], v.clauses]) {
    for (const c of scope) {
      for (const x of c.hits) if (x.entry.head && table[x.entry.head]) return table[x.entry.head]!;
      if (table.product && c.mentions.some((m) => m.kind === 'product')) return table.product;
    }
  }
  return type;
}

/** Credit agencies or a credit rating named in the sentence make a rating a credit rating. */
export function creditInSentence(v: SentenceView): boolean {
  return v.clauses.some((c) => c.hits.some((x) => x.entry.head === 'credit'));
}

// The period a figure is for: 第4季, 本季, 上半年, 2025年, 全年 …
const PERIOD = /(?:(?:19|20)\d\d\s*(?:財年|财年|年度|年)?\s*)?(?:第[1-4一二三四]季|[1-4一二三四]季度|Q[1-4]|本季|首季|今季|上季|下季|上半年|下半年|前三季|前[1-9一二三四五六七八九十]+個?月|全年|今年|明年|去年|(?:19|20)\d\d\s*(?:財年|财年|年度|年))/g;

/** The period named nearest before `pos` in the sentence part `v` (else the first after it), '' when none. */
export function periodAt(v: SentenceView, pos: number): string {
  const text = v.source.slice(v.start, v.end);
  let before = '';
  let after = '';
  for (const m of text.matchAll(PERIOD)) {
    if (v.start + m.index < pos) before = m[0];
    else if (!after) after = m[0];
  }
  return (before || after).replace(/\s+/g, '');
}
