import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BadInputError } from '../errors';
import type { Market } from '../types';
import { parseCsv } from './csv';
import { codeProblem, entityIdFor, MARKETS, normaliseCode, parseMarket } from './markets';
import type { DictProblem } from './parse';
import type { DictEntry } from './types';
import { entryProblems } from './validate';

/** Listing formats `newsflow dict import` understands. */
export type ListingFormat = 'csv' | 'twse';

/** Entries made from a listing, and the rows that could not be used (with why). */
export interface ImportResult {
  entries: DictEntry[];
  rejected: DictProblem[];
}

interface Row {
  line: number;
  code: string;
  name: string;
  market: string;
  aliases: string[];
  kind?: string;
}

// Legal-form endings dropped to make the short alias of a full company name.
const LEGAL_SUFFIX = /(?:股份有限公司|有限责任公司|有限責任公司|股份公司|有限公司|集团公司|集團公司)$/;

/** Spellings a listing implies besides those it prints: 世芯-KY → 世芯, …股份有限公司 → … */
function derivedAliases(name: string, aliases: string[]): string[] {
  const out: string[] = [];
  for (const s of [name, ...aliases]) {
    const noKy = s.replace(/-KY$/i, '');
    if (noKy !== s && noKy.length >= 2) out.push(noKy);
    const short = s.replace(LEGAL_SUFFIX, '');
    if (short !== s && short.length >= 2) out.push(short);
  }
  return out;
}

function toEntry(r: Row, source: string, file: string): DictEntry | DictProblem {
  const market = parseMarket(r.market);
  if (!market) return { file, line: r.line, message: `unknown market "${r.market}" (known: ${MARKETS.join(' ')})` };
  const code = normaliseCode(r.code, market);
  const bad = codeProblem(code, market);
  if (bad) return { file, line: r.line, message: bad };
  const name = r.name.trim();
  const written = r.aliases.map((a) => a.trim()).filter(Boolean);
  const aliases = [...new Set([...written, ...derivedAliases(name, written)])].filter((a) => a !== name);
  const ticker = { code, market };
  const kind = r.kind?.trim() || (/^00/.test(code) && (market === 'TWSE' || market === 'TPEx') ? 'etf' : 'company');
  const entry = { id: entityIdFor(ticker), kind, name, aliases, ticker, source } as DictEntry;
  const problems = entryProblems(entry);
  if (problems.length) return { file, line: r.line, message: problems.join('; ') };
  return entry;
}

function finish(rows: Row[], file: string): ImportResult {
  const source = `import:${basename(file)}`;
  const entries: DictEntry[] = [];
  const rejected: DictProblem[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const e = toEntry(r, source, file);
    if (!('id' in e)) {
      rejected.push(e);
      continue;
    }
    const prev = seen.get(e.id);
    if (prev !== undefined) {
      rejected.push({ file, line: r.line, message: `"${e.id}" already listed at line ${prev}` });
      continue;
    }
    seen.set(e.id, r.line);
    entries.push(e);
  }
  return { entries, rejected };
}

/** Records of a CSV or JSON-array file as objects keyed by header, with line numbers. */
function records(text: string, file: string): Array<{ line: number; get: (names: string[]) => string | undefined; has: (names: string[]) => boolean }> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new BadInputError(`${file}: not JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(data)) throw new BadInputError(`${file}: expected a JSON array of records`);
    // JSON has no useful line numbers; the record number stands in for them.
    return data.map((o, i) => {
      const rec = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
      const get = (names: string[]): string | undefined => {
        for (const n of names) if (rec[n] !== undefined && rec[n] !== null) return String(rec[n]);
        return undefined;
      };
      return { line: i + 1, get, has: (names: string[]) => get(names) !== undefined };
    });
  }
  const { rows, error } = parseCsv(text);
  if (error) throw new BadInputError(`${file}:${error.line}: ${error.message}`);
  const [head, ...body] = rows;
  if (!head) throw new BadInputError(`${file}: empty listing (no header row)`);
  const index = new Map(head.fields.map((h, i) => [h.trim().toLowerCase(), i]));
  const col = (names: string[]): number | undefined => names.map((n) => index.get(n.toLowerCase())).find((i) => i !== undefined);
  return body.map((r) => ({
    line: r.line,
    get: (names: string[]) => {
      const i = col(names);
      return i === undefined ? undefined : r.fields[i];
    },
    has: (names: string[]) => col(names) !== undefined,
  }));
}

const CSV_COLS = { code: ['code'], name: ['name'], market: ['market'], aliases: ['aliases'], kind: ['kind'] };
// The TWSE (t187ap03_L) and TPEx (t187ap03_O) open-data company lists, in
// their Chinese CSV headers and the English keys of the OpenAPI JSON.
const TWSE_COLS = {
  code: ['公司代號', 'SecuritiesCompanyCode', 'Code'],
  short: ['公司簡稱', 'CompanyAbbreviation'],
  full: ['公司名稱', 'CompanyName'],
  english: ['英文簡稱', 'EnglishAbbreviation'],
};

/**
 * Turn an exchange listing into dictionary entries.
 *
 * - `csv`: header row `code,name,market[,aliases][,kind]`, aliases separated
 *   by `|`, markets as in MARKETS (any case).
 * - `twse`: the Taiwan exchange open-data company list (CSV with 公司代號,
 *   公司簡稱, 公司名稱, 英文簡稱 …, or the OpenAPI JSON array); every row is in
 *   `market` (TWSE unless told TPEx).
 *
 * Rows that cannot be used are returned in `rejected` with file, line and why;
 * a file that cannot be read at all (no header, missing columns) throws.
 */
export function importListing(text: string, file: string, format: ListingFormat, opts: { market?: Market } = {}): ImportResult {
  const recs = records(text, file);
  const first = recs[0];
  if (format === 'csv') {
    const missing = first ? (['code', 'name', 'market'] as const).filter((k) => !first.has(CSV_COLS[k])) : [];
    if (missing.length) throw new BadInputError(`${file}:1: header lacks column(s) ${missing.join(', ')} (expected code,name,market[,aliases])`);
    const rows = recs.map((r) => ({
      line: r.line,
      code: r.get(CSV_COLS.code) ?? '',
      name: r.get(CSV_COLS.name) ?? '',
      market: r.get(CSV_COLS.market) ?? '',
      aliases: (r.get(CSV_COLS.aliases) ?? '').split('|'),
      kind: r.get(CSV_COLS.kind),
    }));
    return finish(rows, file);
  }
  const missing = first ? (['code', 'short'] as const).filter((k) => !first.has(TWSE_COLS[k])) : [];
  if (missing.length) throw new BadInputError(`${file}:1: not a TWSE company list: no ${missing.map((k) => TWSE_COLS[k][0]).join(', ')} column`);
  const market = opts.market ?? 'TWSE';
  const rows = recs.map((r) => ({
    line: r.line,
    code: r.get(TWSE_COLS.code) ?? '',
    name: r.get(TWSE_COLS.short) ?? '',
    market,
    aliases: [r.get(TWSE_COLS.full) ?? '', r.get(TWSE_COLS.english) ?? ''],
  }));
  return finish(rows, file);
}

/** The file name `dict import` writes for a listing: `listing-<name>.jsonl`. */
export function listingFileName(listing: string): string {
  const stem = basename(listing).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_');
  return `listing-${stem || 'import'}.jsonl`;
}

/** Write entries as a dictionary file in `dir` (created if needed); returns its path. */
export function writeDictFile(dir: string, name: string, entries: DictEntry[], header: string[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const lines = [...header.map((h) => `// ${h}`), ...entries.map((e) => JSON.stringify(e))];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
