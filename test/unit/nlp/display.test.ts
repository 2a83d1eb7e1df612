import { afterAll, describe, expect, it } from 'vitest';
import { ownNlp } from './own-dict';

// Display names of companies: the dictionary's where the article prints it,
// else the article's own spelling (issue 12: never a fragment).
const { nlp, dispose } = ownNlp([
  { id: 'CN:300999', kind: 'company', name: 'ST甲乙', aliases: ['甲乙'], ticker: { code: '300999', market: 'SZSE' } },
  { id: 'TW:2887', kind: 'company', name: '台新新光金', aliases: ['台新金', '台新金控'], ticker: { code: '2887', market: 'TWSE' } },
  { id: 'TW:2330', kind: 'company', name: '台積電', aliases: ['TSMC'], ticker: { code: '2330', market: 'TWSE' } },
]);
afterAll(dispose);

const nameOf = (body: string, id: string): string | undefined => nlp.tag({ title: '', body }).entities.find((e) => e.id === id)?.name;

describe('company display names', () => {
  it('keeps the dictionary name when the article prints it, in either script', () => {
    expect(nameOf('台積電（2330）昨日上漲，TSMC 的 ADR 也漲。', 'TW:2330')).toBe('台積電');
    expect(nameOf('台新新光金與台新金的股東都在場。', 'TW:2887')).toBe('台新新光金');
  });

  it('takes the spelling the article prints when it never prints the dictionary name', () => {
    expect(nameOf('台新金今天舉行股東會，台新金董事長出席。', 'TW:2887')).toBe('台新金');
  });

  it('takes in an industry word after a short form and the star of a risk mark', () => {
    expect(nameOf('甲乙製藥（300999）公告年報。', 'CN:300999')).toBe('甲乙製藥');
    expect(nameOf('*ST甲乙（300999）公告年報。', 'CN:300999')).toBe('*ST甲乙');
  });
});
