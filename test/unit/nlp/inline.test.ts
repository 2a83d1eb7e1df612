import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/types';
import type { Tagged } from '../../../src/nlp/types';
import { sharedNlp } from './shared';

function tag(body: string, title = ''): Tagged {
  return sharedNlp().tag({ title, body });
}

function entity(r: Tagged, id: string): Entity | undefined {
  return r.entities.find((e) => e.id === id);
}

function codeMention(r: Tagged, id: string): string[] {
  return (entity(r, id)?.mentions ?? []).filter((m) => m.via === 'inline-code').map((m) => m.text);
}

describe('inline ticker codes (Taiwan)', () => {
  it.each([
    ['台積電（2330）今日上漲', 'TW:2330', '2330'],
    ['台積電(2330)今日上漲', 'TW:2330', '2330'],
    ['台積電( 2330 )今日上漲', 'TW:2330', '2330'],
    ['華城 (1519-TW) 營收創高', 'TW:1519', '1519'],
    ['日月光投控（3711.TW）受惠', 'TW:3711', '3711'],
    ['台積電（２３３０）今日上漲', 'TW:2330', '２３３０'],
    ['環球晶 6488.TWO 持平', 'TW:6488', '6488'],
    ['國泰台灣科技龍頭（00881）除息', 'TW:00881', '00881'],
    ['外資買進00878逾14萬張', 'TW:00878', '00878'],
  ])('%s → %s', (body, id, printed) => {
    const r = tag(body);
    expect(codeMention(r, id)).toEqual([printed]);
  });

  it('takes a code the dictionary lacks from its shape and the name before it', () => {
    const r = tag('奇鋐（3017）與川湖（2059）受惠伺服器散熱需求。');
    expect(r.tickers).toEqual(['2059.TW', '3017.TW']);
    expect(entity(r, 'TW:3017')?.name).toBe('奇鋐');
  });

  it('whatever jieba calls the name (華碩 is tagged a person, 宏碁 a verb)', () => {
    expect(tag('華碩（2357）與宏碁（2353）公布營收。').tickers).toEqual(['2353.TW', '2357.TW']);
  });

  it('takes ETF codes the dictionary lacks after names ending in numbers or Latin', () => {
    const r = tag('元大台灣50（0050）與富邦台50（006208）同步上漲。');
    expect(r.tickers).toEqual(['0050.TW', '006208.TW']);
    expect(r.entities.filter((e) => e.ticker).map((e) => [e.kind, e.name]).sort()).toEqual([['etf', '元大台灣50'], ['etf', '富邦台50']]);
  });

  it('reads five-digit 00 codes in Traditional text as ETFs only after an ETF name (騰訊（00700）is Hong Kong)', () => {
    expect(tag('港股騰訊（00700）走高，元大台灣高股息低波（00713）與中信關鍵半導體（00891）亦漲。').tickers).toEqual(['00700.HK', '00713.TW', '00891.TW']);
  });

  it('resolves a code that contradicts the dictionary to its company and flags it', () => {
    const r = tag('晶圓代工廠力積電（677）營運好轉');
    const e = entity(r, 'TW:6770');
    expect(e).toBeDefined();
    const m = e!.mentions.find((x) => x.text === '677');
    expect(m?.flag).toMatch(/677/);
    expect(r.tickers).toEqual(['6770.TW']);
  });
});

describe('inline ticker codes (US, Hong Kong, mainland)', () => {
  it.each([
    ['輝達 NVIDIA (NVDA) 收高', 'US:NVDA', 'NVDA'],
    ['NASDAQ: AMD 跟漲', 'US:AMD', 'AMD'],
    ['Broadcom ( AVGO ) 合作', 'US:AVGO', 'AVGO'],
  ])('%s → %s', (body, id, printed) => {
    expect(codeMention(tag(body), id)).toEqual([printed]);
  });

  it('reads a Latin name and the code that abbreviates it as a US listing', () => {
    const r = tag('美股方面，Coherent (COHR) 受惠光模組需求。');
    expect(r.tickers).toEqual(['COHR.US']);
  });

  it('takes a code that is only the initials of a name of several words for an abbreviation, unless the market is printed', () => {
    expect(tag('集團出售旗下電網營運商North Grid Services（NGS）。').tickers).toEqual([]);
    expect(tag('電網營運商Western Power Holdings（WPH）宣布增資。').tickers).toEqual([]);
    expect(tag('美股方面，Western Power Holdings (NYSE: WPH) 大漲。').tickers).toEqual(['WPH.US']);
    expect(tag('美股方面，Arista Networks (ANET) 大漲。').tickers).toEqual(['ANET.US']);
  });

  it('reads five-digit codes in Simplified text as Hong Kong (舜宇光学(02382) is not 廣達 2382)', () => {
    const r = tag('港股午后走强，腾讯(00700)涨逾3%，舜宇光学(02382)随之上扬。');
    expect(r.script).toBe('Hans');
    expect(r.tickers).toEqual(['00700.HK', '02382.HK']);
    expect(entity(r, 'TW:2382')).toBeUndefined();
  });

  it.each([
    ['美团（3690.HK）上扬', '03690.HK'],
    ['统一企业中国(0220.HK)持平', '00220.HK'],
    ['贵州茅台（600519.SH）收涨', '600519.SH'],
    ['宁德时代(300750.SZ)收涨', '300750.SZ'],
    ['比亚迪 002594.SZ 小幅回落', '002594.SZ'],
  ])('%s → %s', (body, ticker) => {
    expect(tag(body).tickers).toEqual([ticker]);
  });

  it.each([
    ['中芯国际（688981.SH/00981.HK）持平', ['00981.HK', '688981.SH']],
    ['贵州茅台（SH600519）收涨', ['600519.SH']],
    ['宁德时代（300750）收涨', ['300750.SZ']],
    ['小米集团-W(01810)走强', ['01810.HK']],
    ['美股 ADR (TSM-US) 收高', ['TSM.US']],
    ['英伟达（NVDA.O）走强', ['NVDA.US']],
    ['Arm (NASDAQ: ARM) 大漲', ['ARM.US']],
    ['贵州茅台（A股代码：600519）与宁德时代（股票代码：300750.SZ）', ['300750.SZ', '600519.SH']],
    ['丰田汽车（7203.T）与三星电子（005930.KS）', ['005930.KR', '7203.JP']],
  ])('%s → %j', (body, tickers) => {
    expect(tag(body).tickers).toEqual(tickers);
  });

  it('names a company the dictionary lacks by the whole name before its code', () => {
    // Neither is in the shipped dictionary (the A-share listing predates 301999).
    const r = tag('蓝海科技-W(02589)与星河科技（301999）走强');
    expect(r.entities.map((e) => e.name).sort()).toEqual(['星河科技', '蓝海科技-W']);
    expect(r.tickers).toEqual(['02589.HK', '301999.SZ']);
  });

  it('reads a Taiwanese name with its code as Taiwanese in Simplified text', () => {
    const r = tag('台积电（2330）与鸿海（2317）走高，联发科（2454）亦受惠。');
    expect(r.tickers).toEqual(['2317.TW', '2330.TW', '2454.TW']);
  });
});

describe('traps: never a ticker', () => {
  it.each([
    '台股今（12）日開高，市場預估（2026）年企業獲利成長，去年（2025）出口創高，民國（114）年預算通過。',
    '高瓦數電源供應器（PSU）、高頻寬記憶體（HBM）、雲端服務商（CSP）與每股盈餘（EPS）受關注，人工智慧（AI）延燒。',
    '台灣區電機電子工業同業公會（TEEMA）率團赴美。',
    '會後共識於（11/21）發布，合計（75,000）片晶圓，目標價（1200）元，營收(100,000)元。',
    '台北（2024）年會與美國（2025）大選，沪指报3350.12点（+0.8%），2025年（含）以来，中国证监会（CSRC）发布政策。',
    '由大量伺服器電源轉換器引起的諧波問題，讓東台灣的電網承受壓力。',
    '張忠謀（1931）與郭台銘（1950）都是創辦人；每股純益（EPS）1.05元，第1季（Q1）出貨季減，成交量（3500）張。',
  ])('%s', (body) => {
    expect(tag(body).tickers).toEqual([]);
  });

  it('names with English abbreviations in brackets are companies by name, not by the abbreviation', () => {
    const r = tag('漢翔（AIDC）與中鼎集團（CTCI）也同行。');
    expect(r.tickers).toEqual(['2634.TW', '9933.TW']);
    expect(r.entities.some((e) => e.id.startsWith('US:'))).toBe(false);
  });
});
