import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDictionary } from '../../../src/dict/load';
import { codeProblem, entityIdFor, MARKETS, normaliseCode, parseMarket, tickerString } from '../../../src/dict/markets';

describe('markets', () => {
  it('writes ids and ticker strings per market', () => {
    const cases: Array<[string, string, string, string]> = [
      ['TWSE', '2330', 'TW:2330', '2330.TW'],
      ['TPEx', '6488', 'TW:6488', '6488.TWO'],
      ['SSE', '600519', 'CN:600519', '600519.SH'],
      ['SZSE', '300750', 'CN:300750', '300750.SZ'],
      ['BSE', '920118', 'CN:920118', '920118.BJ'],
      ['HKEX', '00700', 'HK:00700', '00700.HK'],
      ['NASDAQ', 'NVDA', 'US:NVDA', 'NVDA.US'],
      ['NYSE', 'VRT', 'US:VRT', 'VRT.US'],
      ['TSE', '285A', 'JP:285A', '285A.JP'],
      ['KRX', '005930', 'KR:005930', '005930.KR'],
    ];
    expect(cases.map((c) => c[0]).sort()).toEqual([...MARKETS].sort());
    for (const [market, code, id, str] of cases) {
      const t = { code, market: parseMarket(market)! };
      expect(codeProblem(code, market), `${market} ${code}`).toBeUndefined();
      expect(entityIdFor(t)).toBe(id);
      expect(tickerString(t)).toBe(str);
    }
  });

  it('rejects codes of the wrong shape and unknown markets', () => {
    expect(codeProblem('677', 'TWSE')).toContain('malformed TWSE code "677"');
    expect(codeProblem('700', 'HKEX')).toContain('malformed HKEX code');
    expect(codeProblem('700519', 'SSE')).toContain('malformed SSE code');
    expect(codeProblem('nvda', 'NASDAQ')).toContain('malformed NASDAQ code');
    expect(codeProblem('2330', 'OTC')).toContain('unknown market "OTC"');
  });

  it('normalises full-width digits and pads Hong Kong codes', () => {
    expect(normaliseCode('２３３０', 'TWSE')).toBe('2330');
    expect(normaliseCode('700', 'HKEX')).toBe('00700');
    expect(normaliseCode(' nvda ', 'NASDAQ')).toBe('NVDA');
  });
});

describe('getDictionary', () => {
  it('loads once per process and merges NEWSFLOW_DICT_PATH directories under the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsflow-get-'));
    try {
      writeFileSync(join(dir, 'x.jsonl'), `${JSON.stringify({ id: 'JP:7203', kind: 'company', name: '豐田汽車', aliases: ['Toyota'], ticker: { code: '7203', market: 'TSE' }, source: 'curated' })}\n`);
      const a = getDictionary({ dictPath: `${dir}:` });
      expect(getDictionary({ dictPath: `${dir}:` })).toBe(a);
      expect(a.byId.get('JP:7203')?.name).toBe('豐田汽車');
      expect(a.byId.get('TW:2330')?.name).toBe('台積電');
      expect(getDictionary({ dictPath: '' }).byId.has('JP:7203')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
