import { describe, expect, it } from 'vitest';
import { mainCompany } from '../../../src/label/events';
import { label } from '../../../src/label/index';
import type { EventLabel } from '../../../src/types';
import { FOXCONN, NVDA, TSMC, tagged, type EntitySpec } from './build';

// Hand-written sentences, one mechanism each (docs/labels.md, "Rules"):
// the second round of issue 13.
const FSC: EntitySpec = { id: 'org:金管會', kind: 'org', names: ['金管會'] };
const ALL = [TSMC, FOXCONN, NVDA, FSC];

const events = (body: string, opts: { title?: string } = {}): EventLabel[] =>
  label(tagged(body, ALL, { title: opts.title }), { publishedAt: '2026-01-15T00:00:00+08:00' }).events;
const types = (body: string) => events(body).map((e) => e.type);

describe('policy words need an authority', () => {
  it('reports a rule an authority makes, not a policy talked about', () => {
    expect(types('金管會今日公布保險業新制。')).toEqual(['regulation']);
    expect(types('分析師認為新制對保險業是好事。')).toEqual([]);
    expect(types('美國政府宣布對進口晶片課徵關稅。')).toContain('regulation');
    expect(types('鴻海表示關稅談判結果優於預期，出口動能延續。')).not.toContain('regulation');
  });

  it('takes a rate as a decision only when an authority sets it', () => {
    expect(types('央行宣布調降利率半碼。')).toEqual(['regulation']);
    expect(types('低利率使得儲蓄型保單的競爭力提升。')).toEqual([]);
  });
});

describe('what is no fact of its own', () => {
  it('leaves out the time a state holds since (…以來)', () => {
    expect(types('自上月新任董事長上任以來，鴻海調整了業務架構。')).toEqual([]);
    expect(types('鴻海董事長今日上任。')).toEqual(['management_change']);
  });

  it('leaves out a caption line', () => {
    expect(types('图:鴻海近期股價持續下跌 資料來源:Wind')).toEqual([]);
    expect(types('鴻海近期股價持續下跌。')).toEqual(['price_move']);
  });

  it('leaves out topics listed as examples (包含…等)', () => {
    expect(types('鴻海表示今年挑戰不少，包含同業競爭、電價上漲等，但營收仍年增10%。')).toEqual(['earnings']);
  });

  it('leaves out the document a clause cites as its source', () => {
    expect(types('據招股書介紹，鴻海總部位於新北。')).toEqual([]);
    expect(types('鴻海今日遞交招股書，準備在港股上市。')).toContain('offering');
  });

  it('counts results only with a figure or a change of their own', () => {
    expect(types('市場飽和，影響鴻海獲利。')).toEqual([]);
    expect(types('鴻海維持了穩定的盈利水平。')).toEqual([]);
    expect(types('鴻海第三季淨利年增12%。')).toEqual(['earnings']);
    expect(types('鴻海第三季虧損擴大。')).toEqual(['earnings']);
  });

  it('leaves out a statistic over many companies', () => {
    expect(types('上半年業績預增的公司共43家，佔比73%。')).toEqual([]);
    expect(types('23家公司淨利年減，佔比20%。')).toEqual([]);
  });
});

describe('the article’s company', () => {
  it('stands in for a company fact that names no one, when one company stands out', () => {
    const body = '鴻海今日公布財報。鴻海表示，AI伺服器需求強勁。第三季淨利年增12%。鴻海股價上漲。';
    const e = events(body).find((x) => x.type === 'earnings');
    expect(e?.entities).toEqual(['TW:2317']);
  });

  it('is the only company named, or one named three times and twice as often as any other', () => {
    const c = (id: string, count: number) => ({ id, kind: 'company' as const, count });
    expect(mainCompany([c('TW:2317', 1)])).toBe('TW:2317');
    expect(mainCompany([c('TW:2317', 4), c('TW:2330', 2)])).toBe('TW:2317');
    expect(mainCompany([c('TW:2317', 4), c('TW:2330', 3)])).toBeNull();
    expect(mainCompany([c('TW:2317', 2), c('TW:2330', 1)])).toBeNull();
    expect(mainCompany([{ id: 'org:金管會', kind: 'org', count: 5 }])).toBeNull();
  });
});

describe('a deal has two sides', () => {
  it('keeps an order or a cooperation with its counterparty or an amount', () => {
    expect(types('鴻海與輝達簽署合作協議。')).toEqual(['partnership']);
    expect(types('鴻海宣布與一家日本車廠合作開發電動車。')).toEqual(['partnership']);
    expect(types('鴻海接獲5億美元訂單。')).toEqual(['partnership']);
  });

  it('drops a deal word talked of alone, or a deal that is forbidden', () => {
    expect(types('鴻海表示未來三年訂單沒問題。')).not.toContain('partnership');
    expect(types('鴻海的產品線包括伺服器與IP授權。')).toEqual([]);
    expect(types('新法禁止聯邦機構與輝達簽約。')).not.toContain('partnership');
  });
});

describe('the sense of a launch word', () => {
  it('types a plant that starts production as capex, a product as a launch', () => {
    expect(types('鴻海高雄新廠預計今年第2季投產。')).toEqual(['capex']);
    expect(types('台積電2奈米製程今年第4季量產。')).toEqual(['product_launch']);
  });

  it('reads the thing released before the word too', () => {
    expect(types('該消息一經發布，鴻海股價大漲5%。')).toEqual(['price_move']);
    expect(types('鴻海今日發布新款伺服器。')).toEqual(['product_launch']);
  });
});

describe('words inside other words', () => {
  it('reads 合併 before a result as consolidated, not a merger', () => {
    expect(types('鴻海第三季合併營業利益年增16%。')).toEqual(['earnings']);
    expect(types('鴻海宣布與輝達合併。')).toEqual(['m_and_a']);
  });

  it('reads a delisting as no listing', () => {
    expect(types('交易完成後，鴻海將終止上市。')).not.toContain('offering');
  });
});

describe('one sentence, one modality', () => {
  it('keeps a change under the forecast of the clause that holds its head', () => {
    const ev = events('鴻海預計上半年的淨利潤上限為56億元，同比增長5%。');
    expect(ev.map((e) => e.type)).toEqual(['guidance']);
  });
});

describe('a case told again', () => {
  it('is one legal event when the authority is retold with the accused', () => {
    const ev = events('金管會開出今年首張罰單，罰款60萬元。\n金管會指出，鴻海違反內控規定，處60萬元罰鍰。').filter((e) => e.type === 'legal');
    expect(ev).toHaveLength(1);
  });
});

describe('the venue is not a party', () => {
  it('leaves the exchange out of a filing or a trade', () => {
    const hkex: EntitySpec = { id: 'org:港交所', kind: 'org', names: ['港交所'] };
    const ev = label(tagged('鴻海旗下子公司今日向港交所主板遞表。', [FOXCONN, hkex]), { publishedAt: '2026-01-15T00:00:00+08:00' }).events;
    const o = ev.find((e) => e.type === 'offering');
    expect(o?.entities).toEqual(['TW:2317']);
  });
});

describe('the close decides a share-price move', () => {
  it('takes the direction of the close over an intraday one', () => {
    const ev = events('鴻海早段曾升23.8%，但午後急挫，收市跌20.9%。').filter((e) => e.type === 'price_move');
    expect(ev.map((e) => e.polarity)).toEqual([-1]);
  });
});
