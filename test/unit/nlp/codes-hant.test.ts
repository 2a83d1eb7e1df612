import { afterAll, describe, expect, it } from 'vitest';
import { ownNlp } from './own-dict';

// Four digits in a Traditional article are Taiwanese first (docs/nlp.md, "Inline codes").
const { nlp, dispose } = ownNlp([
  { id: 'HK:02888', kind: 'company', name: '渣打集團', aliases: ['渣打'], ticker: { code: '02888', market: 'HKEX' } },
]);
afterAll(dispose);

const tickers = (body: string): string[] => nlp.tag({ title: '', body }).tickers;

describe('four-digit codes in Traditional text', () => {
  it('reads a code after a name of its own as Taiwanese, though a Hong Kong stock has the digits', () => {
    expect(tickers('新光金（2888）今天舉行股東臨時會。')).toEqual(['2888.TW']);
  });

  it('still gives the Hong Kong stock its code when its own name stands before it', () => {
    expect(tickers('渣打（2888）股價上漲。')).toEqual(['02888.HK']);
  });
});

describe('an organisation name before a listed code', () => {
  const own = ownNlp([
    { id: 'HK:00388', kind: 'company', name: '香港交易所', aliases: ['HKEX'], ticker: { code: '00388', market: 'HKEX' } },
    { id: 'org:港交所', kind: 'org', name: '港交所', aliases: [] },
  ]);
  afterAll(own.dispose);

  it('is the listed company there, not the organisation', () => {
    const r = own.nlp.tag({ title: '', body: '港交所（00388）績後轉升，報415元。' });
    expect(r.tickers).toEqual(['00388.HK']);
    expect(r.entities.filter((e) => e.kind === 'org').map((e) => e.name)).toEqual([]);
  });
});
