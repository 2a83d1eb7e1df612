import { describe, expect, it } from 'vitest';
import { label } from '../../../src/label/index';
import type { EventLabel } from '../../../src/types';
import { FOXCONN, NVDA, TSMC, tagged, type EntitySpec } from './build';

// Hand-written sentences, one mechanism each (docs/labels.md, "Rules").
const QUANTA: EntitySpec = { id: 'TW:2382', names: ['廣達', '广达'] };
const WISTRON: EntitySpec = { id: 'TW:3231', names: ['緯創'] };
const GS: EntitySpec = { id: 'org:高盛證券', kind: 'org', names: ['高盛證券'] };
const DRAM: EntitySpec = { id: 'product:DRAM', kind: 'product', names: ['DRAM'] };
const MU: EntitySpec = { id: 'US:MU', names: ['美光'] };
const ALL = [TSMC, FOXCONN, NVDA, QUANTA, WISTRON, GS, DRAM, MU];

const events = (body: string, opts: { title?: string; publishedAt?: string } = {}): EventLabel[] =>
  label(tagged(body, ALL, { title: opts.title }), { publishedAt: opts.publishedAt ?? '2026-01-15T00:00:00+08:00' }).events;
const types = (body: string, opts?: Parameters<typeof events>[1]) => events(body, opts).map((e) => e.type);
const one = (body: string, type: string) => {
  const found = events(body).filter((e) => e.type === type);
  expect(found, `${type} in ${JSON.stringify(events(body).map((e) => [e.type, e.entities]))}`).toHaveLength(1);
  return found[0]!;
};

describe('modality of the clause', () => {
  it('types expected results as guidance, with modality forecast, and reported ones as earnings', () => {
    const g = one('鴻海預估第一季營收將季增15%。', 'guidance');
    expect(g.modality).toBe('forecast');
    expect(g.entities).toEqual(['TW:2317']);
    expect(types('鴻海預估第一季營收將季增15%。')).not.toContain('earnings');
    const e = one('台積電公布第四季營收達8,000億元，年增20%。', 'earnings');
    expect(e.modality).toBe('reported');
    expect(e.polarity).toBe(1);
  });

  it('carries an expectation across a sentence split at ；, one guidance per metric', () => {
    const ev = events('台積電預期，第一季營收將介於300億至310億美元；毛利率約60%至62%。');
    expect(ev.map((e) => e.type)).toEqual(['guidance', 'guidance']);
    expect(ev.every((e) => e.modality === 'forecast')).toBe(true);
  });

  it('marks hearsay as rumour, and reports nothing that is asked or only possible', () => {
    expect(one('市傳鴻海將收購一家日本車廠。', 'm_and_a').modality).toBe('rumour');
    expect(types('鴻海是否會收購一家日本車廠？')).toEqual([]);
    expect(types('鴻海可能收購一家日本車廠。')).toEqual([]);
    expect(types('鴻海宣布收購一家日本車廠。')).toEqual(['m_and_a']);
  });

  it('leaves out history: a year long before the article, or 曾經', () => {
    expect(types('2017年，鴻海與輝達合作推出伺服器。')).toEqual([]);
    expect(types('鴻海曾經與輝達簽署MOU。')).toEqual([]);
    // The same fact this year is reported.
    expect(types('今年鴻海與輝達簽署MOU。')).toEqual(['partnership']);
    // Last year's change of people is history; last year's results are reported now.
    expect(types('2025年，鴻海董事長請辭。')).toEqual([]);
    expect(types('2025年鴻海營收年增10%。')).toEqual(['earnings']);
  });

  it('leaves out a cause given for another fact and a risk named', () => {
    expect(types('受惠於AI訂單湧入，廣達第四季營收年增30%。')).toEqual(['earnings']);
    expect(types('台積電表示監管風險仍存。')).toEqual([]);
  });
});

describe('sense of a word from what it is about', () => {
  it('reads 發布財報 as results and 發布…計劃書 as no launch', () => {
    expect(types('台積電今日發布財報，第四季淨利年增35%。')).toEqual(['earnings']);
    expect(types('鴻海發布永續發展計劃書。')).toEqual([]);
  });

  it('types a raise by its object: a product price, a policy rate, a price target', () => {
    expect(types('台積電通知客戶調升售價一成。')).toEqual(['supply_pricing']);
    const ev = events('央行宣布上调基准利率一码，台积电股价下跌2%。');
    expect(ev.map((e) => e.type).sort()).toEqual(['price_move', 'regulation']);
    expect(ev.find((e) => e.type === 'price_move')!.polarity).toBe(-1);
    expect(one('外資調升台積電目標價至1,500元。', 'analyst_rating').entities).toEqual(['TW:2330']);
  });

  it("reads a shareholder's 減持 as a stake change, 增持評級 as a rating, and a negated one as nothing", () => {
    expect(one('鴻海大股東減持持股2%。', 'stake_change').polarity).toBe(-1);
    expect(types('外資給予台積電增持評級。')).toEqual(['analyst_rating']);
    expect(types('鴻海大股東表示不會減持持股。')).toEqual([]);
  });

  it('tells a product price from a share price', () => {
    expect(types('DRAM價格逐月走高，美光受惠。')).toEqual(['supply_pricing']);
    expect(types('台積電股價走高3%。')).toEqual(['price_move']);
  });

  it('sees a trigger word inside a name the tagger did not know', () => {
    expect(types('全球半導體聯盟（GSA）理事長表示，產業前景樂觀。')).toEqual([]);
  });
});

describe('which entity an event is about', () => {
  it('leaves out a broker quoted as the source of a forecast', () => {
    expect(one('高盛證券預估，台積電今年營收將成長25%。', 'guidance').entities).toEqual(['TW:2330']);
  });

  it("gives two companies' results in one sentence as two events, each with its own polarity", () => {
    const ev = events('鴻海營收年增10%，廣達營收年減5%。').filter((e) => e.type === 'earnings');
    expect(ev.map((e) => [e.entities, e.polarity])).toEqual([
      [['TW:2317'], 1],
      [['TW:2382'], -1],
    ]);
  });

  it('gives several subjects sharing one move as one event listing them all, polarity from their own move', () => {
    const p = one('鴻海、廣達、緯創股價雙雙跌停，市場氣氛樂觀。', 'price_move');
    expect(p.entities).toEqual(['TW:2317', 'TW:2382', 'TW:3231']);
    expect(p.polarity).toBe(-1);
  });

  it('keeps index moves apart and without entities', () => {
    const ev = events('恒指收報20000點，跌200點。國指收報7000點，跌80點。');
    expect(ev.map((e) => [e.type, e.entities, e.polarity])).toEqual([
      ['price_move', [], -1],
      ['price_move', [], -1],
    ]);
  });
});

describe('events per fact, title and chrome', () => {
  it('keeps a fact told again as mentions of one event', () => {
    const ev = events('台積電第四季營收達8,000億元。\n台積電表示，第四季營收8,000億元創新高。');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.mentions).toHaveLength(1);
    expect(ev[0]!.mentions![0]!.text).toBe('台積電表示，第四季營收8,000億元創新高。');
  });

  it('labels the title like a sentence of the body, with field title', () => {
    const title = '台積電股價創新高';
    const ev = events('今日天氣晴朗。', { title });
    expect(ev.map((e) => [e.type, e.evidence.field, e.evidence.text])).toEqual([['price_move', 'title', title]]);
  });

  it('skips navigation, tag and promo lines', () => {
    expect(types('延伸閱讀：鴻海營收創新高\n標籤：營收｜台積電｜漲停')).toEqual([]);
    expect(types('鴻海營收創新高，年增12%。')).toEqual(['earnings']);
  });
});
