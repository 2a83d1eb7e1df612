import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dictCommand } from '../../../src/cli/commands/dict';
import { ambiguityReason, buildListings, listingNotice } from '../../../src/dict/listings';
import { loadDictionary, SHIPPED_DICT_DIR } from '../../../src/dict/load';
import { parseDictDir } from '../../../src/dict/parse';
import { cliContext } from '../../helpers/cli-context';

const SAMPLE = join(import.meta.dirname, '../../../fixtures/listings/shared-sample');
const tmp = mkdtempSync(join(tmpdir(), 'newsflow-listings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ctx = () => cliContext();

describe('building the whole-market layer from the exchange listings', () => {
  const built = buildListings(SAMPLE);
  const all = built.files.flatMap((f) => f.entries);
  const byId = new Map(all.map((e) => [e.id, e]));

  it('takes shares, ETFs, innovation-board shares and TDRs with provenance, and skips the rest naming file and line', () => {
    expect(byId.get('TW:910322')).toMatchObject({ name: '康師傅', aliases: ['康師傅-DR'], ticker: { code: '910322', market: 'TWSE' } });
    expect(byId.get('TW:0050')).toMatchObject({ kind: 'etf', name: '元大台灣50' });
    expect(byId.get('TW:5274')).toMatchObject({ ticker: { code: '5274', market: 'TPEx' }, source: 'import:tpex_equities_nowarrants__mlouielu_twstock.csv', evidence: '股票,5274,信驊' });
    // Preferred shares and ETNs are left out on purpose; a malformed code is reported.
    expect(byId.has('TW:2881A')).toBe(false);
    expect(byId.has('TW:020001')).toBe(false);
    expect(built.rejected.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.message}`)).toEqual(['tpex_equities_nowarrants__mlouielu_twstock.csv:5: malformed TPEx code "12": expected 4 digits (optional letter), an 00-prefixed ETF code or a 91xxxx TDR']);
  });

  it('turns exchange suffixes and ST prefixes into aliases of the name people write', () => {
    expect(byId.get('TW:3661')).toMatchObject({ name: '世芯-KY', aliases: ['世芯'] });
    expect(byId.get('TW:2258')).toMatchObject({ name: '鴻華先進', aliases: ['鴻華先進-創'] });
    expect(byId.get('CN:688256')).toMatchObject({ name: '寒武纪', aliases: ['寒武纪-U'], ticker: { market: 'SSE' } });
    expect(byId.get('CN:000004')).toMatchObject({ name: '*ST国华', aliases: ['国华'], ticker: { market: 'SZSE' } });
    expect(byId.get('CN:920001')?.ticker?.market).toBe('BSE');
  });

  it('gives a Taiwanese name its short form without 國際, which needs evidence', () => {
    const dir = join(tmp, 'with-guoji');
    cpSync(SAMPLE, dir, { recursive: true });
    const tpex = join(dir, 'tpex_equities_nowarrants__mlouielu_twstock.csv');
    writeFileSync(tpex, `${readFileSync(tpex, 'utf8').trimEnd()}\n股票,6999,甲乙國際,TW0006999000,2020/01/02,上櫃,資訊服務業,ESVUFR\n`);
    const e = buildListings(dir).files.flatMap((f) => f.entries).find((x) => x.id === 'TW:6999');
    expect(e).toMatchObject({ name: '甲乙國際', aliases: ['甲乙'], ambiguousAliases: ['甲乙'] });
  });

  it('marks short names that are ordinary words, head a group of listed names, or have two characters, as ambiguous', () => {
    expect(byId.get('TW:2371')?.ambiguous).toBe(true); // 大同: an ordinary word to jieba
    expect(byId.get('TW:2603')?.ambiguous).toBe(true); // 長榮 heads 長榮航, 長榮鋼
    expect(byId.get('TW:2330')?.ambiguous).toBeUndefined();
    // Any other two-character name needs evidence too (信驊), as does 世芯 without its -KY.
    expect(byId.get('TW:5274')?.note).toBe('信驊: two characters');
    expect(byId.get('TW:3661')?.ambiguousAliases).toEqual(['世芯']);
    expect(byId.get('TW:2618')?.ambiguous).toBeUndefined();
    expect(byId.get('CN:600519')?.ambiguous).toBeUndefined();
    expect(ambiguityReason('正文')).toMatch(/frequent word to jieba/);
    expect(ambiguityReason('資通')).toBe('curated list');
    expect(ambiguityReason('台積電')).toBeUndefined();
    expect(ambiguityReason('鴻華先進')).toBeUndefined();
  });

  it('dict listings writes the files, valid, with the licence notice beside them', async () => {
    const c = ctx();
    expect(await dictCommand.run(['listings', SAMPLE, '--out', tmp], c)).toBe(0);
    expect(c.out()).toContain('9 entries (4 with ambiguous spellings) written to');
    const notice = readFileSync(join(tmp, 'LICENSE-listings.md'), 'utf8');
    expect(notice).toBe(listingNotice());
    expect(notice).toContain('Copyright (c) 2017-2024 Louie Lu');
    expect(notice).toContain('Copyright (c) 2026 nepenthes_space');
    expect(notice).toContain('Permission is hereby granted, free of charge');
    const parsed = parseDictDir(tmp);
    expect(parsed.flatMap((f) => f.problems)).toEqual([]);
    expect(parsed.map((f) => f.file.split('/').pop())).toEqual(['listing-a-shares.jsonl', 'listing-tpex.jsonl', 'listing-twse.jsonl']);
    expect(readFileSync(join(tmp, 'listing-twse.jsonl'), 'utf8')).toMatch(/^\/\/ Built by newsflow dict listings from twse_/);
  });
});

describe('the shipped whole-market dictionary', () => {
  it('ships the TWSE, TPEx and A-share layers with their notice, under the curated entries', () => {
    expect(existsSync(join(SHIPPED_DICT_DIR, 'LICENSE-listings.md'))).toBe(true);
    const d = loadDictionary();
    const imported = d.entries.filter((e) => e.source.startsWith('import:'));
    expect(imported.length).toBeGreaterThan(7000);
    expect(imported.every((e) => e.evidence)).toBe(true);
    // Curated names and corrections win over the listing's short names.
    expect(d.byId.get('TW:2912')).toMatchObject({ name: '統一超商', source: 'curated' });
    expect(d.byId.get('TW:2912')?.aliases).toContain('統一超');
    expect(d.byId.get('TW:6770')?.correction?.printed).toBe('677');
    expect(d.byTicker.get('TWSE:910322')?.name).toBe('康師傅');
    expect(d.byTicker.get('SSE:601138')?.name).toBe('工業富聯');
    expect(d.aliases.get('富士康工业互联网')).toEqual(['CN:601138']);
  });

  it('has Hong Kong and US companies in both scripts', () => {
    const d = loadDictionary();
    expect(d.aliases.get('英伟达')).toEqual(['US:NVDA']);
    expect(d.aliases.get('輝達')).toEqual(['US:NVDA']);
    expect(d.aliases.get('腾讯')).toEqual(['HK:00700']);
    expect(d.aliases.get('騰訊')).toEqual(['HK:00700']);
    expect(d.byId.get('HK:00981')?.name).toBe('中芯國際H股');
    const hkUs = d.entries.filter((e) => e.source === 'curated' && (e.id.startsWith('HK:') || e.id.startsWith('US:')));
    expect(hkUs.length).toBeGreaterThan(150);
  });
});

describe('dict import', () => {
  it('accepts TDR codes and succeeds on a partial import, reporting what it skipped', async () => {
    const file = join(tmp, 'tdr.csv');
    writeFileSync(file, 'code,name,market\n910322,康師傅-DR,TWSE\n12,壞代號,TWSE\n2330,台積電,TWSE\n');
    const out = join(tmp, 'imported');
    const c = ctx();
    expect(await dictCommand.run(['import', file, '--format', 'csv', '--out', out], c)).toBe(0);
    expect(c.out()).toContain('2 entries written to');
    expect(c.out()).toContain('1 rows skipped');
    expect(c.err()).toContain('tdr.csv:3: skipped: malformed TWSE code "12"');
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, 'code,name,market\n12,壞代號,TWSE\n');
    expect(await dictCommand.run(['import', empty, '--format', 'csv', '--out', out], ctx())).toBe(1);
  });
});
