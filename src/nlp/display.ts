import { matchKey } from '../text/fold';
import type { Entity, Mention } from '../types';
import { foldedList } from './cues';

/**
 * The display name of a company in one article (issue 12, the corpus guide:
 * "the name a reader would write"). The dictionary's name stays when the
 * article prints it. When it does not — a renamed company the article calls
 * by its old name (台新金 of 台新新光金), an A-share whose listing name
 * carries its risk mark (ST联创 printed as 联创股份) — the article's own
 * spelling is the name: the one it prints most often, a Han spelling before
 * a Latin one, the longer one on a tie. A printed spelling takes in an
 * industry word written right after it (香雪 + 制药: the dictionary knows
 * the short form only) and the star of a risk mark before it (*ST银江).
 */
let industry: Set<string> | null = null;
const industryWords = (): Set<string> => (industry ??= new Set(foldedList('name-industry.txt')));
const LONGEST = 3;
const key = (s: string): string => matchKey(s.normalize('NFKC'));

/** The mention as printed, with an industry word after it and a risk mark's star before it. */
function asPrinted(m: Mention, text: string): string {
  let s = m.start;
  let e = m.end;
  if (/^ST/i.test(m.text) && text[s - 1] === '*') s--;
  // Only a two-character short form is a brand without its industry word.
  const after = [...m.text].length === 2 ? key(text.slice(e, e + LONGEST)) : '';
  for (let n = Math.min(LONGEST, after.length); n >= 2; n--) {
    if (!industryWords().has(after.slice(0, n))) continue;
    e += n;
    break;
  }
  // A market mark is no part of the company's name (中國平安H股 is 中國平安's Hong Kong line).
  return text.slice(s, e).trim().replace(/\s*(?:H股|A股|-H)$/, '');
}

/** The article's own name for a company, when it is not the dictionary's, else undefined. */
export function printedName(e: Entity, fields: { title: string; body: string }): string | undefined {
  if (e.kind !== 'company' && e.kind !== 'etf') return undefined;
  const own = key(e.name).replace(/\s+/g, '');
  const counts = new Map<string, { text: string; n: number; first: number }>();
  let i = 0;
  for (const m of e.mentions) {
    i++;
    // Code spans ((2330), 600519.SH) and bare tickers are no names.
    if (!/\p{Script=Han}|[A-Za-z]{2}/u.test(m.text) || /^\s*[(（]|^[A-Z0-9.-]{1,6}$/.test(m.text)) continue;
    const field = m.field === 'title' ? fields.title : fields.body;
    const text = asPrinted(m, field);
    // The dictionary's name printed with a space the alias match did not take (SK 海力士).
    let k = key(text);
    if (k !== own && own.includes(k) && key(field.slice(Math.max(0, m.start - 6), m.end + 6).replace(/\s+/g, '')).includes(own)) k = own;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { text, n: 1, first: i });
  }
  const han = (s: string): number => (/\p{Script=Han}/u.test(s) ? 1 : 0);
  const rank = (a: { text: string; n: number; first: number }, b: { text: string; n: number; first: number }): number =>
    han(b.text) - han(a.text) || b.n - a.n || b.text.length - a.text.length || a.first - b.first;
  // The dictionary's name printed: it stays, unless the article also prints a longer name holding it (匯豐控股 beside 匯豐).
  if (counts.has(own)) return [...counts].filter(([k]) => k !== own && k.includes(own)).map(([, c]) => c).sort(rank)[0]?.text;
  return [...counts.values()].sort(rank)[0]?.text;
}
