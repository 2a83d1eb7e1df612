import { afterAll, describe, expect, it } from 'vitest';
import type { Tagged } from '../../../src/nlp/types';
import { ownNlp } from './own-dict';

// Hand-written passages (not corpus text); the dictionary knows none of these companies.
const { nlp, dispose } = ownNlp([
  { id: 'TW:2330', kind: 'company', name: '台積電', aliases: [], ticker: { code: '2330', market: 'TWSE' } },
  { id: 'TW:2634', kind: 'company', name: '漢翔', aliases: ['AIDC'], ticker: { code: '2634', market: 'TWSE' } },
  { id: 'TW:9876', kind: 'company', name: '元成', aliases: [], ticker: { code: '9876', market: 'TWSE' }, source: 'import:listing.csv' },
]);
afterAll(dispose);

/** `CODE.MARKET name` of each listed company, sorted. */
function named(r: Tagged): string[] {
  return r.entities.filter((e) => e.ticker).map((e) => `${e.ticker!.code}.${e.ticker!.market} ${e.name}`).sort();
}
const tag = (body: string) => nlp.tag({ title: '', body });

describe('names of companies the dictionary lacks, before their codes', () => {
  it('cuts a name at the brand: no conjunction, preposition or descriptor glued on', () => {
    expect(named(tag('航運股陽明海運（2609）及萬海（2615）齊揚。'))).toEqual(['2609.TWSE 陽明海運', '2615.TWSE 萬海']);
    expect(named(tag('國內新藥公司藥華藥（6446）今日公告營收。'))).toEqual(['6446.TWSE 藥華藥']);
    expect(named(tag('散熱模組廠雙鴻（3324）與電源廠光寶（2301）走強。'))).toEqual(['2301.TWSE 光寶', '3324.TWSE 雙鴻']);
  });

  it('keeps the industry words at the end and a place in front', () => {
    const r = tag('港股方面，中生製藥（1177）跌，佳鑫國際資源（3858）升，中國海洋石油（00883）持平，按年增長。');
    expect(named(r)).toEqual(['00883.HKEX 中國海洋石油', '01177.HKEX 中生製藥', '03858.HKEX 佳鑫國際資源']);
  });

  it('stops at a brand of four characters: words further back are the sentence', () => {
    expect(named(tag('港股方面，停牌至今的巨型財困內房碧桂園（02007）成交，按年下跌。'))).toEqual(['02007.HKEX 碧桂園']);
  });

  it('keeps a risk-warning mark and an ETF issuer', () => {
    expect(named(tag('*ST銀河(000806.SZ)公告被立案調查。'))).toEqual(['000806.SZSE *ST銀河']);
    expect(named(tag('群益台灣精選高息ETF（00919）今天公告配息。'))).toEqual(['00919.TWSE 群益台灣精選高息ETF']);
  });

  it('gives a second listing printed after a market word the company named before', () => {
    const r = tag('藥明康德 (603259-SHA) 在上海股市下跌10%，在香港股市 (02359-HK) 下跌近18%。');
    expect(named(r)).toEqual(['02359.HKEX 藥明康德', '603259.SSE 藥明康德']);
  });

  it('reads a code inside portal link text', () => {
    expect(tag('券商給予西部礦業(行情601168,診股)買入評級。').tickers).toEqual(['601168.SH']);
  });
});

describe('codes in Hong Kong market news written in Traditional script', () => {
  it('reads four and three digits as Hong Kong codes there, and as Taiwanese codes in Taiwanese news', () => {
    expect(tag('港股昨日回穩，恒指升1%。騰訊（0700）升2%，港鐵（066）按年增長。').tickers).toEqual(['00066.HK', '00700.HK']);
    expect(tag('台股今日大漲，加權指數收高。廣達（2382）漲停，三大法人買超。').tickers).toEqual(['2382.TW']);
    expect(tag('台股今日收高，政府預算（114）年度編列完成。').tickers).toEqual([]);
  });
});

describe('an abbreviation that is also a common acronym', () => {
  it('names the company only with evidence (AIDC: 漢翔, or an AI data centre)', () => {
    expect(tag('電信業者將全面導入AIDC，建置算力中心。').tickers).toEqual([]);
    expect(tag('漢翔（AIDC）營收創高，AIDC股價走強。').tickers).toEqual(['2634.TW']);
  });
});

describe('short names from an imported listing', () => {
  it('are not cut out of the words around them, and still match on their own', () => {
    expect(tag('累計營收5.27兆元，較去年同期4.64兆元成長13.67%。').tickers).toEqual([]);
    expect(tag('元成（9876）今日公告營收。').tickers).toEqual(['9876.TW']);
  });
});

describe('page chrome', () => {
  it('gives no company from a navigation row', () => {
    expect(tag('首頁 新聞 財經 台積電 科技 娛樂 體育\n今日大盤走高。').tickers).toEqual([]);
    expect(tag('台積電今日大漲。').tickers).toEqual(['2330.TW']);
  });
});
