import { describe, expect, it } from 'vitest';
import type { Tagged } from '../../../src/nlp/types';
import { sharedNlp } from '../nlp/shared';

// Sentences written for this test (not taken from any article), in both
// scripts, tagged through the shipped dictionary's curated Hong Kong, US,
// Japanese and Korean entries (dict/companies-hk.jsonl, companies-us.jsonl,
// companies-jp-kr.jsonl and the H shares in companies-cn.jsonl).
const tag = (body: string): Tagged => sharedNlp().tag({ title: '', body });
const idsOf = (r: Tagged): string[] => r.entities.filter((e) => e.ticker).map((e) => e.id).sort();

describe('curated Hong Kong, US, Japanese and Korean companies', () => {
  it('tags Hong Kong names and codes in Simplified text, an H share by the code printed after the A-share name', () => {
    const r = tag('港股收盘，潍柴动力（02338）与中金公司(03908.HK)走高，中国联通(00762)小幅上涨，理想汽车与京东物流公布交付数据。');
    // 潍柴动力 and 中金公司 are the A shares' names (000338, 601995): the
    // Hong Kong codes after them point at the H shares; 中国联通 with 00762
    // is the red chip, not the parent's A share 600050; 理想汽车, named
    // without a market, is both its listings (02015 and LI).
    expect(r.tickers).toEqual(['00762.HK', '02015.HK', '02338.HK', '02618.HK', '03908.HK', 'LI.US']);
    expect(r.tickers).not.toContain('000338.SZ');
    expect(r.tickers).not.toContain('600050.SH');
    expect(r.entities.find((e) => e.id === 'HK:02338')?.mentions.map((m) => m.text)).toEqual(['潍柴动力', '02338']);
  });

  it('tags Japanese, Korean and US names in Traditional text, a bracketed ticker after a name included', () => {
    const r = tag('東京威力科創、愛德萬測試與SK海力士股價走高，LG新能源也上漲；美股安森美（ON）與花旗（C）財報亮眼。');
    expect(r.tickers).toEqual(['000660.KR', '373220.KR', '6857.JP', '8035.JP', 'C.US', 'ON.US']);
  });

  it('resolves a Hong Kong line of a US-listed company to the company, with the listing printed (微博-SW 09898 is WB)', () => {
    const r = tag('微博-SW(09898)與網易雲音樂走高。');
    expect(idsOf(r)).toEqual(['HK:09899', 'US:WB']);
    expect(r.tickers).toEqual(['09898.HK', '09899.HK']);
  });

  it('tags an ambiguous name only with evidence: 花旗 with its share price, in either script', () => {
    expect(tag('花旗股價大漲三成。').tickers).toEqual(['C.US']);
    expect(tag('花旗股价大涨三成。').tickers).toEqual(['C.US']);
    expect(tag('鴻海旗下夏普公布財報。').tickers).toEqual(['2317.TW', '6753.JP']);
  });

  it('does not tag an ambiguous name or a word-like ticker without evidence', () => {
    // Banks quoted as sources, the Sharpe ratio, a switch position.
    const r = tag('花旗認為美元走弱，大摩也看好降息；這檔基金的夏普比率偏低，開關切到(ON)位置。');
    expect(r.tickers).toEqual([]);
    expect(r.entities.filter((e) => e.kind === 'company')).toEqual([]);
    expect(tag('花旗认为美元走弱。').tickers).toEqual([]);
  });
});
