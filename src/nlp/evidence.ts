import { matchKey } from './fold';

/**
 * Evidence that a name which is also an ordinary word (大量, 佳能, 東台,
 * 華城 …; `ambiguous` in the dictionary) names the company here: a company
 * suffix right after it, or a listed-company word (股價, 營收, 法人 …) close
 * by in the same clause. The inline-code evidence is decided in tag.ts.
 */
const SUFFIXES = ['公司', '集團', '股份', '控股', '-KY', '科技', '電子', '精機', '工業', '企業', '實業', '股'].map(matchKey);
const FINANCE = [
  '股價', '營收', '法人', '漲停', '跌停', '目標價', '買超', '賣超', '外資', '投信', '自營商', '董事長', '總經理', '執行長', '發言人', '財報',
  '除息', '股東', '市值', '上市', '上櫃', '個股', '概念股', '每股', 'eps', '獲利', '毛利率', '股票', '掛牌', '收盤', '開盤', '股利', '配息',
  '盈餘', '淨利', '股本', '成交量', '本益比', '營業利益', '庫藏股', '增資', '減資',
].map(matchKey);
const CLAUSE_END = /[，,。；;！？!?\n、:]/;
const WINDOW = 8;

/** Whether the hit at [start, end) of `key` (the matching key of the text) has suffix or finance-word evidence. */
export function hasLocalEvidence(key: string, start: number, end: number): boolean {
  const after = key.slice(end, end + 4).trimStart();
  if (SUFFIXES.some((s) => after.startsWith(s))) return true;
  let from = start;
  while (from > 0 && start - from < WINDOW && !CLAUSE_END.test(key[from - 1]!)) from--;
  let to = end;
  while (to < key.length && to - end < WINDOW && !CLAUSE_END.test(key[to]!)) to++;
  const around = key.slice(from, start) + '\u0000' + key.slice(end, to);
  return FINANCE.some((w) => around.includes(w));
}

const isHan = (c: string | undefined): boolean => c !== undefined && /[\u3400-\u9fff\uf900-\ufaff]/.test(c);

/**
 * Once the company is established elsewhere in the article, a further
 * mention of an ambiguous name still needs to stand apart from the words
 * around it (a space, punctuation or Latin text on one side): 由大量伺服器
 * stays an ordinary word even in an article about 大量 the company.
 */
export function standsApart(text: string, start: number, end: number): boolean {
  return !isHan(text[start - 1]) || !isHan(text[end]);
}
