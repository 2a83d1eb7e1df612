import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputError } from '../errors';
import { matchKey } from '../text/fold';
import { allHan } from '../text/han';
import { wordClass, wordInfo } from '../text/jieba-words';
import { readWordList } from '../text/lists';
import type { Market } from '../types';
import { parseCsv } from './csv';
import { codeProblem, entityIdFor } from './markets';
import type { DictProblem } from './parse';
import type { DictEntry } from './types';

/**
 * The whole-market layer of the shipped dictionary, built from the exchange
 * listings in `../shared/listings/` (issue 12; see its SOURCES.md):
 * mlouielu/twstock's TWSE and TPEx lists and henrylin99/stock_web_app's
 * A-share list, both MIT. `newsflow dict listings DIR` runs this and writes
 * `dict/listing-*.jsonl` with the licence notices beside them; the curated
 * entries of `dict/` win over these (same id: the hand-written entry; same
 * spelling: the hand-written entry keeps it).
 *
 * What is taken: shares, ETFs, innovation-board shares and TDRs (9103xx);
 * not preferred shares, ETNs or asset-backed securities, which news names
 * rarely and whose short names (台泥乙特) would only add noise.
 */
export interface ListingFile {
  /** File name inside the listings directory. */
  name: string;
  /** Dictionary file written from it. */
  out: string;
  /** Copyright line of its licence. */
  copyright: string;
  /** Where it comes from, for the notice. */
  origin: string;
}

export const LISTING_FILES: readonly ListingFile[] = [
  { name: 'twse_equities_nowarrants__mlouielu_twstock.csv', out: 'listing-twse.jsonl', copyright: 'Copyright (c) 2017-2024 Louie Lu', origin: 'mlouielu/twstock, twstock/codes/twse_equities.csv (warrants removed)' },
  { name: 'tpex_equities_nowarrants__mlouielu_twstock.csv', out: 'listing-tpex.jsonl', copyright: 'Copyright (c) 2017-2024 Louie Lu', origin: 'mlouielu/twstock, twstock/codes/tpex_equities.csv (warrants removed)' },
  { name: 'a_share_stock_basic__henrylin99_stock_web_app.csv', out: 'listing-a-shares.jsonl', copyright: 'Copyright (c) 2026 nepenthes_space', origin: 'henrylin99/stock_web_app, data/stock_basic.csv' },
];

const TW_TYPES = new Set(['股票', 'ETF', '創新板', '臺灣存託憑證(TDR)']);
// Exchange suffixes printed as part of a short name: 世芯-KY, 鴻華先進-創,
// 錼創科技-KY創, 康師傅-DR (Taiwan); 寒武纪-U, 小米-W, 百济神州-U (A-shares).
const TW_SUFFIX = /-(?:KY創|KY|創|DR)$/;
const CN_SUFFIX = /-(?:UW|U|W)$/;
const CN_PREFIX = /^\*?ST/;

const AMBIGUOUS = new Set(readWordList(new URL('./data/ambiguous-names.txt', import.meta.url)).map(matchKey));
// Codes whose short name news uses for another, better-known company (恆大
// 1325 is the Evergrande of 中國恒大): left out, so the name goes to that one.
const LEFT_OUT = new Set(readWordList(new URL('./data/left-out.txt', import.meta.url)));
// jieba's frequencies from which a word is common enough in plain text to
// need evidence. Below them jieba's entry is mostly the company itself
// (台塑 3, 宏碁 3, 微星 3, tagged n or v all the same); a word it tags as a
// name (nr, nz …) needs more: 正文 (1,435), 中華 (2,446), 長榮 (22). Curated
// entries (dict/companies-tw-names.jsonl) take the well-known companies out
// again (華碩 75, 和碩 55).
const WORD_FREQ = 10;
const NAME_FREQ = 20;
// Names this common (全國 48,874, 世界, 數字, 華夏, 全新 …) are left out of
// the listing layer altogether: the evidence rules (a finance word within
// eight characters) find "evidence" next to them all the time (这一数字是去
// 年…營收, 华夏基金旗下), and a printed code still tags the company by its
// shape (數字（5287）). The well-known ones are curated back, marked
// ambiguous (正文, 中華 in companies-tw-names.jsonl).
const DROP_FREQ = 800;

/** Why a listed name is too common a word to ship, or undefined. */
export function tooCommon(name: string): string | undefined {
  const bare = name.replace(/-KY$/, '');
  if (!allHan(bare) || bare.length > 3) return undefined;
  const info = wordInfo(matchKey(bare));
  return info && info.freq >= DROP_FREQ ? `one of jieba's commonest words (${info.tag} ${info.freq})` : undefined;
}

/**
 * Why a spelling of a listed name needs evidence, or undefined when it does
 * not: a two- or three-character Han spelling that jieba's dictionary knows
 * as a frequent ordinary word (統一, 大同, 巨大), or as a name frequent in plain text
 * (正文, 中華, 長榮), a short name that heads a group of listed names
 * (`groupHeads`), or one of data/ambiguous-names.txt.
 */
export function ambiguityReason(spelling: string, groupHeads: ReadonlySet<string> = new Set(), stripped = false): string | undefined {
  const key = matchKey(spelling);
  if (AMBIGUOUS.has(key)) return 'curated list';
  if (!allHan(spelling) || spelling.length < 2 || spelling.length > 3) return undefined;
  if (groupHeads.has(key)) return 'heads a group of listed names';
  const info = wordInfo(key);
  // Two characters are too few to tell a listed name from the same two
  // characters in other words, names and places, above all in the other
  // script's news (長盛 in 长盛基金): they need evidence.
  if (!info) return spelling.length === 2 ? 'two characters' : undefined;
  // Without its -KY a short name is often a given name (志強 of 李志强).
  if (stripped && spelling.length === 2) return `without its suffix a word to jieba (${info.tag} ${info.freq})`;
  if (wordClass(key) === 'other' && info.freq >= WORD_FREQ) return `an ordinary word to jieba (${info.tag} ${info.freq})`;
  if (info.freq >= NAME_FREQ) return `a frequent word to jieba (${info.tag} ${info.freq})`;
  return spelling.length === 2 ? 'two characters' : undefined;
}

/** One usable row of a listing. */
interface Row {
  line: number;
  code: string;
  name: string;
  market: Market;
  printed: string;
  kind: 'company' | 'etf';
  /** A securities firm: in news mostly a source quoted (中金公司指出), an organisation then, not a ticker. */
  broker: boolean;
}

function twRows(text: string, file: string, market: Market, rejected: DictProblem[]): Row[] {
  const { rows, error } = parseCsv(text);
  if (error) throw new BadInputError(`${file}:${error.line}: ${error.message}`);
  const [head, ...body] = rows;
  const col = (n: string) => head?.fields.indexOf(n) ?? -1;
  const [type, code, name] = [col('type'), col('code'), col('name')];
  if (type < 0 || code < 0 || name < 0) throw new BadInputError(`${file}:1: expected the columns type,code,name (twstock's format)`);
  const out: Row[] = [];
  for (const r of body) {
    const t = r.fields[type] ?? '';
    if (!TW_TYPES.has(t)) continue;
    const c = (r.fields[code] ?? '').trim();
    const n = (r.fields[name] ?? '').trim();
    const bad = codeProblem(c, market) ?? (n ? undefined : 'no name');
    if (bad) rejected.push({ file, line: r.line, message: bad });
    else out.push({ line: r.line, code: c, name: n, market, printed: `${t},${c},${n}`, kind: t === 'ETF' ? 'etf' : 'company', broker: /證券?$/.test(n) });
  }
  return out;
}

const CN_MARKETS: Record<string, Market> = { SH: 'SSE', SZ: 'SZSE', BJ: 'BSE' };

function cnRows(text: string, file: string, rejected: DictProblem[]): Row[] {
  const { rows, error } = parseCsv(text);
  if (error) throw new BadInputError(`${file}:${error.line}: ${error.message}`);
  const [head, ...body] = rows;
  const col = (n: string) => head?.fields.indexOf(n) ?? -1;
  const [ts, name, industry] = [col('ts_code'), col('name'), col('industry')];
  if (ts < 0 || name < 0) throw new BadInputError(`${file}:1: expected the columns ts_code,name`);
  const out: Row[] = [];
  for (const r of body) {
    const [c, sfx] = (r.fields[ts] ?? '').trim().split('.');
    const market = CN_MARKETS[sfx ?? ''];
    const n = (r.fields[name] ?? '').trim();
    const bad = !market ? `unknown exchange suffix in "${r.fields[ts]}"` : (codeProblem(c ?? '', market) ?? (n ? undefined : 'no name'));
    if (bad || !market) rejected.push({ file, line: r.line, message: bad ?? 'bad row' });
    else out.push({ line: r.line, code: c!, name: n, market, printed: `${r.fields[ts]},${n}`, kind: 'company', broker: industry >= 0 && r.fields[industry] === '证券' });
  }
  return out;
}

/** The name people write and the other spellings of a listed short name. */
function spellings(row: Row): { name: string; aliases: string[] } {
  const suffix = (row.market === 'TWSE' || row.market === 'TPEx' ? TW_SUFFIX : CN_SUFFIX).exec(row.name);
  let name = suffix ? row.name.slice(0, -suffix[0].length) : row.name;
  const aliases: string[] = [];
  // An A-share under special treatment is written with its ST or *ST while
  // it has one (*ST银江): the name keeps it, the bare name is an alias.
  const st = CN_PREFIX.exec(name);
  if (st && name.length - st[0].length >= 2) aliases.push(name.slice(st[0].length));
  // Taiwanese news drops a listed name's 國際 (勤崴 of 勤崴國際); two characters, so it needs evidence.
  if ((row.market === 'TWSE' || row.market === 'TPEx') && row.kind === 'company' && /^[\u3400-\u9fff]{2,}國際$/.test(name)) aliases.push(name.slice(0, -2));
  // A Taiwanese -KY company is written with and without it (世芯-KY, 世芯):
  // the seeds write the suffix, so it stays in the name.
  if (suffix && /^-KY/.test(suffix[0])) name = `${name}-KY`;
  for (const a of [row.name, name.replace(/-KY$/, '')]) if (a !== name && a.length >= 2 && !aliases.includes(a)) aliases.push(a);
  return { name, aliases };
}

/** Two-character names that begin two or more other listed names: 長榮 (長榮航, 長榮鋼). */
function groupHeadsOf(names: readonly string[]): Set<string> {
  const keys = names.map(matchKey);
  const all = new Set(keys);
  const heads = new Set<string>();
  const count = new Map<string, number>();
  for (const k of keys) {
    const head = k.slice(0, 2);
    if (k.length > 2 && all.has(head)) count.set(head, (count.get(head) ?? 0) + 1);
  }
  for (const [h, n] of count) if (n >= 2) heads.add(h);
  return heads;
}

/** Entries built from the listings directory, per output file, and the rows skipped with why. */
export interface ListingBuild {
  files: Array<{ file: ListingFile; entries: DictEntry[]; dropped: string[] }>;
  rejected: DictProblem[];
}

/** Read the three listings from `dir` and build their dictionary entries. */
export function buildListings(dir: string): ListingBuild {
  const rejected: DictProblem[] = [];
  const perFile = LISTING_FILES.map((f) => {
    const path = join(dir, f.name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new BadInputError(`${path}: cannot read the listing: ${(err as Error).message}`);
    }
    const rows = f.name.startsWith('twse_') ? twRows(text, path, 'TWSE', rejected) : f.name.startsWith('tpex_') ? twRows(text, path, 'TPEx', rejected) : cnRows(text, path, rejected);
    return { f, rows };
  });
  const named = perFile.map(({ f, rows }) => ({ f, rows: rows.map((r) => ({ r, ...spellings(r) })) }));
  const heads = groupHeadsOf(named.flatMap((x) => x.rows.map((y) => y.name.replace(/-KY$/, ''))));
  const seen = new Set<string>();
  const files = named.map(({ f, rows }) => {
    const entries: DictEntry[] = [];
    const dropped: string[] = [];
    for (const { r, name, aliases } of rows) {
      const common = LEFT_OUT.has(`${r.market}:${r.code}`) ? 'curated' : tooCommon(name);
      if (common) {
        dropped.push(`${r.code} ${name}`);
        continue;
      }
      const ticker = { code: r.code, market: r.market };
      const id = entityIdFor(ticker);
      if (seen.has(id)) {
        rejected.push({ file: join(dir, f.name), line: r.line, message: `"${id}" is listed twice` });
        continue;
      }
      seen.add(id);
      const e: DictEntry = { id, kind: r.kind, name, aliases, ticker, source: `import:${f.name}`, evidence: r.printed };
      const why = new Map<string, string>();
      if (r.broker) why.set(name, 'a securities firm, quoted as a source more often than reported on');
      for (const s of [name, ...aliases]) {
        // The -KY form is a name no ordinary text has; its bare form may be.
        if (why.has(s) || /-KY$/.test(s)) continue;
        const reason = ambiguityReason(s, heads, /-KY/.test(r.name));
        if (reason) why.set(s, reason);
      }
      if (why.has(name)) e.ambiguous = true;
      else if (why.size) e.ambiguousAliases = [...why.keys()];
      if (why.size) e.note = [...why].map(([s, r2]) => `${s}: ${r2}`).join('; ');
      entries.push(e);
    }
    return { file: f, entries, dropped };
  });
  return { files, rejected };
}

/** The licence notice written beside the generated files. */
export function listingNotice(): string {
  const lines = [
    '# Exchange listings in this directory',
    '',
    'The files `listing-twse.jsonl`, `listing-tpex.jsonl` and `listing-a-shares.jsonl` are',
    'generated by `newsflow dict listings DIR` (src/dict/listings.ts) from these MIT-licensed',
    'listings; regenerate rather than edit, and put corrections in a curated file, which wins.',
    '',
  ];
  for (const f of LISTING_FILES) lines.push(`- \`${f.out}\`: from ${f.origin}. ${f.copyright}. MIT licence (below).`);
  lines.push('', '## MIT licence', '', ...new Set(LISTING_FILES.map((f) => f.copyright)), '', MIT);
  return `${lines.join('\n')}\n`;
}

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;
