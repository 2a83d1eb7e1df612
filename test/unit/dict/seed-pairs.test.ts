import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldAlias, loadDictionary } from '../../../src/dict/load';
import { tickerString } from '../../../src/dict/markets';
import { isSeedSource } from '../../../src/dict/validate';

const dict = loadDictionary();

// Every name–code pair printed in the seeds, written by hand from reading them.
// [seed, name as printed, code as printed, expected code]
const PAIRS: Array<[string, string, string, string]> = [
  ['000', '國泰台灣科技龍頭', '00881', '00881'],
  ['000', '群益半導體收益', '00927', '00927'],
  ['000', '健鼎', '3044', '3044'],
  ['000', '信驊', '5274', '5274'],
  ['000', '力成', '6239', '6239'],
  ['000', '力積電', '677', '6770'],
  ['001', 'NVIDIA', 'NVDA', 'NVDA'],
  ['001', 'AMD', 'AMD', 'AMD'],
  ['001', '世芯-KY', '3661', '3661'],
  ['001', '巨有科技', '8227', '8227'],
  ['001', '台積電', '2330', '2330'],
  ['001', '日月光投控', '3711', '3711'],
  ['001', 'Amkor', 'AMKR', 'AMKR'],
  ['001', '星宇航空', '2646', '2646'],
  ['001', '廣達', '2382', '2382'],
  ['001', '緯創', '3231', '3231'],
  ['001', '英業達', '2356', '2356'],
  ['001', '技嘉', '2376', '2376'],
  ['001', 'CoreWeave', 'CRWV', 'CRWV'],
  ['001', '神達', '3706', '3706'],
  ['001', '健策', '3653', '3653'],
  ['001', '高力', '8996', '8996'],
  ['001', '邁科', '6831', '6831'],
  ['001', '台達電', '2308', '2308'],
  ['001', '光寶科', '2301', '2301'],
  ['001', '興勤', '2428', '2428'],
  ['001', '金居', '8358', '8358'],
  ['001', '大量', '3167', '3167'],
  ['001', '臻鼎-KY', '4958', '4958'],
  ['001', '東研信超', '6840', '6840'],
  ['001', '信紘科', '6667', '6667'],
  ['001', '眾達-KY', '4977', '4977'],
  ['001', 'Broadcom', 'AVGO', 'AVGO'],
  ['001', '東元', '1504', '1504'],
  ['001', '士電', '1503', '1503'],
  ['001', '中興電', '1513', '1513'],
  ['001', '華城', '1519', '1519'],
  ['001', '鴻海', '2317', '2317'],
  ['001', 'Oklo', 'OKLO', 'OKLO'],
  ['001', 'Lightbridge', 'LTBR', 'LTBR'],
  ['001', 'Uranium Energy', 'UEC', 'UEC'],
  ['001', 'Tesla', 'TSLA', 'TSLA'],
  ['001', '佳能', '2374', '2374'],
  ['001', '東台', '4526', '4526'],
  ['001', '上銀', '2049', '2049'],
  ['001', '大銀微系統', '4576', '4576'],
  ['002', '鴻海', '2317', '2317'],
  ['002', '東元電機', '1504', '1504'],
  ['003', 'Palantir', 'PLTR', 'PLTR'],
  ['003', 'Arista Networks', 'ANET', 'ANET'],
  ['003', 'Vertiv', 'VRT', 'VRT'],
];

function resolve(name: string): string[] {
  return [...(dict.aliases.get(foldAlias(name)) ?? [])];
}

describe('name–code pairs printed in the seeds', () => {
  it.each(PAIRS)('seed %s: %s（%s） resolves to code %s', (_seed, name, _printed, code) => {
    const ids = resolve(name);
    expect(ids).toHaveLength(1);
    expect(dict.byId.get(ids[0]!)?.ticker?.code).toBe(code);
  });

  it('records the 力積電（677） correction explicitly', () => {
    const e = dict.byId.get('TW:6770');
    expect(e?.name).toBe('力積電');
    expect(e?.correction?.printed).toBe('677');
    expect(e?.evidence).toBe('力積電（677）');
    expect(dict.byTicker.get('TWSE:677')).toBeUndefined();
  });

  it('finds the Simplified and English spellings of the issue examples', () => {
    for (const [form, id] of [['台积电', 'TW:2330'], ['TSMC', 'TW:2330'], ['台積', 'TW:2330'], ['英偉達', 'US:NVDA'], ['英伟达', 'US:NVDA'], ['nvidia', 'US:NVDA'], ['鸿海', 'TW:2317'], ['Foxconn', 'TW:2317'], ['Hon Hai', 'TW:2317']] as const) {
      expect(resolve(form), form).toEqual([id]);
    }
  });

  it('writes tickers with the market suffix', () => {
    expect(tickerString(dict.byId.get('TW:5274')!.ticker!)).toBe('5274.TWO');
    expect(tickerString(dict.byId.get('TW:2330')!.ticker!)).toBe('2330.TW');
    expect(tickerString(dict.byId.get('KR:005930')!.ticker!)).toBe('005930.KR');
  });
});

describe('provenance', () => {
  const seeds = new Map<string, string>();
  const dir = join(import.meta.dirname, '../../../fixtures/articles');
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    const seed = /^seed:\s*(\S+)$/m.exec(text)?.[1];
    if (seed) seeds.set(seed, text);
  }

  it('every seed-sourced entry quotes a phrase that is in that seed', () => {
    expect(seeds.size).toBe(5);
    const bad = dict.entries.filter((e) => isSeedSource(e.source) && !(seeds.get(e.source) ?? '').includes(e.evidence ?? '\u0000'));
    expect(bad.map((e) => `${e.id} ${e.source} ${e.evidence}`)).toEqual([]);
    expect(dict.entries.filter((e) => isSeedSource(e.source)).length).toBeGreaterThan(60);
  });
});
