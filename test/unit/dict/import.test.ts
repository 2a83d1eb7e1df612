import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dictCommand } from '../../../src/cli/commands/dict';
import { importListing, listingFileName, writeDictFile } from '../../../src/dict/import';
import { foldAlias, loadDictionary, SHIPPED_DICT_DIR } from '../../../src/dict/load';
import { BadInputError } from '../../../src/errors';
import { cliContext } from '../../helpers/cli-context';

const LISTINGS = join(import.meta.dirname, '../../../fixtures/listings');
const read = (name: string): string => readFileSync(join(LISTINGS, name), 'utf8');

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'newsflow-import-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('csv listings', () => {
  it('turns every row into a market-qualified entry', () => {
    const { entries, rejected } = importListing(read('tw-cn-hk.csv'), 'tw-cn-hk.csv', 'csv');
    expect(rejected).toEqual([]);
    expect(entries).toHaveLength(44);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('TW:2454')).toMatchObject({ name: '聯發科', aliases: ['聯發科技', 'MediaTek'], ticker: { code: '2454', market: 'TWSE' }, source: 'import:tw-cn-hk.csv' });
    expect(byId.get('TW:8299')?.ticker).toEqual({ code: '8299', market: 'TPEx' });
    expect(byId.get('CN:600519')?.ticker).toEqual({ code: '600519', market: 'SSE' });
    expect(byId.get('CN:300750')?.ticker).toEqual({ code: '300750', market: 'SZSE' });
    // Hong Kong codes are zero-padded, market names are case-insensitive, quoted fields keep their commas.
    expect(byId.get('HK:00700')).toMatchObject({ name: '腾讯控股', aliases: ['腾讯', 'Tencent, Holdings'], ticker: { code: '00700', market: 'HKEX' } });
    expect(byId.get('TW:0050')?.kind).toBe('etf');
  });

  it('reads UTF-8 with a BOM', () => {
    const { entries } = importListing(read('cn-bom.csv'), 'cn-bom.csv', 'csv');
    expect(entries.map((e) => e.id)).toEqual(['CN:601857', 'CN:601988', 'CN:000002']);
  });

  it('skips bad rows, naming file, line and why, and keeps the rest', () => {
    const { entries, rejected } = importListing(read('bad.csv'), 'bad.csv', 'csv');
    expect(entries.map((e) => e.id)).toEqual(['TW:2454', 'TW:2303']);
    expect(rejected.map((r) => `${r.file}:${r.line}`)).toEqual(['bad.csv:3', 'bad.csv:4', 'bad.csv:5', 'bad.csv:6', 'bad.csv:7']);
    expect(rejected[0]?.message).toContain('malformed TWSE code "677"');
    expect(rejected[1]?.message).toContain('unknown market "OTC"');
    expect(rejected[3]?.message).toContain('"TW:2454" already listed at line 2');
  });

  it('refuses a file without the required header', () => {
    expect(() => importListing('代號,名稱\n2330,台積電\n', 'x.csv', 'csv')).toThrow(BadInputError);
    expect(() => importListing('代號,名稱\n2330,台積電\n', 'x.csv', 'csv')).toThrow('x.csv:1: header lacks column(s) code, name, market');
  });
});

describe('twse listings', () => {
  it('reads the TWSE open-data CSV: short name, full name and its short form, English name', () => {
    const { entries, rejected } = importListing(read('twse-t187ap03_L.csv'), 'twse-t187ap03_L.csv', 'twse');
    expect(rejected).toEqual([]);
    expect(entries).toHaveLength(20);
    const mtk = entries.find((e) => e.id === 'TW:2454');
    expect(mtk).toMatchObject({ name: '聯發科', ticker: { code: '2454', market: 'TWSE' } });
    expect(mtk?.aliases).toEqual(expect.arrayContaining(['聯發科技股份有限公司', '聯發科技', 'MediaTek']));
    expect(entries.find((e) => e.id === 'TW:3661')?.aliases).toContain('世芯');
  });

  it('reads the TPEx OpenAPI JSON when told the market', () => {
    const { entries } = importListing(read('tpex-t187ap03_O.json'), 'tpex-t187ap03_O.json', 'twse', { market: 'TPEx' });
    expect(entries).toHaveLength(7);
    expect(entries.find((e) => e.id === 'TW:8299')).toMatchObject({ name: '群聯', ticker: { code: '8299', market: 'TPEx' } });
  });
});

describe('merging imported files under the shipped dictionary', () => {
  it('loads imported entries, in both scripts, and lets shipped entries win', () => {
    const dir = tmp();
    for (const [f, fmt] of [['tw-cn-hk.csv', 'csv'], ['twse-t187ap03_L.csv', 'twse']] as const) {
      writeDictFile(dir, listingFileName(f), importListing(read(f), f, fmt).entries, []);
    }
    writeDictFile(dir, 'zz-conflict.jsonl', [
      { id: 'TW:2330', kind: 'company', name: '假台積', aliases: [], ticker: { code: '2330', market: 'TWSE' }, source: 'curated' },
      { id: 'TW:9999', kind: 'company', name: '台積電', aliases: ['鴻海'], ticker: { code: '9999', market: 'TWSE' }, source: 'curated' },
    ], []);
    const d = loadDictionary([SHIPPED_DICT_DIR, dir]);
    expect(d.byId.get('TW:2330')?.name).toBe('台積電');
    expect(d.aliases.get('台積電')).toEqual(['TW:2330']);
    expect(d.aliases.get('鴻海')).toEqual(['TW:2317']);
    expect(d.aliases.get(foldAlias('聯發科'))).toEqual(['TW:2454']);
    expect(d.aliases.get('联发科')).toEqual(['TW:2454']);
    expect(d.aliases.get('贵州茅台')).toEqual(['CN:600519']);
    expect(d.aliases.get('貴州茅臺')).toEqual(['CN:600519']);
    // The shipped dictionary has Tencent (companies-hk.jsonl): its entry wins over the import's.
    expect(d.byTicker.get('HKEX:00700')?.name).toBe('騰訊');
    expect(d.byTicker.get('SZSE:300750')?.name).toBe('寧德時代');
  });
});

describe('newsflow dict', () => {
  const ctx = (dictPath = '') => cliContext({ NEWSFLOW_DICT_PATH: dictPath });

  it('check exits 0 on the shipped dictionary and 1 naming file and line otherwise', async () => {
    const good = ctx();
    expect(await dictCommand.run(['check'], good)).toBe(0);
    expect(good.out()).toMatch(/0 errors/);
    const dir = tmp();
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"TW:1","kind":"company","name":"x","aliases":[],"ticker":{"code":"1","market":"TWSE"},"source":"curated"}\n');
    const bad = ctx(dir);
    expect(await dictCommand.run(['check'], bad)).toBe(1);
    expect(bad.err()).toContain('bad.jsonl:1: error: "ticker": malformed TWSE code "1"');
  });

  it('mine finds every printed pair of the fixtures in the dictionary', async () => {
    const c = ctx();
    expect(await dictCommand.run(['mine'], c)).toBe(0);
    expect(c.out()).toContain('53 printed name–code pairs: 52 ok, 1 corrected, 0 contradict, 0 missing alias, 0 missing');
  });

  it('mine reports pairs the dictionary lacks or contradicts', async () => {
    const dir = tmp();
    const article = join(dir, 'a.txt');
    writeFileSync(article, '標題\n台積電（2317）與新聯科 (9997-TW) 及 Micron ( MU ) 和 新公司（９９９８）\n台積公司（2330）\n');
    const c = ctx();
    expect(await dictCommand.run(['mine', article], c)).toBe(1);
    const out = c.out();
    expect(out).toContain('a.txt:2: contradicts: 台積電（2317） → TW:2330');
    expect(out).toContain('a.txt:2: missing: 與新聯科 (9997-TW)');
    expect(out).toContain('a.txt:2: missing: 新公司（９９９８）');
    expect(out).toContain('a.txt:3: missing-alias: 台積公司（2330） → TW:2330');
    expect(out).toContain('5 printed name–code pairs: 1 ok, 0 corrected, 1 contradict, 1 missing alias, 2 missing');
  });

  it('import writes to the first NEWSFLOW_DICT_PATH directory by default', async () => {
    const dir = tmp();
    const c = ctx(`${dir}:/nonexistent`);
    expect(await dictCommand.run(['import', join(LISTINGS, 'cn-bom.csv'), '--format', 'csv'], c)).toBe(0);
    expect(c.out()).toContain('3 entries written to');
    expect(readFileSync(join(dir, 'listing-cn-bom.jsonl'), 'utf8')).toContain('"id":"CN:601857"');
  });
});

describe('second listings', () => {
  it('drops an imported row whose ticker the shipped dictionary lists under another id', () => {
    const dir = tmp();
    writeDictFile(dir, 'hk.jsonl', [{ id: 'HK:09988', kind: 'company', name: '阿里巴巴-SW', aliases: [], ticker: { code: '09988', market: 'HKEX' }, source: 'import:hk.csv' }], []);
    const d = loadDictionary([SHIPPED_DICT_DIR, dir]);
    expect(d.byId.has('HK:09988')).toBe(false);
    expect(d.byTicker.get('HKEX:09988')?.id).toBe('US:BABA');
    expect(d.aliases.get(foldAlias('阿里巴巴-SW'))).toBeUndefined();
  });
});
