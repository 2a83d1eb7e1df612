import { afterAll, describe, expect, it } from 'vitest';
import { namesOf, ownNlp } from './own-dict';

// Hand-written passages. 志強 is a listed company's short form that needs evidence (also a given name).
const { nlp, dispose } = ownNlp([
  { id: 'TW:9999', kind: 'company', name: '志強-KY', aliases: ['志強'], ambiguousAliases: ['志強'], ticker: { code: '9999', market: 'TWSE' } },
]);
afterAll(dispose);

const tag = (body: string) => nlp.tag({ title: '', body });

describe('people and company spellings that need evidence', () => {
  it('finds the person where the company spelling got no evidence', () => {
    const r = tag('公司宣布擴廠計畫。\n責任編輯：李志強');
    expect(namesOf(r, 'person')).toEqual(['李志強']);
    expect(r.tickers).toEqual([]);
  });

  it('keeps the company where its spelling has evidence', () => {
    const r = tag('志強（9999）股價大漲，營收創新高。');
    expect(r.tickers).toEqual(['9999.TW']);
    expect(namesOf(r, 'person')).toEqual([]);
  });
});
