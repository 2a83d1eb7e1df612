import { afterAll, describe, expect, it } from 'vitest';
import { ownNlp } from './own-dict';

// Both ways the dictionary writes a second listing: an entity with a market
// mark (中國平安H股, 台積電ADR) and the `listings` field (阿里巴巴, Alphabet).
const { nlp, dispose } = ownNlp([
  { id: 'CN:601318', kind: 'company', name: '中國平安', aliases: ['中国平安'], ticker: { code: '601318', market: 'SSE' } },
  { id: 'HK:02318', kind: 'company', name: '中國平安H股', aliases: [], ticker: { code: '02318', market: 'HKEX' } },
  { id: 'US:BABA', kind: 'company', name: '阿里巴巴', aliases: ['BABA'], ticker: { code: 'BABA', market: 'NYSE' }, listings: [{ code: '09988', market: 'HKEX' }] },
  { id: 'US:GOOGL', kind: 'company', name: 'Alphabet', aliases: ['GOOGL'], ticker: { code: 'GOOGL', market: 'NASDAQ' }, listings: [{ code: 'GOOG', market: 'NASDAQ' }] },
  { id: 'TW:2330', kind: 'company', name: '台積電', aliases: [], ticker: { code: '2330', market: 'TWSE' } },
  { id: 'US:TSM', kind: 'company', name: '台積電ADR', aliases: [], ticker: { code: 'TSM', market: 'NYSE' } },
  { id: 'HK:02999', kind: 'company', name: '平安甲乙', aliases: [], ticker: { code: '02999', market: 'HKEX' } },
]);
afterAll(dispose);

const tickers = (body: string): string[] => nlp.tag({ title: '', body }).tickers;

describe('dual listings', () => {
  it('gives every dual listing when the text names the company without a market', () => {
    expect(tickers('中國平安公布前三季業績，淨利成長。')).toEqual(['02318.HK', '601318.SH']);
    expect(tickers('阿里巴巴公布財報，雲業務成長。')).toEqual(['09988.HK', 'BABA.US']);
  });

  it('gives the listing the text points at: a printed code, a market word beside a mention', () => {
    expect(tickers('中國平安（02318）昨日收升2%。')).toEqual(['02318.HK']);
    expect(tickers('A股中國平安收漲1%。')).toEqual(['601318.SH']);
    expect(tickers('阿里巴巴（09988）股價走高。')).toEqual(['09988.HK']);
  });

  it('follows the market of the article when no mention points and only one market is named', () => {
    expect(tickers('滬市今日收高，滬市成交放量，中國平安領漲。')).toEqual(['601318.SH']);
    expect(tickers('港股今日反彈，中國平安上漲，港元走強。')).toEqual(['02318.HK']);
  });

  it('leaves to a company listed only in one market the market words of its sentences', () => {
    expect(tickers('中國平安公布業績。平安甲乙在港交所上市，募資港元50億。')).toEqual(['02318.HK', '02999.HK', '601318.SH']);
  });

  it('shows an implied listing on the entity and names the market line by the company', () => {
    const r = nlp.tag({ title: '', body: '阿里巴巴公布財報。' });
    expect(r.entities.find((e) => e.id === 'US:BABA')?.listings).toEqual([{ code: '09988', market: 'HKEX' }]);
    const h = nlp.tag({ title: '', body: '中國平安H股走強。' });
    expect(h.entities.find((e) => e.id === 'HK:02318')?.name).toBe('中國平安');
  });

  it('implies neither an ADR nor another share class', () => {
    expect(tickers('台積電今日上漲。')).toEqual(['2330.TW']);
    expect(tickers('台積電ADR大漲，台積電今日跟漲。')).toEqual(['2330.TW', 'TSM.US']);
    expect(tickers('Alphabet公布財報。')).toEqual(['GOOGL.US']);
  });
});
