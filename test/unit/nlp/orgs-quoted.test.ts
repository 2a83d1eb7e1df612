import { afterAll, describe, expect, it } from 'vitest';
import { namesOf, ownNlp } from './own-dict';

// Hand-written passages. 生物 is a listed company's short form that needs evidence (an ordinary word).
const { nlp, dispose } = ownNlp([
  { id: 'CN:000999', kind: 'company', name: 'ST生物', aliases: ['生物'], ambiguousAliases: ['生物'], ticker: { code: '000999', market: 'SZSE' } },
]);
afterAll(dispose);

const orgs = (body: string): string[] => namesOf(nlp.tag({ title: '', body }), 'org');

describe('organisations by their last word, more shapes', () => {
  it('takes a name in quotes whole, whatever its words are to the segmenter', () => {
    expect(orgs('主管機關指出，「街口電子支付」負責人違反規定，將處罰鍰。')).toEqual(['街口電子支付']);
  });

  it('does not take a company spelling that needs evidence for the brand of a registered name', () => {
    expect(orgs('公司與湖南甲乙生物技術股份有限公司簽署合作協議，雙方將共同研發。')).toEqual(['湖南甲乙生物技術股份有限公司']);
  });

  it('keeps a company word and the registered suffix after it in one name', () => {
    expect(orgs('该公司是由山东财丰控股集团有限公司、本地国资共同出资设立的。')).toEqual(['山东财丰控股集团有限公司']);
  });

  it('leaves quoted words without a suffix alone', () => {
    expect(orgs('市場稱之為「護國神山」，股價走高。')).toEqual([]);
  });
});
