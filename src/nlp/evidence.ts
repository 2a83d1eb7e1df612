import { matchKey } from '../text/fold';
import { isHanChar } from '../text/han';

/**
 * Evidence that a name which is also an ordinary word (大量, 佳能, 東台,
 * 華城 …; `ambiguous` in the dictionary) names the company here: a company
 * suffix right after it, or a listed-company word (股價, 營收, 法人 …) or a
 * word for what companies do or are (結盟, 併購, 巨頭 …) close by in the
 * same clause. The inline-code evidence is decided in tag.ts.
 */
const SUFFIXES = ['公司', '集團', '股份', '控股', '-KY', '科技', '電子', '精機', '工業', '企業', '實業', '股'].map(matchKey);
const FINANCE = [
  '股價', '營收', '法人', '漲停', '跌停', '目標價', '買超', '賣超', '外資', '投信', '自營商', '董事長', '總經理', '執行長', '發言人', '財報',
  '除息', '股東', '市值', '上市', '上櫃', '個股', '概念股', '每股', 'eps', '獲利', '毛利率', '股票', '掛牌', '收盤', '開盤', '股利', '配息',
  '盈餘', '淨利', '股本', '成交量', '本益比', '營業利益', '庫藏股', '增資', '減資',
].map(matchKey);
// What companies do and are called as a group, counted only after the name
// (與日產結盟, Meta 等巨頭): before it they describe something else (合資公司或大量採購).
const CORPORATE_AFTER = ['結盟', '合作', '攜手', '併購', '收購', '入股', '旗下', '子公司', '總裁', '社長', '創辦人', '巨頭', '大廠', '企業', '廠商', '業者'].map(matchKey);
const CLAUSE_END = /[，,。；;！？!?\n、:]/;
const WINDOW = 8;

/** Whether the hit at [start, end) of `key` (the matching key of the text) has suffix or finance-word evidence. */
export function hasLocalEvidence(key: string, start: number, end: number): boolean {
  const next = key.slice(end, end + 4).trimStart();
  if (SUFFIXES.some((s) => next.startsWith(s))) return true;
  let from = start;
  while (from > 0 && start - from < WINDOW && !CLAUSE_END.test(key[from - 1]!)) from--;
  let to = end;
  while (to < key.length && to - end < WINDOW && !CLAUSE_END.test(key[to]!)) to++;
  const after = key.slice(end, to);
  const around = key.slice(from, start) + '\u0000' + after;
  return FINANCE.some((w) => around.includes(w)) || CORPORATE_AFTER.some((w) => after.includes(w));
}

const isHan = isHanChar;

/**
 * Once the company is established elsewhere in the article, a further
 * mention of an ambiguous name still needs to stand apart from the words
 * around it (a space, punctuation or Latin text on one side): 由大量伺服器
 * stays an ordinary word even in an article about 大量 the company.
 */
export function standsApart(text: string, start: number, end: number): boolean {
  return !isHan(text[start - 1]) || !isHan(text[end]);
}

const JOINERS = new Set(['、', '與', '与', '和', '及', '跟', '/', ',']);

/** Span starts and ends of a list of spans, for O(1) lookups (see `spanIndex`). */
interface SpanIndex {
  seen: number;
  starts: Set<number>;
  /** End offset → start of the first span ending there. */
  ends: Map<number, number>;
}

const indexes = new WeakMap<ReadonlyArray<[number, number]>, SpanIndex>();

/**
 * The lookup tables of a span list, kept per list and brought up to date
 * with the spans pushed since the last call (the tagger only ever appends).
 * Scanning the list on every call made tagging quadratic in the text: a
 * 15 MB article spent half its 78 s here (issue 17).
 */
function spanIndex(spans: ReadonlyArray<[number, number]>): SpanIndex {
  let ix = indexes.get(spans);
  if (!ix) {
    ix = { seen: 0, starts: new Set(), ends: new Map() };
    indexes.set(spans, ix);
  }
  for (; ix.seen < spans.length; ix.seen++) {
    const [s, e] = spans[ix.seen]!;
    ix.starts.add(s);
    if (!ix.ends.has(e)) ix.ends.set(e, s);
  }
  return ix;
}

/**
 * Whether the name at [start, end) sits in a list right next to a company
 * already tagged (`spans`, normalised offsets): 華新、國巨, 弘塑、萬潤, also
 * behind a country or place (`places`): 東元及日本三菱. Constant time per
 * call however many spans the article has.
 */
export function listedWithCompany(text: string, start: number, end: number, spans: ReadonlyArray<[number, number]>, places: ReadonlyArray<[number, number]> = []): boolean {
  const qualifier = spanIndex(places).ends.get(start);
  if (qualifier !== undefined) start = qualifier;
  const tagged = spanIndex(spans);
  let a = end;
  while (text[a] === ' ' || text[a] === '*') a++;
  if (JOINERS.has(text[a] ?? '')) {
    a++;
    while (text[a] === ' ') a++;
    if (tagged.starts.has(a)) return true;
  }
  let b = start;
  while (text[b - 1] === ' ') b--;
  if (JOINERS.has(text[b - 1] ?? '')) {
    b--;
    while (text[b - 1] === ' ' || text[b - 1] === '*') b--;
    if (tagged.ends.has(b)) return true;
  }
  return false;
}
